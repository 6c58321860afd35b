"""How far coders agree: percent agreement and Krippendorff's alpha (nominal).

Codes are a long table, one row per coder, unit and category: ``coder, unit, category,
value`` (:func:`long_codes` builds it from filled sheets). The suite's own answers are one
more coder, named :data:`SUITE`. Answers are compared after light normalisation, so that
capitals, spaces and short names do not count as disagreements: a speaker counts by the last
word of its name ("Dmitry Peskov" and "peskov" agree), a speaker type with spaces matches
its name ("civil society" = ``civil_society``), and yes/no answers accept y/n, 1/0, x.

Percent agreement is the share of agreeing pairs of coders among all pairs, over the units
at least two coders coded. Alpha corrects it for the agreement expected by chance
(1 = perfect, 0 = chance, below 0 = systematic disagreement); content analysts usually ask
for alpha >= 0.8 and accept >= 0.667 for tentative conclusions (Krippendorff 2019). It is
computed with the ``krippendorff`` package.

References:
    Krippendorff, K. (2019). Content Analysis: An Introduction to Its Methodology (4th ed.),
    ch. 12. SAGE.
    Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability
    measure for coding data. Communication Methods and Measures 1(1).

Example:
    >>> codes = pd.DataFrame({"coder": ["a", "b", "a", "b"], "unit": ["u1", "u1", "u2", "u2"],
    ...                       "category": "economic", "value": ["yes", "yes", "no", "yes"]})
    >>> percent_agreement(codes)
    0.5
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pandas as pd

#: The name of the suite's own answers among the coders.
SUITE = "the suite"

AGREEMENT_COLUMNS = ["category", "between", "coders", "units", "percent_agreement", "alpha"]

_YES = {"yes", "y", "1", "true", "x", "ja", "oui", "si", "sí"}
_NO = {"no", "n", "0", "false", "-", "nein", "non"}
_UNCLEAR = {"unclear", "unknown", "?", "not clear", "none"}


def normalise(category: str, value) -> str:
    """One answer as it is compared; "" when it is blank.

    >>> normalise("speaker", "Mr. Dmitry Peskov"), normalise("speaker_type", "Civil Society"), normalise("economic", "Y")
    ('peskov', 'civil_society', 'yes')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = " ".join(str(value).split()).casefold()
    if not text:
        return ""
    if category == "speaker":
        if text in _UNCLEAR:
            return "unclear"
        words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
        return words[-1] if words else ""
    if category == "speaker_type":
        return text.replace(" ", "_").replace("-", "_")
    if text in _YES:
        return "yes"
    if text in _NO:
        return "no"
    return text


def _matrix(codes: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Coders x units, values as integer codes (NaN where a coder left a unit blank)."""
    values = sorted(set(codes["value"]))
    index = {v: i for i, v in enumerate(values)}
    table = codes.pivot_table(index="coder", columns="unit", values="value", aggfunc="first")
    matrix = table.apply(lambda column: column.map(index)).to_numpy(dtype=float)
    return matrix, values


def percent_agreement(codes: pd.DataFrame) -> float:
    """Share of agreeing coder pairs, over units coded by at least two coders (NaN if none)."""
    agree = pairs = 0
    for _, group in codes.groupby("unit"):
        values = list(group["value"])
        for a, b in itertools.combinations(values, 2):
            pairs += 1
            agree += a == b
    return agree / pairs if pairs else float("nan")


def alpha(codes: pd.DataFrame) -> float:
    """Krippendorff's alpha for nominal data; NaN when it is undefined (fewer than two
    pairable values, or a single value used by everyone, where chance agreement is total)."""
    import krippendorff

    codes = codes[codes["value"] != ""]
    pairable = codes.groupby("unit")["coder"].transform("size") >= 2
    codes = codes[pairable]
    if codes.empty or codes["value"].nunique() < 2:
        return float("nan")
    matrix, values = _matrix(codes)
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal",
                                    value_domain=list(range(len(values)))))


def _row(category: str, between: str, codes: pd.DataFrame) -> dict:
    codes = codes[codes["value"] != ""]
    coded = codes.groupby("unit")["coder"].transform("size") >= 2
    return {
        "category": category, "between": between, "coders": codes["coder"].nunique(),
        "units": codes.loc[coded, "unit"].nunique(),
        "percent_agreement": percent_agreement(codes[coded]), "alpha": alpha(codes),
    }


def agreement(codes: pd.DataFrame) -> pd.DataFrame:
    """Per category: agreement among the students (every coder but :data:`SUITE`), then
    between each student and the suite. Columns :data:`AGREEMENT_COLUMNS`."""
    rows = []
    for category, group in codes.groupby("category", sort=False):
        students = group[group["coder"] != SUITE]
        if students["coder"].nunique() >= 2:
            rows.append(_row(category, "students", students))
        if (group["coder"] == SUITE).any():
            for coder in sorted(students["coder"].unique()):
                pair = group[group["coder"].isin([coder, SUITE])]
                rows.append(_row(category, f"{coder} and {SUITE}", pair))
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


def confusion(codes: pd.DataFrame, category: str, first: str, second: str) -> pd.DataFrame:
    """How ``first``'s answers (rows) meet ``second``'s (columns) on ``category``, over the
    units both coded."""
    mine = codes[(codes["category"] == category) & (codes["value"] != "")]
    a = mine[mine["coder"] == first].set_index("unit")["value"]
    b = mine[mine["coder"] == second].set_index("unit")["value"]
    both = a.index.intersection(b.index)
    table = pd.crosstab(a[both].rename(first), b[both].rename(second))
    return table


def disagreements(codes: pd.DataFrame, *, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """The units where coders gave different answers: ``unit, category, text`` and one
    column per coder (its answer as written, normalised), in unit order."""
    texts = texts or {}
    coders = sorted(c for c in codes["coder"].unique() if c != SUITE) + ([SUITE] if (codes["coder"] == SUITE).any() else [])
    rows = []
    given = codes[codes["value"] != ""]
    for (category, unit), group in given.groupby(["category", "unit"], sort=False):
        if group["value"].nunique() > 1:
            answers = dict(zip(group["coder"], group["value"]))
            rows.append({"unit": unit, "category": category, "text": texts.get(unit, ""),
                         **{coder: answers.get(coder, "") for coder in coders}})
    frame = pd.DataFrame(rows, columns=["unit", "category", "text", *coders])
    return frame.sort_values(["unit", "category"], key=lambda s: s.map(_unit_order) if s.name == "unit" else s,
                             kind="stable", ignore_index=True)


def _unit_order(unit: str) -> tuple:
    """``S1.2`` < ``S1.10`` < ``F1``: statements first, then by numbers."""
    return (unit[:1] != "S", *[int(n) for n in re.findall(r"\d+", unit)])
