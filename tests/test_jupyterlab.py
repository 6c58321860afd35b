"""JupyterLab end to end: start the real server on loopback, drive it through its REST API.

The test starts ``jupyter lab`` the way ``make lab`` does (root folder ``notebooks/``, the
project's environment), then, with a random token and nothing but HTTP and a websocket on
127.0.0.1:

* checks that every notebook in ``notebooks/`` is listed by the contents API;
* checks that the default kernel is ``python3`` and that it runs in the project's
  environment and imports the project's ``analysis`` package;
* opens a session for ``01_corpus.ipynb``, fetches the notebook through the API and runs its
  code cells in order in that kernel, as a user pressing Shift-Enter would (with
  ``FIGURES_DIR`` pointed at a scratch folder, as papermill does), expecting every cell to
  succeed and the corpus line ``2 articles: ...`` in the output;
* deletes the session and stops the server through the API, expecting the process to exit.

User-level Jupyter and IPython folders are replaced by scratch folders, so the test neither
reads nor writes the user's settings, and the server's update and news checks are off.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

websocket = pytest.importorskip("websocket", reason="websocket-client (a jupyter_server dependency) is needed")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK = "01_corpus.ipynb"
START_TIMEOUT = 60  # seconds for the server to answer /api/status
CELL_TIMEOUT = 120  # seconds for one cell (the first one imports pandas and matplotlib)
STOP_TIMEOUT = 20  # seconds for the server to exit after /api/shutdown


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A ``jupyter lab`` subprocess and a small client for its REST API and kernel channels."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = scratch / "jupyterlab.log"
        self.proc: subprocess.Popen | None = None

    # ------------------------------------------------------------------ process

    def start(self) -> None:
        env = dict(os.environ)
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
            folder = self.scratch / name.lower()
            folder.mkdir()
            env[name] = str(folder)
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_CONFIG_PATH", None)
        env["MEDIAFRAMES_FIGURES_DIR"] = str(self.scratch / "figures")
        # the entry point `make lab` runs (`jupyter lab` dispatches to it), from this environment
        script = Path(sys.executable).parent / "jupyter-lab"
        command = [str(script)] if script.exists() else [sys.executable, "-m", "jupyterlab"]
        command += [
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={NOTEBOOKS}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            command, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]

    def wait_ready(self, timeout: float = START_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with code {self.proc.returncode} before answering:\n{self.log()}")
            try:
                return self.api("GET", "/api/status", timeout=2)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        pytest.fail(f"jupyter lab did not answer /api/status within {timeout} s:\n{self.log()}")

    def stop(self) -> int | None:
        """Ask the server to shut down; return its exit code, or None if it had to be killed."""
        if self.proc is None:
            return None
        try:
            if self.proc.poll() is None:
                try:
                    self.api("POST", "/api/shutdown", timeout=5)
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                try:
                    return self.proc.wait(timeout=STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    self.proc.terminate()
                    try:
                        self.proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        self.proc.kill()
                        self.proc.wait(timeout=10)
                    return None
            return self.proc.returncode
        finally:
            self._log.close()

    # ------------------------------------------------------------------ REST API

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", f"token {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    # ------------------------------------------------------------------ kernel channels

    def connect(self, kernel_id: str) -> KernelChannel:
        url = f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
        conn = websocket.create_connection(url, header=[f"Authorization: token {self.token}"], timeout=CELL_TIMEOUT)
        return KernelChannel(conn)


class KernelChannel:
    """Messages to and from one kernel over the server's websocket (JSON protocol)."""

    def __init__(self, conn):
        self.conn = conn
        self.session = uuid.uuid4().hex

    def close(self) -> None:
        self.conn.close()

    def _send(self, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        self.conn.send(
            json.dumps({
                "header": {
                    "msg_id": msg_id, "msg_type": msg_type, "session": self.session,
                    "username": "test", "version": "5.3", "date": "",
                },
                "parent_header": {}, "metadata": {}, "content": content, "channel": "shell",
                "buffers": [],
            })
        )  # fmt: skip
        return msg_id

    def _receive(self, msg_id: str, reply_type: str, timeout: float) -> tuple[dict, list[dict]]:
        """The reply to ``msg_id`` and the iopub messages it caused, up to the kernel going idle."""
        deadline = time.monotonic() + timeout
        reply, idle, iopub = None, False, []
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no complete {reply_type} within {timeout} s (got {len(iopub)} iopub messages)")
            self.conn.settimeout(left)
            msg = json.loads(self.conn.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if msg["channel"] == "shell" and kind == reply_type:
                reply = msg
            elif msg["channel"] == "iopub":
                if kind == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                else:
                    iopub.append(msg)
        return reply, iopub

    def kernel_info(self, timeout: float = 60) -> dict:
        reply, _ = self._receive(self._send("kernel_info_request", {}), "kernel_info_reply", timeout)
        return reply["content"]

    def execute(self, code: str, timeout: float = CELL_TIMEOUT) -> tuple[dict, str]:
        """Run ``code``; return the reply content and the text it printed (stdout and stderr)."""
        msg_id = self._send(
            "execute_request",
            {"code": code, "silent": False, "store_history": True, "user_expressions": {},
             "allow_stdin": False, "stop_on_error": True},
        )  # fmt: skip
        reply, iopub = self._receive(msg_id, "execute_reply", timeout)
        printed = []
        for msg in iopub:
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                printed.append("\n".join(content["traceback"]))
        return reply["content"], "".join(printed)


@pytest.fixture
def lab(tmp_path):
    server = LabServer(tmp_path)
    server.start()
    try:
        server.wait_ready()
        yield server
    finally:
        code = server.stop()
    assert code is not None, f"jupyter lab did not exit after /api/shutdown:\n{server.log()}"
    assert code == 0, f"jupyter lab exited with code {code}:\n{server.log()}"


def test_jupyterlab_lists_and_runs_the_notebooks(lab, seed_corpus):
    status = lab.api("GET", "/api/status")
    assert "started" in status

    # the notebooks are listed
    listing = lab.api("GET", "/api/contents/")
    listed = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    on_disk = {p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert {"01_corpus.ipynb", "04_sources.ipynb"} <= listed
    assert on_disk <= listed, f"not listed by JupyterLab: {sorted(on_disk - listed)}"

    # the project's kernel is the default one
    specs = lab.api("GET", "/api/kernelspecs")
    assert specs["default"] == "python3"
    assert "python3" in specs["kernelspecs"]
    assert specs["kernelspecs"]["python3"]["spec"]["language"] == "python"

    # a session for 01_corpus.ipynb, whose code comes from the contents API
    notebook = lab.api("GET", f"/api/contents/{NOTEBOOK}?type=notebook&content=1")
    cells = [c for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
    assert cells, f"{NOTEBOOK} has no code cells"
    session = lab.api(
        "POST", "/api/sessions", {"path": NOTEBOOK, "name": NOTEBOOK, "type": "notebook", "kernel": {"name": "python3"}}
    )
    kernel_id = session["kernel"]["id"]
    assert session["path"] == NOTEBOOK
    assert session["kernel"]["name"] == "python3"
    assert kernel_id in {k["id"] for k in lab.api("GET", "/api/kernels")}

    channel = lab.connect(kernel_id)
    try:
        info = channel.kernel_info()
        assert info["status"] == "ok" and info["language_info"]["name"] == "python"

        # the kernel runs in the project's environment, on the project's code
        reply, printed = channel.execute(
            "import os, sys, analysis\n"
            "print('prefix=' + os.path.realpath(sys.prefix))\n"
            "print('package=' + os.path.realpath(analysis.__file__))\n"
            "print('cwd=' + os.getcwd())"
        )
        assert reply["status"] == "ok", printed
        where = dict(line.split("=", 1) for line in printed.splitlines() if "=" in line)
        assert where["prefix"] == os.path.realpath(sys.prefix), "the kernel does not run in the project's environment"
        assert Path(where["package"]).parent == (REPO / "analysis").resolve()
        assert Path(where["cwd"]).resolve() == NOTEBOOKS.resolve()

        # the notebook, cell by cell, with FIGURES_DIR injected after its parameters cell
        figures = lab.scratch / "notebook-figures"
        outputs, injected = [], False
        for number, cell in enumerate(cells, start=1):
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            reply, printed = channel.execute(source)
            assert reply["status"] == "ok", f"{NOTEBOOK} code cell {number} failed:\n{printed}"
            outputs.append(printed)
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                reply, printed = channel.execute(f"FIGURES_DIR = {str(figures)!r}")
                assert reply["status"] == "ok", printed
                injected = True
        assert injected, f"{NOTEBOOK} has no code cell tagged 'parameters'"
        text = "".join(outputs)
        assert f"{len(seed_corpus)} articles: {', '.join(seed_corpus.ids)}" in text
        assert "saved 01_lengths.png" in text
        assert (figures / "01_lengths.png").stat().st_size > 0

        # a plain call of the library from the same kernel
        reply, printed = channel.execute("from analysis.corpus import load_corpus\nprint(len(load_corpus()))")
        assert reply["status"] == "ok", printed
        assert str(len(seed_corpus)) in printed.splitlines()
    finally:
        channel.close()

    lab.api("DELETE", f"/api/sessions/{session['id']}")
    assert session["id"] not in {s["id"] for s in lab.api("GET", "/api/sessions")}
    deadline = time.monotonic() + 20
    while kernel_id in {k["id"] for k in lab.api("GET", "/api/kernels")}:
        assert time.monotonic() < deadline, "the kernel was still running 20 s after its session was deleted"
        time.sleep(0.2)

