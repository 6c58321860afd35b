"""Warm Jupyter kernels for the report batch: forked from a process with the libraries loaded.

A new IPython kernel spends about a second starting Python and importing IPython, and each
notebook of this project then spends as long again importing pandas, matplotlib, NLTK and
:mod:`analysis`. A batch of eight notebooks pays that eight times. Here one *kernel
server* process imports all of it once (:data:`PRELOAD`) and, for every kernel the batch
asks for, forks a child that becomes an ordinary ``ipykernel`` kernel: the same
``IPKernelApp`` that ``python -m ipykernel_launcher -f CONNECTION_FILE`` runs, with the
environment, working directory and connection file that Jupyter would have given a new
process. Modules imported by the server are already in the child's memory, so the
notebook's ``import`` lines cost nothing; everything else (the kernel's sockets, its
IPython shell, the notebook's variables) is made fresh in the child.

The kernel is still a real Jupyter kernel talking the Jupyter protocol; papermill and
nbclient drive it exactly as they drive a kernel started by ``jupyter_client``.
:class:`WarmProvisioner` is the ``jupyter_client`` provisioner that asks the server for a
kernel instead of starting a process; it falls back to an ordinary process when the
kernel spec is not this interpreter's ``ipykernel``, or the platform cannot fork.

Rules the server keeps so that a forked kernel behaves like a fresh one:

* it starts no thread and opens no socket before forking (a fork copies only the calling
  thread, and a copied ZeroMQ context would be shared by parent and child);
* it sets ``MPLBACKEND`` to the inline backend before importing matplotlib, as
  ``ipykernel`` does, and never imports ``matplotlib.pyplot``: the inline backend hooks
  into the IPython shell when pyplot is first imported, which must happen in the kernel;
* each child starts its own session (``os.setsid``), so an interrupt reaches only it,
  and gets back the default signal handlers;
* ipykernel defaults that it reads from the environment at import (the parent's process
  id) are given again from the kernel's own environment, and NumPy's global random
  generator gets a new seed (Python's ``random`` does so by itself);
* kernels still running when the server is told to stop (the batch ended abruptly) are
  stopped with it.

Run as ``python -m analysis.batch.kernels [MODULE ...]`` it is the server (``MODULE``: what to
import instead of :data:`PRELOAD`): it first reports on standard output that it is ready
(or that it may not fork, see :data:`KERNEL_ONLY`), then reads one JSON request per line on
standard input (``argv``, ``env``, ``cwd``), answers each with the child's process id (or
an error, before forking, when the folder does not exist), and exits when standard input
closes.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

#: Modules the server imports before it forks kernels: what the notebooks import, except
#: the modules in :data:`KERNEL_ONLY`.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "ipykernel.zmqshell",
    "IPython.core.interactiveshell",
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "nltk",
    "analysis.compare",
    "analysis.corpus",
    "analysis.present.display",
    "analysis.framing",
    "analysis.present.lesson",
    "analysis.sentiment",
    "analysis.sources",
    "analysis.present.widgets",
    "analysis.batch.pipeline",
)


#: Modules that must first be imported inside a kernel, because importing them hooks them
#: into the running IPython shell: pyplot loads the inline backend, which registers the hook
#: that shows figures; ipywidgets registers its comm target. :mod:`analysis.present.plots` imports
#: pyplot. If the preload imported any of these, the server refuses to fork kernels.
KERNEL_ONLY = ("matplotlib.pyplot", "matplotlib_inline.backend_inline", "ipywidgets", "analysis.present.plots")

#: What ``ipykernel`` sets ``MPLBACKEND`` to when it is unset.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

#: The launcher module of an ``ipykernel`` kernel spec (``python -m ipykernel_launcher``).
LAUNCHERS = ("ipykernel_launcher", "ipykernel")


class _KernelShell:
    """What ``get_ipython()`` returns inside a kernel, as far as import-time checks look.

    pandas decides at import whether it runs in a Jupyter kernel (``get_ipython().kernel``
    exists) and sets ``display.max_columns`` from that (20 in a kernel, 0 in a terminal).
    """

    kernel = None


def _preload(modules: tuple[str, ...] = PRELOAD) -> tuple[list[str], list[str]]:
    """Import ``modules``: the names that failed (the kernel imports them itself) and the
    :data:`KERNEL_ONLY` modules that got imported (then no kernel may be forked)."""
    import builtins
    import importlib

    failed = []
    builtins.get_ipython = _KernelShell  # seen by modules that probe at import, as in a kernel
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # a missing optional module only costs the kernel its import
                failed.append(name)
    finally:
        del builtins.get_ipython
    if "analysis.batch.pipeline" in modules and "analysis.batch.pipeline" not in failed:
        with contextlib.suppress(Exception):  # a missing model is reported by the kernel that needs it
            _warm_up()
    return failed, [name for name in KERNEL_ONLY if name in sys.modules]


def _warm_up() -> None:
    """Load what every kernel would load again: the NLTK models (sentence splitter, tagger,
    VADER, ...) and the word lists most notebooks use (stop words, stance cues), so that
    kernels share one copy. (Each step here delays every kernel: what only one or two
    notebooks load is left to them.)"""
    import gc

    from .. import corpus, framing
    from . import pipeline

    pipeline.warm_up()
    for load in (corpus._stopword_sets, framing._stopwords, framing._stance_index):
        with contextlib.suppress(Exception):  # a missing word list is reported by the kernel that needs it
            load()
    gc.freeze()  # the garbage collector then leaves the shared objects' pages alone


#: Kernels forked by this server (in the server) that have not ended yet.
_running: set[int] = set()


def _reap(signum=None, frame=None) -> None:
    """Collect ended kernels, so that their CPU time is counted in this server's children."""
    with contextlib.suppress(ChildProcessError):
        while pid := os.waitpid(-1, os.WNOHANG)[0]:
            _running.discard(pid)
    for pid in list(_running):  # collected before it was listed
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            _running.discard(pid)


def _end_kernels(grace: float = 2.0) -> None:
    """Stop the kernels still running when the server is told to stop.

    The batch shuts every kernel down before it stops the server, so this only happens when
    the batch itself ended abruptly: its kernels must not outlive it.
    """
    import time

    _reap()
    for signum in (signal.SIGTERM, signal.SIGKILL):
        for pid in list(_running):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signum)
        deadline = time.monotonic() + grace
        while _running and time.monotonic() < deadline:
            time.sleep(0.05)
            _reap()


def _child(request: dict, server_fds: tuple[int, ...]) -> int:
    """In the forked child: become the kernel ``request`` describes; its exit status.

    ``server_fds`` (the server's request and answer pipes) are closed first.
    """
    os.setsid()
    # the two handlers the server changed, back to what a new Python process has
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in server_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # Python's random module draws a new seed in a forked child by itself; NumPy's global
    # generator would repeat the server's numbers in every kernel
    if "numpy.random" in sys.modules:
        sys.modules["numpy.random"].seed()
    sys.path[0] = request["cwd"]  # as for ``python -m`` started in that folder
    args = list(request["argv"])
    import importlib.util

    spec = importlib.util.find_spec(args[0])  # ``python -m`` puts the module's file first
    sys.argv = [spec.origin if spec is not None and spec.origin else args[0], *args[1:]]
    from ipykernel import kernelapp

    # ipykernel takes these defaults from the environment when it is imported (here: by the
    # server); given from this kernel's, the kernel watches its parent process and prints no
    # stand-alone banner, as a kernel started as a new process
    from_environment = {
        trait: int(os.environ.get(variable) or 0)
        for trait, variable in (("parent_handle", "JPY_PARENT_PID"), ("interrupt", "JPY_INTERRUPT_EVENT"))
    }
    try:
        kernelapp.IPKernelApp.launch_instance(argv=args[1:], **from_environment)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return 0


def serve(modules: tuple[str, ...] = PRELOAD) -> None:
    """The kernel server's loop (``python -m analysis.batch.kernels [MODULE ...]``)."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)  # what kernels print goes where this server's errors go
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    # debugpy warns at import that breakpoints in frozen modules may be missed; kernels run
    # with their own environment, this one is the server's (papermill runs no debugger)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the batch, which shuts kernels down
    signal.signal(signal.SIGCHLD, _reap)
    failed, hooked = _preload(modules)
    answers.write(json.dumps({"ready": not hooked, "failed": failed, "kernel_only": hooked}) + "\n")
    answers.flush()
    if hooked:
        return
    for line in requests:
        if not line.strip():
            continue
        request = json.loads(line)
        if not os.path.isdir(request["cwd"]):  # as Popen would, before anything starts
            answers.write(json.dumps({"error": f"no such folder: {request['cwd']}"}) + "\n")
            answers.flush()
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request, (requests.fileno(), answers.fileno()))
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        _running.add(pid)
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
    _end_kernels()


class KernelServer:
    """The parent's handle on a kernel server: start it, ask it for kernels, stop it."""

    def __init__(self, *, env: dict[str, str] | None = None, preload: tuple[str, ...] = PRELOAD):
        self.python = sys.executable
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [self.python, "-m", "analysis.batch.kernels", *preload], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env=env, text=True, encoding="utf-8", start_new_session=False,
        )  # fmt: skip
        self._ready: dict | None = None
        self.launched = 0  # kernels forked so far

    def _read(self) -> dict:
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"the kernel server stopped (exit status {self._process.poll()})")
        return json.loads(line)

    def wait_ready(self) -> dict:
        """Block until the server has imported :data:`PRELOAD`; what it reported."""
        with self._lock:
            if self._ready is None:
                self._ready = self._read()
            return self._ready

    def launch(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel running ``argv`` (the launcher's arguments) and return its process id.

        Raises:
            RuntimeError: the server cannot fork kernels or has stopped.
            FileNotFoundError: ``cwd`` is not a folder (nothing is started).
        """
        if not self.usable():
            raise RuntimeError("the kernel server cannot fork kernels")
        with self._lock:
            try:
                self._process.stdin.write(json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n")
                self._process.stdin.flush()
            except (BrokenPipeError, ValueError) as err:
                raise RuntimeError(f"the kernel server stopped ({err})") from err
            answer = self._read()
            if "error" in answer:
                raise FileNotFoundError(answer["error"])
            self.launched += 1
            return int(answer["pid"])

    def usable(self) -> bool:
        """Whether the server is running and may fork kernels (waits for it to be ready)."""
        try:
            return bool(self.wait_ready().get("ready")) and self._process.poll() is None
        except (RuntimeError, ValueError, OSError):
            return False

    def close(self) -> None:
        """Stop the server. Its kernels are shut down by their managers first; any still
        running are stopped by the server on its way out. A server still importing has
        forked nothing yet and is stopped at once.
        """
        if self._ready is None:
            with contextlib.suppress(OSError):
                self._process.terminate()
        with contextlib.suppress(OSError, ValueError):
            self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        with contextlib.suppress(OSError, ValueError):
            self._process.stdout.close()

    def __enter__(self) -> KernelServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ForkedProcess:
    """The parts of :class:`subprocess.Popen` that ``jupyter_client`` uses, for a kernel the
    server forked (not a child of this process, so it is watched through a pidfd)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd = os.pidfd_open(pid)
        except ProcessLookupError:  # it has already ended (and been collected)
            self._fd = -1
            self.returncode = 0

    def poll(self) -> int | None:
        if self.returncode is None:
            readable, _, _ = select.select([self._fd], [], [], 0)
            if readable:
                self._ended()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            readable, _, _ = select.select([self._fd], [], [], timeout)
            if not readable:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            self._ended()
        return self.returncode

    async def wait_async(self) -> int:
        """Wait without blocking the event loop: woken when the process ends, not by polling."""
        import asyncio

        if self.poll() is None:
            loop = asyncio.get_running_loop()
            ended = loop.create_future()
            loop.add_reader(self._fd, lambda: ended.done() or ended.set_result(None))
            try:
                await ended
            finally:
                loop.remove_reader(self._fd)
            self._ended()
        return self.returncode

    def _ended(self) -> None:
        self.returncode = 0  # the server collects it; its exit status is not passed on
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            signal.pidfd_send_signal(self._fd, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


@functools.lru_cache(maxsize=1)
def can_fork() -> bool:
    """Whether kernels can be forked here: ``fork`` and process file descriptors (Linux 5.3+)."""
    if not (hasattr(os, "fork") and hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")):
        return False
    try:
        os.close(os.pidfd_open(os.getpid()))
    except OSError:  # an older kernel: the call exists but is not implemented
        return False
    return True


def batch_server(*, use_cache: bool = True) -> KernelServer | None:
    """Start a kernel server for the report batch, or None where kernels cannot be forked.

    Its kernels draw with the inline backend, and read and write cached analysis results
    unless ``use_cache`` is False. Starting it needs nothing but the standard library, so a
    command can start it first and import the rest while the server imports.
    """
    from .. import config

    if not can_fork():
        return None
    env = dict(os.environ, MPLBACKEND=INLINE_BACKEND)
    if use_cache:
        env.pop(config.NO_CACHE_ENV, None)
    else:
        env[config.NO_CACHE_ENV] = "1"
    return KernelServer(env=env)


def launcher_arguments(cmd: list[str], python: str) -> list[str] | None:
    """The ``ipykernel`` launcher's arguments in a kernel command, or None when the command is
    not ``PYTHON -m ipykernel_launcher ...`` for this interpreter (then it is not forked)."""
    if len(cmd) < 3 or cmd[1] != "-m" or cmd[2] not in LAUNCHERS:
        return None
    exe = cmd[0]
    same = exe in ("python", "python3") or Path(exe).resolve() == Path(python).resolve()
    return [cmd[2], *cmd[3:]] if same else None


def provisioner_class():
    """A ``jupyter_client`` provisioner that takes kernels from a :class:`KernelServer`."""
    from jupyter_client.provisioning import LocalProvisioner

    class WarmProvisioner(LocalProvisioner):
        server: KernelServer | None = None

        async def launch_kernel(self, cmd: list[str], **kwargs):
            server = self.server
            args = launcher_arguments(cmd, server.python) if server is not None and server.usable() else None
            if args is None:
                return await super().launch_kernel(cmd, **kwargs)
            env = dict(kwargs.get("env") or os.environ)
            env["JPY_PARENT_PID"] = str(os.getpid())
            cwd = str(kwargs.get("cwd") or Path.cwd())
            try:
                pid = server.launch(args, env, cwd)
            except RuntimeError:  # the server has stopped: start this kernel as a new process
                return await super().launch_kernel(cmd, **kwargs)
            self.process = ForkedProcess(pid)
            self.pid = self.pgid = self.process.pid
            self.cwd = cwd
            return self.connection_info

        async def wait(self):
            if not isinstance(self.process, ForkedProcess):
                return await super().wait()
            code = await self.process.wait_async()  # at once, where the default polls every 0.1 s
            self.process = None
            return code

    return WarmProvisioner


if __name__ == "__main__":
    serve(tuple(sys.argv[1:]) or PRELOAD)
