"""A third blind set of invented stories (tests/fixtures/sources_fresh3/).

Four stories in domains the first two sets do not cover (a jury verdict, a drought and a
hosepipe ban, a software company's layoffs and its union, the last week of a race for
governor), two in British and two in American style, and their table of sources, typed and
counted by hand (tests/gold/fresh3_sources.csv) with the counting rules of the first two sets,
were committed before the extraction was ever run on them. ``benchmarks/eval_invented.py``
scores them (``--table tests/gold/fresh3_sources.csv --stories tests/fixtures/sources_fresh3``).

These tests check the table, the stories and that the set is scored, and hold floors a little
under the figures measured while the set was blind (its errors were then read, and three small
fixes drawn from them: it is no longer blind; a fourth set is needed before tuning again).
"""

from __future__ import annotations

from invented_sets import ROOT, TYPES, check_scored, check_table, read_rows, scores, story_text

TABLE = ROOT / "tests" / "gold" / "fresh3_sources.csv"
STORIES = ROOT / "tests" / "fixtures" / "sources_fresh3"
FILES = {"trial.txt", "drought.txt", "layoffs.txt", "election.txt"}


def test_the_gold_table_is_well_formed():
    check_table(TABLE, STORIES, FILES, 37, 66)


def test_each_story_has_the_variety_it_was_written_for():
    rows = read_rows(TABLE)
    for file in FILES:
        mine = [r for r in rows if r["file"] == file]
        words = len(story_text(STORIES, file).split())
        assert 350 <= words <= 550, (file, words)
        assert 8 <= len(mine) <= 10, file
        assert len({r["speaker_type"] for r in mine}) >= 5, file
    # every type of the taxonomy is in the set, ordinary people most of all
    assert {r["speaker_type"] for r in rows} == TYPES
    assert sum(r["speaker_type"] == "citizen" for r in rows) >= 8
    # the titles and non-statements the stories were written to hold
    every = " ".join(story_text(STORIES, f) for f in sorted(FILES))
    for words in ("Judge ", "Det. Insp. ", "Prof. ", "Sen. ", "Minister ", "KC", "declined to comment",
                  "has not responded", "did not respond", "has not endorsed", "told the Kelmstow Gazette"):
        assert words in every, words


def test_the_set_is_scored():
    check_scored(TABLE, STORIES, FILES, 37, 66)



def test_regression_floors_on_the_third_set():
    _, total = scores(TABLE, STORIES)
    # measured blind, with the rules of 570dc2c and again with those of the next stop before its
    # errors were read: found 36/37, type right 29/36, statements 59/66, 5 other speakers
    assert total.found / total.gold >= 0.9
    assert total.type_right / total.found >= 0.75
    assert total.statements_found / total.gold_statements >= 0.85
    assert len(total.false_sources) <= 7
