"""Whose voices each report carries: its attributed statements, its sourcing profile, its
sources and the reporting verbs it uses, report by report (or outlet by outlet)."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from .outlets import pool_by_outlet
from .reports import side_by_side


def quotes_by_article(corpus: Corpus) -> pd.DataFrame:
    """Every attributed statement of every article, with an ``article`` column first.

    Each article goes through :func:`analysis.sources.extract_quotes` once per text and code
    version; later calls read the result back from :mod:`analysis.cache`.
    """
    from ..sources import QUOTE_COLUMNS
    from ..sources import cached_extract_quotes as extract_quotes

    parts = [extract_quotes(a.text).assign(article=a.id) for a in corpus]
    columns = ["article", *QUOTE_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def quotes_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`quotes_by_article` read from the ``quotes`` table."""
    from ..sources import QUOTE_COLUMNS

    return tables["quotes"][["article", *QUOTE_COLUMNS]].reset_index(drop=True)


def sourcing_profiles(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sourcing profile of each article side by side (rows: measures; columns: article ids).

    See :func:`analysis.sources.article_summary` for the measures.
    """
    from ..sources import ARTICLE_SUMMARY_COLUMNS, article_summary

    rows = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        rows.append({"id": a.id, **article_summary(own, article_words=a.n_words)})
    return side_by_side(pd.DataFrame(rows, columns=["id", *ARTICLE_SUMMARY_COLUMNS]))


def sources_by_article(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per-source summaries of every article, with ``article`` and ``outlet`` columns first."""
    from ..sources import SOURCE_SUMMARY_COLUMNS, source_summary

    parts = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        summary = source_summary(own, article_words=a.n_words)
        parts.append(summary.assign(article=a.id, outlet=a.outlet or a.id))
    columns = ["article", "outlet", *SOURCE_SUMMARY_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def cues_by_article(quotes: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """:func:`analysis.sources.cue_table` of each report, or of each outlet.

    Args:
        quotes: :func:`quotes_by_article` output.
        labels: article id -> label: the id itself for one table per report, the outlet for
            one table per outlet (the statements of its reports together).

    Returns:
        The cue tables one after another, labels in order of first appearance, with an
        ``article`` column first holding the label: ``article, cue, cue_class, statements,
        speakers``.
    """
    from ..sources import cue_table

    pooled = pool_by_outlet(quotes, labels)
    parts = [cue_table(pooled[pooled["article"] == name]).assign(article=name) for name in dict.fromkeys(labels.values())]
    columns = ["article", "cue", "cue_class", "statements", "speakers"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
