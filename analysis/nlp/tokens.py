"""Tokens with character offsets: what the library calls a word, and word tokens.

- :data:`WORD` is the word of counting and of word-list lookup: a run of letters or digits,
  joined by inner hyphens or apostrophes, straight or curly ("well-known", "isn't",
  "Zoom's"). Article lengths, the words of a quotation, the opinion lexicon and the word
  counts of voices all use it.
- :func:`token_spans` and :func:`tokenize` give NLTK's (Penn Treebank) word tokens with
  offsets, as the part-of-speech tagger expects them.

Two tokenisations stay with the rule they belong to, because they define what that rule
sees and changing them changes its results: VADER's whitespace words
(:mod:`analysis.sentiment.tokens`, identical to NLTK's ``SentiText``) and the recogniser's
capitalised-run tokens with abbreviations (:mod:`analysis.nlp.entities`).

Example:
    >>> words("Zoom’s well-known ban, 2021.")
    ['Zoom’s', 'well-known', 'ban', '2021']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import treebank

if TYPE_CHECKING:
    import pandas as pd

TOKEN_COLUMNS = ["token", "sentence", "start", "end", "text"]

#: A word: letters or digits, joined by inner hyphens or apostrophes (straight or curly).
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every :data:`WORD` in ``text``."""
    return [m.span() for m in WORD.finditer(text)]


_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")


def token_spans(sentence: str) -> list[tuple[int, int]]:
    """Word-token offsets in one sentence, with NLTK's word tokenizer (the same tokens,
    faster: :mod:`analysis.nlp.treebank`).

    NLTK rewrites ``"`` as ``` `` ``` or ``''``; the offsets still point at the original
    characters. When NLTK cannot align its tokens to the text (rare Unicode cases) a
    regular-expression tokenizer is used for that sentence instead.
    """
    try:
        return list(treebank.span_tokenize(sentence))
    except (ValueError, LookupError):
        return [(m.start(), m.end()) for m in _FALLBACK_TOKEN.finditer(sentence)]


def tokenize(text: str, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per word token: ``token, sentence, start, end, text`` (offsets into ``text``)."""
    import pandas as pd

    if sentences is None:
        from .text import split_sentences

        sentences = split_sentences(text)
    rows = []
    for sid, s, e in zip(sentences["sentence"], sentences["start"], sentences["end"]):
        for ts, te in token_spans(text[s:e]):
            rows.append((len(rows), sid, s + ts, s + te, text[s + ts : s + te]))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def count_words(text: str) -> int:
    """Number of words (runs of letters or digits, with inner apostrophes and hyphens)."""
    return len(WORD.findall(text))


def words(text: str) -> list[str]:
    """The words of ``text`` as :func:`count_words` counts them."""
    return WORD.findall(text)
