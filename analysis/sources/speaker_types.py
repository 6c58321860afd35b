"""What kind of source speaks: media, academic, civil society, company, politics, government, citizen.

The types and their cue words are data (``analysis/lexicons/speaker_types.toml``, which
describes each type). A source's titles decide first ("Sen." politics, "FBI Director"
government, see :func:`analysis.sources.names.title_types`); else the cue words of its
name, mentions and appositions, checked in file order: the first type with a cue word
among them wins. A place speaking is its government; a source with no name is
``unnamed``; a named source that matches nothing is ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import table
from .names import ORG_TITLES, title_types
from .names import PARTY_LABELS as PARTY_WORDS
from .tokens import _words_of

#: Speaker types, with the words in a source's name or role that decide them, checked in
#: this order (the first matching type wins). A country speaking is its government.
#: Read from ``analysis/lexicons/speaker_types.toml``.
SPEAKER_TYPES: dict[str, tuple[str, ...]] = {name: tuple(cues) for name, cues in table("speaker_types.toml").items()}
UNNAMED = "unnamed"
#: The speaker of a question put by an interviewer the report does not name ("when asked ...").
INTERVIEWER = "the interviewer"
CANDIDACY: tuple[str, ...] = tuple(table("speaker_titles.toml")["candidacy"])
#: Words that show a source runs for office whatever else it is ("former tech executive
#: Carly Fiorina", "McCain challenger Kelli Ward"): they make a company, academic, government
#: or untyped source politics.
RUNNING: frozenset[str] = frozenset(table("speaker_titles.toml")["running"])
#: Put among a source's words when an age follows its name ("Donna Lages, 39, a waitress"):
#: a named person with an age and no other type is an ordinary person quoted, a citizen.
AGE_MARK = "__age__"
#: Every type a source can get, in display order.
ALL_TYPES: tuple[str, ...] = (*SPEAKER_TYPES, "other", UNNAMED)


# per type, its one-word cues as a set and its cues of several words as word tuples
_CUES = [
    (name, frozenset(c for c in cues if " " not in c), [tuple(c.split()) for c in cues if " " in c])
    for name, cues in SPEAKER_TYPES.items()
]


def _type_of_words(words: set[str]) -> str:
    """The first type with a cue among ``words`` (a cue of several words needs them all), else ``other``."""
    for type_name, single, multi in _CUES:
        if not single.isdisjoint(words) or any(all(part in words for part in cue) for cue in multi):
            return type_name
    return "other"


def _type_of_titles(title_types: list[str] | tuple[str, ...]) -> str | None:
    """The type most of a source's titles point to (ties: the earlier type in :data:`SPEAKER_TYPES`)."""
    if not title_types:
        return None
    order = list(SPEAKER_TYPES)
    return max(sorted(set(title_types), key=order.index), key=lambda t: (title_types.count(t), -order.index(t)))


# an apposition's head ("a Republican pollster", "Mrs. Clinton's communications director")
# and the organisation it names ("spokesman for World Relief", "analyst at RBC Capital Markets")
_POSSESSOR = re.compile(r"^((?:[A-Z][\w.\-]*\s){0,4}[A-Z][\w.\-]*)[’'](?:s)?\s+(.*)$")
_HEAD_END = re.compile(r"\s+(?:who|whose|which|that|during|since|when|where|was|is|has|had|said|says|told|and\s+(?:a|an|the)|whom)\b.*$")
# words of a title any organisation has ("national press secretary", "executive director")
_GENERIC = ORG_TITLES | frozenset("analyst and managing deputy assistant executive senior press national communications public affairs relations interim acting".split())
_OF_ORG = re.compile(r"\s+(?:of|at|for|with|from|to|on)\s+(?:the\s+)?")
_NOT_HEAD = frozenset("a an the longtime veteran top senior local well-known prominent".split())


@lru_cache(maxsize=4096)
def apposition_type(apposition: str) -> str | None:
    """The type an apposition after a name gives, or None.

    Its head noun is read as a title ("a Republican pollster" politics, "a law professor"
    academic); a title any organisation has ("spokesman for World Relief", "analyst at
    RBC Capital Markets", "Mrs. Clinton's communications director") leaves the type to the
    organisation or person it names, when that has one.

    >>> apposition_type("a Republican pollster who ran the poll"), apposition_type("a law professor at Yale")
    ('politics', 'academic')
    >>> apposition_type("spokesman for the American Civil Liberties Union"), apposition_type("a waitress")
    ('civil_society', None)
    """
    text = _HEAD_END.sub("", apposition.strip())
    possessor = _POSSESSOR.match(text)
    if possessor:
        org, head = possessor.group(1), possessor.group(2)
    else:
        parts = _OF_ORG.split(text, maxsplit=1)
        head, org = parts[0], parts[1] if len(parts) > 1 else ""
    words = tuple(w for w in (_w.strip(".,’'").lower() for _w in head.split()) if w and w not in _NOT_HEAD)
    if not words or len(words) > 6:
        return None
    by_head = _type_of_titles(title_types(words))
    if all(w in _GENERIC for w in words):  # the organisation named decides, if anything does
        by_org = _type_of_words(_words_of(org)) if org else "other"
        return None if by_org == "other" else by_org
    if by_head is None and not PARTY_WORDS.isdisjoint(words):
        return "politics"  # "a Republican donor", "a Democratic operative"
    return by_head


def speaker_type(
    name: str,
    words: set[str] | frozenset[str] = frozenset(),
    *,
    is_place: bool = False,
    title_types: list[str] | tuple[str, ...] = (),
    appositions: list[str] | tuple[str, ...] = (),
) -> str:
    """Type of a source from its titles, its name and the role words used for it (see :data:`SPEAKER_TYPES`).

    >>> speaker_type("Dmitry Peskov", {"kremlin", "spokesman"}), speaker_type("Kommersant")
    ('government', 'media')
    >>> speaker_type("Marco Rubio", title_types=["politics"]), speaker_type("Ana Ruiz", {"student"})
    ('politics', 'citizen')
    """
    if name == UNNAMED:
        return UNNAMED
    if is_place:
        return "government"
    every = set(words) | _words_of(name)
    by_title = _type_of_titles([t for t in title_types if t != "party"]) or _type_of_titles(["politics"] if "party" in title_types else [])
    if by_title == "government" and _running(every):
        return "politics"  # a governor running for office speaks as a candidate
    if by_title is None:
        by_title = _type_of_titles([t for t in map(apposition_type, appositions) if t])
    found = by_title or _type_of_words(every)
    if found in ("company", "academic", "government", "media", "other") and not RUNNING.isdisjoint(every):
        return "politics"  # a candidate speaks as a candidate
    if found == "other" and AGE_MARK in every:
        return "citizen"
    return found


def _running(words: set[str]) -> bool:
    """True when the words show a candidacy (``candidacy`` in speaker_titles.toml)."""
    return any(all(part in words for part in cue.split()) for cue in CANDIDACY)
