"""Escaped HTML highlighting: evidence shown as text, never run."""

from __future__ import annotations

import pandas as pd
import pytest

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


# ---------------------------------------------------------------- tables a student can read

from analysis.present import tables  # noqa: E402


@pytest.mark.parametrize(
    "value, shown",
    [(6.0, "6"), (6, "6"), (0.25, "0.25"), (-1e-9, "0"), (-0.125, "-0.125"), (float("nan"), "—"), (None, "—"), (pd.NaT, "—"), (pd.NA, "—"),
     (["Lena Ortiz", "Tom Ng"], "Lena Ortiz, Tom Ng"), ((), "—"), ("human_interest", "human interest"),
     ("civil_society", "civil society"), ("000_ab12cd", "000_ab12cd"), ("A sentence, as written.", "A sentence, as written."),
     (pd.Timestamp("2021-04-07"), "2021-04-07"), (True, "True")],
)
def test_format_cell(value, shown):
    assert tables.format_cell(value) == shown


def test_readable_keeps_the_input_and_names_labels_in_plain_words():
    frame = pd.DataFrame({"human_interest": [0.5, None], "count_other": [6.0, 2.0]}, index=["loaded_verb", "human_interest"])
    before = frame.copy()
    shown = tables.readable(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert list(shown.columns) == ["human interest", "count_other"]  # a column name the prose may quote stays
    assert list(shown.index) == ["loaded verb", "human interest"]
    assert shown.to_numpy().tolist() == [["0.5", "6"], ["—", "2"]]


def test_table_html_escapes_wraps_and_never_cuts():
    pd.set_option("display.max_colwidth", 20)
    try:
        long = "The mayor said <b>the bridge</b> would reopen in spring, after the repairs."
        html = tables.table_html(pd.DataFrame({"sentence": [long], "n": [3.0], "date": [pd.NaT]}))
    finally:
        pd.reset_option("display.max_colwidth")
    assert "&lt;b&gt;the bridge&lt;/b&gt; would reopen in spring, after the repairs." in html
    assert "<b>" not in html and "NaT" not in html and "3.0" not in html
    assert "text-align:left;white-space:normal" in html
    assert "td:nth-child(3){text-align:right}" in html  # n is a number: right-aligned
    assert "td:nth-child(2){min-width:16em;max-width:40em}" in html  # the long text column is wide
    assert html == tables.table_html(pd.DataFrame({"sentence": [long], "n": [3.0], "date": [pd.NaT]}))


def test_table_html_says_how_many_rows_are_left_out():
    html = tables.table_html(pd.DataFrame({"n": range(12)}), max_rows=5)
    assert html.count("<tr>") == 5 and html.count("<tr ") == 1  # the header row, five rows
    assert "7 more rows not shown" in html


def test_use_readable_tables_outside_a_kernel_changes_nothing():
    assert tables.use_readable_tables() is False
