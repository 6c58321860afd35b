"""NLTK's word tokenizer with its offsets, the same tokens in a third of the time.

:func:`span_tokenize` gives exactly what ``nltk.tokenize.NLTKWordTokenizer().span_tokenize``
gives (the tokenizer behind ``nltk.word_tokenize``): it runs NLTK's own regular expressions,
in NLTK's order, on the same engine, and aligns the tokens to the text with NLTK's
``align_tokens``. Two things are left out, neither of which can change a token:

- NLTK runs every expression under a time limit (``nltk.redos``, a guard against patterns
  that backtrack for ever on hostile input). The tokenizer's expressions are fixed and
  linear, and that guard took half the tokenizer's time; they run here without it.
- An expression is skipped when the text cannot hold a match: each one needs a character
  or a string (a full stop, a quotation mark, "--", "cannot") that a plain ``in`` test
  or one character-class search finds much faster than the substitution scans the text.
  The case-blind contractions ("Gonna", "CANNOT") are tested on the lower-cased text, and
  only when the text is ASCII: with other characters, case-blind matching can pair letters
  that lower-casing does not ("ſ" and "s"), so then every contraction is tried.

``tests/test_tagging.py`` checks the tokens against NLTK's on every seed sentence and on
texts written to reach every expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache


def _chars(chars: str) -> Callable[[str], object]:
    return re.compile("[" + re.escape(chars) + "]").search


def _has(sub: str) -> Callable[[str], bool]:
    return lambda text: sub in text


#: What each of NLTK's expressions needs in the text to match, in NLTK's order.
_NEEDS_START = (_chars("«“‘„`"), lambda t: t.startswith('"'), _has("``"), lambda t: '"' in t or "''" in t, _has("'"))
_NEEDS_PUNCT = (
    _has("."),
    _chars(":,"),
    _chars(":,"),
    _has(".."),
    _chars(";@#$%&"),
    _chars("\u2012\u2013\u2014\u2015"),
    _has("."),
    _chars("?!"),
    _has("'"),
    _has("*"),
)
_NEEDS_END = (_chars("»”’"), _has("''"), _has('"'), None, _has("'"), _has("'"))
#: The lower-case string each contraction expression matches (NLTK's CONTRACTIONS2 and 3).
_CONTRACTION_WORDS = ("cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", " 'tis", " 'twas")
_QUOTES = re.compile(r"``|'{2}|\"")


class _Tokenizer:
    """NLTK's expressions, unwrapped from their time limit, each with its precondition."""

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer

        nltk = NLTKWordTokenizer
        self.steps = [
            *zip(nltk.STARTING_QUOTES, _NEEDS_START, strict=True),
            *zip(nltk.PUNCTUATION, _NEEDS_PUNCT, strict=True),
            (nltk.PARENS_BRACKETS, _chars("[](){}<>")),
            (nltk.DOUBLE_DASHES, _has("--")),
        ]
        self.steps = [(_engine(rx), repl, needs) for (rx, repl), needs in self.steps]
        self.ending = [
            (_engine(rx), repl, needs) for (rx, repl), needs in zip(nltk.ENDING_QUOTES, _NEEDS_END, strict=True)
        ]
        contractions = [*nltk.CONTRACTIONS2, *nltk.CONTRACTIONS3]
        self.contractions = list(zip(map(_engine, contractions), _CONTRACTION_WORDS, strict=True))

    def tokenize(self, text: str) -> list[str]:
        """``NLTKWordTokenizer().tokenize(text)``."""
        for rx, repl, needs in self.steps:
            if needs(text):
                text = rx.sub(repl, text)
        text = " " + text + " "
        for rx, repl, needs in self.ending:
            if needs is None or needs(text):
                text = rx.sub(repl, text)
        if text.isascii():
            lower = text.lower()
            for rx, word in self.contractions:
                if word in lower:
                    text = rx.sub(r" \1 \2 ", text)
        else:
            for rx, _ in self.contractions:
                text = rx.sub(r" \1 \2 ", text)
        return text.split()

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """``NLTKWordTokenizer().span_tokenize(text)``, a generator like NLTK's."""
        from nltk.tokenize.util import align_tokens

        raw_tokens = self.tokenize(text)
        if '"' in text or "''" in text:
            mit = iter([m.group() for m in _QUOTES.finditer(text)])
            tokens = [next(mit) if tok in ['"', "``", "''"] else tok for tok in raw_tokens]
        else:
            tokens = raw_tokens
        yield from align_tokens(tokens, text)


def _engine(rx):
    """The compiled pattern inside NLTK's time-limited wrapper (the pattern itself when unwrapped)."""
    return getattr(rx, "_rx", rx)


@lru_cache(maxsize=1)
def tokenizer():
    """The tokenizer, built once: NLTK's own when its expressions are not the ones this
    module knows (another NLTK version)."""
    try:
        return _Tokenizer()
    except ValueError:  # not as many expressions as preconditions
        from nltk.tokenize import NLTKWordTokenizer

        return NLTKWordTokenizer()


def span_tokenize(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every token of ``text``, exactly as NLTK's ``NLTKWordTokenizer().span_tokenize``.

    Example:
        >>> [(a, b) for a, b in span_tokenize("Zoom's ban didn't last.")]
        [(0, 4), (4, 6), (7, 10), (11, 14), (14, 17), (18, 22), (22, 23)]
    """
    return tokenizer().span_tokenize(text)
