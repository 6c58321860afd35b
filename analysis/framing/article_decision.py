"""Is a frame present in an article, as a trained coder would say? :func:`article_frames`.

The decision is a small logistic model per frame over where and how often the frame's cues
occur (:mod:`.article_features`): in the headline, in the lead, in what share of the
sentences, for how many of the battery's questions. Its weights were fitted on articles coded
by trained coders (``docs/frames_model.md``) and are stored as printable JSON in
``analysis/lexicons/models/frames_generic.json``; this module only reads them (plain Python,
no fitting library needed).
"""

from __future__ import annotations

import functools
import math
from typing import Any

import pandas as pd

from ..lexicons import model_json
from ._results import _frame
from ._sentences import _as_sentences
from .article_features import LEAD_SENTENCES, article_features
from .frames import frame_sentences
from .rules import FRAME_RULES

_COLUMNS = ["article", "frame", "present", "score", "evidence"]
#: Schemes with fitted article-level weights.
_FITTED = ("generic",)
#: Evidence listed per article and frame: the hits that weigh most (headline and lead first).
MAX_EVIDENCE = 6


@functools.lru_cache(maxsize=2)
def frame_model(scheme: str = "generic") -> dict[str, Any]:
    """The fitted weights of ``scheme`` (``frames_<scheme>.json``), read once."""
    if scheme not in FRAME_RULES:
        raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
    if scheme not in _FITTED:
        raise ValueError(f"no article-level weights for the {scheme!r} scheme (fitted: {list(_FITTED)}); "
                         "use frame_sentences(..., scheme=...) for its sentence hits")
    return model_json(f"frames_{scheme}.json")


def frame_probability(features: dict[str, float], weights: dict[str, Any]) -> float:
    """The model's probability that a frame is present, from its features and weights."""
    z = float(weights["intercept"])
    for name, mean, scale, w in zip(weights["features"], weights["mean"], weights["scale"], weights["weights"]):
        z += w * (features.get(name, 0.0) - mean) / scale
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def _evidence(part: pd.DataFrame) -> tuple[dict[str, Any], ...]:
    part = part.sort_values(["sentence", "start"], kind="stable")
    lead = part[part["sentence"] < LEAD_SENTENCES]
    rest = part[part["sentence"] >= LEAD_SENTENCES]
    chosen = pd.concat([lead, rest]).head(MAX_EVIDENCE)
    return tuple(
        {"sentence": int(s), "question": q, "cue": c, "matched": m, "start": int(b), "end": int(e)}
        for s, q, c, m, b, e in zip(chosen["sentence"], chosen["question"], chosen["cue"],
                                    chosen["matched"], chosen["start"], chosen["end"])
    )


def article_frames(texts_or_corpus: Any, *, scheme: str = "generic", hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which frames each article shows as a whole, the judgement a trained coder would make.

    Coders of Semetko & Valkenburg's battery code an article's main focus (headline and
    lead) from explicit indicators; a cue somewhere in the body is not enough. The decision
    here weighs the frame's cues by position and spread with weights fitted on coded
    articles; how often it agrees with the coders, frame by frame, is in
    ``docs/framing_rules.md`` and ``docs/frames_model.md``.

    Args:
        texts_or_corpus: anything :func:`analysis.framing.frame_sentences` accepts (a corpus,
            a dict ``{article_id: text}``, a sentences frame, a string).
        scheme: ``"generic"`` (the only scheme with fitted weights so far).
        hits: the :func:`frame_sentences` output of the same input, when already computed.

    Returns:
        One row per article and frame: ``article``, ``frame``, ``present`` (bool), ``score``
        (the model's probability, 0..1; present when it reaches the frame's threshold) and
        ``evidence``: a tuple of the cue hits that weigh most (those of the headline and lead
        first), each a dict ``sentence, question, cue, matched, start, end`` with offsets
        into the article text. ``article`` is ``None`` for a single text.

    Example:
        >>> text = "Strike ends in bitter dispute. Unions clashed with the firm over pay."
        >>> rows = article_frames(text)
        >>> rows.set_index("frame").loc["conflict", "present"]
        True
    """
    model = frame_model(scheme)
    sentences, has_article = _as_sentences(texts_or_corpus)
    if not has_article:
        sentences = sentences.assign(article="")
    if hits is None:
        hits = frame_sentences(sentences, scheme=scheme)
    if "article" not in hits.columns:
        hits = hits.assign(article="")
    first = sentences.groupby("article", sort=False)["sentence"].min()
    totals = sentences.groupby("article", sort=False).size()
    relative = hits.assign(sentence=hits["sentence"] - hits["article"].map(first).fillna(0).astype("int64"))
    records = relative[["article", "sentence", "frame", "question"]].to_dict("records")
    features = article_features(records, dict(totals), scheme=scheme)
    rows = []
    for article, by_frame in features.items():
        mine = relative[relative["article"] == article]
        for frame in FRAME_RULES[scheme]:
            weights = model["frames"][frame]
            score = frame_probability(by_frame[frame], weights)
            part = mine[mine["frame"] == frame]
            evidence = _evidence(part.assign(sentence=part["sentence"] + int(first.get(article, 0))))
            rows.append({"article": article if has_article else None, "frame": frame, "present": score >= weights["threshold"],
                         "score": round(score, 4), "evidence": evidence})
    out = _frame(rows, _COLUMNS)
    if not out.empty:
        out["present"] = out["present"].astype(bool)
        out["score"] = out["score"].astype(float)
    return out
