"""One side-by-side table of every report: metadata, frames, tone, sources, reporting verbs,
distinctive words and the names only one report gives."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from .selection import Selection, select

#: Sections of :func:`overview`, in display order.
OVERVIEW_SECTIONS = ("report", "frames", "tone", "sources", "reporting verbs", "vocabulary", "only in this report")


def overview(
    corpus: Corpus | Selection,
    *,
    targets: list[str] | tuple[str, ...] = (),
    quotes: pd.DataFrame | None = None,
    top_terms: int = 5,
) -> pd.DataFrame:
    """One side-by-side table of every report: metadata, frames, tone, sources, verbs, words.

    Rows are indexed by ``(section, measure)`` (sections in :data:`OVERVIEW_SECTIONS`);
    there is one column per article, labelled by :func:`article_labels`. Each cell is a
    number or a short text; the notebooks show the evidence behind each.

    From corpus-mode tables (a :class:`Selection` made with ``tables``) the rows are the same:
    the scores, statements, frame cues and named entities are read from the tables, and the
    tone of a headline and the distinctive words are computed from the text they keep.

    Args:
        corpus: the selected articles, or a :class:`Selection` (see :func:`select`).
        targets: people or organisations whose tone towards them is compared, by the model of
            :func:`analysis.sentiment.target_tone` over every mention (e.g. ``["the council", "Ruiz"]``).
        quotes: :func:`quotes_by_article` output, if already computed.
        top_terms: how many distinctive terms to list per report.
    """
    from .. import framing

    reports = corpus if isinstance(corpus, Selection) else select(corpus=corpus)
    quotes = reports.quotes if quotes is None else quotes
    labels = reports.labels
    rows: dict[tuple[str, str], dict[str, object]] = {}

    def put(section: str, measure: str, article_id: str, value) -> None:
        rows.setdefault((section, measure), {})[labels[article_id]] = value

    articles, sentences = reports.articles, reports.sentences
    for a in articles.itertuples():
        put("report", "outlet", a.article, a.outlet)
        put("report", "published", a.article, a.published)
        put("report", "headline", a.article, a.headline)
        put("report", "words", a.article, int(a.words))
        put("report", "sentences", a.article, int((sentences["article"] == a.article).sum()))
    for row in reports.profile.itertuples():
        put("frames", f"{row.frame} (share of sentences)", row.article, round(float(row.share), 2))
    tone = reports.tone(lead=2).set_index("article")
    pooled = reports.narration_vs_quotes.set_index("article")
    for article_id in reports.ids:
        t = tone.loc[article_id]
        put("tone", "mean compound (-1 to +1)", article_id, round(float(t["mean_compound"]), 3))
        put("tone", "share of negative sentences", article_id, round(float(t["share_negative"]), 2))
        headline = t.get("headline_compound")
        put("tone", "headline compound", article_id, "no headline" if headline is None or pd.isna(headline) else round(float(headline), 3))
        put("tone", "lead compound", article_id, round(float(t["lead_compound"]), 3))
        if article_id in pooled.index:
            put("tone", "narration mean", article_id, round(float(pooled.loc[article_id, "narrator_mean"]), 3))
            put("tone", "quoted voices mean", article_id, round(float(pooled.loc[article_id, "quoted_mean"]), 3))
    if targets:
        _put_towards(put, reports.texts, list(targets))
    for a in articles.itertuples():
        _put_sources(put, a.article, quotes[quotes["article"] == a.article] if len(quotes) else quotes, int(a.words))
    if len(articles) > 1:
        terms = framing.distinctive_terms(reports.texts)
        _put_words(put, terms, reports.unique_entities, top_terms)
    return _overview_table(rows, labels)


def overview_from_tables(tables, *, targets: list[str] | tuple[str, ...] = (), top_terms: int = 5) -> pd.DataFrame:
    """:func:`overview` read from corpus-mode tables (a dict or the output folder).

    The same rows, with two differences: the tone of a headline and the distinctive words are
    computed from the tables' text (the headline, the sentences), and the named entities
    come from the ``entities`` table.
    """
    return overview(select(tables=tables), targets=targets, top_terms=top_terms)


def towards_cell(labels: list[str], scores: list[float]) -> str:
    """One "towards X" cell: the mean tone towards the target over its mentions (−1 to +1)
    and how many mentions were read negative, neutral, positive.

    Example:
        >>> towards_cell(["negative", "neutral", "negative"], [-0.6, 0.1, -0.4])
        '-0.30 (3 mentions: 2 negative, 1 neutral, 0 positive)'
    """
    n = len(labels)
    if not n:
        return "not mentioned"
    counts = ", ".join(f"{labels.count(c)} {c}" for c in ("negative", "neutral", "positive"))
    return f"{sum(scores) / n:+.2f} ({n} mention{'s' if n != 1 else ''}: {counts})"


def _put_towards(put, texts: dict[str, str], targets: list[str]) -> None:
    """The "towards X" rows: the tone towards each target by the target model
    (:func:`analysis.sentiment.target_tone`, every mention: name, alias, surname, pronoun)."""
    from .tone import target_tone_by_article

    found = target_tone_by_article(texts, targets)
    for term in targets:
        for article_id in texts:
            mine = found[(found["article"] == article_id) & (found["target"] == term)]
            put("tone", f"towards {term}", article_id, towards_cell(mine["label"].tolist(), mine["score"].astype(float).tolist()))


def _put_sources(put, article_id: str, own: pd.DataFrame, n_words: int) -> None:
    """The "sources" and "reporting verbs" rows of one article (``own``: its statements)."""
    from ..sources import article_summary

    summary = article_summary(own, article_words=n_words)
    for key in ("sources", "statements", "share_named", "share_official", "share_politics", "share_direct"):
        put("sources", key.replace("_", " "), article_id, summary[key])
    if len(own):
        words = own.groupby("speaker")["words"].sum().sort_values(ascending=False)
        top = words.index[0]
        put("sources", "largest voice", article_id, f"{top} ({100 * words.iloc[0] / n_words:.0f}% of words)")
        by_type = own.drop_duplicates("speaker")["speaker_type"].value_counts().sort_index()
        put("sources", "sources by type", article_id, ", ".join(f"{t} {n}" for t, n in by_type.items()))
        loaded = sorted({c.lower() for c, k in zip(own["cue"], own["cue_class"]) if k == "loaded"})
        hedged = sorted({c.lower() for c, k in zip(own["cue"], own["cue_class"]) if k == "hedged"})
        put("reporting verbs", "loaded", article_id, ", ".join(loaded) or "none")
        put("reporting verbs", "hedged", article_id, ", ".join(hedged) or "none")


def _put_words(put, terms: pd.DataFrame, only: dict[str, list[str]], top_terms: int) -> None:
    """The "vocabulary" and "only in this report" rows."""
    for article_id, group in terms.groupby("article", sort=False):
        put("vocabulary", f"top {top_terms} distinctive words", article_id, ", ".join(group.sort_values("rank")["term"].head(top_terms)))
    for article_id, names in only.items():
        put("only in this report", "named entities", article_id, ", ".join(names) or "none")


def _overview_table(rows: dict, labels: dict[str, str]) -> pd.DataFrame:
    index = pd.MultiIndex.from_tuples(list(rows), names=["section", "measure"])
    table = pd.DataFrame(list(rows.values()), index=index, columns=list(labels.values()))
    order = {s: i for i, s in enumerate(OVERVIEW_SECTIONS)}
    return table.sort_index(level="section", key=lambda s: s.map(order), sort_remaining=False)

