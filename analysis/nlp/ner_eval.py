"""Measuring the entity recognisers on the annotated NER data (``python -m analysis evaluate ner``).

Each record's tokens are joined back into a text (a space between tokens, none before
closing punctuation), with the record's own sentence breaks; the recognisers run on that
text as on any article, and their mentions are compared with the gold names by character
offsets. PERSON/ORGANIZATION/LOCATION count as PER/ORG/LOC; MISC and DATE are left out.

- *exact*: same start, end and label;
- *lenient*: overlapping, same label (each gold name matched at most once).

The dev split mixes genres whose conventions differ (the data's README asks to compare
sources, not only the pooled figure), so the report also gives the trained recogniser's
figures per part (:data:`PARTS`): news, encyclopedia, and the academic and travel texts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from .ner_model import bio_spans, read_records
from .parsed import ParsedText

_NO_SPACE_BEFORE = frozenset([".", ",", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "’s", "n't", "'", "''", "'re", "'ve", "'ll", "'m", "'d"])
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "$", "``"])
_MAP = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
LABELS = ("PER", "ORG", "LOC")

#: The parts of the dev split reported apart, by ``(source, genre)`` of each record; a
#: record whose pair is not listed counts in "other". News: GUM news and interviews
#: (Wikinews), UNER-PUD news, re3d press releases; encyclopedia: wikigold, GUM biographies,
#: UNER-PUD and re3d Wikipedia articles; academic and travel: GUM.
PARTS = {
    "news": {
        ("gum", "news"), ("gum", "news-interview"), ("uner_pud", "news"), ("re3d", "gov-press-release")},
    "encyclopedia": {
        ("wikigold", "wikipedia"), ("gum", "wikipedia-bio"), ("uner_pud", "wikipedia"), ("re3d", "wikipedia")},
    "academic and travel": {("gum", "academic"), ("gum", "travel-guide")},
}


def record_text(record: dict) -> tuple[str, pd.DataFrame, set[tuple[int, int, str]]]:
    """The text of a record, its sentence table and its gold names ``(start, end, label)``."""
    tokens, parts, offsets = record["tokens"], [], []
    pos = 0
    starts = set(record["sent_starts"])
    for i, tok in enumerate(tokens):
        if i and not (tok in _NO_SPACE_BEFORE and i not in starts) and tokens[i - 1] not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    bounds = sorted(starts) + [len(tokens)]
    sents = [(k, offsets[a][0], offsets[b - 1][1]) for k, (a, b) in enumerate(zip(bounds, bounds[1:])) if b > a]
    table = pd.DataFrame(sents, columns=["sentence", "start", "end"])
    gold = {(offsets[a][0], offsets[b - 1][1], lab) for a, b, lab in bio_spans(record["tags"]) if lab in LABELS}
    return "".join(parts), table, gold


def _counts(gold: set, pred: set) -> tuple[Counter, Counter]:
    exact, lenient = Counter(), Counter()
    for g in gold:
        exact[(g[2], "tp" if g in pred else "fn")] += 1
    for p in pred:
        if p not in gold:
            exact[(p[2], "fp")] += 1
    used = set()
    for g in sorted(gold):
        hit = next((p for p in sorted(pred) if p not in used and p[2] == g[2] and min(p[1], g[1]) > max(p[0], g[0])), None)
        if hit is None:
            lenient[(g[2], "fn")] += 1
        else:
            used.add(hit)
            lenient[(g[2], "tp")] += 1
    for p in pred - used:
        lenient[(p[2], "fp")] += 1
    return exact, lenient


def score(records: list[dict], recogniser) -> dict[str, Counter]:
    """``{"exact": counts, "lenient": counts}`` of ``recogniser`` (text -> entity table) on ``records``."""
    total = {"exact": Counter(), "lenient": Counter()}
    for record in records:
        text, sents, gold = record_text(record)
        found = recogniser(ParsedText(text, sentences=sents))
        pred = {(s, e, _MAP[lab]) for s, e, lab in zip(found["start"], found["end"], found["label"]) if lab in _MAP}
        exact, lenient = _counts(gold, pred)
        total["exact"].update(exact)
        total["lenient"].update(lenient)
    return total


def prf(counts: Counter, label: str | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1 of one label (all labels: micro-average)."""
    labels = [label] if label else list(LABELS)
    tp, fp, fn = (sum(counts[(lab, k)] for lab in labels) for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def part_of(record: dict) -> str:
    """The :data:`PARTS` name of a record (``"other"`` when none lists it)."""
    key = (record.get("source"), record.get("genre"))
    return next((name for name, pairs in PARTS.items() if key in pairs), "other")


def table(rows: list[tuple[str, dict[str, Counter]]]) -> str:
    """A Markdown table: one row per (recogniser, match), P/R/F1 per label and micro."""
    head = "| data, recogniser | match | " + " | ".join(f"{lab} P / R / F1" for lab in (*LABELS, "micro")) + " |"
    lines = [head, "|" + "---|" * (len(LABELS) + 3)]
    for name, counts in rows:
        for match in ("lenient", "exact"):
            cells = [prf(counts[match], lab) for lab in (*LABELS, None)]
            lines.append(f"| {name} | {match} | " + " | ".join(f"{p:.2f} / {r:.2f} / **{f:.2f}**" for p, r, f in cells) + " |")
    return "\n".join(lines)


def evaluate_files(data_dir: Path, *, limit: int | None = None, social: bool = True) -> str:
    """The figures of ``python -m analysis evaluate ner``: the dev split, and the part of
    ``social.jsonl`` the model did not learn from (UNER-EWT web text, out of domain).
    ``limit``: the first records of each file only."""
    from .entities import extract_entities, rule_entities

    rows, parts = [], []
    for name in ("dev.jsonl", "social.jsonl") if social else ("dev.jsonl",):
        path = Path(data_dir) / name
        if not path.is_file():
            continue
        records = [r for r in read_records(path) if name == "dev.jsonl" or r["source"] == "uner_ewt"][:limit]
        what = "dev" if name == "dev.jsonl" else "social, UNER-EWT (out of domain)"
        rows.append((f"{what}, rules (before)", score(records, rule_entities)))
        rows.append((f"{what}, model + rules (after)", score(records, extract_entities)))
        if name == "dev.jsonl":
            for part in (*PARTS, "other"):
                chosen = [r for r in records if part_of(r) == part]
                if chosen:
                    parts.append((f"dev, {part} ({len(chosen)} documents), model + rules", score(chosen, extract_entities)))
    report = table(rows)
    if parts:
        report += ("\n\nThe dev split by part (the trained recogniser). News: GUM news and interviews, "
                   "UNER-PUD news, re3d press releases; encyclopedia: wikigold, GUM biographies, "
                   "UNER-PUD and re3d Wikipedia; academic and travel: GUM.\n\n" + table(parts))
    return report
