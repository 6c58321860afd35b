"""analysis.nlp.tagging gives NLTK's perceptron tags exactly, faster."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.corpus import load_corpus
from analysis.nlp import tagging, tokens

TRICKY = [
    "The mayor said it rained.",
    "Zoom's shares fell 3.5% in 2020, the company's first drop since 1999.",
    "A well-known, pro-Kremlin outlet -- Izvestia -- reported it on April 7.",
    '"We will not comment," a spokeswoman told Reuters on Monday.',
    "U.S. officials, e.g. Mr. Smith, won't say.",
    "1,000,000 users; 42 universities; 2022-23 term.",
    "Café owners in Zürich naïvely complained!!!",
    "Read read Read READ.",
    "- dash-first words -and -more",
    "x",
    "...",
]


def _nltk_tags(words: list[str]) -> list[str]:
    return [tag for _, tag in tagging.nltk_tagger().tag(list(words))]


def _sentences_of_seeds() -> list[list[str]]:
    out = []
    for article in load_corpus(config.SEEDS_DIR):
        for s, e in zip(article.sentences["start"], article.sentences["end"]):
            sentence = article.text[s:e]
            out.append([sentence[a:b] for a, b in tokens.token_spans(sentence)])
    return out


def test_same_tags_as_nltk_on_every_seed_sentence():
    sentences = _sentences_of_seeds()
    assert len(sentences) > 20
    for words in sentences:
        assert tagging.tag_words(words) == _nltk_tags(words), " ".join(words)


@pytest.mark.parametrize("sentence", TRICKY)
def test_same_tags_as_nltk_on_tricky_tokens(sentence):
    words = [sentence[a:b] for a, b in tokens.token_spans(sentence)]
    assert tagging.tag_words(words) == _nltk_tags(words)


def test_words_nltk_tokenizer_never_makes():
    # empty strings and bare white space reach the feature code's edge cases
    words = ["", "Hello", " ", "world", "-", "--", "2024", "12"]
    assert tagging.tag_words(words) == _nltk_tags(words)


def test_empty_input():
    assert tagging.tag_words([]) == []


def test_ties_go_to_the_alphabetically_last_tag_as_in_nltk():
    from nltk.tag import PerceptronTagger

    toy = PerceptronTagger(load=False)
    # every feature gives NN and VB the same weight: a tie NLTK breaks by name (VB > NN)
    toy.model.weights = {"bias": {"NN": 1.0, "VB": 1.0, "DT": 0.5}, "i word run": {"NN": 0.25, "VB": 0.25}}
    toy.classes = toy.model.classes = {"NN", "VB", "DT"}
    toy.tagdict = {"the": "DT"}
    words = ["the", "run", "dog"]
    expected = [tag for _, tag in toy.tag(words)]
    assert expected == ["DT", "VB", "VB"]
    assert tagging._tag(tagging._Model(toy), words) == expected


def test_scores_add_up_in_nltk_order():
    from nltk.tag import PerceptronTagger

    # weights chosen so that the order of the additions changes the floating-point result:
    # (1e16 + 1) - 1e16 is 0 in that order (B wins), 1 the other way round (A would win)
    toy = PerceptronTagger(load=False)
    toy.model.weights = {
        "bias": {"A": 1e16, "B": 0.5},
        "i suffix xyz": {"A": 1.0},
        "i pref1 x": {"A": -1e16},
    }
    toy.classes = toy.model.classes = {"A", "B"}
    toy.tagdict = {}
    expected = [tag for _, tag in toy.tag(["xyz"])]
    assert tagging._tag(tagging._Model(toy), ["xyz"]) == expected == ["B"]


# texts that reach every expression of NLTK's word tokenizer, and the cases where a quick
# test could wrongly skip one (case-blind contractions next to non-ASCII letters)
TOKENIZER_CASES = [
    *TRICKY,
    "I cannot go; you CANNOT either, and 'Tis said he Cannot.",
    "Gimme that, I'm gonna, we gotta, lemme see, wanna go, more'n that, d'ye see?",
    " 'twas a night, 'tis true.",
    "«Hello» „quoted“ ‘single’ `tick` ``double'' said \"he\".",
    '"Opening quote at the start," she said ("in brackets") [sic] {x} <y>.',
    "a...b -- c–d—e―f‒g; a@b #tag $5 50% R&D *starred* why?!",
    "Ratio 1:2, then 3,4 and a: b, c:",
    "He left.)\"'  ",
    "it's 'quoted' isn't O'Neill's rock 'n' roll ''twice''",
    "ſtraße gİmme Kannot can not",
    "",
    "   ",
    '"',
    "''",
]


@pytest.mark.parametrize("text", TOKENIZER_CASES)
def test_same_tokens_as_nltk_word_tokenizer(text):
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.nlp import treebank

    assert list(treebank.span_tokenize(text)) == list(NLTKWordTokenizer().span_tokenize(text))


def test_same_tokens_as_nltk_on_every_seed_sentence_and_paragraph():
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.nlp import treebank

    nltk = NLTKWordTokenizer()
    texts = [article.text[s:e] for article in load_corpus(config.SEEDS_DIR) for s, e in zip(article.sentences["start"], article.sentences["end"])]
    texts += [p for article in load_corpus(config.SEEDS_DIR) for p in article.paragraphs["text"]]
    assert len(texts) > 30
    for text in texts:
        assert list(treebank.span_tokenize(text)) == list(nltk.span_tokenize(text)), text


def test_a_prefix_and_the_dictionary_give_the_tags_of_the_whole_sentence():
    sentences = _sentences_of_seeds() + [[t for t in s.split()] for s in TRICKY]
    for words in sentences:
        full = tagging.tag_words(words)
        for n in range(len(words) + 3):
            assert tagging.tag_prefix(words, n) == full[:n], (n, words)
        for word, tag in zip(words, full):
            assert tagging.dictionary_tag(word) in (None, tag)
    assert tagging.dictionary_tag("the") == "DT" and tagging.dictionary_tag("Zxqv") is None
