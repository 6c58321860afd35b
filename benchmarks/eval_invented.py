"""Sources of invented stories scored against a hand-typed table of their sources.

A blind check of ``analysis.sources.extract_quotes`` on stories no rule was written on: by
default the four stories of ``tests/fixtures/sources_fresh/`` and their table
``tests/gold/fresh_sources.csv`` (written and committed before the extraction was first run
on them). The older set, on which the rules were later fixed, is scored the same way::

    python benchmarks/eval_invented.py
    python benchmarks/eval_invented.py --details
    python benchmarks/eval_invented.py --table tests/gold/invented_sources.csv --stories tests/fixtures

The table has one row per distinct source a reader sees (columns ``file, speaker,
speaker_type`` and, optionally, ``statements``: how many statements the source makes, counted
by hand); ``file`` is relative to ``--stories``.

What is measured, per story and in total:

- **found**: a named gold source is found when the speaker of some extracted statement
  contains its name (case ignored: "Dr. Ana Ruiz" and "Ana Ruiz of Leeds" find "Ana Ruiz",
  "the bank" does not find "Halvorsen Savings Bank"). A gold source named ``unnamed`` is
  found by an extracted speaker typed ``unnamed`` that contains no gold name and is
  ``unnamed`` itself or an indefinite description ("A senior manager at the hospital",
  "two officials"; not "the station" or a year): the way a report introduces an anonymous
  source. With k such gold rows in a story, the k candidates with the most statements are
  taken (ties in order of appearance).
- **type right**: among the found sources, all of the statements given to it carry the gold
  type (for the ``unnamed`` rows this holds by construction).
- **statements**: for each found source, the statements given to it, counted up to the hand
  count (``found / gold``); ``given`` is all the statements given to the gold sources, so
  ``given`` above ``found`` means statements counted twice or given to the wrong source.
- **false sources**: distinct extracted speakers that are no gold source (``unclear`` ones
  included, and counted apart), with their statements.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TABLE = ROOT / "tests" / "gold" / "fresh_sources.csv"
DEFAULT_STORIES = ROOT / "tests" / "fixtures" / "sources_fresh"
# how a report introduces an anonymous source: "unnamed", or an indefinite description
ANONYMOUS = re.compile(r"unnamed$|(a|an|one|two|three|four|five|six|several|some|many|few)\s", re.IGNORECASE)


@dataclass
class StoryScore:
    """Figures of one story (or of all of them, summed)."""

    story: str
    gold: int = 0
    found: int = 0
    type_right: int = 0
    gold_statements: int | None = 0
    statements_found: int = 0
    statements_given: int = 0
    statements_all: int = 0
    false_sources: list[tuple[str, str, int]] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)

    def add(self, other: StoryScore) -> None:
        for name in ("gold", "found", "type_right", "statements_found", "statements_given", "statements_all"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if self.gold_statements is None or other.gold_statements is None:
            self.gold_statements = None
        else:
            self.gold_statements += other.gold_statements
        self.false_sources += other.false_sources
        self.sources += other.sources


def load_table(path: Path) -> list[dict]:
    """Rows of the hand-typed table (``statements`` is None where the table has no count)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        count = row.get("statements", "")
        row["statements"] = int(count) if count not in ("", None) else None
    return rows


def score_story(story: str, rows: list[dict], quotes) -> StoryScore:
    """Score the statements ``quotes`` (a DataFrame of ``extract_quotes``) of one story."""
    speakers = list(dict.fromkeys(quotes["speaker"]))
    n_of = quotes.groupby("speaker", sort=False).size().to_dict()
    types_of = quotes.groupby("speaker", sort=False)["speaker_type"].agg(lambda s: sorted(set(s))).to_dict()
    named = [r for r in rows if r["speaker"] != "unnamed"]
    used: set[str] = set()
    score = StoryScore(story=story, gold=len(rows))
    counts = [r["statements"] for r in rows]
    score.gold_statements = None if None in counts else sum(counts)
    score.statements_all = len(quotes)

    def record(row: dict, matched: list[str]) -> None:
        given = sum(n_of[s] for s in matched)
        types = sorted({t for s in matched for t in types_of[s]})
        right = bool(matched) and types == [row["speaker_type"]]
        score.found += bool(matched)
        score.type_right += right
        score.statements_given += given
        if row["statements"] is not None:
            score.statements_found += min(given, row["statements"])
        score.sources.append(
            {"story": story, "speaker": row["speaker"], "gold_type": row["speaker_type"],
             "found_as": matched, "types": types, "type_right": right,
             "statements": given, "gold_statements": row["statements"]}
        )

    for row in named:
        name = row["speaker"].lower()
        matched = [s for s in speakers if name in s.lower()]
        used.update(matched)
        record(row, matched)
    anonymous = sorted(
        (s for s in speakers
         if s not in used and types_of[s] == ["unnamed"] and ANONYMOUS.match(s)
         and not any(r["speaker"].lower() in s.lower() for r in named)),
        key=lambda s: -n_of[s],
    )
    for i, row in enumerate(r for r in rows if r["speaker"] == "unnamed"):
        matched = anonymous[i:i + 1]
        used.update(matched)
        record(row, matched)
    score.false_sources = [(story, s, n_of[s]) for s in speakers if s not in used]
    return score


def evaluate(table: Path = DEFAULT_TABLE, stories: Path = DEFAULT_STORIES) -> tuple[list[StoryScore], StoryScore]:
    """Per-story scores and their total."""
    from analysis.sources import extract_quotes

    rows = load_table(table)
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(row["file"], []).append(row)
    per_story = []
    for story, story_rows in by_file.items():
        path = stories / story
        if not path.is_file():
            raise SystemExit(f"{table}: story {story!r} not found under {stories}")
        per_story.append(score_story(story, story_rows, extract_quotes(path.read_text(encoding="utf-8"))))
    total = StoryScore(story="total")
    for score in per_story:
        total.add(score)
    return per_story, total


def _share(num: int, den: int) -> str:
    return f"{num}/{den} ({num / den:.2f})" if den else f"{num}/0"


def markdown(per_story: list[StoryScore], total: StoryScore) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| story | gold sources | found | type right (of found) | statements found / gold | statements given to gold sources | all statements | false sources (unclear) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in [*per_story, total]:
        statements = "–" if s.gold_statements is None else _share(s.statements_found, s.gold_statements)
        unclear = sum(1 for _, name, _ in s.false_sources if name == "unclear")
        label = f"**{s.story}**" if s is total else s.story
        lines.append(
            f"| {label} | {s.gold} | {_share(s.found, s.gold)} | {_share(s.type_right, s.found)} | {statements} "
            f"| {s.statements_given} | {s.statements_all} | {len(s.false_sources)} ({unclear}) |"
        )
    return "\n".join(lines)


def details(total: StoryScore) -> str:
    """Each gold source with what it was found as, and the false sources."""
    lines = ["", "| story | gold source | gold type | found as | types given | statements / gold |", "| --- | --- | --- | --- | --- | --- |"]
    for r in total.sources:
        mark = "" if r["found_as"] and r["type_right"] else " ✗"
        gold_n = "–" if r["gold_statements"] is None else r["gold_statements"]
        lines.append(
            f"| {r['story']} | {r['speaker']} | {r['gold_type']} | {'; '.join(r['found_as']) or 'NOT FOUND'} "
            f"| {', '.join(r['types'])}{mark} | {r['statements']} / {gold_n} |"
        )
    lines += ["", "False sources:"] + [f"- {story}: {name!r} ({n} statements)" for story, name, n in total.false_sources]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE, help="hand-typed table of sources (CSV)")
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES, help="folder the table's files are relative to")
    parser.add_argument("--details", action="store_true", help="list every gold source and every false source")
    args = parser.parse_args(argv)
    if not args.table.is_file():
        parser.error(f"no table at {args.table}")
    per_story, total = evaluate(args.table, args.stories)
    print(markdown(per_story, total))
    if args.details:
        print(details(total))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
