"""A second lexicon: Hu & Liu's positive and negative opinion words counted in each sentence.

References:
    Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. KDD-04, Seattle, WA,
    168-177.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..nlp.tokens import WORD
from .inputs import _as_text_list
from .loaders import load_opinion_lexicon

_OPINION_COLUMNS = ["text", "n_positive", "n_negative", "score", "label", "positive_words", "negative_words"]


def _opinion_words(
    text: str, positive: frozenset[str], negative: frozenset[str]
) -> tuple[list[str], list[str]]:
    """Hu & Liu positive and negative words of ``text``, in order (see :func:`opinion_scores`)."""
    pos_words: list[str] = []
    neg_words: list[str] = []
    for token in WORD.findall(text.lower()):
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
        analysis.nlp.nltk_data.MissingNLTKDataError: the opinion lexicon is not installed.

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
