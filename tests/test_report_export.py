"""The HTML export of executed notebooks: the same page as nbconvert's, made faster."""

from __future__ import annotations

import threading

import jinja2
import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import config
from analysis.batch import report
from analysis.batch.report import export as report_export

STORED = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


def _nbconvert_page(nb, show_code: bool) -> str:
    """The page nbconvert's own HTMLExporter makes with the report template."""
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"mediaframes_report.html.j2": report._STANDALONE_TEMPLATE})],
        template_file="mediaframes_report.html.j2",
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter.from_notebook_node(nb)[0]


def _our_page(nb, show_code: bool) -> str:
    with report._html_exporter(show_code) as exporter:
        return exporter.from_notebook_node(nb)[0]


@pytest.mark.parametrize("show_code", [False, True])
@pytest.mark.parametrize("path", STORED, ids=[p.stem for p in STORED])
def test_page_is_nbconverts_page_for_every_stored_notebook(path, show_code):
    nb = report.without_widgets(nbformat.read(path, as_version=4))
    nb.metadata["title"] = "A title"
    ours = _our_page(nb, show_code)
    theirs = _nbconvert_page(nb, show_code)
    # nbconvert's page is its rendering read and written by BeautifulSoup; ours, read and
    # written the same way, must be the same page
    assert str(BeautifulSoup(ours, features="html.parser")) == theirs
    assert ours.count('tabindex="0"') == theirs.count('tabindex="0"') > 0


def test_stored_notebooks_with_figures_get_the_same_alt_text_as_nbconvert():
    with_figures = [p for p in STORED if '"image/png"' in p.read_text(encoding="utf-8")]
    assert with_figures, "the stored notebooks show figures"
    for path in with_figures:
        nb = report.without_widgets(nbformat.read(path, as_version=4))
        page = _our_page(nb, False)
        soup = BeautifulSoup(page, features="html.parser")
        images = soup.find_all("img")
        assert images and all(img.has_attr("alt") for img in images), path.name


def test_alt_text_is_added_only_where_a_parser_sees_an_image_without_one():
    html = (
        '<body class="jp-Notebook"><img src="a.png"><img alt="" src="b.png"/><img src="c.png" ALT="C">'
        "<img src='d.png' title='alt=no'/><!-- <img src=\"e.png\"> --><script>var s = '<img src=f.png>';</script>"
        '<style>img[src="g.png"] {}</style><IMG SRC="h.png"></body>'
    )
    soup = BeautifulSoup(report._accessible(html), features="html.parser")
    alts = {img["src"].lower(): img.get("alt") for img in soup.find_all(["img", "IMG"])}
    assert alts == {
        "a.png": report.MISSING_ALT_TEXT, "b.png": "", "c.png": "C", "d.png": report.MISSING_ALT_TEXT,
        "h.png": report.MISSING_ALT_TEXT,
    }  # fmt: skip
    assert "<!-- <img src=\"e.png\"> -->" in report._accessible(html)
    assert "'<img src=f.png>'" in report._accessible(html)


def test_cell_inputs_and_outputs_become_focusable_and_nothing_else():
    html = (
        '<div class="jp-Cell-inputWrapper x">a</div><div class=\'jp-OutputArea-output\'>b</div>'
        '<div class="jp-OutputArea-output-not">c</div><div data-class="jp-OutputArea-output">d</div>'
        '<span class="jp-OutputArea-output">e</span>'
    )
    soup = BeautifulSoup(report._accessible(html), features="html.parser")
    focusable = [tag.get_text() for tag in soup.find_all(tabindex="0")]
    assert focusable == ["a", "b"]


def test_an_exporter_is_never_shared_by_two_threads_and_is_reused_after():
    both_inside = threading.Barrier(2, timeout=30)
    used = []

    def export():
        with report._html_exporter(False) as exporter:
            used.append(exporter)
            both_inside.wait()

    threads = [threading.Thread(target=export) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(used) == 2 and used[0] is not used[1]
    with report._html_exporter(False) as again:
        assert any(again is exporter for exporter in used)
        assert again.optimistic_validation  # one validation after the preprocessors, not one each


def test_export_from_a_notebook_in_memory_is_the_same_page_as_from_its_file(tmp_path):
    cell = new_code_cell("print(1)")
    cell.outputs = [new_output("stream", name="stdout", text="1\n")]
    nb = new_notebook(cells=[new_markdown_cell("# Heading"), cell])
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    from_file = report.export_html(path, tmp_path / "a.html").read_text(encoding="utf-8")
    from_memory = report.export_html(path, tmp_path / "b.html", notebook=nbformat.read(path, as_version=4)).read_text(encoding="utf-8")
    assert from_file == from_memory
    assert "<title>Heading</title>" in from_file


def test_warm_exporter_leaves_one_ready(monkeypatch):
    monkeypatch.setattr(report_export, "_exporters", {})
    report.warm_exporter(show_code=True)
    assert len(report_export._exporters[True]) == 1 and not report_export._exporters.get(False)
    report.warm_exporter(show_code=True)  # one is idle: no second one
    assert len(report_export._exporters[True]) == 1
