"""The tone towards a target: a multinomial logistic regression over readable features,
trained on news sentences labelled for their tone towards one person or organisation.

- :func:`predict` reads the shipped weights (``analysis/lexicons/models/target_tone.json``,
  a table feature -> one weight per class) in plain Python: the features of
  :mod:`.target_features`, a weighted sum per class, a softmax. No scikit-learn at run time.
- :func:`train` learns the weights from the TRAIN split of NewsMTSC (scikit-learn, fixed
  settings: the result is the same on every run) and prunes the near-zero ones;
- :func:`evaluate` measures the shipped weights on the two development parts, beside
  sentence-level VADER and an always-neutral answer (:mod:`.target_eval`).

``python -m analysis train tone`` / ``python -m analysis evaluate tone`` call them; the data
card is ``docs/target_tone_model.md``.

References:
    Hamborg, F. & Donnay, K. (2021). NewsMTSC: A Dataset for (Multi-)Target-dependent
    Sentiment Classification in Political News Articles. EACL 2021.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from .. import lexicons
from .target_features import DEFAULT_GROUPS, features

MODEL_FILE = "target_tone.json"
CLASSES = ("negative", "neutral", "positive")
#: NewsMTSC's polarity codes
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
#: regularisation (inverse strength), chosen by 5-fold cross-validation on the train split
#: grouped by article (:mod:`.target_cv`), among 0.05, 0.1 and 0.2 (macro-F1 0.663, 0.666, 0.660)
C = 0.1
#: class weights of the training (inverse frequency)
CLASS_WEIGHT = "balanced"
#: added to the negative and positive scores after training (the neutral one fixed): chosen on
#: the out-of-fold scores of the cross-validation (``python -m analysis.sentiment.target_cv
#: --offsets``; none helped at C = 0.1)
OFFSETS = (0.0, 0.0)
#: features whose weights all lie within this distance of their mean are dropped
PRUNE = 0.03


@functools.lru_cache(maxsize=1)
def weights() -> tuple[dict[str, tuple[float, float, float]], tuple[float, float, float]]:
    """The shipped weights: feature -> (negative, neutral, positive), and the intercepts."""
    model = lexicons.model_json(MODEL_FILE)
    table = {name: tuple(w) for name, w in model["weights"].items()}
    return table, tuple(model["intercept"])


@functools.lru_cache(maxsize=1)
def feature_groups() -> frozenset[str]:
    """The feature groups the shipped weights were trained with (see :mod:`.target_features`)."""
    return frozenset(lexicons.model_json(MODEL_FILE).get("groups", DEFAULT_GROUPS))


def predict(text: str, start: int, end: int, tokens=None) -> tuple[str, float, list[dict]]:
    """The label, the score and the evidence for the target at ``text[start:end]``.

    Returns:
        ``(label, score, evidence)``: the most probable class; ``score`` = P(positive) −
        P(negative), from −1 to 1; ``evidence``: one dict per cue that moved the decision
        (``text``, ``start``, ``end``, ``cue``: the feature names joined by "; ",
        ``weight``: its push towards positive (> 0) or negative (< 0)), strongest first.

    Example:
        >>> predict("Smith praised Jones.", 14, 19)[0]
        'positive'
    """
    table, intercept = weights()
    sums = list(intercept)
    cues: dict[tuple[int, int], list] = {}
    for name, value, span in features(text, start, end, tokens, groups=feature_groups()):
        w = table.get(name)
        if w is None:
            continue
        for k in range(3):
            sums[k] += value * w[k]
        push = value * (w[2] - w[0])
        entry = cues.setdefault(span, [0.0, []])
        entry[0] += push
        entry[1].append(name)
    top = max(sums)
    exp = [math.exp(s - top) for s in sums]
    total = sum(exp)
    probs = [e / total for e in exp]
    label = CLASSES[probs.index(max(probs))]
    evidence = [
        {"text": text[a:b], "start": a, "end": b, "cue": "; ".join(names), "weight": round(push, 3)}
        for (a, b), (push, names) in cues.items()
        if abs(push) >= 0.05 and (a, b) != (start, end)
    ]
    evidence.sort(key=lambda e: (-abs(e["weight"]), e["start"]))
    return label, round(probs[2] - probs[0], 4), evidence


def fit(data_dir: Path, *, c: float = C):
    """The fitted scikit-learn model and its vectoriser, from the TRAIN split (``train.jsonl``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from .target_cv import examples

    rows = examples(Path(data_dir) / "train.jsonl", DEFAULT_GROUPS)
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform([r[0] for r in rows])
    model = LogisticRegression(C=c, max_iter=5000, class_weight=CLASS_WEIGHT, solver="lbfgs")
    model.fit(matrix, [r[1] for r in rows])
    return model, vectoriser, len(rows)


def train(data_dir: Path) -> Path:
    """Learn the weights from ``data_dir/train.jsonl`` and write ``target_tone.json``.

    Deterministic: the lbfgs solver has no random state, features are sorted by name, and
    the JSON is written with sorted keys and rounded weights.
    """
    model, vectoriser, n = fit(data_dir)
    order = [list(model.classes_).index(c) for c in CLASSES]
    kept = {}
    for j, name in enumerate(vectoriser.get_feature_names_out()):
        w = [float(model.coef_[k, j]) for k in order]
        mean = sum(w) / 3
        if max(abs(x - mean) for x in w) >= PRUNE:
            kept[str(name)] = [round(x - mean, 4) for x in w]
    intercept = [float(model.intercept_[k]) for k in order]
    intercept[0] += OFFSETS[0]
    intercept[2] += OFFSETS[1]
    mean = sum(intercept) / 3
    out = {
        "about": "Tone towards a target: multinomial logistic regression over the features of "
        "analysis/sentiment/target_features.py; trained on NewsMTSC train (Hamborg & Donnay 2021, "
        "MIT); see docs/target_tone_model.md",
        "classes": list(CLASSES),
        "c": C,
        "groups": sorted(DEFAULT_GROUPS),
        "offsets": list(OFFSETS),
        "n_train": n,
        "intercept": [round(x - mean, 4) for x in intercept],
        "weights": dict(sorted(kept.items())),
    }
    path = Path(lexicons.__file__).parent / "models" / MODEL_FILE
    head = json.dumps({k: v for k, v in out.items() if k != "weights"}, ensure_ascii=False, indent=1)[:-2]
    body = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in out["weights"].items())
    path.write_text(head + ',\n "weights": {\n' + body + "\n }\n}\n", encoding="utf-8")
    lexicons.model_json.cache_clear()
    weights.cache_clear()
    feature_groups.cache_clear()
    return path


def evaluate(data_dir: Path) -> str:
    """The shipped weights measured on ``data_dir/dev.jsonl`` (dev-rw and dev-mt apart), beside
    sentence-level VADER and always-neutral: a Markdown table (see :mod:`.target_eval`)."""
    from .target_eval import evaluation_markdown

    return evaluation_markdown(Path(data_dir) / "dev.jsonl")
