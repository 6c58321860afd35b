"""Figures for many reports: one small panel per outlet, or only the top N items.

With more than a handful of reports, one bar or line per report cannot be read: these
figures show one small panel per outlet (shared axes, so panels compare at a glance), or
only the top N items with a note on how many more there are.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .framing import Z_95
from .sources import plot_share_of_voice, type_legend
from .style import NEUTRAL, _more_note, outlet_colors, use_house_style
from .tone import _signed


def panel_grid(
    n: int, *, ncols: int = 3, panel: tuple[float, float] = (4.2, 2.8), sharex: bool = True, sharey: bool = True
) -> tuple[plt.Figure, list[plt.Axes]]:
    """A new figure with ``n`` small panels on a grid of ``ncols`` columns (small multiples).

    Args:
        n: number of panels (at least 1).
        ncols: panels per row (fewer when ``n`` is smaller).
        panel: width and height of one panel, in inches.
        sharex: the panels share their x axis.
        sharey: the panels share their y axis.

    Returns:
        The figure and its ``n`` Axes, row by row; the cells left over in the last row are
        hidden.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    use_house_style()
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig, grid = plt.subplots(nrows, ncols, figsize=(panel[0] * ncols, panel[1] * nrows + 0.9), squeeze=False,
                             sharex=sharex, sharey=sharey)  # fmt: skip
    axes = list(grid.flat)
    for ax in axes[n:]:
        ax.set_visible(False)
    if sharex:  # with a hidden cell below, the panel above it shows the x tick labels
        for ax in axes[:n]:
            ax.xaxis.set_tick_params(labelbottom=True)
    return fig, axes[:n]

def plot_top_terms(
    table: pd.DataFrame,
    *,
    top: int = 10,
    labels: dict[str, str] | None = None,
    axes: list[plt.Axes] | None = None,
) -> list[plt.Axes]:
    """Small multiples of distinctive words: per report or outlet, its ``top`` words as bars.

    One panel per article of ``table`` (e.g. an outlet, with
    :func:`analysis.compare.outlet_texts`), in order of appearance, with the words that lean
    to it most (largest Fightin' Words z-score above 0), in the outlet's colour; the panels
    share the x axis, and the dashed line marks z = 1.96 (95% significance). A note says how
    many more words lean to it.

    Args:
        table: :func:`analysis.framing.distinctive_terms` output (``article, term, z``).
        top: words shown per panel (at least 1).
        labels: article id -> panel name (default: the id).
        axes: one Axes per article (default: a new :func:`panel_grid`).

    Returns:
        The Axes, one per article. Each title names the word that leans most (an empty
        table gives one Axes titled "No terms to compare").

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403.
    """
    missing = [c for c in ("article", "term", "z") if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass analysis.framing.distinctive_terms output")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    articles = list(dict.fromkeys(table["article"]))
    if axes is None:
        _, axes = panel_grid(max(len(articles), 1), panel=(4.2, 0.9 + 0.24 * top), sharey=False)
    if not articles:
        axes[0].set_title("No terms to compare")
        return list(axes[:1])
    if len(axes) < len(articles):
        raise ValueError(f"{len(articles)} panels needed, {len(axes)} Axes given")
    names = {a: (labels or {}).get(a, a) for a in articles}
    colors = outlet_colors(names.values())
    reach = max([Z_95 + 0.5] + [float(z) + 0.8 for z in table["z"]])
    for ax, article in zip(axes, articles):
        name = names[article]
        rows = table[(table["article"] == article) & (table["z"] > 0)]
        rows = rows.sort_values(["z", "term"], ascending=[False, True], kind="stable")
        shown = rows.head(top)
        ys = list(range(len(shown)))
        ax.barh(ys, shown["z"].astype(float), color=colors[name], height=0.7, zorder=2)
        ax.set_yticks(ys, shown["term"].astype(str).tolist(), fontsize=9)
        ax.set_ylim(top + (0.5 if len(rows) > len(shown) else -0.5), -0.5)  # a free row for the note
        ax.axvline(Z_95, color="#555555", lw=1, ls="--", zorder=3)
        ax.set_xlim(0, reach)
        ax.set_xlabel("z-score (dashed: 95% significance)", fontsize=9)
        _more_note(ax, len(rows) - len(shown), "words", top)
        if len(shown):
            best = shown.iloc[0]
            ax.set_title(f"{name}: '{best['term']}' leans most (z = {float(best['z']):.2f})", fontsize=10)
        else:
            ax.set_title(f"{name}: no word leans to it", fontsize=10)
    return list(axes[: len(articles)])


def plot_tone_timeline_by_outlet(binned: pd.DataFrame, *, axes: list[plt.Axes] | None = None) -> list[plt.Axes]:
    """Small multiples of tone along the reports: one panel per outlet, shared axes.

    Each panel draws the outlet's mean compound score in each stretch of its reports (a dot
    per stretch, joined by a line, in the outlet's colour) against the position in the
    article, with the zero line; the y axis is zoomed to the data and the same for all.

    Args:
        binned: :func:`analysis.compare.outlet_timeline` output (``outlet, position,
            mean_compound, n_articles``).
        axes: one Axes per outlet (default: a new :func:`panel_grid`).

    Returns:
        The Axes, one per outlet. Each title names the outlet, its number of reports and the
        part of the article where its tone is lowest (an empty table gives one Axes titled
        "No sentences to show").
    """
    missing = [c for c in ("outlet", "position", "mean_compound", "n_articles") if c not in binned.columns]
    if missing:
        raise ValueError(f"binned lacks column(s) {missing}; pass analysis.compare.outlet_timeline output")
    outlets = list(dict.fromkeys(binned["outlet"]))
    if axes is None:
        _, axes = panel_grid(max(len(outlets), 1), panel=(4.2, 3.0))
    if not outlets:
        axes[0].set_title("No sentences to show")
        return list(axes[:1])
    if len(axes) < len(outlets):
        raise ValueError(f"{len(outlets)} panels needed, {len(axes)} Axes given")
    colors = outlet_colors(outlets)
    reach = max(0.25, 1.3 * float(binned["mean_compound"].abs().max()))
    for ax, outlet in zip(axes, outlets):
        rows = binned[binned["outlet"] == outlet]
        ax.plot(rows["position"], rows["mean_compound"], color=colors[outlet], lw=2, marker="o", ms=5, zorder=3)
        ax.axhline(0, color=NEUTRAL, lw=1, zorder=1)
        ax.set_xlim(0, 1)
        ax.set_ylim(-min(1.05, reach), min(1.05, reach))
        ax.set_xlabel("position in the article (0 = start, 1 = end)", fontsize=9)
        ax.set_ylabel("mean compound (-1 to +1)", fontsize=9)
        n = int(rows["n_articles"].max())
        k = rows["mean_compound"].astype(float).idxmin()
        low, where = float(rows.at[k, "mean_compound"]), float(rows.at[k, "position"])
        part = "opening" if where <= 1 / 3 else "middle" if where <= 2 / 3 else "closing"
        found = f"lowest in the {part} ({_signed(low)})" if low <= -0.05 else "never negative on average"
        ax.set_title(f"{outlet} ({n} report{'s' if n != 1 else ''}):\n{found}", fontsize=10)
    return list(axes[: len(outlets)])


def plot_share_of_voice_by_outlet(
    summary: pd.DataFrame, *, top: int = 10, axes: list[plt.Axes] | None = None
) -> list[plt.Axes]:
    """Small multiples of share of voice: one panel per outlet with its ``top`` sources.

    Args:
        summary: :func:`analysis.compare.outlet_share_of_voice` output (``outlet, speaker,
            speaker_type, named, share_of_voice``).
        top: sources shown per panel (at least 1); a note says how many more there are.
        axes: one Axes per outlet (default: a new figure, panels stacked with a shared x axis,
            each as tall as its bars).

    Returns:
        The Axes, one per outlet (see :func:`plot_share_of_voice`; the legend of speaker
        types is on the last one; an empty table gives one Axes titled "No attributed
        statements").
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    outlets = list(dict.fromkeys(summary["outlet"]))
    if not outlets:
        if axes is None:
            _, ax = plt.subplots(figsize=(9, 2))
            axes = [ax]
        axes[0].set_title("No attributed statements")
        return list(axes[:1])
    if axes is None:
        use_house_style()
        heights = [min(top, int((summary["outlet"] == o).sum())) for o in outlets]
        _, grid = plt.subplots(len(outlets), 1, figsize=(9, 1.2 + 0.3 * sum(heights) + 0.7 * len(outlets)), squeeze=False,
                               sharex=True, gridspec_kw={"height_ratios": heights})  # fmt: skip
        axes = list(grid[:, 0])
    if len(axes) < len(outlets):
        raise ValueError(f"{len(outlets)} panels needed, {len(axes)} Axes given")
    for ax, outlet in zip(axes, outlets):
        own = summary[summary["outlet"] == outlet]
        plot_share_of_voice(own, ax=ax, top=top)
        ax.set_title(f"{outlet}: " + ax.get_title(loc="left"), fontsize=10)
        ax.set_xlabel("")
    axes[len(outlets) - 1].set_xlabel("share of all the outlet's words given to the source (%)")
    type_legend(axes[len(outlets) - 1], summary["speaker_type"], summary["type_guessed"] if "type_guessed" in summary else ())
    return list(axes[: len(outlets)])


def distinctive_figure(
    table: pd.DataFrame, *, labels: dict[str, str] | None = None, top: int = 10, grouped: bool = False
) -> plt.Figure:
    """The distinctive-words figure of notebook 02, for any number of reports.

    Two reports: one Fightin' Words plot (:func:`analysis.present.plots.plot_fightin_words`),
    the words leaning to each report on either side of zero. More: one small panel per
    report (or outlet, ``grouped``) with the ``top`` words that lean most to it against
    all the others together (:func:`plot_top_terms`), so that every report is shown.

    Args:
        table: :func:`analysis.framing.distinctive_terms` output.
        labels: key of ``table["article"]`` -> name shown (an outlet).
        top: words labelled (two reports) or shown per panel.
        grouped: the keys are outlets, each the reports of one outlet together.

    Returns:
        The figure (no source line: the notebook adds it).
    """
    from .framing import plot_fightin_words

    keys = list(dict.fromkeys(table["article"])) if "article" in table.columns else []
    if len(keys) <= 2:
        fig, ax = plt.subplots(figsize=(8, 6))
        fig.subplots_adjust(bottom=0.14, top=0.86)
        plot_fightin_words(table, ax=ax, top=top, outlets=labels)
        return fig
    names = {k: (labels or {}).get(k, k) for k in keys}
    repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
    names = {k: f"{n} ({k})" if n in repeated else n for k, n in names.items()}
    axes = plot_top_terms(table, top=top, labels=names)
    fig = axes[0].figure
    what = "outlet" if grouped else "report"
    fig.suptitle(f"The words that lean most to each {what}, against all the other {what}s together",
                 x=0.01, ha="left", fontweight="bold")  # fmt: skip
    fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    return fig
