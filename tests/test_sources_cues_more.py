"""Reporting constructions read from PolNeAR's training misses, one invented sentence each.

Every text is invented; the expected statements are written by hand.
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes


def _rows(text: str) -> list[tuple[str, str]]:
    df = extract_quotes(text)
    return [(r["speaker"], r["quote"]) for r in df.to_dict("records")]


def test_according_to_inside_the_clause_takes_the_whole_clause():
    text = "Among the reasons for the delay, according to the port authority, are two broken cranes."
    df = extract_quotes(text)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["speaker"] == "the port authority"
    assert text[row["start"] : row["end"]] == (
        "Among the reasons for the delay, according to the port authority, are two broken cranes"
    )
    assert [text[a:b] for a, b in row["fragments"]] == ["Among the reasons for the delay", "are two broken cranes"]


def test_according_to_skips_an_apposition_before_the_content():
    text = "At the heart of the dispute, according to Mara Velde, a former envoy, was a quarrel over water rights."
    rows = _rows(text)
    assert len(rows) == 1
    speaker, quote = rows[0]
    assert speaker == "Mara Velde"
    assert "a former envoy" not in quote.split(" … ")[-1]
    assert quote.endswith("was a quarrel over water rights")


@pytest.mark.parametrize(
    "text, content",
    [
        ("The harbour master said the new pier stood by the old design.", "the new pier stood by the old design"),
        ("Brenna Holt's spokesman said the new pier stood by the old design.", "the new pier stood by the old design"),
    ],
)
def test_clause_without_that_whose_past_verb_reads_as_participle(text, content):
    quotes = [q for _, q in _rows(text)]
    assert quotes == [content]


def test_noun_phrase_after_said_is_still_no_clause():
    assert _rows("The clerk said a few words.") == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Garrow, a farmer, has been blunt about the bypass, calling them cowards.", "them cowards"),
        ("Teodor Vasz called it reckless.", "it reckless"),
    ],
)
def test_call_with_a_pronoun_and_its_name(text, content):
    assert content in [q for _, q in _rows(text)]


def test_call_with_a_pronoun_and_a_particle_or_time_is_no_statement():
    assert _rows("Teodor Vasz called him back on Monday.") == []
    assert _rows("Teodor Vasz called her yesterday.") == []


def test_when_asked_is_a_question_of_an_unnamed_interviewer():
    text = "Mara Velde spoke for an hour. When asked whether the bridge would reopen, she said she did not know."
    df = extract_quotes(text)
    rows = df.to_dict("records")
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("the interviewer", "whether the bridge would reopen"),
        ("Mara Velde", "she did not know"),
    ]
    assert rows[0]["speaker_type"] == "media" and rows[0]["speaker_start"] == -1


def test_asked_about_after_a_quote_gives_the_topic():
    rows = _rows('"It is over," Mara Velde said, asked about the strike.')
    assert ("the interviewer", "the strike") in rows
    assert any(speaker == "Mara Velde" for speaker, _ in rows)


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Ana Ruiz pointed to the rise in rents as proof.", "Ana Ruiz", "the rise in rents as proof"),
        ("Teodor Vasz defended the plan, pointing to a survey of tenants.", "Teodor Vasz", "a survey of tenants"),
    ],
)
def test_point_to_reports_its_object(text, speaker, content):
    assert (speaker, content) in _rows(text)


def test_point_to_as_a_noun_is_no_cue():
    assert _rows("The main point to remember is the cost.") == []


def test_told_an_addressee_then_a_clause_without_that():
    assert _rows("Ana Ruiz told The Ledger she would run again.") == [("Ana Ruiz", "she would run again")]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ana Ruiz flipped her choice on the spot – saying she was rooting for the Rams.", "she was rooting for the Rams"),
        ("Ruiz has denounced the hecklers, saying her campaign does not want them.", "her campaign does not want them"),
        ("Ruiz is more cautious, saying she favors a smaller levy.", "she favors a smaller levy"),
    ],
)
def test_participle_after_a_dash_or_a_verb_right_after_the_subject(text, content):
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][1] == content
    assert rows[0][0] in ("Ana Ruiz", "Ruiz")


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("The port authority issued a statement saying the cranes would be repaired by May.", "the port authority", "the cranes would be repaired by May"),
        ("Ana Ruiz later sent a short letter saying she would resign.", "Ana Ruiz", "she would resign"),
    ],
)
def test_a_document_saying_speaks_for_its_issuer(text, speaker, content):
    assert _rows(text) == [(speaker, content)]


@pytest.mark.parametrize(
    "text, content",
    [
        ("The Lakeside Fund reported spending two million dollars on radio ads.", "spending two million dollars on radio ads"),
        ("Ana Ruiz denied having met the contractor.", "having met the contractor"),
    ],
)
def test_gerund_content(text, content):
    assert [q for _, q in _rows(text)] == [content]


def test_no_gerund_content_after_a_verb_that_takes_none():
    assert _rows("Ana Ruiz said nothing during the hearing.") == []
