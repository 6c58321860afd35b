"""A third blind set of invented stories (tests/fixtures/sources_fresh3/).

Four stories in domains the first two sets do not cover (a jury verdict, a drought and a
hosepipe ban, a software company's layoffs and its union, the last week of a race for
governor), two in British and two in American style, and their table of sources, typed and
counted by hand (tests/gold/fresh3_sources.csv) with the counting rules of the first two sets,
were committed before the extraction was ever run on them. ``benchmarks/eval_invented.py``
scores them (``--table tests/gold/fresh3_sources.csv --stories tests/fixtures/sources_fresh3``).

These tests check the table, the stories and that the set is scored; they hold no accuracy
floor and print no figure. When floors are added, set them a little under a measured figure;
do not tune the rules on these stories, or they stop being a blind check.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "gold" / "fresh3_sources.csv"
STORIES = ROOT / "tests" / "fixtures" / "sources_fresh3"
FILES = {"trial.txt", "drought.txt", "layoffs.txt", "election.txt"}
TYPES = {"government", "politics", "company", "media", "academic", "civil_society", "citizen", "unnamed", "other"}


def _rows() -> list[dict]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _text(file: str) -> str:
    return (STORIES / file).read_text(encoding="utf-8")


@cache
def _scores():
    module = sys.modules.get("eval_invented")
    if module is None:
        spec = importlib.util.spec_from_file_location("eval_invented", ROOT / "benchmarks" / "eval_invented.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["eval_invented"] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return module.evaluate(TABLE, STORIES)


def test_the_gold_table_is_well_formed():
    rows = _rows()
    assert list(rows[0]) == ["file", "speaker", "speaker_type", "statements", "notes"]
    assert {r["file"] for r in rows} == FILES == {p.name for p in STORIES.glob("*.txt")}
    for r in rows:
        assert None not in r and all(v is not None for v in r.values()), r  # no stray or missing column
        assert r["speaker_type"] in TYPES, r
        assert int(r["statements"]) >= 1, r
        assert r["notes"].strip(), r
        assert (r["speaker"] == "unnamed") == (r["speaker_type"] == "unnamed"), r
        if r["speaker"] != "unnamed":  # a named source is written in its story as shown
            assert r["speaker"].lower() in _text(r["file"]).lower(), r
    keys = [(r["file"], r["speaker"]) for r in rows if r["speaker"] != "unnamed"]
    assert len(keys) == len(set(keys))
    assert sum(int(r["statements"]) for r in rows) == 66 and len(rows) == 37


def test_each_story_has_the_variety_it_was_written_for():
    rows = _rows()
    for file in FILES:
        mine = [r for r in rows if r["file"] == file]
        words = len(_text(file).split())
        assert 350 <= words <= 550, (file, words)
        assert 8 <= len(mine) <= 10, file
        assert len({r["speaker_type"] for r in mine}) >= 5, file
    # every type of the taxonomy is in the set, ordinary people most of all
    assert {r["speaker_type"] for r in rows} == TYPES
    assert sum(r["speaker_type"] == "citizen" for r in rows) >= 8
    # the titles and non-statements the stories were written to hold
    every = " ".join(_text(f) for f in sorted(FILES))
    for words in ("Judge ", "Det. Insp. ", "Prof. ", "Sen. ", "Minister ", "KC", "declined to comment",
                  "has not responded", "did not respond", "has not endorsed", "told the Kelmstow Gazette"):
        assert words in every, words


def test_the_set_is_scored():
    per_story, total = _scores()
    assert {s.story for s in per_story} == FILES
    assert (total.gold, total.gold_statements) == (37, 66)
    assert len(total.sources) == 37
    for s in [*per_story, total]:
        assert 0 <= s.type_right <= s.found <= s.gold, s.story
        assert 0 <= s.statements_found <= s.gold_statements, s.story
        assert s.statements_found <= s.statements_given <= s.statements_all, s.story
    for name in ("found", "type_right", "statements_found", "statements_given", "statements_all"):
        assert getattr(total, name) == sum(getattr(s, name) for s in per_story), name
    assert len(total.false_sources) == sum(len(s.false_sources) for s in per_story)
