"""The batch with notebooks side by side (``jobs``) gives what it gives one at a time."""

from __future__ import annotations

import os
import re
import time

import nbformat
import pandas as pd
import pytest
from test_report import _notebook  # tests/ is on sys.path (pytest prepend import mode)

from analysis import cache
from analysis.batch import cli, report

FIGURE = """\
import time
import matplotlib.pyplot as plt
from analysis.present import plots
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([0, 1, 2], [{a}, {b}, {c}])
time.sleep(1.5)  # keep the notebooks side by side
path = plots.save_figure(fig, "{name}", folder=FIGURES_DIR)
print("saved", path.name)
"""


class _SlowLines:
    """A progress callback that writes one character at a time, as a terminal may."""

    def __init__(self):
        self.chars: list[str] = []

    def __call__(self, line: str) -> None:
        for char in line + "\n":
            self.chars.append(char)
            time.sleep(0)  # let another thread in

    @property
    def lines(self) -> list[str]:
        return "".join(self.chars).splitlines()


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory):
    """Four small notebooks (two write a figure, one fails, one writes none while the
    others do) run with ``jobs=1`` and with ``jobs=4``: ``{jobs: (out, results, lines)}``."""
    nbdir = tmp_path_factory.mktemp("nbs")
    params = 'FIGURES_DIR: str = ""  # where figures go'
    _notebook(nbdir / "01_dots.ipynb", FIGURE.format(a=1, b=3, c=2, name="01_dots"), parameters=params, title="01 · Dots")
    _notebook(nbdir / "02_bad.ipynb", "import time\ntime.sleep(1)", "raise RuntimeError('broken on purpose')", title="02 · Bad")
    _notebook(nbdir / "03_bars.ipynb", FIGURE.format(a=2, b=0, c=1, name="03_bars"), parameters=params, title="03 · Bars")
    _notebook(
        nbdir / "zz_where.ipynb",
        "import os, time\ntime.sleep(2.5)\nprint(os.path.basename(os.getcwd()), os.environ.get('MPLBACKEND'))",
        f"print(bool(os.environ.get({cache.LOG_ENV!r})))",
        title="Where the kernel runs",
    )  # fmt: skip
    runs = {}
    for jobs in (1, 4):
        out = tmp_path_factory.mktemp(f"out{jobs}")
        cwd, env = os.getcwd(), dict(os.environ)
        progress = _SlowLines()
        results = report.run_batch(notebooks_dir=nbdir, out=out, figures=out / "figures", jobs=jobs, progress=progress)
        assert os.getcwd() == cwd and dict(os.environ) == env  # nothing process-wide changed
        runs[jobs] = (out, results, progress.lines)
    return runs


def _outputs(path):
    nb = nbformat.read(path, as_version=4)
    return [(c.cell_type, c.get("execution_count"), c.get("outputs")) for c in nb.cells]


def test_side_by_side_gives_the_same_results_outputs_figures_and_index(both_ways):
    (out1, seq, _), (out4, par, _) = both_ways[1], both_ways[4]
    assert seq.attrs["jobs"] == 1 and par.attrs["jobs"] == 4
    same = ["notebook", "status", "error", "title"]
    assert par[same].equals(seq[same])
    assert par["notebook"].tolist() == ["01_dots.ipynb", "02_bad.ipynb", "03_bars.ipynb", "zz_where.ipynb"]
    names = [[os.path.basename(f) for f in figures] for figures in par["figures"]]
    assert names == [[os.path.basename(f) for f in figures] for figures in seq["figures"]]
    assert names == [["01_dots.png"], [], ["03_bars.png"], []]  # written while others ran: credited by number
    for name in ("01_dots", "03_bars", "zz_where"):
        assert _outputs(out4 / f"{name}.ipynb") == _outputs(out1 / f"{name}.ipynb"), name
        assert (out4 / f"{name}.html").read_bytes() == (out1 / f"{name}.html").read_bytes(), name
    for figure in ("01_dots.png", "03_bars.png"):
        assert (out4 / "figures" / figure).read_bytes() == (out1 / "figures" / figure).read_bytes()
    assert (out4 / "index.html").read_bytes() == (out1 / "index.html").read_bytes()


def test_kernels_run_in_the_notebook_folder_with_their_own_environment(both_ways):
    for jobs in (1, 4):
        out, results, _ = both_ways[jobs]
        nb = nbformat.read(out / "zz_where.ipynb", as_version=4)
        folder, backend = nb.cells[-2].outputs[0]["text"].split()
        assert folder.startswith("nbs") and backend == report.INLINE_BACKEND
        assert nb.cells[-1].outputs[0]["text"].strip() == "True"  # the cache log of this notebook


def test_a_failure_side_by_side_is_handled_as_one_at_a_time(both_ways):
    out, results, lines = both_ways[4]
    error = results.set_index("notebook").loc["02_bad.ipynb", "error"]
    assert error == both_ways[1][1].set_index("notebook").loc["02_bad.ipynb", "error"]
    assert "02_bad.ipynb" in error and "cell 2" in error and "RuntimeError: broken on purpose" in error
    assert (out / "02_bad.failed.ipynb").is_file()
    assert not (out / "02_bad.ipynb").exists() and not (out / "02_bad.html").exists()
    assert (out / "03_bars.html").is_file() and (out / "zz_where.html").is_file()
    assert "02_bad: failed" in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.rglob("*.partial"))
    assert any(line.strip() == error for line in lines)


def test_progress_lines_never_mix_and_end_with_the_time_summary(both_ways):
    for jobs in (1, 4):
        _, results, lines = both_ways[jobs]
        pattern = re.compile(
            r"\[\d/4\] \S+\.ipynb( \.\.\.|: (ok|failed) in \d+\.\d s)"  # progress
            r"|    02_bad\.ipynb failed in .*"  # the failure under its line
            r"|time \(s\) +kernel start +execute +HTML +total"  # the summary
            r"|  \S+( +(\d+\.\d|-)){4}"
            r"|  wall \d+\.\d s with \d jobs?( \(sum / wall = \d+\.\d\d\))?"
            r"|\d of 4 notebooks ran in .*"
        )  # fmt: skip
        assert [line for line in lines if not pattern.fullmatch(line)] == []
        assert sum(line.endswith(" ...") for line in lines) == 4
        summary = lines[lines.index(next(line for line in lines if line.startswith("time (s)"))):]
        assert [line.split()[0] for line in summary[1:5]] == ["01_dots", "02_bad", "03_bars", "zz_where"]
        assert summary[5].split()[0] == "sum" and summary[6].startswith("  wall ") and f"with {jobs} job" in summary[6]
        assert lines[-1].startswith("3 of 4 notebooks ran in ")
        assert (results["kernel_start_seconds"] > 0).all()
        ok = results[results["status"] == "ok"]
        assert (ok["kernel_start_seconds"] < ok["execute_seconds"]).all() and (ok["html_seconds"] > 0).all()
        assert (results["execute_seconds"] < results["seconds"]).all()


def test_credit_figures_keeps_each_figure_with_the_notebook_whose_number_it_carries():
    r = report.NotebookResult
    results = [
        r("01_a.ipynb", "ok", 1, figures=("f/01_x.png", "f/03_y.png", "f/plain.png")),
        r("02_b.ipynb", "ok", 1, figures=("f/01_x.png",)),
        r("03_c.ipynb", "ok", 1, figures=("f/03_y.png", "f/plain.png")),
        r("lesson.ipynb", "ok", 1, figures=("f/03_y.png",)),
        r("04_d.ipynb", "ok", 1, figures=("f/03_y.png",)),  # ran alone, later: it did write 03_y
    ]
    windows = {"01_a.ipynb": (0, 2), "02_b.ipynb": (1, 3), "03_c.ipynb": (1, 4), "lesson.ipynb": (3, 5), "04_d.ipynb": (6, 7)}
    credited = report._credit_figures(results, windows)
    assert [c.figures for c in credited] == [
        ("f/01_x.png", "f/plain.png"),  # 03_y is 03_c's; plain matches nobody: kept by both
        (),
        ("f/03_y.png", "f/plain.png"),
        (),
        ("f/03_y.png",),
    ]


def test_time_summary_is_a_few_lines_with_sums_against_the_wall_time():
    frame = pd.DataFrame(
        {
            "notebook": ["01_a.ipynb", "02_b.ipynb"], "seconds": [3.0, 2.0],
            "kernel_start_seconds": [1.0, float("nan")], "execute_seconds": [2.5, 0.5], "html_seconds": [0.3, 0.0],
        }
    )  # fmt: skip
    lines = report.time_summary(frame, wall=2.5, jobs=2)
    assert len(lines) == 5
    assert lines[1].split() == ["01_a", "1.0", "2.5", "0.3", "3.0"]
    assert lines[2].split() == ["02_b", "-", "0.5", "0.0", "2.0"]
    assert lines[3].split() == ["sum", "1.0", "3.0", "0.3", "5.0"]
    assert lines[4] == "  wall 2.5 s with 2 jobs (sum / wall = 2.00)"


def test_kernel_clients_do_not_wait_for_ever_on_a_missed_wake_up():
    """The batch hung when pyzmq missed the wake-up for a reply already in the socket
    (nbclient issue 312); its kernel clients poll in slices, and a new poll sees it."""
    import asyncio

    import zmq
    import zmq.asyncio
    from jupyter_client.session import Session

    client_class = report._kernel_manager_class({})().client_factory
    assert client_class is report._kernel_client_class()
    channel_class = client_class.shell_channel_class.default_value
    assert client_class.iopub_channel_class.default_value is channel_class

    class MissedWakeUp(zmq.asyncio.Socket):
        def poll(self, timeout=None, flags=zmq.POLLIN):
            if timeout is None:  # the future an unbounded poll waits on: never resolved
                return asyncio.get_running_loop().create_future()
            return super().poll(timeout, flags)

    async def scenario():
        context = zmq.asyncio.Context()
        ours, theirs = context.socket(zmq.PAIR, socket_class=MissedWakeUp), context.socket(zmq.PAIR)
        port = ours.bind_to_random_port("tcp://127.0.0.1")
        theirs.connect(f"tcp://127.0.0.1:{port}")
        session = Session()
        channel = channel_class(ours, session)
        session.send(theirs, "execute_reply", {"status": "ok"})
        try:
            return await asyncio.wait_for(channel.get_msg(timeout=None), timeout=10)
        finally:
            ours.close(linger=0), theirs.close(linger=0), context.term()

    started = time.perf_counter()
    assert asyncio.run(scenario())["content"] == {"status": "ok"}
    assert time.perf_counter() - started < report.POLL_SLICE + 2


def test_jobs_on_the_command_line(capsys, tmp_path):
    assert cli.build_parser().parse_args(["report", "--jobs", "3"]).jobs == 3
    assert cli.build_parser().parse_args(["report"]).jobs is None
    assert report.default_jobs() == 2 * len(os.sched_getaffinity(0))
    assert cli.main(["report", "--jobs", "0", "--out", str(tmp_path / "o")]) == 2
    assert "jobs must be 1 or more" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_kernel_clients_retry_a_connection_sooner_than_zeromqs_default():
    """A client connects before the new kernel listens; ZeroMQ tries again after 100 ms by
    default, which every kernel start of the batch paid."""
    import zmq

    client = report._kernel_client_class()()
    socket = client.context.socket(zmq.DEALER)
    try:
        assert socket.getsockopt(zmq.RECONNECT_IVL) == report.RECONNECT_INTERVAL_MS < 100
    finally:
        socket.close(linger=0)
        client.context.destroy(linger=0)
    default = zmq.Context()
    try:
        assert default.socket(zmq.DEALER).getsockopt(zmq.RECONNECT_IVL) == 100  # what it replaces
    finally:
        default.destroy(linger=0)
