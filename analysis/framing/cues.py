"""Cue lists: a small compiler and matcher shared by the frame rules, the stance markers
and the stop phrases.

A cue is a word or phrase in the syntax of ``analysis/lexicons/frame_cues_generic.toml``:
each content word also matches its regular inflections, ``a|b`` adds irregular forms and
``#`` stands for any number. Cues are compiled once into an index keyed by the forms of
their first word, then matched on the tokens of a sentence.

Example:
    >>> sorted(_inflections("urge"))
    ['urge', 'urged', 'urges', 'urging']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicons import words
from ..nlp.endings import inflections
from ._tokens import _Tok

# Words never inflected when a cue is expanded (they are matched exactly).
_FUNCTION_WORDS = frozenset(words("cue_function_words.txt"))


def _inflections(word: str) -> set[str]:
    """Regular inflected forms of a cue word (:func:`analysis.nlp.endings.inflections`);
    function words are matched as written."""
    return {word} if word in _FUNCTION_WORDS else inflections(word)


_NUMBER_SLOT = "#"


def _slot(spec: str) -> frozenset[str] | None:
    """Forms one cue word matches. ``a|b|c``: ``a`` and its regular inflections, ``b`` and
    ``c`` as written; ``#`` is any number (returned as None)."""
    if spec == _NUMBER_SLOT:
        return None
    first, *irregular = spec.split("|")
    return frozenset(_inflections(first) | set(irregular))


@dataclass(frozen=True)
class _Cue:
    group: str  # frame or stance category
    question: str  # rule id, e.g. "conflict.2"
    cue: str  # the cue as written in the rule set
    slots: tuple[frozenset[str] | None, ...]
    gate: str = ""  # required tag prefix of the first token ("" = any)


def _compile(group: str, question: str, cues: Iterable[str], *, gate: str = "") -> list[_Cue]:
    return [
        _Cue(group, question, cue, tuple(_slot(w) for w in cue.lower().split()), gate)
        for cue in cues
    ]


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def _is_number(tok: str) -> bool:
    return _NUMBER.fullmatch(tok) is not None


_CueIndex = tuple[dict[str, list[_Cue]], list[_Cue]]


def _index(cues: Iterable[_Cue]) -> _CueIndex:
    """Cues by the forms of their first word (plus those starting with a number slot)."""
    by_first: dict[str, list[_Cue]] = {}
    numeric: list[_Cue] = []
    for cue in cues:
        if cue.slots[0] is None:
            numeric.append(cue)
        else:
            for form in cue.slots[0]:
                by_first.setdefault(form, []).append(cue)
    return by_first, numeric


def _match_cues(tokens: list[_Tok], index: _CueIndex) -> list[tuple[_Cue, int, int]]:
    """Every match of every indexed cue: ``(cue, first token, last token + 1)``.

    Within one group, a match inside a longer match of the same group is dropped
    ("market share" wins over "market").
    """
    by_first, numeric = index
    found = []
    n = len(tokens)
    for i in range(n):
        first = tokens[i].lower
        candidates = by_first.get(first, [])
        if numeric and _is_number(first):
            candidates = candidates + numeric
        if not candidates:
            continue
        for cue in candidates:
            k = len(cue.slots)
            if i + k > n:
                continue
            ok = True
            for j, slot in enumerate(cue.slots[1:], start=1):
                word = tokens[i + j].lower
                fits = _is_number(word) if slot is None else word in slot
                if not fits:
                    ok = False
                    break
            if ok and cue.gate and not tokens[i].tag.startswith(cue.gate):
                ok = False
            if ok:
                found.append((cue, i, i + k))
    kept = []
    for cue, i, j in found:
        inside = any(
            other.group == cue.group and oi <= i and j <= oj and (oj - oi) > (j - i)
            for other, oi, oj in found
        )
        if not inside:
            kept.append((cue, i, j))
    # one row per (group, span): two cues of one group on the same words count once
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for cue, i, j in kept:
        if (cue.group, i, j) not in seen:
            seen.add((cue.group, i, j))
            unique.append((cue, i, j))
    return unique
