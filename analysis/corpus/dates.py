"""Dates in news copy: parse a publication date, and tell a date line from body text.

The month names, weekdays and date-line labels ("Published:") are word lists in
:mod:`analysis.lexicons`; the patterns built from them are made on first use, so that
importing the corpus package stays cheap.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, ...], list[re.Pattern], re.Pattern]:
    """Month names (lower case), the date patterns and the date-line pattern."""
    from ..lexicons import words

    months = words("months.txt")
    # "jan", "feb", ...: a name, an abbreviation ("Sept." too: "sep" then more letters), a dot
    month = "(?:" + "|".join(re.escape(m[:3]) for m in months) + r")[a-z]*\.?"
    date_patterns = [
        re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        re.compile(rf"(?P<mon>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
        re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{month}),?\s+(?P<y>\d{{4}})", re.I),
    ]
    labels = "|".join(re.escape(w) for w in words("dateline_labels.txt"))
    weekday = "(?:(?:" + "|".join(re.escape(w) for w in words("weekdays.txt")) + r"),?\s*)?"
    dateline = re.compile(
        rf"^(?:(?:{labels})\s*:?\s*)?{weekday}"
        rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.+\-Z]*)?|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}){_TIME}\.?$",
        re.I,
    )
    return months, date_patterns, dateline


def parse_date(value: str) -> str | None:
    """ISO date ``YYYY-MM-DD`` from common news date forms, or None.

    >>> parse_date("April 08, 2021"), parse_date("8 Apr 2021"), parse_date("2021-04-08T10:00Z")
    ('2021-04-08', '2021-04-08', '2021-04-08')
    """
    months, date_patterns, _ = _patterns()
    value = (value or "").strip()
    for pattern in date_patterns:
        m = pattern.search(value)
        if not m:
            continue
        if "mon" in m.groupdict():
            prefix = m["mon"].lower().rstrip(".")[:3]
            month = next(i for i, name in enumerate(months, 1) if name.startswith(prefix))
        else:
            month = int(m["m"])
        try:
            return datetime(int(m["y"]), month, int(m["d"])).date().isoformat()
        except ValueError:
            return None
    return None


def is_dateline(line: str) -> bool:
    """True when a whole line is a date (with optional weekday, time, 'Published:')."""
    return len(line) < 80 and bool(_patterns()[2].match(line.strip()))
