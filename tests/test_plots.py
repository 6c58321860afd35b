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
