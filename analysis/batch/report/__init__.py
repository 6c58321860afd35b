"""The batch: execute every notebook with papermill and export it to HTML.

``python -m analysis report`` calls :func:`run_batch`. Each notebook runs in a fresh Jupyter
kernel with the selection passed as papermill parameters (``ARTICLES``, ``CORPUS``,
``FIGURES_DIR``, when the notebook declares them). Outputs are written atomically: an
executed notebook and its HTML appear only when the notebook ran to the end. A notebook that
fails is reported by name and cell, its traceback is kept as ``<name>.failed.ipynb``, and the
other notebooks still run.

Notebooks run side by side (``jobs``, default: two per CPU), each driven by a
thread of this process that waits on its own kernel; outputs, figures and the index are
the same as for a run one notebook at a time (only the cache counts may differ: two
kernels can compute the same article at once). The batch ends with a short account of
where the time went: per notebook, kernel start, the whole execution and the HTML export.

The HTML pages stand alone: figures are embedded as PNG data, and the scripts nbconvert
would load from the web (MathJax, require.js, Mermaid) are left out, so a page opens
offline with nothing to fetch. ``index.html`` is the landing page: the selected articles
(id, outlet, headline, date), one link per report with its title, the figures each
notebook wrote, and any failure by name. Nothing in it depends on the time of the run.

Per-article results are cached between runs (:mod:`analysis.cache`); the batch counts how
many its kernels reused and prints it ("cache: 8 hits, 0 misses").

The modules: :mod:`.notebooks` (which notebooks, their titles and parameters, the executed
copy made reproducible), :mod:`.engine` (papermill's engine, the kernel manager and client),
:mod:`.run` (one notebook), :mod:`.batch` (all of them), :mod:`.figures` (which figures each
wrote), :mod:`.export` (the HTML page), :mod:`.index` (the landing page), :mod:`.timing`
(where the time went).
"""

from .batch import RESULT_COLUMNS, default_jobs, run_batch
from .engine import (
    ENGINE,
    POLL_SLICE,
    RECONNECT_INTERVAL_MS,
    SAVE_EVERY,
    _ipc_folder,  # noqa: F401  (private, re-exported for the tests)
    _kernel_client_class,  # noqa: F401  (private, re-exported for the tests)
    _kernel_environment,  # noqa: F401  (private, re-exported for the tests)
    _kernel_manager_class,  # noqa: F401  (private, re-exported for the tests)
)
from .export import (
    _STANDALONE_TEMPLATE,  # noqa: F401  (private, re-exported for the tests)
    MISSING_ALT_TEXT,
    _accessible,  # noqa: F401  (private, re-exported for the tests and docs/benchmarks.md)
    _exporters,  # noqa: F401  (private, re-exported for the tests)
    _html_exporter,  # noqa: F401  (private, re-exported for the tests)
    export_html,
    warm_exporter,
)
from .figures import _credit_figures  # noqa: F401  (private, re-exported for the tests)
from .index import INDEX_TITLE, write_index
from .notebooks import (
    INJECTED_CELL_ID,
    WIDGET_MIME,
    list_notebooks,
    merge_streams,
    notebook_parameters,
    notebook_title,
    strip_run_metadata,
    without_widgets,
)
from .run import INLINE_BACKEND, KERNEL_START_ATTEMPTS, NotebookResult, run_notebook
from .timing import time_summary

__all__ = [
    "ENGINE",
    "INDEX_TITLE",
    "INJECTED_CELL_ID",
    "INLINE_BACKEND",
    "KERNEL_START_ATTEMPTS",
    "MISSING_ALT_TEXT",
    "POLL_SLICE",
    "RECONNECT_INTERVAL_MS",
    "RESULT_COLUMNS",
    "SAVE_EVERY",
    "WIDGET_MIME",
    "NotebookResult",
    "default_jobs",
    "export_html",
    "list_notebooks",
    "merge_streams",
    "notebook_parameters",
    "notebook_title",
    "run_batch",
    "run_notebook",
    "strip_run_metadata",
    "time_summary",
    "warm_exporter",
    "without_widgets",
    "write_index",
]
