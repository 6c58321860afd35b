"""Tables a student can read: how a DataFrame is shown in a notebook and in the HTML reports.

:func:`readable` turns every cell into the text a reader should see (counts as whole
numbers, "—" for a missing value, "human interest" for the label ``human_interest``, a
list as words separated by commas); :func:`table_html` writes it as an HTML table whose
text columns are left-aligned and wrapped at word boundaries, never cut. Importing
:mod:`analysis.present.plots` inside a notebook kernel makes :func:`table_html` the way
every DataFrame is shown (:func:`use_readable_tables`); the values of the DataFrame are not
changed, only their display.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re

import numpy as np
import pandas as pd

#: What a missing value (NaN, None, NaT, <NA>) is shown as.
MISSING = "\u2014"
_SNAKE = re.compile(r"[a-z]+(?:_[a-z]+)+")
#: A text column whose longest cell has more characters than this is wrapped in a wide cell.
_LONG_TEXT = 40


@functools.lru_cache(maxsize=1)
def known_labels() -> frozenset[str]:
    """The labels of the library's categories (frames of every scheme, speaker types):
    column headers and index values that are shown in plain words."""
    from ..framing import FRAME_RULES
    from ..sources import SPEAKER_TYPES

    return frozenset([*(f for frames in FRAME_RULES.values() for f in frames), *SPEAKER_TYPES])


@functools.lru_cache(maxsize=1)
def _label_words() -> re.Pattern[str]:
    """The known labels that have an underscore, as whole words inside a longer text."""
    names = sorted((n for n in known_labels() if "_" in n), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])") if names else re.compile(r"(?!)")


def human_label(value: str) -> str:
    """A category label in plain words: underscores become spaces, in a label alone
    (``snake_case`` words) or in a known label inside a longer text.

    >>> human_label("human_interest"), human_label("noun_phrase"), human_label("000_ab12")
    ('human interest', 'noun phrase', '000_ab12')
    >>> human_label("human_interest (share of sentences)")
    'human interest (share of sentences)'
    """
    if _SNAKE.fullmatch(value):
        return value.replace("_", " ")
    if "_" in value:
        return _label_words().sub(lambda m: m.group().replace("_", " "), value)
    return value


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _number(value: float, precision: int) -> str:
    if math.isinf(value):
        return "\u221e" if value > 0 else "-\u221e"
    if float(value).is_integer():
        return f"{int(value)}"
    text = f"{value:.{precision}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_cell(value, *, precision: int | None = None) -> str:
    """The text a reader sees for one cell.

    Whole numbers without decimals ("6", not "6.000"), other numbers with at most
    ``precision`` decimals (default: pandas' ``display.precision``) and no trailing zeros,
    missing values as :data:`MISSING`, lists, tuples and sets as their items joined by
    ", ", a ``snake_case`` label in plain words, dates as ISO dates.

    >>> [format_cell(v) for v in (6.0, 0.25, float("nan"), None, ["a", "b"], "human_interest", True)]
    ['6', '0.25', '—', '—', 'a, b', 'human interest', 'True']
    """
    if precision is None:
        precision = int(pd.get_option("display.precision"))
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return ", ".join(format_cell(v, precision=precision) for v in items) if items else MISSING
    if _is_missing(value):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return _number(float(value), precision)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat(sep=" ")
    if isinstance(value, str):
        return human_label(value)
    return str(value)


def _header(value) -> str:
    if isinstance(value, tuple):
        return tuple(_header(v) for v in value)
    if _is_missing(value):
        return ""
    text = str(value)
    if text in known_labels():
        return human_label(text)
    return _label_words().sub(lambda m: m.group().replace("_", " "), text) if "_" in text else text


def _row_label(value):
    if isinstance(value, tuple):
        return tuple(_row_label(v) for v in value)
    return human_label(value) if isinstance(value, str) else _header(value)


def _labels(index: pd.Index, *, rows: bool = False) -> pd.Index:
    values = [_row_label(v) if rows else _header(v) for v in index]
    if index.nlevels > 1:
        return pd.MultiIndex.from_tuples(values, names=index.names)
    return pd.Index(values, name=index.name, dtype=object)


def readable(frame: pd.DataFrame, *, precision: int | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with every cell as the text a reader sees (:func:`format_cell`);
    row labels that are ``snake_case`` labels, and column headers that are category labels
    (:func:`known_labels`; other headers are column names the prose may quote), in plain
    words. The input is not changed.

    >>> readable(pd.DataFrame({"frame": ["human_interest"], "n": [6.0]})).iloc[0].tolist()
    ['human interest', '6']
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        out.isetitem(i, [format_cell(v, precision=precision) for v in frame.iloc[:, i]])
    out.columns = _labels(frame.columns)
    out.index = _labels(frame.index, rows=True)
    return out


def _is_numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def table_html(frame: pd.DataFrame, *, max_rows: int | None = None) -> str:
    """``frame`` as an HTML table a student can read (every cell escaped).

    Cells as :func:`readable` shows them; numbers right-aligned, text left-aligned and
    wrapped at spaces (a long text column gets a wide cell), nothing cut in the middle of a
    word. At most ``max_rows`` rows (default: pandas' ``display.max_rows``), with a line
    saying how many more there are.
    """
    limit = max_rows if max_rows is not None else pd.get_option("display.max_rows")
    hidden = max(0, len(frame) - limit) if limit else 0
    shown = frame.head(limit) if hidden else frame
    body = readable(shown).to_html(escape=True, border=0, classes="mf-table", sparsify=False)
    key = "mf-t" + hashlib.sha1(body.encode()).hexdigest()[:10]
    body = body.replace('class="dataframe mf-table"', f'class="dataframe mf-table" id="{key}"', 1)
    offset = shown.index.nlevels
    rules = [f"#{key} td,#{key} th{{text-align:left;white-space:normal;vertical-align:top;"
             "overflow-wrap:normal;word-break:normal}"]
    for i in range(shown.shape[1]):
        column = shown.iloc[:, i]
        nth = f"#{key} td:nth-child({i + 1 + offset})"
        if _is_numeric(column):
            rules.append(f"{nth}{{text-align:right}}")
        elif len(column) and max(len(format_cell(v)) for v in column) > _LONG_TEXT:
            rules.append(f"{nth}{{min-width:16em;max-width:40em}}")
    note = f'<p class="mf-table-note">{hidden} more rows not shown</p>' if hidden else ""
    return f"<style>{''.join(rules)}</style>{body}{note}"


def use_readable_tables() -> bool:
    """Show every DataFrame with :func:`table_html` in the running IPython kernel.

    Returns whether a kernel was found (outside IPython nothing changes). Only the HTML
    view changes; the plain-text view and the values stay pandas' own.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
    return True
