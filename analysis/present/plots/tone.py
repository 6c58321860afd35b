"""Tone figures (03_sentiment): tone along each report, by voice, and towards each target.

Every figure labels a report by its outlet and draws it in the outlet's colour; scores are
VADER compound scores (-1 most negative, +1 most positive).

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .style import NEUTRAL, outlet_colors, use_house_style

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
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)  # beside the dots, never on them
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

    from ...sentiment import NARRATOR

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
    """Mean tone towards each target, one bar per article.

    Args:
        df: :func:`analysis.sentiment.tone_towards` output (``term``, ``n_sentences``,
            ``mean_towards``, the tone towards the term, or without it ``mean_compound``,
            the tone of the whole sentences; ``article`` when there are several
            articles). A term an article never mentions gets no bar and a "not
            mentioned" note.
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
    value = "mean_towards" if "mean_towards" in df.columns else "mean_compound"
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
            mean = float(getattr(row, value)) if n else float("nan")
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
    if value == "mean_towards":
        ax.set_xlabel("mean tone towards the term where it is mentioned (-1 to +1)")
    else:
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
