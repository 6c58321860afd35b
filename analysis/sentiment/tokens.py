"""VADER's tokenisation, with offsets: the words NLTK's ``SentiText`` gives, exactly.

It defines what VADER sees, so it mirrors NLTK's rule rather than the library's word pattern
(:data:`analysis.nlp.tokens.WORD`, which the opinion lexicon and the word counts of voices
use).
"""

from __future__ import annotations

import functools
import re
import string

from nltk.sentiment.vader import VaderConstants

# VADER's tokenisation: whitespace tokens, single-character tokens dropped, and one
# punctuation mark (or run such as "!!!") from its list removed from either end of a word.
_PUNCT_CHARS = frozenset(string.punctuation)
_PUNC_LIST = frozenset(VaderConstants.PUNC_LIST)
_TOKEN_RE = re.compile(r"\S+")  # \s is exactly str.isspace, as used by str.split()


@functools.lru_cache(maxsize=1 << 16)
def _word_bounds(raw: str) -> tuple[int, int]:
    """Slice of a whitespace token that VADER keeps as the word (its ``SentiText`` rule).

    NLTK maps a token to a word when the token is one entry of ``PUNC_LIST`` glued to the
    front or the back of a word that has no ASCII punctuation and at least two characters
    ("good," -> "good", "!!!great" -> "great"); every other token is kept whole (":)",
    "don't.", "u.s.").
    """
    n = len(raw)
    lead = 0
    while lead < n and raw[lead] in _PUNCT_CHARS:
        lead += 1
    if 0 < lead < n - 1 and raw[:lead] in _PUNC_LIST:
        if not any(ch in _PUNCT_CHARS for ch in raw[lead:]):
            return lead, n
    trail = n
    while trail > 0 and raw[trail - 1] in _PUNCT_CHARS:
        trail -= 1
    if 1 < trail < n and raw[trail:] in _PUNC_LIST:
        if not any(ch in _PUNCT_CHARS for ch in raw[:trail]):
            return 0, trail
    return 0, n


def _tokens(text: str, with_spans: bool) -> tuple[list[str], list[tuple[int, int]] | None]:
    """VADER's words of ``text`` and, optionally, their character offsets."""
    words: list[str] = []
    if not with_spans:
        for raw in text.split():
            if len(raw) > 1:
                a, b = _word_bounds(raw)
                words.append(raw if b - a == len(raw) else raw[a:b])
        return words, None
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        if len(raw) > 1:
            a, b = _word_bounds(raw)
            words.append(raw[a:b])
            spans.append((m.start() + a, m.start() + b))
    return words, spans
