"""Named entities (PERSON, ORGANIZATION, LOCATION) from POS tags, word lists and rules.

NLTK's statistical chunker is not needed: the recogniser finds runs of capitalised tokens
(joined by "of", "for", "the", "and", "de", ...), strips titles and role words from the front
("President", "Press Secretary of the Russian President"), and labels each run from, in
order: organisation cue words ("University", "Communications", "Ministry", "Inc."), the
gazetteers (NLTK ``gazetteers`` plus a short list of world cities and regions below), first
names (NLTK ``names``) and person titles, and the run's shape. The word lists are data:
``analysis/lexicons/entity_cues.toml``. Short forms are linked to the
longest name they abbreviate in the same text ("Peskov" -> "Dmitry Peskov", "Zoom" ->
"Zoom Video Communications"); the ``canonical`` column carries that link.

Dates ("Wednesday, April 7") are labelled DATE so they are not mistaken for names.

References:
    Nadeau, D. & Sekine, S. (2007). A survey of named entity recognition and classification.
    Lingvisticae Investigationes 30(1). (Rule- and list-based NER features.)
    Mikheev, A., Moens, M. & Grover, C. (1999). Named entity recognition without gazetteers.
    EACL. (Capitalisation, sentence-initial ambiguity and short-form linking.)
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .. import cache
from ..lexicons import table, words
from . import nltk_data as nltkdata
from .parsed import ParsedText, parse

ENTITY_COLUMNS = ["text", "label", "start", "end", "canonical", "sentence"]

#: The recogniser's word lists (``analysis/lexicons/entity_cues.toml``).
_LISTS = table("entity_cues.toml")

#: Words that end or contain an organisation name.
ORG_CUES = frozenset(_LISTS["org_cues"])
#: Well-known organisations that carry no cue word.
KNOWN_ORGS = frozenset(_LISTS["known_orgs"])
#: Places the NLTK gazetteers lack: capitals, large cities and regions often in the news.
EXTRA_PLACES = frozenset(_LISTS["extra_places"]) | frozenset(_LISTS["extra_place_names"])
#: Titles and role words that precede a person's name and are not part of it.
PERSON_TITLES = frozenset(_LISTS["person_titles"])
_CONNECTORS = frozenset(_LISTS["connectors"])
_MONTHS = frozenset(m.capitalize() for m in (*words("months.txt"), *words("months_abbreviated.txt")))
_WEEKDAYS = frozenset(day.capitalize() for day in words("weekdays.txt"))
_LEADING_DROP = frozenset(_LISTS["leading_drop"])
_ABBREVIATIONS = r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|Prof|Rev|Inc|Corp|Co|Ltd)\.(?!\w)"
_TOKEN = re.compile(_ABBREVIATIONS + r"|[A-Za-z][\w\-]*(?:['’](?![sS]\b)\w+)*(?:(?<=s)['’](?=\s+[A-Z]))?|\d[\d,.]*%?|&|[^\w\s]")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
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
def _places() -> frozenset[str]:
    nltkdata.require("gazetteers")
    from nltk.corpus import gazetteers

    skip = {"usstateabbrev.txt", "nationalities.txt"}
    words = {w for f in gazetteers.fileids() if f not in skip for w in gazetteers.words(f)}
    return frozenset(words | EXTRA_PLACES)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    nltkdata.require("gazetteers")
    from nltk.corpus import gazetteers

    return frozenset(gazetteers.words("nationalities.txt")) | frozenset(_LISTS["extra_demonyms"])


def _build_common_words() -> frozenset[str]:
    from nltk.corpus import stopwords, words

    return frozenset(w for w in words.words() if w.islower()) | frozenset(stopwords.words("english"))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case English words and stop words: a capitalised one at sentence start is no name.

    Read from :func:`analysis.cache.cached_object` when built before from the same files.
    """
    files = [nltkdata.location("words"), nltkdata.location("stopwords")]  # raises when missing
    return cache.cached_object("common_words", _build_common_words, files=files, module=__name__)


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() is False and token.isupper() and len(token) > 1)


def _tokens(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _runs(tokens: list[tuple[str, int, int]]) -> list[list[int]]:
    """Indices of maximal runs of capitalised tokens, with connectors allowed inside."""
    runs, current, pending = [], [], []
    for i, (tok, _, _) in enumerate(tokens):
        if _is_cap(tok) and tok[0].isalpha():
            current.extend(pending)
            pending = []
            current.append(i)
        elif current and tok in _CONNECTORS and (tok != "the" or (pending and tokens[pending[-1]][0] != "the")):
            pending.append(i)
        elif current and tok == "." and tokens[current[-1]][0] in ("St", "Mr", "Dr", "Mrs", "Ms", "Jr"):
            current.append(i)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


_AFTER_PREPOSITION = re.compile(r"\b(?:in|from|to|across|near|of)\s*$")


def _word_before(sentence: str, start: int) -> str:
    """The end of ``sentence[:start]`` that decides whether a preposition comes right before
    ``start`` (the white space before it, the last seven other characters): what
    :data:`_AFTER_PREPOSITION` needs, without copying a long sentence for every name."""
    i = start
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    return sentence[max(0, i - 7) : start]


def _classify(words: list[str], before: str) -> str | None:
    name = " ".join(words)
    if not words:
        return None
    if words[0] in _MONTHS or words[0] in _WEEKDAYS:
        return "DATE"
    if any(w in ORG_CUES for w in words[1:]) or (len(words) > 1 and words[-1] in ORG_CUES):
        return "ORGANIZATION"
    if name in _places() or name in EXTRA_PLACES:
        return "LOCATION"
    if name in KNOWN_ORGS or words[0] in KNOWN_ORGS:
        return "ORGANIZATION"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and "." not in words[0]:
        return "ORGANIZATION"  # acronyms: FBI, NATO
    if words[0] in _first_names() and len(words) >= 2:
        return "PERSON"
    if words[0] in ORG_CUES:
        return "ORGANIZATION"
    if all(w in _demonyms() for w in words):
        return None
    if "&" in words:
        return "ORGANIZATION"
    if _AFTER_PREPOSITION.search(before) and name in _places():
        return "LOCATION"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "PERSON"
    if len(words) == 1 and words[0] in _first_names():
        return "PERSON"
    return "ORGANIZATION" if len(words) == 1 else None


def _split_title(words: list[str]) -> int:
    """Number of leading title/role words (and their connectors) before a person's name."""
    last_title = -1
    for i, w in enumerate(words):
        if w in PERSON_TITLES or w in _demonyms() or (w in _CONNECTORS and last_title == i - 1):
            last_title = i
        else:
            break
    # "Press Secretary of the Russian President Dmitry Peskov": titles may continue after "of the"
    for i in range(last_title + 1, len(words)):
        if words[i] in PERSON_TITLES and all(w in PERSON_TITLES or w in _CONNECTORS or w in _demonyms() for w in words[last_title + 1 : i]):
            last_title = i
    # "Transport Minister Rafal Zielinski": a capitalised department before a title word
    titles = [i for i, w in enumerate(words[:5]) if w in PERSON_TITLES and w not in _CONNECTORS]
    if titles and titles[-1] > last_title and 1 <= len(words) - titles[-1] - 1 <= 3 and not any(w in ORG_CUES for w in words[titles[-1] + 1 :]):
        last_title = titles[-1]
    return last_title + 1


def extract_entities(text: str | ParsedText) -> pd.DataFrame:
    """Entity mentions in ``text`` with character offsets.

    Args:
        text: any text, or its :class:`analysis.nlp.parsed.ParsedText` (an article's
            ``parsed``), whose sentences are then used; offsets refer to the text.

    Returns:
        DataFrame with columns ``text, label, start, end, canonical, sentence``: ``label`` is
        PERSON, ORGANIZATION, LOCATION or DATE; ``canonical`` is the longest name in the
        text that this mention abbreviates (or the mention itself).

    Example:
        >>> extract_entities("Kremlin spokesman Dmitry Peskov spoke in Moscow.")[["text", "label"]].values.tolist()
        [['Kremlin', 'ORGANIZATION'], ['Dmitry Peskov', 'PERSON'], ['Moscow', 'LOCATION']]
    """
    doc = parse(text)
    text, sentences = doc.text, doc.sentences
    rows = []
    common = _common_words()
    for sid, s_start, s_end in zip(sentences["sentence"].tolist(), sentences["start"].tolist(), sentences["end"].tolist()):
        sentence = text[s_start:s_end]
        tokens = _tokens(sentence)
        first_word = _first_word(tokens)
        for run in _runs(tokens):
            words = [tokens[i][0] for i in run]
            offsets = [(tokens[i][1], tokens[i][2]) for i in run]
            # a sentence-initial or quote-initial common word is no name ("Later", "The")
            while words and (words[0] in _LEADING_DROP or (_sentence_initial(tokens, run[0], first_word) and _is_common(words[0], common) and (len(words) == 1 or words[0].lower() in _FUNCTION_WORDS) and words[0] not in _places() and words[0] not in KNOWN_ORGS and words[0] not in PERSON_TITLES and words[0] not in _first_names())):
                words, offsets, run = words[1:], offsets[1:], run[1:]
            while words and words[-1] in _CONNECTORS:
                words, offsets, run = words[:-1], offsets[:-1], run[:-1]
            rows.extend(_entities_in_run(words, offsets, sentence, s_start, sid))
    rows = [row for row in rows if row[1] is not None]
    found = {"text": [r[0] for r in rows], "label": [r[1] for r in rows]}
    found["label"] = _surnames_are_people(found)
    canonical = link_short_forms(found)
    columns = {
        "text": found["text"], "label": found["label"], "start": [r[2] for r in rows],
        "end": [r[3] for r in rows], "canonical": canonical, "sentence": [r[4] for r in rows],
    }  # fmt: skip
    return pd.DataFrame({c: pd.Series(columns[c], dtype="int64" if c in ("start", "end", "sentence") else None) for c in ENTITY_COLUMNS})


_FUNCTION_WORDS = frozenset(_LISTS["function_words"])


def _is_common(word: str, common: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in common or (lower.endswith("s") and lower[:-1] in common) or (lower.endswith("es") and lower[:-2] in common)


def _first_word(tokens) -> int:
    """Index of the first token that starts with a letter or digit (``len(tokens)`` if none)."""
    return next((i for i, (t, _, _) in enumerate(tokens) if t[0].isalnum()), len(tokens))


def _sentence_initial(tokens, index: int, first_word: int) -> bool:
    """First word of the sentence, or of a quotation or a clause after a colon.

    ``first_word`` is :func:`_first_word` of ``tokens`` (one pass per sentence instead of one
    per name, so a very long sentence stays linear).
    """
    return index <= first_word or tokens[index - 1][0] in ('"', "“", "‘", ":", "'", "``")


def _entities_in_run(words, offsets, sentence, s_start, sid) -> list[tuple]:
    if not words:
        return []
    n_title = _split_title(words) if len(words) > 1 or words[0] in PERSON_TITLES else 0
    rows = []
    if n_title:
        title_words = words[:n_title]
        name_words, name_offsets = words[n_title:], offsets[n_title:]
        # organisations and places named inside the role ("Kremlin spokesman", "U.S. President")
        for w, (ws, we) in zip(title_words, offsets[:n_title]):
            if w in ("Kremlin", "Pentagon"):
                rows.append((w, "ORGANIZATION", s_start + ws, s_start + we, sid))
            elif w in ("U.S.", "US", "UK", "U.K."):
                rows.append((w, "LOCATION", s_start + ws, s_start + we, sid))
        if not name_words:
            return rows
        label = "PERSON" if any(t in PERSON_TITLES for t in title_words) and len(name_words) <= 4 and not any(w in ORG_CUES for w in name_words) else None
        words, offsets = name_words, name_offsets
    else:
        label = None
    start, end = offsets[0][0], offsets[-1][1]
    label = label or _classify(words, _word_before(sentence, start))
    if label is None:
        return rows
    rows.append((sentence[start:end], label, s_start + start, s_start + end, sid))
    return rows


def _surnames_are_people(entities: pd.DataFrame | dict[str, list]) -> list[str]:
    """A one-word mention that is the last word of a person named in the text is that person."""
    surnames = {t.split()[-1] for t, lab in zip(entities["text"], entities["label"]) if lab == "PERSON" and " " in t}
    return ["PERSON" if (" " not in t and t in surnames) else lab for t, lab in zip(entities["text"], entities["label"])]


def link_short_forms(entities: pd.DataFrame | dict[str, list]) -> list[str]:
    """For each mention, the longest mention of the same label that it abbreviates.

    ``entities`` has columns (or keys) ``text`` and ``label``.

    A short form abbreviates a longer name when its words are the longer name's first words
    ("Zoom" / "Zoom Video Communications") or, for people, its last word ("Peskov").
    """
    # longest first; names of equal length in order of first mention (a fixed order, so
    # the result never depends on how Python happens to order a set)
    names = sorted(dict.fromkeys(zip(entities["text"], entities["label"])), key=lambda x: -len(x[0]))
    out = []
    for mention, label in zip(entities["text"], entities["label"]):
        words = mention.split()
        best = mention
        for name, name_label in names:
            if len(name) <= len(best) or name_label != label:
                continue
            other = name.split()
            if other[: len(words)] == words or (label == "PERSON" and other[-len(words) :] == words):
                best = name
        out.append(best)
    return out
