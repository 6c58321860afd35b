"""Whose voice is negative: sentences cut into narration and quoted material, scored by voice."""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from ..nlp.tokens import WORD
from .inputs import _require_columns
from .labels import NARRATOR, UNATTRIBUTED, label_compound
from .quotes import quoted_spans
from .scores import score_sentences

_ALNUM_RE = re.compile(r"[^\W_]")
# Trimmed from both ends of a voice segment: whitespace and stray quotation marks.
_EDGE_CHARS = ' \t\n\r\f\v\u00a0"'


def _with_offsets(sents: pd.DataFrame, text_col: str) -> pd.DataFrame:
    """Sentences with ``start``/``end``; when absent, laid end to end one space apart."""
    if {"start", "end"} <= set(sents.columns):
        return sents
    sents = sents.copy()
    lengths = [len(t) for t in sents[text_col]]
    starts, pos = [], 0
    for length in lengths:
        starts.append(pos)
        pos += length + 1
    sents["start"] = starts
    sents["end"] = [s + length for s, length in zip(starts, lengths)]
    return sents


def _fallback_quotes(sents: pd.DataFrame, text_col: str, by_article: bool) -> pd.DataFrame:
    """Quoted spans by quotation marks over each article rebuilt from its sentences."""
    frames = []
    groups = sents.groupby("article", sort=False) if by_article else [(None, sents)]
    for article, group in groups:
        size = int(group["end"].max()) if len(group) else 0
        buffer = [" "] * size
        for start, text in zip(group["start"], group[text_col]):
            buffer[int(start) : int(start) + len(text)] = list(text)
        spans = quoted_spans("".join(buffer))
        if by_article:
            spans.insert(0, "article", article)
        frames.append(spans)
    if not frames:
        return quoted_spans("")
    return pd.concat(frames, ignore_index=True)


def _segment_sentence(
    text: str, s0: int, intervals: list[tuple[int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """Cut one sentence ``text`` (starting at ``s0``) into (voice, start, end, text) pieces."""
    s1 = s0 + len(text)
    pieces: list[tuple[str, int, int]] = []
    cursor = s0
    for qs, qe, speaker in intervals:
        qs, qe = max(qs, s0, cursor), min(qe, s1)
        if qe <= qs:
            continue
        if qs > cursor:
            pieces.append((NARRATOR, cursor, qs))
        pieces.append((speaker, qs, qe))
        cursor = qe
    if cursor < s1:
        pieces.append((NARRATOR, cursor, s1))
    out = []
    for voice, a, b in pieces:
        piece = text[a - s0 : b - s0]
        stripped = piece.strip(_EDGE_CHARS)
        if not _ALNUM_RE.search(stripped):
            continue
        a += len(piece) - len(piece.lstrip(_EDGE_CHARS))
        out.append((voice, a, a + len(stripped), stripped))
    return out


def voice_segments(
    sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, *, text_col: str = "text"
) -> pd.DataFrame:
    """Cut sentences into quoted material (per speaker) and narration, and score each piece.

    Args:
        sentences: one row per sentence with ``text_col`` and ``start``/``end`` (offsets
            into the article text; the text must be exactly ``end - start`` long), and
            optionally ``article`` and ``sentence`` ids. Without ``quotes``, ``start``/``end``
            may be absent: the sentences are then taken as consecutive, one space apart.
        quotes: the sources table (columns ``speaker, start, end``, offsets into the same
            article text as the sentences; ``article`` when several articles are mixed).
            ``None`` falls back to :func:`quoted_spans` over each article.
        text_col: the column holding the sentence text.

    Returns:
        One row per segment, in text order, with columns (``article`` and ``sentence``
        when the sentences have them) ``voice`` (the speaker, :data:`UNATTRIBUTED` for a
        quotation without one, or :data:`NARRATOR`), ``start``, ``end`` (offsets into the
        article text, surrounding whitespace trimmed), ``text``, ``n_words``, ``neg``,
        ``neu``, ``pos``, ``compound``, ``label`` and ``words`` (VADER, as in
        :func:`score_sentences`). Pieces with no letter or digit (a stray quotation mark)
        are dropped. Where quotations overlap, the one that starts first keeps the overlap.

    Raises:
        ValueError: missing columns, a sentence whose text does not fit its offsets, or
            quotes that cannot be matched to the articles of the sentences.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER. ICWSM-14.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> for row in voice_segments(sents)[["voice", "text", "compound"]].values.tolist():
        ...     print(row)
        ['quoted (unattributed)', 'It is a disaster,', -0.6249]
        ['narrator (reporter)', 'the minister said.', 0.0]
    """
    _require_columns(sentences, [text_col], "sentences")
    if quotes is not None:
        _require_columns(sentences, ["start", "end"], "sentences")
        _require_columns(quotes, ["speaker", "start", "end"], "quotes")
    sents = _with_offsets(sentences.reset_index(drop=True), text_col)
    for k, (start, end, text) in enumerate(zip(sents["start"], sents["end"], sents[text_col])):
        if not isinstance(text, str):
            raise ValueError(f"sentences row {k}: {text_col} is {type(text).__name__}, not str")
        if int(end) - int(start) != len(text):
            raise ValueError(
                f"sentences row {k}: start={start}, end={end} but the text has {len(text)} "
                "characters; offsets must be those of the text in the article"
            )
    by_article = "article" in sents.columns
    if quotes is None:
        quotes = _fallback_quotes(sents, text_col, by_article)
    elif by_article and "article" not in quotes.columns and sents["article"].nunique() > 1:
        raise ValueError("quotes has no 'article' column but the sentences come from several articles")
    elif not by_article and "article" in quotes.columns and quotes["article"].nunique() > 1:
        raise ValueError("quotes come from several articles but the sentences have no 'article' column")
    match_article = by_article and "article" in quotes.columns

    intervals: dict[Any, list[tuple[int, int, str]]] = {}
    for row in quotes.itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < 0 or end <= start:
            continue
        speaker = row.speaker if isinstance(row.speaker, str) and row.speaker.strip() else UNATTRIBUTED
        key = row.article if match_article else None
        intervals.setdefault(key, []).append((start, end, speaker))
    starts_of: dict[Any, list[int]] = {}
    for key, items in intervals.items():
        items.sort(key=lambda q: (q[0], q[1]))
        starts_of[key] = [q[0] for q in items]

    rows = []
    has_sentence_id = "sentence" in sents.columns
    for k in range(len(sents)):
        text = sents.at[k, text_col]
        s0 = int(sents.at[k, "start"])
        key = sents.at[k, "article"] if match_article else None
        items = intervals.get(key, [])
        # quotations that can overlap [s0, s0 + len): those starting before its end
        upto = bisect.bisect_left(starts_of.get(key, []), s0 + len(text))
        near = [q for q in items[:upto] if q[1] > s0]
        for voice, a, b, piece in _segment_sentence(text, s0, near):
            row = {}
            if by_article:
                row["article"] = sents.at[k, "article"]
            if has_sentence_id:
                row["sentence"] = sents.at[k, "sentence"]
            row.update(voice=voice, start=a, end=b, text=piece)
            rows.append(row)

    id_cols = (["article"] if by_article else []) + (["sentence"] if has_sentence_id else [])
    scores = score_sentences([r["text"] for r in rows])
    frame = pd.DataFrame(rows, columns=[*id_cols, "voice", "start", "end", "text"])
    frame["n_words"] = [len(WORD.findall(t)) for t in frame["text"]]
    for col in ("neg", "neu", "pos", "compound", "label", "words"):
        frame[col] = scores[col].to_numpy() if len(frame) else scores[col]
    for col in ("start", "end", "n_words"):
        frame[col] = frame[col].astype(int)
    return frame


def tone_by_voice(
    sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, *, text_col: str = "text"
) -> pd.DataFrame:
    """Tone of the reporter's narration versus each quoted source.

    Each sentence is cut into quoted spans and narration (:func:`voice_segments`), every
    piece is scored with VADER, and the pieces are pooled by voice. This shows whether the
    negativity of a report comes from the people it quotes or from the writer.

    Args:
        sentences: the sentence table (``text``, ``start``, ``end``; optionally ``article``).
        quotes: the sources table (``speaker, start, end`` in the same offsets), or ``None``
            to find quotations by quotation marks (speaker :data:`UNATTRIBUTED`).
        text_col: the column holding the sentence text.

    Returns:
        One row per voice (per article and voice when the sentences have ``article``),
        narrator first, then speakers in order of first appearance, with columns
        ``voice``, ``n_segments``, ``n_words``, ``mean_compound`` (unweighted mean over
        segments), ``share_negative`` (share of segments labelled negative, 0..1) and
        ``segments``: a list of dicts ``{start, end, text, compound}`` (plus ``sentence``
        when the sentences have ids). Empty input gives an empty frame with these columns.

    Raises:
        ValueError: see :func:`voice_segments`.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> tone_by_voice(sents)[["voice", "n_segments", "mean_compound"]].values.tolist()
        [['narrator (reporter)', 1, 0.0], ['quoted (unattributed)', 1, -0.6249]]
    """
    segments = voice_segments(sentences, quotes, text_col=text_col)
    key_cols = ["article"] if "article" in segments.columns else []
    columns = [*key_cols, "voice", "n_segments", "n_words", "mean_compound", "share_negative", "segments"]
    if segments.empty:
        return pd.DataFrame(columns=columns)
    detail = [c for c in ("sentence", "start", "end", "text", "compound") if c in segments.columns]
    records = segments[detail].to_dict("records")
    segments = segments.assign(
        _record=pd.Series(records, index=segments.index, dtype=object),
        _negative=segments["label"].eq("negative"),
        _article=pd.factorize(segments["article"])[0] if key_cols else 0,
        _quoted=segments["voice"].ne(NARRATOR),
    )
    # articles in order of appearance; in each, the narrator first, then speakers as they appear
    order = segments.sort_values(["_article", "_quoted"], kind="stable")
    grouped = order.groupby([*key_cols, "voice"], sort=False)
    out = grouped.agg(
        n_segments=("text", "size"),
        n_words=("n_words", "sum"),
        mean_compound=("compound", "mean"),
        share_negative=("_negative", "mean"),
        segments=("_record", list),
    ).reset_index()
    out["n_segments"] = out["n_segments"].astype(int)
    out["n_words"] = out["n_words"].astype(int)
    out["share_negative"] = out["share_negative"].astype(float)
    return out[columns]


def narration_vs_quotes(voices: pd.DataFrame) -> pd.DataFrame:
    """The reporter's narration against all quoted voices pooled, per article.

    Args:
        voices: output of :func:`tone_by_voice` (``voice``, ``n_segments``,
            ``mean_compound``, ``segments``; ``article`` when there are several).

    Returns:
        One row per article (in order of appearance; one row in all without ``article``)
        with columns ``narrator_segments``, ``narrator_mean``,
        ``narrator_share_negative``, ``quoted_segments``, ``quoted_mean``,
        ``quoted_share_negative`` and ``difference`` (``quoted_mean - narrator_mean``:
        below 0 when the people quoted sound more negative than the writer). Means and
        shares are over segments, every segment counting once; NaN where a side has no
        segment.

    Example:
        >>> text = '"It is a disaster," the minister said.'
        >>> sents = pd.DataFrame({"start": [0], "end": [len(text)], "text": [text]})
        >>> row = narration_vs_quotes(tone_by_voice(sents)).iloc[0]
        >>> row[["narrator_mean", "quoted_mean", "difference"]].tolist()
        [0.0, -0.6249, -0.6249]
    """
    _require_columns(voices, ["voice", "segments"], "voices")
    key_cols = ["article"] if "article" in voices.columns else []
    columns = [
        *key_cols, "narrator_segments", "narrator_mean", "narrator_share_negative",
        "quoted_segments", "quoted_mean", "quoted_share_negative", "difference",
    ]  # fmt: skip
    groups = voices.groupby("article", sort=False) if key_cols else [(None, voices)]
    rows = []
    for article, group in groups:
        sides: dict[str, list[float]] = {"narrator": [], "quoted": []}
        for voice, segments in zip(group["voice"], group["segments"]):
            side = "narrator" if voice == NARRATOR else "quoted"
            sides[side].extend(float(s["compound"]) for s in segments)
        row: dict[str, Any] = {"article": article} if key_cols else {}
        for side, scores in sides.items():
            n = len(scores)
            row[f"{side}_segments"] = n
            row[f"{side}_mean"] = sum(scores) / n if n else float("nan")
            row[f"{side}_share_negative"] = (
                sum(label_compound(s) == "negative" for s in scores) / n if n else float("nan")
            )
        row["difference"] = row["quoted_mean"] - row["narrator_mean"]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("narrator_segments", "quoted_segments"):
        frame[col] = frame[col].astype(int)
    return frame
