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


# --------------------------------------------------------------------------- many articles

OUTLETS = [f"Outlet {k}" for k in range(5)]


@pytest.fixture(scope="module")
def fifty():
    """50 hand-made articles across 5 outlets: article i is in outlet i % 5 and has
    conflict share i / 100, economic share 0.5, statements of which i % 2 + 1 of 2 are official,
    narration i / 100 and quoted voices -i / 100."""
    ids = [f"a{i:02d}" for i in range(50)]
    outlets = {a: OUTLETS[i % 5] for i, a in enumerate(ids)}
    profile = pd.DataFrame(
        [{"article": a, "frame": f, "share": (i / 100 if f == "conflict" else 0.5), "n_sentences": 1}
         for i, a in enumerate(ids) for f in ("conflict", "economic")]
    )  # fmt: skip
    quotes = pd.DataFrame(
        [{"article": a, "speaker_type": "government" if (j == 0 or i % 2) else "company"}
         for i, a in enumerate(ids) for j in range(2)]
    )  # fmt: skip
    pooled = pd.DataFrame({"article": ids, "narrator_mean": [i / 100 for i in range(50)], "quoted_mean": [-i / 100 for i in range(50)]})
    tone = pd.DataFrame({"article": ids, "mean_compound": [i / 200 for i in range(50)]})
    return outlets, profile, quotes, pooled, tone


def _by_hand(values, k):
    """Mean over the articles of outlet k (i % 5 == k) of values[i]."""
    own = [values[i] for i in range(50) if i % 5 == k]
    return sum(own) / len(own)


def test_outlet_profile_gives_one_row_per_outlet_with_the_means_of_its_articles(fifty):
    outlets, profile, quotes, pooled, tone = fifty
    table = compare.outlet_profile(outlets, profile=profile, quotes=quotes, pooled=pooled, tone=tone)
    assert table["outlet"].tolist() == OUTLETS
    assert table["articles"].tolist() == [10] * 5
    for k, row in table.iterrows():
        assert row["frame: conflict"] == pytest.approx(_by_hand([i / 100 for i in range(50)], k))
        assert row["frame: economic"] == pytest.approx(0.5)
        assert row["share_official"] == pytest.approx(_by_hand([1.0 if i % 2 else 0.5 for i in range(50)], k))
        assert row["narrator_mean"] == pytest.approx(_by_hand([i / 100 for i in range(50)], k))
        assert row["quoted_mean"] == pytest.approx(_by_hand([-i / 100 for i in range(50)], k))
        assert row["mean_compound"] == pytest.approx(_by_hand([i / 200 for i in range(50)], k))


def test_side_by_side_figures_draw_one_group_per_outlet(fifty):
    outlets, profile, quotes, pooled, _ = fifty
    fig, axes = plt.subplots(3, 1)
    ax = plots.plot_frame_profile(profile, ax=axes[0], by_outlet=outlets)
    assert len(ax.patches) == 2 * 5  # two frames, one bar per outlet
    assert [t.get_text() for t in ax.get_legend().get_texts()] == OUTLETS
    for k in range(5):
        conflict = ax.containers[k][0].get_height()
        assert conflict == pytest.approx(100 * _by_hand([i / 100 for i in range(50)], k))
        assert ax.containers[k][1].get_height() == pytest.approx(50)

    ax = plots.plot_voice_types(quotes, ax=axes[1], by_outlet=outlets)
    assert [t.get_text() for t in ax.get_yticklabels()] == OUTLETS
    government = ax.containers[0]
    assert len(government) == 5
    for k in range(5):
        assert government[k].get_width() == pytest.approx(100 * _by_hand([1.0 if i % 2 else 0.5 for i in range(50)], k))

    ax = plots.plot_narration_vs_quotes(pooled, ax=axes[2], by_outlet=outlets)
    narration, quoted = ax.containers[:2]
    assert len(narration) == len(quoted) == 5
    assert [t.get_text() for t in ax.get_yticklabels()] == OUTLETS
    for k in range(5):
        assert narration[k].get_width() == pytest.approx(_by_hand([i / 100 for i in range(50)], k))
        assert quoted[k].get_width() == pytest.approx(_by_hand([-i / 100 for i in range(50)], k))
    plt.close(fig)


def _fifty_article_tables(folder):
    """Corpus-mode output for 50 articles across 5 outlets, made from the seed reports."""
    import csv

    from analysis import config, pipeline
    from analysis.corpus import load_corpus

    seeds = list(load_corpus(config.SEEDS_DIR))
    source = folder / "corpus.csv"
    with open(source, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["id", "outlet", "headline", "text"])
        writer.writeheader()
        for i in range(50):
            seed = seeds[0 if i % 5 < 2 else 1]
            writer.writerow({"id": f"a{i:02d}", "outlet": OUTLETS[i % 5], "headline": f"Report {i}",
                             "text": f"Report {i} from {OUTLETS[i % 5]}.\n\n{seed.text}"})  # fmt: skip
    pipeline.run_corpus(source, folder / "tables", jobs=1)
    return folder / "tables"


def test_overview_from_tables_equals_the_overview_of_the_articles(seed_corpus, tmp_path):
    from analysis import config, pipeline

    pipeline.run_corpus(config.SEEDS_DIR, tmp_path, jobs=1)
    tables = compare.select_tables(tmp_path)
    assert compare.overview_from_tables(tables, targets=["Zoom", "Kremlin"]).equals(
        compare.overview(seed_corpus, targets=["Zoom", "Kremlin"])
    )
    assert compare.quotes_from_tables(tables).astype(str).equals(compare.quotes_by_article(seed_corpus).astype(str))
    picked = compare.select_tables(tables, ["002_96cf24b8358f7f15"])
    assert picked["articles"]["article"].tolist() == ["002_96cf24b8358f7f15"]
    assert set(picked["sentences"]["article"]) == {"002_96cf24b8358f7f15"}


@pytest.mark.slow
def test_side_by_side_notebook_reads_corpus_mode_output_of_fifty_articles(tmp_path):
    import nbformat
    import papermill

    from analysis import config

    tables = _fifty_article_tables(tmp_path)
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / "05_side_by_side.ipynb"), str(out),
        parameters={"TABLES": str(tables), "FIGURES_DIR": str(tmp_path / "figures")},
        cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
    )  # fmt: skip
    assert (tmp_path / "figures" / "05_side_by_side.png").stat().st_size > 0
    text = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "")
        for c in nbformat.read(out, as_version=4).cells for o in c.get("outputs", [])
    )  # fmt: skip
    assert "Comparing 50 reports from 5 outlets" in text
    assert "saved 05_side_by_side.png" in text
    assert all(o in text for o in OUTLETS)
