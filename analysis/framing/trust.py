"""How far to trust each frame: the article-level decision against trained coders, in plain words.

The figures come with the fitted weights (``frames_generic.json``, written by ``python -m
analysis train frames``): out-of-fold F1 of :func:`analysis.framing.article_frames` on the
coded development articles, next to how often two coders agree with each other and to the
F1 of simply saying "yes" for every article.
"""

from __future__ import annotations

import pandas as pd

from .article_decision import frame_model
from .rules import FRAME_RULES


def _in_words(f1: float, coders: float, every: float) -> str:
    if f1 >= coders - 0.05:
        return "agrees with the coders about as often as two coders agree with each other"
    if f1 >= every + 0.10:
        return "agrees with the coders less often than they agree with each other, but clearly better than a blanket yes"
    if f1 > every:
        return "only a little better than saying yes for every article: check the evidence yourself"
    return "no better than saying yes for every article: do not rely on it"


def frame_trust(scheme: str = "generic") -> pd.DataFrame:
    """Per frame: ``frame, suite_f1, coders_f1, every_frame_f1, precision, recall, in_words``.

    F1 is the balance of precision (how many articles the suite calls a frame that coders
    also call it) and recall (how many of the coders' articles the suite finds), 0..1.

    Example:
        >>> list(frame_trust()["frame"])[:2]
        ['conflict', 'economic']

    """
    measured = frame_model(scheme)["measured"]["frames"]
    rows = [
        {"frame": f, "suite_f1": m["f1"], "coders_f1": m["coders_f1"], "every_frame_f1": m["every_frame_f1"],
         "precision": m["precision"], "recall": m["recall"],
         "in_words": _in_words(m["f1"], m["coders_f1"], m["every_frame_f1"])}
        for f, m in ((f, measured[f]) for f in FRAME_RULES[scheme])
    ]
    return pd.DataFrame(rows, columns=["frame", "suite_f1", "coders_f1", "every_frame_f1", "precision", "recall", "in_words"])
