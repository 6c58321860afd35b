"""Side-by-side tables across reports."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import compare, plots


@pytest.fixture(scope="module")
def overview(seed_corpus):
    return compare.overview(seed_corpus, targets=["Zoom", "Kremlin"])


def test_overview_has_one_column_per_report_and_every_section(seed_corpus, overview):
    assert list(overview.columns) == ["Izvestia", "The Moscow Times"]
    assert [s for s in compare.OVERVIEW_SECTIONS if s in overview.index.get_level_values("section")] == list(compare.OVERVIEW_SECTIONS)
    assert overview.loc[("report", "words"), "Izvestia"] == seed_corpus["000_eb875e01c2519c6f"].n_words


def test_overview_values_agree_with_the_seed_reports(overview):
    # read from the articles: only The Moscow Times names Kommersant, Putin, LinkedIn and Twitter
    only_mt = overview.loc[("only in this report", "named entities"), "The Moscow Times"]
    for name in ("Kommersant", "Vladimir Putin", "LinkedIn", "Twitter"):
        assert name in only_mt
    assert "Dmitry Peskov" in overview.loc[("only in this report", "named entities"), "Izvestia"]
    assert overview.loc[("sources", "largest voice"), "Izvestia"].startswith("Dmitry Peskov")
    assert "vowed" in overview.loc[("reporting verbs", "loaded"), "The Moscow Times"]
    assert overview.loc[("tone", "headline compound"), "Izvestia"] == "no headline"
    assert "sentence" in overview.loc[("tone", "towards Zoom"), "Izvestia"]


def test_article_labels_disambiguate_a_shared_outlet():
    class A:
        def __init__(self, i, o):
            self.id, self.outlet = i, o

    labels = compare.article_labels([A("a", "Daily"), A("b", "Daily"), A("c", "")])
    assert labels == {"a": "Daily (a)", "b": "Daily (b)", "c": "c"}


def test_voice_types_plot_stacks_shares_to_100():
    quotes = pd.DataFrame({"article": ["x", "x", "x", "y"], "speaker_type": ["government", "government", "media", "company"]})
    fig, ax = plt.subplots()
    plots.plot_voice_types(quotes, ax=ax, labels={"x": "X", "y": "Y"})
    widths = sorted(round(p.get_width(), 3) for p in ax.patches if p.get_width() > 0)
    assert widths == [33.333, 66.667, 100.0]
    assert "X" in ax.get_title(loc="left") and "67%" in ax.get_title(loc="left")
    plt.close(fig)


def test_narration_vs_quotes_plot_draws_both_bars_per_article():
    pooled = pd.DataFrame({"article": ["x", "y"], "narrator_mean": [0.1, -0.2], "quoted_mean": [-0.3, 0.05]})
    fig, ax = plt.subplots()
    plots.plot_narration_vs_quotes(pooled, ax=ax, labels={"x": "X", "y": "Y"})
    widths = [round(p.get_width(), 2) for p in ax.patches]
    assert widths == [0.1, -0.2, -0.3, 0.05]
    assert ax.get_title(loc="left").endswith("X")  # only X's quoted voices are more negative
    plt.close(fig)
