"""Side-by-side tables across N reports.

Every function takes per-article results (DataFrames with an ``id`` or ``article`` column)
and returns a new DataFrame with one column per report, so a class can read across.
"""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus

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


def quotes_by_article(corpus: Corpus) -> pd.DataFrame:
    """Every attributed statement of every article, with an ``article`` column first."""
    from .sources import QUOTE_COLUMNS, extract_quotes

    parts = [extract_quotes(a.text).assign(article=a.id) for a in corpus]
    columns = ["article", *QUOTE_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def sourcing_profiles(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sourcing profile of each article side by side (rows: measures; columns: article ids).

    See :func:`analysis.sources.article_summary` for the measures.
    """
    from .sources import ARTICLE_SUMMARY_COLUMNS, article_summary

    rows = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        rows.append({"id": a.id, **article_summary(own, article_words=a.n_words)})
    return side_by_side(pd.DataFrame(rows, columns=["id", *ARTICLE_SUMMARY_COLUMNS]))


def sources_by_article(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per-source summaries of every article, with ``article`` and ``outlet`` columns first."""
    from .sources import SOURCE_SUMMARY_COLUMNS, source_summary

    parts = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        summary = source_summary(own, article_words=a.n_words)
        parts.append(summary.assign(article=a.id, outlet=a.outlet or a.id))
    columns = ["article", "outlet", *SOURCE_SUMMARY_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
