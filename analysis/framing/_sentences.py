"""Plain inputs -> one sentences frame, and sentences back to article texts.

The framing functions accept a sentences DataFrame (columns ``sentence, start, end, text``,
optionally ``article`` and ``paragraph``), a dict ``{article_id: text}``, a single string,
or article-like objects with ``.id`` and ``.sentences``; :func:`_as_sentences` turns any of
them into one frame. Texts given as strings are split with the library's one sentence splitter
(:func:`analysis.nlp.text.split_sentences`), as the corpus splits articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ._results import _empty

_SENTENCE_COLUMNS = ["sentence", "start", "end", "text"]


def _split_sentences(text: str) -> pd.DataFrame:
    """Sentences of ``text`` with the library's one splitter (:func:`analysis.nlp.text.split_sentences`:
    paragraphs at blank lines, then Punkt inside each paragraph), typed for the frame tables."""
    from ..nlp.text import split_sentences

    return split_sentences(text).astype({"sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64"})


def _as_sentences(data: Any) -> tuple[pd.DataFrame, bool]:
    """Turn any accepted input into a sentences frame; also say whether it names articles.

    Accepted: a sentences DataFrame; a dict ``{article_id: text}``; a string; an object with
    ``.sentences`` (a frame, or a method returning one) and ``.id``; or a list of such
    objects.
    """
    if isinstance(data, pd.DataFrame):
        missing = [c for c in _SENTENCE_COLUMNS if c not in data.columns]
        if missing:
            raise ValueError(
                f"sentences frame lacks column(s) {missing}; expected at least {_SENTENCE_COLUMNS}"
            )
        texts = data["text"].tolist()
        bad = [i for i, t in zip(data.index, texts) if not isinstance(t, str)]
        if bad:
            raise ValueError(f"sentences frame: column 'text' is not a string in row(s) {bad[:5]}")
        frame = data.reset_index(drop=True)
        for col in ("sentence", "start", "end"):
            if frame[col].dtype != "int64":
                frame[col] = frame[col].astype("int64")
        wrong = [i for i, (s, e, t) in enumerate(zip(frame["start"].tolist(), frame["end"].tolist(), texts)) if e - s != len(t)]
        if wrong:
            row = frame.loc[wrong[0]]
            raise ValueError(
                "sentences frame: offsets do not match the text in row "
                f"{wrong[0]} (start={row['start']}, end={row['end']}, "
                f"{len(row['text'])} characters)"
            )
        return frame, "article" in frame.columns
    if isinstance(data, str):
        return _split_sentences(data), False
    if isinstance(data, Mapping):
        parts = []
        for key, text in data.items():
            if not isinstance(text, str):
                raise TypeError(f"text of article {key!r} is {type(text).__name__}, not str")
            part = _split_sentences(text)
            part.insert(0, "article", pd.Series([key] * len(part), dtype=object))
            parts.append(part)
        if not parts:
            return _empty_sentences(article=True), True
        return pd.concat(parts, ignore_index=True), True
    if hasattr(data, "sentences"):
        frame = data.sentences() if callable(data.sentences) else data.sentences
        if "article" not in frame.columns:
            frame = frame.assign(article=getattr(data, "id", None))
        return _as_sentences(frame)
    if isinstance(data, Iterable) and not isinstance(data, (bytes, pd.Series)):
        items = list(data)
        if not all(hasattr(item, "sentences") for item in items):
            raise TypeError("a list must hold article-like objects with .sentences; "
                            "pass several texts as a dict {article_id: text}")
        parts = [_as_sentences(item)[0] for item in items]
        parts = [p for p in parts if len(p)]
        if not parts:
            return _empty_sentences(article=True), True
        frame = pd.concat(parts, ignore_index=True)
        return frame, "article" in frame.columns
    raise TypeError(
        f"cannot read sentences from {type(data).__name__}: pass a sentences DataFrame, "
        "a dict {article_id: text}, a string or an article with .sentences"
    )


def _empty_sentences(*, article: bool) -> pd.DataFrame:
    cols = (["article"] if article else []) + ["sentence", "paragraph", "start", "end", "text"]
    return _empty(cols)


def _rebuild_texts(frame: pd.DataFrame, has_article: bool) -> dict[Any, str]:
    """Article texts rebuilt from sentences: each sentence at its offsets, spaces between."""
    texts = {}
    groups = frame.groupby("article", sort=False) if has_article else [(None, frame)]
    for key, part in groups:
        size = int(part["end"].max()) if len(part) else 0
        buf = [" "] * size
        for start, text in zip(part["start"], part["text"]):
            buf[int(start) : int(start) + len(text)] = list(text)
        texts[key] = "".join(buf)
    return texts
