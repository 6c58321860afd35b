"""Tests for :mod:`analysis.nlp.text`: each cleaning step alone, their composition, and
offset-preserving segmentation (paragraphs, sentences, tokens).

Expectations are written from the inputs: every offset test checks ``text[start:end]``
against the row itself, and every cleaning case states the string a reader would write.
"""

from __future__ import annotations

import re

import pytest

from analysis.nlp import text as T
from analysis.nlp import tokens as TK

CURLY_DOUBLE = "\u201c\u201d\u201e\u201f\u00ab\u00bb"
CURLY_SINGLE = "\u2018\u2019\u201a\u201b\u2039\u203a"


# --------------------------------------------------------------------------- cleaning steps


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("AT&amp;T", "AT&T"),
        ("&quot;said&quot;", '"said"'),
        ("&#8220;Hi&#8221;", "\u201cHi\u201d"),
        ("&ldquo;Hi&rdquo; &rsquo;", "\u201cHi\u201d \u2019"),
        ("one&nbsp;two", "one\u00a0two"),
    ],
)
def test_unescape_entities(raw, expected):
    assert T.unescape_entities(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("the daily <u>quoted</u> the company", "the daily quoted the company"),
        ("The Kremlin <U>said</U>", "The Kremlin said"),
        ('see <a href="https://x.org/a">the report</a>', "see the report"),
        ("revenue from it. **Zuma / TASS**", "revenue from it. Zuma / TASS"),
        ("an __emphasised__ word", "an emphasised word"),
        # not markup: a spaced operator, an identifier, a block tag the step leaves alone
        ("2 ** 3 ** 4", "2 ** 3 ** 4"),
        ("snake__case__name", "snake__case__name"),
        ("<div>kept</div>", "<div>kept</div>"),
    ],
)
def test_strip_markup(raw, expected):
    assert T.strip_markup(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u201cHi,\u201d he said.", '"Hi," he said.'),
        ("\u201eJa\u201c, sagte er", '"Ja", sagte er'),  # German low-high
        ("\u00abDa\u00bb", '"Da"'),  # angle (guillemets)
        ("\u2018single\u2019", "'single'"),
        ("\u201alow\u2018", "'low'"),
        ("\u2039angle\u203a", "'angle'"),
        ("It\u2019s the company\u2019s", "It's the company's"),
    ],
)
def test_normalize_quotes(raw, expected):
    out = T.normalize_quotes(raw)
    assert out == expected
    assert not set(out) & set(CURLY_DOUBLE + CURLY_SINGLE)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("cafe\u0301", "caf\u00e9"),  # combining accent composed (NFC)
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffStart", "Start"),
        ("a\u200c\u200d\u2060b", "ab"),
    ],
)
def test_normalize_unicode(raw, expected):
    assert T.normalize_unicode(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("One  \t two", "One two"),
        ("One\u00a0two\u2009three", "One two three"),
        # blank lines present: they separate paragraphs, single breaks are hard wraps
        ("Line one\nwrapped on.\n\nPara two", "Line one wrapped on.\n\nPara two"),
        ("A\n\n\n\nB", "A\n\nB"),
        ("A\n   \t\nB", "A\n\nB"),  # a line of spaces is a blank line
        # no blank lines: every line is a paragraph
        ("First\nSecond\nThird", "First\n\nSecond\n\nThird"),
        ("\n\nFirst\nSecond\n\n", "First\n\nSecond"),  # edge blank lines do not count
        # line-ending flavours
        ("A\r\n\r\nB\r\nC", "A\n\nB C"),
        ("A\rB", "A\n\nB"),
        ("A\u2029B", "A\n\nB"),
        (" \n \n\t", ""),
    ],
)
def test_normalize_whitespace(raw, expected):
    assert T.normalize_whitespace(raw) == expected


def test_make_pipeline_applies_steps_left_to_right():
    assert T.make_pipeline(str.upper, lambda s: s + "!")("ab") == "AB!"
    assert T.make_pipeline(lambda s: s + "!", lambda s: s.replace("!", "?"))("ab") == "ab?"
    assert T.make_pipeline()("unchanged") == "unchanged"


CLEAN_CASES = [
    (
        "  &ldquo;We <u>will</u> keep it,&rdquo; the  mayor\u00a0said.\r\n\r\n**Photo credit**\u200b\r\n",
        '"We will keep it," the mayor said.\n\nPhoto credit',
    ),
    ("&#8216;Zoom&#8217;s&#8217;   call\n__now__", "'Zoom's' call\n\nnow"),
    ("cafe\u0301 \u00abDa\u00bb\n\n\n\nnext  line", 'caf\u00e9 "Da"\n\nnext line'),
]


@pytest.mark.parametrize("raw, expected", CLEAN_CASES)
def test_clean_text_composes_every_step(raw, expected):
    assert T.clean_text(raw) == expected
    assert T.clean_text(expected) == expected  # idempotent


# --------------------------------------------------------------------------- segmentation

# Cleaned texts (paragraphs separated by exactly one blank line).
SEGMENT_TEXTS = [
    'Zoom said in its Thursday statement that it was still "in the process of developing '
    'our approach to the market."\n\n"Meanwhile, new and existing users can request the '
    'purchase of Zoom accounts directly," Zoom said.',
    "Mr. Peskov met U.S. officials on Monday. They talked for an hour.\n\n"
    "A heading without a full stop\n\nThe body starts here. It goes on: 1% of revenue, "
    "state-owned firms, and the company's partner.",
    "\"On the whole, of course, one can express regret,\" the Kremlin spokesman said. "
    "He added that 'closed channels' are used.\n\nIt's a \"profitable story\" for them.",
]


def _assert_rows_round_trip(text, frame):
    for row in frame.itertuples(index=False):
        assert text[row.start : row.end] == row.text, row


@pytest.mark.parametrize("text", SEGMENT_TEXTS)
def test_paragraph_offsets_round_trip(text):
    paragraphs = T.split_paragraphs(text)
    assert list(paragraphs.columns) == T.PARAGRAPH_COLUMNS
    _assert_rows_round_trip(text, paragraphs)
    assert paragraphs["text"].tolist() == text.split("\n\n")
    assert paragraphs["paragraph"].tolist() == list(range(len(paragraphs)))


def test_paragraph_offsets_round_trip_on_uncleaned_text():
    """The module promises text[start:end] is the unit itself for any string given."""
    text = "  Indented first paragraph.  \n\nSecond one."
    _assert_rows_round_trip(text, T.split_paragraphs(text))


@pytest.mark.parametrize("text", SEGMENT_TEXTS)
def test_sentence_offsets_round_trip_and_stay_in_their_paragraph(text):
    sentences = T.split_sentences(text)
    paragraphs = T.split_paragraphs(text)
    assert list(sentences.columns) == T.SENTENCE_COLUMNS
    _assert_rows_round_trip(text, sentences)
    assert sentences["sentence"].tolist() == list(range(len(sentences)))
    bounds = dict(zip(paragraphs["paragraph"], zip(paragraphs["start"], paragraphs["end"])))
    for row in sentences.itertuples(index=False):
        ps, pe = bounds[row.paragraph]
        assert ps <= row.start < row.end <= pe
        assert "\n" not in row.text
    # ordered, non-overlapping, and every paragraph has at least one sentence
    assert all(a <= b for a, b in zip(sentences["end"], sentences["start"][1:]))
    assert set(sentences["paragraph"]) == set(paragraphs["paragraph"])


def test_sentences_never_cross_paragraphs():
    heading, body = "A heading without a full stop", "The body starts here. It goes on."
    sentences = T.split_sentences(f"{heading}\n\n{body}")
    assert sentences["text"].tolist() == [heading, "The body starts here.", "It goes on."]
    assert sentences["paragraph"].tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    "sentences",
    [
        ["Mr. Peskov said the Kremlin did not use Zoom."],
        ["The U.S. company said it would sell directly to agencies."],
        ["Mr. Smith met U.S. officials on Monday.", "They talked."],
        ["Dr. Abankina spoke to Mrs. Ruiz.", "Both agreed."],
    ],
)
def test_abbreviations_do_not_split(sentences):
    text = " ".join(sentences)
    assert T.split_sentences(text)["text"].tolist() == sentences


@pytest.mark.parametrize("text", SEGMENT_TEXTS)
def test_token_offsets_round_trip_inside_their_sentence(text):
    sentences = T.split_sentences(text)
    tokens = TK.tokenize(text)
    assert list(tokens.columns) == TK.TOKEN_COLUMNS
    _assert_rows_round_trip(text, tokens)
    assert tokens["token"].tolist() == list(range(len(tokens)))
    spans = dict(zip(sentences["sentence"], zip(sentences["start"], sentences["end"])))
    for row in tokens.itertuples(index=False):
        ss, se = spans[row.sentence]
        assert ss <= row.start < row.end <= se
    # tokens cover every non-space character of every sentence, in order
    for row in sentences.itertuples(index=False):
        joined = "".join(tokens.loc[tokens["sentence"] == row.sentence, "text"])
        assert joined == re.sub(r"\s+", "", row.text)


@pytest.mark.parametrize("text", SEGMENT_TEXTS)
def test_token_offsets_point_at_the_original_quote_characters(text):
    """NLTK rewrites " as `` or ''; the offsets must still point at the " in the text."""
    tokens = TK.tokenize(text)
    quote_positions = [i for i, c in enumerate(text) if c == '"']
    assert tokens.loc[tokens["text"] == '"', "start"].tolist() == quote_positions
    assert not tokens["text"].isin(["``", "''"]).any()


def test_tokenize_accepts_precomputed_sentences():
    text = SEGMENT_TEXTS[1]
    assert TK.tokenize(text, T.split_sentences(text)).equals(TK.tokenize(text))


@pytest.mark.parametrize(
    "split, columns",
    [
        (T.split_paragraphs, ["paragraph", "start", "end", "text"]),
        (T.split_sentences, ["sentence", "paragraph", "start", "end", "text"]),
        (TK.tokenize, ["token", "sentence", "start", "end", "text"]),
    ],
)
def test_empty_text_gives_empty_frames_with_documented_columns(split, columns):
    frame = split("")
    assert len(frame) == 0
    assert list(frame.columns) == columns


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", 0),
        ("Hello, world!", 2),
        ("state-owned companies", 2),
        ("It's Zoom's call", 3),
        ("1% of 2022", 3),
        ("na\u00efve caf\u00e9 Z\u00fcrich", 3),
        ("\u041f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
         "\u041f\u0435\u0441\u043a\u043e\u0432", 2),  # Пресс-секретарь Песков
        ("-leading and trailing-", 3),
    ],
)
def test_count_words(text, expected):
    assert TK.count_words(text) == expected
    assert len(TK.words(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\n\nTwo.", [(0, 4), (6, 10)]),
        ("One.\r\n\r\nTwo.", [(0, 4), (8, 12)]),  # Windows line ends: still a blank line
        ("One.\n \t\f\nTwo.", [(0, 4), (9, 13)]),  # a blank line of spaces, tabs, a form feed
        ("One\ntwo.\n\nThree.", [(0, 8), (10, 16)]),  # a single line break stays inside
    ],
)
def test_one_paragraph_rule_for_every_splitter(text, expected):
    from analysis.framing._sentences import _split_sentences

    assert T.paragraph_spans(text) == expected
    framed = _split_sentences(text)
    assert framed[["start", "end"]].values.tolist() == T.split_sentences(text)[["start", "end"]].values.tolist()


def test_paragraphs_of_the_text_asked_for_last_are_kept_and_handed_out_as_new_lists():
    from analysis.nlp import text as textmod

    one = "First para.\n\nSecond para."
    first = textmod.paragraph_spans(one)
    again = textmod.paragraph_spans(one)
    assert first == again == [(0, 11), (13, 25)] and first is not again
    again.append((99, 100))  # a caller changing its list changes nobody else's
    assert textmod.paragraph_spans(one) == [(0, 11), (13, 25)]
    assert textmod.paragraph_spans("Other.\n\nText here.") == [(0, 6), (8, 18)]
    assert textmod.paragraph_spans("") == []
