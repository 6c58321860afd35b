"""Speaker types from what the whole article says: an election story, its headline, what a
person wrote, a home town, an official's party label, a body's spokesperson.

Every text here is invented for the test; the type expected is the one the coding rules of
``benchmarks/gold_speaker_types.csv`` give (docs/sources.md, "Speaker types").
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.speaker_context import election_story, headline_names, role_phrase, running_names
from analysis.sources.speaker_types import apposition_type, speaker_type

ELECTION = (
    "Voters in the Marsh Valley primary go to the polls on Tuesday, and the campaign has turned "
    "sour. Both candidates held a rally on Sunday. The GOP expects a close race, and the "
    "Democratic ballot has three names. "
)


def _type_of(text: str, speaker: str) -> str:
    quotes = extract_quotes(text)
    rows = quotes[quotes["speaker"] == speaker]
    assert len(rows) >= 1, quotes[["speaker", "speaker_type"]]
    return rows["speaker_type"].iloc[0]


def test_an_election_story_is_told_by_its_words():
    assert election_story(ELECTION)
    assert not election_story("The bakery on Pine Street closed on Friday after forty years. Its owners retired.")
    # one election word in a short text is no election story
    assert not election_story("After the vote, the bakery closed.")


def test_the_headline_is_the_short_first_line():
    assert headline_names("Cole leads in Marsh Valley.\n\nAnn Cole spoke on Monday.") == {"cole", "marsh", "valley"}
    assert headline_names("This opening line has no headline and runs on " + "and on " * 20 + "to the end.") == frozenset()


def test_a_person_named_bare_in_an_election_story_is_a_politician():
    text = ELECTION + '"We will win this," Tom Hale said on Monday.'
    assert _type_of(text, "Tom Hale") == "politics"


def test_a_person_named_bare_outside_an_election_story_is_an_ordinary_person():
    text = "The bakery on Pine Street closed on Friday after forty years. \"It is a sad day,\" Tom Hale said."
    assert _type_of(text, "Tom Hale") == "citizen"


def test_the_person_an_election_headline_names_is_a_politician():
    text = "Hale gains ground in Marsh Valley.\n\n" + ELECTION + '"I feel good about Tuesday," Tom Hale said.'
    assert _type_of(text, "Tom Hale") == "politics"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"Nobody saw this coming," wrote Ann Cole in The Marsh Valley Courier.', "media"),
        ('Ann Cole writes: "Nobody saw this coming."', "media"),
        ('"Nobody saw this coming," Ann Cole wrote on Twitter.', "politics"),
    ],
    ids=["wrote-in-a-paper", "writes", "wrote-on-twitter"],
)
def test_a_person_named_bare_and_quoted_from_what_they_wrote_is_a_journalist(sentence, expected):
    assert _type_of(ELECTION + sentence, "Ann Cole") == expected


def test_a_home_county_after_an_age_is_no_county_office():
    text = 'The bakery closed on Friday. "I came here every week," said Tom Hale, 19, from Marsh County.'
    assert _type_of(text, "Tom Hale") == "citizen"
    assert speaker_type("Tom Hale", {"__age__", "from", "marsh", "county"}, appositions=("from Marsh County",), kind="person") == "citizen"


def test_a_bare_party_label_after_an_official_title_is_the_officials_party():
    words = {"marsh", "county", "clerk", "ann", "cole", "republican", "a"}
    assert speaker_type("Ann Cole", words, appositions=("a Republican",), kind="person") == "government"


@pytest.mark.parametrize(
    ("apposition", "expected"),
    [
        ("a customer service representative at a bank", "citizen"),
        ("chairman of the Lake County GOP Executive Committee", "politics"),
        ("the editor in chief of the Marsh Valley Courier", "media"),
        ("President Ruiz's special envoy to the peace talks", "government"),
    ],
)
def test_role_phrases(apposition, expected):
    assert apposition_type(apposition) == expected


def test_a_county_where_a_role_is_held_is_no_county_office():
    words = {"a", "31-year-old", "volunteer", "in", "richland", "county", "tom", "hale", "__age__"}
    assert speaker_type("Tom Hale", words, appositions=("a 31-year-old volunteer in Richland County",), kind="person") != "government"


def test_a_party_named_with_the_word_party_makes_a_politician():
    assert speaker_type("Dan Ortiz", {"dan", "ortiz", "of", "the", "green", "union", "party"}, kind="person") == "politics"


def test_a_clause_that_reports_what_others_say_is_no_role():
    assert role_phrase("the union's members and friends say") == ""
    assert role_phrase("people can flag posts to the staff") == ""


def test_the_running_mate_named_after_the_candidate():
    assert {"hale", "cole"} <= running_names("Tom Hale and his running mate, Gov. Ann Cole of Ohio, spoke in Dayton.")


def test_the_spokeswoman_of_a_body_no_word_types_speaks_for_a_firm():
    text = 'The app closed her account. "We do not allow spam," said Ann Cole, a Brixo spokeswoman.'
    assert _type_of(text, "Ann Cole") == "company"


def test_a_person_with_an_age_stays_an_ordinary_person_beside_a_campaign_of_theirs():
    text = ('Ann Cole, 34, of Dayton, wants to save the town library. "I grew up in that building," she said. '
            "Cole's campaign has 300 names so far.")
    assert _type_of(text, "Ann Cole") == "citizen"


def test_staff_take_the_type_of_a_principal_typed_from_the_story():
    text = ELECTION + '"We will win," Tom Hale said. "He is right," said Ann Cole, a longtime aide to Hale.'
    assert _type_of(text, "Tom Hale") == "politics"
    assert _type_of(text, "Ann Cole") == "politics"


def test_a_persons_twitter_account_does_not_make_them_a_firm():
    assert speaker_type("Tom Hale", {"tom", "hale", "twitter", "account"}, kind="person") != "company"
    assert speaker_type("Brixo", {"brixo", "twitter"}, kind="thing") == "company"


def test_one_who_is_challenging_someone_is_a_candidate_whatever_their_job():
    assert apposition_type("a chemistry teacher who is challenging Sen. Ann Cole") == "politics"
    assert apposition_type("a law professor at Marsh State University") == "academic"


def test_a_person_named_bare_beside_officials_is_no_official():
    text = ('"The road stays closed until noon," Police Chief Ann Cole said on Friday. '
            '"It was very loud," Tom Hale said.')
    assert _type_of(text, "Ann Cole") == "government"
    assert _type_of(text, "Tom Hale") == "citizen"


def test_a_supporter_of_someone_is_typed_by_the_other_words_around_the_name():
    words = {"former", "governor", "ann", "cole", "an", "early", "supporter", "of", "hale"}
    assert speaker_type("Ann Cole", words, appositions=("an early supporter of Hale",), kind="person") == "politics"
    words = {"ann", "cole", "a", "longtime", "supporter", "of", "hale"}
    assert speaker_type("Ann Cole", words, appositions=("a longtime supporter of Hale",), kind="person") == "citizen"
