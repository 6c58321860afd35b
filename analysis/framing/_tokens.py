"""Tokens with character offsets, and part-of-speech tags for them.

Framing's own tokenizer (Treebank style, with offsets) and its glue to the tagger of
:mod:`analysis.nlp.tagging`. It is kept apart from the tokenizers of other modules on purpose,
so that it can be swapped for a shared one later without touching the analyses.

Example:
    >>> [t for t, _, _ in _tokens("Russia's ban didn't last.")]
    ['Russia', "'s", 'ban', 'did', "n't", 'last', '.']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..nlp import tagging

_APOS = "'\u2019"
_CLITIC = r"(?:s|m|d|ll|re|ve)\b"
_TOKEN_RE = re.compile(
    rf"""
      (?:[A-Za-z]\.){{2,}}(?![A-Za-z])            # abbreviations: U.S., e.g.
    | \d+(?:[.,:]\d+)*                            # numbers: 1  2,000  1.5  10:30
    | \w+(?=n[{_APOS}]t\b)                        # do|n't
    | n[{_APOS}]t\b
    | [{_APOS}]{_CLITIC}                          # 's 'm 'd 'll 're 've
    | [^\W\d_]\w*(?:(?:-|[{_APOS}](?!{_CLITIC}))\w+)*   # words, hyphenated words, Gov't
    | [^\w\s]                                     # any other single character
    """,
    re.VERBOSE,
)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(token, start, end)`` triples, Treebank style but with offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _for_tagger(words: list[str], text_before: list[str]) -> list[str]:
    """Map raw tokens to what the Treebank-trained tagger expects (quotes, apostrophes)."""
    out = []
    for word, before in zip(words, text_before):
        if word == '"':
            out.append("``" if (not before or before[-1].isspace() or before[-1] in "([") else "''")
        else:
            out.append(word.replace("\u2019", "'"))
    return out


@functools.lru_cache(maxsize=8192)
def _tag_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Penn Treebank tags for a tuple of words (cached: sentences repeat across calls)."""
    if not words:
        return ()
    return tuple(tagging.tag_words(words))


@dataclass(frozen=True)
class _Tok:
    text: str
    lower: str
    tag: str
    start: int  # offset in the sentence
    end: int


def _tagged(text: str, *, words_for_tagging: list[str] | None = None) -> list[_Tok]:
    """Tokens of ``text`` with part-of-speech tags and sentence-relative offsets."""
    toks = _tokens(text)
    if not toks:
        return []
    words = words_for_tagging or [t for t, _, _ in toks]
    words = _for_tagger(words, [text[max(0, s - 1) : s] for _, s, _ in toks])
    tags = _tag_words(tuple(words))
    return [
        _Tok(t, t.lower().replace("\u2019", "'"), tag, s, e)
        for (t, s, e), tag in zip(toks, tags)
    ]


def _tokens_lower(text: str) -> list[_Tok]:
    """Tokens without tags (frame cues need none): cheap and model-free."""
    return [_Tok(t, t.lower().replace("\u2019", "'"), "", s, e) for t, s, e in _tokens(text)]


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)
