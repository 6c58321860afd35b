"""Which words set one report apart from another? Fightin' Words z-scores.

:func:`fightin_words` is the weighted log-odds ratio with an informative Dirichlet prior of
Monroe, Colaresi & Quinn (2008) for two sets of term counts; :func:`distinctive_terms`
counts the words (or two-word phrases) of each report and compares it with the others.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..nlp import nltk_data as nltkdata
from ._results import _empty
from ._tokens import _APOS


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """NLTK's English stop-word list, lower case."""
    nltkdata.require("stopwords")
    from nltk.corpus import stopwords

    return frozenset(w.lower() for w in stopwords.words("english"))


#: Default total weight of the informative prior (the sum of the pseudo-counts).
DEFAULT_ALPHA0 = 100.0


def _as_counts(counts: Any, name: str) -> pd.Series:
    if isinstance(counts, pd.Series):
        series = counts.astype(float)
    elif isinstance(counts, Mapping):
        series = pd.Series(dict(counts), dtype=float)
    else:
        raise TypeError(
            f"{name} must be a mapping or Series of term counts, not {type(counts).__name__}"
        )
    series.index = series.index.map(str)
    if series.isna().any():
        raise ValueError(f"{name} has missing counts for {list(series.index[series.isna()])[:5]}")
    if (series < 0).any():
        raise ValueError(f"{name} has negative counts for {list(series.index[series < 0])[:5]}")
    return series.groupby(level=0).sum()


def fightin_words(
    counts_a: Mapping[str, float] | pd.Series,
    counts_b: Mapping[str, float] | pd.Series,
    *,
    prior: float | Mapping[str, float] | pd.Series | None = None,
    alpha0: float | None = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior ("Fightin' Words").

    For each term w used by A or B, with counts ``y_a``, ``y_b``, totals ``n_a``, ``n_b``,
    pseudo-count ``a_w`` and prior total ``a0 = sum(a_w)`` (Monroe et al. 2008, eq. 16-22)::

        delta_w = log((y_a + a_w) / (n_a + a0 - y_a - a_w))
                - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
        var_w   = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        z_w     = delta_w / sqrt(var_w)

    Positive ``z`` marks a term typical of A, negative of B; ``|z| > 1.96`` is the paper's
    rough guide for a notable difference.

    The prior. By default (``prior=None``) it is informative: the pooled counts of A and B,
    rescaled so that they sum to ``alpha0`` (default 100), i.e. ``a_w = alpha0 * (y_a + y_b)
    / (n_a + n_b)``. Pooling shrinks rare words towards "no difference" in proportion to
    how rare they are, which is the point of the method; ``alpha0 = 100`` keeps the prior
    weaker than the data for news articles of a few hundred words (pass a larger value to
    shrink harder). ``prior`` may instead be background counts (a Series or mapping, e.g.
    counts from a larger news corpus): they are rescaled to ``alpha0`` the same way, or used
    as given when ``alpha0=None``; terms of A or B missing from the background get the
    smallest positive background count. A number gives the flat (uninformative) prior
    ``a_w = prior`` for every term (``alpha0`` is then ignored).

    Args:
        counts_a: term counts of text (or group) A.
        counts_b: term counts of text (or group) B.
        prior: ``None`` (pooled counts), background counts, or a flat pseudo-count.
        alpha0: total weight the prior is rescaled to; ``None`` keeps it as given; ignored
            for a flat prior.

    Returns:
        One row per term used by A or B, sorted by ``z`` (descending), with columns
        ``term, count_a, count_b, freq`` (count_a + count_b), ``alpha`` (the pseudo-count
        ``a_w``), ``delta``, ``var``, ``z``.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403.

    Example:
        >>> table = fightin_words({"ban": 3, "zoom": 2}, {"sell": 3, "zoom": 2})
        >>> table["term"].tolist()
        ['ban', 'zoom', 'sell']
    """
    a = _as_counts(counts_a, "counts_a")
    b = _as_counts(counts_b, "counts_b")
    vocab = sorted(set(a.index[a > 0]) | set(b.index[b > 0]))
    columns = ["term", "count_a", "count_b", "freq", "alpha", "delta", "var", "z"]
    if not vocab:
        return _empty(columns)
    ya = a.reindex(vocab, fill_value=0.0).to_numpy(float)
    yb = b.reindex(vocab, fill_value=0.0).to_numpy(float)
    if isinstance(prior, (int, float)) and not isinstance(prior, bool):
        if prior <= 0:
            raise ValueError(f"a flat prior must be positive, got {prior}")
        alpha = np.full(len(vocab), float(prior))
        a0 = alpha.sum()
    else:
        if prior is None:
            background = pd.Series(ya + yb, index=vocab)
        else:
            background = _as_counts(prior, "prior")
            positive = background[background > 0]
            if positive.empty:
                raise ValueError("the background prior has no positive counts")
            background = background.reindex(vocab).fillna(positive.min()).clip(lower=positive.min())
        if alpha0 is not None:
            if alpha0 <= 0:
                raise ValueError(f"alpha0 must be positive, got {alpha0}")
            alpha = background.to_numpy(float) * (alpha0 / background.sum())
        else:
            alpha = background.to_numpy(float)
        a0 = alpha.sum()
    na, nb = ya.sum(), yb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log(
            (yb + alpha) / (nb + a0 - yb - alpha)
        )
        var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        z = delta / np.sqrt(var)
    out = pd.DataFrame(
        {
            "term": vocab,
            "count_a": ya.astype("int64") if np.all(ya == ya.round()) else ya,
            "count_b": yb.astype("int64") if np.all(yb == yb.round()) else yb,
            "freq": ya + yb,
            "alpha": alpha,
            "delta": delta,
            "var": var,
            "z": z,
        }
    )
    if np.all(out["freq"] == out["freq"].round()):
        out["freq"] = out["freq"].astype("int64")
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


_WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[^\W\d_]+(?:-[^\W\d_]+)*")
_CLITIC_WORDS = frozenset({"s", "m", "t", "d", "ll", "re", "ve"})


def _terms(text: str, *, ngram: int, stopwords: bool) -> list[str]:
    """Lower-case word n-grams of ``text`` (see :func:`distinctive_terms`)."""
    stop = _stopwords() if stopwords else frozenset()
    words: list[tuple[str, int, int]] = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in _CLITIC_WORDS and m.start() > 0 and text[m.start() - 1] in _APOS:
            continue  # the 's of Russia's, the 'm of I'm
        words.append((w, m.start(), m.end()))
    if ngram == 1:
        return [w for w, _, _ in words if w not in stop]
    grams = []
    for (w1, _, e1), (w2, s2, _) in zip(words, words[1:]):
        gap = text[e1:s2]
        if gap.strip() or "\n" in gap or w1 in stop or w2 in stop:
            continue
        grams.append(f"{w1} {w2}")
    return grams


def distinctive_terms(
    texts: Mapping[str, str],
    *,
    ngram: int = 1,
    min_count: int = 1,
    stopwords: bool = True,
    prior: float | Mapping[str, float] | pd.Series | None = None,
    alpha0: float | None = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Words (or two-word phrases) that set each report apart, by Fightin' Words z-scores.

    Tokenisation: lower-cased runs of letters (hyphenated words and abbreviations such as
    "U.S." kept whole, digits and punctuation dropped, the clitics of "Russia's" and "I'm"
    dropped). Unigrams: NLTK's
    English stop words removed when ``stopwords`` is true. Bigrams: two words adjacent in
    the text with nothing but spaces between them (no punctuation, no line break), neither
    a stop word when ``stopwords`` is true; a stop word breaks adjacency rather than being
    skipped, so "sales to Russian agencies" gives only "russian agencies".

    With two texts, A is compared with B (and B with A: the same numbers, sign flipped);
    with more, each text is compared with all the others pooled. The prior is that of
    :func:`fightin_words` (default: the pooled counts of all texts rescaled to ``alpha0``).

    Args:
        texts: ``{article_id: text}`` with at least two entries.
        ngram: 1 (words) or 2 (two-word phrases).
        min_count: drop terms used fewer times than this in all texts together.
        stopwords: remove NLTK English stop words (see above).
        prior: as in :func:`fightin_words`; ``None`` pools all texts.
        alpha0: as in :func:`fightin_words`.

    Returns:
        One row per article and term of the whole vocabulary, with columns ``article,
        term, count`` (in this article), ``count_other`` (in the others), ``z, delta``
        (this article against the others) and ``rank`` (1 = highest z in this article),
        sorted by article and rank.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403.

    Example:
        >>> t = distinctive_terms({"a": "ban ban ban zoom", "b": "sell sell sell zoom"})
        >>> t[t["rank"] == 1][["article", "term"]].values.tolist()
        [['a', 'ban'], ['b', 'sell']]
    """
    columns = ["article", "term", "count", "count_other", "z", "delta", "rank"]
    if ngram not in (1, 2):
        raise ValueError(f"ngram must be 1 or 2, got {ngram}")
    if not isinstance(texts, Mapping):
        raise TypeError("texts must be a dict {article_id: text}")
    if len(texts) == 0:
        return _empty(columns)
    if len(texts) < 2:
        raise ValueError("distinctive_terms needs at least two texts to compare")
    counts = {}
    for key, text in texts.items():
        if not isinstance(text, str):
            raise TypeError(f"text of article {key!r} is {type(text).__name__}, not str")
        counts[key] = Counter(_terms(text, ngram=ngram, stopwords=stopwords))
    total = Counter()
    for c in counts.values():
        total.update(c)
    keep = {t for t, n in total.items() if n >= min_count}
    pooled = pd.Series({t: total[t] for t in sorted(keep)}, dtype=float)
    rows = []
    for key, own in counts.items():
        mine = pd.Series({t: own[t] for t in sorted(keep)}, dtype=float)
        other = pooled - mine if len(pooled) else pooled
        if not len(pooled) or pooled.sum() == 0:
            continue
        table = fightin_words(mine, other, prior=pooled if prior is None else prior, alpha0=alpha0)
        table = table.assign(article=key, rank=np.arange(1, len(table) + 1))
        rows.append(table.rename(columns={"count_a": "count", "count_b": "count_other"}))
    if not rows:
        return _empty(columns)
    out = pd.concat(rows, ignore_index=True)[columns]
    return out.astype({"count": "int64", "count_other": "int64", "rank": "int64"})
