"""Checking an answer against a key: right, wrong, extra and missing items, and the feedback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .key_table import _as_key, _pooled
from .matching import answer_items, is_empty, match_score

CHECK_COLUMNS = ["report", "answer", "status", "item", "note"]
#: The statuses :func:`check` gives, in the order :func:`feedback` reports them.
STATUSES = ("right", "wrong", "extra", "missing", "unknown report")


def _check_one(items: list[str], key: pd.DataFrame, report: str) -> list[dict]:
    rows, named = [], set()
    for answer in items:
        scores = {i: match_score(answer, accepted) for i, accepted in key["accepted"].items()}
        scores = {i: s for i, s in scores.items() if s}
        if not scores:
            rows.append({"report": report, "answer": answer, "status": "extra", "item": "",
                         "note": "not in the computed key: check it in the text"})  # fmt: skip
            continue
        # the closest fit wins; among equals, a right item before a wrong one, then key order
        best = max(scores, key=lambda i: (scores[i], bool(key.at[i, "right"]), -list(key.index).index(i)))
        row = key.loc[best]
        named.add(best)
        # "LinkedIn and Twitter" names both items: every right item the answer contains whole
        named.update(i for i, s in scores.items() if s >= 2 and key.at[i, "right"])
        status = "right" if row["right"] else "wrong"
        rows.append({"report": report, "answer": answer, "status": status, "item": row["item"], "note": row["note"]})
    for i, row in key.iterrows():
        if row["required"] and row["right"] and i not in named:
            rows.append({"report": report, "answer": "", "status": "missing", "item": row["item"], "note": row["note"]})
    return rows


def check(answer: Any, key: Any) -> pd.DataFrame:
    """Compare an answer with a key: which items are right, wrong, extra or still missing.

    Args:
        answer: a string (several items separated by commas or semicolons), a list of
            strings, or a dict ``{report name: such an answer}``. Report names are matched
            like answers ("Moscow Times" finds "The Moscow Times"); a number names the
            report in that place of the key (``{1: ..., 2: ...}``). A flat answer is checked
            against all reports of the key pooled.
        key: a key table (:data:`KEY_COLUMNS`, from the key functions of this package), a
            list of items, or a dict ``{report: list of items}``.

    Returns:
        DataFrame with columns :data:`CHECK_COLUMNS`: one row per answer item (status
        ``right``, ``wrong`` — a known wrong answer, the note says why — or ``extra``: not
        in the key), one row per expected key item that no answer named (status
        ``missing``, ``answer`` empty), and one row per report name the key does not know
        (status ``unknown report``). ``item`` is the key item matched or missing.

    Example:
        >>> result = check(["Urged", "said", "banana"], {"A": ["urged", "vowed"]})
        >>> result[["answer", "status", "item"]].values.tolist()
        [['Urged', 'right', 'urged'], ['said', 'extra', ''], ['banana', 'extra', ''], ['', 'missing', 'vowed']]
    """
    table = _as_key(key)
    reports = list(dict.fromkeys(table["report"]))
    rows: list[dict] = []
    if isinstance(answer, Mapping):
        given: dict[str, list[str]] = {}
        for name, value in answer.items():
            found = next((r for r in reports if str(name).strip().lower() == str(r).lower()), None)
            if found is None and str(name).strip().isdigit() and 1 <= int(str(name).strip()) <= len(reports):
                found = reports[int(str(name).strip()) - 1]  # reports by number, in the key's order
            if found is None:
                scored = [(match_score(str(name), r), r) for r in reports if r]
                score, best = max(scored, default=(0, None), key=lambda x: x[0])
                found = best if score else None
            if found is None:
                rows.append({"report": str(name), "answer": ", ".join(answer_items(value)), "status": "unknown report",
                             "item": "", "note": "reports: " + ", ".join(map(str, reports))})  # fmt: skip
                continue
            given.setdefault(found, []).extend(answer_items(value))
        for report in reports:
            rows += _check_one(answer_items(given.get(report, [])), table[table["report"] == report], report)
    else:
        items = answer_items(answer)
        if len(reports) > 1:
            rows += _check_one(items, _pooled(table), "")
        else:
            rows += _check_one(items, table, reports[0] if reports else "")
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def feedback(answer: Any, key: Any, *, name: str = "your answer") -> str:
    """A student's feedback in plain words; items still to find are counted, never named.

    Args:
        answer: as for :func:`check`.
        key: as for :func:`check`.
        name: the variable the student writes in, named in the "no answer yet" message.

    Example:
        >>> print(feedback(["urged", "said"], {"A": ["urged", "vowed"]}, name="ANSWER"))
        ANSWER
          A: right: urged | not in the computed key: said (check it in the text) | still to find: 1
        >>> print(feedback([], {"A": ["urged"]}, name="ANSWER"))
        No answer yet in ANSWER: write your answer in the cell above, run it, then run this cell again.
    """
    if is_empty(answer):
        return f"No answer yet in {name}: write your answer in the cell above, run it, then run this cell again."
    result = check(answer, key)
    lines = [name]
    for report, group in result.groupby("report", sort=False):
        parts = []
        statuses = group["status"]
        if (statuses == "unknown report").all():
            lines.append(f"  {report}: unknown report name ({group['note'].iloc[0]})")
            continue
        right = group[statuses == "right"]
        if len(right):
            parts.append("right: " + ", ".join(right["answer"]))
        for row in group[statuses == "wrong"].itertuples():
            parts.append(f"not right: {row.answer} ({row.note})" if row.note else f"not right: {row.answer}")
        extra = group[statuses == "extra"]
        if len(extra):
            parts.append("not in the computed key: " + ", ".join(extra["answer"]) + " (check it in the text)")
        n_missing = int((statuses == "missing").sum())
        given = int((statuses != "missing").sum())
        if not given:
            parts.append("no answer yet")
        parts.append(f"still to find: {n_missing}" if n_missing else "nothing left to find")
        label = report or "all reports"
        lines.append(f"  {label}: " + " | ".join(parts))
    return "\n".join(lines)


def check_exercise(keys: Mapping[str, pd.DataFrame], exercise: str, answer: Any, *, name: str = "your answer") -> str:
    """:func:`feedback` on ``answer`` for ``exercise`` when the lesson has it (``keys``, from
    :func:`~.keys.answer_keys`), else a one-line note that the exercise is not part of it."""
    if exercise not in keys:
        return f"(This exercise is not part of this lesson: {name} is not checked.)"
    return feedback(answer, keys[exercise], name=name)
