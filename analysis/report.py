"""The batch: execute every notebook with papermill and export it to HTML.

``python -m analysis report`` calls :func:`run_batch`. Each notebook runs in a fresh Jupyter
kernel with the selection passed as papermill parameters (``ARTICLES``, ``CORPUS``,
``FIGURES_DIR``, when the notebook declares them). Outputs are written atomically: an
executed notebook and its HTML appear only when the notebook ran to the end. A notebook that
fails is reported by name and cell, its traceback is kept as ``<name>.failed.ipynb``, and the
other notebooks still run.

The HTML pages stand alone: figures are embedded as PNG data, and the scripts nbconvert
would load from the web (MathJax, require.js, Mermaid) are left out, so a page opens
offline with nothing to fetch. ``index.html`` is the landing page: the selected articles
(id, outlet, headline, date), one link per report with its title, the figures each
notebook wrote, and any failure by name. Nothing in it depends on the time of the run.

Per-article results are cached between runs (:mod:`analysis.cache`); the batch counts how
many its kernels reused and prints it ("cache: 8 hits, 0 misses").
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from . import cache, config

RESULT_COLUMNS = [
    "notebook", "status", "seconds", "notebook_out", "html", "error",
    "title", "figures", "cache_hits", "cache_misses",
]  # fmt: skip

#: Matplotlib backend of the notebook kernels: figures are shown in the executed notebook.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
#: Title of ``index.html``.
INDEX_TITLE = "News framing reports"


@dataclass(frozen=True)
class NotebookResult:
    notebook: str
    status: str  # "ok" or "failed"
    seconds: float
    notebook_out: str = ""
    html: str = ""
    error: str = ""
    title: str = ""  # the notebook's first heading
    figures: tuple[str, ...] = ()  # PNG files the notebook wrote, in name order
    cache_hits: int = 0
    cache_misses: int = 0


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


def notebook_title(path: Path) -> str:
    """The first heading of the notebook's first markdown cell ("" when there is none).

    >>> notebook_title(config.NOTEBOOKS_DIR / "01_corpus.ipynb")
    '01 · The corpus: which reports are we comparing?'
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            for line in cell.source.splitlines():
                m = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
                if m:
                    return m.group(1)
            return ""
    return ""


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


#: nbconvert's JupyterLab template without the scripts it loads from the web (MathJax,
#: require.js, Mermaid, widget managers; the notebooks use none of them), plus a link back
#: to the index. Figures are embedded by nbconvert as PNG data.
_STANDALONE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style>.mf-nav{padding:8px 0;font-family:system-ui,sans-serif;font-size:14px}</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="mf-nav"><a href="index.html">&larr; All reports</a></nav>
{%- endblock body_header -%}
"""


def export_html(notebook_path: Path, html_path: Path, *, show_code: bool = False, title: str | None = None) -> Path:
    """Standalone HTML of an executed notebook; code cells hidden unless ``show_code``.

    The page loads nothing from the network; its ``<title>`` is ``title`` (default: the
    notebook's first heading, else its file name).
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"mediaframes_report.html.j2": _STANDALONE_TEMPLATE})],
        template_file="mediaframes_report.html.j2",
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    nb = without_widgets(nbformat.read(notebook_path, as_version=4))
    nb.metadata["title"] = title or notebook_title(notebook_path) or Path(notebook_path).stem
    body, _ = exporter.from_notebook_node(nb)
    _atomic_write_text(html_path, body)
    return html_path


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def without_widgets(nb):
    """The notebook without interactive widget outputs and widget state.

    A static HTML page cannot run widgets; their outputs would only add scripts and a
    placeholder. Notebooks show the same result as a plain output next to the controls.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if WIDGET_MIME not in o.get("data", {})]
    return nb


def strip_run_metadata(notebook_path: Path) -> None:
    """Remove papermill's timings, run metadata and widget state (random model ids) so
    stored notebooks diff cleanly and regenerate to the same bytes."""
    import nbformat

    nb = without_widgets(nbformat.read(notebook_path, as_version=4))
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    tmp = notebook_path.with_name(notebook_path.name + ".partial")
    nbformat.write(nb, tmp)
    os.replace(tmp, notebook_path)


@contextlib.contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    """Set (or, for None, remove) environment variables for the kernels started inside."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _png_files(folder: Path | None) -> dict[str, tuple[int, int, int]]:
    """PNG name -> (inode, mtime, size): a figure rewritten in place or replaced changes it."""
    if folder is None or not Path(folder).is_dir():
        return {}
    out = {}
    for path in Path(folder).glob("*.png"):
        with contextlib.suppress(OSError):
            st = path.stat()
            out[path.name] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def run_notebook(
    notebook: Path,
    *,
    out_dir: Path,
    parameters: dict,
    show_code: bool = False,
    in_place: bool = False,
    kernel_name: str | None = None,
    figures: Path | None = None,
    use_cache: bool = True,
) -> NotebookResult:
    """Execute one notebook into ``out_dir`` (and back into place when ``in_place``).

    ``figures`` is the folder the notebook writes figures to; the PNG files it wrote there
    are listed in the result. ``use_cache=False`` runs the kernel with the cache off.
    """
    import papermill

    started = time.perf_counter()
    declared = notebook_parameters(notebook)
    title = notebook_title(notebook)
    params = {k: v for k, v in parameters.items() if k in declared and v is not None}
    out_nb = out_dir / notebook.name
    out_html = out_dir / f"{notebook.stem}.html"
    failed_nb = out_dir / f"{notebook.stem}.failed.ipynb"
    figures_before = _png_files(figures)
    with tempfile.TemporaryDirectory(prefix="mediaframes-") as tmp:
        tmp_nb = Path(tmp) / notebook.name
        cache_log = Path(tmp) / "cache.log"
        try:
            kernel_env = {
                cache.LOG_ENV: str(cache_log),
                cache.DISABLE_ENV: None if use_cache else "1",
                "MPLBACKEND": INLINE_BACKEND,  # figures show in the report whatever the caller chose
            }
            with _environment(**kernel_env):
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
            return NotebookResult(
                notebook.name, "failed", time.perf_counter() - started,
                str(failed_nb) if failed_nb.exists() else "", "", message, title,
            )  # fmt: skip
        after = _png_files(figures)
        written = tuple(str(Path(figures) / name) for name in sorted(after) if after[name] != figures_before.get(name))
        used = cache.read_log(cache_log)
        strip_run_metadata(tmp_nb)
        html_tmp = export_html(tmp_nb, Path(tmp) / out_html.name, show_code=show_code, title=title or None)
        if in_place and not params:
            shutil.copyfile(tmp_nb, notebook.with_name(notebook.name + ".partial"))
            os.replace(notebook.with_name(notebook.name + ".partial"), notebook)
        failed_nb.unlink(missing_ok=True)
        for src, dest in ((tmp_nb, out_nb), (html_tmp, out_html)):
            shutil.copyfile(src, dest.with_name(dest.name + ".partial"))
            os.replace(dest.with_name(dest.name + ".partial"), dest)
    return NotebookResult(
        notebook.name, "ok", time.perf_counter() - started, str(out_nb), str(out_html), "", title,
        written, used["hit"], used["miss"],
    )  # fmt: skip


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
    use_cache: bool = True,
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
        use_cache: let the notebooks reuse cached per-article results
            (:mod:`analysis.cache`); False recomputes everything and stores nothing.

    Returns:
        DataFrame with columns :data:`RESULT_COLUMNS`; its ``attrs["cache"]`` holds the
        batch's cache hits and misses.

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
    loaded = load_corpus(corpus_path)
    selection = loaded.select(list(articles)) if articles else loaded  # raises naming unknown ids
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
        result = run_notebook(
            notebook, out_dir=out_dir, parameters=parameters, show_code=show_code, in_place=in_place,
            figures=Path(figures), use_cache=use_cache,
        )  # fmt: skip
        line = f"[{i}/{len(notebooks)}] {notebook.name}: {result.status} in {result.seconds:.1f} s"
        progress(line if result.status == "ok" else f"{line}\n    {result.error}")
        results.append(result)
    frame = pd.DataFrame([r.__dict__ for r in results], columns=RESULT_COLUMNS)
    hits, misses = int(frame["cache_hits"].sum()), int(frame["cache_misses"].sum())
    frame.attrs["cache"] = {"hits": hits, "misses": misses}
    write_index(
        out_dir, frame, selection=selection.to_frame(), rejects=loaded.rejects,
        corpus_name=corpus_path.name,
    )  # fmt: skip
    ok = int((frame["status"] == "ok").sum())
    cache_note = f"cache: {hits} hit{'s' if hits != 1 else ''}, {misses} miss{'es' if misses != 1 else ''}" if use_cache else "cache: off"
    progress(
        f"{ok} of {len(frame)} notebooks ran in {time.perf_counter() - batch_started:.1f} s "
        f"(slowest: {frame.sort_values('seconds').iloc[-1]['notebook'] if len(frame) else '-'}); "
        f"{cache_note}; reports in {out_dir}, figures in {figures}"
    )
    return frame


_INDEX_CSS = """
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fff;line-height:1.45}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.8rem;margin:0 0 .3rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
p.lead{color:#444;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5}
th{background:#f5f5f5}
td.num{text-align:right}
td.nowrap{white-space:nowrap}
ul.reports{list-style:none;padding:0}
ul.reports>li{margin:0 0 1.2rem}
ul.reports a.report{font-weight:600}
ul.figures{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;align-items:flex-start;gap:.75rem}
ul.figures img{display:block;width:14rem;height:auto;border:1px solid #ddd;background:#fff}
ul.figures span{font-size:.8rem;color:#555}
code{font-size:.9em}
.failed{color:#a00}
"""


def _href(target: str | Path, base: Path) -> str:
    """A link from a page in ``base`` to ``target``: relative when possible, URL-quoted."""
    try:
        rel = os.path.relpath(Path(target).resolve(), Path(base).resolve())
    except ValueError:  # another drive
        return Path(target).resolve().as_uri()
    return quote(Path(rel).as_posix())


def _short_title(title: str) -> str:
    """A notebook heading without its number: "01 · The corpus: ..." -> "The corpus: ..."."""
    return re.sub(r"^\s*\d+\s*[·.:\-–—]\s*", "", title).strip()


def write_index(
    out_dir: Path,
    results: pd.DataFrame,
    *,
    selection: pd.DataFrame | None = None,
    rejects: pd.DataFrame | None = None,
    corpus_name: str = "",
) -> Path:
    """Write ``index.html``, the landing page of a batch, and return its path.

    It lists the selected articles (id, outlet, headline, date, words; from
    :meth:`analysis.corpus.Corpus.to_frame`), the inputs that were skipped, one link per
    report with the notebook's title, the figures each notebook wrote (linked from the
    page, with a thumbnail), and every failure by name with its cell and error. All text is
    escaped; the page carries no date, so the same batch gives the same bytes.

    Args:
        out_dir: the batch's output folder (links are relative to it).
        results: :func:`run_batch` rows (``notebook``, ``status``, ``html``, ``error``;
            ``title`` and ``figures`` when present).
        selection: one row per selected article.
        rejects: inputs the corpus skipped (``source``, ``id``, ``reason``).
        corpus_name: what the articles were loaded from, as shown on the page.
    """
    out_dir = Path(out_dir)
    count = "" if selection is None else f": {len(selection)} article{'s' if len(selection) != 1 else ''}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(INDEX_TITLE + count)}</title>",
        f"<style>{_INDEX_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(INDEX_TITLE)}</h1>",
        '<p class="lead">How each report frames the story, what tone it takes and whose voices it '
        "carries: one page per notebook, all run on the articles below.</p>",
    ]
    parts += _selection_html(selection, rejects, corpus_name)
    ok = results[results["status"] == "ok"]
    failed = results[results["status"] != "ok"]
    parts.append('<section id="reports">\n<h2>Reports</h2>')
    if len(ok):
        parts.append('<ul class="reports">')
        for row in ok.itertuples():
            stem = Path(row.notebook).stem
            title = _short_title(str(getattr(row, "title", "") or ""))
            item = f'<li><a class="report" href="{escape(_href(out_dir / Path(row.html).name, out_dir))}">{escape(stem)}</a>'
            if title:
                item += f" &mdash; {escape(title)}"
            item += _figures_html(getattr(row, "figures", ()) or (), out_dir)
            parts.append(item + "</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>No report was written.</p>")
    parts.append("</section>")
    if len(failed):
        parts.append('<section id="failed">\n<h2>Failed</h2>\n<ul class="failed">')
        for row in failed.itertuples():
            stem = Path(row.notebook).stem
            kept = f" (the notebook as far as it ran: <code>{escape(Path(row.notebook_out).name)}</code>)" if getattr(row, "notebook_out", "") else ""
            parts.append(f"<li>{escape(stem)}: failed &mdash; {escape(str(row.error))}{kept}</li>")
        parts.append("</ul>\n</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    path = out_dir / "index.html"
    _atomic_write_text(path, "\n".join(parts))
    return path


def _selection_html(selection: pd.DataFrame | None, rejects: pd.DataFrame | None, corpus_name: str) -> list[str]:
    if selection is None:
        return []
    n = len(selection)
    source = f" from <code>{escape(corpus_name)}</code>" if corpus_name else ""
    out = ['<section id="articles">', "<h2>The articles</h2>", f"<p>{n} article{'s' if n != 1 else ''}{source}.</p>"]
    if n:
        out.append("<table>\n<thead><tr><th scope=\"col\">id</th><th scope=\"col\">outlet</th>"
                   "<th scope=\"col\">headline</th><th scope=\"col\">published</th><th scope=\"col\">words</th></tr></thead>\n<tbody>")
        for row in selection.itertuples():
            cells = [
                f"<td><code>{escape(str(row.id))}</code></td>",
                f"<td>{escape(str(row.outlet or '')) or '&ndash;'}</td>",
                f"<td>{escape(str(row.headline or '')) or '<em>no headline in the text</em>'}</td>",
                f'<td class="nowrap">{escape(_date_text(row.published)) or "&ndash;"}</td>',
                f'<td class="num">{int(row.words)}</td>',
            ]
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody>\n</table>")
    if rejects is not None and len(rejects):
        out.append(f"<p>{len(rejects)} input{'s' if len(rejects) != 1 else ''} skipped:</p>\n<ul>")
        for row in rejects.itertuples():
            out.append(f"<li><code>{escape(str(row.source))}</code>: {escape(str(row.reason))}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _date_text(value) -> str:
    """``YYYY-MM-DD`` for a date (a string is shown as it is; empty when unknown)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


def _figures_html(figures, out_dir: Path) -> str:
    if not len(figures):
        return ""
    items = []
    for figure in figures:
        href = escape(_href(figure, out_dir))
        name = escape(Path(figure).name)
        items.append(f'<li><a href="{href}"><img src="{href}" alt="Figure {name}"><span>{name}</span></a></li>')
    return '\n<ul class="figures">' + "".join(items) + "</ul>"
