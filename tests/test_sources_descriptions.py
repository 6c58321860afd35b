"""Sources described before or instead of being named, bodies named after a person, and a
few roles: an anonymous source taken up again ("the same person", "That person said"), a
role described in a report's first sentence and its holder named in the next paragraph,
"according to a poll published by ...", "Ana Kovac of Tolland Fire and Rescue Service",
quantities after "said about", members of parliament, start-ups, machine operators, clergy.

Every text is invented; the expected speakers, types and contents are written by hand.
"""

from __future__ import annotations

import pytest

from analysis.nlp.entities import extract_entities
from analysis.sources import extract_quotes
from analysis.sources.speaker_types import apposition_type


def _rows(text: str) -> list[tuple[str, str, str]]:
    df = extract_quotes(text)
    return [(r["speaker"], r["speaker_type"], r["quote"]) for r in df.to_dict("records")]


# --------------------------------------------------------------------------- anonymous sources again


def test_the_same_person_is_the_anonymous_source_described_before():
    text = (
        "A person close to the inquiry, who asked for anonymity because the report is not out, said the "
        "pumps had failed twice. According to the same person, the alarms were switched off in May."
    )
    rows = _rows(text)
    assert [r[2] for r in rows] == ["the pumps had failed twice", "the alarms were switched off in May"]
    assert {r[0] for r in rows} == {"A person close to the inquiry"}
    assert {r[1] for r in rows} == {"unnamed"}


def test_that_person_said_is_a_subject_and_the_anonymous_source():
    text = "A nurse who asked not to be named said the ward was short of staff. That person said two beds were closed."
    rows = _rows(text)
    assert [r[2] for r in rows] == ["the ward was short of staff", "two beds were closed"]
    assert {r[0] for r in rows} == {"A nurse"}


@pytest.mark.parametrize(
    "text",
    [
        "An engineer at the depot, who asked for anonymity as talks go on, was not at the meeting.",
        "Two drivers asked not to be named because they feared for their jobs.",
    ],
)
def test_asking_for_anonymity_is_no_statement(text):
    assert extract_quotes(text).empty


def test_that_spokesman_said_keeps_the_demonstrative_subject():
    rows = _rows("The depot will close on Friday. That spokesman said the buses would run as usual.")
    assert [r[2] for r in rows] == ["the buses would run as usual"]
    assert rows[0][0] == "That spokesman"


# --------------------------------------------------------------------------- a role named later


def test_a_role_in_the_first_sentence_is_the_person_named_with_it_next():
    text = (
        "The museum will return the bronze head to Sefra, the museum's curator said on Monday.\n\n"
        "Curator Lina Ortmann said the decision had taken two years. \"It was the right thing to do,\" Ortmann said."
    )
    rows = _rows(text)
    assert [r[0] for r in rows] == ["Lina Ortmann"] * 3
    assert rows[0][2] == "The museum will return the bronze head to Sefra"


def test_a_role_no_one_is_named_with_stays_as_written():
    text = "Repairs will take a month, the museum's curator said on Monday.\n\nVisitor Tom Brask said the hall was cold."
    speakers = [r[0] for r in _rows(text)]
    assert speakers[0] == "the museum's curator"
    assert "Tom Brask" in speakers


def test_rector_is_an_academic_title():
    rows = _rows("Rector Ilse Varga said the university would publish the report.")
    assert rows == [("Ilse Varga", "academic", "the university would publish the report")]


# --------------------------------------------------------------------------- who made a poll or study


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("Support for the bridge has fallen to 41 percent, according to a poll published on Friday by the Marsh Valley Courier.", "Marsh Valley Courier", "media"),
        ("Fares rose faster than wages, according to a new study by Harrowby University.", "Harrowby University", "academic"),
    ],
)
def test_according_to_a_poll_or_study_by_a_body_is_that_body(text, speaker, kind):
    rows = _rows(text)
    assert [(r[0], r[1]) for r in rows] == [(speaker, kind)]


def test_according_to_a_poll_with_no_author_keeps_the_poll():
    rows = _rows("Support for the bridge has fallen, according to a poll.")
    assert [r[0] for r in rows] == ["a poll"]


# --------------------------------------------------------------------------- names and bodies


def test_a_person_of_a_body_is_split_into_the_person_and_the_body():
    ents = extract_entities("Crew Manager Ana Kovac of Tolland Fire and Rescue Service said the roof held.")
    assert ents[["text", "label"]].values.tolist() == [["Ana Kovac", "PERSON"], ["Tolland Fire and Rescue Service", "ORGANIZATION"]]


def test_a_place_name_before_of_is_not_taken_for_a_person():
    ents = extract_entities("The Nova Scotia House of Assembly met on Monday.")
    assert "PERSON" not in set(ents["label"])


def test_a_person_of_a_public_service_speaks_for_it_and_the_firm_is_the_company_named_before():
    text = (
        "Crew Manager Ana Kovac of Tolland Fire and Rescue Service said about 40 people had been inside.\n\n"
        "The site is run by Rydal Plastics, which makes bottles. The firm said in a statement that it was helping the inquiry."
    )
    rows = _rows(text)
    assert rows == [
        ("Ana Kovac", "government", "about 40 people had been inside"),
        ("Rydal Plastics", "company", "it was helping the inquiry"),
    ]


def test_role_then_full_name_then_apposition_is_the_name():
    text = "Her main rival, the independent candidate Tom Vance, a former head of a shipping firm, said the plan could not be paid for."
    assert _rows(text) == [("Tom Vance", "politics", "the plan could not be paid for")]


# --------------------------------------------------------------------------- quantities and roles


@pytest.mark.parametrize(
    "text, content",
    [
        ("Chief Ana Kovac said about 40 people had been inside.", "about 40 people had been inside"),
        ("The ranger said about a third of the trees were lost.", "about a third of the trees were lost"),
    ],
)
def test_said_about_a_quantity_opens_the_content(text, content):
    assert [r[2] for r in _rows(text)] == [content]


def test_spoke_about_a_topic_is_still_no_that_clause():
    assert [r[2] for r in _rows("Tom Hale spoke about the plan.")] == ["the plan"]


@pytest.mark.parametrize(
    "apposition, kind",
    [
        ("a member of parliament for the Centre party", "politics"),
        ("a member of Congress from Ohio", "politics"),
        ("a member of the city council", "government"),
    ],
)
def test_members_of_a_legislature_are_politicians(apposition, kind):
    assert apposition_type(apposition) == kind


def test_a_start_up_is_a_company_and_a_machine_operator_a_citizen():
    text = (
        "Helix Therapeutics, a start-up that licensed the drug, said its own tests were sound. "
        "Maria Lenz, 41, a machine operator, said the alarm came late."
    )
    assert [(r[0], r[1]) for r in _rows(text)] == [("Helix Therapeutics", "company"), ("Maria Lenz", "citizen")]


def test_an_archbishop_speaks_for_a_church():
    rows = _rows("Archbishop Ion Petrescu told reporters the church would help the families.")
    assert [(r[0], r[1]) for r in rows] == [("Ion Petrescu", "civil_society")]


# --------------------------------------------------------------------------- types guessed


def test_a_person_named_bare_has_a_guessed_type_and_a_titled_one_not():
    from analysis.sources import article_summary, source_summary

    text = (
        "The ferry will stop running in May, Mayor Ruth Alder said on Monday.\n\n"
        "\"We cannot pay for it,\" Alder said. Tom Brennan said the island would be cut off."
    )
    quotes = extract_quotes(text)
    guessed = dict(zip(quotes["speaker"], quotes["type_guessed"]))
    assert guessed == {"Ruth Alder": False, "Tom Brennan": True}
    assert quotes["type_guessed"].dtype == bool
    by_source = source_summary(quotes, article_words=len(text.split()))
    assert dict(zip(by_source["speaker"], by_source["type_guessed"])) == guessed
    assert article_summary(quotes, article_words=len(text.split()))["types_guessed"] == 1


def test_an_empty_table_has_the_type_guessed_column():
    assert list(extract_quotes("The ferry will stop running in May.").columns[:4]) == ["speaker", "speaker_type", "named", "type_guessed"]


# --------------------------------------------------------------------------- courts, groups, firms, staff


@pytest.mark.parametrize(
    "text, kind",
    [
        ("At the hearing, Ruth Kamau KC, prosecuting, told the court that the van had been stolen twice.", "government"),
        ("Owen Pryor, defending, argued that his client had been asleep at the time.", "other"),
    ],
)
def test_counsel_in_court_prosecuting_for_the_state_or_defending_a_client(text, kind):
    rows = _rows(text)
    assert [r[1] for r in rows] == [kind]


@pytest.mark.parametrize("group", ["Neighbours", "Farmers", "Commuters", "Tenants"])
def test_groups_of_ordinary_people_are_citizens(group):
    rows = _rows(f"{group} said the rules had come far too late.")
    assert [(r[0], r[1]) for r in rows] == [(group, "citizen")]


def test_the_company_is_the_firm_quoted_just_before_when_its_name_types_nothing():
    text = (
        "Skelby Water, which runs the ferry, said on Monday that fares would rise. "
        "In a statement, the company said it had lost money for three years."
    )
    assert [r[0] for r in _rows(text)] == ["Skelby Water", "Skelby Water"]


def test_the_company_stays_as_written_when_someone_else_spoke_in_between():
    text = (
        "Skelby Water said on Monday that fares would rise. Ann Kerr, a commuter, said the rise was unfair. "
        "The company said it had lost money for three years."
    )
    assert [r[0] for r in _rows(text)][-1] == "the company"


def test_a_spokesman_for_a_woman_does_not_make_her_a_man():
    text = (
        "Minister Hester Vale said the order would stand. "
        "A spokesman for Vale later said the minister had not ruled out a second order."
    )
    assert {r[0] for r in _rows(text)} == {"Hester Vale"}
