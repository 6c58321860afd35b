"""The lesson for any story (notebooks/lesson.ipynb, analysis.present.lesson): its plan,
exercises and keys on a short invented story of three reports, and the handout without a key."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.present import lesson

#: Three short reports of one invented event, written for these tests.
STORY = {
    "1_ledger.txt": (
        "Ferry strike strands island commuters\n\n"
        "Ferry crews on the Solvik line walked out on Tuesday, leaving some 4,000 commuters without a "
        "crossing. \"We have warned the company for a year,\" said Ines Moreau, who leads the crews' union. "
        "The operator, Baltic Link, condemned the strike and insisted that wages were fair.\n\n"
        "The regional council said it would pay for extra buses on the bridge road."
    ),
    "2_courier.txt": (
        "Strike costs island shops thousands\n\n"
        "Shops on Solvik island lost thousands of euros in sales on Tuesday as the ferry strike kept "
        "customers away. \"Half my tables were empty,\" said Karl Enqvist, who runs a cafe at the harbour. "
        "Baltic Link said talks with the union would resume on Thursday."
    ),
    "3_observer.txt": (
        "Union and operator trade blame over ferry walkout\n\n"
        "The union and Baltic Link blamed each other on Tuesday for the first ferry strike in a decade. "
        "Ines Moreau accused the company of ignoring safety complaints. A company spokesman admitted that "
        "two ferries had failed inspections last month."
    ),
}
SEED_WORDS = ("Zoom", "Kremlin", "Peskov", "Izvestia", "Moscow")


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story")
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_plan_fits_the_class_length():
    plan = lesson.lesson_plan(minutes=50)
    assert plan["minutes"].sum() == 50
    assert plan["part"].iloc[0] == "Introduction" and plan["part"].iloc[-1] == "Discussion"
    assert (plan["start"].iloc[1:].to_numpy() == plan["end"].iloc[:-1].to_numpy()).all()
    assert len(lesson.lesson_plan(["omissions"], minutes=20)) == 3
    with pytest.raises(ValueError, match="too short"):
        lesson.lesson_plan(minutes=10)
    with pytest.raises(ValueError, match="no exercise 'grammar'"):
        lesson.chosen(["grammar"])


def test_every_exercise_names_how_far_to_trust_its_key():
    for name in lesson.EXERCISES:
        text = lesson.exercise_markdown(name, 1, {"a": "Ledger", "b": "Courier"})
        assert "How far to trust the key." in text and "not in the key" in text
        assert "1: " in text and "# Courier" in text  # the answer's shape names the reports
        assert lesson.ACCURACY[lesson.EXERCISES[name]["accuracy"]]["summary"] in text


def test_answers_may_name_reports_by_number():
    key = {"Ledger": ["moreau"], "Courier": ["enqvist"]}
    result = lesson.check({1: "Moreau", 2: "Moreau"}, key)
    assert result[["report", "status"]].values.tolist()[:2] == [["Ledger", "right"], ["Courier", "extra"]]
    assert "not part of this lesson" in lesson.check_exercise({}, "omissions", {1: "x"})


def test_leading_frame_key_expects_the_strongest_present_frame():
    frames = pd.DataFrame({"article": ["a"] * 3 + ["b"] * 3, "frame": ["conflict", "economic", "human_interest"] * 2,
                           "present": [True, False, True, False, False, False], "score": [0.9, 0.5, 0.2, 0.1, 0.0, 0.0]})
    key = lesson.leading_frame_key(frames, labels={"a": "Ledger", "b": "Courier"})
    expected = key[key["required"]]
    assert expected[["report", "item"]].values.tolist() == [["Ledger", "conflict"]]
    assert lesson.check({"Ledger": "human", "Courier": "conflict"}, key)["status"].tolist() == ["right", "missing", "wrong"]


def test_keys_for_three_reports_of_an_invented_story(story):
    corpus = load_corpus(story)
    keys = lesson.answer_keys(corpus)
    assert list(keys) == ["dominant_voice", "loaded_verbs", "tone_source", "omissions", "leading_frame"]
    reports = set(lesson.report_labels(corpus).values())
    for name, key in keys.items():
        assert set(key["report"]) <= reports, name
    omitted = keys["omissions"]
    # the cafe owner is named only in the second report: the first and third leave him out
    enqvist = omitted[omitted["item"].str.contains("enqvist")]
    assert set(enqvist.loc[enqvist["right"], "report"]) == {"1_ledger", "3_observer"}
    assert not enqvist.loc[enqvist["report"] == "2_courier", "right"].any()
    voices = keys["dominant_voice"]
    assert any("Enqvist" in str(s) for s in voices.loc[voices["report"] == "2_courier", "speaker"])
    verbs = keys["loaded_verbs"]
    assert {"condemned", "insisted"} <= set(verbs.loc[verbs["right"] & (verbs["report"] == "1_ledger"), "item"])


@pytest.mark.slow
@pytest.mark.parametrize("show_key", [True, False])
def test_the_lesson_runs_on_an_invented_story_and_the_handout_has_no_key(story, run_notebook, show_key):
    nb, text = run_notebook("lesson", CORPUS=str(story), SHOW_KEY=show_key, MINUTES=40)
    cells = nb.cells
    assert "1: 1_ledger" in text and "3: 3_observer" in text
    assert "Moreau" in text and "40 min" in text
    assert not any(word in text for word in SEED_WORDS)
    key_output = "".join(o.get("text", "") + str(o.get("data", "")) for o in cells[-1].outputs)
    if show_key:
        assert "Exercise 1 · Whose voice takes up the most room" in key_output and "Moreau" in key_output
    else:
        assert key_output.strip() == "The key is not shown in this copy (SHOW_KEY is False)."
