"""Kernels forked from a preloaded server behave as kernels started as new processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from test_report import _notebook

from analysis.batch import kernels, report
from analysis.batch.report import run as report_run
from conftest import SEED_IDS  # tests/ is on sys.path (pytest prepend import mode)

pytestmark = pytest.mark.skipif(not kernels.can_fork(), reason="kernels are forked only where fork and pidfd exist")

PROBE = """\
import os, sys
print("preloaded", [m for m in ("pandas", "nltk", "analysis.sources") if m in sys.modules])
print("not preloaded", [m for m in ("matplotlib.pyplot", "ipywidgets") if m in sys.modules])
"""

FACTS = """\
import os, sys
import pandas as pd
print("own session", os.getsid(0) == os.getpid())
print("folder", os.path.basename(os.getcwd()))
print("variable", os.environ.get("PROBE_VARIABLE"))
print("max columns", pd.get_option("display.max_columns"))
print("a kernel", hasattr(get_ipython(), "kernel"))
print("argv", os.path.basename(sys.argv[0]), sys.argv[1:2])
import signal
print("signals", [str(signal.getsignal(s)) for s in (signal.SIGPIPE, signal.SIGCHLD, signal.SIGTERM, signal.SIGXFSZ)])
from ipykernel.kernelapp import IPKernelApp
app = IPKernelApp.instance()
print("watches its parent", app.parent_handle == int(os.environ["JPY_PARENT_PID"]) != 0, app.poller is not None)
"""

PLOT = """\
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(2, 1.5))
ax.plot([0, 1], [1, 0])
"""


def _texts(path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nb.cells if c.cell_type == "code"]


def _mime_types(path) -> list[set[str]]:
    nb = nbformat.read(path, as_version=4)
    return [{k for o in c.get("outputs", []) for k in o.get("data", {})} for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def server():
    with kernels.KernelServer(env=report._kernel_environment(MPLBACKEND=report.INLINE_BACKEND)) as srv:
        assert srv.usable(), srv.wait_ready()
        yield srv


def test_a_forked_kernel_has_the_libraries_loaded_and_is_otherwise_a_kernel_of_its_own(server, tmp_path, monkeypatch):
    monkeypatch.setenv("PROBE_VARIABLE", "set for this kernel")  # in the environment run_notebook gives kernels
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    notebook = _notebook(nbdir / "probe.ipynb", PROBE, FACTS, PLOT)
    before = server.launched
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold").mkdir()
    warm = report.run_notebook(notebook, out_dir=tmp_path / "warm", parameters={}, server=server)
    cold = report.run_notebook(notebook, out_dir=tmp_path / "cold", parameters={}, server=None)
    assert warm.status == cold.status == "ok", (warm.error, cold.error)
    assert server.launched == before + 1
    probe_warm, facts_warm, _ = _texts(warm.notebook_out)
    probe_cold, facts_cold, _ = _texts(cold.notebook_out)
    assert "preloaded ['pandas', 'nltk', 'analysis.sources']" in probe_warm
    assert "preloaded []" in probe_cold  # a new process imports them in the notebook
    assert "not preloaded []" in probe_warm  # pyplot and ipywidgets hook into the shell: imported in it
    assert facts_warm == facts_cold
    assert "own session True" in facts_warm and "folder nbs" in facts_warm
    assert "variable set for this kernel" in facts_warm and "max columns 20" in facts_warm
    assert "a kernel True" in facts_warm and "argv ipykernel_launcher.py ['-f']" in facts_warm
    assert "watches its parent True True" in facts_warm
    assert "image/png" in _mime_types(warm.notebook_out)[-1] == _mime_types(cold.notebook_out)[-1]  # inline figures show


def _launch(server):
    """A kernel manager (not started) whose kernel the server forks."""
    return report._kernel_manager_class(report._kernel_environment(), server)(kernel_name="python3")


def test_interrupt_stops_the_running_cell_and_shutdown_ends_the_process(server):
    async def scenario():
        km = _launch(server)
        await km.start_kernel(cwd=os.getcwd())
        assert isinstance(km.provisioner.process, kernels.ForkedProcess)
        pid = km.provisioner.process.pid
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            msg_id = kc.execute("import time\ntime.sleep(60)")
            await asyncio.sleep(1.0)
            started = time.monotonic()
            await km.interrupt_kernel()
            while True:
                reply = await kc.get_shell_msg(timeout=30)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            interrupted_after = time.monotonic() - started
            assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "KeyboardInterrupt"
            assert await km.is_alive()
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()
        assert not await km.is_alive()
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        return interrupted_after

    assert asyncio.run(scenario()) < 10


def test_a_kernel_busy_in_a_cell_still_ends_when_shut_down(server):
    # the batch's kernel managers skip jupyter_client's interrupt before a shutdown; a kernel
    # that is still running a cell must end all the same
    async def scenario():
        km = _launch(server)
        await km.start_kernel(cwd=os.getcwd())
        pid = km.provisioner.process.pid
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            kc.execute("import time\ntime.sleep(120)")
            await asyncio.sleep(1.0)
        finally:
            kc.stop_channels()
        started = time.monotonic()
        await km.shutdown_kernel()
        assert not await km.is_alive()
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 30


TRANSPORT = """\
from ipykernel.kernelapp import IPKernelApp
print(IPKernelApp.instance().transport)
"""


@pytest.mark.parametrize("warm", [True, False], ids=["forked", "new-process"])
def test_kernels_talk_over_local_sockets_and_print_no_warnings(tmp_path, capfd, warm):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    for name in ("01_a", "02_b", "03_c"):
        _notebook(nbdir / f"{name}.ipynb", TRANSPORT, "print('done')", title=name)
    capfd.readouterr()
    results = report.run_batch(notebooks_dir=nbdir, out=tmp_path / "out", jobs=3, warm_kernels=warm, progress=lambda _: None)
    assert results["status"].tolist() == ["ok"] * 3
    assert results.attrs.get("forked_kernels", 0) == (3 if warm else 0)
    for name in ("01_a", "02_b", "03_c"):
        assert _texts(tmp_path / "out" / f"{name}.ipynb") == ["ipc\n", "done\n"]
    printed = capfd.readouterr()
    for noise in ("without encryption", "KeyboardInterrupt", "Traceback"):
        assert noise not in printed.err and noise not in printed.out
    assert not list(report._ipc_folder().iterdir())  # every socket removed with its kernel


def test_a_kernel_that_dies_fails_its_notebook_and_the_batch_goes_on(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(nbdir / "01_dies.ipynb", "import os\nos._exit(3)", "print('never')", title="01 · Dies")
    _notebook(nbdir / "02_lives.ipynb", "print('alive')", title="02 · Lives")
    results = report.run_batch(notebooks_dir=nbdir, out=tmp_path / "out", jobs=2, progress=lambda _: None)
    assert results["status"].tolist() == ["failed", "ok"]
    assert "01_dies.ipynb" in results.loc[0, "error"] and "died" in results.loc[0, "error"].lower()
    assert results.attrs["forked_kernels"] == 2
    assert _texts(tmp_path / "out" / "02_lives.ipynb")[0] == "alive\n"


def test_a_server_that_imported_a_shell_hooking_module_forks_nothing_and_kernels_start_as_processes(tmp_path):
    with kernels.KernelServer(preload=("json", "matplotlib.pyplot")) as srv:
        assert not srv.usable()
        assert srv.wait_ready()["kernel_only"] == ["matplotlib.pyplot"]
        with pytest.raises(RuntimeError, match="cannot fork"):
            srv.launch(["ipykernel_launcher"], dict(os.environ), os.getcwd())
        notebook = _notebook(tmp_path / "plot.ipynb", PLOT)
        (tmp_path / "out").mkdir()
        result = report.run_notebook(notebook, out_dir=tmp_path / "out", parameters={}, server=srv)
        assert result.status == "ok" and srv.launched == 0
        assert "image/png" in _mime_types(result.notebook_out)[0]


def test_a_missing_preload_module_is_left_to_the_kernel():
    with kernels.KernelServer(preload=("json", "no_such_module_here")) as srv:
        ready = srv.wait_ready()
        assert ready["ready"] and ready["failed"] == ["no_such_module_here"]


def test_only_this_interpreters_ipykernel_is_forked():
    python = sys.executable
    assert kernels.launcher_arguments(["python", "-m", "ipykernel_launcher", "-f", "{cf}"], python) == ["ipykernel_launcher", "-f", "{cf}"]
    assert kernels.launcher_arguments([python, "-m", "ipykernel", "-f", "x.json"], python) == ["ipykernel", "-f", "x.json"]
    assert kernels.launcher_arguments(["/opt/other/bin/python3.9", "-m", "ipykernel_launcher", "-f", "x"], python) is None
    assert kernels.launcher_arguments(["R", "--slave", "-e", "IRkernel::main()", "--args", "x"], python) is None
    assert kernels.launcher_arguments(["python", "-m", "some_other_kernel", "-f", "x"], python) is None
    assert kernels.launcher_arguments(["python"], python) is None


def test_forked_process_follows_a_process_that_is_not_our_child():
    # a grandchild: started by a shell that exits at once, as the server's kernels are its children
    shell = subprocess.run(["sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!"], capture_output=True, text=True, check=True)
    process = kernels.ForkedProcess(int(shell.stdout))
    assert process.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        process.wait(timeout=0.1)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0 and process.poll() == 0
    process.kill()  # an ended process: nothing to do, no error


def test_the_server_stops_when_asked_and_leaves_no_process():
    srv = kernels.KernelServer(preload=("json",))
    assert srv.usable()
    srv.close()
    assert srv._process.returncode == 0 and not srv.usable()


def _normalised(text: str, out) -> str:
    return text.replace(str(out), "OUT")  # the output folder, in the injected parameters


def test_the_seed_notebooks_give_the_same_outputs_pages_and_figures_in_forked_and_new_kernels(seed_batch, tmp_path):
    warm_out, warm, _ = seed_batch
    assert warm.attrs["forked_kernels"] == len(warm)  # every notebook of the batch ran in a forked kernel
    cold_out = tmp_path / "cold"
    cold = report.run_batch(articles=SEED_IDS, out=cold_out, warm_kernels=False, progress=lambda _: None)
    assert cold.attrs["forked_kernels"] == 0
    assert cold["status"].tolist() == warm["status"].tolist() == ["ok"] * len(warm)
    for name in warm["notebook"]:
        stem = name.removesuffix(".ipynb")
        for suffix in (".ipynb", ".html"):
            a = (warm_out / f"{stem}{suffix}").read_text(encoding="utf-8")
            b = (cold_out / f"{stem}{suffix}").read_text(encoding="utf-8")
            assert _normalised(a, warm_out) == _normalised(b, cold_out), f"{stem}{suffix}"
    figures = sorted(p.name for p in (warm_out / "figures").glob("*.png"))
    assert figures and figures == sorted(p.name for p in (cold_out / "figures").glob("*.png"))
    for figure in figures:
        assert (warm_out / "figures" / figure).read_bytes() == (cold_out / "figures" / figure).read_bytes(), figure


def test_new_kernels_on_the_command_line(monkeypatch, tmp_path):
    seen = {}

    def fake_run_batch(**kw):
        seen.update(kw)
        import pandas as pd

        return pd.DataFrame({"status": ["ok"]})

    monkeypatch.setattr(report, "run_batch", fake_run_batch)
    monkeypatch.setattr(kernels, "batch_server", lambda **_: None)  # the fake batch would not stop it
    from analysis.batch import cli

    assert cli.main(["report", "--out", str(tmp_path / "o")]) == 0 and seen["warm_kernels"] is True
    assert cli.main(["report", "--new-kernels", "--out", str(tmp_path / "o")]) == 0 and seen["warm_kernels"] is False


def test_the_batch_writes_a_running_notebook_once_at_the_end_not_at_every_cell(monkeypatch, tmp_path):
    import papermill.engines

    writes = []
    original = papermill.engines.write_ipynb
    monkeypatch.setattr(papermill.engines, "write_ipynb", lambda nb, path: (writes.append(path), original(nb, path)))
    cells = [f"x = {i}\nprint(x)" for i in range(6)]
    notebook = _notebook(tmp_path / "six.ipynb", *cells)
    (tmp_path / "out").mkdir()
    result = report.run_notebook(notebook, out_dir=tmp_path / "out", parameters={})
    assert result.status == "ok"
    assert len(writes) == 1  # papermill's own engine writes twice a cell: 14 times here
    assert _texts(result.notebook_out) == [f"{i}\n" for i in range(6)]
    failing = _notebook(tmp_path / "fails.ipynb", "print('before')", "raise ValueError('on purpose')", "print('never')")
    writes.clear()
    result = report.run_notebook(failing, out_dir=tmp_path / "out", parameters={})
    assert result.status == "failed" and len(writes) == 1
    texts = _texts(tmp_path / "out" / "fails.failed.ipynb")
    assert texts[0] == "before\n" and texts[2] == ""  # the failed notebook keeps what ran


def test_a_missing_folder_is_refused_before_anything_starts(server, tmp_path):
    before = server.launched
    with pytest.raises(FileNotFoundError, match="no such folder"):
        server.launch(["ipykernel_launcher", "-f", str(tmp_path / "c.json")], dict(os.environ), str(tmp_path / "gone"))
    assert server.launched == before and server.usable()


def test_kernels_start_as_new_processes_once_the_server_has_stopped(tmp_path):
    srv = kernels.KernelServer(preload=("json",))
    assert srv.usable()
    srv._process.kill()  # a server that crashed
    srv._process.wait()
    notebook = _notebook(tmp_path / "after.ipynb", "print('still runs')")
    (tmp_path / "out").mkdir()
    result = report.run_notebook(notebook, out_dir=tmp_path / "out", parameters={}, server=srv)
    assert result.status == "ok" and _texts(result.notebook_out) == ["still runs\n"]
    assert srv.launched == 0
    srv.close()


def test_the_batch_uses_a_server_started_by_its_caller_and_stops_it(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(nbdir / "one.ipynb", "import sys; print('analysis.sources' in sys.modules)")
    srv = kernels.batch_server()
    results = report.run_batch(notebooks_dir=nbdir, out=tmp_path / "out", kernel_server=srv, progress=lambda _: None)
    assert results["status"].tolist() == ["ok"] and results.attrs["forked_kernels"] == 1 == srv.launched
    assert _texts(tmp_path / "out" / "one.ipynb") == ["True\n"]  # a kernel of the preloaded server
    assert srv._process.poll() is not None  # stopped by the batch

    srv = kernels.batch_server()
    with pytest.raises(ValueError, match="jobs"):
        report.run_batch(notebooks_dir=nbdir, out=tmp_path / "out", jobs=0, kernel_server=srv)
    assert srv._process.wait(timeout=10) is not None  # stopped although nothing ran


def test_kernels_left_running_end_with_the_server():
    srv = kernels.KernelServer(env=report._kernel_environment(MPLBACKEND=report.INLINE_BACKEND))

    async def start():
        km = _launch(srv)
        await km.start_kernel(cwd=os.getcwd())
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        kc.stop_channels()
        return km.provisioner.process

    process = asyncio.run(start())  # a batch that ended without shutting its kernel down
    assert process.poll() is None
    srv.close()
    # ended by the server before it exited (not a second later by its own parent watch)
    assert process.poll() == 0


def test_forked_kernels_draw_their_own_random_numbers(server, tmp_path):
    notebook = _notebook(tmp_path / "draw.ipynb", "import random\nimport numpy as np\nprint(random.random(), np.random.random())")
    draws = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        result = report.run_notebook(notebook, out_dir=tmp_path / run, parameters={}, server=server)
        assert result.status == "ok", result.error
        draws.append(_texts(result.notebook_out)[0].split())
    assert draws[0][0] != draws[1][0] and draws[0][1] != draws[1][1]


def test_a_kernel_that_dies_before_answering_is_started_again_once(monkeypatch, tmp_path):
    original = report._kernel_manager_class
    starts = []

    def flaky_class(env, server=None, *, failures):
        base = original(env, server)

        class Flaky(base):
            async def start_kernel(self, **kw):
                starts.append(1)
                if len(starts) <= failures:
                    raise RuntimeError("Kernel died before replying to kernel_info")
                return await super().start_kernel(**kw)

        return Flaky

    notebook = _notebook(tmp_path / "once.ipynb", "print('ran')")
    (tmp_path / "a").mkdir()
    monkeypatch.setattr(report_run, "_kernel_manager_class", lambda env, server=None: flaky_class(env, server, failures=1))
    result = report.run_notebook(notebook, out_dir=tmp_path / "a", parameters={})
    assert result.status == "ok" and len(starts) == 2 and _texts(result.notebook_out) == ["ran\n"]
    starts.clear()
    (tmp_path / "b").mkdir()
    monkeypatch.setattr(report_run, "_kernel_manager_class", lambda env, server=None: flaky_class(env, server, failures=5))
    result = report.run_notebook(notebook, out_dir=tmp_path / "b", parameters={})
    assert result.status == "failed" and len(starts) == report.KERNEL_START_ATTEMPTS
    assert "Kernel died before replying" in result.error


def _papermill_stderr(tmp_path, ipython_dir) -> str:
    """Standard error of papermill itself (as the README runs it) on a two-cell notebook."""
    notebook = _notebook(tmp_path / "tiny.ipynb", "x = 1", "print(x + 1)", parameters="N: int = 1")
    env = {**os.environ, "IPYTHONDIR": str(ipython_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "papermill", str(notebook), str(tmp_path / "out.ipynb"), "-p", "N", "2"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.slow
def test_kernels_run_by_papermill_directly_leave_out_the_alarming_lines_once_configured(tmp_path):
    from analysis.batch import kernel_config

    bare = tmp_path / "bare"
    (bare / "profile_default").mkdir(parents=True)
    own = kernel_config.config_path()
    if own.is_file() and kernel_config.MARKER in own.read_text(encoding="utf-8"):
        # make setup has configured this environment: its kernels are quiet with any profile
        assert "without encryption" not in _papermill_stderr(tmp_path, bare)
    else:
        assert "without encryption" in _papermill_stderr(tmp_path, bare)  # the line the configuration removes
    assert kernel_config.write_kernel_config(tmp_path / "env") == "written"
    assert kernel_config.write_kernel_config(tmp_path / "env") == "present"
    quiet = tmp_path / "quiet" / "profile_default"
    quiet.mkdir(parents=True)
    # the file a kernel of the environment reads, given here as the kernel's own profile
    (quiet / kernel_config.CONFIG_NAME).write_text(kernel_config.config_path(tmp_path / "env").read_text(encoding="utf-8"))
    err = _papermill_stderr(tmp_path, quiet.parent)
    assert "without encryption" not in err and "KeyboardInterrupt" not in err


def test_the_kernel_log_filter_drops_only_the_two_lines(tmp_path):
    import logging

    from analysis.batch import kernel_config

    namespace: dict = {}
    exec(compile(kernel_config.CONFIG_TEXT, "config", "exec"), namespace)
    log = logging.getLogger("IPKernelApp")
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Keep()
    log.addHandler(handler)
    try:
        log.warning("Kernel is running over TCP without encryption. All communication ...")
        log.error("KeyboardInterrupt caught in kernel.")
        log.error("Exception in message handler:")
    finally:
        log.removeHandler(handler)
        for f in list(log.filters):
            log.removeFilter(f)
    assert seen == ["Exception in message handler:"]


def test_a_users_own_kernel_configuration_is_kept(tmp_path):
    from analysis.batch import kernel_config

    path = kernel_config.config_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("c.InteractiveShell.autocall = 0\n", encoding="utf-8")
    assert kernel_config.write_kernel_config(tmp_path) == "written"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("c.InteractiveShell.autocall = 0\n") and text.count(kernel_config.MARKER) == 1
