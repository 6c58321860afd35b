"""The answer keys of the exercises, computed from the articles with the suite's analyses.

Loaded reporting verbs, the dominant voice, what each report leaves out, whether the tone
comes from the writer or the sources, and which frame leads (:mod:`.frame_key`);
:func:`answer_keys` computes them.

References:
    Caldas-Coulthard, C. R. (1994). On reporting reporting: The representation of speech in
    factual and fictional narratives. In M. Coulthard (Ed.), *Advances in Written Text
    Analysis*. London: Routledge. (Neutral versus loaded reporting verbs.)

    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. *Journal of
    Communication*, 43(4), 51-58. (Omission as part of a frame.)

    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM-14. (The tone scores.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from ...corpus import Article, Corpus
from ...lexicons import table, words
from .key_table import _key_frame

#: Words that count as naming each side in the tone exercise.
TONE_VOICES: dict[str, tuple[str, ...]] = {
    side: tuple(forms) for side, forms in table("lesson_tone_voices.toml").items()
}
_PRONOUNS = frozenset(words("lesson_pronouns.txt"))


def report_labels(articles: Iterable[Article]) -> dict[str, str]:
    """``{article id: label}``: the outlet, or the id when the outlet is unknown or shared.

    The same labels as every other side-by-side table (:func:`analysis.compare.article_labels`).

    >>> report_labels([Article(id="a", text="x", outlet="Daily"), Article(id="b", text="y")])
    {'a': 'Daily', 'b': 'b'}
    """
    from ...compare import article_labels

    return article_labels(list(articles))


def loaded_verbs_key(quotes: pd.DataFrame, *, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Key for "find the loaded reporting verbs": every reporting cue of each report.

    Loaded cues (``cue_class == "loaded"`` in :func:`analysis.sources.extract_quotes`) are
    right and expected; neutral, hedged and belief cues used in the same report are known wrong
    answers, with a note that says their class.

    Args:
        quotes: the sources table with an ``article`` column
            (:func:`analysis.compare.quotes_by_article`).
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` plus ``cue_class``, ``statements``, ``speakers`` and
        ``example`` (the first statement the cue introduces).

    Example:
        >>> q = pd.DataFrame({"article": ["a", "a"], "cue": ["Urged", "said"], "cue_class": ["loaded", "neutral"],
        ...                   "speaker": ["X", "Y"], "quote": ["to go", "no"]})
        >>> loaded_verbs_key(q)[["item", "right", "note"]].values.tolist()
        [['urged', True, 'loaded: it judges the statement or casts the speaker in a role'], ['said', False, 'neutral: it reports without judging']]
    """
    notes = {
        "loaded": "loaded: it judges the statement or casts the speaker in a role",
        "neutral": "neutral: it reports without judging",
        "hedged": "hedged: it keeps the writer at a distance, but does not judge",
        "belief": "belief: it reports what the source thinks or wants, not words spoken",
    }
    rows = []
    for article, group in quotes.groupby("article", sort=False):
        frame = group.assign(item=group["cue"].str.lower())
        for item, g in frame.groupby("item", sort=False):
            cls = g["cue_class"].iloc[0]
            rows.append({
                "report": (labels or {}).get(article, article), "item": item,
                "accepted": tuple(dict.fromkeys([item, *g["cue"]])), "right": cls == "loaded",
                "required": cls == "loaded", "note": notes.get(cls, cls), "cue_class": cls,
                "statements": len(g), "speakers": ", ".join(dict.fromkeys(g["speaker"])),
                "example": g["quote"].iloc[0],
            })  # fmt: skip
    return _key_frame(rows, ["cue_class", "statements", "speakers", "example"])


def dominant_voice_key(
    by_source: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    close: float = 3.0,
) -> pd.DataFrame:
    """Key for "whose voice dominates each report": the source with the largest share of voice.

    Share of voice is the share of a report's words attributed to a source
    (:func:`analysis.sources.source_summary`). The top source of each report is right and
    expected; a source within ``close`` percentage points of it is right too (attribution
    boundaries are approximate), and every other source is a known wrong answer.

    Args:
        by_source: per-source summaries with ``article`` (:func:`analysis.compare.sources_by_article`).
        quotes: the sources table with ``article``, ``speaker`` and ``mention``; the words a
            report uses for a source ("Peskov", "the Kremlin spokesman") are then accepted as
            names for it (pronouns and mentions longer than four words are not).
        labels: ``{article id: report name}`` (default: the ids).
        close: percentage points within which a source also counts as dominant.

    Returns:
        :data:`KEY_COLUMNS` plus ``speaker``, ``speaker_type``, ``share_of_voice``,
        ``statements`` and ``behind_top`` (percentage points behind the top source).

    Example:
        >>> s = pd.DataFrame({"article": ["a"] * 3, "speaker": ["Ann Lee", "Bo Chan", "Cy Dee"],
        ...                   "speaker_type": ["other"] * 3, "share_of_voice": [30.0, 28.5, 5.0], "statements": [2, 1, 1]})
        >>> dominant_voice_key(s)[["item", "right", "required"]].values.tolist()
        [['ann lee', True, True], ['bo chan', True, False], ['cy dee', False, False]]
    """
    mentions: dict[tuple[str, str], list[str]] = {}
    if quotes is not None and len(quotes) and "mention" in quotes.columns:
        for row in quotes.itertuples():
            m = str(row.mention or "").strip()
            if m and m.lower() not in _PRONOUNS and len(m.split()) <= 4:
                mentions.setdefault((row.article, row.speaker), []).append(m)
    rows = []
    for article, group in by_source.groupby("article", sort=False):
        group = group.sort_values("share_of_voice", ascending=False, kind="stable")
        top = float(group["share_of_voice"].iloc[0])
        for i, row in enumerate(group.itertuples()):
            share = float(row.share_of_voice)
            behind = round(top - share, 1)
            is_top = i == 0 or share == top
            right = is_top or behind <= close
            if is_top:
                note = "the largest share of this report's words"
            elif right:
                note = f"close to the largest share ({behind:g} points behind)"
            else:
                note = f"quoted, but with less room than the dominant voice ({share:g}% of the words)"
            rows.append({
                "report": (labels or {}).get(article, article), "item": str(row.speaker).lower(),
                "accepted": tuple(dict.fromkeys([row.speaker, *mentions.get((article, row.speaker), [])])),
                "right": right, "required": is_top, "note": note, "speaker": row.speaker,
                "speaker_type": row.speaker_type, "share_of_voice": share, "statements": int(row.statements),
                "behind_top": behind,
            })  # fmt: skip
    return _key_frame(rows, ["speaker", "speaker_type", "share_of_voice", "statements", "behind_top"])


def omissions_key(omitted: pd.DataFrame, *, a: str, b: str, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Key for "what context does each report leave out": what only the other report has.

    Names and numbers found only in the other report (:func:`analysis.framing.omissions`,
    kinds ``entity`` and ``number``) are right and expected; noun phrases found only in the
    other report are right when named but not expected (there are many). Items both reports
    carry, and items only this report has, are known wrong answers.

    Args:
        omitted: :func:`analysis.framing.omissions` output for articles ``a`` and ``b``.
        a: id of the first article.
        b: id of the second article.
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` (``report`` is the report that leaves the item out) plus
        ``kind``, ``label``, ``found_in``, ``count`` (mentions in the report that has it)
        and ``example`` (a sentence that holds it).

    Example:
        >>> o = pd.DataFrame({"item": ["putin", "zoom"], "kind": ["entity"] * 2, "label": ["PERSON", "ORGANIZATION"],
        ...                   "where": ["only in B", "in both"], "count_a": [0, 3], "count_b": [2, 1],
        ...                   "forms": ["Putin", "Zoom"], "sentence_text": ["s1", "s2"]})
        >>> omissions_key(o, a="x", b="y")[["report", "item", "right"]].values.tolist()
        [['x', 'putin', True], ['x', 'zoom', False], ['y', 'putin', False], ['y', 'zoom', False]]
    """
    name = {a: (labels or {}).get(a, a), b: (labels or {}).get(b, b)}
    rows = []
    for row in omitted.itertuples():
        accepted = tuple(dict.fromkeys([row.item, *[f for f in str(row.forms).split(" | ") if f]]))
        base = {"item": row.item, "accepted": accepted, "kind": row.kind, "label": row.label, "example": row.sentence_text}
        if row.where == "in both":
            for article in (a, b):
                count = row.count_a if article == a else row.count_b
                rows.append({**base, "report": name[article], "right": False, "required": False,
                             "note": "both reports have it", "found_in": "both", "count": int(count)})  # fmt: skip
            continue
        has, lacks = (a, b) if row.where == "only in A" else (b, a)
        count = int(row.count_a if has == a else row.count_b)
        expected = row.kind in ("entity", "number")
        rows.append({**base, "report": name[lacks], "right": True, "required": expected,
                     "note": f"only {name[has]} has it", "found_in": name[has], "count": count})  # fmt: skip
        rows.append({**base, "report": name[has], "right": False, "required": False,
                     "note": "this report has it; the other one leaves it out", "found_in": name[has], "count": count})  # fmt: skip
    frame = _key_frame(rows, ["kind", "label", "found_in", "count", "example"])
    order = {name[a]: 0, name[b]: 1}
    return frame.sort_values("report", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def _louder(narrator: float, quoted: float) -> str:
    n = 0.0 if narrator is None or math.isnan(narrator) else abs(narrator)
    q = 0.0 if quoted is None or math.isnan(quoted) else abs(quoted)
    return "sources" if q > n else "writer"


def tone_source_key(
    narration: pd.DataFrame,
    *,
    quotes_only: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Key for "does the tone come from the writer or from the sources?".

    The side whose pieces score further from 0 (neutral) on average carries more of the
    tone: ``sources`` when the quoted pieces' mean VADER compound is further from 0 than
    the narration's, else ``writer``. Both words are in each report's key; the computed one
    is right.

    Args:
        narration: :func:`analysis.sentiment.narration_vs_quotes` output, all attributed
            statements counted as the sources' words (``article``, ``narrator_mean``,
            ``quoted_mean`` ...).
        quotes_only: the same table with only the words inside quotation marks given to
            the sources (paraphrase counted as the writer's); adds the column
            ``if_only_quotation_marks``: the answer under that reading.
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` plus ``narrator_mean``, ``quoted_mean``,
        ``narrator_share_negative``, ``quoted_share_negative`` and
        ``if_only_quotation_marks``.

    Example:
        >>> n = pd.DataFrame({"article": ["a"], "narrator_mean": [-0.05], "quoted_mean": [-0.3],
        ...                   "narrator_share_negative": [0.1], "quoted_share_negative": [0.5]})
        >>> tone_source_key(n)[["item", "right"]].values.tolist()
        [['writer', False], ['sources', True]]
    """
    other = {}
    if quotes_only is not None:
        other = {r.article: _louder(r.narrator_mean, r.quoted_mean) for r in quotes_only.itertuples()}
    rows = []
    for r in narration.itertuples():
        answer = _louder(r.narrator_mean, r.quoted_mean)
        for side, forms in TONE_VOICES.items():
            right = side == answer
            note = (
                "the side whose words score further from neutral"
                if right
                else "the other side scores further from neutral: compare narration and quotes"
            )
            rows.append({
                "report": (labels or {}).get(r.article, r.article), "item": side, "accepted": forms,
                "right": right, "required": right, "note": note,
                "narrator_mean": r.narrator_mean, "quoted_mean": r.quoted_mean,
                "narrator_share_negative": r.narrator_share_negative,
                "quoted_share_negative": r.quoted_share_negative,
                "if_only_quotation_marks": other.get(r.article, ""),
            })  # fmt: skip
    evidence = ["narrator_mean", "quoted_mean", "narrator_share_negative", "quoted_share_negative", "if_only_quotation_marks"]
    return _key_frame(rows, evidence)


def _omissions_many(corpus: Corpus, labels: Mapping[str, str]) -> pd.DataFrame:
    """The omissions key for three or more reports, from :func:`analysis.framing.omissions_each`
    (each report against all the others): for each report, what another report has and it
    lacks is right (expected for names and numbers), what it carries itself is wrong."""
    from ... import framing

    ids = [a.id for a in corpus]
    each = framing.omissions_each(corpus.sentences(), ids=ids)
    rows = []
    for r in each.itertuples():
        if not r.count and not r.n_other:
            continue
        accepted = tuple(dict.fromkeys([r.item, *[f for f in str(r.forms).split(" | ") if f]]))
        report, first = labels.get(r.report, r.report), labels.get(r.example_article, r.example_article)
        base = {"report": report, "item": r.item, "accepted": accepted, "kind": r.kind, "label": r.label, "example": r.sentence_text}
        if r.count:
            rows.append({**base, "right": False, "required": False, "note": "this report has it",
                         "found_in": report, "count": int(r.count)})  # fmt: skip
        else:
            others = f"{r.n_other} other reports have it" if r.n_other > 1 else "one other report has it"
            rows.append({**base, "right": True, "required": r.kind in ("entity", "number"),
                         "note": f"{others}, e.g. {first}", "found_in": first, "count": int(r.count_other)})  # fmt: skip
    return _key_frame(rows, ["kind", "label", "found_in", "count", "example"])


def answer_keys(corpus: Corpus, *, exercises: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """The keys of the lesson's exercises, computed from the articles with the suite's analyses.

    Args:
        corpus: two or more reports of one story.
        exercises: which keys, in this order (default: all, in teaching order):
            ``dominant_voice``, ``loaded_verbs``, ``tone_source``, ``omissions`` (with two
            reports, what the other one has; with more, what any other has), ``leading_frame``.

    Returns:
        ``{exercise: key table}``.

    Raises:
        ValueError: with fewer than two articles (the lesson compares reports).
    """
    from ... import compare, framing, sentiment
    from .exercises import EXERCISES
    from .frame_key import leading_frame_key

    articles = list(corpus)
    if len(articles) < 2:
        raise ValueError(f"the lesson compares two reports or more; got {len(articles)}")
    wanted = list(exercises) if exercises else list(EXERCISES)
    labels = report_labels(articles)
    keys: dict[str, pd.DataFrame] = {}
    if {"loaded_verbs", "dominant_voice"} & set(wanted):
        quotes = compare.quotes_by_article(corpus)
        keys["loaded_verbs"] = loaded_verbs_key(quotes, labels=labels)
        keys["dominant_voice"] = dominant_voice_key(compare.sources_by_article(corpus, quotes), quotes, labels=labels)
    if "omissions" in wanted:
        if len(articles) == 2:
            a, b = articles[0].id, articles[1].id
            keys["omissions"] = omissions_key(framing.omissions(corpus.sentences(), a=a, b=b), a=a, b=b, labels=labels)
        else:
            keys["omissions"] = _omissions_many(corpus, labels)
    if "tone_source" in wanted:
        sentences = corpus.sentences()
        voices_all = sentiment.tone_by_voice(sentences, sentiment.voice_quotes(articles))
        voices_marks = sentiment.tone_by_voice(sentences, sentiment.voice_quotes(articles, kinds=["direct", "partial"]))
        keys["tone_source"] = tone_source_key(
            sentiment.narration_vs_quotes(voices_all),
            quotes_only=sentiment.narration_vs_quotes(voices_marks),
            labels=labels,
        )
    if "leading_frame" in wanted:
        keys["leading_frame"] = leading_frame_key(framing.article_frames(corpus), labels=labels)
    return {name: keys[name] for name in wanted if name in keys}
