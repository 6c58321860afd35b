"""Side-by-side tables across N reports.

Every function takes per-article results (DataFrames with an ``id`` or ``article`` column)
and returns a new DataFrame with one column per report, so a class can read across.
"""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus

LAYOUT_FIELDS = ["outlet", "headline", "published", "dateline", "url", "language", "translation", "caption", "credit", "related", "encoding", "notes"]


def side_by_side(frame: pd.DataFrame, *, fields: list[str] | None = None, key: str = "id") -> pd.DataFrame:
    """Transpose a one-row-per-article table: fields as rows, one column per article.

    >>> side_by_side(pd.DataFrame({"id": ["a", "b"], "words": [3, 4]})).loc["words"].tolist()
    [3, 4]
    """
    fields = [c for c in (fields or list(frame.columns)) if c != key]
    table = frame.set_index(key)[fields].T
    table.columns.name = None
    table.index.name = "field"
    return table


def article_layout(corpus: Corpus) -> pd.DataFrame:
    """What surrounds each article's body: headline, dateline, caption, credit, footer URL, notes.

    One row per article (``id`` first, then :data:`LAYOUT_FIELDS`); empty strings where the
    article does not say.
    """
    rows = []
    for a in corpus:
        row = {"id": a.id}
        for name in LAYOUT_FIELDS:
            value = getattr(a, name)
            row[name] = " | ".join(value) if isinstance(value, tuple) else value
        rows.append(row)
    return pd.DataFrame(rows, columns=["id", *LAYOUT_FIELDS])


def lengths(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs, sentences, words and mean words per sentence for each article."""
    frame = corpus.to_frame()[["id", "outlet", "paragraphs", "sentences", "words"]].copy()
    frame["words_per_sentence"] = (frame["words"] / frame["sentences"].where(frame["sentences"] > 0)).round(1)
    return frame


def quotes_by_article(corpus: Corpus) -> pd.DataFrame:
    """Every attributed statement of every article, with an ``article`` column first.

    Each article goes through :func:`analysis.sources.extract_quotes` once per text and code
    version; later calls read the result back from :mod:`analysis.cache`.
    """
    from .cache import extract_quotes
    from .sources import QUOTE_COLUMNS

    parts = [extract_quotes(a.text).assign(article=a.id) for a in corpus]
    columns = ["article", *QUOTE_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def sourcing_profiles(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sourcing profile of each article side by side (rows: measures; columns: article ids).

    See :func:`analysis.sources.article_summary` for the measures.
    """
    from .sources import ARTICLE_SUMMARY_COLUMNS, article_summary

    rows = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        rows.append({"id": a.id, **article_summary(own, article_words=a.n_words)})
    return side_by_side(pd.DataFrame(rows, columns=["id", *ARTICLE_SUMMARY_COLUMNS]))


def sources_by_article(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per-source summaries of every article, with ``article`` and ``outlet`` columns first."""
    from .sources import SOURCE_SUMMARY_COLUMNS, source_summary

    parts = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        summary = source_summary(own, article_words=a.n_words)
        parts.append(summary.assign(article=a.id, outlet=a.outlet or a.id))
    columns = ["article", "outlet", *SOURCE_SUMMARY_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


#: Sections of :func:`overview`, in display order.
OVERVIEW_SECTIONS = ("report", "frames", "tone", "sources", "reporting verbs", "vocabulary", "only in this report")


def article_labels(corpus: Corpus | list) -> dict[str, str]:
    """Article id -> a short column label: the outlet (the id when it has none), with the id
    added when two articles share an outlet."""
    outlets = [a.outlet or a.id for a in corpus]
    return {a.id: (o if outlets.count(o) == 1 else f"{o} ({a.id})") for a, o in zip(corpus, outlets)}


def unique_entities(corpus: Corpus, *, top: int = 8) -> dict[str, list[str]]:
    """Per article, the named entities (canonical, alias-merged) that no other article names."""
    from .entities import extract_entities
    from .framing import entity_key

    keys: dict[str, dict[str, str]] = {}
    for a in corpus:
        ents = extract_entities(a.text)
        ents = ents[ents["label"].isin(["PERSON", "ORGANIZATION", "LOCATION"])]
        keys[a.id] = {entity_key(name): name for name in ents["canonical"]}
    out = {}
    for a in corpus:
        others = set().union(*(set(k) for i, k in keys.items() if i != a.id)) if len(keys) > 1 else set()
        only = sorted((name for key, name in keys[a.id].items() if key not in others), key=str.lower)
        out[a.id] = only[:top]
    return out


def overview(
    corpus: Corpus,
    *,
    targets: list[str] | tuple[str, ...] = (),
    quotes: pd.DataFrame | None = None,
    top_terms: int = 5,
) -> pd.DataFrame:
    """One side-by-side table of every report: metadata, frames, tone, sources, verbs, words.

    Rows are indexed by ``(section, measure)`` (sections in :data:`OVERVIEW_SECTIONS`);
    there is one column per article, labelled by :func:`article_labels`. Each cell is a
    number or a short text; the notebooks show the evidence behind each.

    Args:
        corpus: the selected articles.
        targets: terms whose surrounding tone is compared (e.g. ``["Zoom", "Kremlin"]``).
        quotes: :func:`quotes_by_article` output, if already computed.
        top_terms: how many distinctive terms to list per report.
    """
    from . import framing, sentiment
    from .sources import article_summary

    quotes = quotes_by_article(corpus) if quotes is None else quotes
    labels = article_labels(corpus)
    rows: dict[tuple[str, str], dict[str, object]] = {}

    def put(section: str, measure: str, article_id: str, value) -> None:
        rows.setdefault((section, measure), {})[labels[article_id]] = value

    sentences = corpus.sentences()
    for a in corpus:
        put("report", "outlet", a.id, a.outlet)
        put("report", "published", a.id, a.published)
        put("report", "headline", a.id, a.headline)
        put("report", "words", a.id, a.n_words)
        put("report", "sentences", a.id, int((sentences["article"] == a.id).sum()))
    hits = framing.frame_sentences(sentences)
    profile = framing.frame_profile(hits, sentences)
    for row in profile.itertuples():
        put("frames", f"{row.frame} (share of sentences)", row.article, round(float(row.share), 2))
    tone = sentiment.article_tone(corpus).set_index("article")
    scored = sentiment.score_frame(sentences, evidence=False)
    voices = sentiment.tone_by_voice(sentences, sentiment.voice_quotes(corpus))
    pooled = sentiment.narration_vs_quotes(voices).set_index("article")
    for a in corpus:
        t = tone.loc[a.id]
        put("tone", "mean compound (-1 to +1)", a.id, round(float(t["mean_compound"]), 3))
        put("tone", "share of negative sentences", a.id, round(float(t["share_negative"]), 2))
        headline = t.get("headline_compound")
        put("tone", "headline compound", a.id, "no headline" if headline is None or pd.isna(headline) else round(float(headline), 3))
        put("tone", "lead compound", a.id, round(float(t["lead_compound"]), 3))
        if a.id in pooled.index:
            put("tone", "narration mean", a.id, round(float(pooled.loc[a.id, "narrator_mean"]), 3))
            put("tone", "quoted voices mean", a.id, round(float(pooled.loc[a.id, "quoted_mean"]), 3))
    if targets:
        towards = sentiment.tone_towards(scored, list(targets))
        for row in towards.itertuples():
            n = int(row.n_sentences)
            value = f"{row.mean_compound:+.2f} ({n} sentence{'s' if n != 1 else ''})" if n else "not mentioned"
            put("tone", f"towards {row.term}", row.article, value)
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        summary = article_summary(own, article_words=a.n_words)
        for key in ("sources", "statements", "share_named", "share_official", "share_direct"):
            put("sources", key.replace("_", " "), a.id, summary[key])
        if len(own):
            words = own.groupby("speaker")["words"].sum().sort_values(ascending=False)
            top = words.index[0]
            put("sources", "largest voice", a.id, f"{top} ({100 * words.iloc[0] / a.n_words:.0f}% of words)")
            by_type = own.drop_duplicates("speaker")["speaker_type"].value_counts().sort_index()
            put("sources", "sources by type", a.id, ", ".join(f"{t} {n}" for t, n in by_type.items()))
            loaded = sorted({c.lower() for c, k in zip(own["cue"], own["cue_class"]) if k == "loaded"})
            hedged = sorted({c.lower() for c, k in zip(own["cue"], own["cue_class"]) if k == "hedged"})
            put("reporting verbs", "loaded", a.id, ", ".join(loaded) or "none")
            put("reporting verbs", "hedged", a.id, ", ".join(hedged) or "none")
    if len(corpus) > 1:
        terms = framing.distinctive_terms({a.id: a.text for a in corpus})
        for article_id, group in terms.groupby("article", sort=False):
            put("vocabulary", f"top {top_terms} distinctive words", article_id, ", ".join(group.sort_values("rank")["term"].head(top_terms)))
        for article_id, names in unique_entities(corpus).items():
            put("only in this report", "named entities", article_id, ", ".join(names) or "none")
    index = pd.MultiIndex.from_tuples(list(rows), names=["section", "measure"])
    table = pd.DataFrame(list(rows.values()), index=index, columns=list(labels.values()))
    order = {s: i for i, s in enumerate(OVERVIEW_SECTIONS)}
    return table.sort_index(level="section", key=lambda s: s.map(order), sort_remaining=False)
