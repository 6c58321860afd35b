"""One visual style for every figure, and deterministic saving.

Plot helpers take a DataFrame and ``ax=None``, draw, and return the Axes. Colours come from
the Okabe–Ito palette, which stays distinguishable with the common forms of colour-vision
deficiency; each outlet keeps one colour everywhere (:func:`outlet_colors`).
:func:`save_figure` writes PNG files with fixed metadata, so the same input gives the same
bytes.

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from . import config  # noqa: E402

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


def save_figure(fig: plt.Figure, name: str, *, folder: str | Path | None = None) -> Path:
    """Write ``fig`` as ``<folder>/<name>.png`` with stable bytes; return the path.

    ``name`` starts with the notebook number (``"01_lengths"``). The default folder is
    :func:`analysis.config.figures_dir`. The PNG carries no software version or date, and
    the file is replaced atomically, so a failed save leaves the old figure in place.
    """
    folder = Path(folder) if folder else config.figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.15)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, path)
    return path
