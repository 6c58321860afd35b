"""Figures for many reports: small multiples (one panel per outlet) and top N, on hand-made tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from analysis.present import plots

OUTLETS = ["Daily", "Herald", "Post"]


def _visible(fig: plt.Figure) -> list[plt.Axes]:
    return [ax for ax in fig.axes if ax.get_visible()]


def _texts(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("n, ncols, visible, rows", [(1, 3, 1, 1), (3, 3, 3, 1), (5, 3, 5, 2), (7, 2, 7, 4)])
def test_panel_grid_gives_n_panels_and_hides_the_rest(n, ncols, visible, rows):
    fig, axes = plots.panel_grid(n, ncols=ncols)
    assert len(axes) == n
    assert len(_visible(fig)) == visible
    assert len(fig.axes) == rows * min(ncols, n)
    plt.close(fig)


def test_panel_grid_refuses_zero_panels():
    with pytest.raises(ValueError, match="at least 1"):
        plots.panel_grid(0)


def _terms(per_outlet: int = 14) -> pd.DataFrame:
    """A distinctive_terms-shaped table: outlet k has words w{k}_0 .. with z = 5 - j/4, and
    two words leaning away from it (negative z)."""
    rows = []
    for k, outlet in enumerate(OUTLETS):
        for j in range(per_outlet):
            rows.append({"article": outlet, "term": f"w{k}_{j:02d}", "count": 3, "count_other": 0, "z": 5 - j / 4})
        rows += [{"article": outlet, "term": f"away{k}_{j}", "count": 0, "count_other": 3, "z": -1.5} for j in range(2)]
    table = pd.DataFrame(rows)
    table["rank"] = table.groupby("article")["z"].rank(ascending=False, method="first").astype(int)
    return table


def test_top_terms_draw_one_panel_per_outlet_with_its_top_words_only():
    axes = plots.plot_top_terms(_terms(), top=10)
    fig = axes[0].figure
    assert len(axes) == len(_visible(fig)) == 3
    colors = plots.outlet_colors(OUTLETS)
    for k, (ax, outlet) in enumerate(zip(axes, OUTLETS)):
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == [f"w{k}_{j:02d}" for j in range(10)]  # the largest z first, nothing leaning away
        assert [round(p.get_width(), 2) for p in ax.patches] == [round(5 - j / 4, 2) for j in range(10)]
        assert {p.get_facecolor() for p in ax.patches} == {to_rgba(colors[outlet])}
        assert "4 more words not shown" in _texts(ax)
        assert ax.get_title(loc="left") == f"{outlet}: 'w{k}_00' leans most (z = 5.00)"
        assert ax.get_xlim() == axes[0].get_xlim()  # shared x axis
    plt.close(fig)


def test_top_terms_say_nothing_is_hidden_when_all_words_fit():
    axes = plots.plot_top_terms(_terms(per_outlet=4), top=10, labels={"Daily": "The Daily"})
    assert len(axes[0].patches) == 4
    assert not [t for t in _texts(axes[0]) if "more" in t]
    assert axes[0].get_title(loc="left").startswith("The Daily: ")
    plt.close(axes[0].figure)


def test_top_terms_panel_without_a_leaning_word_says_so():
    table = _terms().assign(z=lambda t: t["z"].where(t["article"] != "Post", -1.0))
    axes = plots.plot_top_terms(table, top=5)
    assert len(axes[2].patches) == 0
    assert axes[2].get_title(loc="left") == "Post: no word leans to it"
    plt.close(axes[0].figure)


def test_top_terms_refuse_bad_input():
    with pytest.raises(ValueError, match="z"):
        plots.plot_top_terms(pd.DataFrame({"article": ["a"], "term": ["x"]}))
    with pytest.raises(ValueError, match="top"):
        plots.plot_top_terms(_terms(), top=0)
    axes = plots.plot_top_terms(_terms().head(0))
    assert axes[0].get_title(loc="left") == "No terms to compare"
    plt.close("all")


def _binned() -> pd.DataFrame:
    """An outlet_timeline-shaped table: three stretches per outlet."""
    means = {"Daily": [-0.4, 0.1, 0.2], "Herald": [0.1, -0.3, 0.0], "Post": [0.2, 0.3, 0.1]}
    rows = [
        {"outlet": o, "bin": b, "position": (b + 0.5) / 3, "mean_compound": m, "n_sentences": 4, "n_articles": 2}
        for o, values in means.items() for b, m in enumerate(values)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_tone_timeline_by_outlet_draws_one_panel_per_outlet_on_one_scale():
    axes = plots.plot_tone_timeline_by_outlet(_binned())
    assert len(axes) == 3
    for ax, outlet in zip(axes, OUTLETS):  # noqa: B007 (outlet is read by the query string)
        (line,) = [ln for ln in ax.lines if len(ln.get_xdata()) == 3]
        assert list(line.get_ydata()) == _binned().query("outlet == @outlet")["mean_compound"].tolist()
        assert ax.get_ylim() == axes[0].get_ylim() and ax.get_xlim() == (0.0, 1.0)
    assert axes[0].get_ylim()[1] == pytest.approx(0.52)  # zoomed to the data: 1.3 x the largest |mean|
    assert axes[0].get_title(loc="left") == "Daily (2 reports):\nlowest in the opening (-0.40)"
    assert axes[1].get_title(loc="left").endswith("lowest in the middle (-0.30)")
    assert axes[2].get_title(loc="left").endswith("never negative on average")
    plt.close(axes[0].figure)


def test_tone_timeline_by_outlet_without_sentences_says_so():
    axes = plots.plot_tone_timeline_by_outlet(_binned().head(0))
    assert axes[0].get_title(loc="left") == "No sentences to show"
    plt.close(axes[0].figure)


def _voices(n: int) -> pd.DataFrame:
    """A source_summary-shaped table with n sources, source j holding (n - j)% of the words."""
    return pd.DataFrame({
        "speaker": [f"S{j}" for j in range(n)], "speaker_type": ["government", "company"] * (n // 2) + ["media"] * (n % 2),
        "named": [True] * n, "share_of_voice": [float(n - j) for j in range(n)],
    })  # fmt: skip


def test_share_of_voice_top_draws_the_largest_sources_and_notes_the_rest():
    fig, ax = plt.subplots()
    plots.plot_share_of_voice(_voices(13), ax=ax, top=5)
    assert sorted(p.get_width() for p in ax.patches) == [9.0, 10.0, 11.0, 12.0, 13.0]
    assert "8 more sources not shown" in _texts(ax)
    assert ax.get_title(loc="left").startswith("most room: S0")
    ax.clear()
    plots.plot_share_of_voice(_voices(13), ax=ax)  # without top: every source, no note
    assert len(ax.patches) == 13 and not [t for t in _texts(ax) if "more" in t]
    with pytest.raises(ValueError, match="top"):
        plots.plot_share_of_voice(_voices(3), ax=ax, top=0)
    plt.close(fig)


def test_share_of_voice_by_outlet_draws_one_panel_per_outlet():
    summary = pd.concat([_voices(n).assign(outlet=o) for o, n in zip(OUTLETS, (12, 3, 6))], ignore_index=True)
    axes = plots.plot_share_of_voice_by_outlet(summary, top=4)
    assert len(axes) == 3
    assert [len(ax.patches) for ax in axes] == [4, 3, 4]
    assert [ax.get_title(loc="left").split(":")[0] for ax in axes] == OUTLETS
    assert "8 more sources not shown" in _texts(axes[0]) and "2 more sources not shown" in _texts(axes[2])
    assert axes[-1].get_legend() is not None and axes[-1].get_xlabel().startswith("share of all the outlet's words")
    plt.close(axes[0].figure)
    axes = plots.plot_share_of_voice_by_outlet(summary.head(0))
    assert axes[0].get_title(loc="left") == "No attributed statements"
    plt.close(axes[0].figure)


def test_small_multiples_save_with_stable_bytes(tmp_path):
    def draw() -> plt.Figure:
        axes = plots.plot_top_terms(_terms(), top=10)
        return axes[0].figure

    first = plots.save_figure(draw(), "02_test", folder=tmp_path / "one").read_bytes()
    second = plots.save_figure(draw(), "02_test", folder=tmp_path / "two").read_bytes()
    assert first == second
    plt.close("all")


def test_share_of_voice_hatches_a_guessed_type_and_says_so_in_the_label_and_legend():
    voices = _voices(3).assign(type_guessed=[False, True, False])
    fig, ax = plt.subplots()
    plots.plot_share_of_voice(voices, ax=ax)
    plots.type_legend(ax, voices["speaker_type"], voices["type_guessed"])
    hatched = {p.get_width(): bool(p.get_hatch()) for p in ax.patches}
    assert hatched == {3.0: False, 2.0: True, 1.0: False}
    assert "S1 (named, type guessed)" in [t.get_text() for t in ax.get_yticklabels()]
    assert "type guessed from the story" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)


def test_type_legend_has_no_guess_entry_without_guesses():
    fig, ax = plt.subplots()
    plots.type_legend(ax, ["government"], [False])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["government"]
    plt.close(fig)
