"""Fit and measure the article-level frame model (``python -m analysis train frames`` /
``evaluate frames``).

Data: the Narrative Frames Corpus development articles (``frames/nfc_dev.jsonl``, 182
articles coded by 2-3 trained coders with the generic battery). There is no separate train
split: :func:`evaluate` reports *out-of-fold* figures from a stratified 5-fold
cross-validation (fixed seed), each article predicted by a model that never saw it, and
:func:`train` fits the shipped weights on all the articles. Fitting uses scikit-learn
(imported here only); :mod:`.article_decision` applies the weights in plain Python.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .article_features import article_features, feature_names
from .frames import frame_sentences
from .policy_eval import evaluate_policy
from .rules import FRAME_RULES

#: Coded labels of the corpus -> the project's generic frames.
NFC_FRAMES = {"CO": "conflict", "EC": "economic", "HI": "human_interest", "MO": "morality", "RE": "responsibility"}
#: Coder-vs-coder F1 per frame, micro and macro (the corpus README, whole corpus).
CODERS = {"conflict": 0.86, "economic": 0.70, "human_interest": 0.55, "morality": 0.45,
          "responsibility": 0.73, "micro": 0.73, "macro": 0.66}
FOLDS = 5
SEED = 20231
C = 0.1  # inverse regularisation strength of each logistic model (chosen by out-of-fold F1 among 0.03-1)
OLD_RULE_SHARE = 0.10  # the former rule: present when >= 10% of the sentences show the frame


def load_articles(data_dir: Path) -> list[dict[str, Any]]:
    """The coded articles of ``nfc_dev.jsonl``, in file order."""
    path = Path(data_dir) / "nfc_dev.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"no coded articles at {path}")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def article_table(articles: list[dict[str, Any]]) -> tuple[list[str], dict, dict]:
    """Ids, features (``{id: {frame: {feature: value}}}``) and gold (``{id: {frame: bool}}``)."""
    from ._sentences import _as_sentences

    texts = {str(a["id"]): a["text"] for a in articles}
    sentences, _ = _as_sentences(texts)
    hits = frame_sentences(sentences)
    first = sentences.groupby("article")["sentence"].min()
    hits = hits.assign(sentence=hits["sentence"] - hits["article"].map(first))
    totals = sentences.groupby("article").size().to_dict()
    features = article_features(hits[["article", "sentence", "frame", "question"]].to_dict("records"), totals)
    gold = {str(a["id"]): {NFC_FRAMES[k]: bool(v) for k, v in a["gold"].items()} for a in articles}
    return list(texts), features, gold


def _matrix(ids, features, frame):
    names = feature_names("generic", frame)
    return [[features[i][frame][n] for n in names] for i in ids]


def fit_frame(ids, features, gold, frame) -> dict[str, Any]:
    """Standardised logistic regression for one frame; its weights as plain lists."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array(_matrix(ids, features, frame), dtype=float)
    y = np.array([gold[i][frame] for i in ids], dtype=int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    model = LogisticRegression(C=C, max_iter=2000).fit(z, y)
    return {
        "features": feature_names("generic", frame),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": _threshold(z, y),
    }


def _threshold(z, y) -> float:
    """The probability threshold with the best F1 on inner cross-validated predictions
    (3 folds, fixed seed); ties go to the higher threshold."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)
    prob = cross_val_predict(LogisticRegression(C=C, max_iter=2000), z, y, cv=folds, method="predict_proba")[:, 1]
    best, best_f1 = 0.5, -1.0
    for t in np.round(np.arange(0.10, 0.91, 0.05), 2):
        pred = prob >= t
        tp = int((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if tp else 0.0
        if f1 >= best_f1:
            best, best_f1 = float(t), f1
    return best


def fit(ids, features, gold) -> dict[str, Any]:
    return {
        "scheme": "generic",
        "what": "per frame, a logistic model over cue positions and counts (analysis.framing.article_features); "
                "present when the probability reaches the threshold",
        "trained_on": f"Narrative Frames Corpus development articles ({len(ids)}), coders' gold frames",
        "frames": {f: fit_frame(ids, features, gold, f) for f in FRAME_RULES["generic"]},
    }


def out_of_fold(ids, features, gold) -> dict[str, dict[str, bool]]:
    """Each article's prediction by a model fitted on the other folds (stratified on the
    combination of rare frames, fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    from .article_decision import frame_probability

    strata = [int(gold[i]["human_interest"]) * 2 + int(gold[i]["morality"]) for i in ids]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    predicted: dict[str, dict[str, bool]] = {}
    for train_idx, test_idx in folds.split(ids, strata):
        model = fit([ids[k] for k in train_idx], features, gold)
        for k in test_idx:
            i = ids[k]
            predicted[i] = {f: frame_probability(features[i][f], w) >= w["threshold"] for f, w in model["frames"].items()}
    return predicted


def scores(predicted, gold, ids, frames) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 per frame, micro and macro (macro: mean of the frames' F1)."""
    out = {}
    total = [0, 0, 0]
    for f in frames:
        tp = sum(predicted[i][f] and gold[i][f] for i in ids)
        fp = sum(predicted[i][f] and not gold[i][f] for i in ids)
        fn = sum(gold[i][f] and not predicted[i][f] for i in ids)
        out[f] = _prf(tp, fp, fn)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    out["micro"] = _prf(*total)
    out["macro"] = tuple(sum(out[f][k] for f in frames) / len(frames) for k in range(3))
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def measure(data_dir: Path) -> dict[str, Any]:
    """Out-of-fold scores, the every-frame baseline and the old share rule, per frame."""
    ids, features, gold = article_table(load_articles(data_dir))
    frames = list(FRAME_RULES["generic"])
    model = scores(out_of_fold(ids, features, gold), gold, ids, frames)
    every = scores({i: {f: True for f in frames} for i in ids}, gold, ids, frames)
    old = scores({i: {f: features[i][f]["share"] >= OLD_RULE_SHARE for f in frames} for i in ids}, gold, ids, frames)
    return {"model": model, "every": every, "old": old, "n": len(ids), "frames": frames,
            "positives": {f: sum(gold[i][f] for i in ids) for f in frames}}


def train(data_dir: Path) -> Path:
    """Fit the shipped weights on every coded article; write ``frames_generic.json``."""
    ids, features, gold = article_table(load_articles(data_dir))
    model = fit(ids, features, gold)
    m = measure(data_dir)
    model["measured"] = {
        "how": f"out-of-fold F1 on the {m['n']} coded articles ({FOLDS}-fold cross-validation, seed {SEED})",
        "frames": {
            f: {"precision": round(m["model"][f][0], 3), "recall": round(m["model"][f][1], 3),
                "f1": round(m["model"][f][2], 3), "every_frame_f1": round(m["every"][f][2], 3),
                "coders_f1": CODERS[f], "articles_with_frame": m["positives"].get(f)}
            for f in m["frames"] + ["micro", "macro"]
        },
    }
    path = Path(__file__).resolve().parent.parent / "lexicons" / "models" / "frames_generic.json"
    path.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def evaluate(data_dir: Path) -> str:
    """The Markdown tables of ``docs/frames_model.md``: generic frames out-of-fold, policy
    frames on the FrAC sentences."""
    m = measure(data_dir)
    lines = [
        f"Generic frames, {m['n']} coded articles, out-of-fold ({FOLDS}-fold cross-validation, seed {SEED}):",
        "",
        "| frame | articles with it | P | R | F1 | every-frame F1 | old ≥10% rule F1 | coders F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in m["frames"] + ["micro", "macro"]:
        p, r, f1 = m["model"][f]
        n = m["positives"].get(f, "")
        lines.append(f"| {f} | {n} | {p:.2f} | {r:.2f} | {f1:.2f} | {m['every'][f][2]:.2f} | "
                     f"{m['old'][f][2]:.2f} | {CODERS[f]:.2f} |")
    lines += ["", evaluate_policy(Path(data_dir))]
    return "\n".join(lines) + "\n"
