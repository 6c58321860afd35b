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
    calls = {"sentences": 0, "entities": 0}
    split, extract = textmod.split_sentences, entmod.extract_entities

    def counting_split(text):
        calls["sentences"] += 1
        return split(text)

    def counting_extract(text):
        calls["entities"] += 1
        return extract(text)

    monkeypatch.setattr(textmod, "split_sentences", counting_split)
    monkeypatch.setattr(entmod, "extract_entities", counting_extract)
    return calls


def test_each_part_is_computed_once_and_kept(counted):
    doc = ParsedText(STORY)
    assert counted == {"sentences": 0, "entities": 0}  # nothing before it is asked for
    first = doc.entities
    assert doc.entities is first and doc.sentences is doc.sentences
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
