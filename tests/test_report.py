"""The papermill batch, end to end, with real Jupyter kernels."""

from __future__ import annotations

import base64
import html.parser
import json
import re

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis import config
from analysis.batch import cli, report
from analysis.corpus import load_corpus

SEED_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15"]  # the session's seed_batch (conftest.py)
pytestmark = pytest.mark.slow


def _notebook(path, *sources, parameters=None, title=None):
    """Write a small notebook: an optional title, an optional parameters cell, then code cells."""
    cells = [new_markdown_cell(f"# {title}")] if title else []
    if parameters is not None:
        cell = new_code_cell(parameters)
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells += [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_batch_runs_every_notebook_and_writes_html(seed_batch):
    out, results, lines = seed_batch
    notebooks = sorted(p.name for p in config.NOTEBOOKS_DIR.glob("*.ipynb"))
    assert sorted(results["notebook"]) == notebooks
    assert results["status"].tolist() == ["ok"] * len(notebooks), results["error"].tolist()
    for name in notebooks:
        stem = name.removesuffix(".ipynb")
        assert (out / name).is_file()
        html = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert "<html" in html.lower()
        assert "load_corpus(" not in html  # code cells are hidden by default
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n.removesuffix(".ipynb")}.html"' in index for n in notebooks)
    assert not list(out.rglob("*.partial"))
    assert any("01_corpus.ipynb: ok" in line for line in lines)


def test_batch_passes_the_selection_as_parameters(seed_batch):
    out, _, _ = seed_batch
    nb = nbformat.read(out / "01_corpus.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert json.dumps(SEED_IDS) in injected[0].source or str(SEED_IDS) in injected[0].source
    assert str(out / "figures") in injected[0].source


def test_regenerated_figures_are_byte_identical_to_committed(seed_batch):
    out, _, _ = seed_batch
    committed = sorted(config.FIGURES_DIR.glob("*.png"))
    assert committed, "no committed figures"
    for figure in committed:
        regenerated = out / "figures" / figure.name
        assert regenerated.is_file(), f"{figure.name} was not regenerated"
        assert regenerated.read_bytes() == figure.read_bytes(), f"{figure.name} differs"


def test_failing_notebook_is_named_with_its_cell_and_the_rest_still_runs(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(nbdir / "01_good.ipynb", "x = 1 + 1", "print(x)")
    _notebook(nbdir / "02_bad.ipynb", "y = 2", "raise RuntimeError('broken on purpose')")
    _notebook(nbdir / "03_after.ipynb", "print('still here')")
    out = tmp_path / "out"
    out.mkdir()
    (out / "02_bad.html").write_text("stale report from an earlier run")
    lines = []
    results = report.run_batch(notebooks_dir=nbdir, out=out, figures=tmp_path / "f", progress=lines.append)
    status = results.set_index("notebook")["status"].to_dict()
    assert status == {"01_good.ipynb": "ok", "02_bad.ipynb": "failed", "03_after.ipynb": "ok"}
    error = results.set_index("notebook").loc["02_bad.ipynb", "error"]
    assert "02_bad.ipynb" in error and "cell 1" in error and "RuntimeError: broken on purpose" in error
    assert any("broken on purpose" in line for line in lines)
    assert not (out / "02_bad.ipynb").exists() and not (out / "02_bad.html").exists()
    assert (out / "02_bad.failed.ipynb").is_file()
    assert (out / "03_after.html").is_file()
    index = (out / "index.html").read_text()
    assert "02_bad: failed" in index and 'href="03_after.html"' in index


def test_only_and_parameters_reach_the_notebook(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(
        nbdir / "01_p.ipynb",
        f"assert ARTICLES == {SEED_IDS[:1]!r}, ARTICLES",
        parameters="ARTICLES: list = []  # ids",
    )
    _notebook(nbdir / "02_other.ipynb", "raise SystemExit('must not run')")
    results = report.run_batch(
        notebooks_dir=nbdir, only=["01_p"], out=tmp_path / "out", figures=tmp_path / "f",
        articles=SEED_IDS[:1], progress=lambda _: None,
    )  # fmt: skip
    assert results["notebook"].tolist() == ["01_p.ipynb"]
    assert results["status"].tolist() == ["ok"]


def test_unknown_article_id_stops_before_running(capsys, tmp_path):
    code = cli.main(["report", "--articles", "no_such_article", "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2
    assert "no_such_article" in err and SEED_IDS[0] in err
    assert not (tmp_path / "o").exists()


def test_unknown_notebook_is_a_clear_error(capsys, tmp_path):
    code = cli.main(["report", "--only", "99_nothing", "--out", str(tmp_path / "o")])
    assert code == 2
    assert "99_nothing" in capsys.readouterr().err


def test_html_keeps_code_when_asked(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(nbdir / "01_c.ipynb", "answer = 6 * 7\nprint(answer)")
    report.run_batch(notebooks_dir=nbdir, out=tmp_path / "o", figures=tmp_path / "f", show_code=True, progress=lambda _: None)
    html = (tmp_path / "o" / "01_c.html").read_text()
    assert "answer" in html and "42" in html


class _Tags(html.parser.HTMLParser):
    """Every start tag of a page with its attributes, and the text inside <title> and <h1>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.text[self._in] = self.text.get(self._in, "") + data


def _parse(path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_index_is_a_landing_page_for_the_selection(seed_batch):
    out, results, _ = seed_batch
    page = (out / "index.html").read_text(encoding="utf-8")
    tags = _parse(out / "index.html")
    assert page.startswith("<!DOCTYPE html>")
    assert ("meta", {"charset": "utf-8"}) in tags.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in tags.tags)
    assert tags.text["title"] == "News framing reports: 2 articles"
    for article in load_corpus(config.SEEDS_DIR).select(SEED_IDS):
        assert article.id in page and article.outlet in page
        if article.headline:
            assert html.escape(article.headline) in page
        if article.published:
            assert article.published in page
    for row in results.itertuples():
        stem = row.notebook.removesuffix(".ipynb")
        title = report.notebook_title(config.NOTEBOOKS_DIR / row.notebook)
        assert f'href="{stem}.html">{stem}</a> &mdash; {html.escape(re.sub(r"^[0-9]+ · ", "", title))}' in page
    assert not re.search(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:", page)  # no time of the run


def test_index_links_every_figure_the_batch_wrote(seed_batch):
    out, results, _ = seed_batch
    written = sorted(f for figures in results["figures"] for f in figures)
    assert sorted(p.name for p in (out / "figures").glob("*.png")) == sorted(p.rsplit("/", 1)[-1] for p in written)
    links = [a["href"] for t, a in _parse(out / "index.html").tags if t == "a" and a["href"].endswith(".png")]
    images = [a["src"] for t, a in _parse(out / "index.html").tags if t == "img"]
    assert links == images == [f"figures/{p.rsplit('/', 1)[-1]}" for p in written]
    assert all((out / link).is_file() for link in links)


def test_reports_show_every_figure_embedded_and_load_nothing_from_the_network(seed_batch):
    out, results, _ = seed_batch
    for row in results.itertuples():
        tags = _parse(out / f"{row.notebook.removesuffix('.ipynb')}.html")
        assert not [a for t, a in tags.tags if t == "script"], row.notebook
        assert not [a for t, a in tags.tags if t == "link" and "stylesheet" in a.get("rel", "")], row.notebook
        assert tags.text["title"] == report.notebook_title(config.NOTEBOOKS_DIR / row.notebook)
        nb = nbformat.read(out / row.notebook, as_version=4)
        pngs = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        images = [a["src"] for t, a in tags.tags if t == "img"]
        assert len(images) == pngs, row.notebook
        assert len(images) >= len(row.figures), f"{row.notebook} saved {len(row.figures)} figures but shows {len(images)}"
        for src in images:
            assert src.startswith("data:image/png;base64,"), src[:60]
            assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG\r\n\x1a\n")


def test_batch_summary_counts_cached_results(seed_batch):
    _, results, lines = seed_batch
    hits, misses = results.attrs["cache"]["hits"], results.attrs["cache"]["misses"]
    assert misses >= 1 and hits >= 1  # several notebooks share each article's quotes
    assert re.search(rf"; cache: {hits} hits?, {misses} miss(es)?; reports in ", lines[-1]), lines[-1]


def test_a_second_run_reuses_cached_results(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAFRAMES_CACHE_DIR", str(tmp_path / "cache"))
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(
        nbdir / "01_quotes.ipynb",
        "from analysis import compare, config\nfrom analysis.corpus import load_corpus\n"
        "print(len(compare.quotes_by_article(load_corpus(config.SEEDS_DIR).select(ARTICLES))))",
        parameters="ARTICLES: list = []  # ids",
    )
    runs = []
    for use_cache in (True, True, False):
        lines = []
        report.run_batch(
            notebooks_dir=nbdir, out=tmp_path / "out", figures=tmp_path / "f", articles=SEED_IDS,
            use_cache=use_cache, progress=lines.append,
        )  # fmt: skip
        runs.append(lines[-1])
    assert "cache: 0 hits, 2 misses" in runs[0]
    assert "cache: 2 hits, 0 misses" in runs[1]
    assert "cache: off" in runs[2]
    outputs = nbformat.read(tmp_path / "out" / "01_quotes.ipynb", as_version=4).cells[-1].outputs
    assert outputs[0]["text"].strip().isdigit()


def test_index_escapes_every_text_and_lists_failures_by_name(tmp_path):
    evil = "<script>window.__pwned = 1</script>"
    selection = pd.DataFrame(
        [{"id": "a<b", "outlet": evil, "headline": evil, "published": pd.Timestamp("2024-03-03"), "words": 12}]
    )
    results = pd.DataFrame(
        [
            {"notebook": "01_ok.ipynb", "status": "ok", "html": str(tmp_path / "01_ok.html"), "error": "",
             "title": f"01 · Title {evil}", "figures": (str(tmp_path / "figures" / "01 a&b.png"),), "notebook_out": ""},
            {"notebook": "02_bad.ipynb", "status": "failed", "html": "", "error": f"cell 3: ValueError: {evil}",
             "title": "", "figures": (), "notebook_out": str(tmp_path / "02_bad.failed.ipynb")},
        ]
    )  # fmt: skip
    rejects = pd.DataFrame([{"source": "x<y>.txt", "id": "", "reason": "empty file (no text)"}])
    path = report.write_index(tmp_path, results, selection=selection, rejects=rejects, corpus_name="<corpus>")
    page = path.read_text(encoding="utf-8")
    assert "<script" not in page
    assert page.count("&lt;script&gt;window.__pwned = 1&lt;/script&gt;") == 4
    assert "a&lt;b" in page and "&lt;corpus&gt;" in page and "x&lt;y&gt;.txt" in page and "2024-03-03" in page
    assert 'href="figures/01%20a%26b.png"' in page
    assert "02_bad: failed &mdash; cell 3: ValueError" in page and "02_bad.failed.ipynb" in page
    assert report.write_index(tmp_path, results, selection=selection, rejects=rejects, corpus_name="<corpus>").read_text(encoding="utf-8") == page


def test_html_export_drops_widget_outputs_and_state(tmp_path):
    from nbformat.v4 import new_output

    nb = new_notebook(cells=[new_code_cell("w")])
    nb.cells[0].outputs = [
        new_output("display_data", data={"text/plain": "VBox()", report.WIDGET_MIME: {"model_id": "x", "version_major": 2, "version_minor": 0}}),
        new_output("display_data", data={"text/plain": "kept"}),
    ]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    path = tmp_path / "w.ipynb"
    nbformat.write(nb, path)
    html = report.export_html(path, tmp_path / "w.html").read_text()
    assert "widget-view+json" not in html and "widget-state+json" not in html
    assert "kept" in html and "VBox()" not in html


def test_stored_notebooks_carry_no_widget_state(tmp_path):
    from nbformat.v4 import new_output

    nb = new_notebook(cells=[new_code_cell("w")])
    nb.cells[0].outputs = [new_output("display_data", data={"text/plain": "VBox()", report.WIDGET_MIME: {"model_id": "x"}})]
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "w.ipynb"
    nbformat.write(nb, path)
    report.strip_run_metadata(path)
    stored = nbformat.read(path, as_version=4)
    assert "widgets" not in stored.metadata and stored.cells[0].outputs == []


def test_printed_text_split_by_the_kernels_flushes_is_joined_in_the_stored_notebook(tmp_path):
    from nbformat.v4 import new_output

    cell = new_code_cell("print('saved a.png')")
    cell.outputs = [
        new_output("stream", name="stdout", text="saved a.png"),
        new_output("stream", name="stdout", text="\n"),
        new_output("stream", name="stderr", text="a warning\n"),
        new_output("display_data", data={"text/plain": "<Image>"}),
        new_output("stream", name="stdout", text="after\n"),
        new_output("stream", name="stdout", text="and more\n"),
    ]
    path = tmp_path / "split.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    report.strip_run_metadata(path)
    outputs = nbformat.read(path, as_version=4).cells[0].outputs
    assert [(o.output_type, o.get("name"), o.get("text")) for o in outputs] == [
        ("stream", "stdout", "saved a.png\n"),
        ("stream", "stderr", "a warning\n"),
        ("display_data", None, None),
        ("stream", "stdout", "after\nand more\n"),
    ]


def test_a_notebook_run_twice_gives_the_same_notebook_and_page_bytes(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(
        nbdir / "01_twice.ipynb", "print('one', X)", "import time\nfor i in range(3):\n    print(i)\n    time.sleep(0.3)",
        parameters="X: int = 0  # a number", title="01 · Twice",
    )  # fmt: skip
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        result = report.run_notebook(nbdir / "01_twice.ipynb", out_dir=out, parameters={"X": 7})
        assert result.status == "ok", result.error
        outs.append(out)
    for name in ("01_twice.ipynb", "01_twice.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    nb = nbformat.read(outs[0] / "01_twice.ipynb", as_version=4)
    [injected] = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected.id == report.INJECTED_CELL_ID and injected.source.strip().endswith("X = 7")
