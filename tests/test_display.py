"""Escaped HTML highlighting: evidence shown as text, never run."""

from __future__ import annotations

import pandas as pd

from analysis.present.display import highlight, label_colors


def test_article_text_is_escaped_and_spans_marked():
    text = 'Intro <script>alert("x")</script>.\n\n"We will win," she said.'
    start = text.index("We will")
    spans = pd.DataFrame({"start": [start], "end": [start + 12], "label": ["Ana Ruiz"], "title": ["Ana Ruiz (government)"]})
    html = highlight(text, spans, title="<b>Report</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Report&lt;/b&gt;" in html
    assert '<mark style="background:#cce3f0" title="Ana Ruiz (government)">We will win,</mark>' in html
    assert html.count("<p>") >= 2  # the paragraph break is kept


def test_fragments_are_marked_separately_and_overlaps_merged():
    text = "aaa bbb ccc ddd"
    spans = pd.DataFrame({"start": [0, 2], "end": [15, 6], "label": ["x", "y"], "fragments": [[[0, 3], [8, 11]], None]})
    html = highlight(text, spans)
    assert html.count("<mark") == 2  # x's first fragment merges with y; x's second stands alone
    assert 'title="x, y">aaa bb</mark>' in html
    assert 'title="x">ccc</mark>' in html


def test_mark_spans_refuses_spans_outside_the_text():
    import pytest

    from analysis.present.display import mark_spans

    with pytest.raises(ValueError):
        mark_spans("short", [(2, 10)])


def test_label_colors_are_stable_and_distinct():
    colors = label_colors(["b", "a", "b", "c"])
    assert list(colors) == ["b", "a", "c"]
    assert len(set(colors.values())) == 3
