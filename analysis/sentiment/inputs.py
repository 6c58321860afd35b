"""Checks on what the functions are given: refuse malformed input with a message that names it."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def _as_text_list(sentences: Iterable[str], what: str = "sentences") -> list[str]:
    """Materialise ``sentences`` as a list of strings, refusing anything else."""
    if isinstance(sentences, (str, bytes)):
        raise TypeError(f"{what} must be a list of strings, not a single {type(sentences).__name__}")
    texts = list(sentences)
    for k, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"{what}[{k}] is {type(t).__name__} ({t!r}), not str")
    return texts


def _require_columns(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    """Raise ValueError naming the columns ``frame`` lacks."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; it has {list(frame.columns)}")
