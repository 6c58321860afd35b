"""Coding sheets on disk: written for students, read back when they are filled in.

A sheet is one ``.xlsx`` workbook (sheets ``codebook``, ``statements``, ``frames``,
``articles``) or, for a ``.csv`` name, one CSV file per sheet (``NAME.statements.csv``, ...).
The suite's answers go to a separate key beside it (``NAME.key.xlsx`` or
``NAME.key.statements.csv`` and ``NAME.key.frames.csv``) for the teacher. Files are written
whole or not at all (a temporary file renamed into place).

A filled sheet is read back as long codes (``coder, unit, category, value``,
:mod:`.agreement`); the coder is named after the file (``anna.xlsx`` -> ``anna``) and the
key's coder is :data:`~.agreement.SUITE`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .agreement import SUITE, normalise
from .codebook import codebook
from .units import FRAME_ANSWERS, STATEMENT_ANSWERS, CodingUnits

_ANSWERS = {"statements": STATEMENT_ANSWERS, "frames": FRAME_ANSWERS}
_WIDTHS = {"passage": 90, "text": 120, "meaning": 100, "headline": 60}


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_xlsx(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    from openpyxl.styles import Alignment, Font

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, frame in sheets.items():
                frame.to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                sheet.freeze_panes = "B2"
                for number, column in enumerate(frame.columns, start=1):
                    letter = sheet.cell(row=1, column=number).column_letter
                    sheet.column_dimensions[letter].width = _WIDTHS.get(column, 18)
                    sheet.cell(row=1, column=number).font = Font(bold=True)
                    if column in _WIDTHS:
                        for row in range(2, len(frame) + 2):
                            sheet.cell(row=row, column=number).alignment = Alignment(wrap_text=True, vertical="top")

    _atomic(path, write)


def _csv_name(path: Path, sheet: str) -> Path:
    return path.with_name(f"{path.stem}.{sheet}.csv")


def _key_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.key{path.suffix}")


def write_sheet(units: CodingUnits, path: str | Path) -> list[Path]:
    """Write the students' sheet and the teacher's key for ``units``; the files written.

    Raises:
        ValueError: ``path`` ends neither in ``.xlsx`` nor in ``.csv``.
    """
    path = Path(path)
    student = {"codebook": codebook(), "statements": units.statements, "frames": units.frames, "articles": units.articles}
    key = {"statements": units.key_statements, "frames": units.key_frames}
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(student, path)
        _write_xlsx(key, _key_path(path))
        return [path, _key_path(path)]
    if path.suffix.lower() == ".csv":
        written = []
        for prefix, sheets in ((path, student), (_key_path(path), key)):
            for name, frame in sheets.items():
                target = _csv_name(prefix, name)
                _atomic(target, lambda tmp, frame=frame: frame.to_csv(tmp, index=False, encoding="utf-8"))
                written.append(target)
        return written
    raise ValueError(f"{path.name}: a coding sheet is written as .xlsx or .csv")


def _coder(path: Path) -> str:
    name = path.name
    for ending in (".xlsx", ".csv", ".statements", ".frames"):
        name = name.removesuffix(ending)
    return SUITE if name.endswith(".key") else name


def _read_tables(path: Path) -> dict[str, pd.DataFrame]:
    """The ``statements`` and ``frames`` sheets found at ``path`` (answers as text)."""
    if not path.exists():
        raise FileNotFoundError(f"{path.name}: no such coding sheet ({path})")
    if path.suffix.lower() == ".xlsx":
        try:
            book = pd.read_excel(path, sheet_name=None, dtype=str, engine="openpyxl")
        except Exception as err:  # noqa: BLE001  (openpyxl raises many kinds on a broken file)
            raise ValueError(f"{path.name}: not a readable .xlsx workbook ({err})") from None
        return {name: book[name] for name in _ANSWERS if name in book}
    if path.suffix.lower() == ".csv":
        stem = path.name.removesuffix(".csv").removesuffix(".statements").removesuffix(".frames")
        found = {}
        for name in _ANSWERS:
            candidate = path.with_name(f"{stem}.{name}.csv")
            if candidate.exists():
                found[name] = pd.read_csv(candidate, dtype=str, keep_default_na=False)
        return found
    raise ValueError(f"{path.name}: a coding sheet is a .xlsx or .csv file")


def read_sheet(path: str | Path, *, coder: str | None = None) -> pd.DataFrame:
    """The answers of one filled sheet as long codes: ``coder, unit, category, value``
    (blank answers left out; values normalised, :func:`~.agreement.normalise`).

    Raises:
        ValueError: naming the file, when it has no ``unit`` column or none of the sheets.
    """
    path = Path(path)
    tables = _read_tables(path)
    if not tables:
        raise ValueError(f"{path.name}: no 'statements' or 'frames' sheet to read")
    coder = coder or _coder(path)
    rows = []
    for name, frame in tables.items():
        frame = frame.fillna("")
        if "unit" not in frame.columns:
            raise ValueError(f"{path.name}: the {name} sheet has no 'unit' column")
        for category in _ANSWERS[name]:
            if category not in frame.columns:
                continue
            for unit, value in zip(frame["unit"], frame[category]):
                answer = normalise(category, value)
                if answer and str(unit).strip():
                    rows.append((coder, str(unit).strip(), category, answer))
    return pd.DataFrame(rows, columns=["coder", "unit", "category", "value"])


def read_sheets(paths: Iterable[str | Path]) -> pd.DataFrame:
    """:func:`read_sheet` for every path, concatenated; two files of one coder are an error."""
    frames, seen = [], {}
    for path in paths:
        path = Path(path)
        codes = read_sheet(path)
        coder = _coder(path)
        if coder in seen:
            raise ValueError(f"{path.name}: coder '{coder}' already read from {seen[coder]}")
        seen[coder] = path.name
        frames.append(codes)
    if not frames:
        raise ValueError("no coding sheet given")
    return pd.concat(frames, ignore_index=True)


def sheet_texts(path: str | Path) -> dict[str, str]:
    """unit -> what the coders read for it (a statement's passage, an article's headline),
    from a sheet written by :func:`write_sheet`."""
    texts = {}
    for name, frame in _read_tables(Path(path)).items():
        column = "passage" if name == "statements" else "headline"
        if {"unit", column} <= set(frame.columns):
            texts.update(zip(frame["unit"].astype(str), frame[column].fillna("").astype(str)))
    return texts
