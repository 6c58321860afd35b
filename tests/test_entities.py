"""The entity recogniser against hand-written gold for the seeds, and on short texts."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import config
from analysis.nlp.entities import ENTITY_COLUMNS, extract_entities, rule_entities

GOLD = pd.read_csv(config.ROOT / "tests" / "gold" / "entities.csv", keep_default_na=False)
LABELS = {"PERSON", "ORGANIZATION", "LOCATION"}


def _gold_spans(article):
    spans = []
    for row in GOLD[GOLD["article_id"] == article.id].itertuples():
        hits = list(re.finditer(rf"(?<!\w){re.escape(row.text)}(?!\w)", article.text))
        match = hits[row.occurrence - 1]
        spans.append((match.start(), match.end(), row.label))
    return spans


def test_seed_entities_f1_against_gold(seed_corpus):
    tp = fp = fn = 0
    for article in seed_corpus:
        gold = _gold_spans(article)
        pred = [(r.start, r.end, r.label) for r in extract_entities(article.text).itertuples() if r.label in LABELS]
        used = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and p[2] == g[2] and min(p[1], g[1]) > max(p[0], g[0])), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(pred) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.9, f"P={precision:.2f} R={recall:.2f}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Finance Minister Anna Kovac spoke in Warsaw.", [("Anna Kovac", "PERSON"), ("Warsaw", "LOCATION")]),
        ("The Kremlin and Zoom Video Communications disagreed.", [("Kremlin", "ORGANIZATION"), ("Zoom Video Communications", "ORGANIZATION")]),
        ("Officials at the University of Kestrel met Sen. Ted Cruz.", [("University of Kestrel", "ORGANIZATION"), ("Ted Cruz", "PERSON")]),
        ("Russia's and Poland's ministers met on Wednesday, April 7.", [("Russia", "LOCATION"), ("Poland", "LOCATION"), ("Wednesday", "DATE"), ("April 7", "DATE")]),
        ("Later, the FBI said nothing.", [("FBI", "ORGANIZATION")]),
    ],
)
def test_short_texts(text, expected):
    got = extract_entities(text)
    assert list(got.columns) == ENTITY_COLUMNS
    pairs = list(zip(got["text"], got["label"]))
    for item in expected:
        if item[1] == "DATE" and item[0] == "April 7":
            assert any(t.startswith("April") and lab == "DATE" for t, lab in pairs)
            continue
        assert item in pairs
    assert all(text[s:e] == t for s, e, t in zip(got["start"], got["end"], got["text"]))


def test_short_forms_link_to_the_full_name():
    got = extract_entities("Dmitry Peskov spoke first. Later Peskov added more. Zoom Video Communications agreed, and Zoom left.")
    canon = dict(zip(got["text"], got["canonical"]))
    assert canon["Peskov"] == "Dmitry Peskov"
    assert canon["Zoom"] == "Zoom Video Communications"


def test_empty_text():
    assert list(extract_entities("").columns) == ENTITY_COLUMNS


def test_equal_length_names_resolve_to_the_first_mentioned():
    # "Mexico" abbreviates both "Mexico City" and "Mexico Town" (same length): the name
    # mentioned first wins, whatever order Python gives a set of names
    from analysis.nlp.entities import link_short_forms

    found = {"text": ["Mexico City", "Mexico Town", "Mexico"], "label": ["LOCATION", "LOCATION", "LOCATION"]}
    assert link_short_forms(found) == ["Mexico City", "Mexico Town", "Mexico City"]
    swapped = {"text": ["Mexico Town", "Mexico City", "Mexico"], "label": ["LOCATION"] * 3}
    assert link_short_forms(swapped) == ["Mexico Town", "Mexico City", "Mexico Town"]


def _pairs(text):
    got = extract_entities(text)
    assert all(text[s:e] == t for s, e, t in zip(got["start"], got["end"], got["text"]))
    return got, list(zip(got["text"], got["label"]))


def test_titles_stay_out_of_names_and_initials_and_suffixes_stay_in():
    got, pairs = _pairs("Sen. Marco Rubio said the vote would wait. Attorney General Loretta Lynch agreed.")
    assert ("Marco Rubio", "PERSON") in pairs and ("Loretta Lynch", "PERSON") in pairs
    assert not any(t.startswith(("Sen", "Attorney")) for t in got["text"])
    _, pairs = _pairs("The Rev. Martin Luther King Jr. spoke in Atlanta.")
    assert ("Martin Luther King Jr.", "PERSON") in pairs


def test_dotted_and_plain_acronyms_are_one_entity():
    got, pairs = _pairs("F.B.I. Director James B. Comey wrote to lawmakers. Later the FBI said nothing more, and Mr. Comey left.")
    assert ("James B. Comey", "PERSON") in pairs
    canon = dict(zip(got["text"], got["canonical"]))
    assert canon["F.B.I."] == canon["FBI"]
    assert canon["Comey"] == "James B. Comey"


def test_an_alias_and_its_full_name_share_the_canonical_name():
    got, _ = _pairs("The Justice Department opened a review. A DOJ lawyer said the United States and the U.S. allies agreed.")
    canon = dict(zip(got["text"], got["canonical"]))
    assert canon["DOJ"] == canon["Justice Department"] == "Justice Department"
    assert canon["U.S."] == canon["United States"] == "United States"


def test_no_function_words_headings_or_named_days_as_names():
    got, pairs = _pairs("FULL TEXT: the speech. Also present was Gov. Mike Pence. Among Democrats the mood was grim on Election Day.")
    assert ("Mike Pence", "PERSON") in pairs
    assert not any(t.startswith(("FULL", "Also", "Among")) for t in got["text"])
    assert ("Election Day", "DATE") in pairs


def test_the_evaluation_scores_a_hand_made_record():
    from analysis.nlp import ner_eval

    record = {
        "tokens": ["Sen.", "Marco", "Rubio", "visited", "the", "Justice", "Department", "in", "Ohio", "."],
        "tags": ["O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"],
        "sent_starts": [0],
    }
    text, sentences, gold = ner_eval.record_text(record)
    assert text == "Sen. Marco Rubio visited the Justice Department in Ohio."
    assert (5, 16, "PER") in gold and len(gold) == 3
    counts = ner_eval.score([record], extract_entities)
    assert ner_eval.prf(counts["exact"]) == (1.0, 1.0, 1.0)
    # the rule-based recogniser reads "Justice" as a title and keeps "Department": a lenient
    # match only
    old = ner_eval.score([record], rule_entities)
    assert ner_eval.prf(old["exact"], "ORG") == (0.0, 0.0, 0.0)
    assert ner_eval.prf(old["lenient"], "ORG") == (1.0, 1.0, 1.0)


def test_licences_that_allow_shipping_weights():
    from analysis.nlp.ner_model import bio_spans, licence_ok

    assert licence_ok("CC-BY-4.0") and licence_ok("OGL-UK-3.0 (Open Government Licence v3.0)")
    assert not licence_ok("CC-BY-SA-3.0") and not licence_ok("CC-BY-4.0 (dataset); text: Wikipedia (CC-BY-SA-3.0)")
    assert not licence_ok("CC-BY-NC-4.0")
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")]


def test_evaluate_runs_on_a_slice_of_the_dev_split():
    from analysis.nlp import ner_eval

    folder = config.DEVDATA_DIR / "ner"
    if not (folder / "dev.jsonl").is_file():
        pytest.skip(f"the NER evaluation needs ../shared/devdata/ner (not found at {folder})")
    report = ner_eval.evaluate_files(folder, limit=2, social=False)
    assert "dev, model + rules (after)" in report and "dev, rules (before)" in report
    assert report.count("| lenient |") >= 3 and "The dev split by part" in report


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ortiz shut the bridge.", [["Ortiz", "PERSON"]]),
        ("Tolls rose.", []),
        ("Drivers waited for hours.", []),
    ],
)
def test_a_surname_alone_before_its_verb_is_a_person(text, expected):
    assert extract_entities(text)[["text", "label"]].values.tolist() == expected


def test_dev_records_are_grouped_by_part():
    from analysis.nlp.ner_eval import part_of

    assert part_of({"source": "gum", "genre": "news-interview"}).startswith("news")
    assert part_of({"source": "wikigold", "genre": "wikipedia"}).startswith("encyclopedia")
    assert part_of({"source": "gum", "genre": "travel-guide"}).startswith("academic")
    assert part_of({"source": "btc", "genre": "tweets"}) == "other"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bolton said the talks had failed.", [["Bolton", "PERSON"]]),
        ("Officials in Bolton said the road was shut.", [["Bolton", "LOCATION"]]),
        ("Moscow said the talks had failed.", [["Moscow", "LOCATION"]]),
    ],
)
def test_a_town_name_before_said_is_a_surname_but_a_capital_speaks_for_its_government(text, expected):
    assert extract_entities(text)[["text", "label"]].values.tolist() == expected


def test_two_acronyms_joined_by_a_hyphen_are_one_organisation():
    got = extract_entities("The AFL-CIO endorsed her. Later the A.F.L.-C.I.O. said it would march. The US-UK talks ended.")
    assert got[["text", "label"]].values.tolist() == [["AFL-CIO", "ORGANIZATION"], ["A.F.L.-C.I.O.", "ORGANIZATION"]]
    assert got["canonical"].nunique() == 1


def test_a_place_ending_in_an_organisation_word_is_an_organisation_and_no_name_opens_lower_case():
    got = extract_entities("The Harbour Town Swim Club said it would start a petition. Dr. Ann Hale, a professor of public health at Lakeview University, agreed.")
    pairs = got[["text", "label"]].values.tolist()
    assert ["Harbour Town Swim Club", "ORGANIZATION"] in pairs
    assert ["Lakeview University", "ORGANIZATION"] in pairs
    assert not any(t[:1].islower() for t in got["text"])


def test_which_words_cannot_open_a_name():
    from analysis.nlp.entities import _cannot_open_name

    assert _cannot_open_name("health") and _cannot_open_name("of") and _cannot_open_name("&")
    assert not _cannot_open_name("de") and not _cannot_open_name("van") and not _cannot_open_name("al-Assad")
    assert not _cannot_open_name("eBay") and not _cannot_open_name("Lakeview")


def test_an_acronym_spelt_out_in_lower_case_names_a_thing_not_an_organisation():
    from analysis.nlp.entities import common_acronyms

    text = (
        "Divers found three remotely operated vehicles (ROVs) off Harlow Point. The chief "
        "executive officer (CEO) of Brandt Marine, Lina Oduya, said the ROVs were lost in May. "
        "The Maritime Safety Board (MSB) will look into it, the CEO said."
    )
    assert common_acronyms(text) == {"ROV", "ROVs", "CEO", "CEOs"}
    found = extract_entities(text)
    assert not set(found["text"]) & {"ROV", "ROVs", "CEO"}
    assert {"MSB", "Maritime Safety Board"} <= set(found.loc[found["label"] == "ORGANIZATION", "text"])
    assert "Lina Oduya" in set(found.loc[found["label"] == "PERSON", "text"])
