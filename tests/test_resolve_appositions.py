"""A role phrase in apposition with a name speaks for that name: short texts written for these tests."""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name, then the role that is the speaker mention
        pytest.param("The economist Jared Bernal, a former adviser in the Carter White House, wrote that wages rose.", "Jared Bernal", id="name-then-role"),
        pytest.param("It was no accident — Brendan Cole, a spokesman for Reed, told reporters that the speaker agreed.", "Brendan Cole", id="not-the-principal"),
        pytest.param("Brett H. McNulty, President Okafor's special envoy to the coalition, wrote that he welcomed the move.", "Brett H. McNulty", id="not-the-possessor"),
        # the role, then the name
        pytest.param("The mill is under strain, said the company's chief executive, Ann B. Hale.", "Ann B. Hale", id="role-then-name"),
        pytest.param("The bureau's director, James B. Comley, said the case was closed.", "James B. Comley", id="role-then-name-before-cue"),
        pytest.param("“It is fine,” her old classmate at Dayton, Ruth Okafor, said.", "Ruth Okafor", id="role-with-a-place-then-name"),
    ],
)
def test_role_in_apposition_speaks_for_the_name(text, speaker):
    assert extract_quotes(text)["speaker"].tolist() == [speaker]


def test_a_list_after_a_role_is_no_apposition():
    quotes = extract_quotes("The mayor, Ana Ruiz and Tom Reed said the deal was close.")
    assert quotes["speaker"].iloc[0] not in ("Ana Ruiz", "the mayor")


def test_a_long_office_before_a_name_stays_a_title():
    from analysis.sources.names import parse_name

    assert parse_name("UMWA Director of Government Affairs Phil Smith").name == "Phil Smith"
    assert parse_name("Supervisor of Elections Susan Bucher").name == "Susan Bucher"
