"""A small on-disk cache for per-article analysis results.

Re-running the notebooks on the same articles with the same code gives the same tables, so
the expensive per-article steps are computed once and read back afterwards. A result is
keyed by a SHA-256 of the function's name, the article text, the *code version* (a hash of
the source files of the ``analysis`` modules the function depends on, found by following
their imports) and the keyword options. Any change to the text or to that code gives a new
key, so a stale result is never returned.

Each result is one pickle file under :func:`analysis.config.cache_dir` (``.cache/`` in the
project, or ``MEDIAFRAMES_CACHE_DIR``), written to a temporary file and moved into place
with :func:`os.replace`: readers see either no file or a whole one, even with several
processes writing at once. A file that cannot be read back (truncated, from another pandas,
not a table) is ignored, recomputed and rewritten; a cache folder that cannot be written
only costs the time to recompute. ``MEDIAFRAMES_NO_CACHE=1`` turns the cache off. The key
does not cover the NLTK data: after replacing a model, delete the cache folder.

The cached steps are used through thin wrappers with the same signature as the function
they wrap, e.g. :func:`analysis.sources.cached_extract_quotes` for
:func:`analysis.sources.extract_quotes`; :func:`analysis.compare.quotes_by_article` and
:func:`analysis.sentiment.voice_quotes` call it, so every notebook shares one result per
article. This module imports no analysis: the analyses import it.

Example:
    >>> from analysis.sources import extract_quotes
    >>> cached = cached_frame(extract_quotes)
    >>> cached('"We will win," Mayor Ana Ruiz said.')["speaker"].tolist()
    ['Ana Ruiz']
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import config
from .codeversion import modules_behind, source_digest  # noqa: F401  (modules_behind re-exported)

#: Bump when the stored format changes; part of every key.
FORMAT_VERSION = 1
#: When set, every hit and miss is appended to this file as one line (``hit NAME``), so a
#: parent process (the report batch) can count what its notebook kernels reused.
LOG_ENV = "MEDIAFRAMES_CACHE_LOG"
#: When set to a non-empty value other than ``0``, the cache is neither read nor written.
DISABLE_ENV = config.NO_CACHE_ENV

#: Hits and misses in this process, by event (``hit``, ``miss``).
stats: Counter = Counter()

_MAGIC = "mediaframes-cache"


def enabled() -> bool:
    """False when ``MEDIAFRAMES_NO_CACHE`` is set (to anything but ``0``)."""
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


# --------------------------------------------------------------------------- keys


@functools.cache
def code_version(module: str) -> str:
    """SHA-256 of the source of ``module``, of every module of this package it imports and of
    the word lists they read (:func:`analysis.codeversion.source_digest`), with the versions
    of pandas and Python (results are pickled DataFrames, which a new pandas or Python may
    read differently). For a module outside this package, the hash of its own source file.

    >>> len(code_version("analysis.sources"))
    64
    """
    digest = hashlib.sha256(source_digest(module).encode())
    digest.update(f"pandas {pd.__version__}; python {sys.version_info[:2]}".encode())
    return digest.hexdigest()


def _stable(value) -> object:
    """A JSON-ready, order-stable stand-in for an option value (tables by content hash)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted(_stable(v) for v in value)
    if isinstance(value, pd.DataFrame):
        rows = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        return {"DataFrame": hashlib.sha256(rows + repr(list(value.columns)).encode()).hexdigest()}
    raise TypeError(f"cannot key a cached result on a {type(value).__name__}")


def cache_key(name: str, text: str, version: str, options: dict) -> str:
    """SHA-256 (hex) of the function name, the text, the code version and the options."""
    payload = json.dumps([FORMAT_VERSION, name, version, _stable(options)], sort_keys=True)
    digest = hashlib.sha256(payload.encode("utf-8") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# --------------------------------------------------------------------------- storage


def entry_path(name: str, key: str) -> Path:
    """Where the result of ``name`` with ``key`` is stored."""
    return config.cache_dir() / name / f"{key}.pkl"


def _load(path: Path, key: str, kind: type = pd.DataFrame):
    """The stored ``kind`` of value, or None when there is none or it cannot be trusted."""
    try:
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # truncated, corrupted, or written by an incompatible version
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (_MAGIC, key) and isinstance(stored[2], kind)):
        return None
    return stored[2]


def _store(path: Path, key: str, frame) -> bool:
    """Write atomically (temporary file in the same folder, then :func:`os.replace`)."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}-", suffix=".partial", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((_MAGIC, key, frame), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except Exception:  # a read-only or full disk, or an unpicklable table: recompute next time
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False


def _record(event: str, name: str) -> None:
    stats[event] += 1
    log = os.environ.get(LOG_ENV)
    if log:
        try:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{event} {name}\n")
        except OSError:
            pass


def read_log(path: str | Path) -> Counter:
    """Hits and misses recorded in a :data:`LOG_ENV` file (empty when there is none)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return Counter()
    return Counter(line.split(" ", 1)[0] for line in lines if line.strip())


# --------------------------------------------------------------------------- the wrapper


def cached_frame(func: Callable[..., pd.DataFrame], *, name: str | None = None) -> Callable[..., pd.DataFrame]:
    """Wrap ``func(text, **options) -> DataFrame`` so that its result is cached on disk.

    The wrapper takes the text and keyword options only (the shape of every per-article
    function here) and returns a new DataFrame equal to what ``func`` returns. Its
    ``uncached`` attribute is ``func``.

    Args:
        func: a function of this package that takes the text first.
        name: the name under which results are stored (default: ``module.function``).
    """
    name = name or f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(text: str, **options) -> pd.DataFrame:
        if not enabled() or not isinstance(text, str):
            return func(text, **options)
        try:
            key = cache_key(name, text, code_version(func.__module__), options)
        except TypeError:  # an option or a module the key cannot describe: compute, do not guess
            return func(text, **options)
        path = entry_path(name, key)
        frame = _load(path, key)
        if frame is not None:
            _record("hit", name)
            return frame
        frame = func(text, **options)
        _store(path, key, frame)
        _record("miss", name)
        return frame

    wrapper.uncached = func
    return wrapper


# --------------------------------------------------------------------------- loaded models


def _file_stamps(paths) -> list[list]:
    """``[path, size, modification time]`` of every file at or under ``paths``, in order."""
    stamps = []
    for root in sorted(Path(p) for p in paths):
        files = sorted(f for f in root.rglob("*") if f.is_file()) if root.is_dir() else [root]
        for f in files:
            st = f.stat()
            stamps.append([str(f), st.st_size, st.st_mtime_ns])
    return stamps


def cached_object(name: str, build: Callable[[], object], *, files, module: str):
    """``build()``, kept on disk and read back while nothing it was built from has changed.

    For objects that take long to build and little to read, such as a model made from NLTK
    data files. The key covers the ``files`` it reads (each file's path, size and
    modification time), the code version of ``module`` (where ``build`` is written) and the
    versions of Python, NumPy and NLTK. A new key replaces the entry; an entry that cannot be
    read is built again; with the cache off (``MEDIAFRAMES_NO_CACHE``) ``build()`` runs every
    time. Hits and misses are not counted with the per-article results.
    """
    if not enabled():
        return build()
    import nltk
    import numpy

    try:
        payload = json.dumps([FORMAT_VERSION, name, _file_stamps(files), code_version(module),
                              list(sys.version_info[:2]), numpy.__version__, nltk.__version__])  # fmt: skip
    except (OSError, TypeError):
        return build()
    key = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    path = config.cache_dir() / "objects" / f"{name}.pkl"
    value = _load(path, key, object)
    if value is None:
        value = build()
        _store(path, key, value)
    return value
