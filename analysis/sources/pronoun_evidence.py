"""What an article's own pronouns say about its people: their gender, and who a bare surname is.

First names tell gender only in part: the NLTK ``names`` lists give "Hillary", "Chris" or
"Bernie" to both sexes, and miss most names from outside the English-speaking world. The
article itself says more: "Clinton said she ...", "Nega argued that he ...". When a person's
name is followed, in the same sentence and with no other person named in between, by a
personal pronoun, that pronoun is a vote for the person's gender. :class:`PronounGenders`
counts the votes per canonical person; :func:`pronoun_after` gives the first personal
pronoun after one mention (used to tell apart two people who share a surname: "Woods said
she" is the wife, not the husband).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: Personal pronouns and the gender they point to.
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
# the pronouns that vote: subjects, "his" and reflexives; an object ("Ruiz thanked him", "Lee
# called her") is mostly someone else, and "her" may be either
_VOTING = frozenset(("he", "his", "himself", "she", "herself"))
# the first pronoun after the name is the one that counts: "Lee called her and she ..." gives no vote
_ANY_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself|[Tt]hey|[Tt]hem|[Tt]heir)\b")
# where the sentence of a mention ends
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])|\n")
# a mention that is a possessor ("Obama's wife said she"), or words about a relative or a
# second person between the name and the pronoun: the pronoun may be theirs
_POSSESSIVE = re.compile(r"[’']s?\b")
_OTHER_PERSON = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|widow|widower|aunt|uncle|niece|nephew|"
    r"grandson|granddaughter|grandmother|grandfather|girlfriend|boyfriend|fiancée?|partner|mom|dad|"
    r"man|woman|boy|girl|who|whom|whose)\b",
    re.I,
)
# a name that modifies a noun: "the Lee campaign accused ... his" is about someone else
_MODIFIER = re.compile(r"\s+(?:campaign|camp|aides?|advisers?|allies|supporters|backers|administration|team|staff|foundation|family|spokes\w+)\b", re.I)
# a capitalised word between the name and the pronoun: perhaps another name the recogniser missed
_CAPITALISED = re.compile(r"(?<=[\s(“\"])[A-Z][a-z]")
#: How far after a name its pronoun is looked for, in characters.
WINDOW = 160
#: Votes needed, and the share of them that must agree, for the article to settle a gender.
MIN_VOTES = 2
MIN_SHARE = 0.8


def pronoun_after(text: str, end: int, stops: Iterable[int] = ()) -> str | None:
    """The gender of the first personal pronoun after a mention ending at ``end``, in its
    sentence and within :data:`WINDOW` characters, or None: when there is none, when the
    mention is a possessor, when a relative or another person (an offset in ``stops``, such
    as the start of another name) comes first."""
    if _POSSESSIVE.match(text, end):
        return None
    limit = min(len(text), end + WINDOW)
    boundary = _SENTENCE_END.search(text, end, limit)
    if boundary:
        limit = boundary.start()
    for stop in stops:
        if end <= stop < limit:
            limit = stop
    m = _ANY_PRONOUN.search(text, end, limit)
    if m is None or m.group().lower() not in _VOTING or _OTHER_PERSON.search(text, end, m.start()) or _MODIFIER.match(text, end) or _CAPITALISED.search(text, end, m.start()):
        return None
    return PRONOUN_GENDER[m.group().lower()]


class PronounGenders:
    """Gender votes of an article's pronouns, per canonical person."""

    def __init__(self, text: str, persons: list[tuple[int, int]], name_of: Callable[[int], str | None]):
        """``persons``: (start, end) of the PERSON mentions in text order; ``name_of``: the
        canonical person of the mention starting at an offset, or None when the mention
        should not vote (a surname two people of the article share)."""
        self.votes: dict[str, dict[str, int]] = {}
        starts = [s for s, _ in persons]
        for i, (start, end) in enumerate(persons):
            gender = pronoun_after(text, end, starts[i + 1 : i + 2])
            name = name_of(start) if gender else None
            if name:
                counts = self.votes.setdefault(name, {"female": 0, "male": 0})
                counts[gender] += 1

    def gender(self, name: str, weak: bool = False) -> str | None:
        """The gender the article's pronouns settle for ``name``: at least :data:`MIN_VOTES`
        votes of which :data:`MIN_SHARE` agree; with ``weak``, a single vote is enough
        when no vote disagrees."""
        counts = self.votes.get(name)
        if not counts:
            return None
        total = counts["female"] + counts["male"]
        for gender in ("female", "male"):
            if (total >= MIN_VOTES and counts[gender] >= MIN_SHARE * total) or (weak and counts[gender] == total):
                return gender
        return None
