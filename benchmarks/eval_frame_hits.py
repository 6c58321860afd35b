"""Evidence precision of the frame cues on unseen news: how many cue hits are in sense?

The sample: 150 cue hits of the generic scheme drawn at random (fixed seed) from the PolNeAR
development articles (US political news, ``../shared/devdata/attribution/polnear_dev.jsonl``;
the cue lists were not written on them), each judged by hand in context: ``in`` (the words
mean what the frame's question asks about) or ``out`` (matched out of sense). The judged
sample keeps only ids, offsets, frame, cue and verdict in ``benchmarks/frame_hits_judged.csv``,
never the texts. When the cues change, hits that still match stay in the sample and the
places of the others go to new hits, ranked by a fixed hash of seed and hit id.

Usage (from the project root, with the devdata beside it):

    python benchmarks/eval_frame_hits.py            # precision of the judged sample; hits
                                                    # whose cue no longer matches are listed
    python benchmarks/eval_frame_hits.py --draw     # draw the sample again with today's
                                                    # cues; verdicts of hits already judged
                                                    # are kept, new hits get an empty verdict
    python benchmarks/eval_frame_hits.py --show     # print the unjudged hits in context
                                                    # (to judge them; not stored)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import config, framing  # noqa: E402

SAMPLE = ROOT / "benchmarks" / "frame_hits_judged.csv"
SIZE = 150
SEED = 16
FIELDS = ["article", "start", "end", "frame", "cue", "verdict"]


def load_texts() -> dict[str, str]:
    """PolNeAR dev texts by document id (one text per document)."""
    path = Path(config.DEVDATA_DIR) / "attribution" / "polnear_dev.jsonl"
    if not path.is_file():
        sys.exit(f"needs ../shared/devdata: no PolNeAR development texts at {path}")
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                texts.setdefault(str(row["doc_id"]), row["text"])
    return dict(sorted(texts.items()))


def current_hits(texts: dict[str, str]) -> list[dict]:
    hits = framing.frame_sentences(texts)
    return [
        {"article": a, "start": int(s), "end": int(e), "frame": f, "cue": c}
        for a, s, e, f, c in zip(hits["article"], hits["start"], hits["end"], hits["frame"], hits["cue"])
    ]


def _key(row: dict) -> tuple:
    return (str(row["article"]), int(row["start"]), int(row["end"]), row["frame"], row["cue"])


def _rank(row: dict) -> str:
    """A fixed pseudo-random rank per hit (hash of seed and hit id), to top up the sample."""
    return hashlib.sha256(f"{SEED}|{'|'.join(map(str, _key(row)))}".encode()).hexdigest()


def read_sample() -> list[dict]:
    if not SAMPLE.is_file():
        return []
    with SAMPLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def draw(texts: dict[str, str]) -> list[dict]:
    hits = current_hits(texts)
    now = {_key(h) for h in hits}
    kept = [r for r in read_sample() if _key(r) in now]
    if not kept:  # a first sample: simple random sample with a fixed seed
        picked = random.Random(SEED).sample(hits, min(SIZE, len(hits)))
    else:  # hits still matched stay; the places of stale ones go to new hits by a fixed hash rank
        taken = {_key(r) for r in kept}
        fresh = sorted((h for h in hits if _key(h) not in taken), key=_rank)
        picked = kept + fresh[: max(0, SIZE - len(kept))]
    judged = {_key(r): r["verdict"] for r in kept}
    rows = sorted((dict(h, verdict=judged.get(_key(h), "")) for h in picked), key=_key)
    for r in rows:
        r.update(start=int(r["start"]), end=int(r["end"]), article=str(r["article"]))
    with SAMPLE.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="draw the sample again (keeps known verdicts)")
    parser.add_argument("--show", action="store_true", help="print unjudged hits in context")
    args = parser.parse_args(argv)
    texts = load_texts()
    rows = draw(texts) if args.draw else read_sample()
    if not rows:
        sys.exit(f"no judged sample at {SAMPLE}: run with --draw first")
    if args.show:
        for r in rows:
            if not r["verdict"]:
                t = texts[r["article"]]
                s, e = int(r["start"]), int(r["end"])
                context = (t[max(0, s - 90):s] + "[[" + t[s:e] + "]]" + t[e:e + 70]).replace("\n", " ")
                print(f"{r['frame']}|{r['cue']}|{r['article']}:{s}\t{context}")
        return 0
    now = {_key(h) for h in current_hits(texts)}
    stale = [r for r in rows if _key(r) not in now]
    judged = [r for r in rows if r["verdict"] in ("in", "out") and _key(r) in now]
    articles = {r["article"] for r in rows}
    inside = sum(r["verdict"] == "in" for r in judged)
    print(f"{len(rows)} hits drawn from {len(articles)} articles; {len(judged)} judged and still matched")
    if judged:
        print(f"in sense: {inside}/{len(judged)} = {inside / len(judged):.1%}")
        by_frame: dict[str, list[int]] = {}
        for r in judged:
            by_frame.setdefault(r["frame"], [0, 0])
            by_frame[r["frame"]][0] += r["verdict"] == "in"
            by_frame[r["frame"]][1] += 1
        for frame, (a, n) in sorted(by_frame.items()):
            print(f"  {frame:15s} {a}/{n}")
    if stale:
        print(f"{len(stale)} judged hit(s) no longer match (cue changed); run --draw to replace them:")
        for r in stale:
            print(f"  {r['article']} {r['start']}-{r['end']} {r['frame']} {r['cue']} ({r['verdict']})")
    unjudged = [r for r in rows if r["verdict"] not in ("in", "out")]
    if unjudged:
        print(f"{len(unjudged)} hit(s) still to judge (--show)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
