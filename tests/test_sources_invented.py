"""Sources of invented stories, checked against a table typed by hand (tests/gold/invented_sources.csv).

The five texts are invented for the tests (tests/fixtures/invented_story/ and
tests/fixtures/sources_stories/): a local bridge closure told by three outlets, a town
closing its pool, a bakery chain cutting jobs. None is a seed, so the rules are checked on
stories they were not written on: each row names a source a reader sees in the text and the
type a content analyst would give it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from analysis.sources import extract_quotes

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = pd.read_csv(Path(__file__).parent / "gold" / "invented_sources.csv", keep_default_na=False)


@cache
def _quotes(file: str) -> pd.DataFrame:
    return extract_quotes((FIXTURES / file).read_text(encoding="utf-8"))


@pytest.mark.parametrize("file, speaker, speaker_type", GOLD[["file", "speaker", "speaker_type"]].values.tolist())
def test_every_source_is_found_with_its_type(file, speaker, speaker_type):
    quotes = _quotes(file)
    found = quotes[quotes["speaker"].str.contains(speaker, regex=False)]
    assert not found.empty, f"{speaker} not found in {file}: {sorted(set(quotes['speaker']))}"
    assert set(found["speaker_type"]) == {speaker_type}, (speaker, found[["speaker", "speaker_type", "mention"]].values.tolist())


def test_no_other_source_than_the_table_s_and_the_unclear_ones():
    for file, rows in GOLD.groupby("file"):
        speakers = set(_quotes(file)["speaker"])
        extra = {s for s in speakers if not any(g in s for g in rows["speaker"])}
        # the council announcing in tidewater, the unnamed engineer's role phrase there
        assert extra <= {"the council", "Tobias Quill"}, (file, extra)


def test_a_pronoun_after_a_sentence_without_a_statement_is_that_sentence_s_subject():
    quotes = _quotes("invented_story/northshore.txt")
    claimed = quotes[quotes["cue"] == "claimed"]
    assert claimed["speaker"].tolist() == ["Orla Fenwick"]
