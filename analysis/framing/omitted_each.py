"""What does each of N reports carry that the others leave out, and what does it alone leave
out? Each report (or outlet) against all the others, with the items of :mod:`.omitted`.

:func:`omissions` compares two reports; :func:`omissions_each` compares every report with
the rest, so that no report of a selection is silently left out, and :func:`omission_columns`
lines the result up with one column per report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ._results import _empty, _frame
from .omitted import _KIND_ORDER, _check_articles, _item_counts

#: What an item is for one report, against the others (the ``where`` of :func:`omissions_each`).
ONLY_HERE, LEFT_OUT_HERE, IN_EVERY, SHARED, ABSENT = (
    "only here", "left out here", "in every report", "shared", "absent",
)  # fmt: skip
_EACH_COLUMNS = ["report", "item", "kind", "label", "where", "count", "count_other", "n_other", "forms",
                 "example_article", "example_sentence", "sentence_text", "start", "end"]  # fmt: skip


def _where(count: int, n_other: int, others: int) -> str:
    if count and not n_other:
        return ONLY_HERE
    if count:
        return IN_EVERY if n_other == others else SHARED
    return LEFT_OUT_HERE if n_other == others and others else ABSENT


def omissions_each(
    texts: Any, *, ids: Sequence[str] | None = None, groups: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Every candidate item of N reports, for each report against all the others.

    The items are those of :func:`analysis.framing.omissions` (entities linked and aliased
    across all the reports, numbers counted as whole numbers, noun phrases), counted in
    every report. For each report and item, ``where`` says what the item is for that report:

    - ``"only here"``: this report carries it, no other does;
    - ``"left out here"``: every other report carries it, this one does not;
    - ``"in every report"``: every report carries it;
    - ``"shared"`` (this report and some others) or ``"absent"`` (some others, not this one).

    With two reports, "only here" for one is "left out here" for the other, as in
    :func:`analysis.framing.omissions`.

    Args:
        texts: a dict ``{article_id: text}`` or a sentences frame with an ``article`` column.
        ids: the articles compared, in order (default: all, in order of appearance).
        groups: article id -> group (e.g. its outlet, for many reports): the counts of a
            group's articles are added up and each group is compared with the others.

    Returns:
        One row per report (article id, or group) and item, reports in order and items
        ordered by kind and decreasing total count, with columns ``report, item, kind,
        label, where, count`` (in this report), ``count_other`` (in all the others),
        ``n_other`` (how many other reports carry it), ``forms``, ``example_article``,
        ``example_sentence``, ``sentence_text``, ``start, end`` (the first occurrence: in
        the first article, in the order of ``ids``, that carries it).

    References:
        Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
        Journal of Communication, 43(4), 51-58.

    Example:
        >>> t = omissions_each({"x": "Sales fell 5%.", "y": "Sales fell.", "z": "Sales rose 5%."})
        >>> t[t["where"] == "left out here"][["report", "item"]].values.tolist()
        [['y', '5%']]
    """
    if ids is not None and isinstance(ids, str):
        raise TypeError("ids must be a list of article ids, not one string")
    frame = _check_articles(texts, list(ids or []))
    if frame is None:
        return _empty(_EACH_COLUMNS)
    ids = tuple(ids) if ids else tuple(dict.fromkeys(frame["article"]))
    if len(ids) < 2:
        raise ValueError(f"omissions_each compares at least two reports; got {list(ids)}")
    groups = dict(groups) if groups is not None else {a: a for a in ids}
    unknown = [a for a in ids if a not in groups]
    if unknown:
        raise ValueError(f"groups names no group for article(s) {unknown}")
    reports = list(dict.fromkeys(groups[a] for a in ids))
    if len(reports) < 2:
        raise ValueError(f"omissions_each compares at least two groups; all articles are in {reports}")
    found = _item_counts(frame, ids)
    rows = []
    for info in found.values():
        per_report = dict.fromkeys(reports, 0)
        for art, n in zip(ids, info.pop("counts")):
            per_report[groups[art]] += n
        total = sum(per_report.values())
        holders = sum(1 for n in per_report.values() if n)
        for report, n in per_report.items():
            n_other = holders - (1 if n else 0)
            rows.append({**info, "report": report, "where": _where(n, n_other, len(reports) - 1), "count": n,
                         "count_other": total - n, "n_other": n_other, "_n": total})  # fmt: skip
    out = _frame(rows, [*_EACH_COLUMNS, "_n"])
    if out.empty:
        return out.drop(columns="_n")
    out["_r"] = out["report"].map({r: i for i, r in enumerate(reports)})
    out["_k"] = out["kind"].map(_KIND_ORDER)
    out = out.sort_values(["_r", "_k", "_n", "item"], ascending=[True, True, False, True], kind="stable")
    out = out.drop(columns=["_r", "_k", "_n"]).reset_index(drop=True)
    ints = ["count", "count_other", "n_other", "example_sentence", "start", "end"]
    return out.astype(dict.fromkeys(ints, "int64"))


def omission_columns(
    table: pd.DataFrame,
    *,
    where: str = ONLY_HERE,
    kinds: Iterable[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Line :func:`omissions_each` up with one column per report.

    Args:
        table: the output of :func:`omissions_each`.
        where: ``"only here"`` (the items only that report carries; a last column lists the
            items every report carries) or ``"left out here"`` (the items every other report
            carries and that report does not).
        kinds: keep only these kinds (``entity``, ``number``, ``noun_phrase``); all by default.
        top: keep at most this many items per column (most frequent first).
        min_count: keep only items found at least this many times in all reports together.
        labels: report -> display name (e.g. article id -> outlet); two reports of the same
            name get their key added in brackets.

    Returns:
        DataFrame with columns ``only in <name>`` (or ``left out by <name>``), one per
        report in the table's order, and ``in every report`` (``in both`` for two reports)
        for ``"only here"``; row i
        holds the i-th item of each column, empty strings pad the shorter columns.

    Example:
        >>> t = omissions_each({"x": "Sales fell 5%.", "y": "Sales fell.", "z": "Sales rose 5%."})
        >>> omission_columns(t, where="left out here", kinds=["number"]).columns.tolist()
        ['left out by x', 'left out by y', 'left out by z']
    """
    missing = [c for c in ("report", "item", "kind", "where", "count", "count_other") if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass the output of omissions_each")
    if where not in (ONLY_HERE, LEFT_OUT_HERE):
        raise ValueError(f"where must be {ONLY_HERE!r} or {LEFT_OUT_HERE!r}, got {where!r}")
    data = table if kinds is None else table[table["kind"].isin(list(kinds))]
    if min_count > 1:
        data = data[(data["count"] + data["count_other"]) >= min_count]
    reports = list(dict.fromkeys(table["report"]))
    names = {r: str((labels or {}).get(r, r)) for r in reports}
    repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
    names = {r: f"{n} ({r})" if n in repeated else n for r, n in names.items()}
    head = "only in" if where == ONLY_HERE else "left out by"
    cols = {f"{head} {names[r]}": data.loc[(data["report"] == r) & (data["where"] == where), "item"].tolist()
            for r in reports}  # fmt: skip
    if where == ONLY_HERE and reports:
        cols["in both" if len(reports) == 2 else "in every report"] = data.loc[(data["report"] == reports[0]) & (data["where"] == IN_EVERY), "item"].tolist()
    if top is not None:
        cols = {k: v[:top] for k, v in cols.items()}
    length = max((len(v) for v in cols.values()), default=0)
    return pd.DataFrame({k: v + [""] * (length - len(v)) for k, v in cols.items()}, columns=list(cols))


def omission_counts(
    table: pd.DataFrame, *, kinds: Iterable[str] | None = ("entity",), labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """How often each report names each item: :func:`omissions_each` with one column per report.

    Args:
        table: the output of :func:`omissions_each`.
        kinds: keep only these kinds (default: entities); ``None`` keeps all.
        labels: report -> column name (two reports of the same name get their key added).

    Returns:
        One row per item (in the table's order) with columns ``item, kind, label, forms``,
        then one count column per report (0 where a report does not name it).

    Example:
        >>> t = omissions_each({"x": "Sales fell 5%.", "y": "Sales fell.", "z": "Sales rose 5%."})
        >>> omission_counts(t, kinds=["number"]).values.tolist()
        [['5%', 'number', '', '5%', 1, 0, 1]]
    """
    missing = [c for c in ("report", "item", "kind", "label", "forms", "count") if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass the output of omissions_each")
    data = table if kinds is None else table[table["kind"].isin(list(kinds))]
    reports = list(dict.fromkeys(table["report"]))
    names = {r: str((labels or {}).get(r, r)) for r in reports}
    repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
    names = {r: f"{n} ({r})" if n in repeated else n for r, n in names.items()}
    items = data.drop_duplicates("item")[["item", "kind", "label", "forms"]].reset_index(drop=True)
    counts = data.pivot(index="item", columns="report", values="count").reindex(columns=reports).fillna(0)
    out = items.join(counts.astype("int64").rename(columns=names), on="item")
    return out.reset_index(drop=True)
