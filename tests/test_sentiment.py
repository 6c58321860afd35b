"""Sentence tone: VADER scores and their evidence, aggregates, voices, targets, Hu & Liu."""

from __future__ import annotations

import math
import random
import re

import nltk
import pandas as pd
import pytest
from nltk.sentiment.vader import SentiText

from analysis import config, lexicons, sentiment
from analysis.nlp.nltk_data import MissingNLTKDataError
from analysis.sentiment import (
    NARRATOR,
    TARGET_TONE_COLUMNS,
    UNATTRIBUTED,
    cohen_kappa,
    label_compound,
    lexicon_agreement,
    opinion_scores,
    quoted_spans,
    score_frame,
    score_sentences,
    summarize_tone,
    target_model,
    target_tone,
    term_mentions,
    tone_by_voice,
    tone_towards,
    voice_segments,
)
from analysis.sentiment.target_mentions import find_mentions

SCORES = ["neg", "neu", "pos", "compound"]


@pytest.fixture(scope="module")
def vader():
    """NLTK's own analyser, the reference every score is checked against."""
    return sentiment.load_vader()


def nltk_scores(analyser, text):
    ref = analyser.polarity_scores(text)
    return [ref[c] for c in SCORES]


# ---------------------------------------------------------------------------------------
# Published numbers
# ---------------------------------------------------------------------------------------

# (sentence, neg, neu, pos, compound) as printed in NLTK's VADER doctest
# (nltk/test/sentiment.doctest), which runs the examples of VADER's own demo.
NLTK_DOCTEST = [
    ("VADER is smart, handsome, and funny.", 0.0, 0.254, 0.746, 0.8316),
    ("VADER is smart, handsome, and funny!", 0.0, 0.248, 0.752, 0.8439),
    ("VADER is very smart, handsome, and funny.", 0.0, 0.299, 0.701, 0.8545),
    ("VADER is VERY SMART, handsome, and FUNNY.", 0.0, 0.246, 0.754, 0.9227),
    ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.0, 0.233, 0.767, 0.9342),
    ("VADER is VERY SMART, really handsome, and INCREDIBLY FUNNY!!!", 0.0, 0.294, 0.706, 0.9469),
    ("The book was good.", 0.0, 0.508, 0.492, 0.4404),
    ("The book was kind of good.", 0.0, 0.657, 0.343, 0.3832),
    (
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        0.327, 0.579, 0.094, -0.7042,
    ),
    ("A really bad, horrible book.", 0.791, 0.209, 0.0, -0.8211),
    ("At least it isn't a horrible book.", 0.0, 0.637, 0.363, 0.431),
    (":) and :D", 0.0, 0.124, 0.876, 0.7925),
    ("", 0.0, 0.0, 0.0, 0.0),
    ("Today sux", 0.714, 0.286, 0.0, -0.3612),
    ("Today sux!", 0.736, 0.264, 0.0, -0.4199),
    ("Today SUX!", 0.779, 0.221, 0.0, -0.5461),
    ("Today kinda sux! But I'll get by, lol", 0.138, 0.517, 0.344, 0.5249),
    ("It was one of the worst movies I've seen, despite good reviews.", 0.394, 0.606, 0.0, -0.7584),
    ("Unbelievably bad acting!!", 0.686, 0.314, 0.0, -0.6572),
    ("Poor direction.", 0.756, 0.244, 0.0, -0.4767),
    ("VERY poor production.", 0.674, 0.326, 0.0, -0.6281),
    ("The movie was bad.", 0.538, 0.462, 0.0, -0.5423),
    ("Very bad movie.", 0.655, 0.345, 0.0, -0.5849),
    ("VERY bad movie.", 0.694, 0.306, 0.0, -0.6732),
    ("VERY BAD movie.", 0.724, 0.276, 0.0, -0.7398),
    ("VERY BAD movie!", 0.735, 0.265, 0.0, -0.7616),
    ("Most automated sentiment analysis tools are shit.", 0.375, 0.625, 0.0, -0.5574),
    ("VADER sentiment analysis is the shit.", 0.0, 0.556, 0.444, 0.6124),
    ("Sentiment analysis has never been good.", 0.325, 0.675, 0.0, -0.3412),
    ("Sentiment analysis with VADER has never been this good.", 0.0, 0.703, 0.297, 0.5228),
    ("Warren Beatty has never been so entertaining.", 0.0, 0.616, 0.384, 0.5777),
    (
        "I won't say that the movie is astounding and I wouldn't claim that the movie is too banal either.",
        0.0, 0.851, 0.149, 0.4215,
    ),
    ("I like to hate Michael Bay films, but I couldn't fault this one", 0.157, 0.534, 0.309, 0.3153),
    (
        "I like to hate Michael Bay films, BUT I couldn't help but fault this one",
        0.277, 0.477, 0.246, -0.1531,
    ),
    (
        "It's one thing to watch an Uwe Boll film, but another thing entirely to pay for it",
        0.112, 0.888, 0.0, -0.2541,
    ),
    ("The movie was too good", 0.0, 0.58, 0.42, 0.4404),
    ("This movie was actually neither that funny, nor super witty.", 0.41, 0.59, 0.0, -0.6759),
    (
        "This movie doesn't care about cleverness, wit or any other kind of intelligent humor.",
        0.265, 0.497, 0.239, -0.1338,
    ),
    (
        "Those who find ugly meanings in beautiful things are corrupt without being charming.",
        0.314, 0.493, 0.192, -0.3553,
    ),
    (
        "There are slow and repetitive parts, BUT it has just enough spice to keep it interesting.",
        0.079, 0.735, 0.186, 0.4678,
    ),
    (
        "The script is not fantastic, but the acting is decent and the cinematography is EXCELLENT!",
        0.092, 0.607, 0.301, 0.7565,
    ),
    ("Roger Dodger is one of the most compelling variations on this theme.", 0.0, 0.834, 0.166, 0.2944),
    ("Roger Dodger is one of the least compelling variations on this theme.", 0.132, 0.868, 0.0, -0.1695),
    ("Roger Dodger is at least compelling as a variation on the theme.", 0.0, 0.84, 0.16, 0.2263),
    ("they fall in love with the product", 0.0, 0.588, 0.412, 0.6369),
    ("but then it breaks", 0.0, 1.0, 0.0, 0.0),
    ("usually around the time the 90 day warranty expires", 0.0, 1.0, 0.0, 0.0),
    ("the twin towers collapsed today", 0.344, 0.656, 0.0, -0.2732),
    (
        "However, Mr. Carter solemnly argues, his client carried out the kidnapping under orders "
        "and in the ''least offensive way possible.''",
        0.23, 0.697, 0.074, -0.5859,
    ),
]

# (sentence, neg, neu, pos, compound) from the examples in the vaderSentiment README.
VADER_README = [
    ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.0, 0.294, 0.706, 0.9469),
    ("VADER is not smart, handsome, nor funny.", 0.646, 0.354, 0.0, -0.7424),
    ("The book was only kind of good.", 0.0, 0.697, 0.303, 0.3832),
    ("Today only kinda sux! But I'll get by, lol", 0.127, 0.556, 0.317, 0.5249),
    ("Make sure you :) or :D today!", 0.0, 0.294, 0.706, 0.8633),
    ("Not bad at all", 0.0, 0.513, 0.487, 0.431),
]


@pytest.mark.parametrize("text, neg, neu, pos, compound", NLTK_DOCTEST + VADER_README)
def test_scores_equal_published_examples(text, neg, neu, pos, compound):
    row = score_sentences([text]).iloc[0]
    assert row["neg"] == pytest.approx(neg, abs=1e-4)
    assert row["neu"] == pytest.approx(neu, abs=1e-4)
    assert row["pos"] == pytest.approx(pos, abs=1e-4)
    assert row["compound"] == pytest.approx(compound, abs=1e-4)


def test_published_examples_in_one_call_keep_order():
    texts = [t for t, *_ in NLTK_DOCTEST]
    scored = score_sentences(texts)
    assert scored["text"].tolist() == texts
    assert scored["compound"].tolist() == [c for *_, c in NLTK_DOCTEST]
    assert list(scored.index) == list(range(len(texts)))


# ---------------------------------------------------------------------------------------
# Exactly NLTK's numbers, on many sentences
# ---------------------------------------------------------------------------------------

TEMPLATES = [
    "{w}",
    "It is {w}.",
    "It is not {w}!",
    "It is {W} and so {w}, but kind of {w}??",
    "It was never so {w}",
    "At least {w}.",
    "the least {w} thing",
    "He was very {w} but barely {w}!!!",
    "They were hardly {W} at all?",
    "{W}!!!! {w}...",
    "isn't really {w}",
    "without being EXTREMELY {w}",
    '"{w}," said he.',
    "the {w} kind of day",
    "never this {w} before",
    "sort of {w} but not {W}",
]

FILLERS = (
    "the a film it was is Zoom Kremlin at least very never so this but BUT But kind of sort just "
    "enough yeah right cut mustard kiss death hand to mouth bad ass shit bomb The not n't "
    "don't NEVER without despite seldom"
).split()
PUNCT = ["", ".", "!", "!!", "!!!", "!!!!!", "?", "??", "???", "????", "?!?", ",", ";", ":", "'", '"', "-"]


def _generated_sentences(analyser) -> list[str]:
    """Every lexicon entry in a rule-triggering template, plus random mixtures."""
    lexicon = sorted(analyser.lexicon)
    sentences = [
        TEMPLATES[k % len(TEMPLATES)].format(w=w, W=w.upper()) for k, w in enumerate(lexicon)
    ]
    rng = random.Random(20140601)
    negations = sorted(analyser.constants.NEGATE)
    boosters = sorted(analyser.constants.BOOSTER_DICT)
    for _ in range(4000):
        words = []
        for _ in range(rng.randint(1, 14)):
            r = rng.random()
            pool = lexicon if r < 0.35 else negations if r < 0.45 else boosters if r < 0.6 else FILLERS
            word = rng.choice(pool)
            if rng.random() < 0.15:
                word = word.upper()
            if rng.random() < 0.25:
                word += rng.choice(PUNCT)
            if rng.random() < 0.1:
                word = rng.choice(PUNCT) + word
            words.append(word)
        sentences.append(rng.choice([" ", " ", "  ", "\t"]).join(words) + rng.choice(PUNCT))
    return sentences


def _seed_sentences() -> list[str]:
    """Sentence-sized pieces of the seed reports (rough split; any text will do here)."""
    pieces = []
    for path in sorted(config.SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", text):
            pieces.append(paragraph)
            pieces.extend(re.split(r"(?<=[.!?])\s+", paragraph))
    return pieces


def test_scores_equal_nltk_on_generated_and_seed_sentences(vader):
    texts = _generated_sentences(vader) + _seed_sentences()
    assert len(texts) > 11000
    scored = score_sentences(texts)
    ours = scored[SCORES].values.tolist()
    mismatches = [(t, o) for t, o in zip(texts, ours) if o != nltk_scores(vader, t)]
    assert mismatches == []


def test_fast_path_gives_the_same_scores(vader):
    texts = _generated_sentences(vader)[:3000]
    full = score_sentences(texts)
    fast = score_sentences(texts, evidence=False)
    assert list(fast.columns) == ["text", *SCORES, "label"]
    assert fast[SCORES].equals(full[SCORES])
    assert fast["label"].tolist() == full["label"].tolist()


def test_evidence_adds_up_to_vaders_sum_and_compound(vader):
    texts = _generated_sentences(vader)[::3] + _seed_sentences()
    scored = score_sentences(texts)
    for row in scored.itertuples():
        total = 0.0
        for item in row.evidence:
            total += item["valence_final"]
        assert total == pytest.approx(row.valence_sum, abs=1e-9)
        s = row.valence_sum
        s = s + row.punct_emphasis if s > 0 else s - row.punct_emphasis if s < 0 else 0.0
        assert round(s / math.sqrt(s * s + 15), 4) == pytest.approx(row.compound, abs=1e-4)


# ---------------------------------------------------------------------------------------
# Evidence: the words and the rules
# ---------------------------------------------------------------------------------------


def test_words_of_the_readme_sentence():
    row = score_sentences(["VADER is smart, handsome, and funny."]).iloc[0]
    assert row["words"] == [("smart", 1.7), ("handsome", 2.2), ("funny", 1.9)]
    assert [(e["word"], e["start"], e["end"]) for e in row["evidence"]] == [
        ("smart", 9, 14),
        ("handsome", 16, 24),
        ("funny", 30, 35),
    ]
    assert all(e["adjustments"] == [] for e in row["evidence"])
    assert row["valence_sum"] == pytest.approx(1.7 + 2.2 + 1.9, abs=1e-9)
    assert row["punct_emphasis"] == 0.0
    assert row["label"] == "positive"


def test_evidence_words_are_exactly_the_lexicon_entries_present(vader):
    """Checked against NLTK's own tokenisation (SentiText) and lexicon."""
    c = vader.constants
    texts = _generated_sentences(vader)[::7] + _seed_sentences()
    scored = score_sentences(texts)
    for text, words, evidence in zip(texts, scored["words"], scored["evidence"]):
        tokens = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
        expected = []
        for token in tokens:
            first = tokens.index(token)
            kind_of = (
                first < len(tokens) - 1 and token.lower() == "kind" and tokens[first + 1].lower() == "of"
            )
            if token.lower() in vader.lexicon and not kind_of and token.lower() not in c.BOOSTER_DICT:
                expected.append((token.lower(), vader.lexicon[token.lower()]))
        assert words == expected, text
        for item in evidence:
            assert text[item["start"] : item["end"]] == item["word"]
            assert item["word"].lower() == item["entry"]


def _adjustments(text, word):
    row = score_sentences([text]).iloc[0]
    (item,) = [e for e in row["evidence"] if e["word"] == word]
    return item, [(a["rule"], a["trigger"], a["before"], a["after"]) for a in item["adjustments"]]


@pytest.mark.parametrize(
    "text, word, expected, final",
    [
        # "kind of" two words before: 1.9 - 0.293 = 1.607
        ("The book was kind of good.", "good", [("kind of", "kind of", 1.9, 1.607)], 1.607),
        # negation right before: 1.7 * -0.74 = -1.258
        ("VADER is not smart.", "smart", [("negation", "not", 1.7, -1.258)], -1.258),
        # CAPS: 1.7 + 0.733 = 2.433; CAPS booster: 2.433 + (0.293 + 0.733) = 3.459
        (
            "VADER is VERY SMART.",
            "SMART",
            [("caps", "SMART", 1.7, 2.433), ("booster", "VERY", 2.433, 3.459)],
            3.459,
        ),
        # booster on a negative word pushes it further down: -2.5 - 0.293 = -2.793
        ("Very bad movie.", "bad", [("booster", "Very", -2.5, -2.793)], -2.793),
        # "least" (not "at least"): 0.9 * -0.74 = -0.666
        (
            "Roger Dodger is one of the least compelling variations on this theme.",
            "compelling",
            [("least", "least", 0.9, -0.666)],
            -0.666,
        ),
        # the idiom "the shit" replaces -2.6 by 3
        ("VADER sentiment analysis is the shit.", "shit", [("idiom", "the shit", -2.6, 3.0)], 3.0),
        # "this" right before, three clean words back: 1.9 * 1.25 = 2.375
        (
            "Sentiment analysis with VADER has never been this good.",
            "good",
            [("so/this", "this", 1.9, 2.375)],
            2.375,
        ),
        # "so" boosts (+0.293), "never so" x1.5, and the x1.25 "so" rule: 1.9 -> 2.193 -> 3.2895 -> 4.111875
        (
            "It was never so good.",
            "good",
            [
                ("booster", "so", 1.9, 2.193),
                ("never so/this", "never so", 2.193, 3.2895),
                ("so/this", "so", 3.2895, 4.111875),
            ],
            4.111875,
        ),
        # before "but": 1.9 * 0.5 = 0.95
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            "good",
            [("but (before)", "but", 1.9, 0.95)],
            0.95,
        ),
        # negated, then after "but": 3.1 * -0.74 = -2.294; * 1.5 = -3.441
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            "great",
            [("negation", "not", 3.1, -2.294), ("but (after)", "but", -2.294, -3.441)],
            -3.441,
        ),
    ],
)
def test_adjustments_computed_by_hand(text, word, expected, final):
    item, got = _adjustments(text, word)
    assert [(rule, trigger) for rule, trigger, _, _ in got] == [(r, t) for r, t, _, _ in expected]
    for (_, _, before, after), (_, _, exp_before, exp_after) in zip(got, expected):
        assert before == pytest.approx(exp_before, abs=1e-4)
        assert after == pytest.approx(exp_after, abs=1e-4)
    assert item["valence_final"] == pytest.approx(final, abs=1e-4)
    for rule, *_ in got:
        assert rule in sentiment.ADJUSTMENT_RULES


def test_adjustment_offsets_point_at_the_trigger():
    text = "The plot was good, but the characters are uncompelling and the dialog is not great."
    row = score_sentences([text]).iloc[0]
    for item in row["evidence"]:
        for adj in item["adjustments"]:
            assert text[adj["start"] : adj["end"]] == adj["trigger"]


@pytest.mark.parametrize(
    "text, emphasis",
    [
        ("Today sux!", 0.292),  # one "!"
        ("Today sux !!!!!!", 4 * 0.292),  # "!" counts up to four
        ("Good??", 2 * 0.18),  # two or three "?" count 0.18 each
        ("Good ????", 0.96),  # four or more: 0.96
        ("Good!!!!!!", 0.0),  # "good!!!!!!" is not a lexicon word once glued to six marks
        ("Good?", 0.0),  # a single "?" adds nothing
        ("Zoom!", 0.0),  # nothing is added to a zero sum
    ],
)
def test_punctuation_emphasis(text, emphasis):
    assert score_sentences([text]).loc[0, "punct_emphasis"] == pytest.approx(emphasis, abs=1e-4)


# ---------------------------------------------------------------------------------------
# Empty and tiny inputs, bad inputs
# ---------------------------------------------------------------------------------------


def test_empty_list_gives_empty_frame_with_columns():
    empty = score_sentences([])
    assert empty.empty
    assert list(empty.columns) == [
        "text", *SCORES, "label", "words", "evidence", "valence_sum", "punct_emphasis",
    ]
    assert list(score_sentences([], evidence=False).columns) == ["text", *SCORES, "label"]


@pytest.mark.parametrize(
    "word, expected",
    [
        # 1.9 / sqrt(1.9**2 + 15) = 0.44043; one positive word of one: pos = 1
        ("good", {"neg": 0.0, "neu": 0.0, "pos": 1.0, "compound": 0.4404, "label": "positive"}),
        # -2.5 / sqrt(6.25 + 15) = -0.54233
        ("bad", {"neg": 1.0, "neu": 0.0, "pos": 0.0, "compound": -0.5423, "label": "negative"}),
        ("Zoom", {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0, "label": "neutral"}),
        # single characters are dropped by VADER: nothing left to score
        ("a", {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0, "label": "neutral"}),
        ("", {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0, "label": "neutral"}),
    ],
)
def test_one_word_inputs(word, expected):
    row = score_sentences([word]).iloc[0]
    for col, value in expected.items():
        if col == "label":
            assert row[col] == value
        else:
            assert row[col] == pytest.approx(value, abs=1e-4)


def test_label_thresholds():
    assert [sentiment.label_compound(c) for c in (0.05, 0.0499, 0.0, -0.0499, -0.05)] == [
        "positive",
        "neutral",
        "neutral",
        "neutral",
        "negative",
    ]


def test_single_string_is_refused():
    with pytest.raises(TypeError, match="list of strings"):
        score_sentences("The book was good.")
    with pytest.raises(TypeError, match=r"sentences\[1\]"):
        score_sentences(["fine", None])


def test_missing_vader_lexicon_raises_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    sentiment.load_vader.cache_clear()
    try:
        with pytest.raises(MissingNLTKDataError) as caught:
            score_sentences(["The book was good."])
        assert caught.value.package == "vader_lexicon"
        assert "setup" in str(caught.value)
    finally:
        sentiment.load_vader.cache_clear()


def test_missing_opinion_lexicon_raises_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    sentiment.load_opinion_lexicon.cache_clear()
    try:
        with pytest.raises(MissingNLTKDataError) as caught:
            opinion_scores(["The book was good."])
        assert caught.value.package == "opinion_lexicon"
    finally:
        sentiment.load_opinion_lexicon.cache_clear()


def test_the_cached_opinion_lexicon_is_keyed_on_the_code_that_builds_it():
    from analysis import cache

    loader = sentiment.load_opinion_lexicon.__wrapped__.__module__
    assert loader.startswith("analysis.sentiment.")  # a module of the package, not the package
    behind = cache.modules_behind(loader)
    assert {loader, "analysis.cache", "analysis.nlp.nltk_data"} <= set(behind)
    assert "analysis.sentiment.voices" not in behind  # what the lexicon is used for does not key it
    assert len(cache.code_version(loader)) == 64


# ---------------------------------------------------------------------------------------
# score_frame and summarize_tone
# ---------------------------------------------------------------------------------------


def test_score_frame_keeps_columns_and_index_and_leaves_input_alone():
    table = pd.DataFrame(
        {
            "sentence": [0, 1],
            "start": [0, 19],
            "end": [18, 37],
            "text": ["The book was good.", "The movie was bad."],
        },
        index=[10, 11],
    )
    before = table.copy()
    scored = score_frame(table)
    pd.testing.assert_frame_equal(table, before)
    assert list(scored.columns) == [
        "sentence", "start", "end", "text", *SCORES, "label",
        "words", "evidence", "valence_sum", "punct_emphasis",
    ]
    assert list(scored.index) == [10, 11]
    assert scored["compound"].tolist() == [0.4404, -0.5423]


def test_score_frame_needs_its_text_column():
    with pytest.raises(ValueError, match="sentence_text"):
        score_frame(pd.DataFrame({"text": ["x"]}), text_col="sentence_text")


def _hand_scored():
    return pd.DataFrame(
        {
            "article": ["A", "A", "A", "A", "B"],
            "text": ["a plus", "a minus", "a zero", "a small plus", "b minus"],
            "compound": [0.5, -0.5, 0.0, 0.2, -0.3],
        }
    )


def test_summarize_tone_by_article_by_hand():
    summary = summarize_tone(_hand_scored(), by="article")
    assert list(summary.columns) == [
        "article", "n_sentences", "mean_compound", "median_compound", "sd",
        "share_positive", "share_neutral", "share_negative",
        "most_negative_sentence", "most_positive_sentence",
    ]
    a, b = summary.iloc[0], summary.iloc[1]
    assert a["article"] == "A" and b["article"] == "B"
    assert a["n_sentences"] == 4
    # (0.5 - 0.5 + 0.0 + 0.2) / 4
    assert a["mean_compound"] == pytest.approx(0.05, abs=1e-4)
    # middle of 0.0 and 0.2
    assert a["median_compound"] == pytest.approx(0.1, abs=1e-4)
    # deviations 0.45, -0.55, -0.05, 0.15: squares sum to 0.53; sqrt(0.53 / 3)
    assert a["sd"] == pytest.approx(0.420317, abs=1e-4)
    # 0.5 and 0.2 are positive, -0.5 negative, 0.0 neutral
    assert a["share_positive"] == pytest.approx(0.5, abs=1e-4)
    assert a["share_neutral"] == pytest.approx(0.25, abs=1e-4)
    assert a["share_negative"] == pytest.approx(0.25, abs=1e-4)
    assert a["most_negative_sentence"] == "a minus"
    assert a["most_positive_sentence"] == "a plus"
    assert b["n_sentences"] == 1
    assert math.isnan(b["sd"])
    assert b["share_negative"] == pytest.approx(1.0, abs=1e-4)
    assert b["most_negative_sentence"] == "b minus"
    assert pd.isna(b["most_positive_sentence"])


def test_summarize_tone_whole_text_and_empty():
    whole = summarize_tone(_hand_scored())
    assert len(whole) == 1
    assert whole.loc[0, "n_sentences"] == 5
    # (0.5 - 0.5 + 0.0 + 0.2 - 0.3) / 5
    assert whole.loc[0, "mean_compound"] == pytest.approx(-0.02, abs=1e-4)
    assert whole.loc[0, "share_negative"] == pytest.approx(0.4, abs=1e-4)
    empty = summarize_tone(score_sentences([]), by=None)
    assert empty.empty and "mean_compound" in empty.columns


# ---------------------------------------------------------------------------------------
# Hu & Liu opinion lexicon and agreement
# ---------------------------------------------------------------------------------------


def test_opinion_scores_by_hand():
    texts = [
        "A good, reliable service with one bad flaw.",
        "Not good.",
        "A well-known anti-corruption campaigner.",
        "Zoom said.",
        "Misunderstanding and regret, unfortunately.",
    ]
    found = opinion_scores(texts)
    assert list(found.columns) == [
        "text", "n_positive", "n_negative", "score", "label", "positive_words", "negative_words",
    ]
    assert found["n_positive"].tolist() == [2, 1, 1, 0, 0]
    assert found["n_negative"].tolist() == [2, 0, 1, 0, 3]
    assert found["score"].tolist() == [0.0, 1.0, 0.0, 0.0, -1.0]
    assert found["label"].tolist() == ["neutral", "positive", "neutral", "neutral", "negative"]
    assert found.loc[0, "positive_words"] == ["good", "reliable"]
    assert found.loc[0, "negative_words"] == ["bad", "flaw"]
    # whole hyphenated entry, and the parts of one that is not in the lexicon
    assert found.loc[2, "positive_words"] == ["well-known"]
    assert found.loc[2, "negative_words"] == ["corruption"]
    assert opinion_scores([]).empty


def test_cohen_kappa_on_a_hand_computed_two_by_two():
    # 4 both positive, 1 positive/negative, 2 negative/positive, 3 both negative
    vader_labels = ["positive"] * 5 + ["negative"] * 5
    opinion_labels = ["positive"] * 4 + ["negative"] + ["positive"] * 2 + ["negative"] * 3
    # p_o = 7/10; p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5)
    assert cohen_kappa(vader_labels, opinion_labels) == pytest.approx(0.4, abs=1e-4)
    table = lexicon_agreement(pd.DataFrame({"label": vader_labels}), pd.DataFrame({"label": opinion_labels}))
    assert list(table.index) == ["positive", "neutral", "negative"]
    assert list(table.columns) == ["positive", "neutral", "negative"]
    assert table.loc["positive", "positive"] == 4
    assert table.loc["positive", "negative"] == 1
    assert table.loc["negative", "positive"] == 2
    assert table.loc["negative", "negative"] == 3
    assert int(table.to_numpy().sum()) == 10
    assert table.attrs["n"] == 10
    assert table.attrs["agreement"] == pytest.approx(0.7, abs=1e-4)
    assert table.attrs["kappa"] == pytest.approx(0.4, abs=1e-4)


def test_kappa_edge_cases():
    assert math.isnan(cohen_kappa([], []))
    assert math.isnan(cohen_kappa(["neutral"] * 3, ["neutral"] * 3))  # chance agreement is 1
    # perfect agreement on two labels: p_o = 1, p_e = 0.5
    assert cohen_kappa(["positive", "negative"], ["positive", "negative"]) == pytest.approx(1.0, abs=1e-4)
    with pytest.raises(ValueError):
        cohen_kappa(["positive"], [])
    with pytest.raises(ValueError, match="rows"):
        lexicon_agreement(pd.DataFrame({"label": ["positive"]}), pd.DataFrame({"label": []}))


def test_agreement_between_the_two_lexicons_on_real_sentences():
    texts = ["The book was good.", "The movie was bad.", "It rained."]
    table = lexicon_agreement(score_sentences(texts), opinion_scores(texts))
    assert table.loc["positive", "positive"] == 1
    assert table.loc["negative", "negative"] == 1
    assert table.loc["neutral", "neutral"] == 1
    assert table.attrs["agreement"] == pytest.approx(1.0, abs=1e-4)


# ---------------------------------------------------------------------------------------
# Voices
# ---------------------------------------------------------------------------------------


def test_quoted_spans_pairs_marks_in_order():
    text = 'He said "we regret it" and "no," then "".  Later: "fine."'
    spans = quoted_spans(text)
    assert list(spans.columns) == ["start", "end", "text", "speaker"]
    assert spans["text"].tolist() == ["we regret it", "no,", "", "fine."]
    assert spans["start"].tolist() == [9, 28, 39, 51]
    for start, end, inner in zip(spans["start"], spans["end"], spans["text"]):
        assert text[start:end] == inner
        assert text[start - 1] == '"' and text[end] == '"'
    assert set(spans["speaker"]) == {UNATTRIBUTED}


def test_quoted_spans_odd_marks_warn_and_leave_last_unpaired():
    with pytest.warns(UserWarning, match="offset 16"):
        spans = quoted_spans('"yes" she said, "no')
    assert spans["text"].tolist() == ["yes"]
    assert quoted_spans("").empty
    assert quoted_spans("no quotes here").empty


PARAGRAPH = (
    "Officials were upset. "
    '"This ban is a disaster for our universities," Peskov said. '
    'He added that the company was "not welcome" here.'
)


def _paragraph_sentences():
    texts = [
        "Officials were upset.",
        '"This ban is a disaster for our universities," Peskov said.',
        'He added that the company was "not welcome" here.',
    ]
    starts = [PARAGRAPH.index(t) for t in texts]
    return pd.DataFrame(
        {
            "sentence": [0, 1, 2],
            "start": starts,
            "end": [s + len(t) for s, t in zip(starts, texts)],
            "text": texts,
        }
    )


def _paragraph_quotes():
    rows = []
    for quote in ["This ban is a disaster for our universities,", "not welcome"]:
        start = PARAGRAPH.index(quote)
        rows.append({"speaker": "Dmitry Peskov", "start": start, "end": start + len(quote)})
    return pd.DataFrame(rows)


def test_voice_segments_split_quotes_from_narration(vader):
    segments = voice_segments(_paragraph_sentences(), _paragraph_quotes())
    assert segments[["sentence", "voice", "text"]].values.tolist() == [
        [0, NARRATOR, "Officials were upset."],
        [1, "Dmitry Peskov", "This ban is a disaster for our universities,"],
        [1, NARRATOR, "Peskov said."],
        [2, NARRATOR, "He added that the company was"],
        [2, "Dmitry Peskov", "not welcome"],
        [2, NARRATOR, "here."],
    ]
    for start, end, text in zip(segments["start"], segments["end"], segments["text"]):
        assert PARAGRAPH[start:end] == text
    assert segments["n_words"].tolist() == [3, 8, 2, 6, 2, 1]
    for text, compound in zip(segments["text"], segments["compound"]):
        assert compound == vader.polarity_scores(text)["compound"]


def test_tone_by_voice_on_a_paragraph(vader):
    voices = tone_by_voice(_paragraph_sentences(), _paragraph_quotes())
    assert list(voices.columns) == [
        "voice", "n_segments", "n_words", "mean_compound", "share_negative", "segments",
    ]
    assert voices["voice"].tolist() == [NARRATOR, "Dmitry Peskov"]
    narrator, peskov = voices.iloc[0], voices.iloc[1]
    assert narrator["n_segments"] == 4 and narrator["n_words"] == 3 + 2 + 6 + 1
    assert peskov["n_segments"] == 2 and peskov["n_words"] == 8 + 2
    narration = ["Officials were upset.", "Peskov said.", "He added that the company was", "here."]
    quoted = ["This ban is a disaster for our universities,", "not welcome"]
    expected_narrator = sum(vader.polarity_scores(t)["compound"] for t in narration) / 4
    expected_peskov = sum(vader.polarity_scores(t)["compound"] for t in quoted) / 2
    assert narrator["mean_compound"] == pytest.approx(expected_narrator, abs=1e-4)
    assert peskov["mean_compound"] == pytest.approx(expected_peskov, abs=1e-4)
    # "upset" is the narrator's only negative segment; both quotations are negative
    assert narrator["share_negative"] == pytest.approx(0.25, abs=1e-4)
    assert peskov["share_negative"] == pytest.approx(1.0, abs=1e-4)
    assert [s["text"] for s in peskov["segments"]] == quoted
    assert [s["sentence"] for s in peskov["segments"]] == [1, 2]


def test_tone_by_voice_falls_back_to_quotation_marks():
    voices = tone_by_voice(_paragraph_sentences())
    assert voices["voice"].tolist() == [NARRATOR, UNATTRIBUTED]
    assert voices["n_segments"].tolist() == [4, 2]
    # without offsets the sentences are laid end to end; the split is the same
    no_offsets = tone_by_voice(_paragraph_sentences()[["text"]])
    assert no_offsets["n_segments"].tolist() == [4, 2]


def test_tone_by_voice_per_article_and_offset_checks():
    one = _paragraph_sentences().assign(article="x")
    two = _paragraph_sentences().assign(article="y").iloc[:1]
    sentences = pd.concat([one, two], ignore_index=True)
    quotes = _paragraph_quotes().assign(article="x")
    voices = tone_by_voice(sentences, quotes)
    assert voices[["article", "voice", "n_segments"]].values.tolist() == [
        ["x", NARRATOR, 4],
        ["x", "Dmitry Peskov", 2],
        ["y", NARRATOR, 1],
    ]
    with pytest.raises(ValueError, match="several articles"):
        tone_by_voice(sentences, _paragraph_quotes())
    broken = _paragraph_sentences()
    broken.loc[0, "end"] += 1
    with pytest.raises(ValueError, match="row 0"):
        tone_by_voice(broken, _paragraph_quotes())


def test_tone_by_voice_empty():
    empty = tone_by_voice(pd.DataFrame({"start": [], "end": [], "text": []}), _paragraph_quotes())
    assert empty.empty
    assert "mean_compound" in empty.columns


# ---------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------


def _target_sentences():
    return pd.DataFrame(
        {
            "article": ["A", "A", "A", "B", "B", "B"],
            "sentence": [0, 1, 2, 0, 1, 2],
            "text": [
                "Zoom's ban angered users.",
                "The Kremlin regrets it.",
                "Zooms and zoom calls are fine.",
                "ZOOM is great.",
                "Everyone zoomed out.",
                "The zoomer app.",
            ],
        }
    )


def test_term_mentions_whole_words_plural_possessive():
    mentions = term_mentions(_target_sentences(), ["Zoom"])
    assert mentions[["article", "sentence"]].values.tolist() == [["A", 0], ["A", 2], ["B", 0]]
    assert mentions["n_matches"].tolist() == [1, 2, 1]
    assert mentions["matches"].tolist() == [[(0, 6)], [(0, 5), (10, 14)], [(0, 4)]]
    assert mentions["term"].tolist() == ["Zoom"] * 3


def test_tone_towards_side_by_side(vader):
    table = tone_towards(_target_sentences(), ["Zoom", "Kremlin"])
    assert list(table.columns) == [
        "term", "article", "n_sentences", "n_mentions", "mean_compound", "share_negative",
        "mean_towards", "share_negative_towards", "sentences",
    ]
    assert table[["term", "article", "n_sentences", "n_mentions"]].values.tolist() == [
        ["Zoom", "A", 2, 3],
        ["Zoom", "B", 1, 1],
        ["Kremlin", "A", 1, 1],
        ["Kremlin", "B", 0, 0],
    ]
    a_texts = ["Zoom's ban angered users.", "Zooms and zoom calls are fine."]
    a_zoom = [vader.polarity_scores(t)["compound"] for t in a_texts]
    b_zoom = vader.polarity_scores("ZOOM is great.")["compound"]
    assert table.loc[0, "mean_compound"] == pytest.approx(sum(a_zoom) / 2, abs=1e-4)
    assert table.loc[1, "mean_compound"] == pytest.approx(b_zoom, abs=1e-4)
    assert math.isnan(table.loc[3, "mean_compound"])
    assert table.loc[3, "sentences"] == []
    assert [s["text"] for s in table.loc[0, "sentences"]] == a_texts
    assert [s["sentence"] for s in table.loc[0, "sentences"]] == [0, 2]


def test_tone_towards_uses_existing_scores():
    scored = pd.DataFrame({"text": ["Zoom here.", "Zoom there."], "compound": [0.5, -0.1]})
    table = tone_towards(scored, ["zoom"])
    assert table.loc[0, "mean_compound"] == pytest.approx(0.2, abs=1e-4)
    assert table.loc[0, "share_negative"] == pytest.approx(0.5, abs=1e-4)
    assert tone_towards(scored, []).empty


# ---------------------------------------------------------------------------------------
# Whole articles: scores, headline and lead, timeline
# ---------------------------------------------------------------------------------------

# VADER compounds printed in NLTK's doctest (NLTK_DOCTEST above)
GOOD, BAD = 0.4404, -0.5423  # "The book was good.", "The movie was bad."


def _articles():
    from analysis.corpus import Article

    return [
        Article(
            id="A", outlet="Alpha", headline="A really bad, horrible book.",
            text="The book was good. The movie was bad. It rained.",
        ),
        Article(id="B", outlet="", headline="", text="The movie was bad."),
    ]  # fmt: skip


def test_score_articles_keeps_ids_offsets_and_outlets():
    scored = sentiment.score_articles(_articles(), evidence=False)
    assert list(scored.columns) == [
        "article", "outlet", "sentence", "paragraph", "start", "end", "text", *SCORES, "label",
    ]  # fmt: skip
    assert scored[["article", "outlet", "sentence"]].values.tolist() == [
        ["A", "Alpha", 0], ["A", "Alpha", 1], ["A", "Alpha", 2], ["B", "", 0],
    ]  # fmt: skip
    assert scored["compound"].tolist() == [GOOD, BAD, 0.0, BAD]
    text = _articles()[0].text
    for start, end, sentence in zip(scored["start"][:3], scored["end"][:3], scored["text"][:3]):
        assert text[start:end] == sentence
    assert "evidence" in sentiment.score_articles(_articles()).columns
    empty = sentiment.score_articles([])
    assert empty.empty and {"article", "compound", "evidence"} <= set(empty.columns)


def test_article_tone_headline_lead_and_summary_by_hand():
    tone = sentiment.article_tone(_articles())
    assert list(tone.columns) == [
        "article", "outlet", "headline", "headline_compound", "headline_label",
        "lead_compound", "lead_label", "n_sentences", "mean_compound", "median_compound", "sd",
        "share_positive", "share_neutral", "share_negative",
        "most_negative_sentence", "most_positive_sentence",
    ]  # fmt: skip
    a, b = tone.iloc[0], tone.iloc[1]
    assert a["article"] == "A" and a["outlet"] == "Alpha"
    # "A really bad, horrible book." is in NLTK's doctest: -0.8211
    assert a["headline_compound"] == pytest.approx(-0.8211, abs=1e-4)
    assert a["headline_label"] == "negative"
    # lead = first two sentences: (0.4404 - 0.5423) / 2 = -0.05095, just past the -0.05 cut-off
    assert a["lead_compound"] == pytest.approx(-0.05095, abs=1e-5)
    assert a["lead_label"] == "negative"
    assert a["n_sentences"] == 3
    # (0.4404 - 0.5423 + 0) / 3
    assert a["mean_compound"] == pytest.approx(-0.033967, abs=1e-5)
    assert a["share_positive"] == pytest.approx(1 / 3, abs=1e-4)
    assert a["most_negative_sentence"] == "The movie was bad."
    # no headline: no score and no label; a one-sentence lead
    assert b["headline"] == "" and math.isnan(b["headline_compound"]) and b["headline_label"] == ""
    assert b["lead_compound"] == pytest.approx(BAD, abs=1e-4)
    assert b["n_sentences"] == 1


def test_article_tone_lead_length_and_empty_input():
    one = sentiment.article_tone(_articles()[:1], lead=1)
    assert one.loc[0, "lead_compound"] == pytest.approx(GOOD, abs=1e-4)
    assert one.loc[0, "lead_label"] == "positive"
    with pytest.raises(ValueError, match="lead"):
        sentiment.article_tone(_articles(), lead=0)
    empty = sentiment.article_tone([])
    assert empty.empty and "headline_compound" in empty.columns


def _timeline_input():
    return pd.DataFrame(
        {
            "article": ["A", "A", "A", "A", "B"],
            "sentence": [0, 1, 2, 3, 0],
            "text": ["a0", "a1", "a2", "a3", "b0"],
            "compound": [0.5, -0.5, 0.0, 0.2, -0.3],
        },
        index=[10, 11, 12, 13, 14],
    )


def test_tone_timeline_positions_and_centred_rolling_mean():
    data = _timeline_input()
    before = data.copy()
    timeline = sentiment.tone_timeline(data)
    pd.testing.assert_frame_equal(data, before)
    assert list(timeline.columns) == ["article", "sentence", "position", "compound", "rolling_mean", "text"]
    # rank / (n - 1); a one-sentence article sits at 0
    assert timeline["position"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1, 0], abs=1e-9)
    # window 3: (0.5 - 0.5) / 2, (0.5 - 0.5 + 0) / 3, (-0.5 + 0 + 0.2) / 3, (0 + 0.2) / 2, -0.3 alone
    assert timeline["rolling_mean"].tolist() == pytest.approx([0.0, 0.0, -0.1, 0.1, -0.3], abs=1e-9)
    # window 5: [0.5, -0.5, 0], [0.5, -0.5, 0, 0.2] twice, [-0.5, 0, 0.2]
    five = sentiment.tone_timeline(data, window=5)
    assert five["rolling_mean"].tolist() == pytest.approx([0.0, 0.05, 0.05, -0.1, -0.3], abs=1e-9)
    one = sentiment.tone_timeline(data, window=1)
    assert one["rolling_mean"].tolist() == data["compound"].tolist()


@pytest.mark.parametrize("window", [0, 2, -3, 1.0])
def test_tone_timeline_refuses_even_or_bad_windows(window):
    with pytest.raises(ValueError, match="window"):
        sentiment.tone_timeline(_timeline_input(), window=window)


def test_tone_timeline_whole_text_and_empty():
    whole = sentiment.tone_timeline(_timeline_input().drop(columns="article"), by=None)
    assert whole["position"].tolist() == pytest.approx([0, 0.25, 0.5, 0.75, 1], abs=1e-9)
    assert whole["rolling_mean"].iloc[-1] == pytest.approx((0.2 - 0.3) / 2, abs=1e-9)
    empty = sentiment.tone_timeline(pd.DataFrame({"article": [], "compound": []}))
    assert empty.empty and "rolling_mean" in empty.columns


# ---------------------------------------------------------------------------------------
# Evidence for display
# ---------------------------------------------------------------------------------------


def test_extreme_sentences_per_article_ties_and_neutral_articles():
    scored = pd.DataFrame(
        {
            "article": ["A", "A", "A", "A", "B", "C"],
            "text": ["a0", "a1", "a2", "a3", "b0", "c0"],
            "compound": [0.3, -0.4, 0.3, -0.4, 0.0, -0.2],
        }
    )
    picks = sentiment.extreme_sentences(scored)
    assert list(picks.columns) == ["which", "article", "text", "compound"]
    # ties go to the earlier sentence; B has neither; C has no positive sentence
    assert picks[["which", "article", "text"]].values.tolist() == [
        ["most negative", "A", "a1"],
        ["most positive", "A", "a0"],
        ["most negative", "C", "c0"],
    ]
    whole = sentiment.extreme_sentences(scored, by=None)
    assert whole["text"].tolist() == ["a1", "a0"]


def test_evidence_table_rows_are_the_scored_words_with_their_rules():
    scored = score_sentences(["It is not good.", "It rained.", "Very bad movie."]).assign(article=["x", "x", "y"])
    table = sentiment.evidence_table(scored)
    assert list(table.columns) == [
        "article", "compound", "word", "start", "end", "valence_base", "adjustments", "valence_final",
    ]  # fmt: skip
    # "It rained." has no lexicon word, so no row
    assert table["word"].tolist() == ["good", "bad"]
    assert table["article"].tolist() == ["x", "y"]
    assert table[["start", "end"]].values.tolist() == [[10, 14], [5, 8]]
    # good 1.9 negated: 1.9 x -0.74 = -1.406; bad -2.5 boosted by "Very": -2.5 - 0.293 = -2.793
    assert table["valence_base"].tolist() == [1.9, -2.5]
    assert table["valence_final"].tolist() == pytest.approx([-1.406, -2.793], abs=1e-9)
    assert table["adjustments"].tolist() == [
        "negation ('not'): 1.9 -> -1.406",
        "booster ('Very'): -2.5 -> -2.793",
    ]
    assert table["compound"].tolist() == [-0.3412, -0.5849]
    with pytest.raises(ValueError, match="evidence"):
        sentiment.evidence_table(score_sentences(["It is good."], evidence=False))


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_highlight_evidence_marks_words_and_triggers_and_escapes_everything():
    import html

    text = 'It is not good <script>alert("x")</script>.'
    row = score_sentences([text]).iloc[0]
    markup = sentiment.highlight_evidence(text, row["evidence"])
    assert "<script" not in markup and "&lt;script&gt;" in markup
    # removing the tags leaves exactly the escaped sentence
    assert _strip_tags(markup) == html.escape(text, quote=True)
    assert '<u style="text-decoration-style: dotted">not</u>' in markup
    negative = sentiment.HIGHLIGHT_COLORS["negative"]
    assert re.search(rf'<mark style="background: {re.escape(negative)}[^>]*>good</mark>', markup)
    assert "negation (&#x27;not&#x27;): 1.9 -&gt; -1.406; final -1.406" in markup
    assert sentiment.highlight_evidence("a < b", None) == "a &lt; b"


def test_highlight_evidence_with_overlapping_idiom_and_positive_word():
    text = "VADER sentiment analysis is the shit."
    row = score_sentences([text]).iloc[0]
    markup = sentiment.highlight_evidence(text, row["evidence"])
    assert _strip_tags(markup) == text
    positive = sentiment.HIGHLIGHT_COLORS["positive"]
    # "the" is only a trigger; "shit" is the word (final +3.0 by the idiom) and a trigger
    assert '<u style="text-decoration-style: dotted">the </u>' in markup
    assert re.search(rf'<mark style="background: {re.escape(positive)}[^>]*><u [^>]*>shit</u></mark>', markup)


def test_evidence_html_has_a_heading_per_sentence_escaped():
    scored = score_sentences(["It is not good.", "Fine <b>day</b>."]).assign(article=["a<1>", "b"], sentence=[0, 3])
    markup = sentiment.evidence_html(scored)
    assert markup.startswith('<div class="mediaframes-evidence">') and markup.endswith("</div>")
    assert "a&lt;1&gt; · sentence 0 · compound -0.3412 (negative)" in markup
    assert "b · sentence 3 · compound +0.2023 (positive)" in markup
    assert "Fine &lt;b&gt;day&lt;/b&gt;." in _strip_tags(markup)


# ---------------------------------------------------------------------------------------
# Voices from the sources table
# ---------------------------------------------------------------------------------------

VOICE_TEXT = 'Officials were upset. "This ban is a disaster," Peskov said. He said it was not welcome.'


def _fake_extract(text):
    """Stands in for analysis.sources.extract_quotes: a fixed table for VOICE_TEXT, else nothing."""
    if text != VOICE_TEXT:
        return pd.DataFrame(columns=["speaker", "kind", "start", "end", "quote"])
    rows = []
    for speaker, kind, quote in [
        ("Dmitry Peskov", "indirect", "it was not welcome"),  # out of order on purpose
        ("Dmitry Peskov", "direct", "This ban is a disaster,"),
    ]:
        start = text.index(quote)
        rows.append({"speaker": speaker, "kind": kind, "start": start, "end": start + len(quote), "quote": quote})
    return pd.DataFrame(rows)


def _voice_articles():
    from analysis.corpus import Article

    return [
        Article(id="P", outlet="Alpha", text=VOICE_TEXT),
        Article(id="Q", outlet="Beta", text='The mayor called it "a great success" on Monday.'),
    ]


def test_voice_quotes_uses_the_extractor_and_falls_back_to_quotation_marks():
    quotes = sentiment.voice_quotes(_voice_articles(), extract=_fake_extract)
    assert list(quotes.columns) == ["article", "speaker", "kind", "start", "end", "quote", "method"]
    assert quotes[["article", "speaker", "kind", "quote", "method"]].values.tolist() == [
        ["P", "Dmitry Peskov", "direct", "This ban is a disaster,", sentiment.BY_ATTRIBUTION],
        ["P", "Dmitry Peskov", "indirect", "it was not welcome", sentiment.BY_ATTRIBUTION],
        ["Q", UNATTRIBUTED, "quoted", "a great success", sentiment.BY_QUOTATION_MARKS],
    ]
    texts = {a.id: a.text for a in _voice_articles()}
    for article, start, end, quote in zip(quotes["article"], quotes["start"], quotes["end"], quotes["quote"]):
        assert texts[article][start:end] == quote
    direct = sentiment.voice_quotes(_voice_articles(), kinds=["direct"], extract=_fake_extract)
    # the kind filter applies to extracted rows; the fallback rows of Q stay
    assert direct["kind"].tolist() == ["direct", "quoted"]
    assert sentiment.voice_quotes([], extract=_fake_extract).empty


def test_voice_quotes_feed_tone_by_voice_per_article(vader):
    articles = _voice_articles()
    sentences = pd.concat([a.sentences.assign(article=a.id) for a in articles], ignore_index=True)
    voices = tone_by_voice(sentences, sentiment.voice_quotes(articles, extract=_fake_extract))
    assert voices[["article", "voice", "n_segments"]].values.tolist() == [
        ["P", NARRATOR, 3],
        ["P", "Dmitry Peskov", 2],
        ["Q", NARRATOR, 2],
        ["Q", UNATTRIBUTED, 1],
    ]
    peskov = voices.iloc[1]
    expected = (vader.polarity_scores("This ban is a disaster,")["compound"]
                + vader.polarity_scores("it was not welcome")["compound"]) / 2  # fmt: skip
    assert peskov["mean_compound"] == pytest.approx(expected, abs=1e-4)


def test_voice_quotes_on_the_seeds_point_into_each_text(seed_corpus):
    quotes = sentiment.voice_quotes(seed_corpus)
    assert set(quotes["article"]) == set(seed_corpus.ids)
    for article in seed_corpus:
        rows = quotes[quotes["article"] == article.id]
        assert len(rows) > 0
        assert set(rows["method"]) == {sentiment.BY_ATTRIBUTION}
        for start, end, quote in zip(rows["start"], rows["end"], rows["quote"]):
            assert 0 <= start < end <= len(article.text)
            assert article.text[start:end] == quote


def _hand_voices():
    def segs(*scores):
        return [{"text": f"s{k}", "compound": c} for k, c in enumerate(scores)]

    return pd.DataFrame(
        {
            "article": ["A", "A", "A", "B"],
            "voice": [NARRATOR, "Dmitry Peskov", "the media", NARRATOR],
            "segments": [segs(0.2, 0.0), segs(-0.6), segs(-0.3, 0.1), segs(-0.2)],
        }
    )


def test_narration_vs_quotes_pools_quoted_segments_by_hand():
    table = sentiment.narration_vs_quotes(_hand_voices())
    assert list(table.columns) == [
        "article", "narrator_segments", "narrator_mean", "narrator_share_negative",
        "quoted_segments", "quoted_mean", "quoted_share_negative", "difference",
    ]  # fmt: skip
    a, b = table.iloc[0], table.iloc[1]
    assert (a["narrator_segments"], a["quoted_segments"]) == (2, 3)
    assert a["narrator_mean"] == pytest.approx(0.1, abs=1e-9)  # (0.2 + 0) / 2
    assert a["narrator_share_negative"] == pytest.approx(0.0, abs=1e-9)
    assert a["quoted_mean"] == pytest.approx(-0.8 / 3, abs=1e-9)  # (-0.6 - 0.3 + 0.1) / 3
    assert a["quoted_share_negative"] == pytest.approx(2 / 3, abs=1e-9)  # -0.6 and -0.3
    assert a["difference"] == pytest.approx(-0.8 / 3 - 0.1, abs=1e-9)
    assert b["narrator_mean"] == pytest.approx(-0.2, abs=1e-9)
    assert b["quoted_segments"] == 0 and math.isnan(b["quoted_mean"]) and math.isnan(b["difference"])
    whole = sentiment.narration_vs_quotes(_hand_voices().drop(columns="article"))
    assert len(whole) == 1 and whole.loc[0, "narrator_segments"] == 3


# ---------------------------------------------------------------------------------------
# The two lexicons sentence by sentence
# ---------------------------------------------------------------------------------------


def test_lexicon_comparison_side_by_side():
    texts = ["The book was good.", "Not bad at all.", "It rained."]
    both = sentiment.lexicon_comparison(
        score_sentences(texts).assign(article="x", sentence=[0, 1, 2]), opinion_scores(texts)
    )
    assert list(both.columns) == [
        "article", "sentence", "text", "vader_compound", "vader_label", "vader_words",
        "opinion_score", "opinion_label", "opinion_words", "agree",
    ]  # fmt: skip
    # VADER reads "Not bad at all" as positive (0.431, vaderSentiment README); Hu & Liu counts "bad"
    assert both["vader_compound"].tolist() == [GOOD, 0.431, 0.0]
    assert both["vader_label"].tolist() == ["positive", "positive", "neutral"]
    assert both["vader_words"].tolist() == ["good", "bad", ""]
    assert both["opinion_label"].tolist() == ["positive", "negative", "neutral"]
    assert both["opinion_words"].tolist() == ["+good", "-bad", ""]
    assert both["agree"].tolist() == [True, False, True]
    no_evidence = sentiment.lexicon_comparison(score_sentences(texts, evidence=False), opinion_scores(texts))
    assert no_evidence["vader_words"].tolist() == ["", "", ""]
    with pytest.raises(ValueError, match="rows"):
        sentiment.lexicon_comparison(score_sentences(texts), opinion_scores(texts[:2]))


def test_score_columns_equal_score_sentences():
    texts = ["Great news for everyone!", "The talks failed badly.", "It rained."]
    frame = sentiment.score_sentences(texts)
    columns = sentiment.score_columns(texts)
    assert list(columns) == list(frame.columns)
    for col in ("text", "neg", "neu", "pos", "compound", "label", "valence_sum"):
        assert columns[col] == frame[col].tolist(), col
    assert all(isinstance(v, float) for v in columns["compound"])


# ---------------------------------------------------------------------------------------
# The tone towards a target (target_tone, the trained model, finding mentions)
# ---------------------------------------------------------------------------------------


def _by_target(table):
    return {row.target: row.label for row in table.itertuples()}


def test_target_tone_columns_and_spans():
    text = "Brown praised the courage of Green."
    table = target_tone(text, [(0, 5), (29, 34)])
    assert list(table.columns) == TARGET_TONE_COLUMNS
    assert table["target"].tolist() == ["Brown", "Green"]
    assert table["via"].tolist() == ["span", "span"]
    assert all(-1 <= s <= 1 for s in table["score"])
    with pytest.raises(ValueError, match="not inside the text"):
        target_tone(text, [(30, 99)])
    with pytest.raises(TypeError, match="list of names"):
        target_tone(text, "Brown")
    assert target_tone(text, ["Nobody"]).empty


@pytest.mark.parametrize(
    "text, expected",
    [
        # one person attacks another, who is described well
        ("Smith attacked Jones, a brave and honest man.", {"Jones": "positive"}),
        # one praised, one accused: the sentence has one tone, the targets two
        ("The corrupt mayor Green was accused of fraud, while Brown was hailed as a hero.",
         {"Green": "negative"}),
        # a victim of an attack is not spoken of negatively
        ("The victim of the attack, Maria Lopez, was recovering in hospital.", {"Maria Lopez": "neutral"}),
    ],
)  # fmt: skip
def test_target_tone_labels_on_written_sentences(text, expected):
    found = _by_target(target_tone(text, list(expected)))
    assert found == expected


def test_target_tone_differs_from_sentence_tone_where_targets_differ(vader):
    text = "Brown praised Green, whose reckless lies had hurt the town."
    sentence = label_compound(vader.polarity_scores(text)["compound"])
    labels = _by_target(target_tone(text, ["Brown", "Green"]))
    assert labels["Green"] == "negative"
    assert labels["Brown"] != labels["Green"]
    assert sentence != labels["Brown"] or sentence != labels["Green"]


def test_target_tone_evidence_points_at_the_words():
    text = "Smith attacked Jones, a brave and honest man."
    (row,) = target_tone(text, ["Jones"]).itertuples()
    assert row.evidence, "a decision needs its evidence"
    for item in row.evidence:
        assert text[item["start"]:item["end"]] == item["text"]
        assert item["cue"]
    words = {e["text"]: e["weight"] for e in row.evidence}
    assert words["brave"] > 0 and words["attacked"] < 0


def test_target_tone_evidence_offsets_in_a_longer_text():
    text = "It rained all day. Later Brown praised the brave work of Green."
    (row,) = target_tone(text, ["Green"]).itertuples()
    assert (row.start, row.end) == (57, 62)
    assert any(e["text"] == "brave" and text[e["start"]:e["end"]] == "brave" for e in row.evidence)


def test_target_mentions_dotted_alias_surname_title_pronoun():
    text = "The F.B.I. opened a case. Donald Trump denied it. Mr. Trump said he was innocent."
    table = target_tone(text, ["FBI", "Donald Trump"])
    found = [(r.target, r.mention, r.via) for r in table.itertuples()]
    assert ("FBI", "F.B.I.", "name") in found
    assert ("Donald Trump", "Donald Trump", "name") in found
    assert ("Donald Trump", "Trump", "surname") in found
    assert ("Donald Trump", "he", "pronoun") in found
    # "it" refers to the case here, but the FBI is an organisation mentioned before it
    assert all(m != "it" or t == "FBI" for t, m, _v in found)
    for r in table.itertuples():
        assert text[r.start:r.end] == r.mention


def test_target_mentions_pronoun_follows_gender():
    text = "John Baker met Mary Stone. She thanked him."
    found = [(m["target"], text[m["start"]:m["end"]]) for m in find_mentions(text, ["John Baker", "Mary Stone"])]
    assert ("Mary Stone", "She") in found
    assert ("John Baker", "him") in found
    assert find_mentions("The US and the United States.", ["United States"])[0]["start"] == 4


def test_term_mentions_add_the_tone_towards_the_term():
    sents = pd.DataFrame({"text": ["Brown praised Green, whose reckless lies had hurt the town."]})
    rows = term_mentions(sents, ["Green", "Brown"])
    assert rows["towards_label"].tolist()[0] == "negative"
    assert rows["towards_label"].tolist()[1] != "negative"
    table = tone_towards(sents, ["Green"])
    assert table.loc[0, "share_negative_towards"] == pytest.approx(1.0)
    assert table.loc[0, "sentences"][0]["towards_label"] == "negative"


def test_target_model_weights_are_small_and_readable():
    model = lexicons.model_json(target_model.MODEL_FILE)
    assert model["classes"] == ["negative", "neutral", "positive"]
    assert all(len(w) == 3 for w in model["weights"].values())
    assert lexicons.model_path(target_model.MODEL_FILE).stat().st_size < 3_000_000


def test_target_model_evaluate_on_devdata_or_skip():
    folder = config.DEVDATA_DIR / "target_sentiment"
    if not (folder / "dev.jsonl").is_file():
        pytest.skip("the tone-towards evaluation needs ../shared/devdata/target_sentiment")
    from analysis.sentiment.target_eval import evaluation

    result = evaluation(folder / "dev.jsonl")
    assert set(result) == {"dev-rw", "dev-mt"}
    for part in result.values():
        assert part["target model"]["macro_f1"] > part["sentence VADER"]["macro_f1"]
        assert part["target model"]["macro_f1"] >= 0.6


def test_target_eval_scores_by_hand():
    from analysis.sentiment.target_eval import scores

    s = scores(["negative", "negative", "neutral", "positive"], ["negative", "neutral", "neutral", "neutral"])
    assert s["accuracy"] == pytest.approx(0.5)
    assert s["f1"]["negative"] == pytest.approx(2 / 3)
    assert s["f1"]["neutral"] == pytest.approx(0.5)
    assert s["f1"]["positive"] == 0.0
    assert s["macro_f1"] == pytest.approx((2 / 3 + 0.5) / 3)
    assert s["confusion"]["positive"]["neutral"] == 1
