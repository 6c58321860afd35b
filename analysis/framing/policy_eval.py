"""The policy scheme measured on coded sentences (FrAC development set, ``frac_dev.jsonl``).

Each sentence has one coded label; the cue rules give it the policy frame with the most cue
hits (the first in the scheme's order on a tie), or ``other`` when no cue fires. The project's
fourteen dimensions are mapped onto FrAC's coarser labels by :data:`TO_FRAC`.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .frames import frame_sentences
from .rules import FRAME_RULES

#: The project's policy dimensions -> FrAC labels.
TO_FRAC = {
    "economic": "economic", "capacity_resources": "economic", "morality": "morality",
    "fairness_equality": "fairness_equality", "legality": "legality_crime",
    "crime_punishment": "legality_crime", "policy_prescription": "political_policies",
    "political": "political_policies", "external_regulation": "political_policies",
    "security_defense": "security_defense", "health_safety": "health_safety",
    "quality_of_life": "other", "cultural_identity": "cultural_identity",
    "public_opinion": "public_opinion",
}


def predict_policy(texts: dict[str, str]) -> dict[str, str]:
    """Sentence id -> the FrAC label with most cue hits (``other`` when none)."""
    hits = frame_sentences(texts, scheme="policy")
    order = {f: k for k, f in enumerate(FRAME_RULES["policy"])}
    out = {}
    for key in texts:
        found = Counter(hits.loc[hits["article"] == key, "frame"]) if len(hits) else Counter()
        labels: Counter = Counter()
        first: dict[str, int] = {}
        for frame, n in found.items():
            label = TO_FRAC.get(frame, "other")
            labels[label] += n
            first[label] = min(first.get(label, 99), order.get(frame, 99))
        labels.pop("other", None)
        out[key] = max(labels, key=lambda lab: (labels[lab], -first[lab])) if labels else "other"
    return out


def _per_label(pairs: list[tuple[set[str], str]], labels: list[str]) -> dict[str, float]:
    """F1 of each label, predicted label sets against single gold labels."""
    out = {}
    for lab in labels:
        tp = sum(lab in p and g == lab for p, g in pairs)
        fp = sum(lab in p and g != lab for p, g in pairs)
        fn = sum(lab not in p and g == lab for p, g in pairs)
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def _f1(pairs: list[tuple[set[str], str]], labels: list[str]) -> tuple[float, float]:
    """Micro and macro F1 of predicted label sets against single gold labels."""
    per = []
    total = [0, 0, 0]
    for lab in labels:
        tp = sum(lab in p and g == lab for p, g in pairs)
        fp = sum(lab in p and g != lab for p, g in pairs)
        fn = sum(lab not in p and g == lab for p, g in pairs)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        per.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    tp, fp, fn = total
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), sum(per) / len(per)


def evaluate_policy(data_dir: Path) -> str:
    """A Markdown table: cue rules vs most-frequent and every-frame baselines on FrAC."""
    path = Path(data_dir) / "frac_dev.jsonl"
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    gold = {str(r["id"]): r["label_name"] for r in rows}
    labels = sorted(set(gold.values()) - {"other"})
    predicted = predict_policy({str(r["id"]): r["text"] for r in rows})
    common = Counter(gold.values()).most_common(1)[0][0]
    runs = {
        "cue rules (most hits, else other)": [({predicted[k]}, g) for k, g in gold.items()],
        f"most frequent label ({common})": [({common}, g) for g in gold.values()],
        "every label for every sentence": [(set(labels), g) for g in gold.values()],
    }
    lines = [f"Policy frames, {len(gold)} FrAC sentences (F1 over the {len(labels)} labels other than `other`):", "",
             "| predictor | micro-F1 | macro-F1 |", "|---|---:|---:|"]
    for name, pairs in runs.items():
        micro, macro = _f1(pairs, labels)
        lines.append(f"| {name} | {micro:.2f} | {macro:.2f} |")
    rules = _per_label(runs["cue rules (most hits, else other)"], labels)
    every = _per_label(runs["every label for every sentence"], labels)
    counts = Counter(gold.values())
    lines += ["", "Per label (F1):", "", "| label | sentences | cue rules | every label |", "|---|---:|---:|---:|"]
    lines += [f"| {lab} | {counts[lab]} | {rules[lab]:.2f} | {every[lab]:.2f} |" for lab in labels]
    return "\n".join(lines)
