"""Speaker types from what is written around a name, and attribution patterns met in news.

Every text below is invented for these tests (names, organisations and events alike); the
expected answers are what a reader would say.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.sources import extract_quotes
from analysis.sources.speaker_types import ALL_TYPES, apposition_type

# apposition after a name -> the type it gives (None: it gives none)
APPOSITION_CASES = [
    ("a Republican pollster who ran the survey", "politics"),
    ("a law professor at Millbrook University", "academic"),
    ("spokesman for the American Civil Liberties Union", "civil_society"),
    ("an analyst at Harwick Capital Markets", "company"),
    ("national press secretary for the Republican committee", "politics"),
    ("a spokesman for Tom Reed", None),
    ("a waitress", "citizen"),
]


@pytest.mark.parametrize(("apposition", "expected"), APPOSITION_CASES)
def test_an_apposition_is_read_as_a_title_or_by_the_organisation_it_names(apposition, expected):
    assert apposition_type(apposition) == expected


# text -> the type of its one source
TYPE_CASES = [
    pytest.param("Dana Pike, a Democratic pollster, said the race was tight.", "politics", id="pollster-after-name"),
    pytest.param("Lena Ortiz, spokeswoman for the Harbor Workers Union, said the strike would go on.", "civil_society",
                 id="organisation-after-title"),
    pytest.param('"We are tired," said Rosa Delgado, 39, a waitress at a diner.', "citizen", id="age-and-job"),
    pytest.param('"It is a zoo," said Carl Wendt, 52, who lives downtown.', "citizen", id="age-only"),
    pytest.param("Former tech executive Jane Hollis, a presidential candidate, said the plan would fail.", "politics",
                 id="candidate-beats-former-job"),
    pytest.param("The public relations firm Brightline said it had ended the contract.", "company",
                 id="noun-before-organisation"),
    pytest.param("Omar Haddad, an expert at the Norwood Institute, said the deal would hold.", "academic",
                 id="expert-at-institute"),
    pytest.param("Republican hopefuls Tom Hale and Gov. Lisa Crane met voters. Crane said the race was open.", "politics",
                 id="governor-in-a-list-of-candidates"),
    pytest.param("The bridge reopened on Monday. The ferry operator, Grey Gull Lines, said fares would rise.", "company",
                 id="role-opening-the-sentence-before-the-name"),
    # no role, and no other source in the story to take a type from: outside an election
    # story, a person named bare is an ordinary person quoted
    pytest.param("After the vote, Tom Hale said fares would rise.", "citizen", id="no-role-before-the-name"),
]


@pytest.mark.parametrize(("text", "speaker_type"), TYPE_CASES)
def test_speaker_type_from_the_words_around_a_name(text, speaker_type):
    assert extract_quotes(text)["speaker_type"].tolist() == [speaker_type]


def test_staff_named_by_an_apposition_take_their_principal_type():
    text = ("Senator Tom Reed said the vote would fail. Nina Park, a spokeswoman for Mr. Reed, said the "
            "senator would not comment further.")
    types = dict(zip(*[extract_quotes(text)[c] for c in ("speaker", "speaker_type")]))
    assert types == {"Tom Reed": "politics", "Nina Park": "politics"}


# text -> (speaker, content) of every statement, in order
PATTERN_CASES = [
    pytest.param('"We will fix the roads," Ana Ruiz said, adding that the city was ready.',
                 [("Ana Ruiz", "We will fix the roads,"), ("Ana Ruiz", "the city was ready")], id="participle-after-quote"),
    pytest.param("Most voters were unhappy. Six in 10 say the mayor is doing a poor job.",
                 [("Six in 10", "the mayor is doing a poor job")], id="share-of-people-say"),
    pytest.param("The poll found a split, with 40 percent of voters saying they would stay home.",
                 [("40 percent of voters", "they would stay home")], id="with-share-saying"),
    pytest.param("Poll: Ruiz Leads Hale In Ohio.\n\nThe race is close.", [("Poll", "Ruiz Leads Hale In Ohio")],
                 id="headline-source-colon"),
    pytest.param("The Latest: Ruiz speaks in Ohio.\n\nThe race is close.", [], id="headline-label-is-no-source"),
    pytest.param("Tom Hale said in a statement. \u201cThe ballots are counted. It is over.\u201d",
                 [("Tom Hale", "The ballots are counted. It is over.")], id="quote-after-cue-sentence"),
    pytest.param("\"My mother said, 'You will be fine,'\" said Ana Ruiz, who asked not to be named.",
                 [("Ana Ruiz", "My mother said, 'You will be fine,'")], id="quote-ending-in-nested-quote"),
    pytest.param('"The race is open," Tom Hale said on "Meet the Press." He left.',
                 [("Tom Hale", "The race is open,")], id="programme-title-is-no-continuation"),
    pytest.param("Dean Lott, a salesman from Sumter, South Carolina, said the race was close.",
                 [("Dean Lott", "the race was close")], id="state-after-town-is-no-speaker"),
    pytest.param("Rep. Chris Dole, R-N.Y., said the vote would pass.", [("Chris Dole", "the vote would pass")],
                 id="party-tag-is-no-speaker"),
    pytest.param("Greg Rand, chief executive of Jetline, a charter firm, said the fleet was old.",
                 [("Greg Rand", "the fleet was old")], id="two-appositions"),
    pytest.param("Hale (who has 25 delegates so far) said it is possible to win.", [("Hale", "it is possible to win")],
                 id="bracketed-aside"),
    pytest.param('Ana Ruiz, the star of the show "Night Desk," said in an interview that the format was dull.',
                 [("Ana Ruiz", "the format was dull")], id="quoted-title-in-apposition"),
    pytest.param("Sen. Lila Grant, R-S.C., a long-shot candidate, said the plan would fail.",
                 [("Lila Grant", "the plan would fail")], id="party-tag-then-apposition"),
    pytest.param("The tax is a mistake, Lena Hart said Tuesday in Paris.", [("Lena Hart", "The tax is a mistake")],
                 id="content-before-speaker-weekday"),
    pytest.param('Tom Hale spoke first. The vote was "heartbreaking," he said.',
                 [("Tom Hale", 'The vote was "heartbreaking,"')], id="one-quoted-word-ends-a-paraphrase"),
    pytest.param("Significantly, the judge said the case was closed.", [("the judge", "the case was closed")],
                 id="opening-adverb-is-no-speaker"),
    pytest.param("Ana Ruiz accused him of lying about the budget.", [("Ana Ruiz", "him of lying about the budget")],
                 id="accused-noun-phrase"),
]


@pytest.mark.parametrize(("text", "expected"), PATTERN_CASES)
def test_attribution_patterns(text, expected):
    quotes = extract_quotes(text)
    assert list(zip(quotes["speaker"], quotes["quote"])) == expected


def test_the_hand_typed_training_table_is_well_formed():
    """benchmarks/gold_speaker_types_train.csv: at least 150 distinct names, only known types,
    names and short notes (no sentences of the articles)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gold_speaker_types_train.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert len({(r["article_id"], r["speaker"]) for r in rows}) == len(rows)
    assert len({r["speaker"] for r in rows}) >= 150
    assert {r["type"] for r in rows} <= set(ALL_TYPES) - {"unnamed"}
    assert all(len(r["speaker"].split()) <= 6 and len(r["note"].split()) <= 10 for r in rows)
