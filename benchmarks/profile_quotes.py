"""Where the attribution step of corpus mode spends its time: a profile of ``quote_columns``.

Run on demand, not in CI::

    python benchmarks/profile_quotes.py [--corpus synthetic|train|dev] [--n 1000] [--top 40] [--sort tottime|cumtime] [--callers NAME] [--no-profile]

Each text is parsed first (sentences and entities, as corpus mode does before its quotes
step), then :func:`analysis.sources.quote_columns` runs on every parse under ``cProfile``,
so the profile holds the attribution rules only. ``synthetic`` is the corpus of
``benchmarks/bench_pipeline.py`` (seed sentences recombined, same seed); ``train`` and
``dev`` are PolNeAR's splits read from ``../shared/devdata/attribution/``. Prints the time
of the step and the top functions; writes nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def texts(corpus: str, n: int) -> list[str]:
    """The texts to run on."""
    if corpus == "synthetic":
        from bench_pipeline import synthetic_articles

        return [a["text"] for a in synthetic_articles(n, seed=0)]
    path = ROOT.parent / "shared" / "devdata" / "attribution" / f"polnear_{corpus}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("synthetic", "train", "dev"), default="synthetic")
    parser.add_argument("--n", type=int, default=1000, help="number of texts (default 1000)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--no-profile", action="store_true", help="only time the step")
    parser.add_argument("--callers", metavar="NAME", action="append", default=[], help="also print the callers of functions matching NAME")
    args = parser.parse_args(argv)

    from analysis.nlp.parsed import ParsedText
    from analysis.sources import quote_columns

    docs = []
    for text in texts(args.corpus, args.n):
        doc = ParsedText(text)
        doc.sentence_bounds, doc.entity_columns  # noqa: B018 (computed before the quotes step)
        docs.append(doc)
    quote_columns(docs[0])  # warm up: lexicons, models
    profiler = None if args.no_profile else cProfile.Profile()
    t = time.perf_counter()
    if profiler:
        profiler.enable()
    rows = sum(len(quote_columns(doc)["speaker"]) for doc in docs)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - t
    print(f"{len(docs)} texts ({args.corpus}), {rows} statements: quote_columns {seconds:.2f} s" + (" (profiled)" if profiler else ""))
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
        stats.print_stats(args.top)
        for name in args.callers:
            stats.print_callers(name)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
