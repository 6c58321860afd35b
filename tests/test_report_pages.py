"""Report pages a reader can find their way in: long outputs folded, a table of contents."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.batch.report import pages


def _html_output(markup: str):
    return new_output("display_data", data={"text/html": markup, "text/plain": "<IPython.core.display.HTML object>"})


def _evidence(n: int) -> str:
    return "<div><h4>Daily</h4>" + "".join(f"<p><small>sentence {i}</small> The bridge &lt;closed&gt;.</p>" for i in range(n)) + "</div>"


def _table(rows: int) -> str:
    return "<table><thead><tr><th>n</th></tr></thead><tbody>" + "<tr><td>1</td></tr>" * rows + "</tbody></table>"


def _notebook():
    return new_notebook(cells=[
        new_markdown_cell("# 02 · Framing"),
        new_markdown_cell("## 1. Generic news frames\n\nText."),
        new_code_cell("x", outputs=[_html_output(_table(3))]),
        new_markdown_cell("### The evidence: every **frame** hit"),
        new_code_cell("y", outputs=[_html_output(_evidence(12))]),
        new_markdown_cell("## 2. Key terms"),
        new_code_cell("z", outputs=[_html_output(_table(pages.FOLD_ROWS + 5)), new_output("stream", name="stdout", text="saved\n")]),
    ])  # fmt: skip


def test_long_outputs_are_folded_with_a_summary_naming_the_section():
    nb = pages.fold_long_outputs(_notebook())
    short, evidence, long_table = (nb.cells[i].outputs[0]["data"]["text/html"] for i in (2, 4, 6))
    assert "<details" not in short
    assert evidence.startswith('<details class="mf-fold"><summary>Show the 12 sentences: The evidence: every frame hit</summary>')
    assert evidence.endswith("</div></details>") and "&lt;closed&gt;" in evidence  # the output itself is kept
    assert f"<summary>Show the table ({pages.FOLD_ROWS + 5} rows): 2. Key terms</summary>" in long_table
    assert nb.cells[6].outputs[1]["text"] == "saved\n"


def test_contents_link_every_section_heading_under_the_title():
    page = (
        "<html><head><title>t</title></head><body>"
        '<h1 id="02-·-Framing">02 · Framing<a class="anchor-link" href="#02-·-Framing">¶</a></h1><p>intro</p>'
        '<h2 id="1.-Generic-news-frames">1. Generic news frames<a class="anchor-link" href="#1.-Generic-news-frames">¶</a></h2>'
        '<h2 id="Who-&amp;-what">Who &amp; what<a class="anchor-link" href="#Who-&amp;-what">¶</a></h2>'
        "</body></html>"
    )
    out = pages.add_contents(page)
    nav = out[out.index("</h1>") + 5 : out.index("<p>intro")]
    assert nav.startswith('<nav class="mf-toc"')
    assert '<li><a href="#1.-Generic-news-frames">1. Generic news frames</a></li>' in nav
    assert '<li><a href="#Who-&amp;-what">Who &amp; what</a></li>' in nav  # the id as nbconvert wrote it
    assert "details.mf-fold" in out[: out.index("</head>")]


def test_a_page_with_one_section_gets_no_contents():
    page = '<html><head></head><body><h1 id="t">T<a class="anchor-link" href="#t">¶</a></h1><h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2></body></html>'
    assert "mf-toc\"" not in pages.add_contents(page).split("</head>")[1]


def test_folding_reads_a_notebook_written_to_disk(tmp_path):
    path = tmp_path / "n.ipynb"
    nbformat.write(_notebook(), path)
    nb = pages.fold_long_outputs(nbformat.read(path, as_version=4))
    assert sum("<details" in c.outputs[0]["data"]["text/html"] for c in nb.cells if c.cell_type == "code") == 2
