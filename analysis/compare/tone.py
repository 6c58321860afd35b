"""The tone of each report read from corpus-mode tables: scored sentences, each report's
tone, who speaks where, and the narration against the quoted voices.

Each function gives what its :mod:`analysis.sentiment` counterpart gives for the articles
(:func:`~analysis.sentiment.score_articles`, :func:`~analysis.sentiment.article_tone`,
:func:`~analysis.sentiment.voice_quotes`, :func:`~analysis.sentiment.narration_vs_quotes`),
from the tables of ``python -m analysis analyze`` instead of analysing the articles again.
"""

from __future__ import annotations

import pandas as pd

from .table_articles import texts_from_tables


def scored_from_tables(tables: dict[str, pd.DataFrame], *, evidence: bool = True) -> pd.DataFrame:
    """:func:`analysis.sentiment.score_articles` of every article, from the tables.

    The scores (``neg, neu, pos, compound, label``) are read from the ``sentiment`` table.
    With ``evidence``, the evidence columns (``words, evidence, valence_sum,
    punct_emphasis``) are computed again from the sentences' text: the tables keep each
    scored word, not the rules VADER applied to it.
    """
    from .. import sentiment

    outlets = tables["articles"][["article", "outlet"]]
    scores = tables["sentiment"][["article", "sentence", "neg", "neu", "pos", "compound", "label"]]
    frame = tables["sentences"].merge(outlets, on="article", how="left").merge(scores, on=["article", "sentence"], how="left")
    columns = ["article", "outlet", "sentence", "paragraph", "start", "end", "text", "neg", "neu", "pos", "compound", "label"]
    frame = frame[columns].reset_index(drop=True)
    if evidence:
        found = sentiment.score_sentences(frame["text"].tolist(), evidence=True)
        for col in ("words", "evidence", "valence_sum", "punct_emphasis"):
            frame[col] = found[col].to_numpy()
    return frame


def tone_from_tables(tables: dict[str, pd.DataFrame], *, lead: int = 2) -> pd.DataFrame:
    """:func:`analysis.sentiment.article_tone` of every article, from the tables (the headline,
    which the tables keep as text only, is scored again)."""
    from .. import sentiment

    if int(lead) < 1:
        raise ValueError(f"lead must be at least 1 sentence, not {lead}")
    scored = scored_from_tables(tables, evidence=False)
    summary = sentiment.summarize_tone(scored, by="article")
    articles = tables["articles"]
    headlines = [(h or "").strip() for h in articles["headline"]]
    headline_scores = sentiment.score_sentences([h for h in headlines if h], evidence=False)["compound"].tolist()
    rows = []
    for article_id, outlet, headline in zip(articles["article"], articles["outlet"], headlines):
        lead_scores = scored.loc[scored["article"] == article_id, "compound"].head(int(lead))
        h_compound = float(headline_scores.pop(0)) if headline else float("nan")
        l_compound = float(lead_scores.mean()) if len(lead_scores) else float("nan")
        rows.append({
            "article": article_id, "outlet": outlet or "", "headline": headline, "headline_compound": h_compound,
            "headline_label": sentiment.label_compound(h_compound) if headline else "",
            "lead_compound": l_compound, "lead_label": sentiment.label_compound(l_compound) if len(lead_scores) else "",
        })  # fmt: skip
    columns = list(sentiment.article_tone([]).columns)
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows).merge(summary, on="article", how="left")
    frame["n_sentences"] = frame["n_sentences"].fillna(0).astype(int)
    for col in ("headline_compound", "lead_compound"):
        frame[col] = frame[col].astype(float)
    return frame[columns]


def voice_quotes_from_tables(tables: dict[str, pd.DataFrame], *, kinds: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """:func:`analysis.sentiment.voice_quotes` of every article, from the ``quotes`` table (an
    article without attributed statements falls back to the spans inside quotation marks of
    its text, rebuilt by :func:`texts_from_tables`)."""
    from types import SimpleNamespace

    from .. import sentiment

    quotes = tables["quotes"]
    parts = []
    for article_id, text in texts_from_tables(tables).items():
        own = quotes[quotes["article"] == article_id].drop(columns="article").reset_index(drop=True)
        article = SimpleNamespace(id=article_id, text=text)
        parts.append(sentiment.voice_quotes([article], kinds=kinds, extract=lambda _text, own=own: own))
    return pd.concat(parts, ignore_index=True) if parts else sentiment.voice_quotes([])


def pooled_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`analysis.sentiment.narration_vs_quotes` per article, from the ``quotes`` and
    ``sentences`` tables (as :func:`analysis.sentiment.voice_quotes`: an article without any
    attributed statement falls back to the spans inside quotation marks)."""
    from .. import sentiment

    sentences, quotes = tables["sentences"], tables["quotes"]
    parts = []
    for article_id, own in sentences.groupby("article", sort=False):
        said = quotes[quotes["article"] == article_id]
        if len(said):
            parts.append(said[["article", "speaker", "kind", "start", "end", "quote"]])
            continue
        for row in own.itertuples():
            spans = sentiment.quoted_spans(row.text)
            parts.append(pd.DataFrame({"article": article_id, "speaker": spans["speaker"], "kind": "quoted",
                                       "start": spans["start"] + row.start, "end": spans["end"] + row.start,
                                       "quote": spans["text"]}))  # fmt: skip
    voices = pd.concat(parts, ignore_index=True) if parts else None
    return sentiment.narration_vs_quotes(sentiment.tone_by_voice(sentences, voices))



def _cue_words(text: str) -> str:
    """The words of a cue, or "(the whole sentence)" for the sentence's own tone."""
    return text if len(text) <= 40 else "(the whole sentence)"


def target_tone_by_article(texts: dict[str, str], targets: list[str], *, top: int = 3) -> pd.DataFrame:
    """:func:`analysis.sentiment.target_tone` of every article: one row per mention of a target
    (by name, alias, dotted form, surname or pronoun), with the article id first and, in
    ``cues``, the ``top`` words that weighed most in the decision ("banned −1.93").

    Args:
        texts: article id -> text (``reports.texts``; in corpus mode rebuilt from the tables).
        targets: the names to follow.
        top: how many evidence words ``cues`` lists.
    """
    from .. import sentiment

    if isinstance(targets, str):
        raise TypeError("targets must be a list of names, e.g. ['Zoom']")
    parts = []
    for article_id, text in texts.items():
        found = sentiment.target_tone(text or "", list(targets))
        found.insert(0, "article", article_id)
        found["cues"] = [
            ", ".join(f"{_cue_words(e['text'])} {e['weight']:+.2f}" for e in evidence[:top]) for evidence in found["evidence"]
        ]
        parts.append(found)
    columns = ["article", *sentiment.TARGET_TONE_COLUMNS, "cues"]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def targets_that_differ(found: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences where two targets or more get different labels: what one score per
    sentence cannot show.

    Args:
        found: :func:`target_tone_by_article` output.
        sentences: the reports' sentences (``article, sentence, start, end, text``).

    Returns:
        ``article, sentence, text, towards`` (e.g. ``"council: negative; volunteers: positive"``),
        in text order.

    Example:
        >>> found = pd.DataFrame({"article": ["a", "a"], "start": [4, 30], "end": [11, 40],
        ...                       "target": ["council", "volunteers"], "label": ["negative", "positive"]})
        >>> sents = pd.DataFrame({"article": ["a"], "sentence": [0], "start": [0], "end": [60], "text": ["..."]})
        >>> targets_that_differ(found, sents)["towards"].tolist()
        ['council: negative; volunteers: positive']
    """
    columns = ["article", "sentence", "text", "towards"]
    rows = []
    for (article, sentence), own in sentences.groupby(["article", "sentence"], sort=False):
        start, end = int(own["start"].iloc[0]), int(own["end"].iloc[0])
        mine = found[(found["article"] == article) & (found["start"] >= start) & (found["end"] <= end)]
        labels = mine.drop_duplicates("target").set_index("target")["label"]
        if len(labels) >= 2 and labels.nunique() >= 2:
            towards = "; ".join(f"{target}: {label}" for target, label in labels.items())
            rows.append((article, sentence, " ".join(str(own["text"].iloc[0]).split()), towards))
    return pd.DataFrame(rows, columns=columns)
