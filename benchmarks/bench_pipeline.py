"""Time corpus mode (``python -m analysis analyze INPUT --out DIR``) against the bare NLTK calls.

Run on demand, not in CI::

    python benchmarks/bench_pipeline.py [--sizes 1000 10000] [--jobs 1 2] [--repeat 1] [--format parquet] [--json]

For each size a synthetic corpus is built by recombining the seed reports' sentences (so
the articles have quotes, names and sentiment; see :func:`synthetic_articles`) and written
to a temporary ``.jsonl``. Then, each in a fresh process:

* the pipeline (:func:`analysis.batch.pipeline.run_corpus`) with every ``--jobs`` value, into a
  temporary output folder: articles/s, words/s, wall time, where the time went, and peak
  memory;
* the bare NLTK calls the pipeline makes, once each, on the same texts: ``sent_tokenize``
  on every text, then on every sentence ``word_tokenize``, ``pos_tag`` and VADER's
  ``polarity_scores`` (models loaded before timing starts). They are timed before each
  round of pipeline runs and once more after the last, and the fastest time is kept: on a
  shared machine the slower ones are those other work slowed down, and keeping the
  fastest can only make the pipeline's ratio larger. With ``--repeat N`` every pipeline
  run is repeated N times (rounds alternate with the bare calls) and its fastest run is
  kept too.

The pipeline's overhead is the ratio of its 1-job wall time to the bare calls' time (the
target). The ratio of their CPU times is printed beside it (the least CPU time of the runs
of each; for the pipeline, its workers' included): on a machine busy with other work it
moves less than the wall times. Just before each run with several jobs, the speed-up the
machine gives that many processes on a trivially parallel pure-Python loop is measured too
(``ceiling``): on a shared machine it can be well under the number of cores, and no
pipeline can beat it.

Peak memory is measured two ways. *RSS*: the peak resident set size of the main process
and of the largest worker, each reported by the process itself at the end of its work
(``VmHWM`` of ``/proc/self/status`` on Linux; ``getrusage``'s ``ru_maxrss`` would include
this script's own memory, as the child is started with ``vfork``); "RSS sum" adds the main
process and the largest worker once per worker, an upper bound (the peaks need not
coincide, and pages the processes share, such as library code, count once per process). *Tree PSS*: every 0.5 s the
script adds up the proportional set size (``/proc/PID/smaps_rollup``; shared pages split
among the processes sharing them) of the run's whole process tree and keeps the largest
sum: closest to the memory the run takes from the machine (Linux only; a peak shorter than
0.5 s can be missed). Each run is a fresh process, so one run's peak is not another's.

The script prints a table and where the time went; it writes nothing outside a temporary
folder (``--keep DIR`` keeps the corpora and outputs there).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_OVERHEAD = 1.10
TARGET_SPEEDUP = 1.7
TARGET_MEMORY_GROWTH = 0.10
TARGET_MEMORY_MIB = 500
OUTLETS = ("Izvestia", "The Moscow Times", "Kommersant", "Vedomosti", "Reuters", "TASS")


def seed_units() -> list[list[str]]:
    """The seed reports' sentences, grouped so that no unit leaves a quotation open.

    Returns one list per seed paragraph; each item is a sentence, or consecutive sentences
    of that paragraph joined when a quotation runs across them.
    """
    from analysis import config
    from analysis.corpus import load_corpus

    paragraphs = []
    for article in load_corpus(config.SEEDS_DIR):
        sents = article.sentences
        for _, group in sents.groupby("paragraph", sort=True):
            units, current = [], []
            for text in group["text"]:
                current.append(text)
                if sum(t.count('"') for t in current) % 2 == 0:
                    units.append(" ".join(current))
                    current = []
            if current:
                units.append(" ".join(current))
            paragraphs.append(units)
    return paragraphs


def synthetic_articles(n: int, *, seed: int = 0):
    """``n`` articles (dicts with ``id, outlet, headline, text``) recombined from seed sentences.

    Each article has 10 to 16 sentence units drawn at random (with replacement) from the two
    seed reports, in paragraphs of one to three units; its headline is the first eight words
    of another unit. Same ``n`` and ``seed``, same articles.
    """
    rng = random.Random(seed)
    units = [u for paragraph in seed_units() for u in paragraph]
    for i in range(n):
        picks = [rng.choice(units) for _ in range(rng.randint(10, 16))]
        paragraphs, k = [], 0
        while k < len(picks):
            size = rng.randint(1, 3)
            paragraphs.append(" ".join(picks[k : k + size]))
            k += size
        headline = " ".join(rng.choice(units).replace('"', "").split()[:8]).rstrip(",.;:")
        yield {"id": f"synthetic_{i:06d}", "outlet": OUTLETS[i % len(OUTLETS)], "headline": headline, "text": "\n\n".join(paragraphs)}


def write_corpus(path: Path, n: int, seed: int) -> int:
    """Write the synthetic corpus as JSON lines; return its word count."""
    from analysis.nlp.tokens import count_words

    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in synthetic_articles(n, seed=seed):
            words += count_words(row["text"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words


# --------------------------------------------------------------------------- child runs


def child_pipeline(corpus: str, out: str, jobs: int, fmt: str) -> dict:
    from analysis.batch.pipeline import run_corpus

    cpu = _cpu_seconds()
    summary = run_corpus(corpus, out, format=fmt, jobs=jobs, progress=None)
    cpu = _cpu_seconds() - cpu
    return {
        "done": summary.done, "rejected": summary.rejected, "skipped": summary.skipped,
        "words": summary.words, "wall": summary.wall, "seconds": summary.seconds,
        "main_mib": summary.peak_rss_mib, "worker_mib": summary.worker_peak_rss_mib,
        "workers": jobs if jobs > 1 else 0, "cpu": cpu,
    }  # fmt: skip


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and by its children that have ended (the workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def child_bare(corpus: str) -> dict:
    """The NLTK calls the pipeline makes, once each, on the same texts."""
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from analysis.nlp import nltk_data as nltkdata

    nltkdata.add_project_path()
    vader = SentimentIntensityAnalyzer()
    nltk.pos_tag(nltk.word_tokenize("Warm up the models.", preserve_line=True))
    nltk.sent_tokenize("Warm up. The models.")
    seconds = {"sent_tokenize": 0.0, "word_tokenize": 0.0, "pos_tag": 0.0, "vader": 0.0}
    n = 0
    clock = time.perf_counter
    cpu = time.process_time()
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            n += 1
            t = clock()
            sentences = nltk.sent_tokenize(text)
            seconds["sent_tokenize"] += clock() - t
            for sentence in sentences:
                t = clock()
                tokens = nltk.word_tokenize(sentence, preserve_line=True)
                t1 = clock()
                nltk.pos_tag(tokens)
                t2 = clock()
                vader.polarity_scores(sentence)
                t3 = clock()
                seconds["word_tokenize"] += t1 - t
                seconds["pos_tag"] += t2 - t1
                seconds["vader"] += t3 - t2
    cpu = time.process_time() - cpu
    return {"articles": n, "seconds": seconds, "total": sum(seconds.values()), "cpu": cpu}


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def parallel_ceiling(jobs: int, n: int = 10_000_000) -> float:
    """Speed-up ``jobs`` processes get over one on a trivially parallel pure-Python loop,
    measured now: what the machine (and whatever else runs on it) allows at best."""
    import multiprocessing

    started = time.perf_counter()
    for _ in range(jobs):
        _spin(n)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        pool.map(_spin, [1000] * jobs)  # start the workers before timing
        started = time.perf_counter()
        pool.map(_spin, [n] * jobs)
        parallel = time.perf_counter() - started
    return serial / parallel


def _tree(root: int) -> list[int]:
    """``root`` and every process below it (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _tree_pss_mib(root: int) -> float:
    """Proportional set size of a process tree: shared pages counted once, split among sharers."""
    total = 0
    for pid in _tree(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def _run_child(*args: str) -> dict:
    """Run a measurement in a fresh process; sample its process tree's memory meanwhile."""
    load_before = os.getloadavg()[0]
    sample = Path("/proc/self/smaps_rollup").exists()
    peak_pss = 0.0
    with subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) as child:
        while child.poll() is None:
            if sample:
                peak_pss = max(peak_pss, _tree_pss_mib(child.pid))
            time.sleep(0.5)
        stdout, stderr = child.communicate()
    if child.returncode:
        raise SystemExit(f"benchmark child {args} failed:\n{stderr}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["load"] = (load_before, os.getloadavg()[0])
    result["tree_pss_mib"] = peak_pss if sample else None
    return result


# --------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes in articles (default: 1000 10000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to time (default: 1 2)")
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet", help="output format (default: parquet)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the synthetic corpus (default: 0)")
    parser.add_argument("--repeat", type=int, default=1, help="time each run this many times and keep the fastest (default: 1)")
    parser.add_argument("--keep", metavar="DIR", help="keep the corpora and outputs in DIR")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        result = child_bare(*rest) if kind == "bare" else child_pipeline(rest[0], rest[1], int(rest[2]), rest[3])
        print(json.dumps(result))
        return 0
    if min(args.sizes) < 1 or min(args.jobs) < 1 or args.repeat < 1:
        parser.error("--sizes, --jobs and --repeat must be at least 1")

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    work.mkdir(parents=True, exist_ok=True)
    rows, bare = [], {}
    for size in args.sizes:
        corpus = work / f"synthetic_{size}.jsonl"
        words = write_corpus(corpus, size, args.seed)
        bare_runs = []
        for repeat in range(args.repeat):
            bare_runs.append(_run_child("bare", str(corpus)))
            for jobs in args.jobs:
                out = work / f"out_{size}_{jobs}"
                if out.exists():
                    import shutil

                    shutil.rmtree(out)
                ceiling = parallel_ceiling(jobs) if jobs > 1 else None
                run = _run_child("pipeline", str(corpus), str(out), str(jobs), args.format)
                run.update(size=size, jobs=jobs, corpus_words=words, ceiling=ceiling, repeat=repeat)
                rows.append(run)
                if not args.json:
                    print(f"  measured: {size} articles, {jobs} job(s), run {repeat + 1}: {run['wall']:.1f}s", file=sys.stderr)
        # the bare calls again after the pipeline's runs; the fastest run is kept (the one
        # least slowed by other work), which can only make the pipeline's ratio larger
        bare_runs.append(_run_child("bare", str(corpus)))
        bare[size] = min(bare_runs, key=lambda b: b["total"])
        bare[size]["runs"] = [b["total"] for b in bare_runs]
        bare[size]["cpu"] = min(b["cpu"] for b in bare_runs)
        bare[size]["words"] = words
    # of repeated pipeline runs, the fastest of each (size, jobs) is kept, as for the bare calls
    runs_of: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        runs_of.setdefault((row["size"], row["jobs"]), []).append(row)
    rows = []
    for runs in runs_of.values():
        best = dict(min(runs, key=lambda r: r["wall"]))
        best["runs"] = [r["wall"] for r in runs]
        best["cpu"] = min(r["cpu"] for r in runs)
        rows.append(best)

    for row in rows:
        row["articles_per_s"] = row["done"] / row["wall"]
        row["words_per_s"] = row["words"] / row["wall"]
        row["total_mib"] = row["main_mib"] + row["workers"] * row["worker_mib"]
        row["x_bare"] = row["wall"] / bare[row["size"]]["total"]
        row["cpu_x_bare"] = row["cpu"] / bare[row["size"]]["cpu"]
        one = next((r for r in rows if r["size"] == row["size"] and r["jobs"] == 1), None)
        row["speedup"] = one["wall"] / row["wall"] if one else None
    machine = f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}"
    if args.json:
        print(json.dumps({"machine": machine, "runs": rows, "bare": bare}, indent=2))
        return 0
    print_report(rows, bare, machine)
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_report(rows: list[dict], bare: dict, machine: str) -> None:
    print(f"corpus mode on synthetic corpora (seed sentences recombined); {machine}, {os.cpu_count()} cores")
    print("load = the machine's 1-minute load average before and after the run (other work slows every figure);")
    print("ceiling = speed-up the same number of processes got on a trivially parallel loop just before the run")
    header = (
        f"{'articles':>8} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'words/s':>9} "
        f"{'x 1 job':>7} {'ceiling':>7} {'x bare NLTK':>11} {'main RSS':>8} {'worker RSS':>10} {'RSS sum':>7} {'tree PSS':>8} {'load':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        speedup = f"{r['speedup']:.2f}" if r["speedup"] else "-"
        worker = f"{r['worker_mib']:.0f}" if r["workers"] else "-"
        ceiling = f"{r['ceiling']:.2f}" if r["ceiling"] else "-"
        pss = f"{r['tree_pss_mib']:.0f}" if r["tree_pss_mib"] else "-"
        print(
            f"{r['size']:>8,} {r['jobs']:>4} {r['wall']:>8.1f} {r['articles_per_s']:>10.1f} {r['words_per_s']:>9,.0f} "
            f"{speedup:>7} {ceiling:>7} {r['x_bare']:>11.2f} {r['main_mib']:>8.0f} {worker:>10} {r['total_mib']:>7.0f} {pss:>8} "
            f"{r['load'][0]:>4.1f}-{r['load'][1]:<4.1f}"
        )
    print()
    print("bare NLTK calls on the same texts (one process):")
    for size, b in bare.items():
        parts = ", ".join(f"{k} {v:.1f}s" for k, v in b["seconds"].items())
        runs = " and ".join(f"{t:.1f}s" for t in b["runs"])
        print(f"  {size:,} articles: {b['total']:.1f}s, the fastest of {runs} (before each round of pipeline runs and after the last)")
        print(f"    {b['articles'] / b['total']:.1f} articles/s; load {b['load'][0]:.1f}-{b['load'][1]:.1f}: {parts}")
    print()
    print("where the pipeline's time went (seconds; analysis steps summed over workers):")
    for r in rows:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in r["seconds"].items())
        runs = f" (fastest of {', '.join(f'{t:.1f}' for t in r['runs'])})" if len(r["runs"]) > 1 else ""
        print(f"  {r['size']:,} articles, {r['jobs']} job(s), wall {r['wall']:.1f}s{runs}: {parts}")
    print()
    print("targets:")
    for size in sorted(bare):
        one = next((r for r in rows if r["size"] == size and r["jobs"] == 1), None)
        if one:
            ok = one["x_bare"] <= TARGET_OVERHEAD
            print(
                f"  {size:,} articles: pipeline {one['x_bare']:.2f} x bare NLTK (target <= {TARGET_OVERHEAD}): {'met' if ok else 'NOT met'}"
                f" (CPU time {one['cpu_x_bare']:.2f} x; {one['cpu']:.1f}s against {bare[size]['cpu']:.1f}s)"
            )
    for r in rows:
        ok = r["total_mib"] < TARGET_MEMORY_MIB
        print(
            f"  memory, {r['size']:,} articles, {r['jobs']} job(s): {r['total_mib']:.0f} MiB as the sum of per-process "
            f"peak RSS (target < {TARGET_MEMORY_MIB}): {'met' if ok else 'NOT met'}"
        )
    largest = max(bare)
    for r in rows:
        if r["size"] == largest and r["jobs"] == 2 and r["speedup"]:
            ok = r["speedup"] >= TARGET_SPEEDUP
            print(
                f"  {largest:,} articles: 2 jobs {r['speedup']:.2f} x faster than 1 (target >= {TARGET_SPEEDUP}; "
                f"the machine allowed {r['ceiling']:.2f}): {'met' if ok else 'NOT met'}"
            )
    smallest = min(bare)
    if largest != smallest:
        for jobs in sorted({r["jobs"] for r in rows}):
            a = next((r for r in rows if r["size"] == smallest and r["jobs"] == jobs), None)
            b = next((r for r in rows if r["size"] == largest and r["jobs"] == jobs), None)
            if not (a and b):
                continue
            for label, key in (("sum of per-process peak RSS", "total_mib"), ("sampled peak PSS of the process tree", "tree_pss_mib")):
                if a[key] and b[key]:
                    growth = b[key] / a[key] - 1
                    ok = growth <= TARGET_MEMORY_GROWTH and b[key] < TARGET_MEMORY_MIB
                    print(
                        f"  memory, {jobs} job(s), {label}: {a[key]:.0f} -> {b[key]:.0f} MiB ({growth:+.0%}; "
                        f"target within {TARGET_MEMORY_GROWTH:.0%} and < {TARGET_MEMORY_MIB}): {'met' if ok else 'NOT met'}"
                    )


if __name__ == "__main__":
    sys.exit(main())
