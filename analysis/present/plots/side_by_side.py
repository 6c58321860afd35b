"""Side-by-side figures (05_side_by_side): who speaks, and narration against quoted voices."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .sources import TYPE_COLORS
from .style import NEUTRAL, outlet_colors


def plot_voice_types(
    quotes: pd.DataFrame, *, ax: plt.Axes | None = None, labels: dict[str, str] | None = None, by_outlet: dict[str, str] | None = None
) -> plt.Axes:
    """One stacked bar per article: the share of its statements from each speaker type.

    Args:
        quotes: :func:`analysis.compare.quotes_by_article` output (``article, speaker_type``).
        labels: article id -> label (default: the id).
        by_outlet: article id -> outlet: one bar per outlet, the mean over its articles with
            statements of each share (each article counting once); ``labels`` is then unused.
    """
    if ax is None:
        _, ax = plt.subplots()
    articles = list(dict.fromkeys(quotes["article"]))
    shares = pd.crosstab(quotes["article"], quotes["speaker_type"], normalize="index").reindex(articles) * 100
    if by_outlet is not None:
        shares = shares.groupby(shares.index.map(by_outlet), sort=False).mean()
        articles, labels = list(shares.index), None
    names = [(labels or {}).get(a, a) for a in articles]
    left = [0.0] * len(articles)
    for type_name in [t for t in TYPE_COLORS if t in shares.columns]:
        values = shares[type_name].fillna(0).tolist()
        ax.barh(names, values, left=left, color=TYPE_COLORS[type_name], label=type_name.replace("_", " "))
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of attributed statements (%)")
    official = shares["government"].fillna(0) if "government" in shares.columns else pd.Series(0.0, index=articles)
    top = official.idxmax()
    ax.set_title(f"Government officials speak most in {(labels or {}).get(top, top)} ({official.max():.0f}% of statements)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=4, fontsize=9)
    return ax


def plot_narration_vs_quotes(
    pooled: pd.DataFrame, *, ax: plt.Axes | None = None, labels: dict[str, str] | None = None, by_outlet: dict[str, str] | None = None
) -> plt.Axes:
    """Mean tone of the narration (hatched) and of the quoted voices, per article.

    Args:
        pooled: :func:`analysis.sentiment.narration_vs_quotes` output.
        labels: article id -> label (default: the id).
        by_outlet: article id -> outlet: one pair of bars per outlet, the mean over its
            articles (each counting once, NaN skipped); ``labels`` is then unused.
    """
    if ax is None:
        _, ax = plt.subplots()
    if by_outlet is not None:
        pooled = (pooled.assign(article=pooled["article"].map(by_outlet))
                  .groupby("article", sort=False)[["narrator_mean", "quoted_mean"]].mean().reset_index())  # fmt: skip
        labels = None
    names = [(labels or {}).get(a, a) for a in pooled["article"]]
    colors = outlet_colors(names)
    y = list(range(len(names)))
    narration = ax.barh([i - 0.2 for i in y], pooled["narrator_mean"], height=0.38, color=[colors[n] for n in names], hatch="//", edgecolor="white", label="narration")
    quoted = ax.barh([i + 0.2 for i in y], pooled["quoted_mean"], height=0.38, color=[colors[n] for n in names], label="quoted voices")
    for bars in (narration, quoted):
        ax.bar_label(bars, fmt="%+.2f", padding=3, fontsize=9)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.axvline(0, color="#555555", linewidth=0.8)
    reach = max(0.25, 1.3 * float(pd.concat([pooled["narrator_mean"], pooled["quoted_mean"]]).abs().max()))
    ax.set_xlim(-min(1.0, reach), min(1.0, reach))
    ax.set_xlabel("mean VADER compound score (-1 to +1; axis zoomed to the data)")
    more_negative = [n for n, d in zip(names, pooled["quoted_mean"] - pooled["narrator_mean"]) if d < 0]
    ax.set_title("Quoted voices are more negative than the narration in " + (", ".join(more_negative) if more_negative else "no report"))
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=NEUTRAL, hatch="//", edgecolor="white", label="narration"),
               Patch(facecolor=NEUTRAL, label="quoted voices")]  # fmt: skip
    # grey keys (the bars take their outlet's colour), beside the bars, never on them
    ax.legend(handles=handles, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax


def side_by_side_figure(
    profile: pd.DataFrame,
    quotes: pd.DataFrame,
    pooled: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    by_outlet: dict[str, str] | None = None,
) -> plt.Figure:
    """The figure of notebook 05: frames, voices and tone of every report, one panel each.

    Args:
        profile: :func:`analysis.framing.frame_profile` output by article.
        quotes: :func:`analysis.compare.quotes_by_article` output (the voices panel says
            so when it is empty).
        pooled: :func:`analysis.sentiment.narration_vs_quotes` output.
        labels: article id -> label.
        by_outlet: article id -> outlet, to draw one bar per outlet (many reports).

    Returns:
        The figure, with a title and a source line.
    """
    from .framing import plot_frame_profile
    from .style import add_source_line, use_house_style

    use_house_style()
    n = len(set(by_outlet.values())) if by_outlet else len(pooled)
    rows = 1.2 + 0.55 * max(n, 1)
    fig, axes = plt.subplots(3, 1, figsize=(10, 4.2 + 2 * rows + 1.5), gridspec_kw={"height_ratios": [4.2, rows, rows]})
    plot_frame_profile(profile, ax=axes[0], outlets=labels, by_outlet=by_outlet)
    if len(quotes):
        plot_voice_types(quotes, ax=axes[1], labels=labels, by_outlet=by_outlet)
    else:
        axes[1].set_axis_off()
        axes[1].set_title("No attributed statements")
    plot_narration_vs_quotes(pooled, ax=axes[2], labels=labels, by_outlet=by_outlet)
    for ax in axes:
        ax.title.set_fontsize(11)
    title = "How the outlets differ (mean over their reports)" if by_outlet else "How the reports differ"
    fig.suptitle(title + ": frames, voices and tone", x=0.01, y=0.995, ha="left", fontweight="bold")
    add_source_line(fig, "Source: analysis.framing (frame cues), analysis.sources (attribution), analysis.sentiment (VADER).")
    fig.tight_layout(rect=(0, 0.03, 1, 0.97))
    return fig
