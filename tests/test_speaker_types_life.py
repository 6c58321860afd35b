"""Speaker types of ordinary people, officials and business people on any story: one
invented case per rule (first-person quotes, relatives, the role held now, lawyers,
brokers, experts of a named body, sentences that give a role).

Every name, organisation and sentence below is invented for these tests; the expected type
is the one the coding rules of ``benchmarks/gold_speaker_types.csv`` give.
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.speaker_context import personal_quote, predicate_role, role_phrase, running_names
from analysis.sources.speaker_types import apposition_type, speaker_type


def _types(text: str) -> dict[str, str]:
    df = extract_quotes(text)
    return dict(zip(df["speaker"], df["speaker_type"]))


# apposition -> type (None: it gives none; "other": a role listed as such)
APPOSITIONS = [
    ("a lawyer in Marlow who handles zoning cases", "other"),  # a lawyer for clients, wherever
    ("a Brixlane lawyer who sits on the board of the Hale Club Association", "other"),  # the head noun decides
    ("a lawyer for hedge funds at Corvale & Dunn", "other"),
    ("an activist investor and founder of Corvale Capital", "company"),  # the head noun, not its modifier
    ("a Harbor Patrol diving expert", "government"),  # an expert of the body named before
    ("a broker based in Marlow", "company"),  # not a resident: a broker
    ("the club's president and general manager", "company"),
    ("who appraises farms for the real estate firm Corvale & Dunn", "company"),  # the firm they work for
    ("who works at a heating company in Marlow", "citizen"),  # an employee of a firm no name gives
    ("who lost her son in the flood", "citizen"),  # a relative, as ordinary people are quoted
    ("who survived the crash", "citizen"),
    ("a member of the Marlow Machinists Union", "citizen"),  # the rank and file
    ("a board member of the Marlow Machinists Union", "civil_society"),
    ("the Hale campaign's political director", "politics"),
    ("the founder of the Save Marlow Park Coalition", "civil_society"),  # a founder: the body decides
    ("a founder of Corvale Capital", "company"),
    ("a minister with the Marlow Church of Grace", "civil_society"),  # clergy, not a cabinet minister
    ("secretary of the Marlow Machinists Union", "civil_society"),
    ("the airline said Thursday", None),  # a clause, no role
    ("an adoptee who founded the advocacy organization Hale Kin", "civil_society"),  # the clause names her role
    ("a nurse who voted for Hale twice", "citizen"),
    ("of the Marlow Policy Institute", "academic"),  # an organisation tag after a name
    ("who was to travel to Dayton", None),  # a clause, no former role
]


@pytest.mark.parametrize(("apposition", "expected"), APPOSITIONS)
def test_apposition(apposition, expected):
    assert apposition_type(role_phrase(apposition) or apposition) == expected


def test_role_held_now_decides():
    # "a former mayor of Marlow" is no home town; the role held now types her
    appositions = ("a former mayor of Marlow and currently chair of the Tessa Regional Council",)
    assert speaker_type("Ann Cole", {"ann", "cole"}, appositions=appositions, kind="person") == "government"
    appositions = ("a former commissioner who is now a program officer at the Hale Family Foundation",)
    assert speaker_type("Ann Cole", {"ann", "cole"}, appositions=appositions, kind="person") == "civil_society"


def test_attending_yields_to_role_words():
    # "City Council president Ann Cole, who attended the rally": the title says what she is
    words = {"city", "council", "president", "ann", "cole", "who", "attended", "the", "rally"}
    assert speaker_type("Ann Cole", words, appositions=("who attended the rally",), kind="person") == "government"
    assert speaker_type("Ann Cole", {"ann", "cole"}, appositions=("who attended the rally",), kind="person") == "citizen"


def test_presiding_legislator_is_politics():
    assert speaker_type("Tom Hale", {"state", "senate", "president", "tom", "hale"}, kind="person") == "politics"
    assert speaker_type("Marlow Senate", {"senate"}, kind="thing") == "government"  # the institution


def test_person_taken_for_a_place():
    appositions = ("a longtime resident who organized the street fair",)
    assert speaker_type("Nadia Orsolo", {"nadia", "orsolo"}, is_place=True, appositions=appositions, kind="thing") == "citizen"
    appositions = ("who organized the street fair",)  # a person, whom nothing else types
    assert speaker_type("Nadia Orsolo", {"nadia", "orsolo"}, is_place=True, appositions=appositions, kind="thing") == "other"
    assert speaker_type("Nadia Orsolo", {"nadia", "orsolo"}, is_place=True, kind="thing") == "government"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("My van is twelve years old and I still live with my dad.", True),
        ("All at once I heard the bang and people screaming.", True),
        ("I’m voting for her because of the plant.", True),
        ("Our daughter was in that school.", True),
        ("We will win this state, and I will lead the party.", False),
        ("The budget is my priority.", False),
    ],
)
def test_personal_quote(quote, expected):
    assert personal_quote(quote) is expected


def test_person_speaking_of_own_life_is_citizen():
    text = (
        "Marlow's mayor, Ann Cole, said the plant would reopen.\n\n"
        '"I lost my job there in May and I still pay my mortgage," said Tom Hale. "It has been hard."\n\n'
        '"We are doing what we can," Cole said.'
    )
    types = _types(text)
    assert types["Ann Cole"] == "government"
    assert types["Tom Hale"] == "citizen"  # named bare, but speaking of his own job and home


def test_bare_person_without_life_words_is_no_official_beside_one():
    text = (
        "Marlow's mayor, Ann Cole, said the plant would reopen.\n\n"
        '"The plan is sound," said Tom Hale. "It will work."\n\n'
        '"We are doing what we can," Cole said.'
    )
    # officials are introduced by their office: a person named with none beside one is an
    # ordinary person (outside an election story), not the story's type
    assert _types(text)["Tom Hale"] == "citizen"


def test_owner_named_after_role():
    text = 'The owner of the Brixlane Country Club, Tom Hale, said the course would close. "We lost members," Hale said.'
    assert _types(text)["Tom Hale"] == "company"


def test_sentence_giving_role():
    text = (
        "Ann Cole is the Hale campaign's national political director.\n\n"
        '"We will be in Marlow all week," Cole said.'
    )
    assert _types(text)["Ann Cole"] == "politics"


def test_predicate_role():
    text = "It rained. Ann Cole has lived in Marlow for years. Tom Hale is a fighter."
    assert predicate_role(text, 11, 19) == "who has lived in Marlow for years"
    assert predicate_role(text, 52, 60) == ""  # a word that types no one


def test_on_the_stump_is_running():
    assert running_names("Mrs. Cole said on the stump last year that banks must pay.") == frozenset({"cole"})
    assert running_names("Mrs. Cole said in the hearing that banks must pay.") == frozenset()


def test_relative_named_before_is_citizen():
    text = (
        "Marlow's mayor, Ann Cole, said the search would go on.\n\n"
        '"He was a good man," his brother Tom Hale told reporters. "We are waiting."'
    )
    assert _types(text)["Tom Hale"] == "citizen"


def test_supporter_yields_to_role_words():
    words = {"union", "president", "ann", "cole", "a", "longtime", "hale", "supporter"}
    assert speaker_type("Ann Cole", words, appositions=("a longtime Hale supporter",), kind="person") == "civil_society"
    assert speaker_type("Ann Cole", {"ann", "cole"}, appositions=("a longtime Hale supporter",), kind="person") == "citizen"


def test_affiliation_in_the_mention():
    text = (
        '"The rule helps workers," said Ross Hale of the Marlow Policy Institute, one of the first to call for '
        "the administration to act."
    )
    assert _types(text)["Ross Hale"] == "academic"


def test_body_named_after_its_place():
    assert speaker_type("Marlow Evening Sun", {"marlow", "evening", "sun"}, is_place=True, kind="thing") == "media"
    assert speaker_type("Marlow County", {"marlow", "county"}, is_place=True, kind="thing") == "government"
