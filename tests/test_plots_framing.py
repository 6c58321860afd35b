"""Framing figures: what is drawn (points, bars, labels, titles), on hand-made tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.text import Text

from analysis.present import plots

OUTLETS = {"iz": "Izvestia", "mt": "The Moscow Times"}


def _terms() -> pd.DataFrame:
    """A distinctive_terms-shaped table for two articles (the rows of "mt" mirror "iz")."""
    rows_iz = [
        # term, count in iz, count in mt, z for iz
        ("regret", 6, 0, 2.5),
        ("channels", 2, 0, 1.0),
        ("closed", 2, 0, 1.0),
        ("zoom", 10, 10, 0.0),
        ("russia", 1, 5, -1.3),
        ("kommersant", 0, 4, -2.2),
    ]
    iz = pd.DataFrame(rows_iz, columns=["term", "count", "count_other", "z"]).assign(article="iz")
    mt = iz.assign(article="mt", count=iz["count_other"], count_other=iz["count"], z=-iz["z"])
    table = pd.concat([iz, mt], ignore_index=True)
    table["rank"] = table.groupby("article")["z"].rank(ascending=False, method="first").astype(int)
    return table[["article", "term", "count", "count_other", "z", "rank"]]


def _texts(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_fightin_words_points_sit_at_frequency_and_z_coloured_by_lean():
    fig, ax = plt.subplots()
    returned = plots.plot_fightin_words(_terms(), ax=ax, outlets=OUTLETS)
    assert returned is ax
    lean_a, lean_b, neutral = ax.collections[:3]
    # x = count + count_other (total frequency), y = z of the first article ("iz")
    assert lean_a.get_offsets().tolist() == [[6, 2.5], [2, 1.0], [2, 1.0]]
    assert lean_b.get_offsets().tolist() == [[6, -1.3], [4, -2.2]]
    assert neutral.get_offsets().tolist() == [[20, 0.0]]
    colors = plots.outlet_colors(OUTLETS.values())
    assert tuple(lean_a.get_facecolor()[0][:3]) == to_rgba(colors["Izvestia"])[:3]
    assert tuple(lean_b.get_facecolor()[0][:3]) == to_rgba(colors["The Moscow Times"])[:3]
    assert ax.get_xscale() == "log"
    plt.close(fig)


def test_fightin_words_reference_lines_labels_and_title():
    fig, ax = plt.subplots()
    plots.plot_fightin_words(_terms(), ax=ax, outlets=OUTLETS)
    levels = sorted({round(line.get_ydata()[0], 2) for line in ax.lines})
    assert levels == [-1.96, 0.0, 1.96]
    texts = _texts(ax)
    assert texts.count("95% significance") == 2
    assert "\u25b2 leans to Izvestia" in texts and "\u25bc leans to The Moscow Times" in texts
    # tied terms at one point share one label; every side's terms are labelled
    assert "regret" in texts and "channels, closed" in texts
    assert "kommersant" in texts and "russia" in texts
    assert "zoom" not in texts  # z = 0 leans to no side
    assert ax.get_xlabel() == "frequency in all reports together (count, log scale)"
    assert "z-score" in ax.get_ylabel()
    assert ax.get_title(loc="left") == (
        "1 word lean significantly to Izvestia, 1 to The Moscow Times\n"
        "strongest: 'regret' for Izvestia (z = 2.50) and 'kommersant' for The Moscow Times (z = -2.20)"
    )
    plt.close(fig)


def test_fightin_words_top_limits_labels_and_counts_the_rest_at_a_point():
    fig, ax = plt.subplots()
    plots.plot_fightin_words(_terms(), ax=ax, top=2, outlets=OUTLETS)
    texts = _texts(ax)
    # top 2 of "iz": regret, then channels (alphabetical within the tie); closed is counted
    assert "channels (+1 more)" in texts and "regret" in texts
    assert "kommersant" in texts and "russia" in texts
    plt.close(fig)


def test_fightin_words_labels_do_not_overlap():
    many = pd.DataFrame({
        "article": ["a"] * 12 + ["b"] * 12,
        "term": [f"t{i:02d}" for i in range(12)] * 2,
        "count": list(range(1, 13)) + [0] * 12,
        "count_other": [0] * 12 + list(range(1, 13)),
        "z": [0.1 * i + 0.05 for i in range(12)] + [-(0.1 * i + 0.05) for i in range(12)],
    })
    fig, ax = plt.subplots()
    plots.plot_fightin_words(many, ax=ax, top=12)
    labels = [t for t in ax.texts if t.get_text().startswith("t")]
    assert len(labels) == 12
    fig.canvas.draw()
    # the text boxes only (an annotation's own extent includes its leader line)
    boxes = sorted((Text.get_window_extent(t) for t in labels), key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:]):
        assert lower.y1 <= upper.y0 + 0.5
    plt.close(fig)


def test_fightin_words_without_significance_and_against_the_rest():
    table = _terms()
    table = table[table["article"] == "iz"].assign(z=lambda t: t["z"] / 2)
    fig, ax = plt.subplots()
    plots.plot_fightin_words(table, ax=ax, outlets=OUTLETS)
    assert ax.get_title(loc="left").startswith("No word sets Izvestia apart from the other reports together at 95% significance")
    assert "\u25bc leans to the other reports together" in _texts(ax)
    plt.close(fig)


def test_fightin_words_names_phrases_and_refuses_bad_tables():
    table = _terms().assign(term=lambda t: t["term"] + " x")
    fig, ax = plt.subplots()
    plots.plot_fightin_words(table, ax=ax)
    assert "two-word phrase" in ax.get_title(loc="left")
    assert "\u25b2 leans to iz" in _texts(ax)  # ids when no outlet is known
    with pytest.raises(ValueError, match="lacks column"):
        plots.plot_fightin_words(pd.DataFrame({"term": ["x"]}), ax=ax)
    plt.close(fig)


def _profile() -> pd.DataFrame:
    rows = [
        ("iz", "conflict", 5, 13), ("iz", "economic", 7, 13), ("iz", "human_interest", 3, 13),
        ("mt", "conflict", 5, 12), ("mt", "economic", 7, 12), ("mt", "human_interest", 0, 12),
    ]
    frame = pd.DataFrame(rows, columns=["article", "frame", "n_sentences", "sentences_total"])
    frame["share"] = frame["n_sentences"] / frame["sentences_total"]
    return frame


def test_frame_profile_bars_are_shares_in_per_cent_grouped_by_frame():
    fig, ax = plt.subplots()
    returned = plots.plot_frame_profile(_profile(), ax=ax, outlets=OUTLETS)
    assert returned is ax
    heights = [round(p.get_height(), 6) for p in ax.patches]
    assert heights == [round(100 * 5 / 13, 6), round(100 * 7 / 13, 6), round(100 * 3 / 13, 6),
                       round(100 * 5 / 12, 6), round(100 * 7 / 12, 6), 0.0]
    xs = [round(p.get_x() + p.get_width() / 2, 6) for p in ax.patches]
    assert xs == [-0.2, 0.8, 1.8, 0.2, 1.2, 2.2]  # two bars per frame, side by side
    colors = plots.outlet_colors(OUTLETS.values())
    assert ax.patches[0].get_facecolor() == to_rgba(colors["Izvestia"])
    assert ax.patches[3].get_facecolor() == to_rgba(colors["The Moscow Times"])
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == ["conflict", "economic", "human interest"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Izvestia", "The Moscow Times"]
    assert "38%" in [t.get_text() for t in ax.texts]  # bar labels
    assert ax.get_ylabel() == "sentences showing the frame (%)"
    plt.close(fig)


def test_frame_profile_title_does_not_state_a_gap_that_could_be_chance():
    # 3 of 13 sentences against 0 of 12: pooled z = 1.77, two-sided p = 0.076
    fig, ax = plt.subplots()
    plots.plot_frame_profile(_profile(), ax=ax, outlets=OUTLETS)
    assert ax.get_title(loc="left") == (
        "The reports do not clearly differ on any frame: the largest gap, human interest (p = 0.076),\n"
        "could be chance: 23% of sentences in Izvestia, 0% in The Moscow Times"
    )
    plt.close(fig)


def test_frame_profile_title_states_a_gap_beyond_chance():
    # 30 of 60 sentences against 10 of 60: pooled z = 3.87, p = 0.0001
    rows = [("iz", "conflict", 30, 60), ("mt", "conflict", 10, 60)]
    profile = pd.DataFrame(rows, columns=["article", "frame", "n_sentences", "sentences_total"])
    profile["share"] = profile["n_sentences"] / profile["sentences_total"]
    fig, ax = plt.subplots()
    plots.plot_frame_profile(profile, ax=ax, outlets=OUTLETS)
    assert ax.get_title(loc="left") == (
        "The reports differ most on the conflict frame (p < 0.001):\n"
        "50% of sentences in Izvestia, 17% in The Moscow Times"
    )
    plt.close(fig)


def test_two_proportion_test_by_hand():
    from analysis.compare.frames import two_proportion_test

    z, p = two_proportion_test(30, 60, 10, 60)  # pooled 1/3, se = sqrt(2/9 * 2/60) = 0.0861
    assert z == pytest.approx(3.873, abs=1e-3) and p == pytest.approx(0.000108, abs=1e-5)
    assert two_proportion_test(0, 10, 0, 12) == (0.0, 1.0)
    assert two_proportion_test(1, 0, 1, 5) == (0.0, 1.0)


def test_frame_profile_one_article_and_nothing_found():
    one = _profile()[lambda p: p["article"] == "iz"]
    fig, ax = plt.subplots()
    plots.plot_frame_profile(one, ax=ax, outlets=OUTLETS)
    assert ax.get_title(loc="left") == "Economic is the most frequent frame in Izvestia (54% of sentences)"
    none = _profile().assign(share=0.0, n_sentences=0)
    fig2, ax2 = plt.subplots()
    plots.plot_frame_profile(none, ax=ax2)
    assert ax2.get_title(loc="left") == "No frame cue was found"
    plt.close(fig)
    plt.close(fig2)


def test_frame_profile_same_outlet_twice_is_told_apart():
    profile = _profile()
    fig, ax = plt.subplots()
    plots.plot_frame_profile(profile, ax=ax, outlets={"iz": "Izvestia", "mt": "Izvestia"})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Izvestia (iz)", "Izvestia (mt)"]
    assert ax.patches[3].get_hatch() == "//" and ax.patches[0].get_hatch() is None
    plt.close(fig)


def test_framing_figures_save_byte_identical(tmp_path):
    def draw(kind: str) -> plt.Figure:
        fig, ax = plt.subplots()
        if kind == "fw":
            plots.plot_fightin_words(_terms(), ax=ax, outlets=OUTLETS)
        else:
            plots.plot_frame_profile(_profile(), ax=ax, outlets=OUTLETS)
        return fig

    for kind in ("fw", "profile"):
        first = plots.save_figure(draw(kind), f"02_{kind}", folder=tmp_path / "one").read_bytes()
        second = plots.save_figure(draw(kind), f"02_{kind}", folder=tmp_path / "two").read_bytes()
        assert first == second
    plt.close("all")


def test_fightin_words_draws_the_article_asked_for():
    fig, ax = plt.subplots(figsize=(8, 6))
    plots.plot_fightin_words(_terms(), ax=ax, outlets=OUTLETS, article="mt")
    assert "\u25b2 leans to The Moscow Times" in _texts(ax) and "\u25bc leans to Izvestia" in _texts(ax)
    assert "'kommersant' for The Moscow Times (z = 2.20)" in ax.get_title(loc="left")
    with pytest.raises(ValueError, match="not in the table"):
        plots.plot_fightin_words(_terms(), ax=ax, article="zz")
    plt.close(fig)
