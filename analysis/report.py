"""The batch: execute every notebook with papermill and export it to HTML.

``python -m analysis report`` calls :func:`run_batch`. Each notebook runs in a fresh Jupyter
kernel with the selection passed as papermill parameters (``ARTICLES``, ``CORPUS``,
``FIGURES_DIR``, when the notebook declares them). Outputs are written atomically: an
executed notebook and its HTML appear only when the notebook ran to the end. A notebook that
fails is reported by name and cell, its traceback is kept as ``<name>.failed.ipynb``, and the
other notebooks still run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config

RESULT_COLUMNS = ["notebook", "status", "seconds", "notebook_out", "html", "error"]


@dataclass(frozen=True)
class NotebookResult:
    notebook: str
    status: str  # "ok" or "failed"
    seconds: float
    notebook_out: str = ""
    html: str = ""
    error: str = ""


def list_notebooks(folder: Path = config.NOTEBOOKS_DIR, only: list[str] | None = None) -> list[Path]:
    """Notebooks in run order (by name); ``only`` picks some by name or stem.

    Raises:
        ValueError: naming any ``only`` entry that matches no notebook.
    """
    notebooks = sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.endswith(".failed.ipynb"))
    if not only:
        return notebooks
    chosen, unknown = [], []
    for name in only:
        stem = Path(name).stem
        match = [p for p in notebooks if p.stem == stem or p.stem.startswith(stem + "_") or p.name == name]
        (chosen.extend(match) if match else unknown.append(name))
    if unknown:
        known = ", ".join(p.stem for p in notebooks)
        raise ValueError(f"no notebook named {', '.join(unknown)} in {folder}. Notebooks: {known}")
    return sorted(set(chosen))


def notebook_parameters(path: Path) -> set[str]:
    """Names declared in the notebook's ``parameters`` cell."""
    import papermill

    return set(papermill.inspect_notebook(str(path)).keys())


def _describe_failure(err: Exception) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, PapermillExecutionError):
        return f"cell {err.cell_index} (execution count {err.exec_count}): {err.ename}: {err.evalue}"
    return f"{type(err).__name__}: {err}"


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def export_html(notebook_path: Path, html_path: Path, *, show_code: bool = False) -> Path:
    """Standalone HTML of an executed notebook; code cells hidden unless ``show_code``."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    _atomic_write_text(html_path, body)
    return html_path


def strip_run_metadata(notebook_path: Path) -> None:
    """Remove papermill's timings and run metadata so stored notebooks diff cleanly."""
    import nbformat

    nb = nbformat.read(notebook_path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    tmp = notebook_path.with_name(notebook_path.name + ".partial")
    nbformat.write(nb, tmp)
    os.replace(tmp, notebook_path)


def run_notebook(
    notebook: Path,
    *,
    out_dir: Path,
    parameters: dict,
    show_code: bool = False,
    in_place: bool = False,
    kernel_name: str | None = None,
) -> NotebookResult:
    """Execute one notebook into ``out_dir`` (and back into place when ``in_place``)."""
    import papermill

    started = time.perf_counter()
    declared = notebook_parameters(notebook)
    params = {k: v for k, v in parameters.items() if k in declared and v is not None}
    out_nb = out_dir / notebook.name
    out_html = out_dir / f"{notebook.stem}.html"
    failed_nb = out_dir / f"{notebook.stem}.failed.ipynb"
    with tempfile.TemporaryDirectory(prefix="mediaframes-") as tmp:
        tmp_nb = Path(tmp) / notebook.name
        try:
            papermill.execute_notebook(
                str(notebook), str(tmp_nb), parameters=params, cwd=str(notebook.parent),
                kernel_name=kernel_name, progress_bar=False, log_output=False,
            )  # fmt: skip
        except Exception as err:  # any failure of one notebook must not stop the batch
            for stale in (out_nb, out_html):
                stale.unlink(missing_ok=True)
            if tmp_nb.exists():
                shutil.move(tmp_nb, failed_nb)
            message = f"{notebook.name} failed in {_describe_failure(err)}"
            return NotebookResult(notebook.name, "failed", time.perf_counter() - started, str(failed_nb) if failed_nb.exists() else "", "", message)
        strip_run_metadata(tmp_nb)
        html_tmp = export_html(tmp_nb, Path(tmp) / out_html.name, show_code=show_code)
        if in_place and not params:
            shutil.copyfile(tmp_nb, notebook.with_name(notebook.name + ".partial"))
            os.replace(notebook.with_name(notebook.name + ".partial"), notebook)
        failed_nb.unlink(missing_ok=True)
        for src, dest in ((tmp_nb, out_nb), (html_tmp, out_html)):
            shutil.copyfile(src, dest.with_name(dest.name + ".partial"))
            os.replace(dest.with_name(dest.name + ".partial"), dest)
    return NotebookResult(notebook.name, "ok", time.perf_counter() - started, str(out_nb), str(out_html))


def run_batch(
    *,
    articles: list[str] | None = None,
    corpus: str | Path | None = None,
    only: list[str] | None = None,
    out: str | Path | None = None,
    figures: str | Path | None = None,
    notebooks_dir: str | Path = config.NOTEBOOKS_DIR,
    show_code: bool = False,
    in_place: bool = False,
    progress: Callable[[str], None] = print,
) -> pd.DataFrame:
    """Execute the notebooks and export each to HTML; one row per notebook.

    Args:
        articles: article ids to analyse (default: every article of the corpus).
        corpus: folder, manifest, ``.csv`` or ``.jsonl`` to load (default: ``seeds/``).
        only: run only these notebooks (names or stems such as ``01_corpus``).
        out: output folder (default: ``reports/``).
        figures: where notebooks write figures (default: ``figures/`` for the default
            output folder, else ``<out>/figures`` so a custom selection never overwrites
            the project's figures).
        show_code: keep code cells in the HTML.
        in_place: also store the executed notebooks back into ``notebooks/`` (only for a
            run with default parameters, so stored outputs match a plain re-run).

    Returns:
        DataFrame with columns :data:`RESULT_COLUMNS`.

    Raises:
        UnknownArticleError: before anything runs, when an id is not in the corpus.
        ValueError: when ``only`` names no notebook.
    """
    from .corpus import load_corpus

    out_dir = Path(out) if out else config.reports_dir()
    default_out = out is None
    if figures is None:
        figures = config.figures_dir() if default_out else out_dir / "figures"
    corpus_path = Path(corpus) if corpus else config.SEEDS_DIR
    if articles:
        load_corpus(corpus_path).select(list(articles))  # raises naming unknown ids
    notebooks = list_notebooks(Path(notebooks_dir), only)
    out_dir.mkdir(parents=True, exist_ok=True)
    Path(figures).mkdir(parents=True, exist_ok=True)
    parameters = {
        "ARTICLES": list(articles) if articles else None,
        "CORPUS": str(corpus_path.resolve()) if corpus else None,
        "FIGURES_DIR": None if (default_out and not in_place and figures == config.figures_dir()) else str(Path(figures).resolve()),
    }
    if in_place:
        parameters = {"FIGURES_DIR": None} if not articles and not corpus else parameters
    results = []
    batch_started = time.perf_counter()
    for i, notebook in enumerate(notebooks, 1):
        progress(f"[{i}/{len(notebooks)}] {notebook.name} ...")
        result = run_notebook(notebook, out_dir=out_dir, parameters=parameters, show_code=show_code, in_place=in_place)
        line = f"[{i}/{len(notebooks)}] {notebook.name}: {result.status} in {result.seconds:.1f} s"
        progress(line if result.status == "ok" else f"{line}\n    {result.error}")
        results.append(result)
    frame = pd.DataFrame([r.__dict__ for r in results], columns=RESULT_COLUMNS)
    write_index(out_dir, frame)
    ok = int((frame["status"] == "ok").sum())
    progress(
        f"{ok} of {len(frame)} notebooks ran in {time.perf_counter() - batch_started:.1f} s "
        f"(slowest: {frame.sort_values('seconds').iloc[-1]['notebook'] if len(frame) else '-'}); "
        f"reports in {out_dir}, figures in {figures}"
    )
    return frame


def write_index(out_dir: Path, results: pd.DataFrame) -> Path:
    """``index.html`` linking every HTML report of the batch (names escaped)."""
    from html import escape

    items = []
    for row in results.itertuples():
        if row.status == "ok":
            items.append(f'<li><a href="{escape(Path(row.html).name)}">{escape(Path(row.notebook).stem)}</a></li>')
        else:
            items.append(f"<li>{escape(Path(row.notebook).stem)}: failed &mdash; {escape(row.error)}</li>")
    page = (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>News framing reports</title></head>\n<body>\n<h1>News framing reports</h1>\n<ul>\n"
        + "\n".join(items)
        + "\n</ul>\n</body></html>\n"
    )
    path = out_dir / "index.html"
    _atomic_write_text(path, page)
    return path
