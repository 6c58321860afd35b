"""One parsed text: its paragraphs, sentences, tokens and entities, each computed once.

Every analysis reads the same parse of an article instead of splitting the text again:
:class:`ParsedText` computes each part the first time it is asked for and keeps it.
:attr:`analysis.corpus.Article.parsed` is the parse of an article's cleaned text; the
plain-text entry points (``extract_quotes(text)``, ``extract_entities(text)``) make one
with :func:`parse`. All offsets are character offsets into :attr:`ParsedText.text`.

Example:
    >>> doc = parse("Kremlin spokesman Dmitry Peskov spoke. He left.")
    >>> doc.sentences["text"].tolist()
    ['Kremlin spokesman Dmitry Peskov spoke.', 'He left.']
    >>> doc.entities["text"].tolist()
    ['Kremlin', 'Dmitry Peskov']
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


class ParsedText:
    """A text and its parse, each part computed on first use and kept.

    Args:
        text: the text; offsets of every part refer to it.
        sentences: its sentence table (``sentence, start, end``, as
            :func:`analysis.nlp.text.split_sentences` gives), when the caller has it already;
            split on first use otherwise.

    The parts are shared, not copied: treat them as read-only. Each table also comes as plain
    lists (:attr:`paragraph_spans`, :attr:`sentence_spans`, :attr:`sentence_bounds`,
    :attr:`entity_columns`), which the analyses read without building a DataFrame; the
    DataFrames are made from them when asked for.
    """

    def __init__(self, text: str, *, sentences: pd.DataFrame | None = None):
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        self.text = text
        if sentences is not None:
            self.__dict__["sentences"] = sentences
        self._given_sentences = sentences is not None

    def __repr__(self) -> str:
        done = [name for name in ("paragraphs", "sentences", "tokens", "entities") if name in self.__dict__]
        return f"ParsedText({len(self.text)} characters; parsed: {', '.join(done) or 'nothing yet'})"

    @cached_property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every paragraph (:func:`analysis.nlp.text.paragraph_spans`)."""
        from . import text as textmod

        return textmod.paragraph_spans(self.text)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """``paragraph, start, end, text`` (:func:`analysis.nlp.text.split_paragraphs`)."""
        from . import text as textmod

        return textmod.split_paragraphs(self.text, self.paragraph_spans)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int, int]]:
        """``(paragraph, start, end)`` of every sentence (:func:`analysis.nlp.text.sentence_spans`;
        of the given table, when one was given: paragraph -1 where it has none)."""
        if self._given_sentences:
            s = self.sentences
            paragraphs = s["paragraph"].tolist() if "paragraph" in s else [-1] * len(s)
            return list(zip(paragraphs, s["start"].tolist(), s["end"].tolist()))
        from . import text as textmod

        return textmod.sentence_spans(self.text, self.paragraph_spans)

    @cached_property
    def sentence_bounds(self) -> tuple[list[int], list[int], list[int]]:
        """The ``sentence``, ``start`` and ``end`` columns of :attr:`sentences`, as lists."""
        if self._given_sentences:
            s = self.sentences
            return s["sentence"].tolist(), s["start"].tolist(), s["end"].tolist()
        spans = self.sentence_spans
        return list(range(len(spans))), [s for _, s, _ in spans], [e for _, _, e in spans]

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """``sentence, paragraph, start, end, text`` (:func:`analysis.nlp.text.split_sentences`)."""
        from . import text as textmod

        return textmod.split_sentences(self.text, self.sentence_spans)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        """``token, sentence, start, end, text`` (:func:`analysis.nlp.tokens.tokenize`)."""
        from .tokens import tokenize

        return tokenize(self.text, self.sentences)

    @cached_property
    def entity_columns(self) -> dict[str, list]:
        """Named entities (:func:`analysis.nlp.entities.entity_columns`) over :attr:`sentences`:
        the columns of :attr:`entities` as lists."""
        from .entities import entity_columns

        return entity_columns(self)

    @cached_property
    def entities(self) -> pd.DataFrame:
        """Named entities (:func:`analysis.nlp.entities.extract_entities`) over :attr:`sentences`."""
        from .entities import entity_frame

        return entity_frame(self.entity_columns)


def parse(source: Any) -> ParsedText:
    """The parse of ``source``: a text, a :class:`ParsedText` (returned as it is), or an
    object with a ``parsed`` attribute (an :class:`analysis.corpus.Article`)."""
    if isinstance(source, ParsedText):
        return source
    if isinstance(source, str):
        return ParsedText(source)
    parsed = getattr(source, "parsed", None)
    if isinstance(parsed, ParsedText):
        return parsed
    raise TypeError(f"expected a text, a ParsedText or an Article, not {type(source).__name__}")
