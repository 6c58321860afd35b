"""Article-level frames (analysis.framing.article_frames), its features and how far to trust it."""

import json
from pathlib import Path

import pytest

from analysis import config, framing
from analysis.framing import article_model
from analysis.framing.article_decision import frame_model, frame_probability
from analysis.framing.article_features import FEATURES, article_features
from analysis.framing.trust import frame_trust


def test_features_weigh_headline_lead_and_spread():
    rows = [
        {"article": "a", "sentence": 0, "frame": "conflict", "question": "conflict.1"},
        {"article": "a", "sentence": 2, "frame": "conflict", "question": "conflict.2"},
        {"article": "a", "sentence": 9, "frame": "conflict", "question": "conflict.2"},
    ]
    f = article_features(rows, {"a": 10, "b": 4})
    assert f["a"]["conflict"]["head"] == 1.0
    assert f["a"]["conflict"]["share"] == pytest.approx(0.3)
    assert f["a"]["conflict"]["questions"] == 2.0
    assert f["a"]["conflict"]["lead"] == pytest.approx(1.0986, abs=1e-3)  # log(1 + 2)
    assert f["b"]["economic"] == {"head": 0.0, "lead": 0.0, "share": 0.0, "hits": 0.0, "questions": 0.0}


def test_probability_is_the_logistic_of_the_standardised_features():
    weights = {"features": ["head", "share"], "mean": [0.5, 0.1], "scale": [0.5, 0.1], "weights": [1.0, 2.0],
               "intercept": -1.0}
    # z = -1 + 1 * (1 - 0.5) / 0.5 + 2 * (0.3 - 0.1) / 0.1 = 4
    assert frame_probability({"head": 1.0, "share": 0.3}, weights) == pytest.approx(1 / (1 + 2.718281828 ** -4))


def test_shipped_weights_are_printable_and_complete():
    model = frame_model("generic")
    assert set(model["frames"]) == {"conflict", "economic", "responsibility", "human_interest", "morality"}
    for weights in model["frames"].values():
        assert weights["features"] == list(FEATURES)
        assert len(weights["weights"]) == len(FEATURES) and 0 < weights["threshold"] < 1
    json.dumps(model)


def test_article_frames_rows_and_evidence():
    texts = {
        "strike": "Unions clash with bosses in bitter pay dispute. Workers protested and accused the firm. "
                  "Talks were rejected again.",
        "garden": "A quiet garden opens. The roses are red.",
    }
    rows = framing.article_frames(texts)
    assert list(rows.columns) == ["article", "frame", "present", "score", "evidence"]
    assert len(rows) == 10
    table = rows.set_index(["article", "frame"])
    assert bool(table.loc[("strike", "conflict"), "present"])
    assert not table.loc["garden", "present"].any()
    assert table.loc[("garden", "conflict"), "score"] < table.loc[("strike", "conflict"), "score"]
    evidence = table.loc[("strike", "conflict"), "evidence"]
    assert evidence and all(texts["strike"][e["start"]:e["end"]] == e["matched"] for e in evidence)
    assert table.loc[("garden", "conflict"), "evidence"] == ()


def test_article_frames_bad_scheme():
    with pytest.raises(ValueError, match="unknown frame scheme"):
        framing.article_frames("A text.", scheme="nope")
    with pytest.raises(ValueError, match="no article-level weights for the 'policy' scheme"):
        framing.article_frames("A text.", scheme="policy")
    with pytest.raises(TypeError, match="'b'"):
        framing.article_frames({"a": "A text.", "b": 3})


def test_trust_table_says_in_plain_words():
    trust = frame_trust()
    assert list(trust["frame"]) == ["conflict", "economic", "responsibility", "human_interest", "morality"]
    assert trust["in_words"].str.len().min() > 20
    assert ((trust["suite_f1"] > 0) & (trust["suite_f1"] <= 1)).all()


def test_scores_micro_and_macro():
    gold = {"a": {"x": True, "y": False}, "b": {"x": False, "y": True}}
    pred = {"a": {"x": True, "y": True}, "b": {"x": False, "y": False}}
    s = article_model.scores(pred, gold, ["a", "b"], ["x", "y"])
    assert s["x"] == (1.0, 1.0, 1.0) and s["y"] == (0.0, 0.0, 0.0)
    assert s["micro"][2] == pytest.approx(0.5) and s["macro"][2] == pytest.approx(0.5)


def test_shipped_figures_beat_the_every_frame_baseline():
    measured = frame_model("generic")["measured"]["frames"]
    for frame in ("conflict", "economic", "responsibility", "human_interest", "morality"):
        assert measured[frame]["f1"] > measured[frame]["every_frame_f1"], frame
    assert measured["micro"]["f1"] >= 0.68 and measured["macro"]["f1"] >= 0.58


def test_policy_table_on_the_coded_sentences():
    from analysis.framing.policy_eval import evaluate_policy

    folder = Path(config.DEVDATA_DIR) / "frames"
    if not (folder / "frac_dev.jsonl").is_file():
        pytest.skip("needs ../shared/devdata/frames (coded sentences)")
    table = evaluate_policy(folder)
    assert "| cue rules (most hits, else other) |" in table and "most frequent label" in table


def test_thresholds_raise_precision_to_the_floor():
    from analysis.framing.article_thresholds import best_f1_threshold, choose_thresholds

    gold = [1, 1, 1, 0, 0]
    prob = [0.9, 0.8, 0.3, 0.6, 0.2]
    # best F1 (6/7) keeps 0.3: precision 3/4, above the usual floor
    assert best_f1_threshold(prob, gold) == 0.3
    assert choose_thresholds({"a": prob}, {"a": gold}) == {"a": 0.3}
    # a floor of 0.9 is met only above 0.6 (precision 1, F1 0.8, still above the every-frame 0.75)
    assert choose_thresholds({"a": prob}, {"a": gold}, floor=0.9) == {"a": 0.625}


def test_thresholds_never_fall_below_saying_yes_for_every_article():
    from analysis.framing.article_thresholds import choose_thresholds

    gold = [1, 1, 1, 0]
    prob = [0.9, 0.5, 0.4, 0.6]
    # precision 0.9 needs a threshold above 0.6, where F1 is 0.5 < 0.857 of "always yes"
    assert choose_thresholds({"b": prob}, {"b": gold}, floor=0.9) == {"b": 0.4}


def test_shipped_precision_reaches_the_floor_aimed_at():
    measured = frame_model("generic")["measured"]["frames"]
    assert measured["micro"]["precision"] >= 0.60
    assert all(0.03 <= w["C"] <= 1 for w in frame_model("generic")["frames"].values())
