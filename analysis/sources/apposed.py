"""The person a role phrase stands in apposition to: "Ana Ruiz, a spokeswoman for the city,
said" and "said the company's chief executive, Ana Ruiz" speak for Ana Ruiz, not for "a
spokeswoman" or for the company.

Two shapes, both tied by a comma to a PERSON entity of the entity recogniser:

* the name, then the role: ``NAME, ROLE`` where ROLE is the speaker mention and starts with
  an indefinite article, "one of", a possessive ("his", "Lee's") or a lower-case role word;
  the name must open its clause (a name after a verb, "After meeting Lee, the senator said",
  is someone else);
* the role, then the name: ``ROLE, NAME`` closed by a comma, the end of the sentence or a
  verb, not by "and" (a list: "the mayor, Ana Ruiz and Tom Reed"), or ``ROLE NAME`` when the
  mention stops at the role ("city spokesman| Tom Reed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class _Row(Protocol):
    label: str
    start: int
    end: int


# a role phrase that may stand after a name: "a spokesman for", "one of the", "his friend",
# "Lee's aide", "the hacker known as", "senior adviser"
_ROLE_AFTER_NAME = re.compile(
    r"^(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|(?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*[’']s|[a-z][\w\-]*"
    r"|(?:[A-Z][\w.\-]*\s+)+(?=[a-z])(?!(?:of|from|in|at|and|for)\b))\s?"  # "State Department regional security director"
)
# what may stand before a name that opens its clause: nothing, a title or a role ("the economist",
# "state Representative"), an opening connective
_CLAUSE_OPENING = re.compile(r"(?:^|\n|[.;:!?\"“”'’—–,]\s*|--\s*|\b(?:and|but|while|as|whereas)\s+)(?:(?:the|[A-Z][\w.’'\-]*|[a-z]+(?:ist|ian|or|er|ant|ent|man|woman))\s+){0,4}$")
# after "ROLE, NAME": a closing comma, the end of the sentence, a verb or a quotation
_NAME_CLOSED = re.compile(r"\s*(?:[,.;:!?\"”’)—–]|--|$|\s[a-z]+(?:s|ed)\b)")


def apposed_person(text: str, ents: Sequence[_Row], start: int, end: int) -> _Row | None:
    """The PERSON entity a role phrase at ``[start, end)`` is in apposition with, or None."""
    mention = text[start:end].strip()
    lead = start + len(text[start:end]) - len(text[start:end].lstrip())
    if not mention or re.fullmatch(r"(?:[A-Z][\w.’'\-]*\s*)+", mention) or any(e.label == "PERSON" and e.start == lead for e in ents):
        return None  # a name itself ("Ana Ruiz", "Ana Ruiz of Acme"), not a role phrase
    before = text[max(0, start - 3) : start]
    if re.search(r",\s*$", before) and _ROLE_AFTER_NAME.match(mention):
        comma = text.rfind(",", 0, start)
        named = [e for e in ents if e.label == "PERSON" and e.end <= comma and not text[e.end : comma].strip()]
        if named and _CLAUSE_OPENING.search(text, max(0, named[-1].start - 80), named[-1].start):
            return named[-1]
    if re.search(r"\s[a-z]+$", mention):  # "RNC spokesman| Sean Spicer": the name right after the role
        named = [e for e in ents if e.label == "PERSON" and e.start > end and not text[end : e.start].strip()]
        if named:
            return named[0]
    # (a short place or affiliation may end the role: "his best friend at Lehigh, Ana Ruiz")
    after = re.match(r"(?:\s+(?:at|of|from|in)\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})?\s*,\s*", text[end : end + 60])
    if after:
        at = end + after.end()
        named = [e for e in ents if e.label == "PERSON" and e.start == at]
        if named and _NAME_CLOSED.match(text, named[0].end) and not re.match(r"\s+and\s", text[named[0].end : named[0].end + 6]):
            return named[0]
    return None
