"""A digest of ``extract_quotes``'s full statement tables, to check that a change of speed
left the output as it was.

Run on demand, not in CI::

    python benchmarks/attribution_digest.py [--split train] [--limit N] [--compare FILE] [--save FILE]

Runs :func:`analysis.sources.extract_quotes` on every article of the chosen PolNeAR split
(``../shared/devdata/attribution/polnear_SPLIT.jsonl``; ``--split`` may be repeated) and on
the seed reports, and prints one SHA-256 digest per collection and one over everything.
Each table is digested with every column and every row (``DataFrame.to_csv``), so any
change of a speaker, type, span, cue, confidence or pattern changes the digest.

``--save FILE`` writes the per-article digests (article id and digest, one a line: no text)
to FILE, outside the repository; ``--compare FILE`` reads such a file and lists the
articles whose table differs. The texts stay where they are.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DATA_DIR = ROOT.parent / "shared" / "devdata" / "attribution"


def table_digest(df) -> str:
    """SHA-256 of a statement table: every column, every row, in order."""
    return hashlib.sha256(df.to_csv(index=False).encode("utf-8")).hexdigest()


def articles(splits: list[str], limit: int | None):
    """``(collection, id, text)`` for the seed reports and the chosen PolNeAR splits."""
    from analysis import config
    from analysis.corpus import load_corpus

    for article in load_corpus(config.SEEDS_DIR):
        yield "seeds", f"seed:{article.id}", article.text
    for split in splits:
        path = DATA_DIR / f"polnear_{split}.jsonl"
        if not path.exists():
            print(f"{path} is missing: split {split} left out")
            continue
        with path.open(encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if limit is not None and k >= limit:
                    break
                doc = json.loads(line)
                yield split, f"{split}:{doc['doc_id']}", doc["text"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", action="append", choices=("train", "dev"), help="PolNeAR split (default: train)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles of each split")
    parser.add_argument("--save", metavar="FILE", help="write the per-article digests to FILE")
    parser.add_argument("--compare", metavar="FILE", help="list the articles whose digest differs from FILE's")
    args = parser.parse_args(argv)

    from analysis.sources import extract_quotes

    digests: dict[str, str] = {}
    by_collection: dict[str, hashlib._Hash] = {}
    total = hashlib.sha256()
    rows = 0
    t0 = time.perf_counter()
    for collection, key, text in articles(args.split or ["train"], args.limit):
        df = extract_quotes(text)
        rows += len(df)
        d = table_digest(df)
        digests[key] = d
        by_collection.setdefault(collection, hashlib.sha256()).update(f"{key} {d}\n".encode())
        total.update(f"{key} {d}\n".encode())
    seconds = time.perf_counter() - t0
    for collection, h in by_collection.items():
        n = sum(1 for k in digests if k.startswith("seed:" if collection == "seeds" else f"{collection}:"))
        print(f"{collection:6s} {n:4d} articles  {h.hexdigest()}")
    print(f"all    {len(digests):4d} articles  {total.hexdigest()}  ({rows} statements, {seconds:.1f} s)")
    if args.save:
        Path(args.save).write_text("".join(f"{k}\t{d}\n" for k, d in digests.items()), encoding="utf-8")
    if args.compare:
        old = dict(line.split("\t") for line in Path(args.compare).read_text(encoding="utf-8").splitlines())
        differ = [k for k in digests if k in old and old[k] != digests[k]]
        missing = [k for k in old if k not in digests]
        print(f"compared with {args.compare}: {len(differ)} of {len(digests)} tables differ" + (f", {len(missing)} not run" if missing else ""))
        for k in differ[:50]:
            print("  differs:", k)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
