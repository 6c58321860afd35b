"""House style and deterministic figure files."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.present import plots

FRAME = pd.DataFrame({"id": ["a1", "b2"], "outlet": ["Zeta Post", "Alpha Daily"], "words": [120, 80]})


def _draw() -> plt.Figure:
    fig, ax = plt.subplots()
    returned = plots.plot_lengths(FRAME, ax=ax, measure="words")
    assert returned is ax
    return fig


def test_save_figure_is_byte_identical(tmp_path):
    first = plots.save_figure(_draw(), "01_test", folder=tmp_path / "one").read_bytes()
    second = plots.save_figure(_draw(), "01_test", folder=tmp_path / "two").read_bytes()
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert first == second
    assert b"matplotlib version" not in first  # no software stamp that changes with versions


def test_save_figure_leaves_no_partial_file(tmp_path):
    path = plots.save_figure(_draw(), "01_test", folder=tmp_path)
    assert path == tmp_path / "01_test.png"
    assert [p.name for p in tmp_path.iterdir()] == ["01_test.png"]


def test_outlet_colors_do_not_depend_on_order():
    assert plots.outlet_colors(["B", "A", "C"]) == plots.outlet_colors(["C", "B", "A", "A"])
    colors = plots.outlet_colors(["B", "A"])
    assert colors["A"] == plots.PALETTE[0] and colors["B"] == plots.PALETTE[1]


def test_plot_lengths_labels_axes_and_bars():
    fig = _draw()
    ax = fig.axes[0]
    assert ax.get_xlabel() == "words (count)"
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [120, 80]
    colors = plots.outlet_colors(FRAME["outlet"])
    assert [patch.get_facecolor() for patch in ax.patches] == [
        plt.matplotlib.colors.to_rgba(colors["Zeta Post"]),
        plt.matplotlib.colors.to_rgba(colors["Alpha Daily"]),
    ]


def _lengths(n: int) -> pd.DataFrame:
    import numpy as np

    rng = np.random.default_rng(0)
    words = rng.integers(50, 2000, n)
    return pd.DataFrame({
        "id": [f"r{i}" for i in range(n)], "outlet": [f"Outlet {i % 7}" for i in range(n)], "headline": [""] * n,
        "paragraphs": words // 60 + 1, "sentences": words // 20 + 1, "words": words,
    })  # fmt: skip


def test_the_lengths_figure_has_one_bar_per_report_up_to_the_limit():
    frame = _lengths(5)
    fig = plots.lengths_figure(frame)
    assert tuple(fig.get_size_inches()) == (11, 1.6 + 0.7 * 5)
    assert [len(ax.patches) for ax in fig.axes] == [5, 5, 5]
    longest = frame.sort_values("words").iloc[-1]
    assert fig._suptitle.get_text().endswith(f"with {longest['words']} words")
    plt.close(fig)


def test_the_lengths_figure_keeps_its_size_for_a_hundred_thousand_reports():
    frame = _lengths(100_000)
    fig = plots.lengths_figure(frame)
    assert tuple(fig.get_size_inches()) == (11, 4.2)
    assert all(1 <= len(ax.patches) <= 40 for ax in fig.axes)  # histogram bins, not one bar per report
    assert fig._suptitle.get_text().startswith("100,000 reports; the longest is")
    assert [ax.get_title(loc=plt.rcParams["axes.titlelocation"]) for ax in fig.axes] == ["Paragraphs", "Sentences", "Words"]
    plt.close(fig)
