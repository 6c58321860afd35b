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
from .target_model import _POLARITY, CLASS_WEIGHT, CLASSES, C

#: the feature-name prefix of each group that only adds features of its own (for ``--each``)
PREFIXES = {"syntax": "syn:", "quote": "quote:", "stem": "stem:", "ctx": "ctx:", "local": "local:", "decay": "wd:", "sentx": "sentx:"}
_ARTICLE = re.compile(r"^([^_]+_\d+_\d+)_")


def article_of(gid: str) -> str:
    """The article part of a NewsMTSC id (``allsides_1000_401_25_...`` -> ``allsides_1000_401``)."""
    m = _ARTICLE.match(gid)
    return m.group(1) if m else gid


def examples(path: Path, groups: frozenset[str] = DEFAULT_GROUPS, *, further: bool = False) -> list[tuple[dict, str, str, bool, bool]]:
    """``(features, label, article, multi-target sentence, labelled mention)`` for every target
    of ``path``; with ``further``, also one row for each further mention of a target in its
    sentence (NewsMTSC's ``further_mentions``: "she", "her" for the labelled "Hillary Clinton"),
    with the target's label, marked as not labelled (training only, never measured)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["sentence_normalized"]
            toks = tokenize(text)
            multi = len(record["targets"]) > 1
            article = article_of(record["primary_gid"])
            for target in record["targets"]:
                label = _POLARITY[float(target["polarity"])]
                spans = [(target["from"], target["to"], True)]
                if further:
                    spans += [(m["from"], m["to"], False) for m in target.get("further_mentions", [])]
                for start, end, primary in spans:
                    found: dict[str, float] = defaultdict(float)
                    for name, value, _span in features(text, start, end, toks, groups=groups):
                        found[name] += value
                    rows.append((dict(found), label, article, multi, primary))
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
    decisions: dict[int, list[float]] = {}
    per_fold = []
    # the folds of the labelled mentions (the same with or without further mentions); a
    # further mention trains with its article
    primary = [i for i, r in enumerate(rows) if r[4]]
    splitter = GroupKFold(n_splits=folds).split(primary, [labels[i] for i in primary], [groups[i] for i in primary])
    for _train, test in splitter:
        test_idx = [primary[k] for k in test]
        held = {groups[i] for i in test_idx}
        train_idx = [i for i in range(len(rows)) if groups[i] not in held]
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
        x_test = vec.transform([rows[i][0] for i in test_idx])
        found = model.predict(x_test)
        order = [list(model.classes_).index(k) for k in CLASSES]
        for i, f, d in zip(test_idx, found, model.decision_function(x_test)):
            out_of_fold[i] = str(f)
            decisions[i] = [float(d[k]) for k in order]
        per_fold.append(_f1([labels[i] for i in test_idx], [str(f) for f in found])["macro"])
    measured = [i for i, r in enumerate(rows) if r[4]]
    pooled = _f1([labels[i] for i in measured], [out_of_fold[i] for i in measured])
    multi = [i for i, r in enumerate(rows) if r[3] and r[4]]
    return {
        "decisions": decisions,
        "labels": labels,
        "fold_mean": sum(per_fold) / len(per_fold),
        "pooled": pooled,
        "multi": _f1([labels[i] for i in multi], [out_of_fold[i] for i in multi]),
    }


def best_offsets(result: dict, step: float = 0.05, reach: float = 0.5) -> tuple[float, float, float]:
    """The offsets added to the negative and positive scores (neutral fixed) that give the
    highest macro-F1 on the pooled out-of-fold scores: ``(negative, positive, macro-F1)``."""
    items = sorted(result["decisions"].items())
    gold = [result["labels"][i] for i, _d in items]
    grid = [round(-reach + step * k, 4) for k in range(int(round(2 * reach / step)) + 1)]
    best = (0.0, 0.0, -1.0)
    for dn in grid:
        for dp in grid:
            found = []
            for _i, d in items:
                shifted = (d[0] + dn, d[1], d[2] + dp)
                found.append(CLASSES[shifted.index(max(shifted))])
            f = _f1(gold, found)["macro"]
            if f > best[2] + 1e-9:
                best = (dn, dp, f)
    return best


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
    parser.add_argument("--offsets", action="store_true", help="also search class offsets on the out-of-fold scores")
    parser.add_argument("--further", action="store_true", help="also train on the further mentions of each target")
    parser.add_argument(
        "--each", nargs="*", default=None, choices=sorted(PREFIXES),
        help="featurise once, then cross-validate the groups given with each of these added in turn",
    )  # fmt: skip
    args = parser.parse_args(argv)
    groups = (DEFAULT_GROUPS | frozenset(args.add)) - frozenset(args.without)
    weight = None if args.class_weight == "none" else args.class_weight
    if args.each is not None:
        rows = examples(args.data / "train.jsonl", groups | frozenset(args.each), further=args.further)
        for extra in args.each:
            drop = tuple(PREFIXES[g] for g in args.each if g != extra and g not in groups)
            mine = [({k: v for k, v in f.items() if not k.startswith(drop)}, *rest) for f, *rest in rows] if drop else rows
            name = f"C={args.c[0]} further={args.further} groups={','.join(sorted(groups))} +{extra}"
            print(line(name, cross_validate(mine, c=args.c[0], folds=args.folds, class_weight=weight)), flush=True)
        return
    rows = examples(args.data / "train.jsonl", groups, further=args.further)
    for c in args.c:
        for mc in args.min_count:
            name = f"C={c} further={args.further} cw={args.class_weight} min={mc} groups={','.join(sorted(groups))}"
            result = cross_validate(rows, c=c, folds=args.folds, class_weight=weight, min_count=mc)
            print(line(name, result), flush=True)
            if args.offsets:
                dn, dp, f = best_offsets(result)
                print(f"  best offsets on the out-of-fold scores: negative {dn:+.2f}, positive {dp:+.2f}: macro-F1 {f:.4f}", flush=True)


if __name__ == "__main__":
    main()
