"""Sources figures (04_sources): each source's share of voice, coloured by speaker type."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .style import NEUTRAL, _more_note

#: One colour per speaker type, used by every sources figure (Okabe–Ito hues).
TYPE_COLORS = {
    "government": "#0072B2", "politics": "#D55E00", "company": "#E69F00", "media": "#009E73",
    "academic": "#CC79A7", "civil_society": "#56B4E9", "citizen": "#F0E442", "other": "#000000",
    "unnamed": NEUTRAL,
}  # fmt: skip


def plot_share_of_voice(
    summary: pd.DataFrame, *, ax: plt.Axes | None = None, title: str | None = None, top: int | None = None
) -> plt.Axes:
    """Horizontal bars: each source's share of an article's words, coloured by speaker type.

    Args:
        summary: :func:`analysis.sources.source_summary` output for one article.
        title: panel title (default: states which source has the most room).
        top: draw only the sources with the largest shares, this many, and note how many
            more there are (default: every source).
    """
    if ax is None:
        _, ax = plt.subplots()
    data = summary.sort_values("share_of_voice", ascending=True)
    hidden = 0
    if top is not None:
        if top < 1:
            raise ValueError(f"top must be at least 1, got {top}")
        hidden = max(0, len(data) - top)
        data = data.tail(top)
    guessed = data["type_guessed"].astype(bool).tolist() if "type_guessed" in data else [False] * len(data)
    labels = [f"{s} ({'named' if n else 'unnamed'}{', type guessed' if g else ''})" for s, n, g in zip(data["speaker"], data["named"], guessed)]
    bars = ax.barh(labels, data["share_of_voice"], color=[TYPE_COLORS.get(t, NEUTRAL) for t in data["speaker_type"]])
    for bar, g in zip(bars, guessed):
        if g:  # the article says nothing of what the source is: its colour is a guess from the story
            bar.set_hatch(GUESSED_HATCH)
            bar.set_edgecolor("white")
    ax.bar_label(bars, labels=[f"{v:.1f}%" for v in data["share_of_voice"]], padding=3, fontsize=9)
    ax.set_xlabel("share of the article's words given to the source (%)")
    if title is None and len(summary):
        largest = summary.sort_values("share_of_voice").iloc[-1]
        title = f"most room: {largest['speaker']} ({largest['share_of_voice']:.0f}% of the words)"
    ax.set_title(title or "No attributed statements")
    ax.margins(x=0.2)
    if hidden:
        ax.set_ylim(-1.5, len(data) - 0.5)  # a free row under the bars for the note
        _more_note(ax, hidden, "sources", -1)
    return ax


def type_legend(ax: plt.Axes, types, guessed=()) -> None:
    """Legend of speaker-type colours for the types present, and of the hatching that marks a
    type guessed from the story when any of ``guessed`` (``type_guessed`` values) is true."""
    from matplotlib.patches import Patch

    present = [t for t in TYPE_COLORS if t in set(types)]
    handles = [Patch(color=TYPE_COLORS[t], label=t.replace("_", " ")) for t in present]
    if any(bool(g) for g in guessed):
        handles.append(Patch(facecolor=NEUTRAL, edgecolor="white", hatch=GUESSED_HATCH, label="type guessed from the story"))
    # beside the bars (a bar or the note of hidden sources may fill any corner inside)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)


#: How a bar whose source type is a guess from the story (``type_guessed``) is hatched.
GUESSED_HATCH = "///"
