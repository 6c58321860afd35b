"""Side-by-side figures (05_side_by_side): who speaks, and narration against quoted voices."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .sources import TYPE_COLORS
from .style import outlet_colors


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
    ax.legend(fontsize=9, loc="lower right")
    return ax
