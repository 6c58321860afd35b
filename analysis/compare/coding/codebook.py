"""The codebook of a coding sheet: every category a student codes, in plain words.

Speaker types and frame instructions come from ``analysis/lexicons/coding_codebook.toml``;
the frames' yes/no questions from the generic frame battery
(:data:`analysis.framing.GENERIC_QUESTIONS`).

Example:
    >>> book = codebook()
    >>> list(book.columns)
    ['sheet', 'column', 'answer', 'meaning']
    >>> "citizen" in set(book["answer"])
    True
"""

from __future__ import annotations

import pandas as pd

from ...lexicons import table

_BOOK = table("coding_codebook.toml")

#: speaker type -> what it means, in the order a coder reads them.
SPEAKER_TYPES: dict[str, str] = dict(_BOOK["speaker_types"])
#: generic frame -> what it means.
FRAMES: dict[str, str] = dict(_BOOK["frames"])
#: sheet -> how to code it.
INSTRUCTIONS: dict[str, str] = dict(_BOOK["instructions"])


def frame_label(frame: str) -> str:
    """A frame as students read it: ``human_interest`` -> ``human interest``."""
    return frame.replace("_", " ")


def codebook() -> pd.DataFrame:
    """Every category of the sheets, one row each: ``sheet, column, answer, meaning``."""
    from ... import framing

    rows = [("statements", "(how to code)", "", INSTRUCTIONS["statements"])]
    rows += [("statements", "speaker_type", name, meaning) for name, meaning in SPEAKER_TYPES.items()]
    rows.append(("frames", "(how to code)", "", INSTRUCTIONS["frames"]))
    for frame, meaning in FRAMES.items():
        rows.append(("frames", frame_label(frame), "yes / no", meaning))
        for rule, question in framing.GENERIC_QUESTIONS.items():
            if rule.split(".")[0] == frame:
                rows.append(("frames", frame_label(frame), "question", question))
    return pd.DataFrame(rows, columns=["sheet", "column", "answer", "meaning"])
