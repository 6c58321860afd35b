"""How a run is going and what it did: the progress line, how many inputs there are, the
:class:`RunSummary` (counts, time per step, peak memory)."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ... import corpus as corpusmod
from ...corpus.readers import csv_reader, table_text
from .articles import STEPS


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
            with open(path, "rb") as raw:  # lines as the reader splits them: \n, \r\n or \r
                return sum(1 for line in table_text(raw, newline=None) if line.strip())
        return 1
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _count_csv_rows(path: Path) -> int:
    with open(path, "rb") as raw:
        reader = csv_reader(raw)
        next(reader, None)
        return sum(1 for row in reader if any(v.strip() for v in row))
