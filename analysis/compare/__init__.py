"""Side-by-side tables across N reports.

Every function takes per-article results (DataFrames with an ``id`` or ``article`` column)
and returns a new DataFrame with one column per report, so a class can read across.
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus

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
    from ..sources import cached_extract_quotes as extract_quotes
    from ..sources import QUOTE_COLUMNS

    parts = [extract_quotes(a.text).assign(article=a.id) for a in corpus]
    columns = ["article", *QUOTE_COLUMNS]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def sourcing_profiles(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sourcing profile of each article side by side (rows: measures; columns: article ids).

    See :func:`analysis.sources.article_summary` for the measures.
    """
    from ..sources import ARTICLE_SUMMARY_COLUMNS, article_summary

    rows = []
    for a in corpus:
        own = quotes[quotes["article"] == a.id] if len(quotes) else quotes
        rows.append({"id": a.id, **article_summary(own, article_words=a.n_words)})
    return side_by_side(pd.DataFrame(rows, columns=["id", *ARTICLE_SUMMARY_COLUMNS]))


def sources_by_article(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per-source summaries of every article, with ``article`` and ``outlet`` columns first."""
    from ..sources import SOURCE_SUMMARY_COLUMNS, source_summary

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
    from ..nlp.entities import extract_entities
    from ..framing import entity_key

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
    from .. import framing, sentiment

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
        _put_sources(put, a.id, quotes[quotes["article"] == a.id] if len(quotes) else quotes, a.n_words)
    if len(corpus) > 1:
        terms = framing.distinctive_terms({a.id: a.text for a in corpus})
        _put_words(put, terms, unique_entities(corpus), top_terms)
    return _overview_table(rows, labels)


def _put_sources(put, article_id: str, own: pd.DataFrame, n_words: int) -> None:
    """The "sources" and "reporting verbs" rows of one article (``own``: its statements)."""
    from ..sources import article_summary

    summary = article_summary(own, article_words=n_words)
    for key in ("sources", "statements", "share_named", "share_official", "share_direct"):
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


# --------------------------------------------------------------------------- corpus-mode output
# The same inputs as above, read from the tables of ``python -m analysis analyze`` (see
# :func:`analysis.corpus.tables.read_tables`) instead of analysing the articles again.


def select_tables(tables, articles: list[str] | tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    """Corpus-mode tables (a dict, or the output folder to read), kept to ``articles``
    (article ids, in the order given; empty or ``None``: every article, in input order)."""
    from ..corpus.tables import read_tables

    tables = read_tables(tables) if not isinstance(tables, dict) else dict(tables)
    if articles:
        missing = [a for a in articles if a not in set(tables["articles"]["article"])]
        if missing:
            raise KeyError(f"not in the tables: {', '.join(missing)}")
        order = {a: i for i, a in enumerate(articles)}
        for kind, frame in tables.items():
            if "article" in frame.columns:
                kept = frame[frame["article"].isin(order)]
                rank = kept["article"].map(order)
                tables[kind] = kept.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    return tables


def labels_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """:func:`article_labels` for the articles of corpus-mode tables."""
    from types import SimpleNamespace

    return article_labels([SimpleNamespace(id=a, outlet=o) for a, o in zip(tables["articles"]["article"], tables["articles"]["outlet"])])


def quotes_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`quotes_by_article` read from the ``quotes`` table."""
    from ..sources import QUOTE_COLUMNS

    return tables["quotes"][["article", *QUOTE_COLUMNS]].reset_index(drop=True)


def profile_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`analysis.framing.frame_profile` of every article, from the ``frames`` table."""
    from .. import framing

    return framing.frame_profile(tables["frames"], tables["sentences"])


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


def overview_from_tables(tables, *, targets: list[str] | tuple[str, ...] = (), top_terms: int = 5) -> pd.DataFrame:
    """:func:`overview` read from corpus-mode tables (a dict or the output folder).

    The same rows, with two differences: the tone of a headline and the distinctive words are
    computed from the tables' text (the headline, the sentences joined), and the named entities
    come from the ``entities`` table.
    """
    from .. import framing, sentiment

    tables = select_tables(tables)
    articles, sentences = tables["articles"], tables["sentences"]
    labels = labels_from_tables(tables)
    rows: dict[tuple[str, str], dict[str, object]] = {}

    def put(section: str, measure: str, article_id: str, value) -> None:
        rows.setdefault((section, measure), {})[labels[article_id]] = value

    for a in articles.itertuples():
        put("report", "outlet", a.article, a.outlet)
        put("report", "published", a.article, a.published)
        put("report", "headline", a.article, a.headline)
        put("report", "words", a.article, int(a.words))
        put("report", "sentences", a.article, int((sentences["article"] == a.article).sum()))
    for row in profile_from_tables(tables).itertuples():
        put("frames", f"{row.frame} (share of sentences)", row.article, round(float(row.share), 2))
    scored = sentences.merge(tables["sentiment"].drop(columns="evidence"), on=["article", "sentence"], how="left")
    pooled = pooled_from_tables(tables).set_index("article")
    headlines = sentiment.score_sentences([h for h in articles["headline"] if h.strip()], evidence=False)["compound"].tolist()
    for a in articles.itertuples():
        own = scored[scored["article"] == a.article]
        put("tone", "mean compound (-1 to +1)", a.article, round(float(own["compound"].mean()), 3))
        put("tone", "share of negative sentences", a.article, round(float((own["label"] == "negative").mean()), 2))
        put("tone", "headline compound", a.article, round(float(headlines.pop(0)), 3) if a.headline.strip() else "no headline")
        put("tone", "lead compound", a.article, round(float(own["compound"].head(2).mean()), 3))
        if a.article in pooled.index:
            put("tone", "narration mean", a.article, round(float(pooled.loc[a.article, "narrator_mean"]), 3))
            put("tone", "quoted voices mean", a.article, round(float(pooled.loc[a.article, "quoted_mean"]), 3))
    if targets:
        for row in sentiment.tone_towards(scored, list(targets)).itertuples():
            n = int(row.n_sentences)
            value = f"{row.mean_compound:+.2f} ({n} sentence{'s' if n != 1 else ''})" if n else "not mentioned"
            put("tone", f"towards {row.term}", row.article, value)
    quotes = tables["quotes"]
    for a in articles.itertuples():
        _put_sources(put, a.article, quotes[quotes["article"] == a.article], int(a.words))
    if len(articles) > 1:
        texts = {a: " ".join(own["text"]) for a, own in sentences.groupby("article", sort=False)}
        _put_words(put, framing.distinctive_terms(texts), unique_entities_from_tables(tables), top_terms)
    return _overview_table(rows, labels)


def unique_entities_from_tables(tables: dict[str, pd.DataFrame], *, top: int = 8) -> dict[str, list[str]]:
    """:func:`unique_entities` from the ``entities`` table."""
    from ..framing import entity_key

    ents = tables["entities"]
    ents = ents[ents["label"].isin(["PERSON", "ORGANIZATION", "LOCATION"])]
    keys = {a: {} for a in tables["articles"]["article"]}
    for article_id, name in zip(ents["article"], ents["canonical"]):
        keys[article_id][entity_key(name)] = name
    counts: dict[str, int] = {}
    for k in keys.values():
        for key in k:
            counts[key] = counts.get(key, 0) + 1
    return {a: sorted((n for key, n in k.items() if counts[key] == 1), key=str.lower)[:top] for a, k in keys.items()}


def outlet_profile(
    outlets: dict[str, str],
    *,
    profile: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pooled: pd.DataFrame | None = None,
    tone: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per outlet, the mean over its articles of each measure, so many articles read as a few rows.

    Args:
        outlets: article id -> outlet (e.g. :func:`article_labels` of a single-outlet set, or
            the ``articles`` table's two columns); outlets in order of first appearance.
        profile: :func:`analysis.framing.frame_profile` output: adds ``frame: NAME`` columns,
            the mean share (0..1) of sentences showing each frame.
        quotes: :func:`quotes_by_article` output: adds ``share_official``, the mean over the
            outlet's articles with statements of the share from government sources (0..1).
        pooled: :func:`analysis.sentiment.narration_vs_quotes` output: adds
            ``narrator_mean`` and ``quoted_mean``.
        tone: a table with ``article`` and ``mean_compound`` (e.g.
            :func:`analysis.sentiment.article_tone`): adds ``mean_compound``.

    Returns:
        One row per outlet: ``outlet``, ``articles`` (how many), then the columns above.
        Every mean counts each article once and skips articles without the measure.
    """
    names = list(dict.fromkeys(outlets.values()))
    out = pd.DataFrame({"outlet": names, "articles": [list(outlets.values()).count(o) for o in names]}).set_index("outlet")

    def mean_by_outlet(frame: pd.DataFrame, columns) -> pd.DataFrame:
        frame = frame[frame["article"].isin(outlets)]
        return frame.assign(outlet=frame["article"].map(outlets)).groupby("outlet")[list(columns)].mean()

    if profile is not None:
        wide = profile.pivot_table(index="article", columns="frame", values="share", sort=False).reset_index()
        frames = list(dict.fromkeys(profile["frame"]))
        out = out.join(mean_by_outlet(wide, frames).rename(columns=lambda f: f"frame: {f}"))
    if quotes is not None:
        official = (quotes["speaker_type"] == "government").groupby(quotes["article"]).mean()
        out = out.join(mean_by_outlet(official.rename("share_official").reset_index(), ["share_official"]))
    if tone is not None:
        out = out.join(mean_by_outlet(tone, ["mean_compound"]))
    if pooled is not None:
        out = out.join(mean_by_outlet(pooled, ["narrator_mean", "quoted_mean"]))
    return out.reset_index()


def outlets_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Article id -> outlet (the id when the article names none), from the ``articles`` table.

    >>> outlets_from_tables({"articles": pd.DataFrame({"article": ["a", "b"], "outlet": ["Daily", ""]})})
    {'a': 'Daily', 'b': 'b'}
    """
    articles = tables["articles"]
    return {a: (o or a) for a, o in zip(articles["article"], articles["outlet"])}


def texts_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Article id -> its cleaned text, rebuilt from the ``sentences`` table.

    Each sentence goes back to its offsets. What lies between two sentences of the cleaned
    text is white space (:mod:`analysis.corpus` normalises it): a blank line between
    paragraphs, a space inside one; it is restored as such, so every offset of every table
    points at the same characters as in the original text. Articles are in the order of the
    ``articles`` table; one without sentences gets ``""``.

    Raises:
        ValueError: two sentences of an article overlap (the tables are not corpus-mode
            output), naming the article.

    >>> sentences = pd.DataFrame({"article": ["a", "a", "a"], "sentence": [0, 1, 2], "paragraph": [0, 0, 1],
    ...                           "start": [0, 4, 9], "end": [3, 7, 11], "text": ["One", "Two", "Hi"]})
    >>> texts_from_tables({"articles": pd.DataFrame({"article": ["a"]}), "sentences": sentences})
    {'a': 'One Two\\n\\nHi'}
    """
    texts = {a: "" for a in tables["articles"]["article"]}
    sentences = tables["sentences"]
    for article_id, own in sentences.groupby("article", sort=False):
        own = own.sort_values("start", kind="stable")
        parts, pos, paragraph = [], 0, None
        for start, end, par, text in zip(own["start"], own["end"], own["paragraph"], own["text"]):
            if start < pos:
                raise ValueError(f"article {article_id}: sentences overlap at offset {start}; pass corpus-mode tables")
            parts.append(("\n" if paragraph is not None and par != paragraph else " ") * (int(start) - pos))
            parts.append(text)
            pos, paragraph = int(end), par
        texts[article_id] = "".join(parts)
    return texts


def corpus_from_tables(tables: dict[str, pd.DataFrame]) -> Corpus:
    """The articles of corpus-mode tables as a :class:`~analysis.corpus.Corpus`: metadata from
    the ``articles`` table, text from :func:`texts_from_tables`.

    For what needs an article's text or metadata (highlighting, word counts, sourcing
    profiles); the analyses themselves are read from the tables (e.g. :func:`quotes_from_tables`).
    """
    from ..corpus import Article

    texts = texts_from_tables(tables)
    fields = ("headline", "outlet", "published", "url", "language", "translation", "source", "encoding", "notes")
    articles = [
        Article(id=row["article"], text=texts[row["article"]], **{f: str(row[f] or "") for f in fields})
        for row in tables["articles"].to_dict("records")
    ]
    return Corpus(articles)


def hits_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`analysis.framing.frame_sentences` of every article, from the ``frames`` table
    (with ``sentence_text`` joined back from ``sentences``)."""
    frames, sentences = tables["frames"], tables["sentences"]
    text = sentences[["article", "sentence", "text"]].rename(columns={"text": "sentence_text"})
    return frames.merge(text, on=["article", "sentence"], how="left").reset_index(drop=True)


def leads_from_tables(tables: dict[str, pd.DataFrame], *, lead: int = 2) -> pd.DataFrame:
    """:func:`analysis.framing.headline_and_lead` of every article, from the ``articles`` and
    ``sentences`` tables."""
    from .. import framing

    sentences = tables["sentences"]
    parts = [
        framing.headline_and_lead((a, headline, sentences[sentences["article"] == a].drop(columns="article")), lead=lead)
        for a, headline in zip(tables["articles"]["article"], tables["articles"]["headline"])
    ]
    return pd.concat(parts, ignore_index=True) if parts else framing.headline_and_lead(("", "", sentences.head(0)))


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


# --------------------------------------------------------------------------- many reports
# With dozens of reports a table with one column per report, or a figure with one bar per
# report, cannot be read. These group the reports by outlet, or pick a few to show.


def first_per_outlet(outlets: dict[str, str], *, per_outlet: int = 1) -> list[str]:
    """The ids of the first ``per_outlet`` reports of each outlet, in the order of ``outlets``:
    the reports whose evidence a notebook shows when there are too many to show them all.

    >>> first_per_outlet({"a": "X", "b": "X", "c": "Y"})
    ['a', 'c']
    """
    if per_outlet < 1:
        raise ValueError(f"per_outlet must be at least 1, got {per_outlet}")
    seen: dict[str, int] = {}
    picked = []
    for article_id, outlet in outlets.items():
        seen[outlet] = seen.get(outlet, 0) + 1
        if seen[outlet] <= per_outlet:
            picked.append(article_id)
    return picked


def keep_articles(frame: pd.DataFrame, ids, *, column: str = "article") -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` is one of ``ids``, in the frame's order (a copy).

    >>> keep_articles(pd.DataFrame({"article": ["a", "b", "a"], "n": [1, 2, 3]}), ["a"])["n"].tolist()
    [1, 3]
    """
    return frame.loc[frame[column].isin(list(ids))].copy()


def pool_by_outlet(frame: pd.DataFrame, outlets: dict[str, str], *, column: str = "article") -> pd.DataFrame:
    """A copy of a per-article table with each article id replaced by its outlet.

    A function that summarises per article (:func:`analysis.framing.stance_counts`,
    :func:`analysis.framing.actor_table`, :func:`analysis.sentiment.tone_towards`,
    :func:`analysis.sources.cue_table`, ...) then summarises per outlet, pooling the rows of
    all its reports. Rows of articles not in ``outlets`` are dropped.

    >>> pool_by_outlet(pd.DataFrame({"article": ["a", "b", "c"]}), {"a": "X", "b": "X"})["article"].tolist()
    ['X', 'X']
    """
    kept = frame.loc[frame[column].isin(list(outlets))].copy()
    kept[column] = kept[column].map(outlets)
    return kept


def outlet_texts(texts: dict[str, str], outlets: dict[str, str]) -> dict[str, str]:
    """Outlet -> the texts of its reports joined by a blank line (outlets in order of first
    appearance), e.g. to compare the vocabulary of outlets with
    :func:`analysis.framing.distinctive_terms` (no two-word phrase spans two reports).

    >>> outlet_texts({"a": "One.", "b": "Two.", "c": "Three."}, {"a": "X", "b": "Y", "c": "X"})
    {'X': 'One.\\n\\nThree.', 'Y': 'Two.'}
    """
    joined: dict[str, list[str]] = {}
    for article_id, outlet in outlets.items():
        if article_id in texts:
            joined.setdefault(outlet, []).append(texts[article_id])
    return {outlet: "\n\n".join(parts) for outlet, parts in joined.items()}


def term_counts(contexts: pd.DataFrame, terms, labels: dict[str, str]) -> pd.DataFrame:
    """How often each term occurs, one column per label: per report (``labels`` from
    :func:`article_labels`) or per outlet (article id -> outlet; the reports of an outlet are
    added up).

    Args:
        contexts: :func:`analysis.framing.kwic_terms` output (``query, article``).
        terms: the terms asked for (rows, in this order; a term never found counts 0).
        labels: article id -> column label; columns in order of first appearance.
    """
    names = list(dict.fromkeys(labels.values()))
    counts = pd.crosstab(contexts["query"], contexts["article"].map(labels))
    return counts.reindex(index=list(terms), columns=names, fill_value=0).rename_axis(index="query", columns="outlet")


def mean_by_outlet(table: pd.DataFrame, outlets: dict[str, str]) -> pd.DataFrame:
    """A side-by-side table (rows: measures, columns: article ids, as :func:`side_by_side`
    or :func:`sourcing_profiles`) reduced to one column per outlet: the mean over its reports.

    Rows holding text (a headline, a label) are left out; a missing value is skipped. The
    first row, ``reports``, says how many reports each mean is over.

    >>> t = pd.DataFrame({"a": [1.0, "x"], "b": [3.0, "y"], "c": [5.0, "z"]}, index=["words", "label"])
    >>> mean_by_outlet(t, {"a": "X", "b": "X", "c": "Y"}).to_dict()
    {'X': {'reports': 2.0, 'words': 2.0}, 'Y': {'reports': 1.0, 'words': 5.0}}
    """
    ids = [a for a in table.columns if a in outlets]
    names = list(dict.fromkeys(outlets[a] for a in ids))
    rows = {"reports": {o: float(sum(outlets[a] == o for a in ids)) for o in names}}
    for measure, values in table[ids].iterrows():
        numbers = pd.to_numeric(values.map(lambda v: float("nan") if isinstance(v, (str, bytes)) else v), errors="coerce")
        if numbers.notna().sum() != values.notna().sum() or not numbers.notna().any():
            continue
        rows[measure] = numbers.groupby(numbers.index.map(outlets), sort=False).mean().reindex(names).to_dict()
    out = pd.DataFrame.from_dict(rows, orient="index")[names]
    out.index.name = table.index.name
    return out


def outlet_share_of_voice(by_source: pd.DataFrame, words: dict[str, int], outlets: dict[str, str]) -> pd.DataFrame:
    """Each outlet's sources: the share of all its reports' words given to each source.

    Args:
        by_source: :func:`sources_by_article` output (``article, speaker, speaker_type,
            named, statements, words_quoted``).
        words: article id -> number of words in the report.
        outlets: article id -> outlet (outlets in order of first appearance).

    Returns:
        One row per outlet and source, with columns ``outlet, speaker, speaker_type, named``
        (as in the first report quoting the source), ``reports`` (how many of the outlet's
        reports quote it), ``statements``, ``words_quoted`` and ``share_of_voice`` (its
        words as % of the words of all the outlet's reports, one decimal); per outlet the
        largest voice first.
    """
    columns = ["outlet", "speaker", "speaker_type", "named", "reports", "statements", "words_quoted", "share_of_voice"]
    total = {}
    for article_id, outlet in outlets.items():
        total[outlet] = total.get(outlet, 0) + int(words.get(article_id, 0))
    rows = by_source[by_source["article"].isin(list(outlets))]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(outlet=rows["article"].map(outlets))
    grouped = rows.groupby(["outlet", "speaker"], sort=False).agg(
        speaker_type=("speaker_type", "first"), named=("named", "first"), reports=("article", "nunique"),
        statements=("statements", "sum"), words_quoted=("words_quoted", "sum"),
    ).reset_index()  # fmt: skip
    grouped["share_of_voice"] = [
        round(100 * w / total[o], 1) if total[o] else 0.0 for o, w in zip(grouped["outlet"], grouped["words_quoted"])
    ]
    order = {o: i for i, o in enumerate(dict.fromkeys(outlets.values()))}
    grouped = grouped.assign(_order=grouped["outlet"].map(order))
    grouped = grouped.sort_values(["_order", "words_quoted", "speaker"], ascending=[True, False, True], kind="stable")
    return grouped[columns].reset_index(drop=True)


def outlet_timeline(timeline: pd.DataFrame, outlets: dict[str, str], *, bins: int = 5) -> pd.DataFrame:
    """Tone along the reports of each outlet: the mean compound score per stretch of the article.

    Every report is cut into ``bins`` equal stretches of its length (by sentence position,
    0 to 1); a stretch's mean is over all the sentences that fall in it, in all the outlet's
    reports.

    Args:
        timeline: :func:`analysis.sentiment.tone_timeline` output (``article, position,
            compound``).
        outlets: article id -> outlet (outlets in order of first appearance).
        bins: how many stretches (at least 1).

    Returns:
        One row per outlet and stretch that holds sentences, with columns ``outlet, bin``
        (0 = opening), ``position`` (the stretch's middle, 0..1), ``mean_compound``,
        ``n_sentences`` and ``n_articles``.

    >>> t = pd.DataFrame({"article": ["a", "a", "b", "b"], "position": [0.0, 1.0, 0.0, 1.0],
    ...                   "compound": [-0.5, 0.2, -0.1, 0.4]})
    >>> outlet_timeline(t, {"a": "X", "b": "X"}, bins=2)[["bin", "mean_compound"]].round(2).values.tolist()
    [[0.0, -0.3], [1.0, 0.3]]
    """
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    columns = ["outlet", "bin", "position", "mean_compound", "n_sentences", "n_articles"]
    rows = timeline[timeline["article"].isin(list(outlets))]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(
        outlet=rows["article"].map(outlets),
        bin=[min(int(p * bins), bins - 1) for p in rows["position"].astype(float)],
    )
    out = rows.groupby(["outlet", "bin"], sort=False).agg(
        mean_compound=("compound", "mean"), n_sentences=("compound", "size"), n_articles=("article", "nunique"),
    ).reset_index()  # fmt: skip
    out["position"] = (out["bin"] + 0.5) / bins
    order = {o: i for i, o in enumerate(dict.fromkeys(outlets.values()))}
    out = out.assign(_order=out["outlet"].map(order)).sort_values(["_order", "bin"], kind="stable")
    return out[columns].reset_index(drop=True)


def cues_by_article(quotes: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """:func:`analysis.sources.cue_table` of each report, or of each outlet.

    Args:
        quotes: :func:`quotes_by_article` output.
        labels: article id -> label: the id itself for one table per report, the outlet for
            one table per outlet (the statements of its reports together).

    Returns:
        The cue tables one after another, labels in order of first appearance, with an
        ``article`` column first holding the label: ``article, cue, cue_class, statements,
        speakers``.
    """
    from ..sources import cue_table

    pooled = pool_by_outlet(quotes, labels)
    parts = [cue_table(pooled[pooled["article"] == name]).assign(article=name) for name in dict.fromkeys(labels.values())]
    columns = ["article", "cue", "cue_class", "statements", "speakers"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
