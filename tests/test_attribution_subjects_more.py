"""More subjects and cues of reported speech, one invented sentence each: bare verbs of
saying, relative clauses inside a subject, asides before the verb, phrases that lead into
a verb of saying, participles before a quote, written texts after a quote.

Every text is invented; the expected speakers and contents are written by hand.
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes


def _rows(text: str) -> list[tuple[str, str, str]]:
    df = extract_quotes(text)
    return [(r["mention"], r["cue"], r["quote"]) for r in df.to_dict("records")]


# --------------------------------------------------------------------------- bare verbs of saying


@pytest.mark.parametrize(
    "text, mention, content",
    [
        ("Harbour police say they have not yet found the missing boat.", "Harbour police", "they have not yet found the missing boat"),
        ("By wide margins, those surveyed say the ferry should run every hour.", "those surveyed", "the ferry should run every hour"),
        ("Even so, many bakers privately say that the new oven is too small.", "many bakers", "the new oven is too small"),
        ("Fishermen in the bay say the water is warmer than last year.", "Fishermen in the bay", "the water is warmer than last year"),
        ("People briefed on the plan say that the mayor has offered nothing.", "People", "the mayor has offered nothing"),
    ],
)
def test_bare_verb_of_saying_after_a_subject_the_general_test_misses(text, mention, content):
    assert _rows(text) == [(mention, "say", content)]


@pytest.mark.parametrize(
    "text",
    [
        "Hearing him say it twice made the crowd laugh.",  # an object pronoun before the verb
        "Let me just say that the pier was crowded.",  # the writer's aside
    ],
)
def test_bare_verb_after_an_object_pronoun_or_in_an_aside_is_no_statement(text):
    assert [r for r in _rows(text) if r[1] == "say"] == []


# --------------------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Another baker who asked not to be named said the flour had run out.", "Another baker"),
        ("Sailors at the club who watched the race said the wind had dropped.", "Sailors at the club"),
        ("The harbour masters whose boats were damaged said the storm came early.", "The harbour masters"),
        ("The harbour master, for his part, said the ferry would be late.", "The harbour master"),
        ("Ilse Marwick, a pilot who works with the Kiel Yacht Club, a local sailing club, said the channel was safe.", "Ilse Marwick"),
        ("Tomas Brandt, clad in a coat with buttons that spelled his name, said the market would reopen.", "Tomas Brandt"),
        ("Tomas Brandt, the editor of the town newspaper, The Kiel Courier, said every ferry was late.", "Tomas Brandt"),
    ],
)
def test_the_subject_is_the_noun_before_its_relative_clause_or_aside(text, mention):
    rows = [r for r in _rows(text) if r[1] == "said"]
    assert len(rows) == 1 and rows[0][0] == mention, rows


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Some bakers even insist that the oven is too small.", "Some bakers"),
        ("The pilots all said the channel was safe.", "The pilots"),
        ("Harbour inspectors soon noted that the pier was sinking.", "Harbour inspectors"),
    ],
)
def test_an_adverb_at_the_end_of_the_subject_is_no_part_of_it(text, mention):
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][0] == mention, rows


def test_a_dash_that_closes_an_aside_opens_no_speaker_phrase():
    text = 'Though the mayor regretted the delay - "why does it take so long?" - Sailors at the club said they were calm.'
    rows = [r for r in _rows(text) if r[1] == "said"]
    assert rows == [("Sailors at the club", "said", "they were calm")]


def test_a_first_name_ending_in_ly_opens_no_adverb_phrase():
    text = "Carly Brandt threw her support behind the harbour crew on Friday, saying it is time to reward them."
    rows = _rows(text)
    assert ("Carly Brandt", "saying", "it is time to reward them") in rows, rows


def test_a_verb_joined_by_and_on_a_weekday_shares_the_subject():
    text = "Tomas Brandt has repaired the pier and on Monday announced the ferry would return."
    assert _rows(text) == [("Tomas Brandt", "announced", "the ferry would return")]


@pytest.mark.parametrize("opening", ["Sure", "Indeed", "Rather"])
def test_an_opening_adverb_is_no_speaker(opening):
    text = f"{opening}, sources close to the mayor say she will run again."
    rows = _rows(text)
    assert rows and all(r[0] != opening for r in rows), rows


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Ilse Marwick quickly took to Twitter to say the ferry would be late.", "took to Twitter to say", "the ferry would be late"),
        ("He went on to say that some pilots are angry at the port.", "went on to say", "some pilots are angry at the port"),
        ("The mayor was quick to add that the vote was fair.", "was quick to add", "the vote was fair"),
    ],
)
def test_a_phrase_that_leads_into_a_verb_of_saying_is_part_of_the_cue(text, cue, content):
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][1:] == (cue, content), rows


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Marwick may want to check the tide tables.",  # advice, no stance
        "The old harbour called to mind the summers of her childhood.",
        "The new schedule, described by the mayor as final, starts in May.",  # a passive agent, no clause
        "The pilot found the leak and reported it to the harbour office.",
    ],
)
def test_no_statement(text):
    assert _rows(text) == []


# --------------------------------------------------------------------------- quotes


def test_a_participle_before_a_quote_shares_the_subject_of_its_clause():
    text = 'The mayor thanked the volunteers, saying, "I am not sure we deserve you."'
    assert _rows(text) == [("The mayor", "saying", "I am not sure we deserve you.")]


def test_a_participle_after_a_cue_shares_that_cue_s_subject():
    text = 'Ilse Marwick spoke first. "We will sail," Tomas Brandt said, adding, "The wind is fine."'
    rows = _rows(text)
    assert ("Tomas Brandt", "adding", "The wind is fine.") in rows, rows


def test_an_inverted_cue_right_after_the_mark_needs_no_comma():
    text = '"We have waited long enough for the new pier" said Ilse Marwick.'
    assert _rows(text) == [("Ilse Marwick", "said", "We have waited long enough for the new pier")]


@pytest.mark.parametrize(
    "text, mention",
    [
        ('"The council has failed to act and that is a shame," the letter read.', "the letter"),
        ('"Keep the ferry running," read one banner.', "one banner"),
    ],
)
def test_read_right_after_a_quote_is_its_cue(text, mention):
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][0] == mention and rows[0][1] == "read", rows


def test_a_statement_issued_before_its_quote():
    text = 'After the storm, the harbour office released the following statement:\n\n"All boats are safe. The pier will reopen."'
    assert _rows(text) == [("the harbour office", "released the following statement", "All boats are safe. The pier will reopen.")]


# --------------------------------------------------------------------------- questions


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Asked Tuesday about the ferry, the mayor said nothing.", "the interviewer", "the ferry"),
        ("Asked specifically how the old pier could be repaired, the pilots were split.", "the interviewer", "how the old pier could be repaired"),
        ("Asked by Ilse Marwick whether the pier was safe, the mayor nodded.", "Ilse Marwick", "whether the pier was safe"),
    ],
)
def test_a_question_put_to_the_source(text, speaker, content):
    df = extract_quotes(text)
    rows = [(r["speaker"], r["quote"]) for r in df.to_dict("records") if r["cue"] == "Asked"]
    assert rows == [(speaker, content)]
