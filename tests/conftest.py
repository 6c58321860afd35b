"""Shared fixtures: the seed corpus, a short article, a notebook run, and a scratch folder for inputs."""

from __future__ import annotations

import os

import pytest

from analysis import config
from analysis.corpus import load_corpus

SHORT_ARTICLE = (
    "City Council Approves New Budget\n\n"
    "March 3, 2024\n\n"
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    '"This budget keeps our libraries open," Mayor Ana Ruiz said. She called the vote historic.\n\n'
    "Original url:\n\nhttps://example.org/news/budget\n"
)


@pytest.fixture(scope="session")
def seed_corpus():
    """The two seed reports, loaded once."""
    return load_corpus(config.SEEDS_DIR)


@pytest.fixture
def run_notebook(tmp_path):
    """Run ``notebooks/NAME.ipynb`` through papermill (a fresh kernel) with the given
    parameters; returns the executed notebook and the text of all its outputs (printed text,
    plain text, Markdown and HTML)."""

    def run(name: str, **parameters):
        import nbformat
        import papermill

        out = tmp_path / f"{name}.out.ipynb"
        papermill.execute_notebook(
            str(config.NOTEBOOKS_DIR / f"{name}.ipynb"), str(out), parameters=parameters,
            cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
        )  # fmt: skip
        nb = nbformat.read(out, as_version=4)
        mimes = ("text/plain", "text/markdown", "text/html")
        text = "".join(
            o.get("text", "") + "".join(o.get("data", {}).get(m, "") for m in mimes)
            for c in nb.cells for o in c.get("outputs", [])
        )  # fmt: skip
        return nb, text

    return run


@pytest.fixture
def short_article_path(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


# Cached analysis results go to a scratch folder too (kernels started by the tests inherit it),
# so every test run computes from scratch and never touches the project's .cache/.
import tempfile  # noqa: E402

os.environ.setdefault("MEDIAFRAMES_CACHE_DIR", tempfile.mkdtemp(prefix="mediaframes-cache-"))

SEED_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15"]


@pytest.fixture(scope="session")
def seed_batch(tmp_path_factory):
    """The real notebooks run once on the two seed reports into a scratch folder.

    Returns ``(out, results, lines)``: the folder, :func:`analysis.batch.report.run_batch`'s table
    and the progress lines it printed. Shared by the batch and the browser tests.
    """
    from analysis.batch import report

    out = tmp_path_factory.mktemp("reports")
    lines: list[str] = []
    # a cache of its own, so that the first use of each result is a miss even when an
    # earlier run (make report, another test session) left the project's cache warm
    before = os.environ.get("MEDIAFRAMES_CACHE_DIR")
    os.environ["MEDIAFRAMES_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        results = report.run_batch(articles=SEED_IDS, out=out, progress=lines.append)
    finally:
        if before is None:
            del os.environ["MEDIAFRAMES_CACHE_DIR"]
        else:
            os.environ["MEDIAFRAMES_CACHE_DIR"] = before
    return out, results, lines
