"""How well the tone towards a target matches people's labels: macro-F1, per-class F1,
accuracy and the confusion table on each development part, beside two baselines (the tone of
the whole sentence by VADER with ±0.05 thresholds, and always answering "neutral").

References:
    Hamborg, F. & Donnay, K. (2021). NewsMTSC. EACL 2021 (the measure: macro-F1 over the
    three classes).
"""

from __future__ import annotations

import json
from pathlib import Path

from .labels import label_compound
from .loaders import load_vader
from .target_model import CLASSES, predict


def scores(gold: list[str], found: list[str]) -> dict:
    """``macro_f1``, ``f1`` per class, ``accuracy``, ``n`` and ``confusion`` (gold -> found -> count).

    Example:
        >>> scores(["negative", "neutral"], ["negative", "positive"])["accuracy"]
        0.5
    """
    confusion = {g: {f: 0 for f in CLASSES} for g in CLASSES}
    for g, f in zip(gold, found):
        confusion[g][f] += 1
    f1 = {}
    for c in CLASSES:
        tp = confusion[c][c]
        predicted = sum(confusion[g][c] for g in CLASSES)
        actual = sum(confusion[c].values())
        f1[c] = 2 * tp / (predicted + actual) if predicted + actual else 0.0
    n = len(gold)
    return {
        "n": n,
        "macro_f1": sum(f1.values()) / len(CLASSES),
        "f1": f1,
        "accuracy": sum(confusion[c][c] for c in CLASSES) / n if n else 0.0,
        "confusion": confusion,
    }


def evaluation(path: Path) -> dict[str, dict[str, dict]]:
    """part -> method (``target model``, ``sentence VADER``, ``always neutral``) -> :func:`scores`."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    vader = load_vader()
    out: dict[str, dict[str, dict]] = {}
    for part in sorted({r["split"] for r in rows}, reverse=True):
        mine = [r for r in rows if r["split"] == part]
        gold = [r["label"] for r in mine]
        out[part] = {
            "target model": scores(gold, [predict(r["text"], r["start"], r["end"])[0] for r in mine]),
            "sentence VADER": scores(gold, [label_compound(vader.polarity_scores(r["text"])["compound"]) for r in mine]),
            "always neutral": scores(gold, ["neutral"] * len(gold)),
        }
    return out


def evaluation_markdown(path: Path) -> str:
    """:func:`evaluation` as Markdown: one table of figures, then the model's confusion tables."""
    result = evaluation(path)
    lines = [
        "| part | method | n | macro-F1 | F1 negative | F1 neutral | F1 positive | accuracy |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for part, methods in result.items():
        for method, s in methods.items():
            f1 = s["f1"]
            lines.append(
                f"| {part} | {method} | {s['n']} | {s['macro_f1']:.3f} | {f1['negative']:.3f} | "
                f"{f1['neutral']:.3f} | {f1['positive']:.3f} | {s['accuracy']:.3f} |"
            )
    for part, methods in result.items():
        lines += ["", f"Confusion of the target model on {part} (rows: people's label, columns: the model's):", ""]
        lines.append("| | " + " | ".join(CLASSES) + " |")
        lines.append("|---|" + "---:|" * len(CLASSES))
        conf = methods["target model"]["confusion"]
        for g in CLASSES:
            lines.append(f"| {g} | " + " | ".join(str(conf[g][f]) for f in CLASSES) + " |")
    return "\n".join(lines) + "\n"
