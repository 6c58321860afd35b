"""How is a term used? Key words in context (KWIC), for one term or several.

References:
    Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC index).
    American Documentation, 11(4), 288-295.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ._results import _empty, _frame, _key_columns
from ._sentences import _as_sentences, _rebuild_texts
from ._tokens import _squash


def _phrase_regex(term: str) -> re.Pattern[str]:
    """Case-insensitive whole-word regex for a word or phrase (:func:`analysis.nlp.text.phrase_pattern`)."""
    from ..nlp.text import phrase_pattern

    return phrase_pattern(term)


def kwic(texts_or_sentences: Any, term: str, *, window: int = 40) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, with its surroundings.

    Matching is case-insensitive, on whole words ("Zoom" matches "Zoom's" but not
    "Zooming"), and any whitespace may separate the words of a phrase.

    Args:
        texts_or_sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        term: the word or phrase to look for.
        window: characters of context on each side (whitespace runs shown as one space).

    Returns:
        One row per occurrence, in text order, with columns ``article`` (when the input
        names articles), ``sentence`` (the sentence where the occurrence starts),
        ``left, term, right`` (``term`` as written in the text) and ``start, end``
        (offsets of the occurrence in the article text).

    References:
        Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC
        index). American Documentation, 11(4), 288-295.

    Example:
        >>> row = kwic("Zoom will sell directly. Russia blocked LinkedIn.", "sell").iloc[0]
        >>> (row["left"], row["term"], row["right"])
        ('Zoom will ', 'sell', ' directly. Russia blocked LinkedIn.')
    """
    pattern = _phrase_regex(term)
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    frame, has_article = _as_sentences(texts_or_sentences)
    columns = _key_columns(has_article) + ["sentence", "left", "term", "right", "start", "end"]
    if frame.empty:
        return _empty(columns)
    rows = []
    for key, text in _rebuild_texts(frame, has_article).items():
        part = frame[frame["article"] == key] if has_article else frame
        part = part.sort_values("start")
        starts = part["start"].to_numpy()
        numbers = part["sentence"].to_numpy()
        for m in pattern.finditer(text):
            idx = int(np.searchsorted(starts, m.start(), side="right")) - 1
            record = {
                "sentence": int(numbers[max(idx, 0)]),
                "left": _squash(text[max(0, m.start() - window) : m.start()]).lstrip(),
                "term": m.group(),
                "right": _squash(text[m.end() : m.end() + window]).rstrip(),
                "start": m.start(),
                "end": m.end(),
            }
            if has_article:
                record["article"] = key
            rows.append(record)
    return _frame(rows, columns)


def kwic_terms(texts_or_sentences: Any, terms: Iterable[str], *, window: int = 40) -> pd.DataFrame:
    """:func:`kwic` for several terms at once, with a ``query`` column first.

    Args:
        texts_or_sentences: as for :func:`kwic`.
        terms: words or phrases to look for.
        window: characters of context on each side.

    Returns:
        The :func:`kwic` columns after ``query`` (the term asked for), by query (in the
        order given), then article and position.

    Example:
        >>> kwic_terms({"a": "Zoom sells. Russia blocks Zoom."}, ["zoom", "russia"])[
        ...     ["query", "start"]].values.tolist()
        [['zoom', 0], ['zoom', 26], ['russia', 12]]
    """
    terms = list(terms)
    parts = [kwic(texts_or_sentences, term, window=window).assign(query=term) for term in terms]
    if not parts:
        frame, has_article = _as_sentences(texts_or_sentences)
        return _empty(["query"] + _key_columns(has_article) + ["sentence", "left", "term", "right",
                                                                "start", "end"])
    out = pd.concat(parts, ignore_index=True)
    return out[["query"] + [c for c in out.columns if c != "query"]]
