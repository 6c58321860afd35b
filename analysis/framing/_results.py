"""Result tables: every analysis returns a new DataFrame with exactly its documented columns.

An empty result keeps its columns, with integer columns typed ``int64``, so that tables of
several articles concatenate the same whether or not an article had hits.
"""

from __future__ import annotations

import pandas as pd

_INT_COLUMNS = {
    "sentence", "paragraph", "start", "end", "count", "count_other", "count_a", "count_b",
    "rank", "n_sentences", "n_cues", "sentences_total", "actor_start", "actor_end",
    "action_start", "action_end", "freq",
}


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty frame with the given columns (integer columns typed as int64)."""
    return pd.DataFrame(
        {c: pd.Series(dtype="int64" if c in _INT_COLUMNS else object) for c in columns}
    )


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Rows to a frame with exactly ``columns``; an empty frame keeps its columns."""
    if not rows:
        return _empty(columns)
    return pd.DataFrame(rows, columns=columns)


def _key_columns(has_article: bool) -> list[str]:
    return ["article"] if has_article else []
