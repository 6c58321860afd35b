"""Person names as journalists write them: the name, and the titles and labels around it.

``"Sen. Marco Rubio"``, ``"FBI Director James B. Comey"``, ``"Democrat Hillary Clinton"``,
``"Rep. Elijah Cummings of Maryland"`` and ``"Martin Luther King Jr."``: :func:`parse_name`
keeps the name (with its middle initials, particles and suffixes) apart from the titles,
honorifics, party labels and place tag written around it, which are evidence of the
speaker's type and gender but no part of the name. The word lists are data
(``analysis/lexicons/speaker_titles.toml``). :mod:`.name_index` links the short forms of
one article ("Comey", "Ms. Kovner") to the full names it gives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicons import table
from ..nlp import nltk_data
from ..nlp.entities import leading_job_words

_TITLES = table("speaker_titles.toml")
SUFFIXES = frozenset(_TITLES["suffixes"])
PARTICLES = frozenset(_TITLES["particles"])
HONORIFIC_GENDER: dict[str, str] = {w: g for g, ws in _TITLES["honorifics"].items() for w in ws}
ROLE_GENDER: dict[str, str] = {w: g for g, ws in _TITLES["gendered"].items() for w in ws}
PARTY_LABELS = frozenset(_TITLES["party"]["labels"])
#: Title phrase (lower case, no full stops) -> the speaker type it is evidence of.
TITLE_TYPES: dict[str, str] = {}
for _type, _phrases in _TITLES["titles"].items():
    for _phrase in _phrases:
        TITLE_TYPES.setdefault(_phrase, _type)
_TITLE_WORDS = frozenset(w for phrase in TITLE_TYPES for w in phrase.split())
#: Every word of a title phrase ("director", "attorney", "leader").
TITLE_WORDS = _TITLE_WORDS
_NOT_NAME = frozenset(
    "the a an former then acting interim late u.s us federal state deputy assistant senior "
    "chief top incoming outgoing retired ex".split()
) | frozenset(_TITLES["function_words"])
#: A title written with a full stop, or an initial, right before a capitalised word, or a
#: firm's abbreviation before a lower-case word: the full stop ends no sentence and no speaker
#: phrase ("Sen. Marco Rubio", "James B. Comey", "a Crumb & Co. shop").
ABBREVIATION_DOT = re.compile(
    r"\b(?:(?:" + "|".join(sorted((a.capitalize() for a in _TITLES["abbreviations"]), key=len, reverse=True))
    + r")|[A-Z])\.(?=\s+[A-Z])|\b(?:Co|Inc|Corp|Ltd|Bros)\.(?=\s+[a-z])"
)
_SUFFIX_AFTER = re.compile(r"^(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))(?![\w])")
# "of Maryland", "of the University of Marlow School of Law", "at Human Rights Watch" after a name
_PLACE_TAG = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.’'&\-]*(?:\s+(?:[A-Z][\w.’'&\-]*|of|for|and|on|the))*\s*$")
_PARENTHETICAL = re.compile(r"\s*\(([^()]{1,40})\)")
_TOKEN = re.compile(r"[\w’'.\-]+")


class NameParts(NamedTuple):
    """A mention split into the name and what is written around it."""

    name: str  # "James B. Comey"; "" when the mention holds no name
    titles: tuple[str, ...]  # lower-case words before the name: ("fbi", "director")
    gender: str | None  # "female"/"male" from an honorific or a gendered title, else None
    party: str | None  # "democrat", "republican", ... from a label or "(D-Md.)"


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    return word.strip(".,’'").lower()


def is_name_word(word: str) -> bool:
    """A word that can stand inside a person's name: capitalised, an initial, a particle or a suffix."""
    plain = _plain(word)
    if not plain:
        return False
    return word[:1].isupper() or plain in PARTICLES or plain in SUFFIXES


@lru_cache(maxsize=65536)
def parse_name(mention: str) -> NameParts:
    """Split a mention into the name and its titles, gender evidence and party label.

    >>> parse_name("FBI Director James B. Comey").name, parse_name("Sen. Marco Rubio (R-Fla.)").party
    ('James B. Comey', 'republican')
    >>> parse_name("Democrat Hillary Clinton").name, parse_name("Rep. Elijah Cummings of Maryland").name
    ('Hillary Clinton', 'Elijah Cummings')
    >>> parse_name("Ms. Kovner").gender, parse_name("Martin Luther King Jr.").name
    ('female', 'Martin Luther King Jr.')
    """
    party = None
    paren = _PARENTHETICAL.search(mention)
    if paren:
        tag = paren.group(1).strip()
        if re.match(r"^[DRI]\s*[-–,]", tag):
            party = {"D": "democrat", "R": "republican", "I": "independent"}[tag[0]]
        mention = mention[: paren.start()] + mention[paren.end() :]
    mention = mention.strip(" ,")
    # "of Maryland" after a name is a place tag, not a part of it
    place = _PLACE_TAG.search(mention)
    tag_words = place.group().split() if place else []
    before_tag = mention[: place.start()].split() if place else []
    named = sum(w[:1].isupper() and _plain(w) not in _STOPS_A_NAME for w in before_tag[-2:]) == 2 or (
        len(before_tag) >= 2 and before_tag[-1][:1].isupper() and _plain(before_tag[-1]) not in _STOPS_A_NAME
        and (_plain(before_tag[-2]) in HONORIFIC_GENDER or _plain(before_tag[-2]) in _TITLE_WORDS)  # "Mr. Nevins of Showtime"
    )
    if place and named and not (
        len(tag_words) >= 3 and tag_words[-2] in first_name_genders()  # "Supervisor of Elections Susan Bucher": the name is last
    ):
        mention = mention[: place.start()]
    tokens = _TOKEN.findall(mention)
    # the last run of name words; titles inside it stop it ("FBI Director James Comey")
    end = len(tokens)
    while end and not tokens[end - 1].strip(".’'"):
        end -= 1
    start = end
    while start > 0 and is_name_word(tokens[start - 1]) and not tokens[start - 1].endswith(("’s", "'s")):
        if _plain(tokens[start - 1]) in _STOPS_A_NAME:
            break
        start -= 1
    while start < end and (_plain(tokens[start]) in SUFFIXES or tokens[start][:1].islower()):
        start += 1  # a name does not open with "de" or "Jr."
    if start >= 2 and end - start >= 3 and tokens[start - 1] == "of" and tokens[start - 2][:1].isupper():
        # "Supervisor of Elections Susan Bucher", "Director of Government Affairs Phil Smith": the
        # words up to the first name belong to the title
        first = next((i for i in range(start + 1, end - 1) if tokens[i] in first_name_genders()), start + 1)
        start = first
    if end - start >= 3:
        start += leading_job_words(tokens[start:end])  # "Curator Lina Ortmann": the job is no part of the name
    name_tokens = tokens[start:end]
    titles = _title_run(tokens[:start])
    gender = None
    for word in titles:
        gender = HONORIFIC_GENDER.get(word) or ROLE_GENDER.get(word) or gender
    if gender == "neutral" or (start and tokens[start - 1].lower() in ("for", "to")):
        gender = None  # "A spokesman for Lowe": the spokesman's gender, not Lowe's
    party = party or next((w.rstrip("s") if w.endswith("crats") or w.endswith("cans") else w for w in titles if w in PARTY_LABELS), None)
    if party == "democratic":
        party = "democrat"
    name = " ".join(name_tokens).strip(",")
    if name and not any(_plain(t) not in SUFFIXES and len(_plain(t)) > 1 for t in name_tokens):
        name = ""  # only initials or a suffix
    return NameParts(name, titles, gender, party)


_STOPS_A_NAME = _TITLE_WORDS | frozenset(HONORIFIC_GENDER) | PARTY_LABELS | _NOT_NAME

#: Words that may stand inside a title run besides the titles themselves ("Clinton campaign
#: spokesman", "White House press secretary", "national security adviser").
_TITLE_FILLERS = frozenset(
    "campaign press national security house of state for the and adviser advisor aide official "
    "spokesperson vice deputy assistant senior general".split()
)


#: Titles that any organisation has: they say nothing of the type next to an organisation's name.
ORG_TITLES = frozenset(_TITLES["organisation_titles"])
_NATIONALITY = re.compile(r"(?:an|ese|ish|ch|i)$")


def _title_run(tokens: list[str]) -> tuple[str, ...]:
    """The title words right before a name (lower case): a run of titles, honorifics, party
    labels and capitalised words, stopped by a possessive or any other lower-case word."""
    run: list[str] = []
    for token in reversed(tokens):
        plain = _plain(token)
        if not plain or token.endswith(("’s", "'s")):
            break
        known = plain in _TITLE_WORDS or plain in HONORIFIC_GENDER or plain in PARTY_LABELS or plain in _NOT_NAME or plain in _TITLE_FILLERS or plain in ROLE_GENDER
        if not (known or token[:1].isupper()):
            break
        run.insert(0, plain)
    return tuple(run)


def title_types(titles: tuple[str, ...] | list[str]) -> list[str]:
    """The speaker types the title words stand for, longest title phrase first.

    >>> title_types(("fbi", "director")), title_types(("sen",)), title_types(("the",))
    (['government'], ['politics'], [])
    """
    found: list[str] = []
    words = list(titles)
    former = "former" in words
    # "Judicial Watch President", "Clinton campaign spokesman": a title any organisation has
    # says nothing of the type when the organisation is named in the run
    named_body = any(w not in _TITLE_WORDS and w not in _TITLE_FILLERS and w not in _NOT_NAME and w not in PARTY_LABELS and w not in HONORIFIC_GENDER and not _NATIONALITY.search(w) for w in words)
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words[i : i + size]) == size and phrase in TITLE_TYPES:
                if size == 1 and named_body and phrase in ORG_TITLES:
                    break
                if not (former and TITLE_TYPES[phrase] == "government"):  # a former official speaks as something else
                    found.append(TITLE_TYPES[phrase])
                i += size - 1
                break
        i += 1
    return found


def suffix_after(text: str, end: int) -> int:
    """Where a name ending at ``end`` really ends: after a "Jr." or "III" that follows it."""
    m = _SUFFIX_AFTER.match(text[end : end + 6])
    return end + m.end() if m else end


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name -> ``"female"``, ``"male"`` or ``"either"`` (NLTK ``names`` lists)."""
    nltk_data.require("names")
    from nltk.corpus import names

    female, male = set(names.words("female.txt")), set(names.words("male.txt"))
    return {n: ("either" if n in female and n in male else "female" if n in female else "male") for n in female | male}


def name_gender(name: str) -> str | None:
    """``"female"``/``"male"`` when the first name of a full name says so unambiguously."""
    parts = name.split()
    if len(parts) < 2:
        return None
    known = first_name_genders().get(parts[0])
    return known if known in ("female", "male") else None
