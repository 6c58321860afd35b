"""How each article sounds, and where: every sentence scored, headline and lead, the timeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .inputs import _require_columns
from .labels import label_compound
from .scores import score_frame, score_sentences
from .summary import _SUMMARY_COLUMNS, summarize_tone

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
