"""Time entity recognition (``analysis.entities.extract_entities``) per 1,000 sentences.

Run on demand, not in CI::

    python benchmarks/bench_entities.py [--articles 200] [--repeat 5] [--data ../shared/devdata/ner]

Two sets of texts, each parsed once before timing: synthetic articles recombined from the
seed reports (:func:`bench_pipeline.synthetic_articles`, as corpus mode sees them) and, when
the NER development data is there, the texts of its dev split joined back with their own
sentence breaks (varied names, as on unseen news). Each set is recognised ``--repeat`` times
after one warm-up run; the fastest CPU time (``time.process_time``) is kept, as on a shared
machine the slower runs are those other work slowed down. To compare two versions, run the
script in both trees one after the other, several times, and compare the fastest figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


def _time(docs: list, repeat: int) -> float:
    from analysis.entities import extract_entities

    for doc in docs:  # warm-up: models loaded, word features cached
        extract_entities(doc)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            extract_entities(doc)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    from bench_pipeline import synthetic_articles

    from analysis import config
    from analysis.nlp.parsed import ParsedText, parse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles (default 200)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each set (default 5)")
    parser.add_argument("--data", type=Path, default=config.DEVDATA_DIR / "ner", help="folder with dev.jsonl")
    args = parser.parse_args(argv)

    sets = {"synthetic seed articles": [parse(a["text"]) for a in synthetic_articles(args.articles)]}
    dev = args.data / "dev.jsonl"
    if dev.is_file():
        from analysis.nlp.ner_eval import record_text
        from analysis.nlp.ner_model import read_records

        texts = [record_text(r) for r in read_records(dev)]
        sets["NER dev texts"] = [ParsedText(text, sentences=sents) for text, sents, _ in texts]
    else:
        print(f"({dev} not found: synthetic articles only)")
    for name, docs in sets.items():
        sentences = sum(len(doc.sentences) for doc in docs)
        best = _time(docs, args.repeat)
        print(f"{name}: {len(docs)} texts, {sentences} sentences, fastest of {args.repeat}: {best:.3f} s CPU = {1000 * best / sentences:.3f} s per 1,000 sentences")


if __name__ == "__main__":
    main()
