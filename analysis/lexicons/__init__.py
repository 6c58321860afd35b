"""Word lists as data: the one loader for the files in this folder.

Every list the analyses match against (frame cues, stance markers, reporting verbs,
speaker-type cues, role phrases, entity aliases, function words, month names) is a plain
file here, not Python, so a teacher can add a cue without editing code. Each file starts
with a comment that says what it is, where its entries come from and how to add one.

Three formats, each read once per process (``functools.lru_cache``) with
:mod:`importlib.resources`, so the files also load from an installed wheel:

- ``*.txt``: one entry per line; blank lines and lines starting with ``#`` are skipped,
  as is anything after `` #`` on a line.
- ``*.toml``: tables and arrays (read with :mod:`tomllib`); order is kept.
- ``*.csv``: a header row, then one entry per row; lines starting with ``#`` before the
  header are comments.

Trained model weights (learnt from annotated data, each described by a data card in
``docs/``) live beside them in ``models/``: :func:`model_path` and :func:`model_json`.

Example:
    >>> "january" in words("months.txt")
    True
"""

from __future__ import annotations

import csv
import functools
import io
import json
import tomllib
from importlib import resources
from typing import Any

__all__ = ["csv_rows", "model_json", "model_path", "names", "read_text", "table", "words"]


def read_text(name: str) -> str:
    """The text of the data file ``name`` in this folder (UTF-8).

    Raises:
        FileNotFoundError: naming the file, when there is no such data file.
    """
    path = resources.files(__name__) / name
    if not path.is_file():
        raise FileNotFoundError(f"no word list {name!r} in analysis/lexicons/")
    return path.read_text(encoding="utf-8")


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The entries of the plain-text list ``name``, in file order, comments dropped."""
    entries = []
    for line in read_text(name).splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return tuple(entries)


@functools.cache
def table(name: str) -> dict[str, Any]:
    """The TOML file ``name`` as a dict (keys in file order). Do not change the result."""
    return tomllib.loads(read_text(name))


@functools.cache
def csv_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the CSV file ``name`` as dicts keyed by its header (comment lines skipped)."""
    lines = [line for line in read_text(name).splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))


def names() -> list[str]:
    """The data files in this folder, sorted."""
    return sorted(
        p.name for p in resources.files(__name__).iterdir()
        if p.name.endswith((".txt", ".toml", ".csv"))
    )


def model_path(name: str):
    """The path of the trained-model file ``name`` in ``models/`` (a :class:`pathlib.Path`).

    Raises:
        FileNotFoundError: naming the file and the command that makes it, when it is missing.
    """
    from pathlib import Path

    path = Path(str(resources.files(__name__) / "models" / name))
    if not path.is_file():
        raise FileNotFoundError(
            f"no trained model {name!r} in analysis/lexicons/models/; "
            "retrain it with: python -m analysis train (see docs/ for its data card)"
        )
    return path


@functools.cache
def model_json(name: str) -> Any:
    """The JSON model file ``name`` in ``models/``, read once. Do not change the result."""
    return json.loads(model_path(name).read_text(encoding="utf-8"))
