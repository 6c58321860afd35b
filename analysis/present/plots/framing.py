"""Framing figures (02_framing): distinctive terms (Fightin' Words) and the frame profile.

References:
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403.

    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
    analysis of press and television news. Journal of Communication, 50(2), 93-109.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ...compare.frames import two_proportion_test
from .style import NEUTRAL, fit_category_labels, outlet_colors, use_house_style

#: A difference between reports is stated only below this p-value (two-proportion z-test).
DIFFERENCE_ALPHA = 0.05

#: |z| above which a Fightin' Words difference counts as significant at the 95% level.
Z_95 = 1.96


def _framing_styles(frame: pd.DataFrame, outlets: dict[str, str] | None) -> dict:
    """Article id -> (label, colour) for framing figures: the outlet name and its colour.

    Outlet names come from ``outlets`` (id -> outlet), else an ``outlet`` column, else the
    id. Two articles of one outlet share its colour and are labelled ``"Outlet (id)"``.
    """
    from collections import Counter

    ids = list(pd.unique(frame["article"])) if "article" in frame.columns else [""]
    names = {}
    for article in ids:
        if outlets is not None:
            name = outlets.get(article, "") or ""
        elif "outlet" in frame.columns and len(frame):
            name = str(frame.loc[frame["article"] == article, "outlet"].iloc[0] or "")
        else:
            name = ""
        names[article] = name or str(article) or "text"
    colors = outlet_colors(names.values())
    repeated = Counter(names.values())
    return {
        a: (f"{n} ({a})" if repeated[n] > 1 else n, colors[n]) for a, n in names.items()
    }


def _wrap_terms(terms: list[str], extra: int, *, width: int = 48) -> str:
    """Terms joined by commas, wrapped at about ``width`` characters, "+N more" for the rest."""
    lines, line = [], ""
    for term in terms:
        if line and len(line) + 2 + len(term) > width:
            lines.append(line + ",")
            line = term
        else:
            line = f"{line}, {term}" if line else term
    lines.append(line)
    text = "\n".join(lines)
    return f"{text} (+{extra} more)" if extra else text


def plot_fightin_words(
    table: pd.DataFrame,
    *,
    ax: plt.Axes | None = None,
    top: int = 10,
    outlets: dict[str, str] | None = None,
    article: str | None = None,
) -> plt.Axes:
    """Distinctive terms in the style of Monroe, Colaresi & Quinn (2008): frequency against z.

    One point per term: x is how often the term occurs in all the reports together (log
    scale), y its Fightin' Words z-score for ``article`` (A; default: the first article of
    ``table``) against the other (B; "the other reports together" when there are more than
    two: to show every report, draw one such plot per article, or use
    :func:`analysis.present.plots.distinctive_figure`). A point is coloured by
    the outlet it leans to (z > 0: A, z < 0: B; grey at 0) and drawn stronger beyond the
    dashed lines at z = +/-1.96 ("95% significance"). The ``top`` terms of each side are
    labelled in a column right of the plot, joined to their points; terms sharing a point
    (same frequency, same z) share one label.

    Args:
        table: :func:`analysis.framing.distinctive_terms` output (``article, term, count,
            count_other, z``; an ``outlet`` column is used when present).
        ax: where to draw (a new figure when ``None``).
        top: terms labelled on each side.
        outlets: article id -> outlet name, for labels and colours.
        article: the article drawn as A (default: the first of ``table``).

    Returns:
        The Axes. Its title says how many terms lean significantly to each side and names
        the strongest term of each.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403 (figures 1-6).
    """
    use_house_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6))
    missing = [c for c in ("article", "term", "count", "count_other", "z") if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass analysis.framing.distinctive_terms output")
    if top < 0:
        raise ValueError(f"top must be >= 0, got {top}")
    styles = _framing_styles(table, outlets)
    articles = list(styles)
    if not articles or table.empty:
        ax.set_title("No terms to compare")
        return ax
    if article is not None and article not in styles:
        raise ValueError(f"article {article!r} is not in the table; it has {articles}")
    a = articles[0] if article is None else article
    label_a, color_a = styles[a]
    if len(articles) == 2:
        label_b, color_b = styles[next(x for x in articles if x != a)]
    else:
        label_b, color_b = "the other reports together", NEUTRAL
    rows = table[table["article"] == a]
    freq = (rows["count"] + rows["count_other"]).astype(float).tolist()
    z = rows["z"].astype(float).tolist()
    terms = rows["term"].astype(str).tolist()
    sides = {
        "a": [i for i, v in enumerate(z) if v > 0],
        "b": [i for i, v in enumerate(z) if v < 0],
        "0": [i for i, v in enumerate(z) if v == 0],
    }
    for key, color, name in (("a", color_a, f"leans to {label_a}"), ("b", color_b, f"leans to {label_b}"),
                             ("0", NEUTRAL, "no lean")):
        idx = sides[key]
        strong = [abs(z[i]) >= Z_95 for i in idx]
        ax.scatter(
            [freq[i] for i in idx], [z[i] for i in idx], s=[40 if s else 22 for s in strong],
            color=color, alpha=0.8, edgecolors="white", linewidths=0.5, label=name, zorder=3,
        )  # fmt: skip
    ax.set_xscale("log")
    limit = max([Z_95 + 0.6] + [abs(v) + 0.5 for v in z])
    ax.set_ylim(-limit, limit)
    ax.set_xlim(0.8, max(freq) * 1.25)
    steps = [m * 10**e for e in range(7) for m in (1, 2, 5)]
    ax.set_xticks([t for t in steps if t <= max(freq) * 1.25], [f"{t:g}" for t in steps if t <= max(freq) * 1.25])
    ax.set_xticks([], minor=True)
    ax.axhline(0, color=NEUTRAL, lw=0.8, zorder=1)
    for level in (Z_95, -Z_95):
        ax.axhline(level, color="#555555", lw=1, ls="--", zorder=2)
        ax.text(0.99, level, "95% significance", transform=ax.get_yaxis_transform(), fontsize=8,
                color="#555555", ha="right", va="bottom" if level > 0 else "top")
    # labels: the top terms of each side, grouped by point, in a column right of the plot,
    # each as close to its point's height as the labels above and below it allow
    labels = []
    for key, color in (("a", color_a), ("b", color_b)):
        chosen = sorted(sides[key], key=lambda i: (-abs(z[i]), terms[i]))[:top]
        groups: dict[tuple[float, float], list[int]] = {}
        for i in chosen:
            groups.setdefault((freq[i], round(z[i], 9)), []).append(i)
        for (f, zz), members in groups.items():
            at_point = sum(1 for i in sides[key] if freq[i] == f and round(z[i], 9) == zz)
            text = _wrap_terms([terms[i] for i in members], at_point - len(members))
            labels.append((f, z[members[0]], text, color))
    fig_h = ax.figure.get_figheight() * 72 * ax.get_position().height  # axes height in points
    heights = [(lab[2].count("\n") + 1) * 8 * 1.3 / fig_h + 0.012 for lab in labels]
    order = sorted(range(len(labels)), key=lambda k: (labels[k][1], labels[k][0], labels[k][2]))
    place = {k: (labels[k][1] + limit) / (2 * limit) for k in order}
    for prev, k in zip(order, order[1:]):  # push up
        place[k] = max(place[k], place[prev] + (heights[prev] + heights[k]) / 2)
    if order and place[order[-1]] + heights[order[-1]] / 2 > 1:
        place[order[-1]] = 1 - heights[order[-1]] / 2
    for k, nxt in zip(order[-2::-1], order[:0:-1]):  # push down from the top
        place[k] = min(place[k], place[nxt] - (heights[k] + heights[nxt]) / 2)
    for k in order:
        f, zz, text, color = labels[k]
        ax.annotate(
            text, xy=(f, zz), xycoords="data", xytext=(1.03, place[k]), textcoords="axes fraction",
            ha="left", va="center", fontsize=8, color="#222222",
            arrowprops={"arrowstyle": "-", "color": color, "lw": 0.7, "shrinkA": 2, "shrinkB": 3},
        )  # fmt: skip
    unit = "two-word phrase" if any(" " in t for t in terms) else "word"
    ax.set_xlabel("frequency in all reports together (count, log scale)")
    ax.set_ylabel("z-score of the weighted log-odds ratio")
    ax.grid(axis="y", visible=False)
    ax.text(0.01, 0.985, f"\u25b2 leans to {label_a}", transform=ax.transAxes, ha="left", va="top",
            fontsize=9, color=color_a, fontweight="bold")
    ax.text(0.01, 0.015, f"\u25bc leans to {label_b}", transform=ax.transAxes, ha="left", va="bottom",
            fontsize=9, color=color_b if color_b != NEUTRAL else "#555555", fontweight="bold")
    n_a = sum(1 for v in z if v >= Z_95)
    n_b = sum(1 for v in z if v <= -Z_95)
    best_a = min(sides["a"], key=lambda i: (-z[i], terms[i])) if sides["a"] else None
    best_b = min(sides["b"], key=lambda i: (z[i], terms[i])) if sides["b"] else None
    leads = []
    if best_a is not None:
        leads.append(f"'{terms[best_a]}' for {label_a} (z = {z[best_a]:.2f})")
    if best_b is not None:
        leads.append(f"'{terms[best_b]}' for {label_b} (z = {z[best_b]:.2f})")
    plural = f"{unit}s" if unit != "word" else "words"
    if n_a + n_b == 0:
        head = f"No {unit} sets {label_a} apart from {label_b} at 95% significance"
    else:
        head = f"{n_a} {unit if n_a == 1 else plural} lean significantly to {label_a}, {n_b} to {label_b}"
    ax.set_title(head + ("\nstrongest: " + " and ".join(leads) if leads else ""))
    return ax


def plot_frame_profile(
    profile: pd.DataFrame,
    *,
    ax: plt.Axes | None = None,
    outlets: dict[str, str] | None = None,
    by_outlet: dict[str, str] | None = None,
) -> plt.Axes:
    """Share of sentences showing each frame, grouped bars with one bar per article.

    Args:
        profile: :func:`analysis.framing.frame_profile` output grouped by article
            (``article, frame, share, n_sentences``; an ``outlet`` column is used when
            present). Frames are drawn in the profile's order, articles in order of
            appearance; a second article of the same outlet is hatched.
        ax: where to draw (a new figure when ``None``).
        outlets: article id -> outlet name, for labels and colours.
        by_outlet: article id -> outlet: draw one bar per outlet, the mean share over its
            articles (each article counting once), instead of one bar per article; for
            many articles (see :func:`analysis.compare.outlet_profile`).

    Returns:
        The Axes. Its title names the frame on which the articles differ most, with each
        side's share, when a two-proportion z-test over sentences finds the gap beyond chance
        (p < :data:`DIFFERENCE_ALPHA`, p-value shown); otherwise it says the reports do not
        clearly differ (without sentence counts, a profile lacking ``sentences_total``, no
        test can be made and the title says so). For one article: its most frequent frame.

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.
    """
    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    missing = [c for c in ("frame", "share", "n_sentences") if c not in profile.columns]
    if missing:
        raise ValueError(f"profile lacks column(s) {missing}; pass analysis.framing.frame_profile output")
    if by_outlet is not None:
        sums = {"sentences_total": ("sentences_total", "sum")} if "sentences_total" in profile.columns else {}
        profile = (profile.assign(article=profile["article"].map(by_outlet)).groupby(["article", "frame"], sort=False)
                   .agg(share=("share", "mean"), n_sentences=("n_sentences", "sum"), **sums).reset_index())  # fmt: skip
        outlets = None
    styles = _framing_styles(profile, outlets)
    articles = list(styles)
    frames = list(pd.unique(profile["frame"]))
    width = 0.8 / max(len(articles), 1)
    seen_colors: set[str] = set()
    shares: dict[str, dict[str, float]] = {}
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for j, article in enumerate(articles):
        label, color = styles[article]
        rows = profile[profile["article"] == article] if "article" in profile.columns else profile
        by_frame = dict(zip(rows["frame"], rows["share"].astype(float)))
        if "sentences_total" in rows.columns:
            counts[label] = {f: (int(k), int(n)) for f, k, n in zip(rows["frame"], rows["n_sentences"], rows["sentences_total"])}
        values = [100 * by_frame.get(f, 0.0) for f in frames]
        shares[label] = dict(zip(frames, values))
        xs = [i + (j - (len(articles) - 1) / 2) * width for i in range(len(frames))]
        bars = ax.bar(xs, values, width=width * 0.92, color=color, label=label, zorder=2,
                      hatch="//" if color in seen_colors else None, edgecolor="white")
        seen_colors.add(color)
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=2, fontsize=8)
    fit_category_labels(ax, frames)
    top = max([v for s in shares.values() for v in s.values()] + [0.0])
    ax.set_ylim(0, max(10.0, top * 1.18))
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_xlabel("news frame (a sentence shows it when it holds one of its cue words)")
    ax.set_ylabel("sentences showing the frame (%)")
    if len(articles) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
    if not frames or top == 0:
        ax.set_title("No frame cue was found")
    elif len(articles) == 1:
        (label,) = shares
        best = max(frames, key=lambda f: (shares[label][f], -frames.index(f)))
        ax.set_title(f"{best.replace('_', ' ').capitalize()} is the most frequent frame in {label} "
                     f"({shares[label][best]:.0f}% of sentences)")
    else:
        def gap(f: str) -> float:
            values = [s[f] for s in shares.values()]
            return max(values) - min(values)

        best = max(frames, key=lambda f: (round(gap(f), 9), -frames.index(f)))
        if round(gap(best), 9) == 0:
            ax.set_title("The reports show every frame in the same share of sentences")
        else:
            hi = max(shares, key=lambda k: shares[k][best])
            lo = min(shares, key=lambda k: shares[k][best])
            ax.set_title(_difference_title(best.replace("_", " "), hi, lo, shares[hi][best], shares[lo][best],
                                           counts.get(hi, {}).get(best), counts.get(lo, {}).get(best)))
    return ax


def _difference_title(frame: str, hi: str, lo: str, share_hi: float, share_lo: float,
                      count_hi: tuple[int, int] | None, count_lo: tuple[int, int] | None) -> str:
    """The headline sentence: a difference stated only when it holds beyond chance."""
    gap = f"{share_hi:.0f}% of sentences in {hi}, {share_lo:.0f}% in {lo}"
    if count_hi is None or count_lo is None:
        return f"Largest gap, {frame} frame (not tested: sentence counts missing):\n{gap}"
    _, p = two_proportion_test(count_hi[0], count_hi[1], count_lo[0], count_lo[1])
    shown = "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
    if p < DIFFERENCE_ALPHA:
        return f"The reports differ most on the {frame} frame ({shown}):\n{gap}"
    return f"The reports do not clearly differ on any frame: the largest gap, {frame} ({shown}),\ncould be chance: {gap}"
