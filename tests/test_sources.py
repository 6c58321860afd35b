"""The attribution extractor against hand-written gold for the two seed reports, plus its API.

Gold (``tests/gold/quotes.csv``) was annotated by reading the articles; see its README.
Statements are matched one-to-one by content overlap (shared characters over the longer
span, at least 0.3, the Gender Gap Tracker's criterion) and must name the same source.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config, sources
from analysis.sources import QUOTE_COLUMNS, cue_connotation, extract_quotes, reporting_verb_table, speaker_type

GOLD = pd.read_csv(config.ROOT / "tests" / "gold" / "quotes.csv", keep_default_na=False)
MIN_OVERLAP = 0.3


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0])


def _gold_spans(article) -> list[tuple[int, int, str]]:
    rows = GOLD[GOLD["article_id"] == article.id]
    spans = []
    for row in rows.itertuples():
        start = article.text.index(row.quote)
        spans.append((start, start + len(row.quote), row.speaker))
    return spans


def _match(article, predicted: pd.DataFrame) -> tuple[int, int, int]:
    gold = _gold_spans(article)
    pred = list(zip(predicted["start"], predicted["end"], predicted["speaker"]))
    pairs = sorted(
        ((_overlap(g[:2], p[:2]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if g[2].lower() == p[2].lower()),
        reverse=True,
    )
    used_g, used_p = set(), set()
    for score, gi, pi in pairs:
        if score >= MIN_OVERLAP and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    tp = len(used_g)
    return tp, len(pred) - tp, len(gold) - tp


@pytest.fixture(scope="module")
def seed_quotes(seed_corpus):
    return {a.id: extract_quotes(a.text) for a in seed_corpus}


def test_gold_quotes_are_exact_substrings_of_the_cleaned_text(seed_corpus):
    for article in seed_corpus:
        for quote in GOLD.loc[GOLD["article_id"] == article.id, "quote"]:
            assert quote in article.text


@pytest.mark.parametrize("article_id", sorted(GOLD["article_id"].unique()))
def test_precision_and_recall_of_speaker_statement_pairs(seed_corpus, seed_quotes, article_id):
    tp, fp, fn = _match(seed_corpus[article_id], seed_quotes[article_id])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9, f"precision {precision:.2f} (tp={tp}, fp={fp})"
    assert recall >= 0.9, f"recall {recall:.2f} (tp={tp}, fn={fn})"


def test_every_gold_source_has_one_canonical_name_and_the_gold_type(seed_quotes):
    predicted = pd.concat(seed_quotes.values(), ignore_index=True)
    gold_types = GOLD.drop_duplicates("speaker").set_index("speaker")["speaker_type"].to_dict()
    for name, gold_type in gold_types.items():
        rows = predicted[predicted["speaker"].str.lower() == name.lower()]
        assert len(rows), f"{name} is never a speaker"
        assert set(rows["speaker_type"]) == {gold_type}, f"{name}: {set(rows['speaker_type'])} != {gold_type}"
    # no source appears under two names: no speaker is a short form of another
    names = sorted(set(predicted["speaker"]))
    for a in names:
        for b in names:
            assert a == b or not b.lower().endswith(" " + a.lower()), f"{a!r} and {b!r} look like one source"


def test_offsets_point_at_content_and_speaker_mention(seed_corpus, seed_quotes):
    for article in seed_corpus:
        for row in seed_quotes[article.id].itertuples():
            fragments = [article.text[a:b] for a, b in row.fragments]
            assert row.quote == " … ".join(fragments)
            if row.kind == "direct":  # partial quotes keep the marks of their quoted words
                assert article.text[row.start] != '"' and article.text[row.end - 1] != '"'
            if row.speaker_start >= 0:
                assert article.text[row.speaker_start : row.speaker_end] == row.mention


def test_pronoun_and_role_phrases_resolve_to_the_named_source(seed_quotes):
    peskov = seed_quotes["000_eb875e01c2519c6f"].query("speaker == 'Dmitry Peskov'")
    assert {"he", "him", "the Kremlin spokesman", "The spokesman for the head of state"} <= set(peskov["mention"])
    zoom = seed_quotes["002_96cf24b8358f7f15"].query("speaker == 'Zoom Video Communications'")
    assert {"the company", "the U.S. company", "Zoom"} <= set(zoom["mention"])


def test_resolution_can_be_switched_off():
    text = 'Mayor Ana Ruiz spoke on Monday. "We will rebuild," she said.'
    assert extract_quotes(text)["speaker"].tolist() == ["Ana Ruiz"]
    assert extract_quotes(text, resolve_pronouns=False)["speaker"].tolist() == ["she"]


@pytest.mark.parametrize("text", ["", "   ", "The river rose overnight. Schools were closed."])
def test_no_attribution_gives_an_empty_table_with_the_columns(text):
    frame = extract_quotes(text)
    assert frame.empty
    assert list(frame.columns) == QUOTE_COLUMNS


def test_every_lexicon_verb_has_a_connotation_class():
    table = reporting_verb_table()
    assert set(table["connotation"]) == {"neutral", "loaded", "hedged", "belief"}
    for verb, cls in zip(table["verb"], table["connotation"]):
        assert cue_connotation(verb) == cls


def test_every_irregular_form_belongs_to_a_lexicon_verb():
    from analysis.lexicons import csv_rows

    for row in csv_rows("reporting_verb_forms.csv"):
        assert row["lemma"] in sources.REPORTING_VERBS, row
        assert sources.lemma(row["form"]) == row["lemma"]


def test_the_verb_table_in_the_docs_is_the_one_generated_from_the_lexicon():
    doc = (config.ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    begin, end = "<!-- BEGIN generated: reporting verbs -->\n", "\n<!-- END generated -->"
    assert doc.count(begin) == 1 and end in doc.split(begin, 1)[1], (
        "docs/sources.md: the markers of the generated reporting-verb table are missing"
    )
    committed = doc.split(begin, 1)[1].split(end, 1)[0] + "\n"
    assert committed == sources.verb_table_markdown(), (
        "docs/sources.md: the reporting-verb table differs from analysis/lexicons/reporting_verbs.csv; "
        "regenerate it with `python -m analysis docs`"
    )


@pytest.mark.parametrize(
    "name, words, expected",
    [
        ("Irina Abankina", {"director", "institute"}, "academic"),
        ("Kommersant", set(), "media"),
        ("Zoom Video Communications", set(), "company"),
        ("Anna Kovac", {"finance", "minister"}, "government"),
        ("Lena Holt", {"campaigners", "charity"}, "civil_society"),
    ],
)
def test_speaker_type_from_name_and_role_words(name, words, expected):
    assert speaker_type(name, words) == expected


def test_source_summary_counts_by_hand():
    text = '"We will rebuild the bridge," Mayor Ana Ruiz said. Ruiz added that work starts soon. Engineers warned that costs could rise.'
    quotes = extract_quotes(text)
    from analysis.sources import article_summary, source_summary

    summary = source_summary(quotes, article_words=20).set_index("speaker")
    assert summary.loc["Ana Ruiz", "statements"] == 2
    assert summary.loc["Ana Ruiz", "direct"] == 1 and summary.loc["Ana Ruiz", "indirect"] == 1
    # "We will rebuild the bridge" (5) + "work starts soon" (3) = 8 words of 20 -> 40 %
    assert summary.loc["Ana Ruiz", "words_quoted"] == 8
    assert summary.loc["Ana Ruiz", "share_of_voice"] == pytest.approx(40.0)
    profile = article_summary(quotes, article_words=20)
    assert profile["sources"] == 2 and profile["statements"] == 3
    assert profile["share_named"] == pytest.approx(2 / 3, abs=1e-3)
    assert profile["loaded_cues"] == 1  # "warned"


def test_share_of_voice_plot_draws_one_bar_per_source():
    import matplotlib.pyplot as plt

    from analysis.present import plots

    summary = pd.DataFrame({
        "speaker": ["A", "B"], "speaker_type": ["government", "media"], "named": [True, False],
        "share_of_voice": [30.0, 10.0],
    })  # fmt: skip
    fig, ax = plt.subplots()
    assert plots.plot_share_of_voice(summary, ax=ax) is ax
    assert sorted(p.get_width() for p in ax.patches) == [10.0, 30.0]
    assert "A" in ax.get_title(loc="left") and "30%" in ax.get_title(loc="left")
    plt.close(fig)


def test_quote_columns_and_precomputed_inputs_give_the_same_statements():
    from analysis import config
    from analysis.corpus import load_corpus
    from analysis.nlp import entities
    from analysis.nlp import text as textmod
    from analysis.nlp.parsed import ParsedText

    for article in load_corpus(config.SEEDS_DIR):
        expected = sources.extract_quotes(article.text)
        assert len(expected) > 0
        sents = textmod.split_sentences(article.text)
        doc = ParsedText(article.text, sentences=sents)
        assert len(doc.entities) > 0  # computed before, once, and reused by both calls below
        ents = entities.extract_entities(doc)
        given = sources.extract_quotes(doc)
        pd.testing.assert_frame_equal(given, expected)
        pd.testing.assert_frame_equal(doc.entities, ents)
        assert doc.sentences is sents
        columns = sources.quote_columns(article.parsed)
        assert list(columns) == sources.QUOTE_COLUMNS
        for col in sources.QUOTE_COLUMNS:
            assert columns[col] == expected[col].tolist(), col


def test_quote_columns_of_empty_text():
    assert sources.quote_columns("  ") == {c: [] for c in sources.QUOTE_COLUMNS}
