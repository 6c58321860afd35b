"""Where quotations are: pairing quotation marks into quoted spans.

Double marks (straight, curly, low, guillemets, doubled apostrophes) are paired in order
within a paragraph; British single quotes are paired in paragraphs without double marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import text as textmod

_OPENERS = "“„‟«"
_CLOSERS = "”»"
_MARKS = set('"' + _OPENERS + _CLOSERS)


@dataclass
class QuoteSpan:
    """A quoted passage: marks at ``open``/``close``; content in ``[start, end)`` (trimmed)."""

    open: int
    close: int
    start: int
    end: int
    paragraphs: int = 1
    attributed: bool = False


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Pair double quotation marks in order within each paragraph.

    A mark opens when no quote is open and closes otherwise, whatever its shape, so a closing
    mark typed after a space (``in Poland, ”the``) still closes. A quote still open at the end
    of a paragraph continues into the next paragraph when that one starts with a mark (the
    newspaper convention); otherwise it runs to the paragraph end.
    """
    paragraphs = paragraphs if paragraphs is not None else textmod.paragraph_spans(text)
    mark_at = _mark_positions(text)
    spans: list[QuoteSpan] = []
    carry: int | None = None  # open mark carried over from the previous paragraph
    carried_paragraphs = 1
    for p_index, (ps, pe) in enumerate(paragraphs):
        marks = [i for i in mark_at if ps <= i < pe]
        if not marks and carry is None:
            spans += _single_quote_spans(text, ps, pe)
            continue
        opened = carry
        if carry is not None and marks and marks[0] == _first_non_space(text, ps):
            marks = marks[1:]  # the continuation mark that opens this paragraph
            carried_paragraphs += 1
        elif carry is not None:
            opened = None
        carry = None
        curly = all(text[i] in _OPENERS + _CLOSERS for i in marks)
        for i in marks:
            if opened is None:
                if curly and text[i] in _CLOSERS:
                    continue  # a stray closing mark opens nothing
                opened = i
            elif curly and text[i] in _OPENERS and not (i > 0 and text[i - 1] == " " and i + 1 < len(text) and text[i + 1] == " "):
                opened = i  # an unclosed quote: start again at the new opening mark
            else:
                spans.append(_make_span(text, opened, i, carried_paragraphs, mark_at[opened], mark_at[i]))
                opened, carried_paragraphs = None, 1
        if opened is not None:
            next_start = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else None
            if next_start is not None and _first_non_space(text, next_start) in mark_at:
                carry = opened
            else:
                spans.append(_make_span(text, opened, pe, carried_paragraphs, mark_at[opened], 0))
                carried_paragraphs = 1
    return [s for s in spans if s.end > s.start]


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))['‘](?=[A-Z0-9])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])['’](?=[\s.,;:!?)\]—–]|$)")


def _single_quote_spans(text: str, ps: int, pe: int) -> list[QuoteSpan]:
    """British-style ‘single’ quotation marks in a paragraph that has no double marks.

    An opening mark follows a space (or the paragraph start) and precedes a capital or a
    digit; a closing mark follows a non-space and precedes a space or punctuation. Marks
    inside words (apostrophes: don't, Residents') never pair.
    """
    segment = text[ps:pe]
    opens = [m.start() for m in _SINGLE_OPEN.finditer(segment)]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(segment)]
    spans, i = [], 0
    for o in opens:
        if o < i:
            continue
        c = next((c for c in closes if c > o + 1), None)
        if c is None:
            break
        if segment[c - 1] in ",.!?…" or len(segment[o + 1 : c].split()) >= 2 and not segment[c - 1] == "s":
            spans.append(_make_span(text, ps + o, ps + c, 1))
            i = c + 1
    return spans


def _first_non_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return min(i, len(text) - 1)


_MARK_RE = re.compile(r"''|``|[\"“”„‟«»]")


def _mark_positions(text: str) -> dict[int, int]:
    """Offsets of double quotation marks -> their length (``''`` and ``` `` ``` count as one mark)."""
    marks = {}
    for m in _MARK_RE.finditer(text):
        if m.group() == "''" and m.start() > 0 and text[m.start() - 1].isalpha() and m.end() < len(text) and text[m.end()].isalpha():
            continue
        marks[m.start()] = len(m.group())
    return marks


def _make_span(text: str, open_at: int, close_at: int, paragraphs: int, open_len: int = 1, close_len: int = 1) -> QuoteSpan:
    start, end = open_at + open_len, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close_at + max(close_len, 1) - 1, start, end, paragraphs)
