"""Do the two lexicons agree? Cohen's kappa, the cross-table of labels, and both side by side.

References:
    Cohen, J. (1960). A Coefficient of Agreement for Nominal Scales. *Educational and
    Psychological Measurement*, 20(1), 37-46.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .inputs import _require_columns
from .labels import LABELS


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
        >>> from analysis.sentiment import opinion_scores, score_sentences
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
        >>> from analysis.sentiment import opinion_scores, score_sentences
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
