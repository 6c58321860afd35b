"""Agreement figure (07_coding_agreement): Krippendorff's alpha per category, among the
students and between the students and the suite, against the usual reliability thresholds."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .style import PALETTE

#: Krippendorff's thresholds: reliable at 0.8; tentative conclusions from 0.667.
RELIABLE, TENTATIVE = 0.8, 0.667


def plot_agreement(summary: pd.DataFrame, *, ax: plt.Axes | None = None, suite: str = "the suite") -> plt.Axes:
    """Horizontal bars of alpha per category: the students among themselves, and the mean of
    each student against the suite. An undefined alpha (no variation) is written as such.

    Args:
        summary: :func:`analysis.compare.coding.agreement` output.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.55 * max(3, summary["category"].nunique()) + 1.5))
    categories = list(dict.fromkeys(summary["category"]))
    students = summary[summary["between"] == "students"].set_index("category")["alpha"]
    versus = summary[summary["between"].str.endswith(f" and {suite}")].groupby("category")["alpha"].mean()
    y = np.arange(len(categories))
    series = [(label, values, colour) for label, values, colour in (
        ("students with each other", students, PALETTE[0]), (f"students with {suite} (mean)", versus, PALETTE[1])
    ) if len(values)]  # fmt: skip
    height = 0.8 / max(1, len(series))
    for i, (label, values, colour) in enumerate(series):
        offsets = y - 0.4 + height * (i + 0.5)
        alphas = [values.get(c, math.nan) for c in categories]
        ax.barh(offsets, [0 if math.isnan(a) else a for a in alphas], height=height, color=colour, label=label)
        for offset, a in zip(offsets, alphas):
            text = "undefined (no variation)" if math.isnan(a) else f"{a:.2f}"
            ax.text(max(0, 0 if math.isnan(a) else a) + 0.02, offset, text, va="center", fontsize=9)
    for x, style in ((RELIABLE, "-"), (TENTATIVE, "--")):
        ax.axvline(x, color="#555555", linestyle=style, linewidth=1)
    ax.set_yticks(y, [c.replace("_", " ") for c in categories])
    ax.invert_yaxis()
    low = min(0.0, *(a for _, v, _ in series for a in v if not math.isnan(a)))
    ax.set_xlim(min(-0.1, low - 0.1), 1.35)
    ax.set_xlabel("Krippendorff's alpha (1 = full agreement, 0 = chance; lines: 0.667 and 0.8)")
    ax.set_title("How far the coders agree, category by category")
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.22), ncol=2, fontsize=9)  # below the axes: never on a bar
    return ax
