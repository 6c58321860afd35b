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
import sys
from collections.abc import Iterable
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:  # in a notebook keep the inline backend, so figures show
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .. import config  # noqa: E402

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


# --------------------------------------------------------------------------- tone (03_sentiment)

#: Axis label for VADER's compound score, used by every tone figure.
COMPOUND_AXIS_LABEL = "VADER compound score (-1 most negative, +1 most positive)"


def _tone_styles(frame: pd.DataFrame, outlets: dict[str, str] | None) -> dict:
    """Article id -> (label, colour): the outlet name and its colour, the id when no outlet is known.

    Outlet names come from ``outlets`` (article id -> outlet) when given, else from an
    ``outlet`` column. Two articles of one outlet share its colour and are labelled
    ``"Outlet (id)"``. A frame without an ``article`` column is one text, keyed ``""``.
    """
    from collections import Counter

    ids = list(pd.unique(frame["article"])) if "article" in frame.columns else [""]
    names = {}
    for article in ids:
        name = ""
        if outlets is not None:
            name = outlets.get(article, "") or ""
        elif "outlet" in frame.columns and len(frame):
            rows = frame if article == "" else frame[frame["article"] == article]
            name = str(rows["outlet"].iloc[0] or "")
        names[article] = name
    colors = outlet_colors([name or str(article) or "text" for article, name in names.items()])
    repeated = Counter(name for name in names.values() if name)
    styles = {}
    for article, name in names.items():
        label = name or str(article) or "text"
        if name and repeated[name] > 1:
            label = f"{name} ({article})"
        styles[article] = (label, colors[name or str(article) or "text"])
    return styles


def _tone_groups(frame: pd.DataFrame):
    """``(article id, rows)`` in order of appearance; one group keyed ``""`` without ``article``."""
    if "article" in frame.columns:
        return list(frame.groupby("article", sort=False))
    return [("", frame)]


def _signed(value: float) -> str:
    """A score with its sign and two decimals; "0.00" rather than "-0.00" or "+0.00"."""
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def _label_bars(ax: plt.Axes, ys: list[float], widths: list[float], labels: list[str]) -> None:
    """Write each bar's label just right of the bar, or of the zero line for a negative bar.

    Labels of negative bars never run into the tick labels on the left, and every label
    reads in the same direction.
    """
    for y, width, label in zip(ys, widths, labels):
        ax.text(max(width, 0.0) + 0.02, y, label, va="center", ha="left", fontsize=8, zorder=4)


def _join_labels(labels: list[str], total: int) -> str:
    """"both reports", "all 3 reports", or the labels joined with "and"."""
    if len(labels) == total and total == 2:
        return "both reports"
    if len(labels) == total and total > 2:
        return f"all {total} reports"
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def plot_tone_timeline(
    df: pd.DataFrame, *, ax: plt.Axes | None = None, outlets: dict[str, str] | None = None
) -> plt.Axes:
    """Tone across each article: one dot per sentence and the rolling mean as a line.

    Args:
        df: :func:`analysis.sentiment.tone_timeline` output (``position``, ``compound``,
            ``rolling_mean``; ``article`` and ``outlet`` when there are several articles).
        ax: where to draw (a new figure when ``None``).
        outlets: article id -> outlet name, for labels and colours (else the ``outlet``
            column, else the id).

    Returns:
        The Axes. Its title names the article and the part of it where the rolling mean
        is lowest.
    """
    from matplotlib.lines import Line2D

    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    styles = _tone_styles(df, outlets)
    lowest = None
    handles = []
    for article, rows in _tone_groups(df):
        label, color = styles[article]
        ax.scatter(rows["position"], rows["compound"], s=24, color=color, alpha=0.45, linewidths=0, zorder=2)
        (line,) = ax.plot(rows["position"], rows["rolling_mean"], color=color, lw=2.2, label=label, zorder=3)
        handles.append(line)
        if len(rows):
            k = rows["rolling_mean"].astype(float).idxmin()
            value, where = float(rows.at[k, "rolling_mean"]), float(rows.at[k, "position"])
            if lowest is None or value < lowest[0]:
                lowest = (value, where, label)
    ax.axhline(0, color=NEUTRAL, lw=1, zorder=1)
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("position in the article (0 = first sentence, 1 = last sentence)")
    ax.set_ylabel("VADER compound score (-1 to +1)")
    handles.append(Line2D([], [], marker="o", ls="", color=NEUTRAL, alpha=0.6, label="one sentence"))
    ax.legend(handles=handles, loc="upper right", fontsize=9)
    if lowest is None:
        ax.set_title("No sentences to show")
    elif lowest[0] <= -0.05:
        part = "opening" if lowest[1] <= 1 / 3 else "middle" if lowest[1] <= 2 / 3 else "closing"
        ax.set_title(f"The tone is lowest in the {part} part of {lowest[2]} (rolling mean {_signed(lowest[0])})")
    else:
        ax.set_title(f"No stretch of any report turns negative (lowest rolling mean {_signed(lowest[0])})")
    return ax


def plot_tone_by_voice(
    df: pd.DataFrame, *, ax: plt.Axes | None = None, outlets: dict[str, str] | None = None
) -> plt.Axes:
    """Mean tone of the reporter's narration and of each quoted source, as horizontal bars.

    Args:
        df: :func:`analysis.sentiment.tone_by_voice` output (``voice``, ``n_segments``,
            ``mean_compound``; ``article`` when there are several articles). Rows are drawn
            top to bottom in the frame's order; narration bars are hatched.
        ax: where to draw (a new figure when ``None``).
        outlets: article id -> outlet name (else the ``outlet`` column, else the id).

    Returns:
        The Axes. Its title says in which reports the quoted voices, pooled (every segment
        counting once), sound more negative than the narration.
    """
    from matplotlib.patches import Patch

    from ..sentiment import NARRATOR

    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    styles = _tone_styles(df, outlets)
    labels, y_ticks, more_negative, not_more, handles = [], [], [], [], []
    y = 0.0
    for article, rows in _tone_groups(df):
        label, color = styles[article]
        handles.append(Patch(facecolor=color, label=label))
        means = rows["mean_compound"].astype(float).tolist()
        counts = rows["n_segments"].astype(int).tolist()
        narrator = [v == NARRATOR for v in rows["voice"]]
        ys = [y + k for k in range(len(rows))]
        bars = ax.barh(ys, means, color=color, edgecolor="white", height=0.75, zorder=2)
        for bar, is_narrator in zip(bars, narrator):
            if is_narrator:
                bar.set_hatch("///")
        _label_bars(ax, ys, means, [f"{_signed(m)} ({n} segment{'s' if n != 1 else ''})" for m, n in zip(means, counts)])
        labels.extend(rows["voice"].tolist())
        y_ticks.extend(ys)
        y += len(rows) + 0.8
        told = [(m, n) for m, n, is_n in zip(means, counts, narrator) if is_n]
        quoted = [(m, n) for m, n, is_n in zip(means, counts, narrator) if not is_n]
        if told and quoted:
            told_mean = sum(m * n for m, n in told) / sum(n for _, n in told)
            quoted_mean = sum(m * n for m, n in quoted) / sum(n for _, n in quoted)
            (more_negative if quoted_mean < told_mean else not_more).append(label)
    ax.set_yticks(y_ticks, labels)
    ax.invert_yaxis()
    ax.axvline(0, color=NEUTRAL, lw=1, zorder=1)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound score per segment (-1 to +1)")
    ax.set_ylabel("voice (hatched: the reporter's own narration)")
    handles.append(Patch(facecolor="white", edgecolor=NEUTRAL, hatch="///", label="narration"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    total = len(more_negative) + len(not_more)
    if total == 0:
        ax.set_title("No report has both narration and quoted voices to compare")
    elif not not_more:
        ax.set_title(f"Quoted sources sound more negative than the narration in {_join_labels(more_negative, total)}")
    elif not more_negative:
        ax.set_title(f"Quoted sources sound no more negative than the narration in {_join_labels(not_more, total)}")
    else:
        ax.set_title(
            f"Quoted sources sound more negative than the narration in {_join_labels(more_negative, total)},\n"
            f"but not in {_join_labels(not_more, total)}"
        )
    return ax


def plot_tone_towards(
    df: pd.DataFrame, *, ax: plt.Axes | None = None, outlets: dict[str, str] | None = None
) -> plt.Axes:
    """Mean tone of the sentences that mention each target, one bar per article.

    Args:
        df: :func:`analysis.sentiment.tone_towards` output (``term``, ``n_sentences``,
            ``mean_compound``; ``article`` when there are several articles). A term an
            article never mentions gets no bar and a "not mentioned" note.
        ax: where to draw (a new figure when ``None``).
        outlets: article id -> outlet name (else the ``outlet`` column, else the id).

    Returns:
        The Axes. Its title names the target and article with the most negative mean.
    """
    from matplotlib.patches import Patch

    use_house_style()
    if ax is None:
        _, ax = plt.subplots()
    styles = _tone_styles(df, outlets)
    terms = list(pd.unique(df["term"]))
    articles = list(styles)
    height = 0.8 / max(len(articles), 1)
    worst = None
    for j, article in enumerate(articles):
        label, color = styles[article]
        rows = df[df["article"] == article] if "article" in df.columns else df
        by_term = {t: r for t, r in zip(rows["term"], rows.itertuples(index=False))}
        ys, means, texts = [], [], []
        for i, term in enumerate(terms):
            y = i + (j - (len(articles) - 1) / 2) * height
            row = by_term.get(term)
            n = int(row.n_sentences) if row is not None else 0
            mean = float(row.mean_compound) if n else float("nan")
            if not n:
                ax.text(0.02, y, "not mentioned", va="center", ha="left", fontsize=8, color="#555555")
                continue
            ys.append(y)
            means.append(mean)
            texts.append(f"{_signed(mean)} ({n} sentence{'s' if n != 1 else ''})")
            if worst is None or mean < worst[0]:
                worst = (mean, term, label, n)
        ax.barh(ys, means, height=height * 0.9, color=color, label=label, zorder=2)
        _label_bars(ax, ys, means, texts)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.axvline(0, color=NEUTRAL, lw=1, zorder=1)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound score of the sentences that mention the term (-1 to +1)")
    ax.set_ylabel("target term")
    ax.legend(
        handles=[Patch(facecolor=styles[a][1], label=styles[a][0]) for a in articles],
        loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
    )  # fmt: skip
    if worst is not None and worst[0] <= -0.05:
        mean, term, label, n = worst
        sentences = f"{n} sentence{'s' if n != 1 else ''}"
        ax.set_title(f"{term} is talked about most negatively in {label}\n(mean {_signed(mean)} over {sentences})")
    elif worst is not None:
        ax.set_title("No target is talked about negatively on average")
    else:
        ax.set_title("No target is mentioned")
    return ax


# --------------------------------------------------------------------------- framing (02_framing)

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
) -> plt.Axes:
    """Distinctive terms in the style of Monroe, Colaresi & Quinn (2008): frequency against z.

    One point per term: x is how often the term occurs in all the reports together (log
    scale), y its Fightin' Words z-score for the first article of ``table`` (A) against
    the other (B; "the other reports" when there are more than two). A point is coloured by
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
    a = articles[0]
    label_a, color_a = styles[a]
    if len(articles) == 2:
        label_b, color_b = styles[articles[1]]
    else:
        label_b, color_b = "the other reports", NEUTRAL
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
        side's share (or, for one article, its most frequent frame).

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
        profile = (profile.assign(article=profile["article"].map(by_outlet)).groupby(["article", "frame"], sort=False)
                   .agg(share=("share", "mean"), n_sentences=("n_sentences", "sum")).reset_index())  # fmt: skip
        outlets = None
    styles = _framing_styles(profile, outlets)
    articles = list(styles)
    frames = list(pd.unique(profile["frame"]))
    width = 0.8 / max(len(articles), 1)
    seen_colors: set[str] = set()
    shares: dict[str, dict[str, float]] = {}
    for j, article in enumerate(articles):
        label, color = styles[article]
        rows = profile[profile["article"] == article] if "article" in profile.columns else profile
        by_frame = dict(zip(rows["frame"], rows["share"].astype(float)))
        values = [100 * by_frame.get(f, 0.0) for f in frames]
        shares[label] = dict(zip(frames, values))
        xs = [i + (j - (len(articles) - 1) / 2) * width for i in range(len(frames))]
        bars = ax.bar(xs, values, width=width * 0.92, color=color, label=label, zorder=2,
                      hatch="//" if color in seen_colors else None, edgecolor="white")
        seen_colors.add(color)
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=2, fontsize=8)
    ax.set_xticks(range(len(frames)), [f.replace("_", " ") for f in frames])
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
            ax.set_title(
                f"The reports differ most on the {best.replace('_', ' ')} frame:\n"
                f"{shares[hi][best]:.0f}% of sentences in {hi}, {shares[lo][best]:.0f}% in {lo}"
            )
    return ax


# --------------------------------------------------------------------------- sources

#: One colour per speaker type, used by every sources figure (Okabe–Ito hues).
TYPE_COLORS = {
    "government": "#0072B2", "company": "#E69F00", "media": "#009E73", "academic": "#CC79A7",
    "civil_society": "#56B4E9", "other": "#D55E00", "unnamed": NEUTRAL,
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
    labels = [f"{s} ({'named' if n else 'unnamed'})" for s, n in zip(data["speaker"], data["named"])]
    bars = ax.barh(labels, data["share_of_voice"], color=[TYPE_COLORS.get(t, NEUTRAL) for t in data["speaker_type"]])
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


def type_legend(ax: plt.Axes, types) -> None:
    """Legend of speaker-type colours for the types present."""
    from matplotlib.patches import Patch

    present = [t for t in TYPE_COLORS if t in set(types)]
    ax.legend(handles=[Patch(color=TYPE_COLORS[t], label=t.replace("_", " ")) for t in present], loc="lower right", fontsize=9)


# --------------------------------------------------------------------------- side by side


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
    ax.set_title(f"Officials speak most in {(labels or {}).get(top, top)} ({official.max():.0f}% of statements)")
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


# --------------------------------------------------------------------------- many reports
# With more than a handful of reports, one bar or line per report cannot be read: these
# figures show one small panel per outlet (shared axes, so panels compare at a glance), or
# only the top N items with a note on how many more there are.


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


def _more_note(ax: plt.Axes, hidden: int, what: str, y: float) -> None:
    """A grey note at the right end of row ``y`` (data units; a row left free for it): how
    many items the panel leaves out."""
    if hidden > 0:
        ax.text(0.99, y, f"{hidden} more {what} not shown", transform=ax.get_yaxis_transform(), ha="right",
                va="center", fontsize=8, color="#555555")  # fmt: skip


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
    type_legend(axes[len(outlets) - 1], summary["speaker_type"])
    return list(axes[: len(outlets)])
