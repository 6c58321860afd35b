"""Cleaning steps and offset-preserving segmentation: paragraphs and sentences.

Cleaning is a pipeline of small string-to-string steps, each testable alone
(:data:`CLEANING_STEPS`, composed by :func:`clean_text`). Segmentation never changes the
text: every paragraph and sentence carries ``start``/``end`` character offsets into the
string it was given, so ``text[start:end]`` is always the unit itself. Words and word
tokens, with the same kind of offsets, are in :mod:`analysis.nlp.tokens`.

References:
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
    Computational Linguistics 32(4). (NLTK's punkt sentence splitter.)
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from .. import cache
from ..lexicons import table
from . import nltk_data as nltkdata
from .endings import INFLECTED_SUFFIX

# --------------------------------------------------------------------------- cleaning

_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a"
_QUOTE_TABLE = str.maketrans({**{c: '"' for c in _DOUBLE_QUOTES}, **{c: "'" for c in _SINGLE_QUOTES}})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def unescape_entities(text: str) -> str:
    """Turn HTML entities into characters: ``&amp;`` -> ``&``, ``&#8220;`` -> a quote.

    >>> unescape_entities("AT&amp;T &quot;said&quot;")
    'AT&T "said"'
    """
    return html.unescape(text) if "&" in text else text


_INLINE_TAGS = re.compile(r"</?(?:u|b|i|em|strong|span|a|sup|sub|mark|small|font)(?:\s[^<>]*)?>", re.I)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_UNDERSCORE_EMPH = re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)", re.S)


def strip_markup(text: str) -> str:
    """Remove inline markup left by scrapers: ``<u>said</u>``, ``**Credit**``, ``__x__``.

    >>> strip_markup("the daily <u>quoted</u> **Zuma / TASS**")
    'the daily quoted Zuma / TASS'
    """
    text = _INLINE_TAGS.sub("", text)
    text = _BOLD.sub(r"\1", text)
    return _UNDERSCORE_EMPH.sub(r"\1", text)


def normalize_quotes(text: str) -> str:
    """Map curly, low and angle quotation marks to ``"`` and ``'``.

    >>> normalize_quotes("\u201cHi,\u201d he said. It\u2019s")
    '"Hi," he said. It\\'s'
    """
    return text.translate(_QUOTE_TABLE)


def normalize_unicode(text: str) -> str:
    """NFC-normalise and drop invisible characters (zero-width spaces, soft hyphens, BOM)."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def normalize_whitespace(text: str) -> str:
    """One space between words, paragraphs separated by exactly one blank line.

    Line breaks are unified first. When the text has blank lines, they separate paragraphs
    and single line breaks inside a paragraph are hard wraps (joined with a space). When it
    has none, every line is a paragraph, as in most scraped text.

    >>> normalize_whitespace("  One\\n line.\\n\\n\\nTwo.  ")
    'One line.\\n\\nTwo.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if any(not line for line in _trim_blank(lines)):
        paragraphs, current = [], []
        for line in lines:
            if line:
                current.append(line)
            elif current:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    else:
        paragraphs = [line for line in lines if line]
    return "\n\n".join(paragraphs)


def _trim_blank(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    end = len(lines) - next((i for i, line in enumerate(reversed(lines)) if line), len(lines))
    return lines[start:end]


CLEANING_STEPS: tuple[Callable[[str], str], ...] = (
    unescape_entities,
    strip_markup,
    normalize_unicode,
    normalize_quotes,
    normalize_whitespace,
)


def make_pipeline(*steps: Callable[[str], str]) -> Callable[[str], str]:
    """Compose string-to-string steps into one function, applied left to right."""

    def pipeline(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return pipeline


clean_text = make_pipeline(*CLEANING_STEPS)
clean_text.__doc__ = "Apply every step of :data:`CLEANING_STEPS` in order."

# --------------------------------------------------------------------------- segmentation

PARAGRAPH_COLUMNS = ["paragraph", "start", "end", "text"]
SENTENCE_COLUMNS = ["sentence", "paragraph", "start", "end", "text"]


#: A paragraph: a run of lines with no blank line (nothing but spaces, tabs, carriage
#: returns, form or vertical feeds) inside it. (Lines are matched whole, not a character at
#: a time: the same spans, ten times faster.)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\r\f\v]*\n)[^\n]*)*")


#: The text whose paragraphs were found last, and their spans: several analyses of one
#: article ask for them (the parse, the quotation marks, the transcript turns).
_last_paragraphs: tuple[str, list[tuple[int, int]]] = ("", [])


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs of a text (separated by blank lines), without edge spaces.

    The one paragraph rule of the library: a blank line may hold spaces, tabs, carriage
    returns (``\\r\\n`` line ends), form or vertical feeds.

    >>> paragraph_spans("One.\\r\\n\\r\\nTwo.")
    [(0, 4), (8, 12)]
    """
    global _last_paragraphs
    last_text, last_spans = _last_paragraphs
    if text is last_text:  # the same string object: the same spans (a new list of them)
        return list(last_spans)
    spans = _paragraph_spans(text)
    _last_paragraphs = (text, spans)
    return list(spans)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_paragraphs(text: str, spans: list[tuple[int, int]] | None = None) -> pd.DataFrame:
    """One row per paragraph: ``paragraph`` (0-based), ``start``, ``end``, ``text``
    (``spans``: the :func:`paragraph_spans` of ``text``, when the caller has them)."""
    spans = paragraph_spans(text) if spans is None else spans
    rows = [(i, s, e, text[s:e].strip()) for i, (s, e) in enumerate(spans)]
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def _load_punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    return PunktTokenizer("english")


@lru_cache(maxsize=1)
def punkt_tokenizer():
    """NLTK's English punkt sentence splitter, loaded once (needs ``punkt_tab``).

    Read from :func:`analysis.cache.cached_object` when built before from the same files.
    """
    files = [nltkdata.location("punkt_tab")]  # raises when missing
    return cache.cached_object("punkt_tokenizer", _load_punkt, files=files, module=__name__)


def sentence_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
    """``(paragraph, start, end)`` for every sentence; sentences never cross paragraphs
    (``paragraphs``: the :func:`paragraph_spans` of ``text``, when the caller has them)."""
    tokenizer = punkt_tokenizer()
    spans = []
    for p, (ps, pe) in enumerate(paragraph_spans(text) if paragraphs is None else paragraphs):
        para = text[ps:pe]
        para_spans = list(tokenizer.span_tokenize(para))
        if len(para_spans) > 1:
            para_spans = _join_abbreviation_splits(para, para_spans)
        spans.extend((p, ps + s, ps + e) for s, e in para_spans)
    return spans


#: A sentence that ends with initials ("said J.M.") or with "." ("Sen. X (R-Miss.)"); the
#: first word of the next sentence.
_ENDS_WITH_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})$")
_ENDS_WITH_ABBREVIATION = re.compile(r"(?:\.\)|(?<![\w.])[A-Z][a-z]{0,4}\.)$")
_FIRST_WORD = re.compile(r"[\"“‘'(]*([\w’'.-]+)")


@lru_cache(maxsize=1)
def _split_guards() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    guards = table("sentence_split_guards.toml")
    return frozenset(guards["acronyms"]), frozenset(guards["openers"]), frozenset(guards["never_final"])


def _join_abbreviation_splits(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the sentences punkt split after an abbreviation: initials before a capitalised
    name ("J.M. Berger"), a title ("Ft. Worth") and a dot before a word in lower case
    ("(R-Miss.) said")."""
    acronyms, openers, never_final = _split_guards()
    out = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = out[-1]
        first = _FIRST_WORD.match(para, start)
        join = False
        if first is not None and para[prev_end - 1 : prev_end] in ".)":
            word = first.group(1)
            if word[:1].islower():
                join = _ENDS_WITH_ABBREVIATION.search(para, max(prev_start, prev_end - 8), prev_end) is not None
            elif para[max(prev_start, prev_end - 6) : prev_end].rsplit(None, 1)[-1] in never_final:
                join = True  # "a Ft. Worth member"
            elif word[:1].isupper() and word.lower() not in openers:
                m = _ENDS_WITH_INITIALS.search(para, max(prev_start, prev_end - 8), prev_end)
                join = m is not None and m.group(1) not in acronyms
        if join:
            out[-1] = (prev_start, end)
        else:
            out.append((start, end))
    return out


def split_sentences(text: str, spans: list[tuple[int, int, int]] | None = None) -> pd.DataFrame:
    """One row per sentence: ``sentence, paragraph, start, end, text`` (offsets into ``text``;
    ``spans``: the :func:`sentence_spans` of ``text``, when the caller has them).

    >>> split_sentences("It rained. We stayed.\\n\\nThen sun.")[["start", "end"]].values.tolist()
    [[0, 10], [11, 21], [23, 32]]
    """
    spans = sentence_spans(text) if spans is None else spans
    rows = [(i, p, s, e, text[s:e]) for i, (p, s, e) in enumerate(spans)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def phrase_pattern(term: str, *, inflected: bool = False) -> re.Pattern[str]:
    """Case-insensitive whole-word pattern for a word or phrase (any white space between words).

    With ``inflected``, a plural ``-s``/``-es`` and a possessive ``'s`` also match
    ("Zoom" finds "Zoom's").

    >>> bool(phrase_pattern("zoom", inflected=True).search("Zoom's sales"))
    True
    """
    words = term.split()
    if not words:
        raise ValueError("empty search term")
    body = r"\s+".join(re.escape(w) for w in words)
    suffix = INFLECTED_SUFFIX if inflected else ""
    return re.compile(rf"(?<!\w){body}{suffix}(?!\w)", re.IGNORECASE)
