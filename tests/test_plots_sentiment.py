"""Tone figures: what is drawn (bars, lines, labels, titles), on small hand-made tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from analysis.present import plots
from analysis.sentiment import NARRATOR

OUTLETS = {"a": "Zeta Post", "b": "Alpha Daily"}
COLORS = plots.outlet_colors(OUTLETS.values())  # Alpha Daily first (sorted), then Zeta Post


def _title(ax) -> str:
    """The house style sets titles on the left (``axes.titlelocation``)."""
    return ax.get_title(loc="left")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _timeline():
    return pd.DataFrame(
        {
            "article": ["a", "a", "a", "b", "b"],
            "position": [0.0, 0.5, 1.0, 0.0, 1.0],
            "compound": [0.4, -0.2, 0.1, -0.6, 0.0],
            "rolling_mean": [0.1, 0.1, -0.05, -0.3, -0.3],
        }
    )


def test_tone_timeline_draws_one_line_and_dots_per_article():
    fig, ax = plt.subplots()
    assert plots.plot_tone_timeline(_timeline(), ax=ax, outlets=OUTLETS) is ax
    lines = [line for line in ax.get_lines() if line.get_label() in OUTLETS.values()]
    assert [line.get_label() for line in lines] == ["Zeta Post", "Alpha Daily"]
    assert list(lines[0].get_xdata()) == [0.0, 0.5, 1.0]
    assert list(lines[0].get_ydata()) == [0.1, 0.1, -0.05]
    assert list(lines[1].get_ydata()) == [-0.3, -0.3]
    assert to_rgba(lines[0].get_color()) == to_rgba(COLORS["Zeta Post"])
    assert to_rgba(lines[1].get_color()) == to_rgba(COLORS["Alpha Daily"])
    dots = [c.get_offsets().tolist() for c in ax.collections]
    assert dots == [[[0.0, 0.4], [0.5, -0.2], [1.0, 0.1]], [[0.0, -0.6], [1.0, 0.0]]]
    assert "position in the article" in ax.get_xlabel()
    assert "compound" in ax.get_ylabel() and "-1 to +1" in ax.get_ylabel()
    # the lowest rolling mean, -0.30, is in Alpha Daily at position 0
    assert _title(ax) == "The tone is lowest in the opening part of Alpha Daily (rolling mean -0.30)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Zeta Post", "Alpha Daily", "one sentence"]


def test_tone_timeline_uses_the_outlet_column_and_says_when_nothing_is_negative():
    frame = _timeline().assign(
        outlet=["Zeta Post"] * 3 + ["Alpha Daily"] * 2, rolling_mean=[0.1, 0.2, 0.0, 0.3, 0.04]
    )
    ax = plots.plot_tone_timeline(frame)
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["Zeta Post", "Alpha Daily"]
    assert _title(ax) == "No stretch of any report turns negative (lowest rolling mean 0.00)"


def _voices():
    return pd.DataFrame(
        {
            "article": ["a", "a", "a", "b", "b"],
            "voice": [NARRATOR, "Dmitry Peskov", "the media", NARRATOR, "Zoom"],
            "n_segments": [2, 1, 2, 1, 2],
            "mean_compound": [0.1, -0.6, -0.1, -0.3, 0.2],
        }
    )


def test_tone_by_voice_bars_labels_hatches_and_finding():
    fig, ax = plt.subplots()
    assert plots.plot_tone_by_voice(_voices(), ax=ax, outlets=OUTLETS) is ax
    bars = ax.patches
    assert [round(b.get_width(), 6) for b in bars] == [0.1, -0.6, -0.1, -0.3, 0.2]
    assert [bool(b.get_hatch()) for b in bars] == [True, False, False, True, False]
    assert [to_rgba(b.get_facecolor()) for b in bars] == [to_rgba(COLORS["Zeta Post"])] * 3 + [
        to_rgba(COLORS["Alpha Daily"])
    ] * 2
    # top to bottom in the frame's order
    ticks = sorted(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()]))
    assert [t for _, t in ticks] == [NARRATOR, "Dmitry Peskov", "the media", NARRATOR, "Zoom"]
    assert ax.yaxis_inverted()
    labels = [t.get_text() for t in ax.texts]
    assert labels == [
        "+0.10 (2 segments)", "-0.60 (1 segment)", "-0.10 (2 segments)",
        "-0.30 (1 segment)", "+0.20 (2 segments)",
    ]  # fmt: skip
    assert ax.get_xlim() == (-1.0, 1.0)
    assert "mean VADER compound" in ax.get_xlabel()
    # a: quoted (-0.6 x 1 - 0.1 x 2) / 3 = -0.27 < narration +0.10; b: quoted +0.20 > narration -0.30
    assert _title(ax) == (
        "Quoted sources sound more negative than the narration in Zeta Post,\nbut not in Alpha Daily"
    )


def test_tone_by_voice_finding_for_both_reports_and_new_axes():
    voices = _voices().assign(mean_compound=[0.1, -0.6, -0.1, -0.3, -0.5])
    ax = plots.plot_tone_by_voice(voices, outlets=OUTLETS)
    assert _title(ax) == "Quoted sources sound more negative than the narration in both reports"
    only_narration = _voices().iloc[[0, 3]]
    ax = plots.plot_tone_by_voice(only_narration, outlets=OUTLETS)
    assert _title(ax) == "No report has both narration and quoted voices to compare"


def _towards():
    return pd.DataFrame(
        {
            "term": ["Zoom", "Zoom", "Kremlin", "Kremlin"],
            "article": ["a", "b", "a", "b"],
            "n_sentences": [2, 3, 1, 0],
            "mean_compound": [-0.2, 0.25, -0.5, float("nan")],
        }
    )


def test_tone_towards_grouped_bars_and_missing_mentions():
    fig, ax = plt.subplots()
    assert plots.plot_tone_towards(_towards(), ax=ax, outlets=OUTLETS) is ax
    bars = ax.patches
    # article a (Zoom, Kremlin), then article b (Zoom only: it never mentions the Kremlin)
    assert [round(b.get_width(), 6) for b in bars] == [-0.2, -0.5, 0.25]
    assert [to_rgba(b.get_facecolor()) for b in bars] == [
        to_rgba(COLORS["Zeta Post"]), to_rgba(COLORS["Zeta Post"]), to_rgba(COLORS["Alpha Daily"]),
    ]  # fmt: skip
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Zoom", "Kremlin"]
    texts = [t.get_text() for t in ax.texts]
    assert "not mentioned" in texts
    assert {"-0.20 (2 sentences)", "-0.50 (1 sentence)", "+0.25 (3 sentences)"} <= set(texts)
    # the not-mentioned note sits on the Kremlin row, in article b's slot
    note = next(t for t in ax.texts if t.get_text() == "not mentioned")
    assert note.get_position()[1] == pytest.approx(1 + 0.5 * 0.4, abs=1e-9)
    assert ax.get_xlabel().startswith("mean VADER compound score of the sentences that mention the term")
    assert ax.get_ylabel() == "target term"
    assert _title(ax) == "Kremlin is talked about most negatively in Zeta Post\n(mean -0.50 over 1 sentence)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Zeta Post", "Alpha Daily"]


def test_tone_towards_without_negative_targets():
    frame = _towards().assign(mean_compound=[0.2, 0.25, 0.0, float("nan")])
    ax = plots.plot_tone_towards(frame, outlets=OUTLETS)
    assert _title(ax) == "No target is talked about negatively on average"


def test_tone_towards_plots_the_tone_towards_the_term_when_given():
    frame = _towards().assign(mean_towards=[0.4, -0.3, 0.1, float("nan")])
    ax = plots.plot_tone_towards(frame, outlets=OUTLETS)
    assert [round(b.get_width(), 6) for b in ax.patches] == [0.4, 0.1, -0.3]
    assert ax.get_xlabel() == "mean tone towards the term where it is mentioned (-1 to +1)"
    assert _title(ax) == "Zoom is talked about most negatively in Alpha Daily\n(mean -0.30 over 3 sentences)"
