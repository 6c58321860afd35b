"""The words behind a number: evidence sentences as escaped HTML with each hit marked.

Every piece of article text is escaped before the ``<mark>`` tags are added, so nothing in
an article can become markup in a notebook.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ._sentences import _as_sentences
from ._tokens import _squash


def highlight(text: str, spans: Iterable[tuple]) -> str:
    """``text`` as escaped HTML with each span in ``<mark>`` (see :func:`analysis.nlp.highlight.mark_spans`).

    Example:
        >>> highlight("A <b> ban", [(6, 9, "conflict")])
        'A &lt;b&gt; <mark title="conflict">ban</mark>'
    """
    from ..nlp.highlight import mark_spans

    return mark_spans(text, spans)


_SNAKE_LABEL = re.compile(r"[a-z]+(?:_[a-z]+)+")


def _plain_label(value: str) -> str:
    """A ``snake_case`` label as a reader reads it ("human_interest" -> "human interest")."""
    return value.replace("_", " ") if _SNAKE_LABEL.fullmatch(value) else value


def evidence_html(
    rows: pd.DataFrame,
    sentences: Any,
    *,
    label: str | list[str] = "frame",
    titles: Mapping[Any, str] | None = None,
    article_col: str = "article",
    sentence_col: str = "sentence",
    empty: str = "Nothing found.",
) -> str:
    """The sentences behind a table of hits, with the words of each hit highlighted.

    Works for any table whose rows carry article offsets ``start, end`` and a sentence
    number: :func:`frame_sentences`, :func:`stance_markers`, :func:`omissions` (with
    ``article_col="example_article", sentence_col="example_sentence"``). Every piece of
    article text is escaped before the ``<mark>`` tags are added (see :func:`highlight`).

    Args:
        rows: the hits.
        sentences: the sentences the hits were computed from (as given to the function
            that found them).
        label: column(s) of ``rows`` that describe each hit (joined by " · ").
        titles: heading per article id (e.g. its outlet); the id by default.
        article_col: column of ``rows`` naming the article (ignored when the sentences
            name no articles).
        sentence_col: column of ``rows`` with the sentence number.
        empty: what to say when there are no rows.

    Returns:
        An HTML string: per article (in sentence order) a heading, then each sentence
        with hits, its number, the highlighted text and a line listing each hit as
        ``words → label``.

    Raises:
        ValueError: when a hit's offsets fall outside its sentence.

    Example:
        >>> from analysis.framing import frame_sentences
        >>> text = "Russia banned Zoom. It rained."
        >>> print(evidence_html(frame_sentences(text), text))  # doctest: +NORMALIZE_WHITESPACE
        <div><p><small>sentence 0</small> Russia <mark title="conflict">banned</mark> Zoom.<br><small>banned → conflict</small></p></div>
    """
    import html

    frame, has_article = _as_sentences(sentences)
    labels = [label] if isinstance(label, str) else list(label)
    missing = [c for c in ["start", "end", sentence_col, *labels] if c not in rows.columns]
    if has_article and article_col not in rows.columns:
        missing.append(article_col)
    if missing:
        raise ValueError(f"rows lack column(s) {missing}")
    if rows.empty:
        return f"<div><p><em>{html.escape(empty)}</em></p></div>"
    groups = frame.groupby("article", sort=False) if has_article else [(None, frame)]
    out = ["<div>"]
    for art, part in groups:
        mine = rows[rows[article_col] == art] if has_article else rows
        if mine.empty:
            continue
        if has_article:
            title = (titles or {}).get(art) or str(art)
            out.append(f"<h4>{html.escape(str(title))}</h4>")
        by_number = part.set_index("sentence")
        for number, hits in mine.sort_values([sentence_col, "start", "end"], kind="stable").groupby(
            sentence_col, sort=True
        ):
            if number not in by_number.index:
                raise ValueError(f"sentence {number} of article {art!r} is not in the sentences given")
            sent = by_number.loc[number]
            base, text = int(sent["start"]), sent["text"]
            spans, notes = [], []
            for hit in hits.itertuples(index=False):
                hit = hit._asdict()
                s, e = int(hit["start"]) - base, int(hit["end"]) - base
                if not 0 <= s < e <= len(text):
                    raise ValueError(
                        f"hit at {hit['start']}-{hit['end']} is outside sentence {number} "
                        f"of article {art!r}"
                    )
                note = " · ".join(_plain_label(str(hit[c])) for c in labels)
                spans.append((s, e, note))
                notes.append(f"{html.escape(_squash(text[s:e]))} \u2192 {html.escape(note)}")
            out.append(
                f"<p><small>sentence {int(number)}</small> {highlight(text, spans)}<br>"
                f"<small>{'; '.join(dict.fromkeys(notes))}</small></p>"
            )
    out.append("</div>")
    return "".join(out)
