"""How a target is talked about: the sentences that mention chosen terms, the tone of each
sentence (VADER) and the tone towards the term in it (:func:`analysis.sentiment.target_tone`)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .inputs import _as_text_list, _require_columns
from .labels import label_compound
from .scores import score_frame
from .target_tone import tone_rows


def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for ``term`` with simple plural/possessive."""
    from ..nlp.text import phrase_pattern

    return phrase_pattern(term, inflected=True)


TOWARDS_COLUMNS = ["towards_score", "towards_label", "towards_evidence"]


def _towards(text: str, spans: list[tuple[int, int]]) -> tuple[float, str, list[dict]]:
    """The tone towards the mentions ``spans`` of one sentence: the mean score, its label
    (the label of the mention when there is one; else from the mean score with ±0.05) and
    the evidence of every mention."""
    rows = tone_rows(text, [{"target": text[a:b], "start": a, "end": b, "via": "name"} for a, b in spans])
    score = sum(r["score"] for r in rows) / len(rows)
    if len(rows) == 1:
        label = rows[0]["label"]
    else:
        label = "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
    evidence = [e for r in rows for e in r["evidence"]]
    return round(score, 4), label, evidence


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
        towards = [_towards(t, h) for t, h in zip(_as_text_list(rows[text_col], text_col), found)]
        rows["towards_score"] = [t[0] for t in towards]
        rows["towards_label"] = [t[1] for t in towards]
        rows["towards_evidence"] = pd.Series([t[2] for t in towards], index=rows.index, dtype=object)
        pieces.append(rows)
    columns = ["term", *table.columns, "n_matches", "matches", *TOWARDS_COLUMNS]
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
        ``n_mentions``, ``mean_compound`` and ``share_negative`` (the tone of the whole
        sentences, VADER; NaN when there are no sentences), ``mean_towards`` and
        ``share_negative_towards`` (the tone towards the term in them, from
        :func:`analysis.sentiment.target_tone`) and ``sentences``: a list of dicts
        ``{text, compound, towards_score, towards_label}`` (plus ``sentence`` when the
        input has sentence ids) for the notebook to list.
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
    columns = [*key_cols, "n_sentences", "n_mentions", "mean_compound", "share_negative",
               "mean_towards", "share_negative_towards", "sentences"]  # fmt: skip
    articles = list(pd.unique(sentences["article"])) if by_article else [None]
    detail = [c for c in ("sentence", text_col, "compound", "towards_score", "towards_label") if c in mentions.columns]
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
                mean_towards=float(part["towards_score"].mean()) if n else float("nan"),
                share_negative_towards=float(part["towards_label"].eq("negative").mean()) if n else float("nan"),
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
    for col in ("share_negative", "mean_towards", "share_negative_towards"):
        frame[col] = frame[col].astype(float)
    return frame
