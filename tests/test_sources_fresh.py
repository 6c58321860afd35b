"""Sources of four invented stories (tests/fixtures/sources_fresh/).

The stories (a nurses' strike, a bank's data breach, a school board's phone ban, a flood)
and their table of sources, typed and counted by hand (tests/gold/fresh_sources.csv), were
committed before the extraction was first run on them, and ``benchmarks/eval_invented.py``
measured it blind then (found 30 of 36, type right 23 of 30, statements 50 of 64, 8 false
sources). Rules were later fixed on their errors, so they are no blind check any more: the
floors below guard those fixes. The blind check is the newer set (tests/test_sources_fresh2.py)
until rules are tuned on it too.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "gold" / "fresh_sources.csv"
STORIES = ROOT / "tests" / "fixtures" / "sources_fresh"
TYPES = {"government", "politics", "company", "media", "academic", "civil_society", "citizen", "unnamed", "other"}


def _rows() -> list[dict]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _scores():
    spec = importlib.util.spec_from_file_location("eval_invented", ROOT / "benchmarks" / "eval_invented.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_invented", module)  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    per_story, total = module.evaluate(TABLE, STORIES)
    return {s.story: s for s in per_story}, total


def test_the_gold_table_is_well_formed():
    rows = _rows()
    assert list(rows[0]) == ["file", "speaker", "speaker_type", "statements", "notes"]
    assert {r["file"] for r in rows} == {p.name for p in STORIES.glob("*.txt")}
    for r in rows:
        assert r["speaker_type"] in TYPES, r
        assert int(r["statements"]) >= 1, r
        assert r["notes"].strip(), r
        assert (r["speaker"] == "unnamed") == (r["speaker_type"] == "unnamed"), r
        if r["speaker"] != "unnamed":  # a named source is written in its story as shown
            assert r["speaker"].lower() in (STORIES / r["file"]).read_text(encoding="utf-8").lower(), r
    keys = [(r["file"], r["speaker"]) for r in rows if r["speaker"] != "unnamed"]
    assert len(keys) == len(set(keys))


def test_each_story_has_the_variety_it_was_written_for():
    for file in {r["file"] for r in _rows()}:
        rows = [r for r in _rows() if r["file"] == file]
        words = len((STORIES / file).read_text(encoding="utf-8").split())
        assert 250 <= words <= 450, (file, words)
        assert 6 <= len(rows) <= 10, file
        assert len({r["speaker_type"] for r in rows}) >= 5, file


def test_regression_floors_on_unseen_stories():
    _, total = _scores()
    assert total.gold == 36 and total.gold_statements == 64
    # measured blind 30/36, 23/30, 50/64 and 8; after the rules were fixed on these stories
    # 36/36, 34/36, 62/64 and 1: the floors now guard those fixes
    assert total.found / total.gold >= 0.94
    assert total.type_right / total.found >= 0.85
    assert total.type_right / total.gold >= 0.8
    assert total.statements_found / total.gold_statements >= 0.9
    assert len(total.false_sources) <= 3


@pytest.mark.parametrize("story", ["nurses.txt", "bank.txt", "phones.txt", "flood.txt"])
def test_no_story_falls_far_below_the_others(story):
    per_story, _ = _scores()
    score = per_story[story]
    assert score.found / score.gold >= 0.7, (story, score.found, score.gold)  # measured 0.78 to 0.89


def _source(name: str) -> dict:
    _, total = _scores()
    (row,) = [r for r in total.sources if r["speaker"] == name]
    return row


def test_a_role_phrase_later_speaks_for_the_named_spokeswoman():
    # "Priya Nandakumar, a spokeswoman for the bank, said ..." then "The spokeswoman said ..."
    row = _source("Priya Nandakumar")
    assert row["found_as"] == ["Priya Nandakumar"] and row["types"] == ["company"]
    assert row["statements"] == 2


def test_a_quote_split_by_its_attribution_is_one_statement_of_the_union_president():
    row = _source("Marcus Delaney")
    assert row["found_as"] == ["Marcus Delaney"] and row["types"] == ["civil_society"]
    assert row["statements"] == 1


def test_an_anonymous_manager_stays_unnamed_through_the_role_phrase():
    # "A senior manager at the hospital, who asked not to be named, said ..." then "the manager said"
    (row,) = [r for r in _scores()[1].sources if r["story"] == "nurses.txt" and r["speaker"] == "unnamed"]
    assert row["found_as"] and row["statements"] == 2


def test_the_scorer_takes_only_indefinite_descriptions_for_anonymous_sources():
    import pandas as pd

    _scores()  # loads the benchmark module
    module = sys.modules["eval_invented"]
    quotes = pd.DataFrame(
        {"speaker": ["the station", "Two officials", "Two officials", "Ann Cole of Dayton"],
         "speaker_type": ["unnamed", "unnamed", "unnamed", "other"]}
    )
    rows = [{"speaker": "unnamed", "speaker_type": "unnamed", "statements": 3},
            {"speaker": "Ann Cole", "speaker_type": "citizen", "statements": 1}]
    score = module.score_story("s.txt", rows, quotes)
    assert (score.found, score.type_right, score.statements_found, score.statements_given) == (2, 1, 3, 3)
    assert [name for _, name, _ in score.false_sources] == ["the station"]
