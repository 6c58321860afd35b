""":func:`run_batch`: every notebook of the selection, side by side, then the index page
and the account of where the time went."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from ... import config
from .. import kernels
from .export import warm_exporter
from .figures import _credit_figures
from .index import write_index
from .notebooks import list_notebooks, notebook_parameter_types
from .params import undeclared
from .run import NotebookResult, run_notebook
from .timing import time_summary

RESULT_COLUMNS = [
    "notebook", "status", "seconds", "notebook_out", "html", "error",
    "title", "figures", "cache_hits", "cache_misses",
    "kernel_start_seconds", "execute_seconds", "html_seconds",
]  # fmt: skip


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
    jobs: int | None = None,
    warm_kernels: bool = True,
    kernel_server: kernels.KernelServer | None = None,
    parameters: dict | None = None,
    progress: Callable[[str], None] = print,
) -> pd.DataFrame:
    """Execute the notebooks and export each to HTML; one row per notebook.

    Args:
        articles: article ids to analyse (default: every article of the corpus).
        corpus: folder, manifest, ``.csv`` or ``.jsonl`` to load (default: ``seeds/``). On
            other articles than the seeds, a notebook that reads none of the selection's
            parameters (:data:`SELECTION_PARAMETERS`: the case-study lesson) is left out unless
            ``only`` names it, and listed on the index as not run; ``06_your_article`` gets
            the first report as ``ARTICLE_ID``.
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
        jobs: notebooks run at once (default: :func:`default_jobs`); 1 runs them one
            after the other. Outputs, figures and the index are the same either way.
        warm_kernels: fork each notebook's kernel from a server that has imported the
            libraries and loaded the NLTK models once (:mod:`analysis.batch.kernels`; Linux).
            False starts every kernel as a new process. Outputs are the same either way.
        kernel_server: a server already started for this batch (:func:`analysis.batch.kernels.batch_server`,
            with the same ``use_cache``), so that it imports while the caller does; the
            batch stops it when it ends. Default: the batch starts one (``warm_kernels``).
        parameters: more papermill parameters (``-p NAME VALUE``, ``-f params.yaml``; see
            :mod:`.params`), given to every notebook that declares them; a name that no
            notebook of the batch declares is reported once in ``progress``.
        progress: called with each line to show, one whole line at a time (from the
            threads that run the notebooks when ``jobs`` > 1).

    Returns:
        DataFrame with columns :data:`RESULT_COLUMNS`, in notebook order; its
        ``attrs["cache"]`` holds the batch's cache hits and misses, ``attrs["wall_seconds"]``
        and ``attrs["jobs"]`` the batch's wall time and the notebooks it ran at once,
        ``attrs["forked_kernels"]`` how many kernels were forked from the server.

    Raises:
        UnknownArticleError: before anything runs, when an id is not in the corpus.
        ValueError: before anything runs, when the corpus has no usable article.
        ValueError: when ``only`` names no notebook, or ``jobs`` is below 1.
    """
    from ...corpus import load_corpus

    if jobs is not None and jobs < 1:
        if kernel_server is not None:
            kernel_server.close()
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    batch_started = time.perf_counter()
    # started first: it imports the libraries while this process reads the corpus (and, in a
    # new process, imports papermill)
    server = kernel_server
    if server is None and warm_kernels:
        server = kernels.batch_server(use_cache=use_cache)
    try:
        out_dir = Path(out) if out else config.reports_dir()
        default_out = out is None
        if figures is None:
            figures = config.figures_dir() if default_out else out_dir / "figures"
        corpus_path = Path(corpus) if corpus else config.SEEDS_DIR
        loaded = load_corpus(corpus_path)
        selection = loaded.select(list(articles)) if articles else loaded  # raises naming unknown ids
        if not selection.articles:
            first = f" (first: {loaded.rejected[0].source}: {loaded.rejected[0].reason})" if loaded.rejected else ""
            raise ValueError(
                f"no usable article in {corpus_path}: {len(loaded.rejected)} input(s) rejected{first}; "
                f"python -m analysis analyze {corpus_path} lists them all"
            )
        notebooks = list_notebooks(Path(notebooks_dir), only)
        own_story = not _is_seed_corpus(corpus_path)
        # on other articles, the notebooks written for the seeds are left out unless named in ``only``
        notebooks, not_run = _about_selection(notebooks) if own_story and not only else (notebooks, [])
        out_dir.mkdir(parents=True, exist_ok=True)
        Path(figures).mkdir(parents=True, exist_ok=True)
        batch_parameters = {
            "ARTICLES": list(articles) if articles else None,
            "CORPUS": str(corpus_path.resolve()) if corpus else None,
            "FIGURES_DIR": None if (default_out and not in_place and figures == config.figures_dir()) else str(Path(figures).resolve()),
        }
        if in_place:
            batch_parameters = {"FIGURES_DIR": None} if not articles and not corpus else batch_parameters
        if own_story:  # 06 analyses the first report of the selection, not its demo article
            batch_parameters["ARTICLE_ID"] = selection.ids[0]
        batch_parameters.update(parameters or {})
        for name in undeclared(parameters or {}, [notebook_parameter_types(p) for p in notebooks]):
            progress(f"warning: no notebook of this batch declares the parameter {name}; it is not used")
        jobs = max(1, min(default_jobs() if jobs is None else jobs, len(notebooks)))
        lock = threading.Lock()
        windows: dict[str, tuple[float, float]] = {}  # notebook -> when it started and ended

        def say(line: str) -> None:
            with lock:  # lines from several threads never mix
                progress(line)

        def run_one(i: int, notebook: Path) -> NotebookResult:
            say(f"[{i}/{len(notebooks)}] {notebook.name} ...")
            started = time.perf_counter()
            result = run_notebook(
                notebook, out_dir=out_dir, parameters=batch_parameters, show_code=show_code, in_place=in_place,
                figures=Path(figures), use_cache=use_cache, server=server,
            )  # fmt: skip
            windows[notebook.name] = (started, time.perf_counter())
            line = f"[{i}/{len(notebooks)}] {notebook.name}: {result.status} in {result.seconds:.1f} s"
            say(line if result.status == "ok" else f"{line}\n    {result.error}")
            return result

        if server is not None:
            warm_exporter(show_code)  # while the server imports, not while pages wait
        results = _run_all(notebooks, run_one, jobs)
    finally:
        if server is not None:
            server.close()
    if jobs > 1:
        results = _credit_figures(results, windows)
    frame = pd.DataFrame([r.__dict__ for r in results], columns=RESULT_COLUMNS)
    hits, misses = int(frame["cache_hits"].sum()), int(frame["cache_misses"].sum())
    frame.attrs["cache"] = {"hits": hits, "misses": misses}
    write_index(
        out_dir, frame, selection=selection.to_frame(), rejects=loaded.rejects,
        corpus_name=corpus_path.name, not_run=[p.stem for p in not_run],
    )  # fmt: skip
    wall = time.perf_counter() - batch_started
    frame.attrs["wall_seconds"], frame.attrs["jobs"] = wall, jobs
    frame.attrs["forked_kernels"] = server.launched if server is not None else 0
    for line in time_summary(frame, wall=wall, jobs=jobs):
        progress(line)
    ok = int((frame["status"] == "ok").sum())
    cache_note = f"cache: {hits} hit{'s' if hits != 1 else ''}, {misses} miss{'es' if misses != 1 else ''}" if use_cache else "cache: off"
    progress(
        f"{ok} of {len(frame)} notebooks ran in {wall:.1f} s "
        f"(slowest: {frame.sort_values('seconds').iloc[-1]['notebook'] if len(frame) else '-'}); "
        f"{cache_note}; reports in {out_dir}, figures in {figures}"
    )
    return frame


#: Parameters by which a notebook reads the batch's selection; a notebook that declares none of
#: them is written for the seed reports (the lesson) and is not run on other articles.
SELECTION_PARAMETERS = ("ARTICLES", "CORPUS", "ARTICLE_ID")


def _is_seed_corpus(path: Path) -> bool:
    """Whether ``path`` is the seed reports: the seeds folder or a file in it."""
    seeds, path = config.SEEDS_DIR.resolve(), Path(path).resolve()
    return path == seeds or (path.is_file() and path.parent == seeds)


def _about_selection(notebooks: list[Path]) -> tuple[list[Path], list[Path]]:
    """The notebooks that read the selection (:data:`SELECTION_PARAMETERS`), and those left out."""
    keep, left = [], []
    for notebook in notebooks:
        reads = set(notebook_parameter_types(notebook)) & set(SELECTION_PARAMETERS)
        (keep if reads else left).append(notebook)
    return keep, left


def _run_all(notebooks: list[Path], run_one: Callable[[int, Path], NotebookResult], jobs: int) -> list[NotebookResult]:
    """``run_one(i, notebook)`` for every notebook, ``jobs`` at once, results in notebook order."""
    if jobs == 1:
        return [run_one(i, notebook) for i, notebook in enumerate(notebooks, 1)]
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="notebook") as pool:
        futures = [pool.submit(run_one, i, notebook) for i, notebook in enumerate(notebooks, 1)]
        try:
            return [future.result() for future in futures]
        except BaseException:  # an unexpected error or Ctrl-C: start no other notebook
            for future in futures:
                future.cancel()
            raise


def default_jobs() -> int:
    """Notebooks the batch runs at once by default: two per CPU this process may use.

    A notebook's kernel spends part of its run waiting (for its start to be acknowledged,
    for each cell's reply, for its process to end) while this process exports another
    notebook's page; with two per CPU those waits overlap other notebooks' work (8 seed
    notebooks on 2 CPUs: 5.3 s with 4 at once against 6.0 s with 2; docs/benchmarks.md).
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return 2 * max(1, cpus)
