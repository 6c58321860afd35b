"""The teacher's key: for each exercise, the expected answers per report and the evidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from .exercises import EXERCISES, teacher_note
from .key_table import key_summary

#: exercise -> (the evidence columns shown, the column that picks the rows shown: None for all).
KEY_VIEWS: dict[str, tuple[list[str], str | None]] = {
    "dominant_voice": (["report", "speaker", "speaker_type", "share_of_voice", "statements", "behind_top"], None),
    "loaded_verbs": (["report", "item", "cue_class", "speakers", "example"], "right"),
    "tone_source": (["report", "item", "narrator_mean", "quoted_mean", "narrator_share_negative",
                     "quoted_share_negative", "if_only_quotation_marks"], "right"),
    "omissions": (["report", "item", "kind", "found_in", "example"], "required"),
    "leading_frame": (["report", "item", "present", "score", "note"], "right"),
}  # fmt: skip


def teacher_key(keys: Mapping[str, pd.DataFrame]) -> Iterator[tuple[str, str, pd.DataFrame, pd.DataFrame]]:
    """For each exercise of ``keys`` (:func:`~.keys.answer_keys`), in order:
    ``(heading, note for the teacher, expected answers per report, evidence)``."""
    for number, (name, key) in enumerate(keys.items(), start=1):
        columns, keep = KEY_VIEWS[name]
        evidence = key[key[keep]] if keep else key
        heading = f"Exercise {number} · {EXERCISES[name]['title'] if name in EXERCISES else name}"
        yield heading, teacher_note(name), key_summary(key), evidence[columns].reset_index(drop=True).round(3)
