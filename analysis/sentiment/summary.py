"""How a whole text sounds: sentence scores condensed per article (or per any group)."""

from __future__ import annotations

import pandas as pd

from .inputs import _require_columns
from .labels import LABELS, label_compound

_SUMMARY_COLUMNS = [
    "n_sentences",
    "mean_compound",
    "median_compound",
    "sd",
    "share_positive",
    "share_neutral",
    "share_negative",
    "most_negative_sentence",
    "most_positive_sentence",
]


def summarize_tone(scored: pd.DataFrame, *, by: str | None = None, text_col: str = "text") -> pd.DataFrame:
    """Tone of a whole text (or of each group, e.g. each article) from sentence scores.

    Args:
        scored: output of :func:`score_frame` or :func:`score_sentences`: needs
            ``compound`` and ``text_col``; ``label`` is derived from ``compound`` if absent.
        by: a column to group by (e.g. ``"article"``); ``None`` summarises all rows as one.
        text_col: the column holding the sentence text.

    Returns:
        One row per group, in order of first appearance (the ``by`` column first, when
        given), with columns

        - ``n_sentences``;
        - ``mean_compound``, ``median_compound``, ``sd`` (sample standard deviation, n-1
          denominator; NaN for a single sentence);
        - ``share_positive``, ``share_neutral``, ``share_negative``: shares of sentences by
          label, 0..1, summing to 1;
        - ``most_negative_sentence``, ``most_positive_sentence``: the text of the sentence
          with the lowest (highest) compound, the first one on ties; missing (NaN) when
          no sentence scores below (above) zero.

        Empty input gives an empty frame with these columns.

    Raises:
        ValueError: a needed column is missing.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> from analysis.sentiment import score_sentences
        >>> scored = score_sentences(["The book was good.", "The movie was bad.", "It rained."])
        >>> summary = summarize_tone(scored)
        >>> cols = ["n_sentences", "mean_compound", "share_negative", "most_negative_sentence"]
        >>> summary[cols].round(4).values.tolist()
        [[3, -0.034, 0.3333, 'The movie was bad.']]
    """
    _require_columns(scored, ["compound", text_col] + ([by] if by is not None else []), "scored")
    key_cols = [by] if by is not None else []
    if scored.empty:
        return pd.DataFrame(columns=key_cols + _SUMMARY_COLUMNS)
    compound = scored["compound"].astype(float).reset_index(drop=True)
    labels = (
        scored["label"].reset_index(drop=True)
        if "label" in scored.columns
        else compound.map(label_compound)
    )
    texts = scored[text_col].reset_index(drop=True)
    keys = scored[by].reset_index(drop=True) if by is not None else pd.Series(0, index=compound.index)
    frame = pd.DataFrame({"key": keys, "compound": compound, "label": labels, "text": texts})
    grouped = frame.groupby("key", sort=False, dropna=False)
    out = grouped["compound"].agg(
        n_sentences="size", mean_compound="mean", median_compound="median", sd="std"
    )
    for lab in LABELS:
        out[f"share_{lab}"] = frame["label"].eq(lab).groupby(frame["key"], sort=False, dropna=False).mean()
    lowest = grouped["compound"].idxmin()
    highest = grouped["compound"].idxmax()
    out["most_negative_sentence"] = [
        frame.at[i, "text"] if frame.at[i, "compound"] < 0 else None for i in lowest
    ]
    out["most_positive_sentence"] = [
        frame.at[i, "text"] if frame.at[i, "compound"] > 0 else None for i in highest
    ]
    out["n_sentences"] = out["n_sentences"].astype(int)
    out = out.reset_index()
    if by is None:
        return out.drop(columns="key")[_SUMMARY_COLUMNS]
    return out.rename(columns={"key": by})[[by, *_SUMMARY_COLUMNS]]
