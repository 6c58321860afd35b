"""The trained recogniser's features and weights, on short hand-written texts."""

from __future__ import annotations

import pytest

from analysis.lexicons import model_path
from analysis.nlp import ner_features, ner_model
from analysis.nlp.ner_features import doc_clues, sentence_features, word_features


def test_shapes_treat_accented_letters_as_letters():
    assert ner_features._shape("Łódź") == "Xx"
    assert ner_features._shape("Mérida") == "Xx"
    assert ner_features._shape("McDonald") == "XxXx"
    assert ner_features._shape("U.S.") == "X.X."
    assert ner_features._shape("1990s") == "dx"


def test_cue_words_of_places_and_organisations_are_flagged():
    assert "loccue" in word_features("River")[0]
    assert "orgcue" in word_features("Club")[0]
    assert "orgcue" in word_features("Ministry")[0]
    assert "loccue" not in word_features("Club")[0] and "orgcue" not in word_features("river")[0]


def test_document_clues_gather_what_the_other_mentions_say():
    sentences = [
        ["Farmers", "in", "Kelsovar", "met", "Halvard", "Brenn", "."],
        ["Brenn", "said", "the", "Kelsovar", "Rowing", "Club", "had", "left", "."],
        ["Brenn", "left", "early", "."],
    ]
    clues = doc_clues(sentences)
    kelsovar, brenn = set(clues["Kelsovar"]), set(clues["Brenn"])
    assert {"doc:after_prep", "doc:after_the", "doc:capmid", "doc:alone", "doc:in_run"} <= kelsovar
    assert "doc:before_said" in brenn and "doc:in_run" in brenn and "doc:after_name" not in kelsovar
    assert "doc:first_alone" in set(clues["Farmers"]) and "doc:capmid" not in set(clues["Farmers"])
    assert "left" not in clues  # lower-case words have no clues


def test_a_capitalised_run_tells_its_length_position_and_cue():
    words = ["Members", "of", "the", "Kelsovar", "Rowing", "Club", "rowed", "."]
    feats = sentence_features(words, {})
    rowing = set(feats[4])
    assert {"runlen=3", "runpos=I", "run:orgcue"} <= rowing
    assert "runpos=B" in feats[3] and "runpos=E" in feats[5]
    assert not any(f.startswith("run") for f in feats[6])  # "rowed" is in no run
    part = sentence_features(words, {}, 3, 6)
    assert part == feats[3:6]  # a window sees the words around it


@pytest.fixture(scope="module")
def tagged():
    sentences = [["Finance", "Minister", "Anna", "Kovac", "spoke", "in", "Warsaw", "on", "Monday", "."], ["she", "left", "."]]
    return ner_model.tag_document(sentences)


def test_the_shipped_model_labels_a_short_text(tagged):
    assert ner_model.bio_spans(tagged[0]) == [(2, 4, "PER"), (6, 7, "LOC")]
    assert tagged[1] == ["O", "O", "O"]  # no capitalised word: not read at all


def test_the_weights_are_small_and_explain_themselves():
    assert model_path(ner_model.MODEL_FILE).stat().st_size < 3_000_000
    heaviest = ner_model.explain("Ministry", top=5)
    assert heaviest and all(label in {"B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-PER", "I-PER", "B-MISC", "I-MISC", "O"} for _, label, _ in heaviest)
    assert any(label.endswith("ORG") and weight > 0 for _, label, weight in heaviest)


def test_an_apposition_vouches_for_a_name_only_before_a_reporting_verb():
    from analysis.nlp.entities import _speaks

    assert _speaks(["Kapital", ",", "a", "business", "daily", ",", "reported", "."], 1)
    assert _speaks(["Vellor", "said", "so", "."], 1)
    assert not _speaks(["Tarnow", ",", "the", "capital", "of", "the", "region", ",", "lies", "east", "."], 1)
