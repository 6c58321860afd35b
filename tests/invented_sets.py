"""Shared checks of the blind sets of invented stories (``tests/fixtures/sources_fresh*/`` and
``tests/gold/fresh*_sources.csv``), scored by ``benchmarks/eval_invented.py``: the table is
well formed and every named source is written in its story, and the set is scored with
consistent counts. Used by ``test_sources_fresh2.py`` and ``test_sources_fresh3.py``.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"government", "politics", "company", "media", "academic", "civil_society", "citizen", "unnamed", "other"}


def read_rows(table: Path) -> list[dict]:
    with table.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def story_text(stories: Path, file: str) -> str:
    return (stories / file).read_text(encoding="utf-8")


@cache
def scores(table: Path, stories: Path):
    """``eval_invented.evaluate(table, stories)``: (per story, total)."""
    module = sys.modules.get("eval_invented")
    if module is None:
        spec = importlib.util.spec_from_file_location("eval_invented", ROOT / "benchmarks" / "eval_invented.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["eval_invented"] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return module.evaluate(table, stories)


def check_table(table: Path, stories: Path, files: set[str], sources: int, statements: int) -> list[dict]:
    """Assert the hand-typed table is well formed, names its stories' sources as written and
    holds ``sources`` rows and ``statements`` statements; return its rows."""
    rows = read_rows(table)
    assert list(rows[0]) == ["file", "speaker", "speaker_type", "statements", "notes"]
    assert {r["file"] for r in rows} == files == {p.name for p in stories.glob("*.txt")}
    for r in rows:
        assert None not in r and all(v is not None for v in r.values()), r  # no stray or missing column
        assert r["speaker_type"] in TYPES, r
        assert int(r["statements"]) >= 1, r
        assert r["notes"].strip(), r
        assert (r["speaker"] == "unnamed") == (r["speaker_type"] == "unnamed"), r
        if r["speaker"] != "unnamed":  # a named source is written in its story as shown
            assert r["speaker"].lower() in story_text(stories, r["file"]).lower(), r
    keys = [(r["file"], r["speaker"]) for r in rows if r["speaker"] != "unnamed"]
    assert len(keys) == len(set(keys))
    assert sum(int(r["statements"]) for r in rows) == statements and len(rows) == sources
    return rows


def check_scored(table: Path, stories: Path, files: set[str], sources: int, statements: int) -> None:
    """Assert the set is scored, story by story and in total, with counts that add up."""
    per_story, total = scores(table, stories)
    assert {s.story for s in per_story} == files
    assert (total.gold, total.gold_statements) == (sources, statements)
    assert len(total.sources) == sources
    for s in [*per_story, total]:
        assert 0 <= s.type_right <= s.found <= s.gold, s.story
        assert 0 <= s.statements_found <= s.gold_statements, s.story
        assert s.statements_found <= s.statements_given <= s.statements_all, s.story
    for name in ("found", "type_right", "statements_found", "statements_given", "statements_all"):
        assert getattr(total, name) == sum(getattr(s, name) for s in per_story), name
    assert len(total.false_sources) == sum(len(s.false_sources) for s in per_story)
