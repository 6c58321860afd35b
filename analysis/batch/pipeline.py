"""Corpus mode: every per-article analysis over a whole archive, streamed, parallel, resumable.

:func:`run_corpus` reads an input as :func:`analysis.corpus.iter_articles` does (a folder of
``.txt``, a manifest, a ``.csv`` or a ``.jsonl``; one article at a time), runs
:func:`analyze_article` on every article (sentences, sentiment, entities, sources, frames)
and writes one table per kind to an output folder, as Parquet or CSV::

    OUT/articles/part-00000.parquet   one row per article (metadata, lengths, content hash)
    OUT/sentences/part-00000.parquet  one row per sentence
    OUT/sentiment/...                 VADER scores per sentence, with compact evidence
    OUT/entities/...                  PERSON / ORGANIZATION / LOCATION / DATE mentions
    OUT/quotes/...                    attributed statements (who says what, how)
    OUT/frames/...                    frame cue matches per sentence
    OUT/rejects/...                   inputs that were skipped, and why
    OUT/_ledger/part-00000.tsv        what each part holds (the done-ledger)
    OUT/_lock                         present while a run writes to OUT

The columns of every table are in :data:`TABLES`; offsets (``start``, ``end``, ...) are
character offsets into the article's cleaned text, as everywhere in the suite.

How the run stays steady on a large archive:

* **Streaming.** Articles are read, analysed and written in chunks of ``chunk_size``; at
  most two chunks are in memory (one being analysed, one being written), and the inputs
  of the next one being read and cleaned.
* **Atomic output.** Each chunk becomes one part file per table, written to a hidden
  temporary file and moved into place with :func:`os.replace`. The chunk's ledger part is
  written last: it is the commit. A part without its ledger part (the run stopped between
  the two) is removed on the next run; so is a stray temporary file. Ctrl-C waits until the
  chunk being written is complete.
* **Resume.** The ledger lists, for every input handled, a key: the SHA-256 of the
  article's text and metadata (the ``hash`` column of ``articles``) with the
  :data:`CODE_VERSION` that produced it. A re-run skips every article already done by the
  same code; parts written by other code are removed and their articles done again.
* **Parallel.** ``jobs`` worker processes (``spawn``/``forkserver``-safe: the work is the
  top-level functions :func:`load_batch`, :func:`analyze_batch` and :func:`encode_part`;
  with ``forkserver`` the server loads the models once and the workers share them), or a
  Dask cluster (``engine="dask"``; the workers need this package and the NLTK data
  installed). Results come back in input order and chunk boundaries do not depend on the
  number of workers, so the tables are the same whatever ``jobs`` and ``engine`` are.
* **A small main process.** With workers, the main process only reads the input
  (:func:`analysis.corpus.iter_inputs`), keeps the ledger and writes the files: the
  workers clean the text and check its language (:func:`load_batch`), analyse
  (:func:`analyze_batch`) and encode each chunk's part files (:func:`encode_part`), and
  the rows pass through the main process as pickled bytes. So it needs neither NLTK nor
  pandas nor pyarrow, and holds no rows as Python objects (30 MB at its peak instead of
  170 before, in ``benchmarks/bench_pipeline.py``).
* **Concurrent runs.** ``OUT/_lock`` holds the process id of the run writing to ``OUT``; a
  second run on the same folder is refused while that process lives.

:func:`read_table` and :func:`read_tables` load the output back (both formats give the
same frames: list columns as Python lists); :func:`scored_sentences` gives the sentence
tone table the notebooks use.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import hashlib
import importlib.util
import itertools
import json
import math
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__
from .. import corpus as corpusmod
from ..corpus.tables import (  # noqa: F401  (TABLES, KINDS and the readers re-exported)
    KINDS,
    LEDGER_DIR,
    LIST_TYPES,
    PART,
    TABLES,
    arrow_schema,
    parts,
    read_table,
    read_tables,
    scored_sentences,
    to_frame,
    typed,
)

if TYPE_CHECKING:
    import pandas as pd

#: The per-article analyses, in the order they run (keys of the time summary).
STEPS = ("sentences", "articles", "sentiment", "entities", "quotes", "frames")
FORMATS = ("parquet", "csv")
ENGINES = ("local", "dask")
LEDGER_COLUMNS = ["key", "status", "article", "code_version"]
def _code_version() -> str:
    """A short hash of the code that produces the tables (and the NLTK version it calls):
    this module and every module and word list of the package it imports."""
    from importlib.metadata import version

    from ..codeversion import source_digest

    digest = hashlib.sha256(f"{__version__} nltk {version('nltk')}".encode())
    digest.update(source_digest(__name__).encode())
    return digest.hexdigest()[:12]


#: Changes whenever the analysis code changes: done articles are redone under new code.
CODE_VERSION = _code_version()


def content_hash(article: corpusmod.Article) -> str:
    """SHA-256 of an article's text and the metadata written to the ``articles`` table."""
    fields = [article.id, article.headline, article.outlet, article.published, article.url,
              article.language, article.translation, article.encoding, article.notes, article.text]  # fmt: skip
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _reject_key(reject: corpusmod.Reject) -> str:
    return "reject:" + hashlib.sha256(json.dumps([reject.source, reject.id, reject.reason]).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- one article


@dataclass
class ArticleResult:
    """What :func:`analyze_article` found in one article.

    ``tables`` maps each kind of :data:`TABLES` (but ``rejects``) to its rows, column by
    column (``{column: [values]}``); ``error`` is set (and ``tables`` empty) when an
    analysis failed on this article; ``seconds`` is the time spent in each step; ``words``
    the article's word count (as in its ``articles`` row).
    """

    article: str
    key: str
    position: int = 0
    source: str = ""
    tables: dict[str, dict[str, list]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    error: str = ""
    words: int = 0

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables as DataFrames (list columns hold Python lists)."""
        return {kind: to_frame(kind, cols) for kind, cols in self.tables.items()}


def analyze_article(article: corpusmod.Article, *, position: int = 0, evidence: bool = True) -> ArticleResult:
    """Run every per-article analysis on one article.

    Args:
        article: a loaded article (:func:`analysis.corpus.load_article`, ``iter_articles``).
        position: its index in the input (written to the ``articles`` table).
        evidence: add the sentiment ``evidence`` column (cheap: VADER's own computation
            made visible); ``False`` leaves it empty.

    Returns:
        An :class:`ArticleResult`. An analysis that raises on this article gives a result
        with ``error`` set ("quotes: ValueError: ..."), so one odd article never stops a
        batch; a missing NLTK data package is raised, since every article would fail.

    References:
        See the modules it calls: :mod:`analysis.sentiment` (Hutto & Gilbert 2014),
        :mod:`analysis.entities`, :mod:`analysis.sources`, :mod:`analysis.framing`
        (Semetko & Valkenburg 2000).

    Example:
        >>> from analysis.corpus import Article
        >>> art = Article(id="a1", text='"This budget is a great success," Mayor Ana Ruiz said.')
        >>> result = analyze_article(art)
        >>> result.tables["quotes"]["speaker"], result.tables["sentiment"]["label"]
        (['Ana Ruiz'], ['positive'])
    """
    from ..nlp import entities as entmod
    from .. import framing, sentiment, sources
    from ..nlp import nltk_data as nltkdata

    key = content_hash(article)
    seconds = dict.fromkeys(STEPS, 0.0)
    tables: dict[str, dict[str, list]] = {}
    step = "sentences"
    try:
        clock = time.perf_counter()
        sents = article.sentences
        n = len(sents)
        ids = [article.id] * n
        sentence_ids = sents["sentence"].tolist()
        starts = sents["start"].tolist()
        texts = sents["text"].tolist()
        paragraphs = sents["paragraph"].tolist()
        tables["sentences"] = {
            "article": ids, "sentence": sentence_ids, "paragraph": paragraphs,
            "start": starts, "end": sents["end"].tolist(), "text": texts,
        }  # fmt: skip
        clock = _lap(seconds, "sentences", clock)

        step = "articles"
        summary = article.summary()
        summary = {**summary, "article": summary["id"], "position": position, "hash": key}
        tables["articles"] = {c: [summary[c]] for c, _ in TABLES["articles"]}
        clock = _lap(seconds, "articles", clock)

        step = "sentiment"
        scored = sentiment.score_columns(texts, evidence=evidence)
        table = {"article": ids, "sentence": sentence_ids}
        for col in ("neg", "neu", "pos", "compound", "label"):
            table[col] = scored[col]
        if evidence:
            table["evidence"] = [
                [{"entry": e["entry"], "start": base + e["start"], "end": base + e["end"], "valence": e["valence_final"]} for e in found]
                for base, found in zip(starts, scored["evidence"])
            ]  # fmt: skip
        else:
            table["evidence"] = [[] for _ in range(n)]
        tables["sentiment"] = table
        clock = _lap(seconds, "sentiment", clock)

        step = "entities"
        ents = entmod.extract_entities(article.parsed)
        tables["entities"] = _columns("entities", ents, article.id)
        clock = _lap(seconds, "entities", clock)

        step = "quotes"
        quotes = sources.quote_columns(article.parsed)
        tables["quotes"] = _columns("quotes", quotes, article.id)
        clock = _lap(seconds, "quotes", clock)

        step = "frames"
        hits = framing.frame_columns(texts, starts, sentence_ids, paragraphs)
        tables["frames"] = _columns("frames", hits, article.id)
        _lap(seconds, "frames", clock)
    except nltkdata.MissingNLTKDataError:
        raise
    except Exception as err:  # one odd article must not stop the batch
        message = " ".join(str(err).split())[:300]
        error = f"{step}: {type(err).__name__}: {message}"
        return ArticleResult(article.id, key, position, article.source, {}, seconds, error)
    return ArticleResult(article.id, key, position, article.source, tables, seconds, words=summary["words"])


def _lap(seconds: dict[str, float], step: str, since: float) -> float:
    now = time.perf_counter()
    seconds[step] += now - since
    return now


def _columns(kind: str, data: pd.DataFrame | dict[str, list], article_id: str) -> dict[str, list]:
    """The columns of a table kind, from a frame or from lists, with the article id first."""
    names = [col for col, _ in TABLES[kind][1:]]
    if not isinstance(data, dict):  # a DataFrame
        return {"article": [article_id] * len(data), **{col: data[col].tolist() for col in names}}
    n = len(data[names[0]]) if names else 0
    return {"article": [article_id] * n, **{col: data[col] for col in names}}


def load_batch(items: list[corpusmod.RawArticle | corpusmod.Reject], allow_non_english: bool = False) -> tuple[list[corpusmod.Article | corpusmod.Reject], float]:
    """Clean inputs read by :func:`analysis.corpus.iter_inputs` into articles (or rejects:
    no text left, not English), in order; rejects pass through. Sent to a worker, so the
    process that reads needs no NLTK. Also returns the seconds it took."""
    clock = time.perf_counter()
    loaded = [item if isinstance(item, corpusmod.Reject) else item.load(allow_non_english=allow_non_english) for item in items]
    return loaded, time.perf_counter() - clock


def analyze_batch(
    items: list[tuple[int, corpusmod.Article]], evidence: bool = True, *, pack: bool = False
) -> tuple[list[ArticleResult], dict[str, dict[str, list] | bytes], int]:
    """:func:`analyze_article` on ``(position, article)`` pairs, in order; the unit of work
    sent to a worker.

    Returns the results without their tables; the rows of the whole batch, table by table
    in input order (``{kind: {column: [values]}}``, failed articles left out), each table
    pickled to bytes with ``pack`` so that the main process hands them on to
    :func:`encode_part` without unpickling them; and the worker's peak resident memory in
    KiB (0 where the platform does not tell).
    """
    results = []
    rows: dict[str, dict[str, list]] = {kind: {col: [] for col, _ in TABLES[kind]} for kind in KINDS if kind != "rejects"}
    for position, article in items:
        result = analyze_article(article, position=position, evidence=evidence)
        for kind, cols in result.tables.items():
            _append(rows[kind], cols)
        results.append(dataclasses.replace(result, tables={}))
    if pack:
        return results, {kind: pickle.dumps(cols, protocol=pickle.HIGHEST_PROTOCOL) for kind, cols in rows.items()}, _peak_rss_kib()
    return results, rows, _peak_rss_kib()


def encode_part(batches: list[dict[str, dict[str, list] | bytes]], rejects: dict[str, list], fmt: str = "parquet") -> tuple[dict[str, bytes], float, int]:
    """The part files of one chunk, as bytes: the rows of its batches (from
    :func:`analyze_batch`, in order) and its ``rejects`` rows, each table encoded as
    Parquet or CSV. Sent to a worker, so the main process needs neither pandas nor pyarrow;
    one table is unpacked at a time.

    Returns ``{kind: file content}`` for every table with rows, the seconds it took and the
    worker's peak resident memory in KiB.
    """
    clock = time.perf_counter()
    files = {}
    for kind in KINDS:
        table = {col: [] for col, _ in TABLES[kind]}
        for cols in [rejects] if kind == "rejects" else [batch[kind] for batch in batches]:
            _append(table, pickle.loads(cols) if isinstance(cols, bytes) else cols)
        if table[TABLES[kind][0][0]]:
            files[kind] = _encode(kind, table, fmt)
    return files, time.perf_counter() - clock, _peak_rss_kib()


def _peak_rss_kib() -> int:
    """This process's peak resident memory in KiB (0 where the platform does not tell).

    Linux's ``VmHWM`` where there is one: ``getrusage`` also counts the memory of the
    process that started this one when that used ``vfork`` (as :mod:`subprocess` does).
    """
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, which stops them after a clean commit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --------------------------------------------------------------------------- writing


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write with ``write(tmp)`` to a hidden temporary file, then move it into place."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _encode(kind: str, columns: dict[str, list], fmt: str) -> bytes:
    """One table's rows as the content of a Parquet or CSV file."""
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pydict({col: columns[col] for col, _ in TABLES[kind]}, schema=arrow_schema(kind))
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        return sink.getvalue().to_pybytes()
    import pandas as pd

    frame = pd.DataFrame({col: columns[col] for col, _ in TABLES[kind]})
    for col, typ in TABLES[kind]:
        if typ in LIST_TYPES:
            frame[col] = [json.dumps(v, ensure_ascii=False) for v in frame[col]]
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _write_part(out: Path, kind: str, number: int, content: bytes, fmt: str) -> None:
    folder = out / kind
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomic(folder / f"part-{number:05d}.{fmt}", lambda tmp: tmp.write_bytes(content))


def _write_ledger(out: Path, number: int, rows: list[tuple[str, str, str]]) -> None:
    folder = out / LEDGER_DIR
    folder.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(LEDGER_COLUMNS)
            writer.writerows((key, status, article, CODE_VERSION) for key, status, article in rows)

    _write_atomic(folder / f"part-{number:05d}.tsv", write)


@contextlib.contextmanager
def _interrupts_deferred():
    """Hold Ctrl-C until the block is done (a chunk commit is never left half-written)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


# --------------------------------------------------------------------------- output folder


@contextlib.contextmanager
def _locked(out: Path):
    """Refuse a second run on the same folder while one is writing to it (``OUT/_lock``)."""
    lock = out / "_lock"
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            owner = lock.read_text().strip()
            if owner.isdigit() and _alive(int(owner)):
                raise ValueError(f"another run (process {owner}) is writing to {out}; wait for it to finish or stop it") from None
            lock.unlink(missing_ok=True)  # left by a run that was killed
    else:
        raise ValueError(f"cannot lock {out}: {lock} keeps coming back")
    with os.fdopen(fd, "w") as fh:
        fh.write(str(os.getpid()))
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe liveness check: trust the lock (delete OUT/_lock by hand after a crash)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_ledger_part(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@dataclass
class _State:
    done: dict[str, str]  # key -> status ("done" or "rejected")
    ids: set[str]  # article ids already written
    next_part: int
    cleaned: list[str]  # what was removed, for the user


def _prepare_output(out: Path, fmt: str) -> _State:
    """Tidy ``out`` after an interrupted or older run and read what is already done."""
    out.mkdir(parents=True, exist_ok=True)
    other = [f for f in FORMATS if f != fmt]
    for kind in KINDS:
        for path in parts(out / kind).values():
            if path.suffix[1:] in other:
                raise ValueError(
                    f"{out} already holds {path.suffix[1:]} output ({path.relative_to(out)}); "
                    f"run with --format {path.suffix[1:]} or choose another --out folder"
                )
    cleaned: list[str] = []
    for folder in [out / kind for kind in KINDS] + [out / LEDGER_DIR]:
        if folder.is_dir():
            for tmp in folder.glob(".part-*.tmp-*"):
                tmp.unlink()
                cleaned.append(f"temporary file {tmp.relative_to(out)}")
    done: dict[str, str] = {}
    ids: set[str] = set()
    committed: set[int] = set()
    stale: dict[str, int] = {}
    for number, path in sorted(parts(out / LEDGER_DIR).items()):
        rows = _read_ledger_part(path)
        versions = {r["code_version"] for r in rows}
        if versions and versions != {CODE_VERSION}:
            for version in versions:
                stale[version] = stale.get(version, 0) + 1
            path.unlink()  # its table parts become orphans and go below
            continue
        committed.add(number)
        for row in rows:
            done[row["key"]] = row["status"]
            if row["status"] == "done":
                ids.add(row["article"])
    if stale:
        cleaned.append(
            f"{sum(stale.values())} part(s) written by other code (version {', '.join(sorted(stale))}); "
            "their articles are analysed again"
        )
    highest = max(committed, default=-1)
    for kind in KINDS:
        for number, path in parts(out / kind).items():
            if number not in committed:
                path.unlink()
                cleaned.append(f"incomplete chunk file {path.relative_to(out)}")
    return _State(done, ids, highest + 1, cleaned)


def count_inputs(path: str | Path) -> int | None:
    """How many inputs (articles or rejects) :func:`analysis.corpus.iter_articles` will yield,
    counted without loading any text; ``None`` when that cannot be told cheaply."""
    path = Path(path)
    try:
        if path.is_dir():
            manifest = path / "manifest.csv"
            if manifest.exists():
                return _count_csv_rows(manifest)
            suffixes = corpusmod.TEXT_SUFFIXES + corpusmod.HTML_SUFFIXES
            return sum(1 for p in path.iterdir() if p.suffix.lower() in suffixes)
        if not path.exists():
            return 1
        if path.suffix.lower() == ".csv":
            return _count_csv_rows(path)
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        return 1
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _count_csv_rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        return sum(1 for row in reader if any(v.strip() for v in row))


# --------------------------------------------------------------------------- engines


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

            context.set_forkserver_preload(["analysis.batch.pipeline"])
            with _environ({_PRELOAD_ENV: "1", _ARROW_POOL_ENV: os.environ.get(_ARROW_POOL_ENV) or "system"}):
                forkserver.ensure_running()
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init)

    def submit(self, fn, *args, **kwargs) -> Future:
        return self.pool.submit(fn, *args, **kwargs)

    def close(self, *, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


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


# --------------------------------------------------------------------------- the run


@dataclass
class RunSummary:
    """What a :func:`run_corpus` call did.

    ``seconds`` holds the time per analysis step (summed over workers: with several jobs
    the steps add up to more than the wall time), plus ``load`` (reading the input, in the
    main process, and cleaning it, in the workers) and ``write`` (encoding the parts, in
    the workers, and writing them and the ledger). ``peak_rss_mib``
    is the peak resident memory of the main process; ``worker_peak_rss_mib`` the largest
    peak of any worker (the main process itself with ``jobs=1``).
    """

    out: Path
    format: str
    done: int = 0
    skipped: int = 0
    rejected: int = 0
    failed: int = 0
    parts: int = 0
    interrupted: bool = False
    wall: float = 0.0
    words: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(("load", *STEPS, "write"), 0.0))
    peak_rss_mib: float = 0.0
    worker_peak_rss_mib: float = 0.0
    cleaned: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary the command prints."""
        steps = ", ".join(f"{k} {v:.1f}s" for k, v in self.seconds.items())
        verb = "interrupted after" if self.interrupted else "analysed"
        return (
            f"{verb} {self.done:,} articles ({self.skipped:,} skipped: already done; "
            f"{self.rejected:,} rejected) in {_clock(self.wall)} -> {self.out} ({self.format}). "
            f"Where the time went: {steps}"
        )


@dataclass
class _Chunk:
    number: int
    rejects: list[tuple[int, corpusmod.Reject]]
    futures: list[Any]


class _Progress:
    """One progress line on stderr: inputs handled, rate, time left."""

    def __init__(self, stream: TextIO | None, total: int | None):
        self.stream = stream
        self.total = total
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.started = self.last = time.perf_counter()

    def show(self, handled: int, summary: RunSummary, *, final: bool = False) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if not final and now - self.last < (0.5 if self.tty else 10.0):
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = summary.done / elapsed
        where = f"{handled:,}/{self.total:,} inputs ({100 * handled / self.total:.0f}%)" if self.total else f"{handled:,} inputs"
        left = ""
        if self.total and handled and not final:
            left = f" | {_clock((self.total - handled) * elapsed / handled)} left"
        line = (
            f"analyze: {where} | {summary.done:,} done, {summary.skipped:,} skipped, "
            f"{summary.rejected:,} rejected | {rate:.1f} articles/s{left}"
        )
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else "\x1b[K"))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, s = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{s:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


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
        )  # fmt: skip


def _run(input, out: Path, *, format, jobs, engine, scheduler, limit, chunk_size, evidence, allow_non_english, progress) -> RunSummary:
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
        futures = [executor.submit(analyze_batch, articles[i : i + size], evidence, pack=pack) for i in range(0, len(articles), size)]
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


def _append(table: dict[str, list], cols: dict[str, list]) -> None:
    for col, values in cols.items():
        table[col].extend(values)


if os.environ.get(_PRELOAD_ENV) == "1":  # imported by the fork server of run_corpus(jobs > 1)
    warm_up()
