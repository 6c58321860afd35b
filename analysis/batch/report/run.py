""":func:`run_notebook`: execute one notebook in a fresh kernel and export its page;
a failure is kept as ``<name>.failed.ipynb`` and reported by cell."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ... import cache
from .. import kernels
from .engine import _kernel_environment, _kernel_manager_class, _papermill_engine
from .export import export_html
from .figures import _png_files
from .notebooks import notebook_parameter_types, notebook_title, strip_run_metadata
from .params import fit_declared

#: Matplotlib backend of the notebook kernels: figures are shown in the executed notebook.
INLINE_BACKEND = kernels.INLINE_BACKEND


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
    kernel_start_seconds: float = float("nan")  # until the kernel answered (part of execute)
    execute_seconds: float = 0.0  # papermill: kernel start, the cells, kernel shutdown
    html_seconds: float = 0.0  # the HTML export


def _describe_failure(err: Exception) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, PapermillExecutionError):
        return f"cell {err.cell_index} (execution count {err.exec_count}): {err.ename}: {err.evalue}"
    return f"{type(err).__name__}: {err}"


#: Times a notebook's kernel is started before the notebook is reported as failed, when the
#: kernel dies before it answers (no cell has run then).
KERNEL_START_ATTEMPTS = 2


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
    server: kernels.KernelServer | None = None,
) -> NotebookResult:
    """Execute one notebook into ``out_dir`` (and back into place when ``in_place``).

    ``figures`` is the folder the notebook writes figures to; the PNG files changed there
    while it ran are listed in the result. ``use_cache=False`` runs the kernel with the
    cache off. Safe to call from several threads at once: the kernel gets its working
    directory and environment at start, and this process's are never changed.
    """
    import papermill

    started = time.perf_counter()
    kernel_ready = []  # the time the kernel answered, set by nbclient's hook
    declared = notebook_parameter_types(notebook)
    title = notebook_title(notebook)
    params = {k: fit_declared(v, declared[k]) for k, v in parameters.items() if k in declared and v is not None}
    out_nb = out_dir / notebook.name
    out_html = out_dir / f"{notebook.stem}.html"
    failed_nb = out_dir / f"{notebook.stem}.failed.ipynb"
    figures_before = _png_files(figures)
    with tempfile.TemporaryDirectory(prefix="mediaframes-") as tmp:
        tmp_nb = Path(tmp) / notebook.name
        cache_log = Path(tmp) / "cache.log"
        kernel_env = _kernel_environment(**{
            cache.LOG_ENV: str(cache_log),
            cache.DISABLE_ENV: None if use_cache else "1",
            "MPLBACKEND": INLINE_BACKEND,  # figures show in the report whatever the caller chose
        })  # fmt: skip
        execute_started = time.perf_counter()
        try:
            for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
                try:
                    # Not papermill's ``cwd``: it changes this process's directory (not thread
                    # safe, papermill issue 473). nbclient starts the kernel in resources'
                    # metadata path.
                    papermill.execute_notebook(
                        str(notebook), str(tmp_nb), parameters=params, kernel_name=kernel_name,
                        progress_bar=False, log_output=False, engine_name=_papermill_engine(),
                        resources={"metadata": {"path": str(Path(notebook.parent).resolve())}},
                        kernel_manager_class=_kernel_manager_class(kernel_env, server),
                        on_notebook_start=lambda **_: kernel_ready.append(time.perf_counter()),
                    )  # fmt: skip
                    break
                except Exception:
                    if kernel_ready or attempt == KERNEL_START_ATTEMPTS:
                        raise
                    # the kernel never answered, so no cell ran: start it again (a port that
                    # jupyter_client chose was taken by another kernel starting at that moment)
                    tmp_nb.unlink(missing_ok=True)
        except Exception as err:  # any failure of one notebook must not stop the batch
            execute_seconds = time.perf_counter() - execute_started
            for stale in (out_nb, out_html):
                stale.unlink(missing_ok=True)
            if tmp_nb.exists():
                shutil.move(tmp_nb, failed_nb)
            message = f"{notebook.name} failed in {_describe_failure(err)}"
            return NotebookResult(
                notebook.name, "failed", time.perf_counter() - started,
                str(failed_nb) if failed_nb.exists() else "", "", message, title,
                kernel_start_seconds=kernel_ready[0] - execute_started if kernel_ready else float("nan"),
                execute_seconds=execute_seconds,
            )  # fmt: skip
        execute_seconds = time.perf_counter() - execute_started
        after = _png_files(figures)
        written = tuple(str(Path(figures) / name) for name in sorted(after) if after[name] != figures_before.get(name))
        used = cache.read_log(cache_log)
        executed = strip_run_metadata(tmp_nb)
        html_started = time.perf_counter()
        html_tmp = export_html(tmp_nb, Path(tmp) / out_html.name, show_code=show_code, title=title or None, notebook=executed)
        html_seconds = time.perf_counter() - html_started
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
        kernel_ready[0] - execute_started if kernel_ready else float("nan"), execute_seconds, html_seconds,
    )  # fmt: skip
