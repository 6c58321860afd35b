"""The reports themselves side by side: what surrounds each body, how long each is, and the
label each report's column gets."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus

LAYOUT_FIELDS = ["outlet", "headline", "published", "dateline", "url", "language", "translation", "caption", "credit", "related", "encoding", "notes"]


def side_by_side(frame: pd.DataFrame, *, fields: list[str] | None = None, key: str = "id") -> pd.DataFrame:
    """Transpose a one-row-per-article table: fields as rows, one column per article.

    >>> side_by_side(pd.DataFrame({"id": ["a", "b"], "words": [3, 4]})).loc["words"].tolist()
    [3, 4]
    """
    fields = [c for c in (fields or list(frame.columns)) if c != key]
    table = frame.set_index(key)[fields].T
    table.columns.name = None
    table.index.name = "field"
    return table


def article_layout(corpus: Corpus) -> pd.DataFrame:
    """What surrounds each article's body: headline, dateline, caption, credit, footer URL, notes.

    One row per article (``id`` first, then :data:`LAYOUT_FIELDS`); empty strings where the
    article does not say.
    """
    rows = []
    for a in corpus:
        row = {"id": a.id}
        for name in LAYOUT_FIELDS:
            value = getattr(a, name)
            row[name] = " | ".join(value) if isinstance(value, tuple) else value
        rows.append(row)
    return pd.DataFrame(rows, columns=["id", *LAYOUT_FIELDS])


def lengths(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs, sentences, words and mean words per sentence for each article."""
    frame = corpus.to_frame()[["id", "outlet", "paragraphs", "sentences", "words"]].copy()
    frame["words_per_sentence"] = (frame["words"] / frame["sentences"].where(frame["sentences"] > 0)).round(1)
    return frame


def article_labels(corpus: Corpus | list) -> dict[str, str]:
    """Article id -> a short column label: the outlet (the id when it has none), with the id
    added when two articles share an outlet."""
    outlets = [a.outlet or a.id for a in corpus]
    return {a.id: (o if outlets.count(o) == 1 else f"{o} ({a.id})") for a, o in zip(corpus, outlets)}
