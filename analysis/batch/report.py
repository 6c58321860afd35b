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
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from .. import cache, config
from . import kernels

RESULT_COLUMNS = [
    "notebook", "status", "seconds", "notebook_out", "html", "error",
    "title", "figures", "cache_hits", "cache_misses",
    "kernel_start_seconds", "execute_seconds", "html_seconds",
]  # fmt: skip

#: Matplotlib backend of the notebook kernels: figures are shown in the executed notebook.
INLINE_BACKEND = kernels.INLINE_BACKEND
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
    kernel_start_seconds: float = float("nan")  # until the kernel answered (part of execute)
    execute_seconds: float = 0.0  # papermill: kernel start, the cells, kernel shutdown
    html_seconds: float = 0.0  # the HTML export


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


#: What nbconvert's HTML exporter gives an image without alternative text.
MISSING_ALT_TEXT = "No description has been provided for this image"

_START_TAG = re.compile(r"""<(?P<name>img|div)(?P<attrs>(?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)(?P<close>/?)>""", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s/>"'=]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+)))?""")
#: Where a parser sees no tags: comments, and the text of ``<script>`` and ``<style>``.
_NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_FOCUSABLE = ("jp-Cell-inputWrapper", "jp-OutputArea-output")


def _accessible(html: str) -> str:
    """What nbconvert's HTML exporter does to a page after rendering it, without parsing it.

    nbconvert (7.x) reads the whole page into BeautifulSoup only to give every ``<img>``
    without ``alt`` the text :data:`MISSING_ALT_TEXT` and every cell input and output
    ``<div>`` ``tabindex="0"`` (keyboard users can reach them), then writes the page out
    again: about half the export's time for a page with figures. Here the same attributes
    are appended to the same start tags as text (BeautifulSoup appends them too); comments
    and the text of scripts and styles are left alone, as the parser leaves them. A test
    checks that the result, read and written by BeautifulSoup, is nbconvert's page.
    """
    parts, last = [], 0
    for skipped in _NOT_MARKUP.finditer(html):
        parts += [_START_TAG.sub(_with_access_attributes, html[last : skipped.start()]), skipped.group(0)]
        last = skipped.end()
    parts.append(_START_TAG.sub(_with_access_attributes, html[last:]))
    return "".join(parts)


def _with_access_attributes(tag: re.Match) -> str:
    attributes = {}
    for found in _ATTRIBUTE.finditer(tag.group("attrs")):
        value = next((v for v in found.group("dq", "sq", "bare") if v is not None), "")
        attributes.setdefault(found.group("name").lower(), value)
    if tag.group("name").lower() == "img":
        extra = "" if "alt" in attributes else f' alt="{MISSING_ALT_TEXT}"'
    else:
        focusable = any(name in attributes.get("class", "").split() for name in _FOCUSABLE)
        extra = ' tabindex="0"' if focusable else ""
    if not extra:
        return tag.group(0)
    return f"<{tag.group('name')}{tag.group('attrs')}{extra}{tag.group('close')}>"


@functools.lru_cache(maxsize=1)
def _exporter_class():
    """nbconvert's HTML exporter, rendering the page without re-parsing it (:func:`_accessible`)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node (nbconvert 7) up to its BeautifulSoup pass
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _accessible(html), resources

    return ReportExporter


#: Idle HTML exporters by code setting; a thread takes one, exports, and puts it back.
_exporters: dict[bool, list] = {}
_exporters_lock = threading.Lock()


def _new_exporter(show_code: bool):
    import jinja2

    exporter = _exporter_class()(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"mediaframes_report.html.j2": _STANDALONE_TEMPLATE})],
        template_file="mediaframes_report.html.j2",
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    # validate the notebook once after the preprocessors, not after each of them (it was
    # validated when it was read)
    exporter.optimistic_validation = True
    return exporter


@contextlib.contextmanager
def _html_exporter(show_code: bool):
    """An nbconvert HTML exporter with the report template, for this thread while in use.

    Making one compiles its Jinja templates (a few tenths of a second), so exporters are
    kept and reused; one is never used by two threads at once, as its preprocessors keep
    state while they run.
    """
    with _exporters_lock:
        idle = _exporters.setdefault(show_code, [])
        exporter = idle.pop() if idle else None
    if exporter is None:
        exporter = _new_exporter(show_code)
    try:
        yield exporter
    finally:
        with _exporters_lock:
            _exporters[show_code].append(exporter)


def warm_exporter(show_code: bool = False) -> None:
    """Make an exporter ready (templates compiled) if none is idle: the batch does it while
    the kernel server starts, so the first page does not wait for it."""
    import nbformat

    with _exporters_lock:
        if _exporters.get(show_code):
            return
    with _html_exporter(show_code) as exporter:
        exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("#")]))


def export_html(notebook_path: Path, html_path: Path, *, show_code: bool = False, title: str | None = None, notebook=None) -> Path:
    """Standalone HTML of an executed notebook; code cells hidden unless ``show_code``.

    The page loads nothing from the network; its ``<title>`` is ``title`` (default: the
    notebook's first heading, else its file name). ``notebook``: the notebook already read
    from ``notebook_path`` (it is then not read again; its metadata gets the title).
    """
    import nbformat

    nb = without_widgets(notebook if notebook is not None else nbformat.read(notebook_path, as_version=4))
    nb.metadata["title"] = title or notebook_title(notebook_path) or Path(notebook_path).stem
    with _html_exporter(show_code) as exporter:
        body, _ = exporter.from_notebook_node(nb)
    _atomic_write_text(html_path, body)
    return html_path


#: Name of the papermill engine that runs the batch's notebooks (:func:`_papermill_engine`).
ENGINE = "mediaframes"


@functools.lru_cache(maxsize=1)
def _papermill_engine() -> str:
    """Register (once) and name papermill's nbclient engine, saving less often.

    papermill writes the whole output notebook at the start and end of every cell, so that
    a long run can be watched; a notebook of 30 cells with figures is then encoded and
    validated 60 times. The batch writes to a temporary file that nobody watches, so this
    engine writes it when the run ends (also when a cell fails) and otherwise at most every
    :data:`SAVE_EVERY` seconds. The executed notebook is the same.
    """
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class Manager(NotebookExecutionManager):
        def save(self, **kwargs):
            if kwargs.get("nb") is not None:
                self.nb = kwargs["nb"]
            if self.end_time is None and (self.now() - self.last_save_time).total_seconds() < SAVE_EVERY:
                return
            super().save()

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False, autosave_cell_every=30, **kwargs):
            nb_man = Manager(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output, autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register(ENGINE, Engine)
    return ENGINE


#: Longest time, in seconds, between two writes of a running notebook (:func:`_papermill_engine`).
SAVE_EVERY = 30.0


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


def merge_streams(outputs: list) -> list:
    """Outputs with each run of printed text to the same stream joined into one output.

    A kernel sends printed text in pieces as its buffer is flushed, so one ``print`` may
    arrive as one output or two depending on timing; joined, the notebook is the same
    whatever the timing (the page shows the same text either way).
    """
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


#: Id of the cell papermill inserts with the injected parameters (papermill draws a random one).
INJECTED_CELL_ID = "injected-parameters"


def strip_run_metadata(notebook_path: Path):
    """Remove papermill's timings, run metadata and widget state (random model ids), give
    the injected-parameters cell a fixed id instead of papermill's random one, and join
    printed text split by the timing of the kernel's flushes (:func:`merge_streams`), so
    executed notebooks and their pages regenerate to the same bytes. Returns the notebook
    as written."""
    import nbformat

    nb = without_widgets(nbformat.read(notebook_path, as_version=4))
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell.id = INJECTED_CELL_ID
        if cell.get("outputs"):
            cell.outputs = merge_streams(cell.outputs)
    tmp = notebook_path.with_name(notebook_path.name + ".partial")
    nbformat.write(nb, tmp)
    os.replace(tmp, notebook_path)
    return nb


def _kernel_environment(**values: str | None) -> dict[str, str]:
    """This process's environment with ``values`` set (None: removed), for one kernel.

    ``os.environ`` itself is left alone: it is shared by every thread, so notebooks that run
    side by side would see each other's values.
    """
    env = dict(os.environ)
    for name, value in values.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


#: Times a notebook's kernel is started before the notebook is reported as failed, when the
#: kernel dies before it answers (no cell has run then).
KERNEL_START_ATTEMPTS = 2

#: Longest single wait, in seconds, for a message from a kernel (see :func:`_kernel_client_class`).
POLL_SLICE = 1.0
#: Milliseconds after which the batch's kernel clients try again to connect to a kernel that
#: was not listening yet (ZeroMQ's default is 100).
RECONNECT_INTERVAL_MS = 10


def _kernel_manager_class(env: dict[str, str], server: kernels.KernelServer | None = None) -> type:
    """A Jupyter kernel manager class whose kernels start with ``env`` as their environment.

    nbclient creates the kernel manager itself; this is how one notebook's kernel gets its
    own environment (``start_kernel`` passes ``env`` on to the process it launches). Its
    clients are :func:`_kernel_client_class`. With a ``server``, kernels are forked from it
    (:mod:`analysis.kernels`) instead of started as new processes.
    """
    from jupyter_client import AsyncKernelManager
    from traitlets import default

    client_class = _kernel_client_class()
    provisioner_class = kernels.provisioner_class() if server is not None else None

    class KernelManager(AsyncKernelManager):
        @default("client_factory")
        def _client_factory_default(self) -> type:
            return client_class

        # local sockets instead of TCP ports: no port another kernel starting at the same
        # moment can take, nothing reachable from the network, and no warning from the
        # kernel about unencrypted TCP
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc" if os.name == "posix" else "tcp"

        @default("ip")
        def _ip_default(self) -> str:
            if self.transport == "ipc":
                return str(_ipc_folder() / uuid.uuid4().hex[:12])
            return super()._ip_default()

        async def start_kernel(self, **kw):
            kw.setdefault("env", env)
            if provisioner_class is not None and self.provisioner is None:
                self.kernel_id = self.kernel_id or str(uuid.uuid4())
                self.provisioner = provisioner_class(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
                self.provisioner.server = server
            return await super().start_kernel(**kw)

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts a kernel before it asks it to shut down, for a cell
            # still running; the batch shuts a kernel down after its last reply, when the
            # interrupt only makes the kernel log "KeyboardInterrupt caught in kernel". A
            # kernel that does not end on the shutdown request is still signalled to end.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

        async def _async_wait(self, pollinterval: float = 0.1) -> None:
            # jupyter_client looks every 0.1 s whether a kernel it asked to shut down has
            # ended; a forked kernel's end is signalled, so the wait ends when it does
            process = getattr(self.provisioner, "process", None)
            if isinstance(process, kernels.ForkedProcess):
                await process.wait_async()
            else:
                await super()._async_wait(pollinterval=pollinterval)

    return KernelManager


@functools.lru_cache(maxsize=1)
def _ipc_folder() -> Path:
    """A private folder for the kernels' local sockets, removed when this process ends.

    Short on purpose: a socket's path must fit in about 100 bytes.
    """
    import atexit

    folder = Path(tempfile.mkdtemp(prefix="mf-kernels-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.lru_cache(maxsize=1)
def _kernel_client_class() -> type:
    """A Jupyter kernel client that waits for a message in slices of :data:`POLL_SLICE`.

    nbclient waits for a cell's reply with no time limit, and pyzmq's asyncio poll can miss
    the wake-up for a message that has arrived (nbclient issue 312, seen here at the widget
    cell of ``05_side_by_side``: the reply sat in the socket and the batch waited for ever).
    A new poll sees a waiting message at once, so each wait is cut into slices; a slow cell
    costs nothing more than a poll per second.
    """
    from queue import Empty

    import zmq
    import zmq.asyncio
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type, default

    class Channel(AsyncZMQSocketChannel):
        async def get_msg(self, timeout: float | None = None) -> dict:
            if timeout is not None:
                return await super().get_msg(timeout)
            while True:
                try:
                    return await super().get_msg(POLL_SLICE)
                except Empty:
                    continue

    class KernelClient(AsyncKernelClient):
        shell_channel_class = Type(Channel)
        iopub_channel_class = Type(Channel)
        stdin_channel_class = Type(Channel)
        control_channel_class = Type(Channel)

        @default("context")
        def _context_default(self):
            # The client connects as soon as the kernel is launched, usually before the
            # kernel has bound its sockets; ZeroMQ then tries again after RECONNECT_IVL,
            # 100 ms by default, which every kernel start would wait. Sockets of this
            # client's context try again after RECONNECT_INTERVAL_MS.
            self._created_context = True
            context = zmq.asyncio.Context()
            context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_INTERVAL_MS)
            return context

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            """Return once the kernel has answered a ``kernel_info`` request on the shell
            channel and reported itself idle after it on IOPub.

            jupyter_client's own wait ends the same way but then waits until IOPub has been
            silent for 0.2 s, which every notebook of a batch pays again; the idle status is
            the last message the kernel sends for the request, so nothing is left to wait for.
            """
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                self.kernel_info()
                try:
                    reply = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    if await self._idle_after(reply["parent_header"].get("msg_id"), limit=0.05):
                        self._handle_kernel_info_reply(reply)
                        return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

        async def _idle_after(self, msg_id: str | None, *, limit: float) -> bool:
            """Read IOPub up to the idle status of request ``msg_id``; False when IOPub stays
            silent for ``limit`` seconds (not connected yet: jupyter_client then asks again)."""
            while True:
                try:
                    msg = await self.iopub_channel.get_msg(timeout=limit)
                except Empty:
                    return False
                if (
                    msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"
                    and msg["parent_header"].get("msg_id") == msg_id
                ):
                    return True

    return KernelClient


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
        jobs: notebooks run at once (default: :func:`default_jobs`); 1 runs them one
            after the other. Outputs, figures and the index are the same either way.
        warm_kernels: fork each notebook's kernel from a server that has imported the
            libraries and loaded the NLTK models once (:mod:`analysis.kernels`; Linux).
            False starts every kernel as a new process. Outputs are the same either way.
        kernel_server: a server already started for this batch (:func:`analysis.kernels.batch_server`,
            with the same ``use_cache``), so that it imports while the caller does; the
            batch stops it when it ends. Default: the batch starts one (``warm_kernels``).
        progress: called with each line to show, one whole line at a time (from the
            threads that run the notebooks when ``jobs`` > 1).

    Returns:
        DataFrame with columns :data:`RESULT_COLUMNS`, in notebook order; its
        ``attrs["cache"]`` holds the batch's cache hits and misses, ``attrs["wall_seconds"]``
        and ``attrs["jobs"]`` the batch's wall time and the notebooks it ran at once,
        ``attrs["forked_kernels"]`` how many kernels were forked from the server.

    Raises:
        UnknownArticleError: before anything runs, when an id is not in the corpus.
        ValueError: when ``only`` names no notebook, or ``jobs`` is below 1.
    """
    from ..corpus import load_corpus

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
                notebook, out_dir=out_dir, parameters=parameters, show_code=show_code, in_place=in_place,
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
        corpus_name=corpus_path.name,
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


def _number(name: str) -> str:
    """The leading number of a notebook or figure name (``"01_lengths.png"`` -> ``"01"``)."""
    m = re.match(r"\d+", name)
    return m.group(0) if m else ""


def _credit_figures(results: list[NotebookResult], windows: dict[str, tuple[float, float]]) -> list[NotebookResult]:
    """Results whose figures are the ones each notebook wrote, when notebooks ran side by side.

    A notebook lists the figures that changed while it ran, so a figure written while two
    notebooks ran shows in both. It stays with the one whose number it carries
    (:func:`analysis.plots.save_figure` names figures ``01_lengths``, ``02_...``; the
    notebooks are ``01_corpus``, ``02_framing``) and leaves the other; a figure whose number
    matches neither, or that has none, stays with both. A run one notebook at a time needs
    none of this: its notebooks never overlap.
    """
    from dataclasses import replace

    def overlap(a: str, b: str) -> bool:
        (a0, a1), (b0, b1) = windows[a], windows[b]
        return a0 < b1 and b0 < a1

    credited = []
    for result in results:
        keep = []
        for figure in result.figures:
            number = _number(Path(figure).name)
            rivals = [
                other.notebook for other in results
                if other is not result and figure in other.figures and overlap(result.notebook, other.notebook)
            ]  # fmt: skip
            if number and number != _number(result.notebook) and any(_number(r) == number for r in rivals):
                continue
            keep.append(figure)
        credited.append(replace(result, figures=tuple(keep)))
    return credited


def time_summary(results: pd.DataFrame, *, wall: float, jobs: int) -> list[str]:
    """A few lines on where a batch's time went, in seconds.

    Per notebook: the kernel start (until the kernel answered), the whole execution (kernel
    start, the cells, kernel shutdown), the HTML export, and its total (with reading the
    notebook and writing the outputs). Then the sums against the batch's wall time: with
    several jobs the notebooks' times add up to more than the wall time.
    """
    if not len(results):
        return [f"time: {wall:.1f} s, no notebook"]

    def num(value: float) -> str:
        return "-" if pd.isna(value) else f"{value:.1f}"

    width = max(len(Path(n).stem) for n in results["notebook"]) + 2
    lines = [f"{'time (s)':<{width}} {'kernel start':>12} {'execute':>8} {'HTML':>6} {'total':>6}"]
    for row in results.itertuples():
        lines.append(
            f"{'  ' + Path(row.notebook).stem:<{width}} {num(row.kernel_start_seconds):>12} "
            f"{num(row.execute_seconds):>8} {num(row.html_seconds):>6} {num(row.seconds):>6}"
        )
    total = results["seconds"].sum()
    lines.append(
        f"{'  sum':<{width}} {num(results['kernel_start_seconds'].sum()):>12} "
        f"{num(results['execute_seconds'].sum()):>8} {num(results['html_seconds'].sum()):>6} {num(total):>6}"
    )
    gain = f" (sum / wall = {total / wall:.2f})" if wall > 0 else ""
    lines.append(f"  wall {wall:.1f} s with {jobs} job{'s' if jobs != 1 else ''}{gain}")
    return lines


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
