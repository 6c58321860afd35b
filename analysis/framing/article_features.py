"""From sentence cue hits to the numbers an article-level frame decision is made from.

Coders of the frame battery code an article's *main focus*, read from its headline and lead,
and answer "yes" only on explicit indicators. The features below describe, per article and
frame, where and how often the frame's cues occur, so that a small model can weigh them as
the coders did:

- ``head``: the frame has a cue in the first sentence (the headline, or the headline and
  the first sentence of the body when the two are not apart);
- ``lead``: cues in the first three sentences (log(1 + n));
- ``share``: the share of the article's sentences that show the frame (0..1);
- ``hits``: all cues of the frame in the article (log(1 + n));
- ``questions``: how many of the frame's battery questions have at least one cue (0..5).

Example:
    >>> rows = [{"article": "a", "sentence": 0, "frame": "conflict", "question": "conflict.1"}]
    >>> f = article_features(rows, {"a": 10}, scheme="generic")["a"]["conflict"]
    >>> f["head"], f["share"], f["questions"]
    (1.0, 0.1, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .rules import FRAME_RULES

#: The features of every frame, in the order the model's weights follow.
FEATURES = ("head", "lead", "share", "hits", "questions")
#: Sentences that make up the lead (the headline counted as the first).
LEAD_SENTENCES = 3


def feature_names(scheme: str, frame: str) -> list[str]:
    """The features of one frame, in the order the model's weights follow."""
    if frame not in FRAME_RULES[scheme]:
        raise ValueError(f"no frame {frame!r} in the {scheme!r} scheme")
    return list(FEATURES)


def article_features(hits: Iterable[Mapping[str, Any]], totals: Mapping[Any, int], *, scheme: str = "generic") -> dict[Any, dict[str, dict[str, float]]]:
    """Per article and frame, the features named by :func:`feature_names`.

    Args:
        hits: rows of :func:`analysis.framing.frame_sentences` (mappings with ``article``,
            ``sentence``, ``frame``, ``question``); sentence numbers count from 0 within
            each article, in reading order.
        totals: article -> number of sentences (every article to describe, also those
            without any hit).
        scheme: the frame scheme whose frames are described.

    Returns:
        ``{article: {frame: {feature: value}}}``.
    """
    frames = list(FRAME_RULES[scheme])
    per: dict[Any, dict[str, dict[str, Any]]] = {
        a: {f: {"sentences": set(), "lead": 0, "hits": 0, "q": {}} for f in frames} for a in totals
    }
    for row in hits:
        a, f = row["article"], row["frame"]
        if a not in per or f not in per[a]:
            continue
        cell = per[a][f]
        s = int(row["sentence"])
        cell["sentences"].add(s)
        cell["hits"] += 1
        cell["q"].setdefault(row["question"], set()).add(s)
        cell["lead"] += s < LEAD_SENTENCES
    out: dict[Any, dict[str, dict[str, float]]] = {}
    for a, by_frame in per.items():
        n = max(int(totals[a]), 1)
        out[a] = {}
        for f, cell in by_frame.items():
            values = {
                "head": float(0 in cell["sentences"]),
                "lead": math.log1p(cell["lead"]),
                "share": len(cell["sentences"]) / n,
                "hits": math.log1p(cell["hits"]),
                "questions": float(len(cell["q"])),
            }
            out[a][f] = values
    return out
