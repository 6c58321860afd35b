"""Which key item an answer names: its items, and how closely each names an item.

Case, punctuation, a leading "the/a/an", possessive "'s" and regular inflections are
ignored (:mod:`.stems`). An answer names an item when its words equal one accepted
spelling, when it contains a whole accepted spelling plus at most :data:`MAX_EXTRA_WORDS`
more words, or when all its words occur in the item's spellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .stems import content_words

#: How many words an answer may add to an accepted spelling ("urged to switch").
MAX_EXTRA_WORDS = 2


def _forms(accepted: str | Iterable[str]) -> list[frozenset[str]]:
    forms = [accepted] if isinstance(accepted, str) else list(accepted)
    return [f for f in (content_words(x) for x in forms) if f]


def match_score(answer: str, accepted: str | Iterable[str]) -> int:
    """How closely an answer names an item: 3 same words, 2 contains it, 1 part of it, 0 no.

    Args:
        answer: what the student wrote (one item).
        accepted: the item's accepted spellings (one string or several).

    >>> match_score("Urged", "urged"), match_score("urged to switch", "urged")
    (3, 2)
    >>> match_score("Peskov", ["Dmitry Peskov", "the Kremlin spokesman"]), match_score("said", "urged")
    (1, 0)
    """
    words = content_words(answer)
    if not words:
        return 0
    forms = _forms(accepted)
    if any(words == f for f in forms):
        return 3
    if any(f <= words and len(words - f) <= MAX_EXTRA_WORDS for f in forms):
        return 2
    union = frozenset().union(*forms) if forms else frozenset()
    return 1 if words <= union else 0


def matches(answer: str, accepted: str | Iterable[str]) -> bool:
    """True when ``answer`` names the item with these accepted spellings.

    >>> matches("Urged", "urged"), matches("urge", "urged"), matches("vowed", "urged")
    (True, True, False)
    """
    return match_score(answer, accepted) > 0


def answer_items(answer: Any) -> list[str]:
    """The separate items of an answer: a string is split at commas, semicolons and lines.

    >>> answer_items("urged, Vowed; complained"), answer_items(["urged", ""]), answer_items(None)
    (['urged', 'Vowed', 'complained'], ['urged'], [])
    """
    if answer is None:
        return []
    if isinstance(answer, str):
        parts = re.split(r"[,;\n]", answer)
    elif isinstance(answer, Mapping):
        raise TypeError("a dict answer holds one answer per report; pass its values one by one")
    else:
        parts = [p for x in answer for p in answer_items(x)]
    out, seen = [], set()
    for part in parts:
        part = part.strip().strip("\"'“”‘’").strip()
        key = content_words(part) if part else frozenset()
        if part and key not in seen:
            seen.add(key)
            out.append(part)
    return out


def is_empty(answer: Any) -> bool:
    """True when an answer (a string, a list, or a dict of them) holds no item yet.

    >>> is_empty(""), is_empty({"Izvestia": [], "The Moscow Times": ""}), is_empty(["urged"])
    (True, True, False)
    """
    if isinstance(answer, Mapping):
        return all(is_empty(v) for v in answer.values())
    return not answer_items(answer)
