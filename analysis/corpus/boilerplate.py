"""The lines people bring along when they copy an article: database and page markers
("ABSTRACT", "FULL TEXT", "Advertisement", "Read more"), bylines ("By Jane Doe") and
copyright lines, told apart from the body so that they are neither sentences nor statements.

Each step takes the article's paragraphs and returns those it keeps with a note per removal;
:func:`analysis.corpus.layout.split_layout` runs them and the notes go to the article's
``notes``. The markers are a word list (``lexicons/boilerplate_markers.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?P<names>[A-Z][\w.'’-]*(?:(?:\s+|\s*[,&|/]\s*|\s+and\s+)[A-Z][\w.'’-]*){0,9})"
    r"(?:\s*[,|/–-]\s*(?P<role>[A-Z][\w.'’ -]{0,60}))?$"
)
_COPYRIGHT = re.compile(r"^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b)|©|\(c\)\s*\d{4}|all rights reserved\b)", re.I)
#: A byline or copyright line longer than this many words is body text.
MAX_BYLINE_WORDS, MAX_COPYRIGHT_WORDS = 12, 40


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], re.Pattern]:
    """The marker phrases (lower case) and the pattern of a capitalised marker opening a paragraph."""
    from ..lexicons import words

    phrases = words("boilerplate_markers.txt")
    alternatives = "|".join(r"\s+".join(re.escape(word.upper()) for word in p.split()) for p in phrases)
    opening = re.compile(rf"^(?P<marker>{alternatives})\s*[:.]\s+(?P<rest>\S.*)$", re.S)
    return frozenset(phrases), opening


def _bare(paragraph: str) -> str:
    """The paragraph lower-cased, spaces squeezed, final ``.:!`` and spaces dropped."""
    return " ".join(paragraph.split()).rstrip(" .:!").lower()


def is_marker(paragraph: str) -> bool:
    """Whether the whole paragraph is a boilerplate marker ("FULL TEXT.", "Advertisement").

    >>> is_marker("FULL TEXT."), is_marker("Advertisement"), is_marker("Read more"), is_marker("Full text of the bill.")
    (True, True, True, False)
    """
    return _bare(paragraph) in _markers()[0]


def is_byline(paragraph: str) -> bool:
    """Whether the paragraph is a byline: "By" and capitalised names (with "and", commas, a role).

    >>> is_byline("By Jane Doe"), is_byline("By JANE DOE and Tom Roe, Staff Writers"), is_byline("By Monday the vote was over.")
    (True, True, False)
    """
    text = " ".join(paragraph.split())
    return len(text.split()) <= MAX_BYLINE_WORDS and bool(_BYLINE.match(text))


def is_copyright(paragraph: str) -> bool:
    """Whether the paragraph is a copyright line ("Copyright 2024 The Harbour Gazette", "© ...").

    >>> is_copyright("Copyright © 2024 The Daily Tide. All rights reserved."), is_copyright("Copyright law was changed in May, and the court ruled.")
    (True, False)
    """
    return len(paragraph.split()) <= MAX_COPYRIGHT_WORDS and bool(_COPYRIGHT.match(paragraph.strip()))


def strip_boilerplate(
    paragraphs: list[str], *, byline_within: int = 4, plain: Callable[[str], str] = str.strip
) -> tuple[list[str], list[str]]:
    """The paragraphs without markers, bylines (among the first ``byline_within``) and
    copyright lines, and one note per removal, in text order.

    A paragraph opened by a marker in capitals ("ABSTRACT: The council ...") keeps its text
    without the marker. ``plain`` gives the text a paragraph is judged by (e.g. without
    its markup); kept paragraphs are returned as given.

    >>> strip_boilerplate(["FULL TEXT", "By Jane Doe", "The council met.", "Advertisement", "It voted."])
    (['The council met.', 'It voted.'], ["removed 'FULL TEXT'", "removed the byline 'By Jane Doe'", "removed 'Advertisement'"])
    """
    _, opening = _markers()
    kept, notes = [], []
    for i, paragraph in enumerate(paragraphs):
        long = paragraph.count(" ") >= MAX_COPYRIGHT_WORDS  # then only a marker in capitals can open it
        text = paragraph.strip() if long else plain(paragraph).strip()
        if long:
            m = opening.match(text)
            if m:
                notes.append(f"removed {m['marker']!r} before the text")
            kept.append(m["rest"] if m else paragraph)
            continue
        if is_marker(text):
            notes.append(f"removed {text!r}")
        elif i < byline_within and is_byline(text):
            notes.append(f"removed the byline {text!r}")
        elif is_copyright(text):
            notes.append(f"removed the copyright line {text!r}")
        elif m := opening.match(text):
            notes.append(f"removed {m['marker']!r} before the text")
            kept.append(m["rest"])
        else:
            kept.append(paragraph)
    return kept, notes
