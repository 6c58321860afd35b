"""More reporting constructions, one invented sentence each: belief verbs as their own cue
class, subjects read from the tags, content after a cue and where it stops.

Every text is invented; the expected statements are written by hand.
"""

from __future__ import annotations

import pytest

from analysis.sources import CUE_CLASSES, cue_connotation, extract_quotes
from analysis.sources.noun_subject import _noun_subject


def _rows(text: str) -> list[tuple[str, str, str]]:
    df = extract_quotes(text)
    return [(r["speaker"], r["quote"], r["cue_class"]) for r in df.to_dict("records")]


# --------------------------------------------------------------------------- belief verbs


def test_belief_is_a_cue_class_of_its_own():
    assert "belief" in CUE_CLASSES
    assert [cue_connotation(c) for c in ("thinks", "believed", "hopes", "wanted", "planned")] == ["belief"] * 5
    assert cue_connotation("said") == "neutral"


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Several harbour pilots think the new channel is too narrow.", "Several harbour pilots", "the new channel is too narrow"),
        ("Ilse Marwick believes that the ferry will be late again.", "Ilse Marwick", "the ferry will be late again"),
        ("Ilse Marwick hopes to reopen the bakery in the spring.", "Ilse Marwick", "to reopen the bakery in the spring"),
        ("Ilse Marwick plans to open a second workshop.", "Ilse Marwick", "to open a second workshop"),
    ],
)
def test_belief_verb_with_a_clause_or_an_infinitive(text, speaker, content):
    assert _rows(text) == [(speaker, content, "belief")]


@pytest.mark.parametrize(
    "text",
    [
        "I think the river will flood this year.",  # the writer's own view
        "We hope the bridge opens soon.",
        "Ilse Marwick thinks about the harbour every day.",  # no clause: no stance reported
    ],
)
def test_belief_verb_without_a_source_stance_is_no_statement(text):
    assert _rows(text) == []


def test_belief_inside_another_statement_belongs_to_it():
    rows = _rows("Ilse Marwick said she hopes the ferry runs on time.")
    assert rows == [("Ilse Marwick", "she hopes the ferry runs on time", "neutral")]


def test_belief_inside_a_quote_is_part_of_the_quote():
    rows = _rows('"I think the pier is safe," said Ilse Marwick.')
    assert [(s, c) for s, c, _ in rows] == [("Ilse Marwick", "I think the pier is safe,")]


# --------------------------------------------------------------------------- subjects


def test_noun_subject_takes_the_noun_run_before_the_verb():
    s = "After the storm had passed over the coast, both senior captains said the crossing was safe."
    a, b = _noun_subject(s, s.index("said"))
    assert s[a:b] == "both senior captains"


def test_noun_subject_refuses_a_verb_or_a_lone_determiner():
    s = "The report that arrived said nothing."
    assert _noun_subject(s, s.index("said")) is None


@pytest.mark.parametrize(
    "text, content",
    [
        ("Since the lock was rebuilt in 1990, canal engineers say they have found four more leaks.", "they have found four more leaks"),
        ("Tolmar was a careful mayor - a former clerk said she read every contract twice - and the town knew it.", "she read every contract twice"),
    ],
)
def test_statement_whose_subject_the_speaker_rules_miss(text, content):
    assert [c for _, c, _ in _rows(text)] == [content]


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # an apposition and a relative clause after "content, said X"
        ("The tunnel is two years late, said Dora Quist, an engineer who inspected it.", "Dora Quist", "The tunnel is two years late"),
        ("The fares will rise in May, said Ivo Brandt, who chairs the transit board.", "Ivo Brandt", "The fares will rise in May"),
        # "said of X that"
        ("Later, Ivo Brandt said of the budget that it was too small.", "Ivo Brandt", "it was too small"),
        # a curly apostrophe in the verb of the content
        ("Dora Quist said the council doesn’t meet in August.", "Dora Quist", "the council doesn’t meet in August"),
        # a clause of two words
        ("Ivo Brandt said he would.", "Ivo Brandt", "he would"),
        # an evidence verb with a poll as its subject
        ("The new poll shows most voters want a new bridge.", "the new poll", "most voters want a new bridge"),
    ],
)
def test_content_found(text, speaker, content):
    assert [(s, c) for s, c, _ in _rows(text)] == [(speaker, content)]


def test_evidence_verb_without_that_or_a_poll_is_no_statement():
    assert _rows("The dog found a bone in the garden.") == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Dora Quist said the pier is safe, and she thanked the divers.", "the pier is safe"),
        ("Dora Quist said the pier is safe and said the divers had done well.", "the pier is safe"),
    ],
)
def test_content_stops_where_the_writer_resumes(text, content):
    assert [c for _, c, _ in _rows(text)][0] == content


@pytest.mark.parametrize(
    "text, content",
    [
        ("Mayor Ivo Brandt called for a new bridge.", "a new bridge"),
        ("The union called on the council to reopen the depot.", "the council to reopen the depot"),
    ],
)
def test_called_for_and_called_on(text, content):
    assert [c for _, c, _ in _rows(text)] == [content]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("There is fresh evidence suggesting that older voters turn out early.", "fresh evidence", "older voters turn out early"),
        ("The column ran beside an item saying that the mayor was late again.", "an item", "the mayor was late again"),
    ],
)
def test_participle_right_after_its_noun(text, speaker, content):
    assert [(s, c) for s, c, _ in _rows(text)] == [(speaker, content)]


def test_a_tally_after_a_name_is_no_transcript_turn():
    assert _rows("The delegates so far.\n\nRUIZ: 547.\n\nHALE: 46.") == []
    assert len(_rows("The delegates so far.\n\nRUIZ: We will win.")) == 1


def test_a_statement_inside_another_statement_is_part_of_it():
    rows = _rows("Ilse Marwick said that the harbour master told her the pier was safe.")
    assert [(s, c) for s, c, _ in rows] == [("Ilse Marwick", "the harbour master told her the pier was safe")]


def test_belief_before_its_reporter_keeps_the_reporter():
    text = "The guild expects fares to rise in the spring, Ilse Marwick said on Friday."
    rows = _rows(text)
    assert [(s, c, k) for s, c, k in rows] == [("Ilse Marwick", "The guild expects fares to rise in the spring", "neutral")]


def test_quote_continues_after_a_participle_adjunct():
    text = '"We are three now," Ivo Brandt said, pointing to his crew. "Two more arrive tomorrow."'
    rows = _rows(text)
    assert len(rows) == 1
    assert rows[0][0] == "Ivo Brandt"
    assert rows[0][1].endswith("Two more arrive tomorrow.")


def test_quote_continues_past_a_programme_title():
    text = '"The plan is a mistake," Ivo Brandt said on "Harbour Hour." "It will cost the town dearly."'
    rows = _rows(text)
    assert len(rows) == 1
    assert rows[0][1].endswith("It will cost the town dearly.")


def test_a_belief_verb_later_in_the_clause_does_not_cut_the_statement():
    rows = _rows("Ilse Marwick said she had stayed home because she did not believe the ferry would run.")
    assert [(s, c) for s, c, _ in rows] == [("Ilse Marwick", "she had stayed home because she did not believe the ferry would run")]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Even Ilse Marwick, who has backed the mayor for years, said Thursday that the fares must fall.", "Ilse Marwick", "the fares must fall"),
        ("But Ivo Brandt, the head of the guild, a group that has sued the city twice, said that the pier is unsafe.", "Ivo Brandt", "the pier is unsafe"),
    ],
)
def test_subject_before_a_long_apposition(text, speaker, content):
    assert [(s, c) for s, c, _ in _rows(text)] == [(speaker, content)]


def test_a_list_of_names_is_no_apposition():
    from analysis.sources.noun_subject import _apposed_subject

    s = "Ruiz, Hale and Quist said the plan would fail."
    assert _apposed_subject(s, s.index("said")) is None


@pytest.mark.parametrize(
    "text, content",
    [
        ("A ferry captain asked for a full review of the harbour rules.", "a full review of the harbour rules"),
        ("The guild has asked the council of the old harbour town of Tolmar to reopen the depot.", "to reopen the depot"),
    ],
)
def test_asked_for_and_a_long_addressee(text, content):
    assert [c for _, c, _ in _rows(text)] == [content]


def test_talked_with_an_adverb_before_about():
    assert [c for _, c, _ in _rows("Ivo Brandt talked warmly about the old ferry.")] == ["the old ferry"]


def test_quote_goes_on_in_the_next_paragraph():
    text = '"The pier is safe," Ivo Brandt said.\n\n"We checked every beam last week."\n\nThe council met on Monday.'
    rows = _rows(text)
    assert len(rows) == 1
    assert rows[0][1].endswith("We checked every beam last week.")


@pytest.mark.parametrize(
    "text, content",
    [
        ("The pier would reopen next month, Ivo Brandt told reporters after the meeting.", "The pier would reopen next month"),
        ("Ivo Brandt later told the Harbour Gazette the pier would reopen.", "the pier would reopen"),
    ],
)
def test_told_with_an_addressee(text, content):
    assert [c for _, c, _ in _rows(text)] == [content]


@pytest.mark.parametrize(
    "text, speaker, content, cue_class",
    [
        ("Ilse Marwick repeated that the ferry would run all winter.", "Ilse Marwick", "the ferry would run all winter", "neutral"),
        ("Ilse Marwick echoed that the harbour needs a new pier.", "Ilse Marwick", "the harbour needs a new pier", "neutral"),
        ("Ilse Marwick disclosed that the pier had cost twice the estimate.", "Ilse Marwick", "the pier had cost twice the estimate", "neutral"),
        ("Ilse Marwick gloated: \"Nobody bakes bread like ours.\"", "Ilse Marwick", "Nobody bakes bread like ours.", "loaded"),
    ],
)
def test_repeat_echo_disclose_and_gloat_report(text, speaker, content, cue_class):
    assert _rows(text) == [(speaker, content, cue_class)]


@pytest.mark.parametrize("text", ["The ferry will stop in May, USA TODAY reported.", "The ferry will stop in May, USA Today reported."])
def test_usa_today_keeps_today(text):
    assert [r[0] for r in _rows(text)] == [text.split(", ")[1].removesuffix(" reported.")]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("The Gazette reports that the ferry will stop in May.", "Gazette", "the ferry will stop in May"),
        ("The ferry will stop in May, the Gazette reports.", "Gazette", "The ferry will stop in May"),
    ],
)
def test_present_tense_after_a_name_is_a_verb(text, speaker, content):
    assert [r[:2] for r in _rows(text)] == [(speaker, content)]


def test_belief_verb_after_its_content_with_an_object_of_its_own_is_no_statement():
    assert _rows("The tolls are rising, the more the ferry owners fear the new pier.") == []
    assert [r[0] for r in _rows("Ilse Marwick said she, too, wants an inquiry into the board.")] == ["Ilse Marwick"]
    # a closing "..., X fears." still reports the stance
    assert _rows("The ferry will be late again, Ilse Marwick fears.") == [("Ilse Marwick", "The ferry will be late again", "belief")]


def test_a_first_name_that_is_a_verb_is_no_cue():
    df = extract_quotes('"The lease is fair," spokeswoman Hope Marwick said in a statement.')
    assert df[["speaker", "cue"]].values.tolist() == [["Hope Marwick", "said"]]


def test_asked_opening_a_sentence_is_the_question_of_an_interviewer():
    rows = _rows("Asked about the lease, Ilse Marwick said the tolls would stay.")
    assert [r[:2] for r in rows] == [("the interviewer", "the lease"), ("Ilse Marwick", "the tolls would stay")]


def test_headline_verbs_with_a_capital():
    assert [r[:2] for r in _rows("Mayor Ilse Marwick Announces Ferry Tolls Will Rise")] == [("Ilse Marwick", "Ferry Tolls Will Rise")]
    assert _rows("The Ferry Tolls Are Rising In These 2 States This Year") == []


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Most residents backed a new pier, according to unofficial results tallied on Wednesday.", "unofficial results", "Most residents backed a new pier"),
        ("According to state law, no one may fish within 150 feet of the pier.", "state law", "no one may fish within 150 feet of the pier"),
    ],
)
def test_according_to_any_noun_phrase(text, speaker, content):
    assert [r[:2] for r in _rows(text)] == [(speaker, content)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Harbour tolls rise again - Ilse Marwick: “The tolls will stay high for a year.”", "Ilse Marwick"),
        ("More from Marwick: “The tolls will stay high for a year.”", "Marwick"),
    ],
)
def test_a_name_before_a_colon_labels_a_quote(text, speaker):
    df = extract_quotes(text)
    assert df[["speaker", "kind", "quote"]].values.tolist() == [[speaker, "direct", "The tolls will stay high for a year."]]
