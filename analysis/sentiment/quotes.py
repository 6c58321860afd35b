"""Who speaks where: quoted spans by quotation marks, and the sources table of each article."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .labels import UNATTRIBUTED


def quoted_spans(text: str) -> pd.DataFrame:
    """Spans inside straight double quotation marks, the marks paired in order.

    Marks are paired first with second, third with fourth, and so on. Text should have its
    typographic quotes normalised to ``"`` first (the corpus loader does this). When the
    number of marks is odd the pairing is ambiguous (a multi-paragraph quotation, a typo):
    the last mark is left unpaired and a warning names its offset.

    Args:
        text: any text, e.g. an article's cleaned text or one sentence.

    Returns:
        One row per pair, in order, with columns ``start``, ``end`` (offsets of the quoted
        content, without its quotation marks), ``text`` (the content) and ``speaker``
        (always :data:`UNATTRIBUTED`, so the table can stand in for a sources table in
        :func:`tone_by_voice`).

    Example:
        >>> quoted_spans('He said "no" and "never".')[["start", "end", "text"]].values.tolist()
        [[9, 11, 'no'], [18, 23, 'never']]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    marks = [m.start() for m in re.finditer('"', text)]
    if len(marks) % 2:
        warnings.warn(
            f"odd number of quotation marks ({len(marks)}); the mark at offset {marks[-1]} "
            "is left unpaired",
            stacklevel=2,
        )
        marks = marks[:-1]
    rows = [(o + 1, c, text[o + 1 : c], UNATTRIBUTED) for o, c in zip(marks[::2], marks[1::2])]
    frame = pd.DataFrame(rows, columns=["start", "end", "text", "speaker"])
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    return frame


#: ``method`` values of :func:`voice_quotes`.
BY_ATTRIBUTION = "attribution rules"
BY_QUOTATION_MARKS = "quotation marks"

_VOICE_QUOTE_COLUMNS = ["article", "speaker", "kind", "start", "end", "quote", "method"]


def voice_quotes(
    articles: Iterable[Any], *, kinds: Iterable[str] | None = None, extract: Any = None
) -> pd.DataFrame:
    """Who speaks where in each article: the sources table, ready for :func:`tone_by_voice`.

    Each article's cleaned text goes through :func:`analysis.sources.extract_quotes`, whose
    ``start, end`` offsets are in the same coordinates as the article's sentences. When the
    extractor finds no attributed statement at all in an article, the spans inside
    quotation marks are used instead (:func:`quoted_spans`, speaker :data:`UNATTRIBUTED`,
    kind ``"quoted"``), and the ``method`` column says so.

    Args:
        articles: :class:`analysis.corpus.Article` records (``id`` and ``text``).
        kinds: keep only these kinds of attribution (``direct``, ``partial``,
            ``indirect``); ``None`` keeps all. Quotation-mark fallback rows are always kept.
        extract: the extractor, a function ``text -> DataFrame`` with ``speaker, kind,
            start, end, quote``; ``None`` uses :func:`analysis.sources.extract_quotes`
            through :mod:`analysis.cache` (computed once per text and code version).

    Returns:
        One row per attributed statement, articles in the order given and statements in
        text order, with columns ``article``, ``speaker``, ``kind``, ``start``, ``end``
        (offsets of the attributed words in the article text), ``quote`` and ``method``
        (:data:`BY_ATTRIBUTION` or :data:`BY_QUOTATION_MARKS`).

    References:
        Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
        (What counts as an attribution: direct, indirect and partial.)
    """
    if extract is None:
        from ..sources import cached_extract_quotes as extract
    wanted = None if kinds is None else set(kinds)
    parts = []
    for article in articles:
        found = extract(article.text)
        if len(found):
            rows = found.assign(method=BY_ATTRIBUTION)
            if wanted is not None:
                rows = rows[rows["kind"].isin(wanted)]
        else:
            spans = quoted_spans(article.text)
            rows = pd.DataFrame(
                {
                    "speaker": spans["speaker"],
                    "kind": "quoted",
                    "start": spans["start"],
                    "end": spans["end"],
                    "quote": spans["text"],
                    "method": BY_QUOTATION_MARKS,
                }
            )
        rows = rows.assign(article=article.id).sort_values(["start", "end"], kind="stable")
        parts.append(rows[_VOICE_QUOTE_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=_VOICE_QUOTE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out
