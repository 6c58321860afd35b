"""Names, groups, pronouns and speaker types in attribution: short texts written for these tests.

Each case is one short text and what a reader would answer: who speaks (the canonical
source, titles and labels left out), and of which type (``analysis/lexicons/speaker_types.toml``).
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.names import parse_name, title_types

# mention -> (name, gender evidence, party)
NAME_CASES = [
    ("Sen. Marco Rubio", "Marco Rubio", None, None),
    ("FBI Director James B. Comey", "James B. Comey", None, None),
    ("Martin Luther King Jr.", "Martin Luther King Jr.", None, None),
    ("Democrat Hillary Clinton", "Hillary Clinton", None, "democrat"),
    ("Rep. Elijah Cummings of Maryland", "Elijah Cummings", None, None),
    ("Sen. Tim Kaine (D-Va.)", "Tim Kaine", None, "democrat"),
    ("the Rev. Al Sharpton", "Al Sharpton", None, None),
    ("Ms. Kovner", "Kovner", "female", None),
    ("Mr. Trump", "Trump", "male", None),
    ("Attorney General Loretta Lynch", "Loretta Lynch", None, None),
    ("the senator", "", None, None),
]


@pytest.mark.parametrize(("mention", "name", "gender", "party"), NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_a_name_is_kept_apart_from_its_titles(mention, name, gender, party):
    parts = parse_name(mention)
    assert (parts.name, parts.gender, parts.party) == (name, gender, party)


@pytest.mark.parametrize(
    ("mention", "types"),
    [
        ("Sen. Marco Rubio", ["politics"]),
        ("FBI Director James Comey", ["government"]),
        ("Former President Bill Clinton", []),  # a former office is no evidence of government
        ("Judicial Watch President Tom Fitton", []),  # an organisation's president
        ("Professor Ana Ruiz", ["academic"]),
    ],
)
def test_titles_are_evidence_of_type(mention, types):
    assert title_types(parse_name(mention).titles) == types


# text -> the speakers of its statements, in text order
SPEAKER_CASES = [
    pytest.param('"The race is close," said Sen. Marco Rubio.', ["Marco Rubio"], id="title-after-cue"),
    pytest.param('"We will see," FBI Director James B. Comey said. Comey added that he would testify.',
                 ["James B. Comey", "James B. Comey"], id="middle-initial"),
    pytest.param("Martin Luther King Jr. said the dream lives on.", ["Martin Luther King Jr."], id="suffix"),
    pytest.param("Democrat Hillary Clinton said she would win. Hillary Clinton added that the race was close.",
                 ["Hillary Clinton", "Hillary Clinton"], id="party-label"),
    pytest.param("Rep. Elijah Cummings of Maryland said the letter was vague. Cummings added that Comey must explain.",
                 ["Elijah Cummings", "Elijah Cummings"], id="place-tag"),
    pytest.param("Bill Clinton said the plan was good. Hillary Clinton said it was not enough. Bill Clinton added that he agreed.",
                 ["Bill Clinton", "Hillary Clinton", "Bill Clinton"], id="family-first-names"),
    pytest.param("Victor Kovner said the deal was fair. Ms. Kovner said she disagreed with him.",
                 ["Victor Kovner", "Ms. Kovner"], id="honorific-gender-not-merged"),
    pytest.param("James Baker met reporters on Monday. Baker said the talks would resume.",
                 ["James Baker"], id="surname-that-is-a-word"),
    pytest.param("Anna Kovac met Peter Lind on Monday. She said the budget was final.", ["Anna Kovac"], id="pronoun-she"),
    pytest.param("Anna Kovac met Peter Lind on Monday. He said the budget was final.", ["Peter Lind"], id="pronoun-he"),
    pytest.param("Four Democratic senators urged Comey not to announce the findings.",
                 ["Four Democratic senators"], id="group-speaker"),
    pytest.param("Cummings and Conyers said the letter was unprecedented.", ["Cummings and Conyers"], id="two-names-kept-whole"),
    pytest.param("Senator Tom Reed said the vote would fail. Then John Carter met Paul Baker. He said the deal was done.",
                 ["Tom Reed", "unclear"], id="ambiguous-pronoun-unclear"),
    pytest.param('"That is wrong," Ana Ruiz interjected.', ["Ana Ruiz"], id="cue-interjected"),
    pytest.param('Ana Ruiz sighed: "Here we go again."', ["Ana Ruiz"], id="cue-sighed"),
    pytest.param('"No," Ana Ruiz blurted out.', ["Ana Ruiz"], id="cue-blurted-out"),
    pytest.param("WASHINGTON — Sen. Ana Ruiz said the vote was rigged, adding that she would appeal.",
                 ["Ana Ruiz", "Ana Ruiz"], id="dateline-is-no-speaker"),
    pytest.param("Supporters of Ana Ruiz said the race was not over.", ["Supporters of Ana Ruiz"], id="group-of-supporters"),
    pytest.param("Most voters were unhappy, but six in 10 said they want the next mayor to continue.",
                 ["six in 10"], id="share-of-people"),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKER_CASES)
def test_who_speaks(text, speakers):
    assert extract_quotes(text)["speaker"].tolist() == speakers


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        ("Also, the senator said the vote would fail.", "Also"),
        ("Among Democrats, many said the plan was a mistake.", "Among Democrats"),
    ],
)
def test_an_adverb_or_preposition_is_no_speaker(text, not_speaker):
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert not_speaker not in quotes["speaker"].iloc[0]


def test_a_negation_stays_in_the_content():
    quotes = extract_quotes("Four Democratic senators urged Comey not to announce the findings.")
    assert quotes["quote"].tolist() == ["not to announce the findings"]


def test_an_unclear_speaker_is_shown_as_such():
    quotes = extract_quotes("Senator Tom Reed said the vote would fail. Then John Carter met Paul Baker. He said the deal was done.")
    row = quotes.iloc[-1]
    assert (row["speaker"], row["mention"], bool(row["named"])) == ("unclear", "He", False)


# text -> the type of its one source
TYPE_CASES = [
    pytest.param("Police Chief Ana Ruiz said the road was closed.", "government", id="government-police"),
    pytest.param("Attorney General Loretta Lynch said the department would review it.", "government", id="government-attorney-general"),
    pytest.param('"The race is close," said Sen. Marco Rubio.', "politics", id="politics-senator"),
    pytest.param("Republican nominee Tom Hale said the polls were wrong.", "politics", id="politics-nominee"),
    pytest.param("Ohio Gov. Tom Hale, a presidential candidate, said the polls were wrong.", "politics", id="politics-governor-running"),
    pytest.param("Acme Corp chief executive Jo Hart said sales rose sharply.", "company", id="company"),
    pytest.param("The Washington Post reported that the talks had failed.", "media", id="media"),
    pytest.param("Professor Lina Moss of Leeds University said the data were weak.", "academic", id="academic"),
    pytest.param("Union leader Marek Dolan said the strike would go on.", "civil_society", id="civil-society-union"),
    pytest.param('"I was scared," said Maria Lopez, a student who saw the crash.', "citizen", id="citizen-student"),
    pytest.param("Tom Hale's campaign opened an office. Tom Hale said the polls were wrong.", "politics",
                 id="politics-campaign-owner"),
    pytest.param("Sources said the talks had stalled.", "unnamed", id="unnamed"),
    pytest.param("Ava Marsh, an actress, said the film was finished.", "other", id="other"),
]


@pytest.mark.parametrize(("text", "speaker_type"), TYPE_CASES)
def test_speaker_type(text, speaker_type):
    assert extract_quotes(text)["speaker_type"].tolist() == [speaker_type]


def test_staff_speak_for_their_principal():
    text = ("Senator Tom Reed said the vote would fail. Reed spokesman Jack Moss said the senator would "
            "not comment further.")
    types = dict(zip(*[extract_quotes(text)[c] for c in ("speaker", "speaker_type")]))
    assert types == {"Tom Reed": "politics", "Jack Moss": "politics"}


def test_the_hand_typed_gold_table_is_well_formed():
    """benchmarks/gold_speaker_types.csv: at least 150 distinct sources, only known types,
    names and short notes (no sentences of the articles)."""
    import csv
    from pathlib import Path

    from analysis.sources.speaker_types import ALL_TYPES

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gold_speaker_types.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert len({(r["article_id"], r["speaker"]) for r in rows}) == len(rows) >= 150
    assert {r["type"] for r in rows} <= set(ALL_TYPES) - {"unnamed"}
    assert all(len(r["speaker"].split()) <= 6 and len(r["note"].split()) <= 10 for r in rows)


def test_people_at_a_body_are_its_voice_not_a_name_and_a_place():
    from analysis.sources import extract_quotes

    quotes = extract_quotes("Analysts at Brixton Capital said the cuts were overdue. Jo Park, who has worked at a Hale & Co. shop for ten years, said she was shocked.")
    rows = quotes[["speaker", "speaker_type", "mention"]].values.tolist()
    assert ["Brixton Capital", "company", "Analysts at Brixton Capital"] in rows
    assert ["Jo Park", "citizen", "Jo Park"] in rows
