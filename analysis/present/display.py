"""Escaped HTML views that show the words behind a number.

Article text is always passed through :func:`html.escape` before any markup is added, so
text containing ``<script>`` shows as text and never runs. Spans are given as character
offsets into the text, exactly as every analysis table reports them. Tables are shown by
:mod:`analysis.present.tables` (:func:`table_html`, re-exported here).
"""

from __future__ import annotations

from html import escape

import pandas as pd

from ..nlp.highlight import mark_spans
from .tables import readable, table_html

__all__ = ["highlight", "label_colors", "mark_spans", "readable", "table_html"]


def label_colors(labels) -> dict[str, str]:
    """One light background colour per label, in order of first appearance.

    The tints follow the Okabe–Ito hues of :data:`analysis.present.plots.PALETTE`, in the same order,
    light enough for black text to stay readable.
    """
    light = ["#cce3f0", "#f9e2b3", "#c2e8dc", "#f0d4e4", "#d6ecfa", "#f5cfb8", "#faf4c0", "#dddddd"]
    out: dict[str, str] = {}
    for label in labels:
        if label not in out:
            out[label] = light[len(out) % len(light)]
    return out


def highlight(text: str, spans: pd.DataFrame, *, label: str = "label", title: str | None = None, colors: dict[str, str] | None = None) -> str:
    """HTML of ``text`` with each span marked in its label's colour, the label on hover.

    Args:
        text: the text the offsets refer to.
        spans: DataFrame with ``start``, ``end``, the ``label`` column and optionally
            ``fragments`` (lists of ``[start, end]``) and ``title`` (hover text).
        colors: label -> CSS colour (default: :func:`label_colors`).

    Overlapping spans are merged (see :func:`mark_spans`). Paragraph breaks become ``<p>``
    elements, and a legend of the colours follows the text.

    >>> highlight("a <b> c", pd.DataFrame({"start": [2], "end": [5], "label": ["x"]}))[:60]
    '<div class="mf-highlight"><p>a <mark style="background:#cce3'
    """
    if colors is None:
        colors = label_colors(spans[label]) if len(spans) else {}
    pieces = []
    for row in spans.to_dict("records"):
        fragments = row.get("fragments") or [[row["start"], row["end"]]]
        hover = row.get("title") or row[label]
        color = colors.get(str(row[label]), "#eeeeee")
        pieces += [(int(start), int(end), str(hover), color) for start, end in fragments]
    body = mark_spans(text, pieces).replace("\n\n", "</p><p>")
    legend = " ".join(
        f'<span style="background:{color};padding:0 0.4em;margin-right:0.6em">{escape(str(name))}</span>'
        for name, color in colors.items()
    )
    heading = f"<h4>{escape(title)}</h4>" if title else ""
    return f'<div class="mf-highlight">{heading}<p>{body}</p><p style="font-size:90%">{legend}</p></div>'
