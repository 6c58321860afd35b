"""Choosing the features and settings of the tone-towards-a-target model by cross-validation
on the TRAIN split only (the development split is for the final figures, never for choices).

The folds are grouped by article (NewsMTSC's ``primary_gid`` up to the sentence number), so no
article gives sentences to both sides of a fold. Besides the macro-F1 over all training
targets, the figures are given for the sentences with two or more targets (like ``dev-mt``)
and the lowest class F1 (the project asks for each class ≥ 0.55).

Run::

    python -m analysis.sentiment.target_cv [--data DIR] [--c 0.1 0.2] [--without GROUP ...]
        [--with GROUP ...] [--folds 5] [--class-weight balanced|none]

It prints one line per setting: mean macro-F1 over the folds, macro-F1 on the pooled
out-of-fold predictions, the same on multi-target sentences, the F1 of each class.

References:
    Hamborg, F. & Donnay, K. (2021). NewsMTSC. EACL 2021.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from .target_features import DEFAULT_GROUPS, GROUPS, features, tokenize
from .target_model import _POLARITY, CLASS_WEIGHT, C

_ARTICLE = re.compile(r"^([^_]+_\d+_\d+)_")


def article_of(gid: str) -> str:
    """The article part of a NewsMTSC id (``allsides_1000_401_25_...`` -> ``allsides_1000_401``)."""
    m = _ARTICLE.match(gid)
    return m.group(1) if m else gid


def examples(path: Path, groups: frozenset[str] = DEFAULT_GROUPS) -> list[tuple[dict, str, str, bool]]:
    """``(features, label, article, multi-target sentence)`` for every target of ``path``."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["sentence_normalized"]
            toks = tokenize(text)
            multi = len(record["targets"]) > 1
            for target in record["targets"]:
                found: dict[str, float] = defaultdict(float)
                for name, value, _span in features(text, target["from"], target["to"], toks, groups=groups):
                    found[name] += value
                label = _POLARITY[float(target["polarity"])]
                rows.append((dict(found), label, article_of(record["primary_gid"]), multi))
    return rows


def _f1(gold: list[str], found: list[str]) -> dict[str, float]:
    from .target_eval import scores

    s = scores(gold, found)
    return {"macro": s["macro_f1"], **s["f1"], "accuracy": s["accuracy"]}


def cross_validate(rows, *, c: float = C, folds: int = 5, class_weight=CLASS_WEIGHT, min_count: int = 1) -> dict:
    """Grouped k-fold figures for one setting (deterministic: the folds are GroupKFold's)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    labels = [r[1] for r in rows]
    groups = [r[2] for r in rows]
    out_of_fold = [""] * len(rows)
    per_fold = []
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(rows, labels, groups):
        feats = [rows[i][0] for i in train_idx]
        if min_count > 1:
            counts: dict[str, int] = defaultdict(int)
            for f in feats:
                for k in f:
                    counts[k] += 1
            feats = [{k: v for k, v in f.items() if counts[k] >= min_count} for f in feats]
        vec = DictVectorizer(sort=True)
        x = vec.fit_transform(feats)
        model = LogisticRegression(C=c, max_iter=5000, class_weight=class_weight, solver="lbfgs")
        model.fit(x, [labels[i] for i in train_idx])
        found = model.predict(vec.transform([rows[i][0] for i in test_idx]))
        for i, f in zip(test_idx, found):
            out_of_fold[i] = str(f)
        per_fold.append(_f1([labels[i] for i in test_idx], [str(f) for f in found])["macro"])
    pooled = _f1(labels, out_of_fold)
    multi = [i for i, r in enumerate(rows) if r[3]]
    return {
        "fold_mean": sum(per_fold) / len(per_fold),
        "pooled": pooled,
        "multi": _f1([labels[i] for i in multi], [out_of_fold[i] for i in multi]),
    }


def line(name: str, result: dict) -> str:
    p, m = result["pooled"], result["multi"]
    return (
        f"{name}: folds {result['fold_mean']:.4f} | pooled {p['macro']:.4f} "
        f"(neg {p['negative']:.3f} neu {p['neutral']:.3f} pos {p['positive']:.3f} acc {p['accuracy']:.3f}) | "
        f"multi-target {m['macro']:.4f} (pos {m['positive']:.3f})"
    )


def main(argv: list[str] | None = None) -> None:
    from .. import config

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=config.DEVDATA_DIR / "target_sentiment")
    parser.add_argument("--c", type=float, nargs="+", default=[C])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--without", nargs="*", default=[], choices=sorted(GROUPS))
    parser.add_argument("--with", dest="add", nargs="*", default=[], choices=sorted(GROUPS))
    parser.add_argument("--class-weight", default="balanced" if CLASS_WEIGHT else "none")
    parser.add_argument("--min-count", type=int, nargs="+", default=[1])
    args = parser.parse_args(argv)
    groups = (DEFAULT_GROUPS | frozenset(args.add)) - frozenset(args.without)
    rows = examples(args.data / "train.jsonl", groups)
    weight = None if args.class_weight == "none" else args.class_weight
    for c in args.c:
        for mc in args.min_count:
            name = f"C={c} cw={args.class_weight} min={mc} groups={','.join(sorted(groups))}"
            print(line(name, cross_validate(rows, c=c, folds=args.folds, class_weight=weight, min_count=mc)), flush=True)


if __name__ == "__main__":
    main()
