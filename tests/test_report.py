"""The papermill batch, end to end, with real Jupyter kernels."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis import cli, config, report

SEED_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15"]
pytestmark = pytest.mark.slow


def _notebook(path, *sources, parameters=None):
    cells = []
    if parameters is not None:
        cell = new_code_cell(parameters)
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells += [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def seed_batch(tmp_path_factory):
    """The real notebooks run once on the seeds into a scratch folder."""
    out = tmp_path_factory.mktemp("reports")
    lines = []
    results = report.run_batch(articles=SEED_IDS, out=out, progress=lines.append)
    return out, results, lines


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
