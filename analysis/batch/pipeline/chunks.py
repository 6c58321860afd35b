"""The units of work a worker does on a chunk: clean its inputs (:func:`load_batch`),
analyse its articles (:func:`analyze_batch`) and encode its part files (:func:`encode_part`).

Top-level functions, so that ``spawn``, ``forkserver`` and Dask workers can receive them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import pickle
import sys
import time

from ... import corpus as corpusmod
from ...corpus.tables import KINDS, LIST_TYPES, TABLES, arrow_schema
from .articles import ArticleResult, analyze_article


def load_batch(items: list[corpusmod.RawArticle | corpusmod.Reject], allow_non_english: bool = False) -> tuple[list[corpusmod.Article | corpusmod.Reject], float]:
    """Clean inputs read by :func:`analysis.corpus.iter_inputs` into articles (or rejects:
    no text left, not English), in order; rejects pass through. Sent to a worker, so the
    process that reads needs no NLTK. Also returns the seconds it took."""
    clock = time.perf_counter()
    loaded = [item if isinstance(item, corpusmod.Reject) else item.load(allow_non_english=allow_non_english) for item in items]
    return loaded, time.perf_counter() - clock


def analyze_batch(
    items: list[tuple[int, corpusmod.Article]], evidence: bool = True, *, pack: bool = False, time_limit: float | None = None
) -> tuple[list[ArticleResult], dict[str, dict[str, list] | bytes], int]:
    """:func:`analyze_article` on ``(position, article)`` pairs, in order; the unit of work
    sent to a worker. ``time_limit``: seconds each article may take (see :func:`analyze_article`).

    Returns the results without their tables; the rows of the whole batch, table by table
    in input order (``{kind: {column: [values]}}``, failed articles left out), each table
    pickled to bytes with ``pack`` so that the main process hands them on to
    :func:`encode_part` without unpickling them; and the worker's peak resident memory in
    KiB (0 where the platform does not tell).
    """
    results = []
    rows: dict[str, dict[str, list]] = {kind: {col: [] for col, _ in TABLES[kind]} for kind in KINDS if kind != "rejects"}
    for position, article in items:
        result = analyze_article(article, position=position, evidence=evidence, time_limit=time_limit)
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


def _append(table: dict[str, list], cols: dict[str, list]) -> None:
    for col, values in cols.items():
        table[col].extend(values)
