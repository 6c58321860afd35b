"""Sentence tone with VADER and the Hu & Liu opinion lexicon, with the words behind every score.

Five questions, one function (or two) each:

- **How does each sentence sound?** :func:`score_sentences` / :func:`score_frame` /
  :func:`score_articles` give VADER's ``neg, neu, pos, compound`` for every sentence,
  identical to NLTK's ``SentimentIntensityAnalyzer.polarity_scores``, together with the
  lexicon words that produced the score and every rule VADER applied to them (negation,
  "but", intensifiers, ALL CAPS, idioms, "!" and "?"). :func:`evidence_table` and
  :func:`evidence_html` show that evidence; :func:`extreme_sentences` picks the sentences
  worth showing.
- **How does each article sound, and where?** :func:`summarize_tone` condenses sentence
  scores per article; :func:`article_tone` adds the headline and the lead;
  :func:`tone_timeline` follows the tone from the first sentence to the last.
- **Whose voice is negative?** :func:`tone_by_voice` splits sentences into quoted material
  (per speaker, from the sources table of :func:`voice_quotes`, or by quotation marks with
  :func:`quoted_spans`) and the reporter's own narration, and scores each voice separately;
  :func:`narration_vs_quotes` pools the quoted voices against the narration.
- **How is a target talked about?** :func:`tone_towards` lists and scores the sentences that
  mention chosen terms (Zoom, Kremlin, Russia ...).
- **Does a second lexicon agree?** :func:`opinion_scores` counts Hu & Liu opinion words,
  :func:`lexicon_agreement` cross-tabulates both lexicons' labels with Cohen's kappa and
  :func:`lexicon_comparison` sets them side by side sentence by sentence.

How the VADER evidence is exact
    The per-word valences are recomputed here step by step, mirroring
    ``nltk/sentiment/vader.py`` (its tokenisation, the booster/negation/idiom/"least"/"but"
    rules, and its quirks, such as scoring a repeated word in the context of its first
    occurrence). VADER's sentence score is a function of that list of valences only, so
    the list is handed to NLTK's own ``SentimentIntensityAnalyzer.score_valence`` for the
    final normalisation: the per-word ``valence_final`` values in the ``evidence`` column
    add up to ``valence_sum``, VADER's raw sum, and the four scores are NLTK's, to the last
    digit. The test suite checks this against ``polarity_scores`` on thousands of sentences.

Limits worth stating next to any result
    VADER is a general-purpose lexicon tuned on social-media text; Hutto & Gilbert report a
    much weaker correlation with human raters on news editorial sentences than on tweets.
    Both lexicons score words, not meaning: irony, reported speech, and framing through
    selection and emphasis are invisible to them, and a translated article carries the
    translator's word choices.

Loading the lexicons is done once per process by :func:`load_vader` and
:func:`load_opinion_lexicon`; a missing NLTK package raises
:class:`analysis.nltkdata.MissingNLTKDataError`, which says how to install it.

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. *Proceedings of the Eighth International AAAI Conference
    on Weblogs and Social Media (ICWSM-14)*, Ann Arbor, MI.

    Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. *Proceedings of the
    Tenth ACM SIGKDD International Conference on Knowledge Discovery and Data Mining
    (KDD-04)*, Seattle, WA, 168-177.

    Cohen, J. (1960). A Coefficient of Agreement for Nominal Scales. *Educational and
    Psychological Measurement*, 20(1), 37-46.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import string
import warnings
from collections.abc import Iterable
from typing import Any

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from .. import cache, nltkdata

__all__ = [
    "ADJUSTMENT_RULES",
    "BY_ATTRIBUTION",
    "BY_QUOTATION_MARKS",
    "COMPOUND_THRESHOLD",
    "HIGHLIGHT_COLORS",
    "LABELS",
    "NARRATOR",
    "UNATTRIBUTED",
    "article_tone",
    "cohen_kappa",
    "describe_adjustment",
    "evidence_html",
    "evidence_table",
    "extreme_sentences",
    "highlight_evidence",
    "label_compound",
    "lexicon_agreement",
    "lexicon_comparison",
    "load_opinion_lexicon",
    "load_vader",
    "narration_vs_quotes",
    "opinion_scores",
    "quoted_spans",
    "score_articles",
    "score_frame",
    "score_sentences",
    "score_columns",
    "summarize_tone",
    "term_mentions",
    "tone_by_voice",
    "tone_timeline",
    "tone_towards",
    "voice_quotes",
    "voice_segments",
]

#: Sentence labels, in the order used by every table of this module.
LABELS: tuple[str, str, str] = ("positive", "neutral", "negative")

#: VADER's conventional cut-off: compound >= 0.05 is positive, <= -0.05 negative.
COMPOUND_THRESHOLD = 0.05

#: The voice given to text outside every quotation.
NARRATOR = "narrator (reporter)"

#: The voice given to quoted text whose speaker is unknown.
UNATTRIBUTED = "quoted (unattributed)"

#: Every ``rule`` that can appear in an adjustment of the ``evidence`` column, in plain words.
ADJUSTMENT_RULES: dict[str, str] = {
    "caps": "the word is in ALL CAPS while other words are not: 0.733 further from zero",
    "booster": "an intensifier (very, really, extremely ...) up to three words before: "
    "0.293 further from zero (x0.95 two words away, x0.9 three words away; more if in CAPS)",
    "dampener": "a dampener (barely, slightly, somewhat ...) up to three words before: "
    "0.293 closer to zero (x0.95 two words away, x0.9 three words away)",
    "negation": "a negation (not, never, a word with n't, without, despite ...) "
    "up to three words before: x -0.74",
    "never so/this": "'never so' or 'never this' just before the word: x1.5 "
    "(x1.25 when one word further away)",
    "so/this": "'so' or 'this' right before the word (applied when the three words before "
    "are not sentiment words): x1.25",
    "idiom": "a fixed idiom (the shit, the bomb, kiss of death, yeah right ...) "
    "replaces the valence",
    "kind of": "'kind of' or 'sort of' two or three words before: -0.293",
    "least": "'least' right before the word (but not 'at least' or 'very least'): x -0.74",
    "but (before)": "the word comes before 'but' in the sentence: x0.5",
    "but (after)": "the word comes after 'but' in the sentence: x1.5",
}

_SCORE_COLUMNS = ["neg", "neu", "pos", "compound", "label"]
_EVIDENCE_COLUMNS = ["words", "evidence", "valence_sum", "punct_emphasis"]
_SUMMARY_COLUMNS = [
    "n_sentences",
    "mean_compound",
    "median_compound",
    "sd",
    "share_positive",
    "share_neutral",
    "share_negative",
    "most_negative_sentence",
    "most_positive_sentence",
]
_OPINION_COLUMNS = ["text", "n_positive", "n_negative", "score", "label", "positive_words", "negative_words"]

#: Words for the opinion lexicon and for word counts: runs of lower-case letters and digits,
#: joined by inner hyphens or apostrophes ("well-known", "isn't", "zoom's").
_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")

# VADER's tokenisation: whitespace tokens, single-character tokens dropped, and one
# punctuation mark (or run such as "!!!") from its list removed from either end of a word.
_PUNCT_CHARS = frozenset(string.punctuation)
_PUNC_LIST = frozenset(VaderConstants.PUNC_LIST)
_TOKEN_RE = re.compile(r"\S+")  # \s is exactly str.isspace, as used by str.split()
_ALNUM_RE = re.compile(r"[^\W_]")
# Trimmed from both ends of a voice segment: whitespace and stray quotation marks.
_EDGE_CHARS = ' \t\n\r\f\v\u00a0"'


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def load_vader() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser, loaded once per process.

    Returns:
        The shared :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer`.

    Raises:
        analysis.nltkdata.MissingNLTKDataError: the ``vader_lexicon`` package is not
            installed (the message says how to install it).

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> load_vader().lexicon["good"]
        1.9
    """
    nltkdata.require("vader_lexicon")
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def load_opinion_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The Hu & Liu opinion lexicon from NLTK's ``opinion_lexicon`` corpus, loaded once.

    Read from :func:`analysis.cache.cached_object` when read before from the same files.

    Returns:
        ``(positive, negative)``: two frozensets of lower-case words (about 2,000 and
        4,800). Three words ("envious", "enviously", "enviousness") are in both.

    Raises:
        analysis.nltkdata.MissingNLTKDataError: the ``opinion_lexicon`` package is missing.

    References:
        Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. KDD-04.

    Example:
        >>> positive, negative = load_opinion_lexicon()
        >>> "good" in positive, "bad" in negative
        (True, True)
    """
    files = [nltkdata.location("opinion_lexicon")]  # raises when missing
    return cache.cached_object("opinion_lexicon", _read_opinion_lexicon, files=files, module=__name__)


def _read_opinion_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon read with NLTK's corpus reader (some 0.05 s; :func:`load_opinion_lexicon`
    keeps the result in the cache)."""
    from nltk.corpus import opinion_lexicon

    return frozenset(opinion_lexicon.positive()), frozenset(opinion_lexicon.negative())


# ---------------------------------------------------------------------------------------
# VADER, word by word
# ---------------------------------------------------------------------------------------


def label_compound(compound: float) -> str:
    """``positive``, ``neutral`` or ``negative`` by VADER's conventional ±0.05 thresholds.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> label_compound(0.05), label_compound(0.0499), label_compound(-0.3)
        ('positive', 'neutral', 'negative')
    """
    if compound >= COMPOUND_THRESHOLD:
        return "positive"
    if compound <= -COMPOUND_THRESHOLD:
        return "negative"
    return "neutral"


@functools.lru_cache(maxsize=1 << 16)
def _word_bounds(raw: str) -> tuple[int, int]:
    """Slice of a whitespace token that VADER keeps as the word (its ``SentiText`` rule).

    NLTK maps a token to a word when the token is one entry of ``PUNC_LIST`` glued to the
    front or the back of a word that has no ASCII punctuation and at least two characters
    ("good," -> "good", "!!!great" -> "great"); every other token is kept whole (":)",
    "don't.", "u.s.").
    """
    n = len(raw)
    lead = 0
    while lead < n and raw[lead] in _PUNCT_CHARS:
        lead += 1
    if 0 < lead < n - 1 and raw[:lead] in _PUNC_LIST:
        if not any(ch in _PUNCT_CHARS for ch in raw[lead:]):
            return lead, n
    trail = n
    while trail > 0 and raw[trail - 1] in _PUNCT_CHARS:
        trail -= 1
    if 1 < trail < n and raw[trail:] in _PUNC_LIST:
        if not any(ch in _PUNCT_CHARS for ch in raw[:trail]):
            return 0, trail
    return 0, n


def _tokens(text: str, with_spans: bool) -> tuple[list[str], list[tuple[int, int]] | None]:
    """VADER's words of ``text`` and, optionally, their character offsets."""
    words: list[str] = []
    if not with_spans:
        for raw in text.split():
            if len(raw) > 1:
                a, b = _word_bounds(raw)
                words.append(raw if b - a == len(raw) else raw[a:b])
        return words, None
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        if len(raw) > 1:
            a, b = _word_bounds(raw)
            words.append(raw[a:b])
            spans.append((m.start() + a, m.start() + b))
    return words, spans


def _allcap_differential(words: list[str]) -> bool:
    """True when some, but not all, words are in ALL CAPS (NLTK ``allcap_differential``)."""
    allcap = sum(1 for w in words if w.isupper())
    return 0 < len(words) - allcap < len(words)


class _Recorder:
    """Collects the adjustments applied to one word, with the offsets of their triggers."""

    __slots__ = ("spans", "words", "items")

    def __init__(self, words: list[str], spans: list[tuple[int, int]]):
        self.words = words
        self.spans = spans
        self.items: list[dict[str, Any]] = []

    def add(self, rule: str, first: int, last: int, before: float, after: float) -> None:
        self.items.append(
            {
                "rule": rule,
                "trigger": " ".join(self.words[first : last + 1]),
                "start": self.spans[first][0],
                "end": self.spans[last][1],
                "before": float(before),
                "after": float(after),
            }
        )


def _word_valence(
    sia: SentimentIntensityAnalyzer,
    words: list[str],
    lowers: list[str],
    i: int,
    is_cap_diff: bool,
    rec: _Recorder | None,
) -> float:
    """Valence of the lexicon word ``words[i]``: NLTK's ``sentiment_valence``, step by step.

    Every arithmetic step is written in the same order as in ``nltk/sentiment/vader.py``
    (``sentiment_valence``, ``_never_check``, ``_idioms_check``, ``_least_check``), so the
    floating-point result is identical; ``rec`` (when given) records each step that applies.
    """
    lexicon = sia.lexicon
    c = sia.constants
    item = words[i]
    valence = lexicon[lowers[i]]

    # ALL-CAPS emphasis on the word itself.
    if item.isupper() and is_cap_diff:
        before = valence
        if valence > 0:
            valence += c.C_INCR
        else:
            valence -= c.C_INCR
        if rec is not None:
            rec.add("caps", i, i, before, valence)

    for start_i in range(0, 3):
        j = i - (start_i + 1)
        if i > start_i and lowers[j] not in lexicon:
            # Intensifiers and dampeners up to three words back, weaker with distance.
            s = c.scalar_inc_dec(words[j], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            before = valence
            valence = valence + s
            if rec is not None and s != 0:
                kind = "booster" if c.BOOSTER_DICT[lowers[j]] > 0 else "dampener"
                rec.add(kind, j, j, before, valence)

            # Negation and "never so/this" (NLTK _never_check).
            before = valence
            if start_i == 0:
                if c.negated([words[i - 1]]):
                    valence = valence * c.N_SCALAR
                    if rec is not None:
                        rec.add("negation", i - 1, i - 1, before, valence)
            if start_i == 1:
                if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                    valence = valence * 1.5
                    if rec is not None:
                        rec.add("never so/this", i - 2, i - 1, before, valence)
                elif c.negated([words[i - (start_i + 1)]]):
                    valence = valence * c.N_SCALAR
                    if rec is not None:
                        rec.add("negation", i - 2, i - 2, before, valence)
            if start_i == 2:
                never_so = words[i - 3] == "never" and (words[i - 2] == "so" or words[i - 2] == "this")
                if never_so or (words[i - 1] == "so" or words[i - 1] == "this"):
                    valence = valence * 1.25
                    if rec is not None:
                        if never_so:
                            rec.add("never so/this", i - 3, i - 2, before, valence)
                        else:
                            rec.add("so/this", i - 1, i - 1, before, valence)
                elif c.negated([words[i - (start_i + 1)]]):
                    valence = valence * c.N_SCALAR
                    if rec is not None:
                        rec.add("negation", i - 3, i - 3, before, valence)

            if start_i == 2:
                valence = _idioms(sia, words, i, valence, rec)

    # "least" as a negation (NLTK _least_check).
    before = valence
    if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * c.N_SCALAR
            if rec is not None:
                rec.add("least", i - 1, i - 1, before, valence)
    elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        valence = valence * c.N_SCALAR
        if rec is not None:
            rec.add("least", i - 1, i - 1, before, valence)
    return valence


def _idioms(
    sia: SentimentIntensityAnalyzer, words: list[str], i: int, valence: float, rec: _Recorder | None
) -> float:
    """NLTK ``_idioms_check`` (case-sensitive, as in NLTK), recording what applies."""
    c = sia.constants
    idioms = c.SPECIAL_CASE_IDIOMS
    n = len(words)
    onezero = f"{words[i - 1]} {words[i]}"
    twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
    twoone = f"{words[i - 2]} {words[i - 1]}"
    threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
    threetwo = f"{words[i - 3]} {words[i - 2]}"
    sequences = [
        (onezero, i - 1, i),
        (twoonezero, i - 2, i),
        (twoone, i - 2, i - 1),
        (threetwoone, i - 3, i - 1),
        (threetwo, i - 3, i - 2),
    ]
    for seq, first, last in sequences:
        if seq in idioms:
            before = valence
            valence = idioms[seq]
            if rec is not None:
                rec.add("idiom", first, last, before, valence)
            break
    if n - 1 > i:
        zeroone = f"{words[i]} {words[i + 1]}"
        if zeroone in idioms:
            before = valence
            valence = idioms[zeroone]
            if rec is not None:
                rec.add("idiom", i, i + 1, before, valence)
    if n - 1 > i + 1:
        zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
        if zeroonetwo in idioms:
            before = valence
            valence = idioms[zeroonetwo]
            if rec is not None:
                rec.add("idiom", i, i + 2, before, valence)
    # Two-word dampeners such as "kind of" and "sort of".
    if threetwo in c.BOOSTER_DICT or twoone in c.BOOSTER_DICT:
        before = valence
        valence = valence + c.B_DECR
        if rec is not None:
            first, last = (i - 3, i - 2) if threetwo in c.BOOSTER_DICT else (i - 2, i - 1)
            rec.add("kind of", first, last, before, valence)
    return valence


def _punct_amplifier(text: str) -> float:
    """VADER's emphasis from "!" (up to four) and "?" (two or more), as in NLTK."""
    ep_count = min(text.count("!"), 4)
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _score_one(sia: SentimentIntensityAnalyzer, text: str, evidence: bool) -> tuple:
    """Scores of one sentence, and its evidence when asked: (scores dict, words, evidence,
    valence_sum, punct_emphasis)."""
    words, spans = _tokens(text, evidence)
    lexicon = sia.lexicon
    boosters = sia.constants.BOOSTER_DICT
    n = len(words)
    lowers = [w.lower() for w in words]
    is_cap_diff = _allcap_differential(words)
    first_index: dict[str, int] = {}
    for idx, tok in enumerate(words):
        if tok not in first_index:
            first_index[tok] = idx

    sentiments: list[float] = []
    found: list[tuple[int, list[dict[str, Any]]]] = []  # (position, adjustments)
    for pos in range(n):
        # As in NLTK, a repeated word is scored in the context of its first occurrence.
        i = first_index[words[pos]]
        lower = lowers[pos]
        if (i < n - 1 and lower == "kind" and lowers[i + 1] == "of") or lower in boosters:
            sentiments.append(0)
            continue
        if lower not in lexicon:
            sentiments.append(0)
            continue
        rec = _Recorder(words, spans) if evidence else None
        sentiments.append(_word_valence(sia, words, lowers, i, is_cap_diff, rec))
        if rec is not None:
            found.append((pos, rec.items))

    # The contrastive "but" (NLTK _but_check): halve what comes before, boost what follows.
    bi = lowers.index("but") if "but" in lowers else -1
    before_but = list(sentiments) if evidence and bi >= 0 else sentiments
    if bi >= 0:
        for sidx, sentiment in enumerate(sentiments):
            if sidx < bi:
                sentiments[sidx] = sentiment * 0.5
            elif sidx > bi:
                sentiments[sidx] = sentiment * 1.5

    scores = sia.score_valence(sentiments, text)
    if not evidence:
        return scores, None, None, None, None

    ev = []
    for pos, adjustments in found:
        entry = lowers[pos]
        final = float(sentiments[pos])
        if bi >= 0 and pos != bi:
            rule = "but (before)" if pos < bi else "but (after)"
            before = float(before_but[pos])
            adjustments = [
                *adjustments,
                {
                    "rule": rule,
                    "trigger": words[bi],
                    "start": spans[bi][0],
                    "end": spans[bi][1],
                    "before": before,
                    "after": final,
                },
            ]
        ev.append(
            {
                "word": words[pos],
                "entry": entry,
                "start": spans[pos][0],
                "end": spans[pos][1],
                "valence_base": float(lexicon[entry]),
                "valence_final": final,
                "adjustments": adjustments,
            }
        )
    valence_sum = float(sum(sentiments)) if sentiments else 0.0
    emphasis = _punct_amplifier(text) if valence_sum != 0 else 0.0
    found_words = [(e["entry"], e["valence_base"]) for e in ev]
    return scores, found_words, ev, valence_sum, float(emphasis)


def _as_text_list(sentences: Iterable[str], what: str = "sentences") -> list[str]:
    """Materialise ``sentences`` as a list of strings, refusing anything else."""
    if isinstance(sentences, (str, bytes)):
        raise TypeError(f"{what} must be a list of strings, not a single {type(sentences).__name__}")
    texts = list(sentences)
    for k, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"{what}[{k}] is {type(t).__name__} ({t!r}), not str")
    return texts


def _empty_scores(evidence: bool) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {
        "text": pd.Series([], dtype=object),
        **{c: pd.Series([], dtype=float) for c in ("neg", "neu", "pos", "compound")},
        "label": pd.Series([], dtype=object),
    }
    if evidence:
        cols.update(
            words=pd.Series([], dtype=object),
            evidence=pd.Series([], dtype=object),
            valence_sum=pd.Series([], dtype=float),
            punct_emphasis=pd.Series([], dtype=float),
        )
    return pd.DataFrame(cols)


def score_sentences(sentences: Iterable[str], *, evidence: bool = True) -> pd.DataFrame:
    """VADER scores for each sentence, with the words and rules behind each score.

    The four scores are exactly those of NLTK's
    ``SentimentIntensityAnalyzer().polarity_scores(sentence)``. The evidence is VADER's own
    computation made visible: each lexicon word, its valence in the lexicon, and every rule
    that changed it on the way to the sentence score.

    Args:
        sentences: the sentences, in order (a list, a Series, any iterable of ``str``).
        evidence: also return the evidence columns (``words`` to ``punct_emphasis``);
            ``False`` is faster when only the scores are needed.

    Returns:
        One row per sentence, in input order (index ``0..n-1``), with columns

        - ``text``: the sentence as given;
        - ``neg``, ``neu``, ``pos``: shares of the sentence's weighted words that are
          negative / neutral / positive (0..1, rounded to 3 decimals, as VADER);
        - ``compound``: the normalised sum of word valences, -1..1, rounded to 4 decimals;
        - ``label``: ``positive`` (compound >= 0.05), ``negative`` (<= -0.05) or ``neutral``;

        and, with ``evidence=True``,

        - ``words``: ``(entry, valence_base)`` for each lexicon word VADER scored, in order;
        - ``evidence``: one dict per scored word with ``word`` (as written), ``entry`` (the
          lexicon key), ``start``/``end`` (character offsets into the sentence),
          ``valence_base``, ``valence_final`` (after all rules) and ``adjustments``, a list
          of dicts ``{rule, trigger, start, end, before, after}`` in the order VADER applied
          them (``rule`` is a key of :data:`ADJUSTMENT_RULES`; ``start``/``end`` locate the
          trigger words; an ALL-CAPS intensifier counts inside its ``booster`` step);
        - ``valence_sum``: VADER's raw sum, the sum of the ``valence_final`` values;
        - ``punct_emphasis``: what "!" and "?" add to the size of ``valence_sum`` before it
          is normalised (0 when ``valence_sum`` is 0), so that
          ``compound = round(s / sqrt(s*s + 15), 4)`` with
          ``s = valence_sum ± punct_emphasis``.

        Empty input gives an empty frame with these columns.

    Raises:
        TypeError: ``sentences`` is a single string, or holds something other than strings.
        analysis.nltkdata.MissingNLTKDataError: the VADER lexicon is not installed.

    Notes:
        As in NLTK, VADER splits on whitespace, so "good," and "good" are one word, and a
        word used twice is scored both times in the context of its first occurrence.
        Hashtags are not split ("#bad" is not "bad").

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14, Ann Arbor, MI.

    Example:
        >>> df = score_sentences(["VADER is smart, handsome, and funny."])
        >>> df[["neg", "neu", "pos", "compound", "label"]].values.tolist()
        [[0.0, 0.254, 0.746, 0.8316, 'positive']]
        >>> df.loc[0, "words"]
        [('smart', 1.7), ('handsome', 2.2), ('funny', 1.9)]
    """
    texts = _as_text_list(sentences)
    if not texts:
        return _empty_scores(evidence)
    frame = pd.DataFrame(score_columns(texts, evidence=evidence))
    for col in ("neg", "neu", "pos", "compound"):
        frame[col] = frame[col].astype(float)
    return frame


def score_columns(texts: list[str], *, evidence: bool = True) -> dict[str, list]:
    """:func:`score_sentences` as plain lists, one per column (no DataFrame: corpus mode).

    Example:
        >>> score_columns(["Great news!"])["label"]
        ['positive']
    """
    sia = load_vader()
    results = [_score_one(sia, t, evidence) for t in texts]
    compounds = [r[0]["compound"] for r in results]
    data: dict[str, list] = {
        "text": texts,
        "neg": [float(r[0]["neg"]) for r in results],
        "neu": [float(r[0]["neu"]) for r in results],
        "pos": [float(r[0]["pos"]) for r in results],
        "compound": [float(c) for c in compounds],
        "label": [label_compound(c) for c in compounds],
    }
    if evidence:
        data["words"] = [r[1] for r in results]
        data["evidence"] = [r[2] for r in results]
        data["valence_sum"] = [r[3] for r in results]
        data["punct_emphasis"] = [r[4] for r in results]
    return data


def score_frame(sentences: pd.DataFrame, *, text_col: str = "text", evidence: bool = True) -> pd.DataFrame:
    """:func:`score_sentences` on a table of sentences, keeping the table's own columns.

    Args:
        sentences: one row per sentence, e.g. the corpus table with columns
            ``article, sentence, paragraph, start, end, text``.
        text_col: the column holding the sentence text.
        evidence: add the evidence columns (see :func:`score_sentences`).

    Returns:
        A new frame with the input's columns and index, followed by ``neg, neu, pos,
        compound, label`` (and with ``evidence=True``: ``words, evidence, valence_sum,
        punct_emphasis``). Input columns with those names are replaced.

    Raises:
        ValueError: ``text_col`` is not a column of ``sentences``.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> table = pd.DataFrame({"sentence": [0, 1], "text": ["The book was good.", "Zoom said."]})
        >>> score_frame(table, evidence=False)[["sentence", "compound", "label"]].values.tolist()
        [[0, 0.4404, 'positive'], [1, 0.0, 'neutral']]
    """
    _require_columns(sentences, [text_col], "sentences")
    scores = score_sentences(_as_text_list(sentences[text_col], text_col), evidence=evidence)
    scores = scores.drop(columns="text")
    scores.index = sentences.index
    kept = sentences.drop(columns=[c for c in scores.columns if c in sentences.columns])
    return pd.concat([kept, scores], axis=1)


# ---------------------------------------------------------------------------------------
# Aggregates
# ---------------------------------------------------------------------------------------


def summarize_tone(scored: pd.DataFrame, *, by: str | None = None, text_col: str = "text") -> pd.DataFrame:
    """Tone of a whole text (or of each group, e.g. each article) from sentence scores.

    Args:
        scored: output of :func:`score_frame` or :func:`score_sentences`: needs
            ``compound`` and ``text_col``; ``label`` is derived from ``compound`` if absent.
        by: a column to group by (e.g. ``"article"``); ``None`` summarises all rows as one.
        text_col: the column holding the sentence text.

    Returns:
        One row per group, in order of first appearance (the ``by`` column first, when
        given), with columns

        - ``n_sentences``;
        - ``mean_compound``, ``median_compound``, ``sd`` (sample standard deviation, n-1
          denominator; NaN for a single sentence);
        - ``share_positive``, ``share_neutral``, ``share_negative``: shares of sentences by
          label, 0..1, summing to 1;
        - ``most_negative_sentence``, ``most_positive_sentence``: the text of the sentence
          with the lowest (highest) compound, the first one on ties; missing (NaN) when
          no sentence scores below (above) zero.

        Empty input gives an empty frame with these columns.

    Raises:
        ValueError: a needed column is missing.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> scored = score_sentences(["The book was good.", "The movie was bad.", "It rained."])
        >>> summary = summarize_tone(scored)
        >>> cols = ["n_sentences", "mean_compound", "share_negative", "most_negative_sentence"]
        >>> summary[cols].round(4).values.tolist()
        [[3, -0.034, 0.3333, 'The movie was bad.']]
    """
    _require_columns(scored, ["compound", text_col] + ([by] if by is not None else []), "scored")
    key_cols = [by] if by is not None else []
    if scored.empty:
        return pd.DataFrame(columns=key_cols + _SUMMARY_COLUMNS)
    compound = scored["compound"].astype(float).reset_index(drop=True)
    labels = (
        scored["label"].reset_index(drop=True)
        if "label" in scored.columns
        else compound.map(label_compound)
    )
    texts = scored[text_col].reset_index(drop=True)
    keys = scored[by].reset_index(drop=True) if by is not None else pd.Series(0, index=compound.index)
    frame = pd.DataFrame({"key": keys, "compound": compound, "label": labels, "text": texts})
    grouped = frame.groupby("key", sort=False, dropna=False)
    out = grouped["compound"].agg(
        n_sentences="size", mean_compound="mean", median_compound="median", sd="std"
    )
    for lab in LABELS:
        out[f"share_{lab}"] = frame["label"].eq(lab).groupby(frame["key"], sort=False, dropna=False).mean()
    lowest = grouped["compound"].idxmin()
    highest = grouped["compound"].idxmax()
    out["most_negative_sentence"] = [
        frame.at[i, "text"] if frame.at[i, "compound"] < 0 else None for i in lowest
    ]
    out["most_positive_sentence"] = [
        frame.at[i, "text"] if frame.at[i, "compound"] > 0 else None for i in highest
    ]
    out["n_sentences"] = out["n_sentences"].astype(int)
    out = out.reset_index()
    if by is None:
        return out.drop(columns="key")[_SUMMARY_COLUMNS]
    return out.rename(columns={"key": by})[[by, *_SUMMARY_COLUMNS]]


# ---------------------------------------------------------------------------------------
# A second lexicon: Hu & Liu
# ---------------------------------------------------------------------------------------


def _opinion_words(
    text: str, positive: frozenset[str], negative: frozenset[str]
) -> tuple[list[str], list[str]]:
    """Hu & Liu positive and negative words of ``text``, in order (see :func:`opinion_scores`)."""
    pos_words: list[str] = []
    neg_words: list[str] = []
    for token in _WORD_RE.findall(text.lower()):
        token = token.replace("\u2019", "'")
        parts = [token]
        if token not in positive and token not in negative and "-" in token:
            parts = token.split("-")
        for part in parts:
            if part in positive:
                pos_words.append(part)
            if part in negative:
                neg_words.append(part)
    return pos_words, neg_words


def opinion_scores(sentences: Iterable[str]) -> pd.DataFrame:
    """Count Hu & Liu's positive and negative opinion words in each sentence.

    Words are runs of letters and digits, lower-cased, that may be joined by inner
    hyphens or apostrophes (``well-known``, ``isn't``); a hyphenated word that is not in
    the lexicon is looked up part by part (``ill-fated`` is in the lexicon; for
    ``Kremlin-backed`` the parts ``kremlin`` and ``backed`` are looked up). Unlike VADER there
    is no negation, intensity or context: "not good" counts one positive word.

    Args:
        sentences: the sentences, in order.

    Returns:
        One row per sentence, in order, with columns ``text``, ``n_positive``,
        ``n_negative``, ``score`` = (n_positive - n_negative) / (n_positive + n_negative),
        or 0 when neither occurs, ``label`` (``positive`` when score > 0, ``negative`` when
        < 0, else ``neutral``), and the words found, ``positive_words`` and
        ``negative_words`` (lists, in order, repeats kept). Empty input gives an empty
        frame with these columns.

    Raises:
        TypeError: ``sentences`` is a single string or holds non-strings.
        analysis.nltkdata.MissingNLTKDataError: the opinion lexicon is not installed.

    References:
        Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. KDD-04,
        Seattle, WA, 168-177.

    Example:
        >>> found = opinion_scores(["A good, reliable service with one bad flaw."])
        >>> found[["n_positive", "n_negative", "score", "label"]].values.tolist()
        [[2, 2, 0.0, 'neutral']]
        >>> found.loc[0, "positive_words"], found.loc[0, "negative_words"]
        (['good', 'reliable'], ['bad', 'flaw'])
    """
    texts = _as_text_list(sentences)
    if not texts:
        return pd.DataFrame(
            {
                "text": pd.Series([], dtype=object),
                "n_positive": pd.Series([], dtype=int),
                "n_negative": pd.Series([], dtype=int),
                "score": pd.Series([], dtype=float),
                "label": pd.Series([], dtype=object),
                "positive_words": pd.Series([], dtype=object),
                "negative_words": pd.Series([], dtype=object),
            }
        )
    positive, negative = load_opinion_lexicon()
    found = [_opinion_words(t, positive, negative) for t in texts]
    n_pos = [len(p) for p, _ in found]
    n_neg = [len(q) for _, q in found]
    score = [(p - q) / (p + q) if p + q else 0.0 for p, q in zip(n_pos, n_neg)]
    label = ["positive" if s > 0 else "negative" if s < 0 else "neutral" for s in score]
    frame = pd.DataFrame(
        {
            "text": texts,
            "n_positive": n_pos,
            "n_negative": n_neg,
            "score": score,
            "label": label,
            "positive_words": [p for p, _ in found],
            "negative_words": [q for _, q in found],
        }
    )
    return frame[_OPINION_COLUMNS]


def cohen_kappa(a: Iterable[str], b: Iterable[str]) -> float:
    """Cohen's kappa between two labelings of the same items, computed by hand.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items with the same label
    and p_e = sum over labels of (share of a with that label) x (share of b with it).

    Returns:
        kappa; NaN when there are no items or when p_e = 1 (both use one same label
        throughout, so chance agreement is already perfect and kappa is undefined).

    Raises:
        ValueError: the two labelings have different lengths.

    References:
        Cohen, J. (1960). A Coefficient of Agreement for Nominal Scales. Educational and
        Psychological Measurement, 20(1), 37-46.

    Example:
        >>> round(cohen_kappa(["pos", "pos", "neg", "neg"], ["pos", "neg", "neg", "neg"]), 4)
        0.5
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError(f"cannot compare {len(a)} labels with {len(b)} labels")
    n = len(a)
    if n == 0:
        return float("nan")
    p_o = sum(x == y for x, y in zip(a, b)) / n
    count_a = pd.Series(a).value_counts()
    count_b = pd.Series(b).value_counts()
    p_e = sum((count_a.get(k, 0) / n) * (count_b.get(k, 0) / n) for k in sorted(set(a) | set(b), key=str))
    if p_e == 1:
        return float("nan")
    return float((p_o - p_e) / (1 - p_e))


def lexicon_agreement(vader_df: pd.DataFrame, opinion_df: pd.DataFrame) -> pd.DataFrame:
    """How often VADER and the Hu & Liu lexicon give a sentence the same label.

    Args:
        vader_df: output of :func:`score_sentences` / :func:`score_frame` (column ``label``).
        opinion_df: output of :func:`opinion_scores` on the same sentences, in the same order.

    Returns:
        The cross-tabulation of labels: index ``vader`` and columns ``opinion_lexicon``,
        both ``positive, neutral, negative`` in that order, holding sentence counts. Its
        ``attrs`` hold ``n`` (sentences), ``agreement`` (share of sentences on the
        diagonal, 0..1) and ``kappa`` (:func:`cohen_kappa`); both are NaN for no sentences.

    Raises:
        ValueError: the frames have different lengths or lack a ``label`` column.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER. ICWSM-14. Hu, M. & Liu, B. (2004).
        Mining and Summarizing Customer Reviews. KDD-04. Cohen, J. (1960). Educational
        and Psychological Measurement, 20(1), 37-46.

    Example:
        >>> sents = ["The book was good.", "The movie was bad.", "It rained."]
        >>> tab = lexicon_agreement(score_sentences(sents), opinion_scores(sents))
        >>> tab.attrs["agreement"], int(tab.loc["negative", "negative"])
        (1.0, 1)
    """
    _require_columns(vader_df, ["label"], "vader_df")
    _require_columns(opinion_df, ["label"], "opinion_df")
    if len(vader_df) != len(opinion_df):
        raise ValueError(
            f"vader_df has {len(vader_df)} rows but opinion_df has {len(opinion_df)}; "
            "score the same sentences in the same order"
        )
    a = list(vader_df["label"])
    b = list(opinion_df["label"])
    unknown = sorted({str(x) for x in a + b} - set(LABELS))
    if unknown:
        raise ValueError(f"labels must be one of {list(LABELS)}; found {unknown}")
    table = pd.DataFrame(
        0, index=pd.Index(LABELS, name="vader"), columns=pd.Index(LABELS, name="opinion_lexicon")
    )
    for x, y in zip(a, b):
        table.loc[x, y] += 1
    n = len(a)
    table.attrs["n"] = n
    table.attrs["agreement"] = float(sum(x == y for x, y in zip(a, b)) / n) if n else float("nan")
    table.attrs["kappa"] = cohen_kappa(a, b)
    return table


# ---------------------------------------------------------------------------------------
# Tone by voice
# ---------------------------------------------------------------------------------------


def quoted_spans(text: str) -> pd.DataFrame:
    """Spans inside straight double quotation marks, the marks paired in order.

    Marks are paired first with second, third with fourth, and so on. Text should have its
    typographic quotes normalised to ``"`` first (the corpus loader does this). When the
    number of marks is odd the pairing is ambiguous (a multi-paragraph quotation, a typo):
    the last mark is left unpaired and a warning names its offset.

    Args:
        text: any text, e.g. an article's cleaned text or one sentence.

    Returns:
        One row per pair, in order, with columns ``start``, ``end`` (offsets of the quoted
        content, without its quotation marks), ``text`` (the content) and ``speaker``
        (always :data:`UNATTRIBUTED`, so the table can stand in for a sources table in
        :func:`tone_by_voice`).

    Example:
        >>> quoted_spans('He said "no" and "never".')[["start", "end", "text"]].values.tolist()
        [[9, 11, 'no'], [18, 23, 'never']]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    marks = [m.start() for m in re.finditer('"', text)]
    if len(marks) % 2:
        warnings.warn(
            f"odd number of quotation marks ({len(marks)}); the mark at offset {marks[-1]} "
            "is left unpaired",
            stacklevel=2,
        )
        marks = marks[:-1]
    rows = [(o + 1, c, text[o + 1 : c], UNATTRIBUTED) for o, c in zip(marks[::2], marks[1::2])]
    frame = pd.DataFrame(rows, columns=["start", "end", "text", "speaker"])
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    return frame


def _with_offsets(sents: pd.DataFrame, text_col: str) -> pd.DataFrame:
    """Sentences with ``start``/``end``; when absent, laid end to end one space apart."""
    if {"start", "end"} <= set(sents.columns):
        return sents
    sents = sents.copy()
    lengths = [len(t) for t in sents[text_col]]
    starts, pos = [], 0
    for length in lengths:
        starts.append(pos)
        pos += length + 1
    sents["start"] = starts
    sents["end"] = [s + length for s, length in zip(starts, lengths)]
    return sents


def _fallback_quotes(sents: pd.DataFrame, text_col: str, by_article: bool) -> pd.DataFrame:
    """Quoted spans by quotation marks over each article rebuilt from its sentences."""
    frames = []
    groups = sents.groupby("article", sort=False) if by_article else [(None, sents)]
    for article, group in groups:
        size = int(group["end"].max()) if len(group) else 0
        buffer = [" "] * size
        for start, text in zip(group["start"], group[text_col]):
            buffer[int(start) : int(start) + len(text)] = list(text)
        spans = quoted_spans("".join(buffer))
        if by_article:
            spans.insert(0, "article", article)
        frames.append(spans)
    if not frames:
        return quoted_spans("")
    return pd.concat(frames, ignore_index=True)


def _segment_sentence(
    text: str, s0: int, intervals: list[tuple[int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """Cut one sentence ``text`` (starting at ``s0``) into (voice, start, end, text) pieces."""
    s1 = s0 + len(text)
    pieces: list[tuple[str, int, int]] = []
    cursor = s0
    for qs, qe, speaker in intervals:
        qs, qe = max(qs, s0, cursor), min(qe, s1)
        if qe <= qs:
            continue
        if qs > cursor:
            pieces.append((NARRATOR, cursor, qs))
        pieces.append((speaker, qs, qe))
        cursor = qe
    if cursor < s1:
        pieces.append((NARRATOR, cursor, s1))
    out = []
    for voice, a, b in pieces:
        piece = text[a - s0 : b - s0]
        stripped = piece.strip(_EDGE_CHARS)
        if not _ALNUM_RE.search(stripped):
            continue
        a += len(piece) - len(piece.lstrip(_EDGE_CHARS))
        out.append((voice, a, a + len(stripped), stripped))
    return out


def voice_segments(
    sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, *, text_col: str = "text"
) -> pd.DataFrame:
    """Cut sentences into quoted material (per speaker) and narration, and score each piece.

    Args:
        sentences: one row per sentence with ``text_col`` and ``start``/``end`` (offsets
            into the article text; the text must be exactly ``end - start`` long), and
            optionally ``article`` and ``sentence`` ids. Without ``quotes``, ``start``/``end``
            may be absent: the sentences are then taken as consecutive, one space apart.
        quotes: the sources table (columns ``speaker, start, end``, offsets into the same
            article text as the sentences; ``article`` when several articles are mixed).
            ``None`` falls back to :func:`quoted_spans` over each article.
        text_col: the column holding the sentence text.

    Returns:
        One row per segment, in text order, with columns (``article`` and ``sentence``
        when the sentences have them) ``voice`` (the speaker, :data:`UNATTRIBUTED` for a
        quotation without one, or :data:`NARRATOR`), ``start``, ``end`` (offsets into the
        article text, surrounding whitespace trimmed), ``text``, ``n_words``, ``neg``,
        ``neu``, ``pos``, ``compound``, ``label`` and ``words`` (VADER, as in
        :func:`score_sentences`). Pieces with no letter or digit (a stray quotation mark)
        are dropped. Where quotations overlap, the one that starts first keeps the overlap.

    Raises:
        ValueError: missing columns, a sentence whose text does not fit its offsets, or
            quotes that cannot be matched to the articles of the sentences.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER. ICWSM-14.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> for row in voice_segments(sents)[["voice", "text", "compound"]].values.tolist():
        ...     print(row)
        ['quoted (unattributed)', 'It is a disaster,', -0.6249]
        ['narrator (reporter)', 'the minister said.', 0.0]
    """
    _require_columns(sentences, [text_col], "sentences")
    if quotes is not None:
        _require_columns(sentences, ["start", "end"], "sentences")
        _require_columns(quotes, ["speaker", "start", "end"], "quotes")
    sents = _with_offsets(sentences.reset_index(drop=True), text_col)
    for k, (start, end, text) in enumerate(zip(sents["start"], sents["end"], sents[text_col])):
        if not isinstance(text, str):
            raise ValueError(f"sentences row {k}: {text_col} is {type(text).__name__}, not str")
        if int(end) - int(start) != len(text):
            raise ValueError(
                f"sentences row {k}: start={start}, end={end} but the text has {len(text)} "
                "characters; offsets must be those of the text in the article"
            )
    by_article = "article" in sents.columns
    if quotes is None:
        quotes = _fallback_quotes(sents, text_col, by_article)
    elif by_article and "article" not in quotes.columns and sents["article"].nunique() > 1:
        raise ValueError("quotes has no 'article' column but the sentences come from several articles")
    elif not by_article and "article" in quotes.columns and quotes["article"].nunique() > 1:
        raise ValueError("quotes come from several articles but the sentences have no 'article' column")
    match_article = by_article and "article" in quotes.columns

    intervals: dict[Any, list[tuple[int, int, str]]] = {}
    for row in quotes.itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < 0 or end <= start:
            continue
        speaker = row.speaker if isinstance(row.speaker, str) and row.speaker.strip() else UNATTRIBUTED
        key = row.article if match_article else None
        intervals.setdefault(key, []).append((start, end, speaker))
    starts_of: dict[Any, list[int]] = {}
    for key, items in intervals.items():
        items.sort(key=lambda q: (q[0], q[1]))
        starts_of[key] = [q[0] for q in items]

    rows = []
    has_sentence_id = "sentence" in sents.columns
    for k in range(len(sents)):
        text = sents.at[k, text_col]
        s0 = int(sents.at[k, "start"])
        key = sents.at[k, "article"] if match_article else None
        items = intervals.get(key, [])
        # quotations that can overlap [s0, s0 + len): those starting before its end
        upto = bisect.bisect_left(starts_of.get(key, []), s0 + len(text))
        near = [q for q in items[:upto] if q[1] > s0]
        for voice, a, b, piece in _segment_sentence(text, s0, near):
            row = {}
            if by_article:
                row["article"] = sents.at[k, "article"]
            if has_sentence_id:
                row["sentence"] = sents.at[k, "sentence"]
            row.update(voice=voice, start=a, end=b, text=piece)
            rows.append(row)

    id_cols = (["article"] if by_article else []) + (["sentence"] if has_sentence_id else [])
    scores = score_sentences([r["text"] for r in rows])
    frame = pd.DataFrame(rows, columns=[*id_cols, "voice", "start", "end", "text"])
    frame["n_words"] = [len(_WORD_RE.findall(t)) for t in frame["text"]]
    for col in ("neg", "neu", "pos", "compound", "label", "words"):
        frame[col] = scores[col].to_numpy() if len(frame) else scores[col]
    for col in ("start", "end", "n_words"):
        frame[col] = frame[col].astype(int)
    return frame


def tone_by_voice(
    sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, *, text_col: str = "text"
) -> pd.DataFrame:
    """Tone of the reporter's narration versus each quoted source.

    Each sentence is cut into quoted spans and narration (:func:`voice_segments`), every
    piece is scored with VADER, and the pieces are pooled by voice. This shows whether the
    negativity of a report comes from the people it quotes or from the writer.

    Args:
        sentences: the sentence table (``text``, ``start``, ``end``; optionally ``article``).
        quotes: the sources table (``speaker, start, end`` in the same offsets), or ``None``
            to find quotations by quotation marks (speaker :data:`UNATTRIBUTED`).
        text_col: the column holding the sentence text.

    Returns:
        One row per voice (per article and voice when the sentences have ``article``),
        narrator first, then speakers in order of first appearance, with columns
        ``voice``, ``n_segments``, ``n_words``, ``mean_compound`` (unweighted mean over
        segments), ``share_negative`` (share of segments labelled negative, 0..1) and
        ``segments``: a list of dicts ``{start, end, text, compound}`` (plus ``sentence``
        when the sentences have ids). Empty input gives an empty frame with these columns.

    Raises:
        ValueError: see :func:`voice_segments`.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> tone_by_voice(sents)[["voice", "n_segments", "mean_compound"]].values.tolist()
        [['narrator (reporter)', 1, 0.0], ['quoted (unattributed)', 1, -0.6249]]
    """
    segments = voice_segments(sentences, quotes, text_col=text_col)
    key_cols = ["article"] if "article" in segments.columns else []
    columns = [*key_cols, "voice", "n_segments", "n_words", "mean_compound", "share_negative", "segments"]
    if segments.empty:
        return pd.DataFrame(columns=columns)
    detail = [c for c in ("sentence", "start", "end", "text", "compound") if c in segments.columns]
    records = segments[detail].to_dict("records")
    segments = segments.assign(
        _record=pd.Series(records, index=segments.index, dtype=object),
        _negative=segments["label"].eq("negative"),
        _article=pd.factorize(segments["article"])[0] if key_cols else 0,
        _quoted=segments["voice"].ne(NARRATOR),
    )
    # articles in order of appearance; in each, the narrator first, then speakers as they appear
    order = segments.sort_values(["_article", "_quoted"], kind="stable")
    grouped = order.groupby([*key_cols, "voice"], sort=False)
    out = grouped.agg(
        n_segments=("text", "size"),
        n_words=("n_words", "sum"),
        mean_compound=("compound", "mean"),
        share_negative=("_negative", "mean"),
        segments=("_record", list),
    ).reset_index()
    out["n_segments"] = out["n_segments"].astype(int)
    out["n_words"] = out["n_words"].astype(int)
    out["share_negative"] = out["share_negative"].astype(float)
    return out[columns]


# ---------------------------------------------------------------------------------------
# Tone towards targets
# ---------------------------------------------------------------------------------------


def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for ``term`` with simple plural/possessive."""
    from ..text import phrase_pattern

    return phrase_pattern(term, inflected=True)


def term_mentions(sentences: pd.DataFrame, terms: list[str], *, text_col: str = "text") -> pd.DataFrame:
    """The sentences that mention each term, one row per (term, sentence).

    A term matches as a whole word, ignoring case, also with a plural or possessive ending
    ("Zoom" matches Zoom, zoom, Zooms, Zoom's, Zoom’s); a term of several words matches
    across any whitespace. Sentences without a ``compound`` column are scored with VADER.

    Args:
        sentences: the sentence table (``text_col``; ``compound``/``label`` are used when
            present, any other columns such as ``article`` and ``sentence`` are kept).
        terms: the terms to look for, e.g. ``["Zoom", "Kremlin", "Russia"]``.
        text_col: the column holding the sentence text.

    Returns:
        A new frame: ``term``, then the input's columns (with ``compound`` and ``label``
        added if missing), then ``n_matches`` and ``matches`` (list of ``(start, end)``
        offsets of the mentions in the sentence text). Rows are grouped by term, in the
        order of ``terms``, then in sentence order.

    Example:
        >>> sents = pd.DataFrame({"text": ["Zoom's ban angered users.", "Zoom is fine."]})
        >>> term_mentions(sents, ["zoom"])[["term", "compound", "matches"]].values.tolist()
        [['zoom', -0.7845, [(0, 6)]], ['zoom', 0.2023, [(0, 4)]]]
    """
    if isinstance(terms, str):
        raise TypeError("terms must be a list of strings, e.g. ['Zoom']")
    _require_columns(sentences, [text_col], "sentences")
    table = sentences
    if "compound" not in table.columns:
        table = score_frame(table, text_col=text_col, evidence=False)
    elif "label" not in table.columns:
        table = table.assign(label=table["compound"].map(label_compound))
    texts = _as_text_list(table[text_col], text_col)
    pieces = []
    for term in terms:
        pattern = _term_pattern(term)
        hits = [[m.span() for m in pattern.finditer(t)] for t in texts]
        mask = [bool(h) for h in hits]
        rows = table.loc[mask].copy()
        rows.insert(0, "term", term)
        found = [h for h in hits if h]
        rows["n_matches"] = [len(h) for h in found]
        rows["matches"] = pd.Series(found, index=rows.index, dtype=object)
        pieces.append(rows)
    columns = ["term", *table.columns, "n_matches", "matches"]
    if not pieces:
        return pd.DataFrame(columns=columns)
    out = pd.concat(pieces, ignore_index=True)
    return out[columns]


def tone_towards(sentences: pd.DataFrame, terms: list[str], *, text_col: str = "text") -> pd.DataFrame:
    """Tone of the sentences that mention each term, side by side across articles.

    Args:
        sentences: the sentence table (see :func:`term_mentions`); with an ``article``
            column the summary has one row per term and article.
        terms: the terms to look for (whole word, any case, plural/possessive allowed).
        text_col: the column holding the sentence text.

    Returns:
        One row per term (in the order given), or per term and article (articles in order
        of appearance, including those that never mention the term, with ``n_sentences``
        0), with columns ``term``, ``article`` (when present), ``n_sentences``,
        ``n_mentions``, ``mean_compound`` (NaN when there are no sentences),
        ``share_negative`` and ``sentences``: a list of dicts ``{text, compound}`` (plus
        ``sentence`` when the input has sentence ids) for the notebook to list.
        The long form, one row per sentence, is :func:`term_mentions`.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> sents = pd.DataFrame({"text": ["Zoom's ban angered users.", "Zoom is fine.", "It rained."]})
        >>> tone_towards(sents, ["Zoom"])[["term", "n_sentences", "mean_compound"]].round(4).values.tolist()
        [['Zoom', 2, -0.2911]]
    """
    mentions = term_mentions(sentences, terms, text_col=text_col)
    by_article = "article" in sentences.columns
    key_cols = ["term", "article"] if by_article else ["term"]
    columns = [*key_cols, "n_sentences", "n_mentions", "mean_compound", "share_negative", "sentences"]
    articles = list(pd.unique(sentences["article"])) if by_article else [None]
    detail = [c for c in ("sentence", text_col, "compound") if c in mentions.columns]
    rows = []
    for term in terms:
        of_term = mentions[mentions["term"] == term]
        for article in articles:
            part = of_term[of_term["article"] == article] if by_article else of_term
            n = len(part)
            row: dict[str, Any] = {"term": term}
            if by_article:
                row["article"] = article
            row.update(
                n_sentences=n,
                n_mentions=int(part["n_matches"].sum()) if n else 0,
                mean_compound=float(part["compound"].mean()) if n else float("nan"),
                share_negative=float(part["label"].eq("negative").mean()) if n else float("nan"),
                sentences=[
                    {("text" if k == text_col else k): v for k, v in rec.items()}
                    for rec in part[detail].to_dict("records")
                ],
            )
            rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    frame["n_sentences"] = frame["n_sentences"].astype(int)
    frame["n_mentions"] = frame["n_mentions"].astype(int)
    frame["mean_compound"] = frame["mean_compound"].astype(float)
    frame["share_negative"] = frame["share_negative"].astype(float)
    return frame


# ---------------------------------------------------------------------------------------
# Whole articles: scores, summary with headline and lead, timeline
# ---------------------------------------------------------------------------------------

_ARTICLE_TONE_COLUMNS = [
    "article",
    "outlet",
    "headline",
    "headline_compound",
    "headline_label",
    "lead_compound",
    "lead_label",
    *_SUMMARY_COLUMNS,
]


def score_articles(articles: Iterable[Any], *, evidence: bool = True) -> pd.DataFrame:
    """Every sentence of every article with its VADER scores (and evidence).

    Args:
        articles: :class:`analysis.corpus.Article` records (a :class:`~analysis.corpus.Corpus`
            works too); anything with ``id``, ``outlet`` and a ``sentences`` table.
        evidence: add the evidence columns (see :func:`score_sentences`).

    Returns:
        One row per sentence, articles in the order given, with columns ``article``,
        ``outlet``, the sentence table's own columns (``sentence, paragraph, start, end,
        text``: offsets into the article's cleaned text), then those of :func:`score_frame`.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> from analysis.corpus import Article
        >>> art = Article(id="a1", text="The plan failed. Everyone was happy.")
        >>> score_articles([art], evidence=False)[["article", "sentence", "compound"]].values.tolist()
        [['a1', 0, -0.5106], ['a1', 1, 0.5719]]
    """
    parts = []
    for article in articles:
        sents = article.sentences
        sents.insert(0, "outlet", getattr(article, "outlet", "") or "")
        sents.insert(0, "article", article.id)
        parts.append(sents)
    if not parts:
        table = pd.DataFrame(columns=["article", "outlet", "sentence", "paragraph", "start", "end", "text"])
        return score_frame(table, evidence=evidence)
    return score_frame(pd.concat(parts, ignore_index=True), evidence=evidence)


def article_tone(articles: Iterable[Any], *, lead: int = 2) -> pd.DataFrame:
    """Tone of each article: sentence statistics, headline tone and lead tone.

    The headline is scored as one sentence with VADER. The lead is the first ``lead``
    sentences of the body (the first two by default); its tone is the mean of their
    compound scores, the same statistic as ``mean_compound`` for the whole article.

    Args:
        articles: :class:`analysis.corpus.Article` records (``id``, ``outlet``,
            ``headline``, ``sentences``).
        lead: how many opening sentences make the lead (at least 1).

    Returns:
        One row per article, in the order given, with columns ``article``, ``outlet``,
        ``headline`` (``""`` when the article has none), ``headline_compound`` (NaN when
        there is no headline), ``headline_label`` (``""`` when there is none),
        ``lead_compound`` (NaN for an article without sentences), ``lead_label``, then the
        columns of :func:`summarize_tone` (``n_sentences`` ... ``most_positive_sentence``).
        Labels use VADER's ±0.05 cut-off (:func:`label_compound`).

    Raises:
        ValueError: ``lead`` is smaller than 1.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> from analysis.corpus import Article
        >>> art = Article(id="a1", text="The plan failed. Everyone was happy. It rained.", headline="A good day")
        >>> row = article_tone([art]).iloc[0]
        >>> float(row["headline_compound"]), round(float(row["lead_compound"]), 4), int(row["n_sentences"])
        (0.4404, 0.0306, 3)
    """
    if int(lead) < 1:
        raise ValueError(f"lead must be at least 1 sentence, not {lead}")
    articles = list(articles)
    scored = score_articles(articles, evidence=False)
    summary = summarize_tone(scored, by="article")
    headlines = [(getattr(a, "headline", "") or "").strip() for a in articles]
    headline_scores = score_sentences([h for h in headlines if h], evidence=False)["compound"].tolist()
    rows = []
    for article, headline in zip(articles, headlines):
        of_article = scored[scored["article"] == article.id]
        lead_scores = of_article["compound"].head(int(lead))
        h_compound = float(headline_scores.pop(0)) if headline else float("nan")
        l_compound = float(lead_scores.mean()) if len(lead_scores) else float("nan")
        rows.append(
            {
                "article": article.id,
                "outlet": getattr(article, "outlet", "") or "",
                "headline": headline,
                "headline_compound": h_compound,
                "headline_label": label_compound(h_compound) if headline else "",
                "lead_compound": l_compound,
                "lead_label": label_compound(l_compound) if len(lead_scores) else "",
            }
        )
    frame = pd.DataFrame(rows, columns=_ARTICLE_TONE_COLUMNS[:7])
    if frame.empty:
        return pd.DataFrame(columns=_ARTICLE_TONE_COLUMNS)
    frame = frame.merge(summary, on="article", how="left")
    frame["n_sentences"] = frame["n_sentences"].fillna(0).astype(int)
    for col in ("headline_compound", "lead_compound"):
        frame[col] = frame[col].astype(float)
    return frame[_ARTICLE_TONE_COLUMNS]


def tone_timeline(scored: pd.DataFrame, *, window: int = 3, by: str | None = "article") -> pd.DataFrame:
    """Tone across each article: sentence position (0 to 1) against compound score.

    Position is the sentence's rank in its article divided by the number of sentences
    minus one, so the first sentence is at 0 and the last at 1 (a one-sentence article is
    at 0). The rolling mean is centred: for ``window=3`` it averages a sentence with the
    one before and the one after; at the ends of an article only the sentences that exist
    are averaged.

    Args:
        scored: sentences with ``compound`` (from :func:`score_articles` or
            :func:`score_frame`), in text order.
        window: number of sentences in the rolling mean, an odd number >= 1.
        by: the column that names the article; ``None`` treats all rows as one text.

    Returns:
        One row per sentence, in input order, with columns ``by`` (when given),
        ``outlet`` and ``sentence`` (when present), ``position`` (0..1), ``compound``,
        ``rolling_mean`` and ``text`` (when present).

    Raises:
        ValueError: ``window`` is not a positive odd number, or a column is missing.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> scored = pd.DataFrame({"compound": [0.5, -0.5, 0.0, 0.2]})
        >>> tone_timeline(scored, by=None)[["position", "rolling_mean"]].round(4).values.tolist()
        [[0.0, 0.0], [0.3333, 0.0], [0.6667, -0.1], [1.0, 0.1]]
    """
    if not isinstance(window, int) or window < 1 or window % 2 == 0:
        raise ValueError(f"window must be a positive odd number of sentences, not {window!r}")
    _require_columns(scored, ["compound"] + ([by] if by is not None else []), "scored")
    frame = scored.reset_index(drop=True)
    keys = frame[by] if by is not None else pd.Series(0, index=frame.index)
    compound = frame["compound"].astype(float)
    groups = compound.groupby(keys, sort=False)
    rank = groups.cumcount()
    size = groups.transform("size")
    position = (rank / (size - 1).where(size > 1)).fillna(0.0)
    rolling = groups.transform(lambda s: s.rolling(window, center=True, min_periods=1).mean())
    out = pd.DataFrame(index=frame.index)
    for col in ([by] if by is not None else []) + [c for c in ("outlet", "sentence") if c in frame.columns and c != by]:
        out[col] = frame[col]
    out["position"] = position.astype(float)
    out["compound"] = compound
    out["rolling_mean"] = rolling.astype(float)
    if "text" in frame.columns:
        out["text"] = frame["text"]
    return out


# ---------------------------------------------------------------------------------------
# Evidence for display: the extreme sentences, a tidy word table, highlighted HTML
# ---------------------------------------------------------------------------------------


def extreme_sentences(scored: pd.DataFrame, *, by: str | None = "article") -> pd.DataFrame:
    """The most negative and the most positive sentence of each article.

    Args:
        scored: sentences with ``compound`` (from :func:`score_articles`).
        by: the column that names the article; ``None`` treats all rows as one text.

    Returns:
        Rows of ``scored`` (all its columns, index reset) preceded by a ``which`` column:
        for each group in order of appearance, ``"most negative"`` (lowest compound,
        only when below 0) then ``"most positive"`` (highest compound, only when above
        0). Ties go to the earlier sentence.

    Example:
        >>> scored = pd.DataFrame({"text": ["a", "b", "c"], "compound": [0.2, -0.4, 0.6]})
        >>> extreme_sentences(scored, by=None)[["which", "text"]].values.tolist()
        [['most negative', 'b'], ['most positive', 'c']]
    """
    _require_columns(scored, ["compound"] + ([by] if by is not None else []), "scored")
    frame = scored.reset_index(drop=True)
    groups = frame.groupby(by, sort=False) if by is not None else [(None, frame)]
    picks: list[tuple[str, int]] = []
    for _, group in groups:
        compound = group["compound"].astype(float)
        if (compound < 0).any():
            picks.append(("most negative", int(compound.idxmin())))
        if (compound > 0).any():
            picks.append(("most positive", int(compound.idxmax())))
    out = frame.loc[[i for _, i in picks]].reset_index(drop=True)
    out.insert(0, "which", [w for w, _ in picks])
    return out


def _num(value: float) -> str:
    """A valence for display: at most three decimals, no trailing zeros."""
    return f"{round(float(value), 3):g}"


def describe_adjustment(adjustment: dict[str, Any]) -> str:
    """One VADER adjustment in plain words: rule, trigger and what it did to the valence.

    Example:
        >>> describe_adjustment({"rule": "negation", "trigger": "not", "before": 1.9, "after": -1.406})
        "negation ('not'): 1.9 -> -1.406"
    """
    return (
        f"{adjustment['rule']} ('{adjustment['trigger']}'): "
        f"{_num(adjustment['before'])} -> {_num(adjustment['after'])}"
    )


def evidence_table(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per lexicon word that VADER scored, with the rules that changed it.

    Args:
        scored: output of :func:`score_sentences`, :func:`score_frame`,
            :func:`score_articles` or :func:`extreme_sentences` (needs the ``evidence``
            and ``compound`` columns, i.e. scored with ``evidence=True``).

    Returns:
        One row per scored word, sentences in input order and words in text order, with
        the identifying columns the input has (``which``, ``article``, ``sentence``), then
        ``compound`` (the sentence's score), ``word`` (as written), ``start``, ``end``
        (offsets into the sentence), ``valence_base`` (the lexicon value),
        ``adjustments`` (each rule in plain words, ``"; "``-separated, ``""`` when none
        applied; see :func:`describe_adjustment`) and ``valence_final``. Sentences
        without a lexicon word have no row.

    Raises:
        ValueError: the input was scored without evidence.

    Example:
        >>> table = evidence_table(score_sentences(["It is not good."]))
        >>> table[["word", "valence_base", "adjustments", "valence_final"]].values.tolist()
        [['good', 1.9, "negation ('not'): 1.9 -> -1.406", -1.406]]
    """
    _require_columns(scored, ["evidence", "compound"], "scored")
    id_cols = [c for c in ("which", "article", "sentence") if c in scored.columns]
    columns = [*id_cols, "compound", "word", "start", "end", "valence_base", "adjustments", "valence_final"]
    rows = []
    for _, row in scored.iterrows():
        for item in row["evidence"] or []:
            rows.append(
                {
                    **{c: row[c] for c in id_cols},
                    "compound": float(row["compound"]),
                    "word": item["word"],
                    "start": int(item["start"]),
                    "end": int(item["end"]),
                    "valence_base": float(item["valence_base"]),
                    "adjustments": "; ".join(describe_adjustment(a) for a in item["adjustments"]),
                    "valence_final": float(item["valence_final"]),
                }
            )
    return pd.DataFrame(rows, columns=columns)


#: Highlight colours: Okabe–Ito blue for positive words, vermilion for negative ones.
HIGHLIGHT_COLORS = {"positive": "rgba(0, 114, 178, 0.22)", "negative": "rgba(213, 94, 0, 0.28)"}


def highlight_evidence(text: str, evidence: list[dict[str, Any]] | None) -> str:
    """A sentence as escaped HTML with VADER's words and rule triggers marked.

    Each lexicon word is wrapped in ``<mark>``, blue when its final valence is positive
    and orange when it is negative, with its valences and rules in a ``title`` tooltip;
    each word that triggered a rule (``not``, ``very``, ``but`` ...) is underlined. All
    text, including the tooltips, is HTML-escaped, so article text is never run as markup.

    Args:
        text: the sentence, exactly as scored.
        evidence: its ``evidence`` list from :func:`score_sentences` (``None`` or empty
            gives the escaped sentence with no marks).

    Returns:
        An HTML fragment (no surrounding element).

    Example:
        >>> highlight_evidence("It is <not> good.", [])
        'It is &lt;not&gt; good.'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    word_at: list[dict[str, Any] | None] = [None] * len(text)
    trigger_at = [False] * len(text)
    for item in evidence or []:
        for k in range(max(0, item["start"]), min(len(text), item["end"])):
            word_at[k] = item
        for adj in item["adjustments"]:
            for k in range(max(0, adj["start"]), min(len(text), adj["end"])):
                trigger_at[k] = True
    pieces = []
    k = 0
    while k < len(text):
        j = k
        while j < len(text) and word_at[j] is word_at[k] and trigger_at[j] == trigger_at[k]:
            j += 1
        chunk = html.escape(text[k:j], quote=True)
        if trigger_at[k]:
            chunk = f'<u style="text-decoration-style: dotted">{chunk}</u>'
        item = word_at[k]
        if item is not None:
            sign = "positive" if item["valence_final"] > 0 else "negative"
            tip = f"{item['word']}: lexicon {_num(item['valence_base'])}"
            tip += "".join(f"; {describe_adjustment(a)}" for a in item["adjustments"])
            tip += f"; final {_num(item['valence_final'])}"
            chunk = (
                f'<mark style="background: {HIGHLIGHT_COLORS[sign]}; color: inherit" '
                f'title="{html.escape(tip, quote=True)}">{chunk}</mark>'
            )
        pieces.append(chunk)
        k = j
    return "".join(pieces)


def evidence_html(scored: pd.DataFrame) -> str:
    """Several scored sentences as one HTML block, words highlighted (see :func:`highlight_evidence`).

    Args:
        scored: rows with ``text``, ``compound``, ``label`` and ``evidence`` (e.g. from
            :func:`extreme_sentences`); ``which``, ``outlet``, ``article`` and
            ``sentence`` are shown in each row's heading when present.

    Returns:
        An escaped HTML fragment: a legend, then one paragraph per sentence with its
        heading, its score, and the sentence with its words marked.
    """
    _require_columns(scored, ["text", "compound", "evidence"], "scored")
    blue, orange = HIGHLIGHT_COLORS["positive"], HIGHLIGHT_COLORS["negative"]
    parts = [
        '<div class="mediaframes-evidence">',
        f'<p><mark style="background: {blue}; color: inherit">positive word</mark> '
        f'<mark style="background: {orange}; color: inherit">negative word</mark> '
        '<u style="text-decoration-style: dotted">word that changed a score</u> '
        "(hover over a marked word for its valence and rules)</p>",
    ]
    for _, row in scored.iterrows():
        heading = [str(row[c]) for c in ("which", "outlet", "article") if c in scored.columns and str(row[c])]
        if "sentence" in scored.columns:
            heading.append(f"sentence {row['sentence']}")
        label = row["label"] if "label" in scored.columns else label_compound(row["compound"])
        heading.append(f"compound {float(row['compound']):+.4f} ({label})")
        parts.append(
            f"<p><strong>{html.escape(' · '.join(heading))}</strong><br>"
            f"{highlight_evidence(row['text'], row['evidence'])}</p>"
        )
    parts.append("</div>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------
# Voices from the sources table
# ---------------------------------------------------------------------------------------

#: ``method`` values of :func:`voice_quotes`.
BY_ATTRIBUTION = "attribution rules"
BY_QUOTATION_MARKS = "quotation marks"

_VOICE_QUOTE_COLUMNS = ["article", "speaker", "kind", "start", "end", "quote", "method"]


def voice_quotes(
    articles: Iterable[Any], *, kinds: Iterable[str] | None = None, extract: Any = None
) -> pd.DataFrame:
    """Who speaks where in each article: the sources table, ready for :func:`tone_by_voice`.

    Each article's cleaned text goes through :func:`analysis.sources.extract_quotes`, whose
    ``start, end`` offsets are in the same coordinates as the article's sentences. When the
    extractor finds no attributed statement at all in an article, the spans inside
    quotation marks are used instead (:func:`quoted_spans`, speaker :data:`UNATTRIBUTED`,
    kind ``"quoted"``), and the ``method`` column says so.

    Args:
        articles: :class:`analysis.corpus.Article` records (``id`` and ``text``).
        kinds: keep only these kinds of attribution (``direct``, ``partial``,
            ``indirect``); ``None`` keeps all. Quotation-mark fallback rows are always kept.
        extract: the extractor, a function ``text -> DataFrame`` with ``speaker, kind,
            start, end, quote``; ``None`` uses :func:`analysis.sources.extract_quotes`
            through :mod:`analysis.cache` (computed once per text and code version).

    Returns:
        One row per attributed statement, articles in the order given and statements in
        text order, with columns ``article``, ``speaker``, ``kind``, ``start``, ``end``
        (offsets of the attributed words in the article text), ``quote`` and ``method``
        (:data:`BY_ATTRIBUTION` or :data:`BY_QUOTATION_MARKS`).

    References:
        Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
        (What counts as an attribution: direct, indirect and partial.)
    """
    if extract is None:
        from ..cache import extract_quotes as extract
    wanted = None if kinds is None else set(kinds)
    parts = []
    for article in articles:
        found = extract(article.text)
        if len(found):
            rows = found.assign(method=BY_ATTRIBUTION)
            if wanted is not None:
                rows = rows[rows["kind"].isin(wanted)]
        else:
            spans = quoted_spans(article.text)
            rows = pd.DataFrame(
                {
                    "speaker": spans["speaker"],
                    "kind": "quoted",
                    "start": spans["start"],
                    "end": spans["end"],
                    "quote": spans["text"],
                    "method": BY_QUOTATION_MARKS,
                }
            )
        rows = rows.assign(article=article.id).sort_values(["start", "end"], kind="stable")
        parts.append(rows[_VOICE_QUOTE_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=_VOICE_QUOTE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out


def narration_vs_quotes(voices: pd.DataFrame) -> pd.DataFrame:
    """The reporter's narration against all quoted voices pooled, per article.

    Args:
        voices: output of :func:`tone_by_voice` (``voice``, ``n_segments``,
            ``mean_compound``, ``segments``; ``article`` when there are several).

    Returns:
        One row per article (in order of appearance; one row in all without ``article``)
        with columns ``narrator_segments``, ``narrator_mean``,
        ``narrator_share_negative``, ``quoted_segments``, ``quoted_mean``,
        ``quoted_share_negative`` and ``difference`` (``quoted_mean - narrator_mean``:
        below 0 when the people quoted sound more negative than the writer). Means and
        shares are over segments, every segment counting once; NaN where a side has no
        segment.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> row = narration_vs_quotes(tone_by_voice(sents)).iloc[0]
        >>> row[["narrator_mean", "quoted_mean", "difference"]].tolist()
        [0.0, -0.6249, -0.6249]
    """
    _require_columns(voices, ["voice", "segments"], "voices")
    key_cols = ["article"] if "article" in voices.columns else []
    columns = [
        *key_cols, "narrator_segments", "narrator_mean", "narrator_share_negative",
        "quoted_segments", "quoted_mean", "quoted_share_negative", "difference",
    ]  # fmt: skip
    groups = voices.groupby("article", sort=False) if key_cols else [(None, voices)]
    rows = []
    for article, group in groups:
        sides: dict[str, list[float]] = {"narrator": [], "quoted": []}
        for voice, segments in zip(group["voice"], group["segments"]):
            side = "narrator" if voice == NARRATOR else "quoted"
            sides[side].extend(float(s["compound"]) for s in segments)
        row: dict[str, Any] = {"article": article} if key_cols else {}
        for side, scores in sides.items():
            n = len(scores)
            row[f"{side}_segments"] = n
            row[f"{side}_mean"] = sum(scores) / n if n else float("nan")
            row[f"{side}_share_negative"] = (
                sum(label_compound(s) == "negative" for s in scores) / n if n else float("nan")
            )
        row["difference"] = row["quoted_mean"] - row["narrator_mean"]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("narrator_segments", "quoted_segments"):
        frame[col] = frame[col].astype(int)
    return frame


# ---------------------------------------------------------------------------------------
# The two lexicons sentence by sentence
# ---------------------------------------------------------------------------------------


def lexicon_comparison(vader_df: pd.DataFrame, opinion_df: pd.DataFrame) -> pd.DataFrame:
    """VADER and Hu & Liu side by side for each sentence, with the words each one found.

    Args:
        vader_df: output of :func:`score_articles` / :func:`score_frame` /
            :func:`score_sentences` (``text``, ``compound``, ``label``; ``words`` when
            scored with evidence).
        opinion_df: :func:`opinion_scores` of the same sentences, in the same order.

    Returns:
        One row per sentence, in order, with ``article`` and ``sentence`` when the VADER
        table has them, then ``text``, ``vader_compound``, ``vader_label``,
        ``vader_words`` (the lexicon entries VADER scored, ``""`` without evidence),
        ``opinion_score``, ``opinion_label``, ``opinion_words`` (``+word`` for Hu & Liu
        positive words, ``-word`` for negative ones) and ``agree`` (same label).

    Raises:
        ValueError: the tables have different lengths or lack their columns.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER. ICWSM-14. Hu, M. & Liu, B. (2004).
        Mining and Summarizing Customer Reviews. KDD-04.

    Example:
        >>> sents = ["The book was good.", "Not bad at all."]
        >>> both = lexicon_comparison(score_sentences(sents), opinion_scores(sents))
        >>> both[["vader_label", "opinion_label", "opinion_words", "agree"]].values.tolist()
        [['positive', 'positive', '+good', True], ['positive', 'negative', '-bad', False]]
    """
    _require_columns(vader_df, ["text", "compound", "label"], "vader_df")
    _require_columns(opinion_df, ["score", "label", "positive_words", "negative_words"], "opinion_df")
    if len(vader_df) != len(opinion_df):
        raise ValueError(
            f"vader_df has {len(vader_df)} rows but opinion_df has {len(opinion_df)}; "
            "score the same sentences in the same order"
        )
    vader_df = vader_df.reset_index(drop=True)
    opinion_df = opinion_df.reset_index(drop=True)
    out = vader_df[[c for c in ("article", "sentence") if c in vader_df.columns]].copy()
    out["text"] = vader_df["text"]
    out["vader_compound"] = vader_df["compound"].astype(float)
    out["vader_label"] = vader_df["label"]
    if "words" in vader_df.columns:
        out["vader_words"] = [", ".join(entry for entry, _ in words or []) for words in vader_df["words"]]
    else:
        out["vader_words"] = ""
    out["opinion_score"] = opinion_df["score"].astype(float)
    out["opinion_label"] = opinion_df["label"]
    out["opinion_words"] = [
        ", ".join([f"+{w}" for w in pos] + [f"-{w}" for w in neg])
        for pos, neg in zip(opinion_df["positive_words"], opinion_df["negative_words"])
    ]
    out["agree"] = out["vader_label"].eq(out["opinion_label"])
    return out


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def _require_columns(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    """Raise ValueError naming the columns ``frame`` lacks."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; it has {list(frame.columns)}")
