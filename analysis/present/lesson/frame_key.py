"""The key of "which frame leads each report?", from the suite's article-level frames."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ...lexicons import table
from .key_table import _key_frame

#: frame -> the spellings that count as naming it (``lesson_frame_names.toml``).
FRAME_NAMES: dict[str, tuple[str, ...]] = {frame: tuple(forms) for frame, forms in table("lesson_frame_names.toml").items()}


def leading_frame_key(frames: pd.DataFrame, *, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Key for "which frame leads each report?".

    Per report, the frame with the highest score among those present is right and expected;
    the other present frames are right but not expected; absent frames are known wrong
    answers. A report with no frame present expects nothing (every frame is then wrong).

    Args:
        frames: ``article, frame, present, score`` (:func:`analysis.framing.article_frames`).
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` plus ``present`` and ``score``.

    Example:
        >>> f = pd.DataFrame({"article": ["a"] * 3, "frame": ["conflict", "economic", "morality"],
        ...                   "present": [True, True, False], "score": [0.4, 0.7, 0.0]})
        >>> leading_frame_key(f)[["item", "right", "required"]].values.tolist()
        [['economic', True, True], ['conflict', True, False], ['morality', False, False]]
    """
    rows = []
    for article, group in frames.groupby("article", sort=False):
        group = group.sort_values("score", ascending=False, kind="stable")
        present = group[group["present"].astype(bool)]
        lead = present["frame"].iloc[0] if len(present) else None
        for r in group.itertuples():
            label = r.frame.replace("_", " ")
            if r.frame == lead:
                right, note = True, "the frame the suite finds strongest"
            elif r.present:
                right, note = True, "present too, though not the strongest"
            else:
                right, note = False, "the suite does not find this frame here"
            rows.append({
                "report": (labels or {}).get(article, article), "item": label,
                "accepted": tuple(dict.fromkeys([label, *FRAME_NAMES.get(r.frame, ())])),
                "right": right, "required": r.frame == lead, "note": note,
                "present": bool(r.present), "score": float(r.score),
            })  # fmt: skip
    return _key_frame(rows, ["present", "score"])
