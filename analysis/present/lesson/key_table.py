"""What a key table is (:data:`KEY_COLUMNS`), how one is built, pooled and summarised."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

KEY_COLUMNS = ["report", "item", "accepted", "right", "required", "note"]


def _as_key(key: Any) -> pd.DataFrame:
    """A key table from a key table, a list of items, or a dict report -> list of items."""
    if isinstance(key, pd.DataFrame):
        missing = [c for c in KEY_COLUMNS if c not in key.columns]
        if missing:
            raise ValueError(f"a key table needs the columns {KEY_COLUMNS}; missing {missing}")
        return key.reset_index(drop=True)
    if isinstance(key, Mapping):
        parts = [_as_key(items).assign(report=report) for report, items in key.items()]
        return pd.concat(parts, ignore_index=True) if parts else _key_frame([])
    items = [key] if isinstance(key, str) else list(key)
    return _key_frame(
        [{"report": "", "item": str(i).lower(), "accepted": (str(i),), "right": True, "required": True, "note": ""}
         for i in items]
    )


def _key_frame(rows: list[dict], extra: list[str] | None = None) -> pd.DataFrame:
    columns = [*KEY_COLUMNS, *(extra or [])]
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("right", "required"):
        frame[col] = frame[col].astype(bool)
    return frame


def _pooled(key: pd.DataFrame) -> pd.DataFrame:
    """One row per item over all reports: right if right anywhere; wrong rows only if never right."""
    rows = []
    for item, group in key.groupby("item", sort=False):
        right = group[group["right"]]
        use = right if len(right) else group
        accepted = tuple(dict.fromkeys(a for forms in use["accepted"] for a in forms))
        notes = "; ".join(dict.fromkeys(f"{r}: {n}" if r else n for r, n in zip(use["report"], use["note"]) if n))
        rows.append({"report": "", "item": item, "accepted": accepted, "right": bool(len(right)),
                     "required": bool(use["required"].any()), "note": notes})  # fmt: skip
    return _key_frame(rows)


def _join(items: list[str], limit: int | None) -> str:
    if limit is None or len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"


def key_summary(key: pd.DataFrame, *, limit: int | None = 10) -> pd.DataFrame:
    """The right answers of a key, one row per report: expected items, then other accepted ones.

    Columns ``report``, ``expected`` and ``also right`` (items joined by ", "; after
    ``limit`` items, how many more there are).

    >>> key = _as_key({"A": ["urged", "vowed"]})
    >>> key_summary(key).values.tolist()
    [['A', 'urged, vowed', '']]
    """
    rows = []
    for report, group in key.groupby("report", sort=False):
        right = group[group["right"]]
        rows.append({
            "report": report,
            "expected": _join(list(right.loc[right["required"], "item"]), limit),
            "also right": _join(list(right.loc[~right["required"], "item"]), limit),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["report", "expected", "also right"])
