"""The word lists and gazetteers of the entity recogniser, each read once.

Shared by the rules (:mod:`analysis.nlp.ner_rules`), the trained model's features
(:mod:`analysis.nlp.ner_features`) and the clean-up of its output
(:mod:`analysis.nlp.entities`). The lists are data: ``analysis/lexicons/entity_cues.toml``,
NLTK's ``names`` (first names), ``gazetteers`` (places, nationalities), ``words`` and
``stopwords`` (common lower-case words), and the world places of GeoNames
(``analysis/lexicons/world_places.csv``, CC-BY 4.0).
"""

from __future__ import annotations

import csv
import sys
from functools import lru_cache

from .. import cache
from ..lexicons import read_text, table, words
from . import nltk_data as nltkdata

#: The recogniser's word lists (``analysis/lexicons/entity_cues.toml``).
LISTS = table("entity_cues.toml")

#: Words that end or contain an organisation name.
ORG_CUES = frozenset(LISTS["org_cues"])
#: Words that end a place name ("River", "County") and organisation cue words beyond
#: :data:`ORG_CUES` ("Club", "Records"): read only by the trained model's features.
LOC_CUES = frozenset(LISTS["loc_cues"])
MODEL_ORG_CUES = ORG_CUES | frozenset(LISTS["model_org_cues"])
#: Words that end a firm's or a newspaper's name (``org_name_ends``), read only by the rules
#: after the model: a name the model stopped right before one of them ends with it ("Rydal
#: Plastics", "Marsh Valley Courier").
FIRM_AND_PAPER_ENDS = frozenset(LISTS["org_name_ends"])
#: Every word that ends an organisation's name, for the rules after the model.
ORG_NAME_ENDS = MODEL_ORG_CUES | FIRM_AND_PAPER_ENDS
#: Well-known organisations that carry no cue word.
KNOWN_ORGS = frozenset(LISTS["known_orgs"])
#: Places the NLTK gazetteers lack: capitals, large cities and regions often in the news.
EXTRA_PLACES = frozenset(LISTS["extra_places"]) | frozenset(LISTS["extra_place_names"])
#: Titles and role words that precede a person's name and are not part of it.
PERSON_TITLES = frozenset(LISTS["person_titles"])
#: Titles that are only ever titles (never a name or part of an organisation's name).
HONORIFICS = frozenset(LISTS["honorifics"])
#: Name suffixes that belong to the name ("Jr.", "III").
NAME_SUFFIXES = frozenset(LISTS["name_suffixes"])
#: Capitalised phrases that are never names ("FULL TEXT") and days that are dates ("Election Day").
NOT_NAMES = frozenset(LISTS["not_names"])
HOLIDAYS = frozenset(LISTS["holidays"])
CONNECTORS = frozenset(LISTS["connectors"])
MONTHS = frozenset(m.capitalize() for m in (*words("months.txt"), *words("months_abbreviated.txt")))
WEEKDAYS = frozenset(day.capitalize() for day in words("weekdays.txt"))
LEADING_DROP = frozenset(LISTS["leading_drop"])
FUNCTION_WORDS = frozenset(LISTS["function_words"])


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names (NLTK ``names``, female and male)."""
    nltkdata.require("names")
    from nltk.corpus import names

    return frozenset(names.words())


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """First name -> ``"female"``, ``"male"`` or ``"either"`` (NLTK ``names`` lists)."""
    nltkdata.require("names")
    from nltk.corpus import names

    female, male = set(names.words("female.txt")), set(names.words("male.txt"))
    return {n: ("either" if n in female and n in male else "female" if n in female else "male") for n in female | male}


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names: NLTK ``gazetteers`` (countries, US states and cities, ...) and ``extra_places``."""
    nltkdata.require("gazetteers")
    from nltk.corpus import gazetteers

    skip = {"usstateabbrev.txt", "nationalities.txt"}
    found = {w for f in gazetteers.fileids() if f not in skip for w in gazetteers.words(f)}
    return frozenset(found | EXTRA_PLACES)


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words ("German", "Syrian"): NLTK's list and ``extra_demonyms``."""
    nltkdata.require("gazetteers")
    from nltk.corpus import gazetteers

    return frozenset(gazetteers.words("nationalities.txt")) | frozenset(LISTS["extra_demonyms"])


@lru_cache(maxsize=1)
def world_places() -> dict[str, str]:
    """World places: name -> kind. The GeoNames places of ``world_places.csv``
    (``continent``, ``country``, ``us_state``, ``us_county``, ``city_1m``, ``city_100k``,
    ``city``) and the regions and natural features of ``world_regions.csv`` (``region``,
    ``water``, ``land``; the GeoNames kind wins where a name is in both)."""
    found: dict[str, str] = {}
    for name in ("world_regions.csv", "world_places.csv"):  # rows read one by one: 40,000 of them
        lines = (line for line in read_text(name).splitlines() if line and not line.startswith("#"))
        next(lines)  # the header: name,kind
        for place, kind in csv.reader(lines):
            found[place] = sys.intern(kind)
    return found


def _build_common_words() -> frozenset[str]:
    from nltk.corpus import stopwords
    from nltk.corpus import words as word_list

    return frozenset(w for w in word_list.words() if w.islower()) | frozenset(stopwords.words("english"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words and stop words: a capitalised one at sentence start is no name.

    Read from :func:`analysis.cache.cached_object` when built before from the same files.
    """
    files = [nltkdata.location("words"), nltkdata.location("stopwords")]  # raises when missing
    return cache.cached_object("common_words", _build_common_words, files=files, module=__name__)


def is_common(word: str, common: frozenset[str]) -> bool:
    """``word`` (any case) is a common English word, or its plural."""
    lower = word.lower()
    return lower in common or (lower.endswith("s") and lower[:-1] in common) or (lower.endswith("es") and lower[:-2] in common)
