"""Where the work runs: in this process (``jobs=1``), in worker processes (``forkserver``
with the models loaded once, or ``spawn``), or on a Dask cluster.

The fork server imports this module with :data:`_PRELOAD_ENV` set, and the end of this
module then loads the models (:func:`warm_up`), so that the workers forked from the server
share them.
"""

from __future__ import annotations

import contextlib
import os
import signal
from concurrent.futures import Future

from ... import corpus as corpusmod
from .articles import analyze_article

ENGINES = ("local", "dask")


class _InlineExecutor:
    """Runs the work in this process, at once (``jobs=1``)."""

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future

    def close(self) -> None:
        pass


_PRELOAD_ENV = "MEDIAFRAMES_PIPELINE_PRELOAD"
_ARROW_POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"


@contextlib.contextmanager
def _environ(values: dict[str, str]):
    """Set environment variables for the block (for a process started in it), then restore them."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def warm_up() -> None:
    """Load every model the workers use, by cleaning (language check included) and
    analysing one small article.

    The fork server calls this once, so the workers it forks share the loaded models
    (copy-on-write) instead of each loading its own copy. A failure here is left to the
    workers, which report it clearly (e.g. a missing NLTK data package).
    """
    import gc

    text = '"This budget is a great success," Mayor Ana Ruiz said in Moscow on Monday. She told Reuters that the council would vote.'
    try:
        analyze_article(corpusmod.make_article(text, id="warm-up", source="warm-up"))
    except Exception:  # noqa: BLE001  (the workers will raise it with its message)
        return
    gc.freeze()  # the garbage collector then leaves the shared objects' pages alone


def _worker_init(main_pid: int | None = None) -> None:
    """Workers leave Ctrl-C to the main process, which stops them after a clean commit, and
    end when the main process ends: killed (``kill -9``), it leaves no worker running on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if main_pid is not None and os.name == "posix":
        import threading

        threading.Thread(target=_end_with, args=(main_pid,), name="end-with-main", daemon=True).start()


def _end_with(main_pid: int, every: float = 0.5) -> None:
    """End this worker soon after the process ``main_pid`` has ended.

    A pool worker waits on pipes that other workers also hold open, so it would never see
    the main process go, and the fork server it came from waits for the workers: without
    this, a killed command leaves them all running.
    """
    import time

    while True:
        time.sleep(every)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the id now belongs to another user's process: ours is gone
            os._exit(1)


class _ProcessExecutor:
    def __init__(self, jobs: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            # the fork server imports this module with the models loaded (see the end of
            # the module); workers forked from it share them. Arrow's default allocator
            # (mimalloc) would keep some 15 MB more resident in each worker that encodes
            # Parquet than the system allocator does, unless the user chose one.
            from multiprocessing import forkserver

            context.set_forkserver_preload(["analysis.batch.pipeline.executors"])
            with _environ({_PRELOAD_ENV: "1", _ARROW_POOL_ENV: os.environ.get(_ARROW_POOL_ENV) or "system"}):
                forkserver.ensure_running()
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),))

    def submit(self, fn, *args, **kwargs) -> Future:
        return self.pool.submit(fn, *args, **kwargs)

    def close(self, *, cancel: bool = False) -> None:
        """Wait for the submitted work; with ``cancel`` (Ctrl-C), drop what has not started
        and stop the workers at once, so the command ends within seconds, not when the
        running chunks finish (their articles are not committed and a re-run redoes them)."""
        workers = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
        if cancel:
            for process in workers:
                if process.is_alive():
                    process.terminate()
            for process in workers:
                process.join(timeout=5)


def _require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise RuntimeError(
            "--engine dask needs Dask, an optional extra: pip install 'mediaframes[dask]' "
            "(or: pip install 'dask[distributed]')"
        ) from None


class _DaskExecutor:
    """Submits the same work to a Dask cluster: ``scheduler`` (an address) or a new local one."""

    def __init__(self, jobs: int, scheduler: str | None):
        _require_dask()
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)

    def workers(self) -> int:
        """Threads the cluster offers (one task each)."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, fn, *args, **kwargs):
        return self.client.submit(fn, *args, pure=False, **kwargs)

    def close(self, *, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


if os.environ.get(_PRELOAD_ENV) == "1":  # imported by the fork server of run_corpus(jobs > 1)
    warm_up()
