"""The corpus figure (01_corpus): how long each report is."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .style import article_label, outlet_colors, use_house_style


def plot_lengths(frame: pd.DataFrame, *, ax: plt.Axes | None = None, measure: str = "words") -> plt.Axes:
    """Horizontal bars of one length measure per article, coloured by outlet.

    Args:
        frame: :meth:`analysis.corpus.Corpus.to_frame` output (``id, outlet`` and the measure).
        measure: ``words``, ``sentences`` or ``paragraphs``.
    """
    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    colors = outlet_colors(frame["outlet"])
    labels = [f"{article_label(r)}\n{r['id']}" for _, r in frame.iterrows()]
    values = frame[measure].astype(int).tolist()
    bars = ax.barh(labels, values, color=[colors[o or "unknown outlet"] for o in frame["outlet"]])
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(f"{measure} (count)")
    ax.set_title(measure.capitalize())
    ax.margins(x=0.15)
    return ax
