"""Coding by hand, as content analysis is taught: sheets of units to code, and agreement.

Students code the same texts by hand (who is quoted, of which type; which frames an article
shows), compare their coding with each other's and with the suite's, and measure how far
they agree. One question per module:

- :mod:`.units`: which units a sheet holds (the attributed statements and the articles of
  a selection), with the suite's own answers kept apart as the key;
- :mod:`.codebook`: the categories in plain words;
- :mod:`.sheets`: writing the sheets (``.xlsx``, or ``.csv`` files) and reading filled ones back;
- :mod:`.agreement`: percent agreement and Krippendorff's alpha (nominal), among the
  students and between each student and the suite, confusion tables and the units where
  coders disagree.

References:
    Krippendorff, K. (2019). Content Analysis: An Introduction to Its Methodology (4th ed.).
    SAGE. (Reliability, alpha.)
    Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics: A content analysis
    of press and television news. Journal of Communication 50(2).
"""

from .agreement import (
    AGREEMENT_COLUMNS,
    SUITE,
    agreement,
    alpha,
    confusion,
    disagreements,
    percent_agreement,
)
from .codebook import FRAMES, SPEAKER_TYPES, codebook
from .sheets import read_sheet, read_sheets, sheet_texts, write_sheet
from .units import CodingUnits, coding_units

__all__ = [
    "AGREEMENT_COLUMNS",
    "FRAMES",
    "SPEAKER_TYPES",
    "SUITE",
    "CodingUnits",
    "agreement",
    "alpha",
    "codebook",
    "coding_units",
    "confusion",
    "disagreements",
    "percent_agreement",
    "read_sheet",
    "read_sheets",
    "sheet_texts",
    "write_sheet",
]
