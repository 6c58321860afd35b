"""The output folder: atomic part files, the done-ledger, the lock, and what a new run
finds there (what is done, what to tidy after an interrupted or older run).

The ledger's ``code_version`` column is :data:`CODE_VERSION`, a hash of the code that
produces the tables: a re-run redoes the articles written by other code.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import __version__
from ...corpus.tables import KINDS, LEDGER_DIR, parts

FORMATS = ("parquet", "csv")
LEDGER_COLUMNS = ["key", "status", "article", "code_version"]


def _code_version() -> str:
    """A short hash of the code that produces the tables (and the NLTK version it calls):
    this package (:mod:`analysis.batch.pipeline`) and every module and word list of the
    library it imports."""
    from importlib.metadata import version

    from ...codeversion import source_digest

    digest = hashlib.sha256(f"{__version__} nltk {version('nltk')}".encode())
    digest.update(source_digest(__package__).encode())
    return digest.hexdigest()[:12]


#: Changes whenever the analysis code changes: done articles are redone under new code.
CODE_VERSION = _code_version()


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


@contextlib.contextmanager
def _guarded(out: Path):
    """Hold an OS lock on the folder ``OUT`` itself (released by the system if the process
    dies), so that starting runs check and take ``OUT/_lock`` one at a time."""
    try:
        import fcntl
    except ImportError:  # no flock: the check is then as good as the file system makes it
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _locked(out: Path):
    """Refuse a second run on the same folder while one is writing to it (``OUT/_lock``).

    The lock names its owner's process id; one left by a run that was killed is taken over.
    Checking and taking it happen under an OS lock (:func:`_guarded`), and the owner is
    written before the lock appears (a link to a complete file), so two runs started at the
    same moment never both write, and no run ever reads an empty lock.
    """
    lock = out / "_lock"
    with _guarded(out):
        try:
            owner = lock.read_text().strip()
        except FileNotFoundError:  # no lock, or its owner let go of it just now (release is not guarded)
            owner = None
        if owner is not None:
            if owner.isdigit() and _alive(int(owner)):
                raise ValueError(f"another run (process {owner}) is writing to {out}; wait for it to finish or stop it")
            lock.unlink(missing_ok=True)  # left by a run that was killed
        fd, tmp = tempfile.mkstemp(prefix="._lock-", dir=out)
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(str(os.getpid()))
            try:
                os.link(tmp, lock)  # appears whole, or not at all
            except FileExistsError:
                raise ValueError(f"cannot lock {out}: another run took {lock} at the same moment") from None
            except OSError:  # no hard links on this file system
                os.replace(tmp, lock)
        finally:
            Path(tmp).unlink(missing_ok=True)
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
