"""One parse per article: sentences and entities computed once, shared by every analysis."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import sources
from analysis.corpus import Article
from analysis.nlp import entities as entmod
from analysis.nlp import text as textmod
from analysis.nlp.parsed import ParsedText, parse

# A short story written for these tests.
STORY = (
    'Mayor Ana Ruiz closed the old bridge on Monday. "It is not safe," Ruiz said.\n\n'
    "Harbor Authority spokesman Tom Lee told reporters that repairs would take a year."
)


@pytest.fixture
def counted(monkeypatch):
    """How often the sentences are split and the entities found (the two costly parts)."""
    calls = {"sentences": 0, "entities": 0}
    split, extract = textmod.sentence_spans, entmod.entity_columns

    def counting_split(*args):
        calls["sentences"] += 1
        return split(*args)

    def counting_extract(*args):
        calls["entities"] += 1
        return extract(*args)

    monkeypatch.setattr(textmod, "sentence_spans", counting_split)
    monkeypatch.setattr(entmod, "entity_columns", counting_extract)
    return calls


def test_each_part_is_computed_once_and_kept(counted):
    doc = ParsedText(STORY)
    assert counted == {"sentences": 0, "entities": 0}  # nothing before it is asked for
    first = doc.entities
    assert doc.entities is first and doc.sentences is doc.sentences
    assert doc.entity_columns is doc.entity_columns and doc.sentence_spans is doc.sentence_spans
    sources.extract_quotes(doc)
    sources.quote_columns(doc)
    assert counted == {"sentences": 1, "entities": 1}


def test_the_parse_gives_what_the_plain_text_entry_points_give():
    doc = parse(STORY)
    pd.testing.assert_frame_equal(sources.extract_quotes(doc), sources.extract_quotes(STORY))
    pd.testing.assert_frame_equal(entmod.extract_entities(doc), entmod.extract_entities(STORY))
    speakers = sources.extract_quotes(doc)["speaker"].tolist()
    assert speakers == ["Ana Ruiz", "Tom Lee"]  # written by hand from STORY
    for row in doc.sentences.itertuples():
        assert STORY[row.start : row.end] == row.text


def test_an_article_is_parsed_once_for_all_of_its_analyses(counted):
    from analysis.batch.pipeline import analyze_article

    result = analyze_article(Article(id="bridge", text=STORY))
    assert not result.error
    assert counted == {"sentences": 1, "entities": 1}
    assert result.tables["quotes"]["speaker"] == ["Ana Ruiz", "Tom Lee"]


def test_given_sentences_are_used_as_they_are():
    sentences = textmod.split_sentences(STORY)
    doc = ParsedText(STORY, sentences=sentences)
    assert doc.sentences is sentences


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_parse_refuses_what_is_no_text(bad):
    with pytest.raises(TypeError):
        parse(bad)


def test_the_plain_lists_are_the_tables_columns():
    doc = ParsedText(STORY)
    sentences, entities = doc.sentences, doc.entities
    assert doc.sentence_spans == list(zip(sentences["paragraph"], sentences["start"], sentences["end"]))
    assert doc.sentence_bounds == (sentences["sentence"].tolist(), sentences["start"].tolist(), sentences["end"].tolist())
    assert doc.paragraph_spans == list(zip(doc.paragraphs["start"], doc.paragraphs["end"]))
    assert {c: entities[c].tolist() for c in entmod.ENTITY_COLUMNS} == doc.entity_columns
    assert doc.entity_columns["text"][:3] == ["Ana Ruiz", "Monday", "Ruiz"]  # written by hand from STORY
    assert all(type(v) is int for c in ("start", "end", "sentence") for v in doc.entity_columns[c])


def test_given_sentences_give_the_lists_too():
    sentences = textmod.split_sentences(STORY).iloc[1:][["sentence", "start", "end"]]  # no paragraph column
    doc = ParsedText(STORY, sentences=sentences)
    assert doc.sentence_bounds == ([1, 2], sentences["start"].tolist(), sentences["end"].tolist())
    assert [p for p, _, _ in doc.sentence_spans] == [-1, -1]
    assert doc.entities["sentence"].tolist() and set(doc.entities["sentence"]) <= {1, 2}
