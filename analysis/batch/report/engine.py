"""How papermill and Jupyter run a notebook here: papermill's engine that saves less often,
and the kernel manager and client classes (own environment per kernel, local sockets,
kernels forked from the server, waits that never miss a reply)."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from .. import kernels

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
    (:mod:`analysis.batch.kernels`) instead of started as new processes.
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
