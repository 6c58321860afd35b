"""People named with no title or role in an election story: an age before the name or a home
town with its state marks an ordinary person quoted (a citizen), as an age after the name
does; a person named bare with neither stays a politician in an election story.

Every text here is invented for the test; the type expected is the one the coding rules of
``benchmarks/gold_speaker_types.csv`` give (docs/sources.md, "Speaker types").
"""

from __future__ import annotations

import pytest
from test_speaker_types_story import ELECTION, _type_of  # tests/ is on sys.path (pytest prepend import mode)

from analysis.sources.speaker_context import ordinary_first_names, ordinary_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At the fair, 58-year-old Ann Cole waved a flag.", {"cole": frozenset({"ann"})}),
        ("Later, Tom Hale of Pinebrook, Ore., stood near the stage.", {"hale": frozenset({"tom"})}),
        ("Ann Cole, 41, came early.", {"cole": frozenset({"ann"})}),
        # "the 70-year-old Tom Hale" is how reporters speak of a known figure, not a voter
        ("On Friday the 70-year-old Tom Hale spoke in Marsh Valley.", {}),
        # a home town needs its state: "of Marsh Valley Bank" is no home
        ("Tom Hale of Marsh Valley Bank said so.", {}),
    ],
)
def test_ordinary_first_names(text, expected):
    assert ordinary_first_names(text) == expected


def test_ordinary_names_are_last_names():
    assert ordinary_names("Then 19-year-old Rosa Delgado Fernsby arrived.") == {"fernsby"}


def test_a_person_named_bare_with_an_age_before_the_name_is_a_citizen():
    text = ELECTION + 'At the rally, 63-year-old Tom Hale cheered. "He talks like us," Hale said.'
    assert _type_of(text, "Tom Hale") == "citizen"


def test_a_person_named_bare_with_a_home_town_is_a_citizen():
    text = ELECTION + 'Tom Hale of Pinebrook, Ore., waited by the door. "He talks like us," Hale said.'
    assert _type_of(text, "Tom Hale") == "citizen"


def test_a_nominal_party_member_with_an_age_is_a_voter():
    text = ELECTION + '"He talks like us," said Ann Cole, 71, a nominal Republican who backed the mayor twice.'
    assert _type_of(text, "Ann Cole") == "citizen"


def test_a_person_named_bare_with_neither_stays_a_politician_in_an_election_story():
    # not named in a headline and with no age or home: the election story still decides
    text = ELECTION + '"We will carry the valley," Tom Hale said on Monday.'
    assert _type_of(text, "Tom Hale") == "politics"
