"""Every figure function, drawn on small hand-made tables, as a reader sees it: no text box
(tick label, title, axis label, legend, note) covers another, and no legend covers a bar, a
point or a line of the data. Boxes are measured with matplotlib's renderer."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis.present import plots
from analysis.sentiment import NARRATOR

OUTLETS = {"a": "Zeta Post", "b": "Alpha Daily", "c": "The Evening Herald"}
FRAMES = ["conflict", "economic", "responsibility", "human_interest", "morality"]


# ------------------------------------------------------------------------- small tables


def _terms(keys=("a", "b")) -> pd.DataFrame:
    rows = []
    for k, key in enumerate(keys):
        for j, (term, count, other, z) in enumerate(
            [("bridge repairs", 6, 0, 4.0), ("council", 3, 0, 2.1), ("mayor", 4, 4, 0.0), ("drivers", 0, 4, -1.4),
             ("traffic", 2, 0, 1.0), ("hours", 2, 0, 1.0), ("spring", 1, 2, -0.3)]
        ):  # fmt: skip
            rows.append({"article": key, "term": f"{term}{'' if k == 0 else k}", "count": count,
                         "count_other": other, "z": z - k / 3, "rank": j + 1})  # fmt: skip
    return pd.DataFrame(rows)


def _profile(keys=("a", "b", "c")) -> pd.DataFrame:
    rows = [{"article": key, "frame": f, "n_sentences": (i + k) % 4, "sentences_total": 10,
             "share": ((i + k) % 4) / 10} for k, key in enumerate(keys) for i, f in enumerate(FRAMES)]  # fmt: skip
    return pd.DataFrame(rows)


def _quotes() -> pd.DataFrame:
    types = ["government", "company", "civil_society", "media", "unnamed", "academic"]
    return pd.DataFrame({"article": ["a"] * 6 + ["b"] * 3 + ["c"] * 4,
                         "speaker_type": types + types[:3] + types[2:6]})  # fmt: skip


def _pooled() -> pd.DataFrame:
    return pd.DataFrame({"article": ["a", "b", "c"], "narrator_mean": [0.05, -0.2, 0.3],
                         "quoted_mean": [-0.4, 0.1, 0.25]})  # fmt: skip


def _lengths(n: int) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"r{i}" for i in range(n)], "outlet": [f"Outlet {i % 5}" for i in range(n)],
                         "words": [300 + 17 * i for i in range(n)], "sentences": [12 + i for i in range(n)],
                         "paragraphs": [4 + i % 3 for i in range(n)]})  # fmt: skip


def _timeline() -> pd.DataFrame:
    rows = []
    for key in ("a", "b"):
        for i in range(6):
            rows.append({"article": key, "position": i / 5, "compound": (-1) ** i * 0.3, "rolling_mean": 0.1 - i / 20})
    return pd.DataFrame(rows)


def _voices() -> pd.DataFrame:
    return pd.DataFrame({"article": ["a", "a", "a", "b", "b"],
                         "voice": [NARRATOR, "Lena Ortiz", "the city council", NARRATOR, "Drivers' association"],
                         "n_segments": [2, 1, 2, 1, 2], "mean_compound": [0.1, -0.6, -0.1, -0.3, 0.2]})  # fmt: skip


def _towards() -> pd.DataFrame:
    return pd.DataFrame({"term": ["bridge", "bridge", "council", "council", "Lena Ortiz", "Lena Ortiz"],
                         "article": ["a", "b", "a", "b", "a", "b"], "n_sentences": [2, 3, 1, 0, 2, 1],
                         "mean_compound": [-0.2, 0.25, -0.5, float("nan"), 0.4, -0.1]})  # fmt: skip


def _share(outlet: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame({"speaker": ["Lena Ortiz", "the city council", "a resident", "Tom Ng"],
                          "speaker_type": ["government", "government", "civil_society", "company"],
                          "named": [True, False, False, True], "share_of_voice": [21.0, 9.5, 4.0, 2.5]})  # fmt: skip
    return frame if outlet is None else frame.assign(outlet=outlet)


def _binned() -> pd.DataFrame:
    return pd.DataFrame([{"outlet": o, "bin": b, "position": (b + 0.5) / 3, "mean_compound": m, "n_sentences": 4,
                          "n_articles": 2} for o, values in {"Daily": [-0.4, 0.1, 0.2], "Herald": [0.1, -0.3, 0.0]}.items()
                         for b, m in enumerate(values)])  # fmt: skip


def _agreement() -> pd.DataFrame:
    rows = [(c, "students", 3, 10, 0.8, a) for c, a in (("speaker", 0.91), ("speaker_type", 0.62), ("economic", float("nan")),
                                                        ("human_interest", -0.12))]
    rows += [(c, f"{s} and the suite", 2, 10, 0.7, a) for s in ("anna", "ben") for c, a in (("speaker", 0.85), ("speaker_type", 0.4),
                                                                                          ("economic", 0.7), ("human_interest", 0.1))]
    return pd.DataFrame(rows, columns=["category", "between", "coders", "units", "percent_agreement", "alpha"])


def _axes(draw):
    def make():
        fig, ax = plt.subplots()
        draw(ax)
        fig.tight_layout()
        return fig

    return make


def _first(draw):
    def make():
        fig = draw()[0].figure
        fig.tight_layout()
        return fig

    return make


FIGURES = {
    "fightin_words": lambda: plots.distinctive_figure(_terms(), labels=OUTLETS),
    "distinctive_three": lambda: plots.distinctive_figure(_terms(("a", "b", "c")), labels=OUTLETS),
    "frame_profile": _axes(lambda ax: plots.plot_frame_profile(_profile(), ax=ax, outlets=OUTLETS)),
    "frame_profile_narrow": lambda: _narrow_profile(),
    "lengths_few": lambda: plots.lengths_figure(_lengths(3)),
    "lengths_many": lambda: plots.lengths_figure(_lengths(60)),
    "tone_timeline": _axes(lambda ax: plots.plot_tone_timeline(_timeline(), ax=ax, outlets=OUTLETS)),
    "tone_by_voice": _axes(lambda ax: plots.plot_tone_by_voice(_voices(), ax=ax, outlets=OUTLETS)),
    "tone_towards": _axes(lambda ax: plots.plot_tone_towards(_towards(), ax=ax, outlets=OUTLETS)),
    "share_of_voice": _axes(lambda ax: plots.plot_share_of_voice(_share(), ax=ax, top=3)),
    "share_of_voice_by_outlet": _first(
        lambda: plots.plot_share_of_voice_by_outlet(pd.concat([_share("Daily"), _share("Herald")], ignore_index=True))
    ),
    "share_of_voice_by_outlet_top": _first(
        lambda: plots.plot_share_of_voice_by_outlet(
            pd.concat([_share("Daily"), _share("Herald"), _share("Herald").assign(speaker=lambda f: f["speaker"] + " Jr")]),
            top=3,
        )
    ),
    "tone_timeline_by_outlet": _first(lambda: plots.plot_tone_timeline_by_outlet(_binned())),
    "voice_types": _axes(lambda ax: plots.plot_voice_types(_quotes(), ax=ax, labels=OUTLETS)),
    "narration_vs_quotes": _axes(lambda ax: plots.plot_narration_vs_quotes(_pooled(), ax=ax, labels=OUTLETS)),
    "side_by_side": lambda: plots.side_by_side_figure(_profile(), _quotes(), _pooled(), labels=OUTLETS),
    "agreement": _axes(lambda ax: plots.plot_agreement(_agreement(), ax=ax)),
    "lengths_none": lambda: plots.lengths_figure(_lengths(3).iloc[:0]),
    "side_by_side_grouped": lambda: plots.side_by_side_figure(
        _profile(), _quotes(), _pooled(), by_outlet={"a": "Daily", "b": "Daily", "c": "Herald"}
    ),
}


def _narrow_profile():
    fig, ax = plt.subplots(figsize=(6, 4))
    plots.plot_frame_profile(_profile(), ax=ax, outlets=OUTLETS)
    fig.tight_layout()
    return fig


# ----------------------------------------------------------------------------- measuring


def _shown(artist) -> bool:
    while artist is not None:
        if not artist.get_visible():
            return False
        artist = getattr(artist, "axes", None) if artist is not getattr(artist, "axes", None) else None
    return True


def _text_boxes(fig: plt.Figure, renderer) -> list[tuple[str, Bbox]]:
    """Every text a reader sees, with its box in display units."""
    found = []

    def add(what, text):
        if text is not None and text.get_visible() and text.get_text().strip():
            # the text's own box (an annotation's extent would include its connecting line)
            found.append((f"{what} {text.get_text()!r}", Text.get_window_extent(text, renderer)))

    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison and not ax.get_title(loc="left"):
            continue
        for axis, name in ((ax.xaxis, "x tick"), (ax.yaxis, "y tick")):
            lo, hi = sorted(axis.get_view_interval())
            span = (hi - lo) * 1e-9
            for tick in axis.get_major_ticks():
                if lo - span <= tick.get_loc() <= hi + span and tick.label1.get_visible():
                    add(name, tick.label1)
        for loc in ("left", "center", "right"):
            add("title", {"left": ax._left_title, "center": ax.title, "right": ax._right_title}[loc])
        add("x label", ax.xaxis.label)
        add("y label", ax.yaxis.label)
        for text in ax.texts:
            add("text", text)
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            found.append(("legend", legend.get_window_extent(renderer)))
    for text in fig.texts:
        if text is not fig._suptitle:
            add("figure text", text)
    if fig._suptitle is not None:
        add("suptitle", fig._suptitle)
    for legend in fig.legends:
        found.append(("figure legend", legend.get_window_extent(renderer)))
    return found


def _data_marks(fig: plt.Figure, renderer) -> list[tuple[str, Bbox]]:
    """Bars (as boxes) and points of lines and scatters (as tiny boxes), in display units."""
    marks = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_width() and patch.get_height():
                marks.append((f"bar in {ax.get_title(loc='left')[:30]!r}", patch.get_window_extent(renderer)))
        points = []
        for line in ax.lines:
            xy = np.column_stack([line.get_xdata(orig=False), line.get_ydata(orig=False)]).astype(float)
            if len(xy) > 2 or line.get_marker() not in (None, "None", ""):  # not a reference line
                points += [line.get_transform().transform(p) for p in xy if np.all(np.isfinite(p))]
        for collection in ax.collections:
            offsets = collection.get_offsets()
            if len(offsets):
                points += list(collection.get_offset_transform().transform(offsets))
        marks += [("point", Bbox.from_extents(x - 1, y - 1, x + 1, y + 1)) for x, y in points]
    return marks


def _overlap(a: Bbox, b: Bbox, slack: float = 0.5) -> bool:
    return a.x0 + slack < b.x1 and b.x0 + slack < a.x1 and a.y0 + slack < b.y1 and b.y0 + slack < a.y1


@pytest.fixture(scope="module", params=sorted(FIGURES))
def drawn(request):
    fig = FIGURES[request.param]()
    fig.canvas.draw()
    yield request.param, fig
    plt.close(fig)


def test_no_text_covers_another(drawn):
    name, fig = drawn
    renderer = fig.canvas.get_renderer()
    boxes = _text_boxes(fig, renderer)
    assert boxes, f"{name}: no text found"
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if _overlap(box_a, box_b)]
    assert not clashes, f"{name}: overlapping text boxes {clashes[:5]}"


def test_no_legend_covers_the_data(drawn):
    name, fig = drawn
    renderer = fig.canvas.get_renderer()
    legends = [box for what, box in _text_boxes(fig, renderer) if what.endswith("legend")]
    marks = _data_marks(fig, renderer)
    clashes = [what for legend in legends for what, mark in marks if _overlap(legend, mark)]
    assert not clashes, f"{name}: a legend covers {clashes[:5]}"


def test_the_checks_can_fail():
    """The measure sees a legend put on top of the bars, and two titles on one spot."""
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar([0, 1], [5, 5], label="bars")
    ax.legend(loc="center")
    fig.text(0.5, 0.5, "a note on top of the legend", ha="center")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = [box for what, box in _text_boxes(fig, renderer) if what == "legend"][0]
    assert any(_overlap(legend, mark) for _, mark in _data_marks(fig, renderer))
    boxes = _text_boxes(fig, renderer)
    assert any(_overlap(a, b) for (_, a), (_, b) in itertools.combinations(boxes, 2))
    plt.close(fig)


def test_figures_are_deterministic(tmp_path):
    for name in ("distinctive_three",):  # the other figures: tests/test_plots*.py
        paths = []
        for run in range(2):
            fig = FIGURES[name]()
            paths.append(plots.save_figure(fig, f"{name}_{run}", folder=tmp_path))
            plt.close(fig)
        assert paths[0].read_bytes() == paths[1].read_bytes(), name


#: Every figure function of analysis.present.plots, and a drawing above that uses it.
COVERED = {
    "plot_fightin_words": "fightin_words", "distinctive_figure": "distinctive_three", "plot_top_terms": "distinctive_three",
    "plot_frame_profile": "frame_profile_narrow", "lengths_figure": "lengths_few", "plot_lengths": "lengths_few",
    "plot_length_spread": "lengths_many", "plot_tone_timeline": "tone_timeline", "plot_tone_by_voice": "tone_by_voice",
    "plot_tone_towards": "tone_towards", "plot_share_of_voice": "share_of_voice",
    "plot_share_of_voice_by_outlet": "share_of_voice_by_outlet_top", "type_legend": "share_of_voice_by_outlet",
    "plot_tone_timeline_by_outlet": "tone_timeline_by_outlet", "plot_voice_types": "voice_types",
    "plot_narration_vs_quotes": "narration_vs_quotes", "side_by_side_figure": "side_by_side",
    "plot_agreement": "agreement",
}  # fmt: skip


def test_every_figure_function_is_drawn_here():
    drawing = {n for n in plots.__all__ if n.startswith("plot_") or n.endswith(("_figure", "_legend")) and n != "save_figure"}
    assert drawing == set(COVERED), f"add a drawing for {sorted(drawing - set(COVERED))}"
    assert set(COVERED.values()) <= set(FIGURES)
