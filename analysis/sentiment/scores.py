"""How each sentence sounds: VADER's scores for a list or a table of sentences, with evidence."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .inputs import _as_text_list, _require_columns
from .labels import label_compound
from .loaders import load_vader
from .vader import _score_one


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
        analysis.nlp.nltk_data.MissingNLTKDataError: the VADER lexicon is not installed.

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
