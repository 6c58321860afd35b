"""Time the report batch against papermill on trivial notebooks, in one process.

Run on demand, not in CI::

    python benchmarks/bench_report.py [--jobs 1 2] [--repeat 3] [--new-kernels] [--no-subprocess] [--json]

Each ``--jobs`` value (default: 1 and :func:`analysis.batch.report.default_jobs`) is timed
``--repeat`` times, alternating the two sides so that both see the same load:

* **batch**: :func:`analysis.batch.report.run_batch` on the seeds, what ``make report`` runs
  after set-up (every notebook, default parameters, the two seed reports), into a
  temporary output folder (``--out``: figures go to ``OUT/figures``, never to the
  project's ``figures/``; ``notebooks/`` is only read). Its kernels are forked from the kernel server (:mod:`analysis.batch.kernels`), as in
  ``make report``; ``--new-kernels`` starts each as a new process instead;
* **floor**: as many trivial notebooks as the batch has (a parameters cell and one
  ``print``), generated in a temporary folder, each executed by
  ``papermill.execute_notebook`` with a parameter to inject and exported with the same
  :func:`analysis.batch.report.export_html`, with the same number of notebooks at once (a pool
  of that many threads). Kernel start, shutdown and the export of a notebook are the floor; the
  batch's work is the rest.

The ratio batch / floor is compared with the target of issue 7 (1.5). The whole command is
timed too, ``--repeat`` times, as a subprocess: ``python -m analysis report --out TMP``
(interpreter start and imports included, default notebooks at once) and, when set-up is
done, the README's own command, ``make report REPORT_ARGS="--out TMP"`` (its set-up check
included), alternating with
the floor as a command of its own (a new process importing papermill and running the
floor with as many notebooks at once; both defer ``rfc3987_syntax`` the same way, see
``analysis.batch.cli``); ``--no-subprocess`` skips it. Cached analysis results go to a temporary cache folder,
filled by one untimed batch first (as after a first ``make report``); ``--cold`` times
every batch with an empty one instead. The 1-minute load average is printed with each
measurement: other work on the machine slows both sides, but not always equally. So is the
CPU time each side used (this process and its kernels, from ``getrusage``), which other
work on the machine changes much less than the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.5


def trivial_notebooks(folder: Path, n: int) -> list[Path]:
    """``n`` notebooks with a parameters cell and one ``print``, written to ``folder``."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    paths = []
    for i in range(n):
        parameters = new_code_cell("X: int = 0  # a number to print")
        parameters.metadata["tags"] = ["parameters"]
        nb = new_notebook(cells=[new_markdown_cell(f"# Trivial {i:02d}"), parameters, new_code_cell("print(X)")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = folder / f"{i:02d}_trivial.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run_floor(notebooks: list[Path], out: Path, jobs: int) -> float:
    """Seconds to execute ``notebooks`` with papermill and export each to HTML, ``jobs`` at once."""
    import papermill

    from analysis.batch import report

    def one(path: Path) -> None:
        executed = out / path.name
        papermill.execute_notebook(str(path), str(executed), parameters={"X": 42}, progress_bar=False)
        report.export_html(executed, out / f"{path.stem}.html")

    started = time.perf_counter()
    if jobs == 1:
        for path in notebooks:
            one(path)
    else:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(one, notebooks))
    return time.perf_counter() - started


def run_real(out: Path, jobs: int, warm_kernels: bool = True) -> tuple[float, object]:
    """Seconds for the batch on the seeds into ``out``, and its result table."""
    from analysis.batch import report

    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    results = report.run_batch(out=out, jobs=jobs, warm_kernels=warm_kernels, progress=lambda _: None)
    seconds = time.perf_counter() - started
    if not (results["status"] == "ok").all():
        raise SystemExit(f"the batch failed: {results.loc[results['status'] != 'ok', 'error'].tolist()}")
    return seconds, results


def run_floor_command(notebooks: list[Path], out: Path, jobs: int) -> float:
    """Seconds for the floor as a command of its own: a new Python process that imports
    papermill and :mod:`analysis.batch.report` (with ``rfc3987_syntax`` deferred, as the report
    command does) and runs :func:`run_floor` on ``notebooks``, ``jobs`` at once."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from analysis.batch import cli; "
        "cli._defer_import('rfc3987_syntax', ('is_valid_syntax',)); import bench_report; "
        "from pathlib import Path; "
        "bench_report.run_floor([Path(p) for p in sys.argv[4:]], Path(sys.argv[2]), int(sys.argv[3]))"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(out), str(jobs), *map(str, notebooks)],
        cwd=Path(__file__).resolve().parent, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"the floor command failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def _time_report(argv: list[str], out: Path, name: str) -> float:
    """Seconds for the report command ``argv`` (run in the project folder) writing into ``out``."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{name} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def run_command(out: Path) -> float:
    """Seconds for ``python -m analysis report --out OUT`` in a subprocess."""
    return _time_report([sys.executable, "-m", "analysis", "report", "--out", str(out)], out, "python -m analysis report")


def make_ready() -> bool:
    """True when ``make report`` would not install anything first (set-up done)."""
    return shutil.which("make") is not None and subprocess.run(
        ["make", "--question", ".venv/.installed"], cwd=ROOT, capture_output=True
    ).returncode == 0


def run_make(out: Path) -> float:
    """Seconds for ``make report REPORT_ARGS="--out OUT"``: the README's command, with its
    set-up check (``python -m analysis setup``) and the report command, into ``out``."""
    argv = ["make", "--no-print-directory", "report", f"REPORT_ARGS=--out {shlex.quote(str(out))}"]
    return _time_report(argv, out, "make report")


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children that have ended."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(func, *args):
    """``func(*args)``'s result with the CPU seconds it took (its kernels included)."""
    before = cpu_seconds()
    result = func(*args)
    return result, cpu_seconds() - before


def spread(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "runs": values}


def main(argv: list[str] | None = None) -> int:
    from analysis import config
    from analysis.batch import report

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, nargs="+", help=f"notebooks at once to time (default: 1 {report.default_jobs()})")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side per --jobs value (default: 3)")
    parser.add_argument("--cold", action="store_true", help="time every batch with an empty cache of analysis results")
    parser.add_argument("--no-subprocess", action="store_true", help="skip timing the whole command in a subprocess")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--new-kernels", action="store_true", help="batch with every kernel started as a new process (report --new-kernels)")
    args = parser.parse_args(argv)
    jobs_list = args.jobs or sorted({1, report.default_jobs()})

    n = len(report.list_notebooks(config.NOTEBOOKS_DIR))
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp = Path(tmp)
        cache_dir = tmp / "cache"
        os.environ["MEDIAFRAMES_CACHE_DIR"] = str(cache_dir)  # read by this process and the kernels
        os.environ["MEDIAFRAMES_FIGURES_DIR"] = str(tmp / "stray-figures")  # --out passes OUT/figures anyway
        trivial_dir = tmp / "trivial"
        trivial_dir.mkdir()
        trivial = trivial_notebooks(trivial_dir, n)
        if not args.json:
            print(f"{n} notebooks; warming up (one untimed batch and one untimed floor run) ...", flush=True)
        run_real(tmp / "warm-up", jobs_list[-1], not args.new_kernels)
        floor_out = tmp / "floor"
        floor_out.mkdir()
        run_floor(trivial, floor_out, jobs_list[-1])

        rows = []
        for jobs in jobs_list:
            batch, floor, ratios, loads, phases, batch_cpu, floor_cpu = [], [], [], [], [], [], []
            for _ in range(args.repeat):
                if args.cold:
                    shutil.rmtree(cache_dir, ignore_errors=True)
                load = os.getloadavg()[0]
                (seconds, results), cpu = timed(run_real, tmp / "batch", jobs, not args.new_kernels)
                batch.append(seconds)
                batch_cpu.append(cpu)
                seconds, cpu = timed(run_floor, trivial, floor_out, jobs)
                floor.append(seconds)
                floor_cpu.append(cpu)
                ratios.append(batch[-1] / floor[-1])
                loads.append((load, os.getloadavg()[0]))
                phases.append({
                    "kernel_start": float(results["kernel_start_seconds"].sum()),
                    "execute": float(results["execute_seconds"].sum()),
                    "html": float(results["html_seconds"].sum()),
                    "notebooks": float(results["seconds"].sum()),
                    "wall": float(results.attrs["wall_seconds"]),
                    "forked": int(results.attrs.get("forked_kernels", 0)),
                })  # fmt: skip
                if not args.json:
                    print(
                        f"  jobs {jobs}: batch {batch[-1]:5.1f} s ({batch_cpu[-1]:.1f} s CPU), "
                        f"floor {floor[-1]:5.1f} s ({floor_cpu[-1]:.1f} s CPU), ratio {ratios[-1]:.2f} "
                        f"(load {load:.1f})",
                        flush=True,
                    )
            rows.append({
                "jobs": jobs, "batch": spread(batch), "floor": spread(floor), "ratio": spread(ratios),
                "batch_cpu": spread(batch_cpu), "floor_cpu": spread(floor_cpu), "load": loads, "phases": phases,
            })  # fmt: skip

        command = None
        if not args.no_subprocess:
            with_make = make_ready()
            if not with_make and not args.json:
                print("  make report not timed: set-up not done (run make setup first) or no make", flush=True)
            commands, makes, floor_commands = [], [], []
            for _ in range(args.repeat):
                commands.append(run_command(tmp / "command"))
                if with_make:
                    makes.append(run_make(tmp / "make"))
                floor_commands.append(run_floor_command(trivial, tmp / "floor-command", report.default_jobs()))
                if not args.json:
                    made = f", make report {makes[-1]:5.1f} s" if with_make else ""
                    print(
                        f"  whole command {commands[-1]:5.1f} s{made}, floor command {floor_commands[-1]:5.1f} s "
                        f"(load {os.getloadavg()[0]:.1f})",
                        flush=True,
                    )
            command = {
                "command": spread(commands), "floor_command": spread(floor_commands),
                "ratio": spread([a / b for a, b in zip(commands, floor_commands)]),
            }  # fmt: skip
            if with_make:
                command["make"] = spread(makes)
                command["make_ratio"] = spread([a / b for a, b in zip(makes, floor_commands)])

    machine = f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}, {os.cpu_count()} CPUs"
    if args.json:
        print(json.dumps({"notebooks": n, "machine": machine, "cold": args.cold, "rows": rows, "command": command}, indent=2))
        return 0
    print(f"\n{machine}; {n} notebooks; cache {'empty' if args.cold else 'filled'}; {args.repeat} runs each")
    print(
        f"{'jobs':>4} {'batch s (min-median-max)':>26} {'floor s (min-median-max)':>26} {'ratio (median)':>15} "
        f"{'ratio of min':>13} {'CPU s batch/floor':>18} {'target':>7}  met?"
    )  # fmt: skip
    for row in rows:
        b, f, r = row["batch"], row["floor"], row["ratio"]
        cpu = f"{row['batch_cpu']['median']:.1f}/{row['floor_cpu']['median']:.1f}"
        print(
            f"{row['jobs']:>4} {b['min']:>8.1f} {b['median']:>8.1f} {b['max']:>8.1f} "
            f"{f['min']:>8.1f} {f['median']:>8.1f} {f['max']:>8.1f} {r['median']:>15.2f} {b['min'] / f['min']:>13.2f} "
            f"{cpu:>18} {TARGET_RATIO:>7.1f}  {'yes' if r['median'] <= TARGET_RATIO else 'no'}"
        )
    loads = [x for row in rows for pair in row["load"] for x in pair]
    print(f"1-minute load average during the runs: {min(loads):.1f} to {max(loads):.1f}")
    for row in rows:
        p = min(row["phases"], key=lambda x: x["wall"])
        print(
            f"jobs {row['jobs']}, fastest batch: wall {p['wall']:.1f} s; summed over notebooks {p['notebooks']:.1f} s "
            f"(kernel start {p['kernel_start']:.1f}, execute {p['execute']:.1f} incl. kernel start, HTML {p['html']:.1f}); "
            f"{p['forked']} of {n} kernels forked from the kernel server"
        )
    if command is not None:
        c, f, r = command["command"], command["floor_command"], command["ratio"]
        print(
            f"whole command, default jobs ({report.default_jobs()}): python -m analysis report --out TMP "
            f"{c['min']:.1f} / {c['median']:.1f} / {c['max']:.1f} s (min / median / max); floor command "
            f"{f['min']:.1f} / {f['median']:.1f} / {f['max']:.1f} s; ratio {r['median']:.2f} (median of pairs), "
            f"{c['min'] / f['min']:.2f} (fastest of each); target {TARGET_RATIO}: {'met' if r['median'] <= TARGET_RATIO else 'not met'}"
        )
        if "make" in command:
            m, r = command["make"], command["make_ratio"]
            print(
                f"make report (set-up done; its set-up check included): {m['min']:.1f} / {m['median']:.1f} / "
                f"{m['max']:.1f} s; against the floor command {r['median']:.2f} (median of pairs), "
                f"{m['min'] / f['min']:.2f} (fastest of each); target {TARGET_RATIO}: "
                f"{'met' if r['median'] <= TARGET_RATIO else 'not met'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
