"""A definite noun that stands for an organisation ("the union", "the bank") is the
organisation named before it; a name the recogniser misses is a person when a role follows
it; a second cue after a quotation's cue keeps its speaker. Short texts written for these tests."""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes


def _speaker_of(text: str, content_word: str) -> str:
    df = extract_quotes(text)
    rows = [r for r in df.to_dict("records") if content_word in text[r["start"] : r["end"]]]
    assert rows, f"no statement holding {content_word!r}: {df[['start', 'end', 'speaker']].to_dict('records')}"
    return rows[0]["speaker"]


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        # the noun is the last word of the name
        pytest.param(
            "Kestrel Savings Bank opened two new branches in Dunmore this spring. Later, the bank said its loans to farmers had doubled.",
            "doubled", "Kestrel Savings Bank", id="name-ends-in-noun",
        ),
        # "the union" and a teachers' association: one of the words listed for the noun
        pytest.param(
            "The Wexley Teachers' Association, which speaks for 400 staff, backed the timetable. In a letter, the union said lessons would start later.",
            "lessons", "Wexley Teachers' Association", id="union-for-association",
        ),
        # the noun describes the name where it is named
        pytest.param(
            "Ana Ruiz spoke to local radio station Brackley FM about the closure. The station reported that the bridge would stay shut.",
            "bridge", "Brackley FM", id="noun-describes-name",
        ),
    ],
)
def test_definite_noun_is_the_organisation_named_before(text, word, speaker):
    assert _speaker_of(text, word) == speaker


def test_definite_noun_without_a_fitting_organisation_stays_as_written():
    text = "Ana Ruiz opened the new depot on Friday. The council said the roads would be gritted twice a day."
    assert _speaker_of(text, "gritted") == "the council"


def test_campaign_is_not_any_political_body_before_it():
    text = "Voters in the Dunmore Republican primary went to the polls early. The campaign said turnout was higher than it expected."
    assert _speaker_of(text, "turnout") == "the campaign"


def test_unrecognised_name_with_a_role_is_the_pronoun_after_a_quotation():
    text = (
        "An engineer at the port, who asked not to be named, said the pumps had failed twice.\n\n"
        "Corisande Vell, leader of Brackley Harbour Board, rejected that claim. "
        '"The pumps were tested in May and they worked," she told reporters.'
    )
    assert _speaker_of(text, "pumps were tested") == "Corisande Vell"


def test_second_cue_after_a_quotation_keeps_its_speaker():
    text = 'Tom Reed urged both sides to meet. "The harbour needs an answer soon," he said on Friday morning, and said his office would pay for a mediator.'
    assert _speaker_of(text, "mediator") == "Tom Reed"


def test_company_is_not_any_organisation_before_it():
    # a university is no company: "the company" stays as written
    text = "Researchers at Ellery University counted the shops in the town. The company said its own count was higher."
    assert _speaker_of(text, "count was higher") == "the company"


def _resolver(text: str, names: dict[str, str]):
    from analysis.sources.resolve import _Entity, _Resolver

    rows = [_Entity(name, label, text.index(name), text.index(name) + len(name), name) for name, label in names.items()]
    return _Resolver(text, sorted(rows, key=lambda r: r.start))


def test_mention_that_ran_past_its_verb_is_the_name_before_the_verb():
    text = "Tom Reed told the Wexley Gazette on Friday that the pier would reopen."
    resolver = _resolver(text, {"Tom Reed": "PERSON", "Wexley Gazette": "ORGANIZATION"})
    end = text.index(" on Friday")
    assert resolver.resolve(0, end, 0)[0] == "Tom Reed"


def test_mention_with_a_name_after_a_preposition_is_not_cut_there():
    # "a spokesman for Tom Reed told ...": the speaker is the spokesman, not Tom Reed
    text = "A spokesman for Tom Reed told the Wexley Gazette on Friday that the pier would reopen."
    resolver = _resolver(text, {"Tom Reed": "PERSON", "Wexley Gazette": "ORGANIZATION"})
    end = text.index(" on Friday")
    assert resolver.resolve(0, end, 0)[0] != "Tom Reed"
