"""The corpus figure (01_corpus): how long each report is."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .style import NEUTRAL, add_source_line, article_label, outlet_colors, use_house_style


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


#: Above this many reports, the lengths figure shows how lengths are spread instead of one
#: bar per report (a bar each would make the figure 0.7 inch taller per report).
MANY_LENGTHS = 40
_MEASURES = ("paragraphs", "sentences", "words")
_SOURCE = "Source: the articles' cleaned body text; counts by the analysis.corpus module."


def plot_length_spread(frame: pd.DataFrame, *, ax: plt.Axes | None = None, measure: str = "words") -> plt.Axes:
    """A histogram of one length measure over many reports (at most 40 bins), with the median.

    Args:
        frame: :meth:`analysis.corpus.Corpus.to_frame` output (the measure column).
        measure: ``words``, ``sentences`` or ``paragraphs``.
    """
    import numpy as np

    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    values = frame[measure].astype(int).to_numpy()
    edges = np.histogram_bin_edges(values, bins=min(40, max(1, len(np.unique(values)))))
    ax.hist(values, bins=edges, color=NEUTRAL, edgecolor="white")
    median = float(np.median(values))
    ax.axvline(median, color="#000000", linewidth=1)
    ax.text(median, 0.98, f" median {median:g}", transform=ax.get_xaxis_transform(), va="top", fontsize=9)
    ax.set_xlabel(f"{measure} per report (count)")
    ax.set_ylabel("reports")
    ax.set_title(measure.capitalize())
    return ax


def lengths_figure(frame: pd.DataFrame) -> plt.Figure:
    """The figure of notebook 01: paragraphs, sentences and words of every report.

    One bar per report, coloured by outlet, up to :data:`MANY_LENGTHS` reports; above that,
    how the lengths are spread (:func:`plot_length_spread`), so the figure keeps its size
    for any number of reports. The title names the longest report; with no report (every
    input rejected) the figure says so.
    """
    if frame.empty:
        fig, ax = plt.subplots(figsize=(11, 2.2))
        ax.axis("off")
        ax.text(0.5, 0.5, "No report to measure: every input was rejected (see the rejects above)",
                ha="center", va="center", transform=ax.transAxes)  # fmt: skip
        fig.suptitle("No usable report", x=0.01, ha="left", fontweight="bold")
        add_source_line(fig, _SOURCE)
        return fig
    longest = frame.sort_values("words", ascending=False).iloc[0]
    if len(frame) <= MANY_LENGTHS:
        fig, axes = plt.subplots(1, 3, figsize=(11, 1.6 + 0.7 * len(frame)), sharey=True)
        for ax, measure in zip(axes, _MEASURES):
            plot_lengths(frame, ax=ax, measure=measure)
        title = f"The longest report is {article_label(longest)} with {longest['words']} words"
    else:
        fig, axes = plt.subplots(1, 3, figsize=(11, 4.2))
        for ax, measure in zip(axes, _MEASURES):
            plot_length_spread(frame, ax=ax, measure=measure)
        title = f"{len(frame):,} reports; the longest is {article_label(longest)} with {longest['words']} words"
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    add_source_line(fig, _SOURCE)
    fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    return fig
