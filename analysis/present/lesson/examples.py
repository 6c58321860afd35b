"""What students read: one example from the articles for each idea, and the reports side by side."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

import pandas as pd

from ...corpus import Article, Corpus
from .keys import report_labels
from .stems import content_words

EXAMPLE_COLUMNS = ["concept", "report", "word", "detail", "sentence", "start", "end"]


def _sentence_at(article: Article, offset: int) -> pd.Series:
    sents = article.sentences
    inside = sents[(sents["start"] <= offset) & (offset < sents["end"])]
    return (inside if len(inside) else sents.iloc[[0]]).iloc[0]


def _pick(candidates: pd.DataFrame, column: str, prefer: str | None) -> pd.Series | None:
    if candidates.empty:
        return None
    if prefer:
        wanted = content_words(prefer)
        hit = candidates[[content_words(str(v)) == wanted for v in candidates[column]]]
        if len(hit):
            return hit.iloc[0]
    return candidates.iloc[0]


def concept_examples(corpus: Corpus, *, prefer: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One short example from the articles for each idea the suite measures.

    Concepts: a frame cue (:func:`analysis.framing.frame_sentences`), a loaded reporting
    verb (:func:`analysis.sources.extract_quotes`), a hedge
    (:func:`analysis.framing.stance_markers`) and a word that gives a sentence its tone
    (:func:`analysis.sentiment.score_articles`). For each, the example whose word is
    ``prefer[concept]`` when the articles have it, else the first one found; a concept the
    articles have no example of is left out.

    Args:
        corpus: the articles.
        prefer: ``{"frame cue": "ban", "loaded verb": "urged", "hedge": "presumably",
            "tone word": "regret"}`` (any of them).

    Returns:
        Columns :data:`EXAMPLE_COLUMNS`: ``word`` as written, ``detail`` (the frame, the
        speaker, the score ...), the ``sentence`` and the word's ``start, end`` offsets in
        that sentence.
    """
    from ... import compare, framing, sentiment

    prefer = dict(prefer or {})
    articles = {a.id: a for a in corpus}
    labels = report_labels(corpus)
    sentences = corpus.sentences()
    rows = []

    def add(concept, article_id, start, end, detail):
        article = articles[article_id]
        sent = _sentence_at(article, int(start))
        s0 = int(sent["start"])
        rows.append({"concept": concept, "report": labels[article_id], "word": article.text[int(start):int(end)],
                     "detail": detail, "sentence": sent["text"], "start": int(start) - s0, "end": int(end) - s0})  # fmt: skip

    hits = framing.frame_sentences(sentences)
    row = _pick(hits, "matched", prefer.get("frame cue"))
    if row is not None:
        add("frame cue", row["article"], row["start"], row["end"], f"a cue of the {row['frame'].replace('_', ' ')} frame")
    quotes = compare.quotes_by_article(corpus)
    loaded = quotes[quotes["cue_class"] == "loaded"] if len(quotes) else quotes
    loaded = loaded[loaded["cue_start"] >= 0] if len(loaded) else loaded
    row = _pick(loaded, "cue", prefer.get("loaded verb"))
    if row is not None:
        detail = f"introduces a statement by {row['speaker']} ({row['kind']} speech)"
        add("loaded verb", row["article"], row["cue_start"], row["cue_end"], detail)
    markers = framing.stance_markers(sentences)
    hedges = markers[markers["category"] == "hedge"]
    row = _pick(hedges, "marker", prefer.get("hedge"))
    if row is not None:
        add("hedge", row["article"], row["start"], row["end"], "softens the claim")
    scored = sentiment.score_articles(corpus)
    words = [
        {"article": r.article, "entry": e["entry"], "valence": e["valence_final"], "compound": r.compound,
         "start": int(r.start) + e["start"], "end": int(r.start) + e["end"]}
        for r in scored.itertuples() for e in (r.evidence or [])
    ]  # fmt: skip
    tone = pd.DataFrame(words, columns=["article", "entry", "valence", "compound", "start", "end"])
    row = _pick(tone.sort_values("valence", kind="stable"), "entry", prefer.get("tone word"))
    if row is not None:
        add("tone word", row["article"], row["start"], row["end"],
            f"rated {row['valence']:+.1f} by VADER; the whole sentence scores {row['compound']:+.2f}")  # fmt: skip
    return pd.DataFrame(rows, columns=EXAMPLE_COLUMNS)


def examples_html(examples: pd.DataFrame) -> str:
    """The examples as HTML: each sentence with its word marked; every text escaped."""
    from ..display import mark_spans

    blocks = []
    for r in examples.itertuples():
        sentence = mark_spans(r.sentence, [(r.start, r.end, r.concept)])
        blocks.append(
            f"<p><b>{escape(r.concept)}</b> · <i>{escape(r.word)}</i> · {escape(r.report)}: "
            f"{escape(r.detail)}</p><blockquote>{sentence}</blockquote>"
        )
    return '<div class="mf-examples">' + "".join(blocks) + "</div>"


def texts_html(articles: Iterable[Article], *, labels: Mapping[str, str] | None = None) -> str:
    """The reports side by side for reading, paragraphs numbered; every text escaped."""
    columns = []
    for article in articles:
        label = (labels or {}).get(article.id, article.outlet or article.id)
        head = f"<h4>{escape(label)}</h4>"
        if article.headline:
            head += f"<p><b>{escape(article.headline)}</b></p>"
        if article.published:
            head += f"<p><i>{escape(article.published)}</i></p>"
        paras = "".join(
            f"<p><small>{i}</small> {escape(p)}</p>" for i, p in enumerate(article.paragraphs["text"], 1)
        )
        columns.append(f'<div style="flex:1;min-width:18em">{head}{paras}</div>')
    return '<div class="mf-texts" style="display:flex;gap:2em;flex-wrap:wrap">' + "".join(columns) + "</div>"
