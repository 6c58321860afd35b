"""The house style: the palette, one colour per outlet, matplotlib settings, labels and notes.

Colours come from the Okabe–Ito palette, which stays distinguishable with the common forms
of colour-vision deficiency; each outlet keeps one colour everywhere (:func:`outlet_colors`).
Importing this module applies the style (:func:`use_house_style`) before any figure exists.

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

#: Okabe–Ito colours, in the order they are handed out (black last: it is kept for text).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
NEUTRAL = "#999999"
DPI = 150

HOUSE_STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "svg.hashsalt": "mediaframes",
    "path.simplify": True,
}


def use_house_style() -> None:
    """Apply the suite's matplotlib settings (idempotent)."""
    plt.rcParams.update(HOUSE_STYLE)


use_house_style()  # importing the plotting module sets the style before any figure exists


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, handed out in sorted order so it never depends on row order.

    >>> outlet_colors(["The Moscow Times", "Izvestia"])
    {'Izvestia': '#0072B2', 'The Moscow Times': '#E69F00'}
    """
    names = sorted({o or "unknown outlet" for o in outlets})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def article_label(row: pd.Series | dict) -> str:
    """Short label for an article: its outlet, else its id."""
    outlet = row.get("outlet") or ""
    return outlet if outlet else str(row.get("id", ""))


def add_source_line(fig: plt.Figure, text: str) -> None:
    """A small grey line under the plot that says where the data came from."""
    fig.text(0.01, 0.005, text, fontsize=8, color="#555555", ha="left", va="bottom")


def _more_note(ax: plt.Axes, hidden: int, what: str, y: float) -> None:
    """A grey note at the right end of row ``y`` (data units; a row left free for it): how
    many items the panel leaves out."""
    if hidden > 0:
        ax.text(0.99, y, f"{hidden} more {what} not shown", transform=ax.get_yaxis_transform(), ha="right",
                va="center", fontsize=8, color="#555555")  # fmt: skip


def fit_category_labels(ax: plt.Axes, labels: list[str], *, fontsize: float = 9) -> None:
    """Put category labels under the x ticks so that they never run into each other.

    Underscores become spaces and each word goes on its own line ("human interest" over two
    lines); when the longest word still does not fit its share of the axes width (estimated
    before any layout, with room left for a legend beside the axes), the labels are written
    upwards, one line each. Words are never cut.
    """
    texts = ["\n".join(str(label).replace("_", " ").split()) for label in labels]
    ax.set_xticks(range(len(texts)), texts, fontsize=fontsize)
    longest = max((_text_width(word, fontsize, ax.figure) for text in texts for word in text.split("\n")), default=0.0)
    width_pt = ax.figure.get_figwidth() * 72 * ax.get_position().width * 0.8  # a legend may take a share
    if texts and longest * 1.1 > width_pt / len(texts):
        ax.set_xticks(range(len(texts)), [t.replace("\n", " ") for t in texts], fontsize=fontsize,
                      rotation=90)  # fmt: skip


def _text_width(text: str, fontsize: float, fig: plt.Figure) -> float:
    """Width of ``text`` in points at ``fontsize``, as the figure's renderer draws it (an
    estimate of 0.6 em a character where the canvas has no renderer)."""
    from matplotlib.font_manager import FontProperties

    try:
        renderer = fig.canvas.get_renderer()
        width, _, _ = renderer.get_text_width_height_descent(text, FontProperties(size=fontsize), ismath=False)
    except AttributeError:
        return 0.6 * fontsize * len(text)
    return width * 72 / fig.dpi
