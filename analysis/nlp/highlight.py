"""The one span highlighter: a text as escaped HTML with character spans marked.

Every analysis reports character offsets into the text it read; this turns a text and such
spans into HTML for a notebook. Every character of the text is escaped before any markup is
added, so text containing ``<script>`` shows as text and never runs. Tables, colours and
legends built on it live in :mod:`analysis.present.display`; the analyses' own evidence
views (:func:`analysis.framing.evidence_html`, :func:`analysis.sentiment.evidence_html`)
use it too.
"""

from __future__ import annotations

from html import escape


def mark_spans(text: str, spans) -> str:
    """``text`` as HTML with every character escaped and each span wrapped in ``<mark>``.

    Overlapping spans are merged into one mark whose hover title lists every label.

    Args:
        text: any text.
        spans: ``(start, end)``, ``(start, end, label)`` or ``(start, end, label, colour)``
            offsets into ``text``; the label becomes the mark's ``title`` (shown on hover),
            the colour its background.

    Raises:
        ValueError: for a span outside the text or an empty span.

    >>> mark_spans("A <b> ban", [(6, 9, "conflict")])
    'A &lt;b&gt; <mark title="conflict">ban</mark>'
    """
    norm = []
    for span in spans:
        start, end = int(span[0]), int(span[1])
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span ({start}, {end}) is not inside the text of {len(text)} characters")
        label = str(span[2]) if len(span) > 2 and span[2] is not None else ""
        color = str(span[3]) if len(span) > 3 and span[3] else ""
        norm.append((start, end, label, color))
    merged: list[list] = []
    for start, end, label, color in sorted(norm):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if label and label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([start, end, [label] if label else [], color])
    out, pos = [], 0
    for start, end, labels, color in merged:
        out.append(escape(text[pos:start]))
        style = f' style="background:{escape(color)}"' if color else ""
        title = f' title="{escape(", ".join(labels))}"' if labels else ""
        out.append(f"<mark{style}{title}>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
