"""Fit and measure the article-level frame model (``python -m analysis train frames`` /
``evaluate frames``).

Data: the Narrative Frames Corpus development articles (``frames/nfc_dev.jsonl``, 182
articles coded by 2-3 trained coders with the generic battery). There is no separate train
split: :func:`evaluate` reports *out-of-fold* figures from a stratified 5-fold
cross-validation (fixed seed), each article predicted by a model that never saw it, and
:func:`train` fits the shipped weights on all the articles. Whatever the model chooses (each
frame's regularisation strength, the thresholds of :mod:`.article_thresholds`) is chosen by
:func:`fit` from cross-validated probabilities of the articles it is given, so inside each
training fold when measuring. Fitting uses scikit-learn (imported here only);
:mod:`.article_decision` applies the weights in plain Python.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .article_features import article_features, feature_names
from .article_thresholds import PRECISION_FLOOR, choose_thresholds
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
#: Inverse regularisation strengths a frame's model chooses from (inside the training articles).
CS = (0.03, 0.1, 0.3, 1.0)
INNER_FOLDS = 5
INNER_REPEATS = 2
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


def _probabilities(z, y, c: float):
    """Cross-validated probabilities of training articles (5 folds repeated twice, fixed seed;
    each article's mean over the repeats)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import RepeatedStratifiedKFold

    folds = RepeatedStratifiedKFold(n_splits=INNER_FOLDS, n_repeats=INNER_REPEATS, random_state=SEED)
    total = np.zeros(len(y))
    seen = np.zeros(len(y))
    for train_idx, test_idx in folds.split(z, y):
        model = LogisticRegression(C=c, max_iter=2000).fit(z[train_idx], y[train_idx])
        total[test_idx] += model.predict_proba(z[test_idx])[:, 1]
        seen[test_idx] += 1
    return total / seen


def _log_loss(prob, y) -> float:
    import numpy as np

    p = np.clip(prob, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit_frame(ids, features, gold, frame) -> tuple[dict[str, Any], list[float]]:
    """Standardised logistic regression for one frame, its strength ``C`` chosen among
    :data:`CS` by the log-loss of cross-validated probabilities on these articles only.

    Returns the weights as plain lists and the chosen model's cross-validated probabilities
    (from which :func:`fit` chooses the thresholds)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array(_matrix(ids, features, frame), dtype=float)
    y = np.array([gold[i][frame] for i in ids], dtype=int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    best = None
    for c in CS:
        prob = _probabilities(z, y, c)
        loss = _log_loss(prob, y)
        if best is None or loss < best[0] - 1e-12:
            best = (loss, c, prob)
    _, c, prob = best
    model = LogisticRegression(C=c, max_iter=2000).fit(z, y)
    weights = {
        "features": feature_names("generic", frame),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "C": c,
    }
    return weights, [float(v) for v in prob]


def fit(ids, features, gold) -> dict[str, Any]:
    """Weights and thresholds for every frame, learnt from ``ids`` only (the strength of each
    model and the thresholds by cross-validation within these articles)."""
    frames = list(FRAME_RULES["generic"])
    fitted = {f: fit_frame(ids, features, gold, f) for f in frames}
    thresholds = choose_thresholds({f: fitted[f][1] for f in frames},
                                   {f: [int(gold[i][f]) for i in ids] for f in frames})
    return {
        "scheme": "generic",
        "what": "per frame, a logistic model over cue positions and counts (analysis.framing.article_features); "
                "present when the probability reaches the threshold",
        "trained_on": f"Narrative Frames Corpus development articles ({len(ids)}), coders' gold frames",
        "decision": "C per frame by the log-loss of 5x2-fold cross-validated probabilities; thresholds by "
                    "analysis.framing.article_thresholds on the same probabilities (micro precision >= "
                    f"{PRECISION_FLOOR}, every frame above the every-frame F1, best mean of micro- and macro-F1)",
        "frames": {f: {**fitted[f][0], "threshold": thresholds[f]} for f in frames},
    }


def out_of_fold(ids, features, gold, choices: list | None = None) -> dict[str, dict[str, bool]]:
    """Each article's prediction by a model fitted on the other folds (stratified on the
    combination of rare frames, fixed seed). Everything the model chooses (each frame's
    ``C`` and threshold) is chosen again inside each training fold; ``choices``, when given,
    receives them, one ``{frame: (C, threshold)}`` per fold."""
    from sklearn.model_selection import StratifiedKFold

    from .article_decision import frame_probability

    strata = [int(gold[i]["human_interest"]) * 2 + int(gold[i]["morality"]) for i in ids]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    predicted: dict[str, dict[str, bool]] = {}
    for train_idx, test_idx in folds.split(ids, strata):
        model = fit([ids[k] for k in train_idx], features, gold)
        if choices is not None:
            choices.append({f: (w["C"], w["threshold"]) for f, w in model["frames"].items()})
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
    choices: list = []
    model = scores(out_of_fold(ids, features, gold, choices), gold, ids, frames)
    every = scores({i: {f: True for f in frames} for i in ids}, gold, ids, frames)
    old = scores({i: {f: features[i][f]["share"] >= OLD_RULE_SHARE for f in frames} for i in ids}, gold, ids, frames)
    return {"model": model, "every": every, "old": old, "n": len(ids), "frames": frames,
            "positives": {f: sum(gold[i][f] for i in ids) for f in frames}, "choices": choices}


def train(data_dir: Path) -> Path:
    """Fit the shipped weights on every coded article; write ``frames_generic.json``."""
    ids, features, gold = article_table(load_articles(data_dir))
    model = fit(ids, features, gold)
    m = measure(data_dir)
    model["measured"] = {
        "how": f"out-of-fold F1 on the {m['n']} coded articles ({FOLDS}-fold cross-validation, seed {SEED}; "
                "C and thresholds chosen inside each training fold)",
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
    lines += ["", f"Chosen inside each training fold (C of the logistic model / threshold), folds 1-{FOLDS}:", "",
              "| frame | " + " | ".join(f"fold {k + 1}" for k in range(len(m["choices"]))) + " |",
              "|---|" + "---:|" * len(m["choices"])]
    for f in m["frames"]:
        lines.append(f"| {f} | " + " | ".join(f"{c[f][0]:g} / {c[f][1]:.3f}" for c in m["choices"]) + " |")
    lines += ["", evaluate_policy(Path(data_dir))]
    return "\n".join(lines) + "\n"
