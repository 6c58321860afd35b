"""VADER word by word: the valence of each lexicon word and every rule that changed it.

Each step mirrors ``nltk/sentiment/vader.py`` (its booster, negation, idiom, "least" and
"but" rules, and its quirks), recording what applied; the list of valences is handed to
NLTK's own ``SentimentIntensityAnalyzer.score_valence``, so the scores are NLTK's to the
last digit (see :mod:`analysis.sentiment`).

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM-14, Ann Arbor, MI.
"""

from __future__ import annotations

from typing import Any

from nltk.sentiment.vader import SentimentIntensityAnalyzer

from .tokens import _tokens

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
