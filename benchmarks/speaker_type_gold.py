"""Speaker types scored on a hand-typed table (``benchmarks/gold_speaker_types*.csv``).

Used by ``eval_attribution.py``: a gold source is *found* when a predicted canonical speaker
of its article carries all the words of its name (or the gold name carries all of the
prediction's, sharing the surname); its type is *right* when that speaker's
``speaker_type`` equals the gold type.
"""

from __future__ import annotations

import re
from pathlib import Path


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _name_words(name: str) -> list[str]:
    words = [re.sub(r"[’']s$", "", w).strip(".,’'").lower() for w in re.findall(r"[\w’'.\-]+", name)]
    return [w for w in words if w and w not in ("the", "mr", "mrs", "ms", "dr")]


def load_gold_types(path: Path, batch: str | None = None) -> list[tuple[str, str, str]]:
    """(article id, speaker, type) rows of the hand-checked table; ``#`` lines are comments.
    ``batch``: only the rows of that batch (the optional ``batch`` column; ``""`` = the rows
    without one)."""
    import csv

    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [(r["article_id"], r["speaker"], r["type"]) for r in csv.DictReader(lines)
            if batch is None or (r.get("batch") or "") == batch]


def find_speaker(gold_name: str, predicted: dict[str, str]) -> str | None:
    """The predicted canonical speaker that is the gold source, or None (see module docstring)."""
    gold = _name_words(gold_name)
    if not gold:
        return None
    best = None
    for name in predicted:
        words = _name_words(name)
        if not words:
            continue
        if all(w in words for w in gold):
            if best is None or len(words) < len(_name_words(best)):
                best = name
        elif best is None and words[-1] == gold[-1] and all(w in gold for w in words):
            best = name
    return best


def score_types(articles: list, extract, rows: list[tuple[str, str, str]]) -> dict:
    """Type accuracy on the hand-checked table, over the found sources and over all rows
    (``articles``: objects with ``doc_id`` and ``text``)."""
    by_id = {a.doc_id: a for a in articles}
    types: dict[str, dict[str, str]] = {}
    guessed: dict[str, set[str]] = {}
    found = right = total = 0
    by_basis = {"given": [0, 0], "guessed": [0, 0]}  # [found, right]: typed from the article's words, or guessed
    confusion: dict[tuple[str, str], int] = {}
    for doc_id, name, gold_type in rows:
        if doc_id not in by_id:
            continue
        total += 1
        if doc_id not in types:
            df = extract(by_id[doc_id].text)
            types[doc_id] = dict(zip(df["speaker"].astype(str), df["speaker_type"].astype(str)))
            guessed[doc_id] = set(df.loc[df["type_guessed"].astype(bool), "speaker"].astype(str)) if "type_guessed" in df else set()
        match = find_speaker(name, types[doc_id])
        if match is None:
            continue
        found += 1
        got = types[doc_id][match]
        right += got == gold_type
        basis = by_basis["guessed" if match in guessed[doc_id] else "given"]
        basis[0] += 1
        basis[1] += got == gold_type
        if got != gold_type:
            confusion[(gold_type, got)] = confusion.get((gold_type, got), 0) + 1
    return {"rows": total, "found": found, "type_right": right,
            "accuracy_found": _ratio(right, found), "accuracy_all": _ratio(right, total),
            "given": {"found": by_basis["given"][0], "right": by_basis["given"][1], "accuracy": _ratio(by_basis["given"][1], by_basis["given"][0])},
            "guessed": {"found": by_basis["guessed"][0], "right": by_basis["guessed"][1], "accuracy": _ratio(by_basis["guessed"][1], by_basis["guessed"][0])},
            "confusions": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items(), key=lambda kv: -kv[1])}}


def main(argv: list[str] | None = None) -> int:
    """Score the types alone, reading only the articles the table names (faster than
    ``eval_attribution.py``), and list the wrong ones (names and types only) with ``--errors``.

    ``python benchmarks/speaker_type_gold.py --split train --errors``;
    ``--table FILE`` scores another table of the same columns (a new batch before it is added);
    ``--batch NAME`` scores one batch of the table alone (``--batch ""``: the unmarked rows).
    """
    import argparse
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_attribution import GOLD_TYPES_BY_SPLIT, devdata_path, load_articles, load_extractor

    parser = argparse.ArgumentParser(description="Speaker types on a hand-typed table (types only).")
    parser.add_argument("--split", choices=sorted(GOLD_TYPES_BY_SPLIT), default="train")
    parser.add_argument("--table", metavar="FILE", help="a table of the same columns (default: the split's)")
    parser.add_argument("--batch", metavar="NAME", help="only the rows of this batch ('' = rows without one)")
    parser.add_argument("--errors", action="store_true", help="list the wrong and the missing rows")
    args = parser.parse_args(argv)
    path = devdata_path(None, args.split)
    if not path.is_file():
        print(f"skipped: devdata not found at {path}")
        return 0
    table = Path(args.table) if args.table else GOLD_TYPES_BY_SPLIT[args.split]
    rows = load_gold_types(table, args.batch)
    wanted = {doc_id for doc_id, _name, _type in rows}
    articles = [a for a in load_articles(path) if a.doc_id in wanted]
    extract = load_extractor()
    result = score_types(articles, extract, rows)
    print(f"{table.name}: {result['found']} of {result['rows']} found; type right on "
          f"{result['accuracy_found']:.3f} of those found ({result['accuracy_all']:.3f} of all rows)")
    for basis, what in (("given", "typed from what the article says of them"), ("guessed", "named bare, type guessed from the story")):
        part = result[basis]
        print(f"  {what}: {part['right']} of {part['found']} right ({part['accuracy']:.3f})")
    print("confusions (gold->predicted):", ", ".join(f"{k} {v}" for k, v in result["confusions"].items()))
    if args.errors:
        by_id = {a.doc_id: a for a in articles}
        cache: dict[str, dict[str, str]] = {}
        for doc_id, name, gold_type in rows:
            if doc_id not in by_id:
                continue
            if doc_id not in cache:
                df = extract(by_id[doc_id].text)
                cache[doc_id] = dict(zip(df["speaker"].astype(str), df["speaker_type"].astype(str)))
            match = find_speaker(name, cache[doc_id])
            if match is None:
                print(f"  missing  {doc_id[:40]:40} {name}")
            elif cache[doc_id][match] != gold_type:
                print(f"  {gold_type:>13} -> {cache[doc_id][match]:13} {doc_id[:40]:40} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
