"""A fourth blind set of invented stories (tests/fixtures/sources_fresh4/).

Four stories in domains the first three sets do not cover (a wildfire and its evacuation
order, a football club in administration, a rent strike, hospital waiting lists), two in
American and two in British style, and their table of sources, typed and counted by hand
(tests/gold/fresh4_sources.csv) with the counting rules of the earlier sets, were committed
before the extraction was ever run on them. ``benchmarks/eval_invented.py`` scores them
(``--table tests/gold/fresh4_sources.csv --stories tests/fixtures/sources_fresh4``).

These tests check the table, the stories and that the set is scored, and hold floors a little
under its totals measured blind. Its errors have not been read, so that it stays a blind check
for the next round of rules: read `--details` only when a new blind set is ready.
"""

from __future__ import annotations

from invented_sets import ROOT, TYPES, check_scored, check_table, read_rows, scores, story_text

TABLE = ROOT / "tests" / "gold" / "fresh4_sources.csv"
STORIES = ROOT / "tests" / "fixtures" / "sources_fresh4"
FILES = {"wildfire.txt", "football.txt", "rentstrike.txt", "waiting.txt"}
SOURCES, STATEMENTS = 38, 63


def test_the_gold_table_is_well_formed():
    check_table(TABLE, STORIES, FILES, SOURCES, STATEMENTS)


def test_each_story_has_the_variety_it_was_written_for():
    rows = read_rows(TABLE)
    for file in FILES:
        mine = [r for r in rows if r["file"] == file]
        words = len(story_text(STORIES, file).split())
        assert 400 <= words <= 550, (file, words)
        assert 9 <= len(mine) <= 10, file
        assert 15 <= sum(int(r["statements"]) for r in mine) <= 16, file
        assert len({r["speaker_type"] for r in mine}) >= 6, file
    # every type of the taxonomy is in the set, ordinary people most of all
    assert {r["speaker_type"] for r in rows} == TYPES
    assert sum(r["speaker_type"] == "citizen" for r in rows) >= 8
    # the titles, attributions and non-statements the stories were written to hold
    every = " ".join(story_text(STORIES, f) for f in sorted(FILES))
    for words in ("Fire Chief ", "Sheriff ", "Dr. ", "Dr ", "Cllr ", "State Rep. ", "Health Secretary ",
                  "Commissioner ", "Ms ", "told reporters", "according to", "In a statement", "warned that",
                  "argued that", "A spokesman for", "A spokeswoman for", "declined to comment",
                  "declined to say", "has not responded", "told the Harwick Mercury", "Residents ",
                  "Several tenants said", "who asked not to be named", "name be withheld"):
        assert words in every, words


def test_the_set_is_scored():
    check_scored(TABLE, STORIES, FILES, SOURCES, STATEMENTS)


def test_regression_floors_on_the_fourth_set():
    _, total = scores(TABLE, STORIES)
    # measured blind (totals only; its errors were not read, so it can serve the next round as a
    # blind check): with the rules of 570dc2c found 35/38, type right 29/35, statements 54/63,
    # 8 other speakers; with those of the next stop 35/38, 29/35, 57/63, 5
    assert total.found / total.gold >= 0.88
    assert total.type_right / total.found >= 0.75
    assert total.statements_found / total.gold_statements >= 0.82
    assert len(total.false_sources) <= 8
