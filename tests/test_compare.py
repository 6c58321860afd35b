"""Side-by-side tables across reports."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import compare
from analysis.present import plots


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
    assert "mentions:" in overview.loc[("tone", "towards Zoom"), "Izvestia"]


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

    from analysis import config
    from analysis.batch import pipeline
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
    from analysis import config
    from analysis.batch import pipeline

    pipeline.run_corpus(config.SEEDS_DIR, tmp_path, jobs=1)
    tables = compare.select_tables(tmp_path)
    assert compare.overview_from_tables(tables, targets=["Zoom", "Kremlin"]).equals(
        compare.overview(seed_corpus, targets=["Zoom", "Kremlin"])
    )
    assert compare.quotes_from_tables(tables).astype(str).equals(compare.quotes_by_article(seed_corpus).astype(str))
    picked = compare.select_tables(tables, ["002_96cf24b8358f7f15"])
    assert picked["articles"]["article"].tolist() == ["002_96cf24b8358f7f15"]
    assert set(picked["sentences"]["article"]) == {"002_96cf24b8358f7f15"}


@pytest.fixture(scope="module")
def fifty_tables(tmp_path_factory):
    """Corpus-mode output for 50 articles across 5 outlets (see :func:`_fifty_article_tables`)."""
    return _fifty_article_tables(tmp_path_factory.mktemp("fifty"))


@pytest.mark.slow
def test_side_by_side_notebook_reads_corpus_mode_output_of_fifty_articles(tmp_path, fifty_tables):
    import nbformat
    import papermill

    from analysis import config

    tables = fifty_tables
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


# --------------------------------------------------------------------------- notebooks 02-04 from tables


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    """Corpus-mode output of the two seed reports."""
    from analysis import config
    from analysis.batch import pipeline

    out = tmp_path_factory.mktemp("seed-tables")
    pipeline.run_corpus(config.SEEDS_DIR, out, jobs=1)
    return compare.select_tables(out)


def _from_articles(name: str, corpus):
    from analysis import framing, sentiment

    if name == "hits":
        return framing.frame_sentences(corpus.sentences())
    if name == "leads":
        return pd.concat([framing.headline_and_lead(a) for a in corpus], ignore_index=True)
    if name == "scored":
        return sentiment.score_articles(corpus)
    if name == "tone":
        return sentiment.article_tone(corpus, lead=2)
    if name == "voices":
        return sentiment.voice_quotes(corpus)
    if name == "direct voices":
        return sentiment.voice_quotes(corpus, kinds=["direct", "partial"])
    if name == "sources":
        return compare.sources_by_article(corpus, compare.quotes_by_article(corpus))
    if name == "profiles":
        return compare.sourcing_profiles(corpus, compare.quotes_by_article(corpus))
    raise KeyError(name)


def _from_tables(name: str, tables):
    if name == "hits":
        return compare.hits_from_tables(tables)
    if name == "leads":
        return compare.leads_from_tables(tables)
    if name == "scored":
        return compare.scored_from_tables(tables)
    if name == "tone":
        return compare.tone_from_tables(tables, lead=2)
    if name == "voices":
        return compare.voice_quotes_from_tables(tables)
    if name == "direct voices":
        return compare.voice_quotes_from_tables(tables, kinds=["direct", "partial"])
    if name == "sources":
        return compare.sources_by_article(compare.corpus_from_tables(tables), compare.quotes_from_tables(tables))
    if name == "profiles":
        return compare.sourcing_profiles(compare.corpus_from_tables(tables), compare.quotes_from_tables(tables))
    raise KeyError(name)


@pytest.mark.parametrize("name", ["hits", "leads", "scored", "tone", "voices", "direct voices", "sources", "profiles"])
def test_tables_of_the_seeds_give_what_the_articles_give(seed_corpus, seed_tables, name):
    expected, got = _from_articles(name, seed_corpus), _from_tables(name, seed_tables)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got, expected)


def test_texts_and_articles_rebuilt_from_the_tables_are_the_seeds(seed_corpus, seed_tables):
    assert compare.texts_from_tables(seed_tables) == {a.id: a.text for a in seed_corpus}
    rebuilt = compare.corpus_from_tables(seed_tables)
    assert rebuilt.ids == seed_corpus.ids
    for a, b in zip(rebuilt, seed_corpus):
        assert (a.outlet, a.headline, a.published, a.n_words) == (b.outlet, b.headline, b.published, b.n_words)
    assert compare.outlets_from_tables(seed_tables) == {a.id: a.outlet for a in seed_corpus}


def test_texts_from_tables_keeps_paragraphs_and_refuses_overlapping_sentences():
    articles = pd.DataFrame({"article": ["a", "b"]})
    sentences = pd.DataFrame({"article": ["a", "a", "a"], "sentence": [0, 1, 2], "paragraph": [0, 0, 1],
                              "start": [0, 11, 20], "end": [10, 18, 26], "text": ["Zoom quit.", "It left", "Hi all"]})  # fmt: skip
    texts = compare.texts_from_tables({"articles": articles, "sentences": sentences})
    assert texts == {"a": "Zoom quit. It left\n\nHi all", "b": ""}
    for start, end, text in zip(sentences["start"], sentences["end"], sentences["text"]):
        assert texts["a"][start:end] == text
    overlapping = sentences.assign(start=[0, 5, 20])
    with pytest.raises(ValueError, match="article a: sentences overlap"):
        compare.texts_from_tables({"articles": articles, "sentences": overlapping})


@pytest.mark.parametrize("outlets, per_outlet, expected", [
    ({"a": "X", "b": "X", "c": "Y", "d": "X"}, 1, ["a", "c"]),
    ({"a": "X", "b": "X", "c": "Y", "d": "X"}, 2, ["a", "b", "c"]),
    ({"c": "Y", "a": "X"}, 1, ["c", "a"]),
    ({}, 1, []),
])  # fmt: skip
def test_first_per_outlet(outlets, per_outlet, expected):
    assert compare.first_per_outlet(outlets, per_outlet=per_outlet) == expected


def test_keep_articles_and_pool_by_outlet_return_new_frames():
    frame = pd.DataFrame({"article": ["a", "b", "c", "a"], "n": [1, 2, 3, 4]})
    kept = compare.keep_articles(frame, ["a", "c"])
    assert kept["n"].tolist() == [1, 3, 4]
    pooled = compare.pool_by_outlet(frame, {"a": "X", "b": "Y", "c": "X"})
    assert pooled["article"].tolist() == ["X", "Y", "X", "X"]
    assert frame["article"].tolist() == ["a", "b", "c", "a"]  # the input is untouched
    assert compare.pool_by_outlet(frame, {"b": "Y"})["n"].tolist() == [2]


def test_pooled_stance_markers_are_counted_per_outlet():
    from analysis import framing

    markers = pd.DataFrame({"article": ["a", "b", "b", "c"], "category": ["hedge", "hedge", "booster", "hedge"],
                            "marker": ["may", "might", "clearly", "may"]})  # fmt: skip
    counts = framing.stance_counts(compare.pool_by_outlet(markers, {"a": "X", "b": "X", "c": "Y"}))
    assert counts.loc["hedge", ["X", "Y"]].tolist() == [2, 1]
    assert counts.loc["booster", ["X", "Y"]].tolist() == [1, 0]


def test_outlet_texts_join_the_reports_of_each_outlet_apart():
    from analysis import framing

    joined = compare.outlet_texts({"a": "red fox", "b": "blue bird", "c": "green fox"}, {"a": "X", "b": "Y", "c": "X"})
    assert joined == {"X": "red fox\n\ngreen fox", "Y": "blue bird"}
    pairs = set(framing.distinctive_terms({"X": joined["X"], "Y": "fox red"}, ngram=2)["term"])
    assert "fox green" not in pairs  # no phrase across two reports


def test_term_counts_per_report_and_per_outlet():
    contexts = pd.DataFrame({"query": ["Zoom", "Zoom", "Zoom", "Kremlin"], "article": ["a", "b", "c", "c"]})
    per_report = compare.term_counts(contexts, ["Zoom", "Kremlin", "Putin"], {"a": "A", "b": "B", "c": "C"})
    assert per_report.to_dict("list") == {"A": [1, 0, 0], "B": [1, 0, 0], "C": [1, 1, 0]}
    per_outlet = compare.term_counts(contexts, ["Zoom", "Kremlin"], {"a": "X", "c": "Y", "b": "X"})
    assert list(per_outlet.columns) == ["X", "Y"]
    assert per_outlet.loc["Zoom"].tolist() == [2, 1]
    assert (per_outlet.index.name, per_outlet.columns.name) == ("query", "outlet")


def test_mean_by_outlet_averages_numbers_and_drops_text_rows():
    table = pd.DataFrame(
        {"a": [100, 0.5, "Daily news", float("nan")], "b": [300, 0.1, "More news", 0.4], "c": [50, 0.2, "Other", 0.2]},
        index=pd.Index(["words", "share", "headline", "headline_compound"], name="field"),
    )
    means = compare.mean_by_outlet(table, {"a": "X", "b": "X", "c": "Y"})
    assert list(means.columns) == ["X", "Y"] and list(means.index) == ["reports", "words", "share", "headline_compound"]
    assert means["X"].tolist() == pytest.approx([2, 200, 0.3, 0.4])  # the missing headline is skipped
    assert means["Y"].tolist() == pytest.approx([1, 50, 0.2, 0.2])
    assert means.index.name == "field"


def test_outlet_share_of_voice_divides_by_all_the_words_of_the_outlet():
    by_source = pd.DataFrame({
        "article": ["a", "a", "b", "c"], "speaker": ["Peskov", "Zoom", "Peskov", "Zoom"],
        "speaker_type": ["government", "company", "government", "company"], "named": [True] * 4,
        "statements": [2, 1, 1, 3], "words_quoted": [30, 10, 20, 50],
    })  # fmt: skip
    table = compare.outlet_share_of_voice(by_source, {"a": 100, "b": 300, "c": 200}, {"a": "X", "b": "X", "c": "Y"})
    assert table[["outlet", "speaker", "reports", "statements", "words_quoted", "share_of_voice"]].values.tolist() == [
        ["X", "Peskov", 2, 3, 50, 12.5],  # (30 + 20) words of the 400 words of X's two reports
        ["X", "Zoom", 1, 1, 10, 2.5],
        ["Y", "Zoom", 1, 3, 50, 25.0],
    ]
    assert compare.outlet_share_of_voice(by_source.head(0), {}, {"a": "X"}).empty


def test_outlet_timeline_bins_sentences_by_position():
    timeline = pd.DataFrame({
        "article": ["a"] * 5 + ["b"] * 3 + ["c"] * 2,
        "position": [0.0, 0.25, 0.5, 0.75, 1.0, 0.0, 0.5, 1.0, 0.0, 1.0],
        "compound": [-0.4, -0.2, 0.0, 0.2, 0.4, -0.6, 0.3, 0.6, 0.1, 0.9],
    })  # fmt: skip
    binned = compare.outlet_timeline(timeline, {"a": "X", "b": "X", "c": "Y"}, bins=2)
    assert binned[["outlet", "bin", "n_sentences", "n_articles"]].values.tolist() == [
        ["X", 0, 3, 2], ["X", 1, 5, 2], ["Y", 0, 1, 1], ["Y", 1, 1, 1],
    ]
    assert binned["position"].tolist() == [0.25, 0.75, 0.25, 0.75]
    assert binned["mean_compound"].tolist() == pytest.approx([(-0.4 - 0.2 - 0.6) / 3, (0.0 + 0.2 + 0.4 + 0.3 + 0.6) / 5, 0.1, 0.9])
    with pytest.raises(ValueError, match="bins"):
        compare.outlet_timeline(timeline, {"a": "X"}, bins=0)


def test_cues_by_article_per_report_and_per_outlet():
    quotes = pd.DataFrame({"article": ["a", "b", "b"], "speaker": ["Peskov", "Zoom", "Peskov"], "cue": ["said", "Said", "vowed"],
                           "cue_class": ["neutral", "neutral", "loaded"]})  # fmt: skip
    per_report = compare.cues_by_article(quotes, {"a": "a", "b": "b"})
    assert per_report[["article", "cue", "statements"]].values.tolist() == [["a", "said", 1], ["b", "said", 1], ["b", "vowed", 1]]
    per_outlet = compare.cues_by_article(quotes, {"a": "X", "b": "X"})
    assert per_outlet[["article", "cue", "statements", "speakers"]].values.tolist() == [
        ["X", "said", 2, "Peskov, Zoom"], ["X", "vowed", 1, "Peskov"],
    ]


#: What a figure of each notebook shows with 50 reports from 5 outlets.
_PROBE = """\
_probe = globals().setdefault("_probe", {})
_probe[path.name] = [
    {"title": a.get_title(loc="left"), "bars": len(a.patches), "yticks": [t.get_text() for t in a.get_yticklabels()],
     "lines": len(a.lines), "legend": [t.get_text() for t in a.get_legend().get_texts()] if a.get_legend() else []}
    for a in fig.axes if a.get_visible()
]"""


def _run_with_probe(name: str, tables, tmp_path) -> tuple[dict, str]:
    """Run a notebook with ``TABLES`` through papermill, with a probe after every cell that
    saves a figure; return what the probes saw and all printed text."""
    import json

    import nbformat
    import papermill

    from analysis import config

    nb = nbformat.read(config.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type == "code" and "save_figure(" in cell.source:
            cells.append(nbformat.v4.new_code_cell(_PROBE))
    cells.append(nbformat.v4.new_code_cell('import json\nprint("PROBE " + json.dumps(_probe))'))
    nb.cells = cells
    source, out = tmp_path / f"{name}.ipynb", tmp_path / f"{name}.out.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(
        str(source), str(out), parameters={"TABLES": str(tables), "FIGURES_DIR": str(tmp_path / "figures")},
        cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
    )  # fmt: skip
    text = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "")
        for c in nbformat.read(out, as_version=4).cells for o in c.get("outputs", [])
    )  # fmt: skip
    probe = json.loads(text.split("PROBE ", 1)[1].splitlines()[0])
    return probe, text


def _panels_are_outlets(panels: list[dict], *, top: int | None = None) -> None:
    """One panel per outlet, titled by it, each with at most ``top`` bars and labels."""
    assert [p["title"].split(":")[0].split(" (")[0] for p in panels] == OUTLETS
    for p in panels:
        if top is not None:
            assert 0 < p["bars"] <= top and len(p["yticks"]) <= top


@pytest.mark.slow
@pytest.mark.parametrize("name", ["02_framing", "03_sentiment", "04_sources"])
def test_framing_tone_and_sources_notebooks_group_fifty_reports_by_outlet(name, fifty_tables, tmp_path):
    probe, text = _run_with_probe(name, fifty_tables, tmp_path)
    assert "Read 50 analysed reports" in text
    assert {f.name for f in (tmp_path / "figures").glob("*.png")} == set(probe)
    if name == "02_framing":
        assert "evidence shown for a00, a01, a02, a03, a04" in text
        (profile,) = probe["02_frame_profile.png"]
        assert profile["legend"] == OUTLETS and profile["bars"] == 5 * 5  # five frames, one bar per outlet
        _panels_are_outlets(probe["02_fightin_words.png"], top=10)
    elif name == "03_sentiment":
        _panels_are_outlets(probe["03_tone_timeline.png"])
        assert all(p["lines"] >= 1 for p in probe["03_tone_timeline.png"])
        (voice,) = probe["03_tone_by_voice.png"]
        assert voice["yticks"] == OUTLETS and voice["bars"] == 2 * 5  # narration and quoted voices
        (towards,) = probe["03_tone_towards.png"]
        assert towards["legend"] == OUTLETS and towards["bars"] <= 3 * 5  # three targets
    else:
        assert "statements highlighted for a00, a01, a02, a03, a04" in text
        _panels_are_outlets(probe["04_share_of_voice.png"], top=10)


# --------------------------------------------------------------------------- one selection, two sources

#: An invented story (no real news text): ten short reports of a town closing its old bridge,
#: from three outlets and one report that names no outlet (r10). r08 quotes nobody; r10
#: attributes nothing and has a quotation over two sentences.
STORY = [
    ("r01", "Valley Post", "Riverton closes the old bridge for repairs",
     'The town of Riverton closed its old stone bridge on Monday. Mayor Ana Ruiz said the repairs would take six '
     'weeks.\n\n"We cannot risk a collapse," Ruiz told reporters. Engineers found deep cracks in two arches last month.'),
    ("r02", "Valley Post", "Traders fear empty streets",
     'Shop owners near the bridge warned that the closure could ruin their spring. "Nobody will come," said baker '
     'Tom Hale.\n\nThe council promised a free bus across the river. Hale admitted the bus might help a little.'),
    ("r03", "Valley Post", "",
     "The detour adds twenty minutes to every trip, drivers complained on Tuesday. Police said traffic was slow but "
     "safe.\n\nA council spokesman claimed the new route was clearly marked."),
    ("r04", "River Herald", "Bridge shut after engineers sound alarm",
     "Engineers sounded the alarm about the old bridge in March, the River Herald has learned. Their report warned "
     'of serious damage to the arches.\n\n"The stone is crumbling," the chief engineer, Lena Ostrova, said. The '
     "council waited three weeks before acting."),
    ("r05", "River Herald", "Council defends the six-week plan",
     'Mayor Ana Ruiz defended the repair plan at a tense meeting on Wednesday. "Six weeks is the honest estimate," '
     "she said.\n\nOpposition councillor Mark Webb vowed to demand an inquiry into the delay."),
    ("r06", "River Herald", "",
     "Children from the north bank now take the free bus to school. Parents said the buses were crowded and late."
     "\n\nThe school head, Priya Nair, said lessons would start later until the bridge reopens."),
    ("r07", "Bridge Weekly", "A bridge with a long history",
     "The old bridge was built in 1820 and has survived three floods. Historians called it the heart of Riverton."
     "\n\nLocal historian Grace Moll said the repairs must respect the original stone."),
    ("r08", "Bridge Weekly", "Cheerful crowds at the last crossing",
     "Hundreds of residents walked across the bridge on Sunday for a last crossing before the repairs. Musicians "
     "played and families shared picnics on the banks.\n\nIt was a happy, sunny afternoon and nobody seemed worried."),
    ("r09", "Bridge Weekly", "What the repairs will cost",
     "The repairs will cost about two million dollars, according to the council budget. Most of the money comes "
     "from a regional fund.\n\nCritics argued that the town should have maintained the bridge years ago."),
    ("r10", "", "Notes from the riverbank",
     'Walkers on the riverbank watched the cranes arrive. One sign read "Closed for repairs. Thank you for your '
     'patience." The river was calm and the morning was quiet.\n\nNobody on the bank seemed to mind the noise.'),
]  # fmt: skip


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """The invented story as a ``.csv`` corpus and as its corpus-mode tables."""
    import csv

    from analysis.batch import pipeline

    folder = tmp_path_factory.mktemp("story")
    source = folder / "story.csv"
    with open(source, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "outlet", "headline", "text"])
        writer.writerows(STORY)
    pipeline.run_corpus(source, folder / "tables", jobs=1)
    return source, folder / "tables"


@pytest.fixture(scope="module")
def both(story, seed_tables):
    """``name -> (selection from the articles, selection from the tables)`` for the seeds and the story."""
    source, tables = story
    return {
        "seeds": (compare.select(), compare.select(tables=seed_tables)),
        "story": (compare.select(corpus=source), compare.select(tables=tables)),
    }


@pytest.mark.parametrize("name", ["seeds", "story"])
def test_both_sources_select_the_same_reports(both, name):
    articles, tables = both[name]
    assert (articles.from_tables, tables.from_tables) == (False, True)
    for attribute in ("ids", "outlets", "labels", "many", "group", "shown", "n_columns", "columns", "words", "texts",
                      "column_texts", "column_labels"):  # fmt: skip
        assert getattr(articles, attribute) == getattr(tables, attribute), attribute
    pd.testing.assert_frame_equal(articles.articles, tables.articles)
    pd.testing.assert_frame_equal(articles.sentences, tables.sentences)


def test_the_story_is_many_reports_grouped_by_outlet(both):
    reports, _ = both["story"]
    assert reports.ids == [f"r{i:02d}" for i in range(1, 11)]
    assert reports.many and compare.MANY == 8
    assert reports.outlets["r01"] == "Valley Post" and reports.outlets["r10"] == "r10"  # no outlet: the id
    assert reports.labels["r01"] == "Valley Post (r01)" and reports.labels["r10"] == "r10"
    assert reports.group == reports.outlets
    assert reports.shown == ["r01", "r04", "r07", "r10"]  # the first report of each outlet
    assert reports.n_columns == 4
    assert list(reports.column_texts) == ["Valley Post", "River Herald", "Bridge Weekly", "r10"]
    assert reports.column_texts["r10"] == reports.texts["r10"]
    assert reports.describe("reports") == "10 reports from 4 outlets; evidence shown for r01, r04, r07, r10"


def test_few_reports_are_compared_one_by_one(story):
    source, tables = story
    for reports in (compare.select(corpus=source, articles=["r05", "r01"]), compare.select(tables=tables, articles=["r05", "r01"])):
        assert reports.ids == ["r05", "r01"]  # in the order asked for
        assert not reports.many and reports.group is None
        assert reports.shown == reports.ids and reports.n_columns == 2
        assert reports.columns == reports.labels == {"r05": "River Herald", "r01": "Valley Post"}
        assert reports.column_texts == reports.texts
        frame = pd.DataFrame({"article": ["r01", "r05"]})
        assert reports.pool(frame) is frame
        table = pd.DataFrame({"r05": [1.0], "r01": [2.0]}, index=["words"])
        assert reports.fold_by_outlet(table) is table
        assert reports.describe("comparison").splitlines()[-1] == "Comparing 2 reports: River Herald; Valley Post"
        assert reports.describe("reports").splitlines()[-2:] == ["River Herald: r05", "Valley Post: r01"]
    assert reports.describe("sentences").splitlines() == [f"Read 2 analysed reports from {tables}", "2 articles, 7 sentences scored: r05, r01"]


def test_an_unknown_article_is_refused_from_either_source(story):
    from analysis.corpus import UnknownArticleError

    source, tables = story
    with pytest.raises(UnknownArticleError, match="r99"):
        compare.select(corpus=source, articles=["r01", "r99"])
    with pytest.raises(KeyError, match="not in the tables: r99"):
        compare.select(tables=tables, articles=["r01", "r99"])
    with pytest.raises(ValueError, match="what must be one of"):
        compare.select(corpus=source).describe("words")


def _result(reports, name: str):
    from analysis import framing

    if name == "voice quotes":
        return reports.voice_quotes()
    if name == "direct voice quotes":
        return reports.voice_quotes(kinds=["direct", "partial"])
    if name == "scored":
        return reports.scored()
    if name == "scored without evidence":
        return reports.scored(evidence=False)
    if name == "tone":
        return reports.tone(lead=2)
    if name == "leads":
        return reports.leads(reports.shown)
    if name == "overview":
        return reports.overview(targets=["Zoom", "bridge"])
    if name == "actors":
        return reports.by_column(framing.actor_table, framing.actor_actions(reports.sentences, pronouns=False))
    if name == "tone table":
        return reports.fold_by_outlet(compare.side_by_side(reports.tone().round(3), key="article"))
    if name in ("frame_table", "cues"):
        return getattr(reports, name)()
    return getattr(reports, name)


RESULTS = ["quotes", "hits", "profile", "scored", "scored without evidence", "tone", "voice quotes",
           "direct voice quotes", "leads", "frame_table", "cues", "actors", "tone table", "narration_vs_quotes",
           "overview"]  # fmt: skip


@pytest.mark.filterwarnings("ignore:odd number of quotation marks")  # r10, from the tables
@pytest.mark.parametrize("name", RESULTS)
@pytest.mark.parametrize("source", ["seeds", "story"])
def test_both_sources_give_equal_results(both, source, name):
    articles, tables = both[source]
    expected, got = _result(articles, name), _result(tables, name)
    assert len(expected) > 0
    if source == "story" and name == "narration_vs_quotes":  # see the xfail test below
        expected, got = expected[expected["article"] != "r10"], got[got["article"] != "r10"]
    if source == "story" and name == "overview":
        expected, got = expected.drop(columns="r10"), got.drop(columns="r10")
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.xfail(strict=True, reason=(
    "a report without attributed statements falls back to the spans in quotation marks: from the articles over "
    "its whole text (sentiment.voice_quotes), from the tables sentence by sentence (pooled_from_tables), which "
    "loses a quotation over two sentences"
))  # fmt: skip
@pytest.mark.filterwarnings("ignore:odd number of quotation marks")
def test_a_quotation_over_two_sentences_is_a_voice_from_either_source(both):
    articles, tables = both["story"]
    pd.testing.assert_frame_equal(tables.narration_vs_quotes, articles.narration_vs_quotes)


def test_unique_entities_and_the_overview_columns_agree_for_the_story(both):
    articles, tables = both["story"]
    assert articles.unique_entities == tables.unique_entities
    overview = articles.overview()
    assert list(overview.columns) == list(articles.labels.values())
    assert overview.loc[("report", "headline"), "r10"] == "Notes from the riverbank"
    assert overview.loc[("tone", "headline compound"), "Valley Post (r03)"] == "no headline"


def test_each_result_is_computed_once(story, monkeypatch):
    from analysis.compare import selection

    calls = []

    def counted(corpus):
        calls.append(len(corpus))
        return compare.quotes_by_article(corpus)

    monkeypatch.setattr(selection, "quotes_by_article", counted)
    reports = compare.select(corpus=story[0], articles=["r01", "r02"])
    assert reports.quotes is reports.quotes
    reports.overview()
    reports.describe("statements")
    assert calls == [2]
    assert reports.scored() is reports.scored() and reports.scored(evidence=False) is not reports.scored()
    assert reports.voice_quotes(kinds=["direct"]) is reports.voice_quotes(kinds=("direct",))


def test_grouping_helpers_give_one_column_per_outlet_with_many_reports(both):
    from analysis import framing

    reports, _ = both["story"]
    markers = framing.stance_markers(reports.sentences)
    counts = reports.by_column(framing.stance_counts, markers)
    assert list(counts.columns) == ["Valley Post", "River Herald", "Bridge Weekly", "r10", "markers"]
    valley = markers[markers["article"].isin(["r01", "r02", "r03"])]
    assert counts.loc["hedge", "Valley Post"] == (valley["category"] == "hedge").sum() > 0
    assert reports.pool(markers)["article"].isin(reports.outlets.values()).all()
    table = reports.frame_table()
    assert table["outlet"].tolist() == ["Valley Post", "River Herald", "Bridge Weekly", "r10"]
    assert table["articles"].tolist() == [3, 3, 3, 1]
    assert list(dict.fromkeys(reports.cues()["article"])) == ["Valley Post", "River Herald", "Bridge Weekly"]  # r10 attributes nothing
    folded = reports.fold_by_outlet(compare.side_by_side(reports.tone().round(3), key="article"))
    assert list(folded.columns) == ["Valley Post", "River Herald", "Bridge Weekly", "r10"]
    assert folded.loc["reports"].tolist() == [3.0, 3.0, 3.0, 1.0]


def test_importing_compare_stays_light():
    import subprocess
    import sys

    code = "import sys, analysis.compare; print(sorted(m for m in ('nltk', 'matplotlib', 'analysis.framing', 'analysis.sentiment') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- targets and terms taken from the reports when the user names none ---

DEFAULT_REPORTS = {
    "a": "Mayor Ada Byrne closed the bridge. Byrne said the Harbour Trust would pay. The bridge cracked and the bridge shut.",
    "b": "The Harbour Trust refused to pay. Ada Byrne said the ferry would run. The ferry and the ferry crew waited.",
    "c": "Tom Quill said the Harbour Trust should pay. Byrne agreed. Tolls and tolls and tolls rose.",
}


def _default_selection():
    from analysis.corpus import Article, Corpus

    return compare.select(corpus=Corpus([Article(id=k, text=v, outlet=k.upper()) for k, v in DEFAULT_REPORTS.items()]))


def test_default_targets_are_the_names_most_reports_mention_in_their_most_used_form():
    # by hand: Ada Byrne in a, b and c (4 mentions, 3 as "Byrne"), Harbour Trust in a, b and c
    # (3 mentions), Tom Quill only in c
    assert compare.default_targets(_default_selection(), n=2) == ["Byrne", "Harbour Trust"]
    assert compare.default_targets(_default_selection(), n=5)[:2] == ["Byrne", "Harbour Trust"]


def test_default_terms_take_each_reports_most_distinctive_word_in_turn():
    # by hand: "bridge" (3 times, only in a), "ferry" (3, only in b), "tolls" (3, only in c)
    assert sorted(compare.default_terms(_default_selection(), n=3)) == ["bridge", "ferry", "tolls"]
    assert len(compare.default_terms(_default_selection(), n=1)) == 1


def test_nothing_to_take_gives_an_empty_list_and_a_line_that_says_so():
    from analysis.corpus import Article, Corpus

    quiet = compare.select(corpus=Corpus([Article(id="x", text="it rained. it rained again.")]))
    assert compare.default_targets(quiet) == []
    assert compare.taken_line("Targets", [], how="names") == "Targets taken from the reports (names): none found."
    assert compare.taken_line("Terms", ["bridge", "ferry"], how="words") == "Terms taken from the reports (words): bridge, ferry"


def test_targets_that_differ_lists_only_sentences_with_two_labels():
    found = pd.DataFrame({"article": ["a"] * 4, "start": [4, 30, 70, 90], "end": [11, 40, 77, 97],
                          "target": ["council", "volunteers", "council", "mayor"],
                          "label": ["negative", "positive", "neutral", "neutral"]})  # fmt: skip
    sents = pd.DataFrame({"article": ["a", "a"], "sentence": [0, 1], "start": [0, 60], "end": [60, 120], "text": ["one", "two"]})
    result = compare.targets_that_differ(found, sents)
    assert result[["sentence", "towards"]].values.tolist() == [[0, "council: negative; volunteers: positive"]]
