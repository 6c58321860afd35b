""":func:`run_corpus`: read the input, hand chunks to the executor, commit their parts in
input order, skip what the ledger lists as done."""

from __future__ import annotations

import importlib.util
import itertools
import math
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ... import corpus as corpusmod
from ...corpus.tables import KINDS, TABLES
from .articles import DEFAULT_TIME_LIMIT, ArticleResult, _reject_key, content_hash
from .chunks import _append, _peak_rss_kib, analyze_batch, encode_part, load_batch
from .executors import ENGINES, _DaskExecutor, _InlineExecutor, _ProcessExecutor, _require_dask, default_jobs
from .output import FORMATS, _interrupts_deferred, _locked, _prepare_output, _write_ledger, _write_part
from .progress import RunSummary, _Progress, count_inputs


@dataclass
class _Chunk:
    number: int
    rejects: list[tuple[int, corpusmod.Reject]]
    futures: list[Any]


def run_corpus(
    input: str | Path,
    out: str | Path,
    *,
    format: str = "parquet",
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    limit: int | None = None,
    chunk_size: int = 200,
    evidence: bool = True,
    allow_non_english: bool = False,
    progress: TextIO | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> RunSummary:
    """Analyse every article of ``input`` and write the tables of :data:`TABLES` to ``out``.

    Args:
        input: a folder of ``.txt`` files, a manifest, a ``.csv`` or a ``.jsonl`` (anything
            :func:`analysis.corpus.iter_articles` reads); it is streamed.
        out: the output folder (created). Running again on the same folder resumes.
        format: ``"parquet"`` or ``"csv"`` (list columns as JSON text).
        jobs: worker processes (default: every core); ``1`` runs in this process. With
            ``engine="dask"``, the number of local workers when no ``scheduler`` is given.
        engine: ``"local"`` (processes on this machine) or ``"dask"``.
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); without it a
            local Dask cluster is started.
        limit: analyse only the first ``limit`` articles of the input.
        chunk_size: articles per part file (and per commit).
        evidence: fill the sentiment ``evidence`` column.
        allow_non_english: analyse articles the language check would refuse.
        progress: stream for the progress line (e.g. ``sys.stderr``); ``None`` for none.
        time_limit: seconds one article may take; a slower one becomes a reject ("took
            longer than N s") and the run goes on. ``None`` or 0: no limit. Not applied
            with ``engine="dask"`` (its tasks run in threads).

    Returns:
        A :class:`RunSummary`. On Ctrl-C the chunks already committed stay, the rest is
        dropped and ``interrupted`` is set; run again to resume.

    Raises:
        ValueError: bad ``format``/``engine``/``jobs``/``chunk_size``, or ``out`` holds
            output in the other format.
        analysis.nlp.nltk_data.MissingNLTKDataError: an NLTK data package is missing.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or chunk_size < 1 or (limit is not None and limit < 0):
        raise ValueError("jobs and chunk_size must be at least 1, and limit at least 0")
    if format == "parquet" and importlib.util.find_spec("pyarrow") is None:  # fail before any work
        raise ImportError("--format parquet needs pyarrow: pip install pyarrow (or use --format csv)")
    if engine == "dask":
        _require_dask()

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        return _run(
            input, out, format=format, jobs=jobs, engine=engine, scheduler=scheduler, limit=limit,
            chunk_size=chunk_size, evidence=evidence, allow_non_english=allow_non_english, progress=progress,
            time_limit=time_limit,
        )  # fmt: skip


def _run(input, out: Path, *, format, jobs, engine, scheduler, limit, chunk_size, evidence, allow_non_english, progress, time_limit) -> RunSummary:
    """The body of :func:`run_corpus`, with ``out`` locked."""
    started = time.perf_counter()
    state = _prepare_output(out, format)
    summary = RunSummary(out=out, format=format, cleaned=state.cleaned)
    total = count_inputs(input)
    if limit is not None:
        total = min(total, limit) if total is not None else limit
    meter = _Progress(progress, total)
    for note in state.cleaned:
        if progress is not None:
            progress.write(f"analyze: removed {note}\n")

    if engine == "dask":
        executor: Any = _DaskExecutor(jobs, scheduler)
        window, batches = 1, executor.workers() * 4
    elif jobs == 1:
        executor, window, batches = _InlineExecutor(), 0, 1
    else:
        executor, window, batches = _ProcessExecutor(jobs), 1, jobs * 4
    # rows cross from worker to worker through this process as pickled bytes (see analyze_batch)
    pack = not isinstance(executor, _InlineExecutor)
    pending: deque[_Chunk] = deque()
    handled = 0
    worker_peak = 0

    def commit(chunk: _Chunk) -> None:
        nonlocal worker_peak
        results: list[ArticleResult] = []
        rows: list[Any] = []
        for future in chunk.futures:
            batch, batch_rows, peak = future.result()
            results.extend(batch)
            rows.append(batch_rows)
            worker_peak = max(worker_peak, peak)
        clock = time.perf_counter()
        rejects: dict[str, list] = {col: [] for col, _ in TABLES["rejects"]}
        ledger: list[tuple[str, str, str]] = []
        for position, reject in chunk.rejects:
            _append(rejects, {"position": [position], "source": [reject.source], "id": [reject.id], "reason": [reject.reason]})
            ledger.append((_reject_key(reject), "rejected", reject.id))
        for result in results:
            for step, secs in result.seconds.items():
                summary.seconds[step] += secs
            if result.error:
                reject = {"position": [result.position], "source": [result.source], "id": [result.article], "reason": [f"analysis failed: {result.error}"]}
                _append(rejects, reject)
                ledger.append((result.key, "rejected", result.article))
                continue
            ledger.append((result.key, "done", result.article))
        order = sorted(range(len(rejects["position"])), key=rejects["position"].__getitem__)
        rejects = {col: [values[i] for i in order] for col, values in rejects.items()}
        summary.seconds["write"] += time.perf_counter() - clock
        files, encode_seconds, peak = executor.submit(encode_part, rows, rejects, format).result()
        worker_peak = max(worker_peak, peak)
        clock = time.perf_counter()
        with _interrupts_deferred():
            for kind in KINDS:
                if kind in files:
                    _write_part(out, kind, chunk.number, files[kind], format)
            _write_ledger(out, chunk.number, ledger)
        summary.seconds["write"] += encode_seconds + time.perf_counter() - clock
        summary.parts += 1
        for result in results:
            if result.error:
                summary.failed += 1
                summary.rejected += 1
            else:
                summary.done += 1
                summary.words += result.words
        meter.show(handled, summary)

    articles: list[tuple[int, corpusmod.Article]] = []
    rejects: list[tuple[int, corpusmod.Reject]] = []
    sources_of: dict[str, str] = {}
    n_articles = 0
    number = state.next_part

    def submit() -> None:
        nonlocal articles, rejects, number
        if not articles and not rejects:
            return
        size = max(1, math.ceil(len(articles) / batches))
        futures = [executor.submit(analyze_batch, articles[i : i + size], evidence, pack=pack, time_limit=time_limit) for i in range(0, len(articles), size)]
        pending.append(_Chunk(number, rejects, futures))
        number += 1
        articles, rejects = [], []
        while len(pending) > window:
            commit(pending.popleft())

    # read here and cleaned by the workers about one chunk ahead, in batches as large as the
    # analysis's (no larger than the limit: what is read beyond it is cleaned for nothing)
    size = math.ceil(chunk_size / batches) if limit is None else max(1, min(math.ceil(chunk_size / batches), limit))
    stream = _load_ahead(
        corpusmod.iter_inputs(input), executor, size=size, ahead=batches, allow_non_english=allow_non_english,
        seconds=summary.seconds,
    )  # fmt: skip
    try:
        position = -1
        while limit is None or n_articles < limit:
            item = next(stream, None)
            if item is None:
                break
            position += 1
            handled += 1
            if isinstance(item, corpusmod.Reject):
                summary.rejected += 1
                if _reject_key(item) not in state.done:
                    rejects.append((position, item))
            else:
                n_articles += 1
                key = content_hash(item)
                status = state.done.get(key)
                if status == "done":
                    summary.skipped += 1
                    # a later duplicate of it gets the reject (and ledger key) of the first run
                    sources_of.setdefault(item.id, item.source)
                elif status == "rejected":
                    summary.rejected += 1
                elif item.id in state.ids or item.id in sources_of:
                    summary.rejected += 1
                    reject = corpusmod.Reject(item.source, f"duplicate id '{item.id}' (already analysed{' from ' + sources_of[item.id] if item.id in sources_of else ''})", item.id)
                    if _reject_key(reject) not in state.done:
                        rejects.append((position, reject))
                else:
                    sources_of[item.id] = item.source
                    articles.append((position, item))
            if len(articles) >= chunk_size or len(rejects) >= 4 * chunk_size:
                submit()
            meter.show(handled, summary)
        submit()
        while pending:
            commit(pending.popleft())
    except KeyboardInterrupt:
        summary.interrupted = True
        for chunk in pending:
            for future in chunk.futures:
                future.cancel()
        pending.clear()
    finally:
        stream.close()
        if isinstance(executor, (_ProcessExecutor, _DaskExecutor)):
            executor.close(cancel=summary.interrupted)
    summary.wall = time.perf_counter() - started
    summary.peak_rss_mib = _peak_rss_kib() / 1024
    summary.worker_peak_rss_mib = (worker_peak / 1024) if worker_peak else summary.peak_rss_mib
    meter.show(handled, summary, final=True)
    return summary


def _load_ahead(
    inputs: Iterator[corpusmod.RawArticle | corpusmod.Reject], executor: Any, *, size: int, ahead: int,
    allow_non_english: bool, seconds: dict[str, float],
) -> Iterator[corpusmod.Article | corpusmod.Reject]:
    """``inputs`` cleaned by :func:`load_batch` on the executor, in input order, with up to
    ``ahead`` batches of ``size`` inputs being cleaned while the caller works. Adds the time
    spent reading and cleaning to ``seconds["load"]``."""
    loading: deque[Any] = deque()
    try:
        while True:
            while len(loading) < ahead:
                clock = time.perf_counter()
                batch = list(itertools.islice(inputs, size))
                seconds["load"] += time.perf_counter() - clock
                if not batch:
                    break
                loading.append(executor.submit(load_batch, batch, allow_non_english))
            if not loading:
                return
            loaded, secs = loading.popleft().result()
            seconds["load"] += secs
            yield from loaded
    finally:
        inputs.close()
