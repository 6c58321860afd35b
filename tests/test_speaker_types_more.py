"""Speaker types from the evidence around a name: one invented case per rule.

Every name, organisation and sentence below is invented for these tests; the expected type
is the one the coding rules of ``benchmarks/gold_speaker_types.csv`` give.
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.speaker_context import role_phrase, running_names
from analysis.sources.speaker_types import BARE, PLACE_MARK, apposition_type, org_type, speaker_type, story_type

# apposition -> type (None: it gives none)
APPOSITIONS = [
    ("chairman of Hale News Networks", "company"),  # the business side of an outlet
    ("president of Brixton-Q", "company"),  # the head of a body no word types runs a firm
    ("a senior analyst at Corvale Capital", "company"),
    ("a Republican expert on messaging", "politics"),  # a party label makes an expert partisan
    ("a liberal columnist", "media"),  # ... but not a columnist
    ("a Democratic activist", "politics"),
    ("a campaign spokeswoman", "politics"),  # the word before a staff title decides
    ("a plumbing contractor", "citizen"),  # a job no word types, after "a"
    ("a retired Postal Service letter carrier", "citizen"),
    ("a Navy veteran", "citizen"),  # the last word is the role
    ("a spokesman for Tom Hale", None),  # staff: typed by whom they speak for
    ("who heads the Marlow Teachers Union", "civil_society"),
    ("who lives near the old mill", "citizen"),
    ("a 44-year-old nurse from Dayton", "citizen"),
    ("one of the paper's best-known reporters", "media"),
    ("the union's president", "civil_society"),
    ("a Navy veteran attending school in Marlow County", "citizen"),  # a participle ends the role
    ("a lobbyist and a Republican former state senator", "politics"),  # the second, political role decides
    ("the student from Marlow and a Republican", "citizen"),  # ... but a party label alone is how voters are described
]


@pytest.mark.parametrize(("apposition", "expected"), APPOSITIONS)
def test_apposition(apposition, expected):
    assert apposition_type(apposition) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Corvale Holdings Group", "company"),
        ("Harlow Institute for Public Policy", "academic"),
        ("Marlow Teachers Union", "civil_society"),
        ("Dayton Sun-Times", "media"),
        ("National Water Safety Board", "government"),
        ("Northline News Agency", "media"),  # a cue of several words before the head word
        ("Tom Hale", None),
    ],
)
def test_organisation_name_typed_by_its_head_word(name, expected):
    assert org_type(name) == expected


@pytest.mark.parametrize(
    ("apposition", "kept"),
    [
        ("a waitress at a diner", "a waitress at a diner"),
        ("adding that the vote was close", ""),
        ("however", ""),
        ("noted the agency had returned the file", ""),
        ("the Herald reported", ""),
        ("the members of the club would back him", ""),
        ("who said he expects a deal", ""),
        ("who is executive director of the Hale Fund", "executive director of the Hale Fund"),
        ("who lives in Dayton", "who lives in Dayton"),
        ("managing director at Corvale", "managing director at Corvale"),
    ],
)
def test_only_appositions_that_name_a_role_are_kept(apposition, kept):
    assert role_phrase(apposition) == kept


def test_candidates_are_found_anywhere_in_the_article():
    text = (
        "Hale's campaign opened an office. Voters cheered rival Ann Cole. Cole's running mate, "
        "Ohio Gov. Rita Lund, spoke. Pim, Vos and other GOP candidates met. Many voted for Dan Ortiz."
    )
    assert running_names(text) >= {"hale", "cole", "lund", "pim", "vos", "ortiz"}
    assert "ohio" not in running_names("Ohio Gov. Rita Lund signed the budget.")


def test_defaults_when_nothing_types_a_source():
    assert speaker_type("Tom Hale", {"tom", "hale"}, kind="person") == "other"  # nothing types him
    assert speaker_type("Tom Hale", {"tom", "hale"}, kind="person", bare=BARE) == BARE  # the story decides
    assert speaker_type("Brixton Lane", {"brixton", "lane"}, kind="thing") == "company"
    assert speaker_type("Ann Cole", {PLACE_MARK}, kind="person") == "citizen"
    assert speaker_type("Ann Cole", {"actress"}, kind="person") == "other"
    assert speaker_type("sources close to the talks", {"sources"}, kind="group", named=False) == "other"
    # a governor the article shows running speaks as a candidate
    assert speaker_type("Rita Lund", title_types=["government"], kind="person", runs=True) == "politics"
    assert speaker_type("Rita Lund", title_types=["government"], kind="person") == "government"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"I came for the music," said Ann Cole of Dayton.', "citizen"),
        ('"We will stay," said Ann Cole, who lives near the plant.', "citizen"),
        ('"Costs will rise," said Tom Hale, an analyst at Corvale Capital.', "company"),
        ('"Ratings matter," said Tom Hale, chairman of Hale News Networks.', "company"),
        ('"The fight goes on," said Ann Cole, the president of the Marlow Teachers Union.', "civil_society"),
        ('"He is wrong," said Tom Hale, a plumbing contractor.', "citizen"),
        ('"He is guilty of nothing," said Tom Hale, Ann Cole\'s attorney.', "other"),
        ('Rita Lund\'s campaign opened an office. "We will win," said Ohio Gov. Rita Lund.', "politics"),
    ],
)
def test_type_from_the_whole_text(text, expected):
    quotes = extract_quotes(text)
    assert quotes["speaker_type"].tolist()[-1:] == [expected], quotes[["speaker", "speaker_type"]]


def test_a_person_named_bare_takes_the_type_the_story_quotes_most():
    assert story_type(["politics", "government", "politics", "other"]) == "politics"
    assert story_type(["citizen", "company", "citizen"]) == "citizen"
    assert story_type(["company", "citizen"]) == "other"  # a tie: the story does not tell
    assert story_type(["other", "unnamed"]) == "other"
    # politicians count twice: who is named bare beside them is most often one of them
    assert story_type(["academic", "politics"]) == "politics"
    assert story_type(["academic", "academic", "academic", "politics"]) == "academic"
    assert story_type(["citizen", "citizen", "citizen", "politics"]) == "citizen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Sen. Ann Cole said the bill would pass. Rep. Dan Ortiz said he would vote for it. '
         '"It is a good day," said Tom Hale.', "politics"),
        ('"The plant gave us work," said Ann Cole, 52. "We will miss it," said Dan Ortiz of Dayton. '
         '"It is a sad day," said Tom Hale.', "citizen"),
        ('"It is a sad day," said Tom Hale.', "citizen"),
    ],
    ids=["campaign-story", "story-of-residents", "nobody-typed"],
)
def test_story_default_in_extracted_quotes(text, expected):
    quotes = extract_quotes(text)
    hale = quotes[quotes["speaker"] == "Tom Hale"]
    assert len(hale) == 1
    assert hale["speaker_type"].iloc[0] == expected


# rules of the second round: roles no longer held, voters' party labels, union titles, relative clauses
@pytest.mark.parametrize(
    ("apposition", "expected"),
    [
        ("a former broadcast journalist", None),  # what the source was, not as what it speaks
        ("a retired Navy admiral", None),
        ("a former state senator", "politics"),  # a former politician still speaks as one
        ("a retired teacher", "citizen"),
        ("an independent voter raised in Ohio", "citizen"),  # a voter's party label
        ("a registered Democrat", "citizen"),
        ("a lifelong Republican who backs Tom Hale", "citizen"),
        ("a Democratic state senator", "politics"),
        ("a Republican media consultant with Hale Media", "politics"),
        ("the owner of a shopping center", None),  # a body no name gives: no type from "center"
        ("a secretary", "citizen"),  # an office job, not a minister
        ("who voted for Tom Hale twice", "citizen"),
        ("who reported that the deal was off", "media"),
        ("who chairs the history department at Marlow University", "academic"),
        ("president and publisher of Hale Publishing", "company"),  # the head of a firm, not a journalist
        ("publisher of The Dayton Ledger", "media"),
    ],
)
def test_apposition_second_round(apposition, expected):
    assert apposition_type(apposition) == expected


@pytest.mark.parametrize(
    ("apposition", "kept"),
    [
        ("who served as mayor of Dayton", "former mayor of Dayton"),  # a past role is marked as such
        ("who works as a cashier", "a cashier"),
        ("two members of the city council", ""),  # a list of others, not a role of the name before
        ("who was listed on the Hale slate", ""),  # a clause in the passive, not a role
    ],
)
def test_role_phrase_second_round(apposition, kept):
    assert role_phrase(apposition) == kept


def test_org_at_a_university_is_academic():
    assert org_type("the history department at the University of Marlow") == "academic"
    assert org_type("Dayton Daily Sun") == "media"


def test_candidates_found_campaigning_or_as_surrogates():
    text = (
        "Gov. Rita Lund has been busy campaigning in Iowa. Tom Hale, a retired general, is a surrogate "
        "for her. Gov. Ann Cole is joining her running mate in Ohio."
    )
    assert running_names(text) >= {"lund", "hale", "cole"}
    # a sitting official campaigning for someone else is no candidate
    assert "ortiz" not in running_names("President Dan Ortiz stumped for Lund. Ortiz is campaigning for her in Ohio.")
    assert "pim" not in running_names("Mayor Ed Pim is campaigning for the school levy.")


def test_the_role_held_now_decides():
    appositions = ("now director of the Harlow Institute for Public Policy",)
    assert speaker_type("Ann Cole", {"former", "rep"}, title_types=["politics"], appositions=appositions, kind="person") == "academic"


def test_former_titles_give_no_type():
    # "Former Secretary of State Ann Cole": as what she speaks, the story decides
    assert speaker_type("Ann Cole", {"former", "secretary", "state"}, title_types=["government"], kind="person", bare=BARE) == BARE
    assert speaker_type("Ann Cole", {"former", "tech", "executive"}, title_types=["company"], kind="person", bare=BARE) == BARE
    assert speaker_type("Ann Cole", {"secretary", "state"}, title_types=["government"], kind="person", bare=BARE) == "government"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"I will not vote for him," said Ann Cole, 61, a Republican who works as a cashier.', "citizen"),
        ('"We want a contract," said NEA President Ann Cole.', "civil_society"),
        ('"We want a contract," Local 12 organizing director Ann Cole told reporters.', "civil_society"),
        ('Tom Hale \u2014 a nurse from Dayton \u2014 says he will stay home.', "citizen"),  # not "Dayton"
        ('"The polls were wrong," said Tom Hale, who reported on the race for a decade.', "media"),
        ("In an interview, the union's president, Ann Cole, said the strike would go on.", "civil_society"),
        ('Mayor Ed Pim said the bridge would close. Lena Brandt, a professor of history at Marlow University, '
         'said the plan was old. "Half of my customers come by boat," said Tom Reyes, who runs a bakery by the landing.', "citizen"),
    ],
    ids=["voter-with-party-label", "union-acronym", "organizing-director", "dash-apposition", "journalist-clause", "owner-of-a-role", "runs-a-bakery"],
)
def test_type_from_the_whole_text_second_round(text, expected):
    quotes = extract_quotes(text)
    assert quotes["speaker_type"].tolist()[-1:] == [expected], quotes[["speaker", "speaker_type"]]


@pytest.mark.parametrize(
    "text",
    [
        # the age is given where the person is introduced, not where the quote is
        'Sen. Ed Pim said the plant would close. "It hurts," Pim said. Outside, brothers Al and Tom Hale, '
        '22 and 19, waited. "I lost my shift," said Tom Hale.',
        'Sen. Ed Pim said the plant would close. "It hurts," Pim said. Ann Cole is one of those factory workers '
        'who heard the news. "I cried," said Ann Cole.',
    ],
    ids=["age-elsewhere", "one-of-the-workers"],
)
def test_ordinary_person_introduced_elsewhere_is_a_citizen(text):
    quotes = extract_quotes(text)
    assert quotes["speaker_type"].tolist()[-1:] == ["citizen"], quotes[["speaker", "speaker_type"]]


def test_a_chief_financial_officer_speaks_for_a_firm():
    # an officer of a firm, not of the police
    quotes = extract_quotes("Yet Ann Cole, the chief financial officer, pointed out that sales fell.")
    assert quotes["speaker_type"].tolist() == ["company"], quotes[["speaker", "speaker_type"]]


def test_its_role_before_a_name_is_a_role_in_the_body_named_last():
    text = ("The Marlow Rowing Club said it would appeal. Its president, Ann Hale, said the club had 80 members.\n\n"
            "Hale Brothers Ltd. said profits fell. Its president, Tom Orr, said prices were too high.")
    quotes = extract_quotes(text)
    types = dict(zip(quotes["speaker"], quotes["speaker_type"]))
    assert types["Ann Hale"] == "civil_society" and types["Tom Orr"] == "company"
