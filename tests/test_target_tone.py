"""The tone towards a target in the overview table, and the features of the target model."""

from __future__ import annotations

import pytest

from analysis import compare
from analysis.compare.overview_table import towards_cell
from analysis.sentiment.target_features import DEFAULT_GROUPS, GROUPS, features


def test_towards_cell_by_hand():
    assert towards_cell([], []) == "not mentioned"
    assert towards_cell(["positive"], [0.5]) == "+0.50 (1 mention: 0 negative, 0 neutral, 1 positive)"
    assert towards_cell(["negative", "neutral", "negative"], [-0.6, 0.1, -0.4]) == "-0.30 (3 mentions: 2 negative, 1 neutral, 0 positive)"


@pytest.fixture(scope="module")
def two_reports():
    from analysis.corpus import Article, Corpus

    texts = {
        "a": "Mayor Ada Byrne lied to the town and wasted its money. She was sacked on Monday.",
        "b": "The flood closed the road. Volunteers cleared it by noon.",
    }
    return compare.select(corpus=Corpus([Article(id=k, text=v, outlet=k.upper()) for k, v in texts.items()]))


def test_overview_towards_counts_every_mention_by_the_target_model(two_reports):
    table = two_reports.overview(targets=["Ada Byrne"])
    cell = table.loc[("tone", "towards Ada Byrne"), "A"]
    # the name and the pronoun that refers to it: two mentions, not one sentence
    assert cell.startswith("-") and "(2 mentions:" in cell
    assert "0 positive" in cell
    assert table.loc[("tone", "towards Ada Byrne"), "B"] == "not mentioned"


def test_feature_groups_can_be_switched_off():
    text = "Critics of Ada Byrne, a corrupt mayor, said she lied."
    every = {name for name, _v, _span in features(text, 11, 20, groups=GROUPS)}
    fewer = {name for name, _v, _span in features(text, 11, 20, groups=frozenset({"lex"}))}
    assert fewer < every
    assert not any(n.startswith(("w:", "syn:", "sent:")) for n in fewer)
    assert DEFAULT_GROUPS <= GROUPS


def test_article_of_a_newsmtsc_id():
    from analysis.sentiment.target_cv import article_of

    assert article_of("allsides_1000_401_25_Reality Leigh Winner_0_6") == "allsides_1000_401"
    assert article_of("odd") == "odd"


def test_grouped_cross_validation_keeps_articles_apart_and_scores_held_out_mentions():
    pytest.importorskip("sklearn")
    from analysis.sentiment.target_cv import best_offsets, cross_validate

    words = {"negative": "awful", "neutral": "table", "positive": "great"}
    rows = []
    for k in range(30):
        label = ("negative", "neutral", "positive")[k % 3]
        # one labelled mention per article, and one further mention that only trains
        rows.append(({f"w:{words[label]}": 1.0, "bias": 1.0}, label, f"art{k}", False, True))
        rows.append(({f"w:{words[label]}": 1.0, "bias": 1.0}, label, f"art{k}", True, False))
    result = cross_validate(rows, c=10.0, folds=3)
    assert result["pooled"]["macro"] == pytest.approx(1.0)
    assert sorted(result["decisions"]) == [i for i in range(len(rows)) if rows[i][4]]
    negative, positive, best = best_offsets(result, step=0.25, reach=0.25)
    assert best == pytest.approx(1.0) and (negative, positive) == (-0.25, -0.25)


def test_shipped_model_meets_the_targets_on_devdata_or_skip():
    from analysis import config

    folder = config.DEVDATA_DIR / "target_sentiment"
    if not (folder / "dev.jsonl").is_file():
        pytest.skip("the tone-towards evaluation needs ../shared/devdata/target_sentiment")
    from analysis.sentiment.target_eval import evaluation

    for part, methods in evaluation(folder / "dev.jsonl").items():
        s = methods["target model"]
        assert s["macro_f1"] >= 0.65, part
        assert min(s["f1"].values()) >= 0.55, part
