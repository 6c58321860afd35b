"""Time ``analysis.sentiment.score_sentences`` against NLTK's own VADER, sentence by sentence.

Run on demand, not in CI::

    python benchmarks/bench_sentiment.py [--n 10000] [--repeat 3] [--json]

The sentences are those of the seed articles (``seeds/``, split by the corpus loader),
repeated in order until there are ``--n`` of them. Three ways of scoring them are timed:

* ``score_sentences(texts)``: scores plus the evidence (words, rules, offsets);
* ``score_sentences(texts, evidence=False)``: scores only;
* ``[SentimentIntensityAnalyzer().polarity_scores(t) for t in texts]``: NLTK, the reference.

Each is run ``--repeat`` times and the fastest run is kept. The VADER lexicon is loaded
before timing starts, and the word-boundary cache of ``analysis.sentiment`` is cleared
before every run, so no run profits from the one before it. The script also checks that
both ways of calling ``score_sentences`` give exactly NLTK's four scores. It prints to the
terminal only and writes no file.

It then times the tone towards a target (``analysis.sentiment.target_tone`` with character
spans, the trained model read in plain Python): in each sentence, every capitalised word
that does not start the sentence is a target. The per-sentence caches (tokens, VADER's
compound score used as a feature) are cleared before every run; the figure is milliseconds
per target on one core, to compare with the budget of 2 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def seed_sentences(n: int) -> list[str]:
    """``n`` sentences: the seed articles' sentences, repeated in order."""
    from analysis import config
    from analysis.corpus import load_corpus

    pool = load_corpus(config.SEEDS_DIR).sentences()["text"].tolist()
    if not pool:
        raise SystemExit(f"no sentences found in {config.SEEDS_DIR}")
    return [pool[k % len(pool)] for k in range(n)]


def best_time(run: Callable[[], object], repeat: int, before: Callable[[], None]) -> tuple[float, object]:
    """Fastest of ``repeat`` runs, in seconds, and the result of the last run."""
    best, result = float("inf"), None
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w.'-]+")


def target_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Per sentence, the spans of its capitalised words that do not start it."""
    return [[m.span() for m in _CAPITALISED.finditer(t)] for t in texts]


def time_targets(texts: list[str], repeat: int) -> dict:
    """Milliseconds per target of ``target_tone`` over ``texts`` (fastest of ``repeat`` runs)."""
    from analysis import sentiment
    from analysis.sentiment import target_features

    spans = target_spans(texts)
    pairs = [(t, s) for t, s in zip(texts, spans) if s]
    n = sum(len(s) for _t, s in pairs)
    sentiment.target_tone(pairs[0][0], pairs[0][1])  # load the weights and lexicons once

    def clear() -> None:
        target_features._compound.cache_clear()

    seconds, _ = best_time(lambda: [sentiment.target_tone(t, s) for t, s in pairs], repeat, clear)
    return {"method": "target_tone (spans)", "targets": n, "seconds": seconds, "ms_per_target": 1000 * seconds / max(n, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of sentences (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per method; the fastest is kept (default 3)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    from analysis import sentiment

    texts = seed_sentences(args.n)
    analyser = sentiment.load_vader()
    clear = sentiment._word_bounds.cache_clear
    methods = {
        "score_sentences (with evidence)": lambda: sentiment.score_sentences(texts),
        "score_sentences (evidence=False)": lambda: sentiment.score_sentences(texts, evidence=False),
        "NLTK polarity_scores": lambda: [analyser.polarity_scores(t) for t in texts],
    }
    rows, results = [], {}
    for name, run in methods.items():
        seconds, results[name] = best_time(run, args.repeat, clear)
        rows.append({"method": name, "sentences": len(texts), "seconds": seconds, "per_second": len(texts) / seconds})
    reference = rows[-1]["seconds"]
    for row in rows:
        row["relative_to_nltk"] = row["seconds"] / reference

    nltk_scores = [[r[c] for c in ("neg", "neu", "pos", "compound")] for r in results["NLTK polarity_scores"]]
    identical = all(
        results[name][["neg", "neu", "pos", "compound"]].values.tolist() == nltk_scores
        for name in list(methods)[:2]
    )
    machine = f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}"

    towards = time_targets(texts[: max(1, min(len(texts), 2000))], args.repeat)
    if args.json:
        print(json.dumps({"machine": machine, "identical_scores": identical, "rows": rows, "target_tone": towards}, indent=2))
        return 0 if identical else 1
    print(f"{len(texts)} sentences from the seed articles; fastest of {args.repeat} runs; {machine}")
    header = f"{'method':<34} {'sentences':>9} {'seconds':>8} {'sentences/s':>12} {'x NLTK time':>12}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['method']:<34} {row['sentences']:>9} {row['seconds']:>8.3f} "
            f"{row['per_second']:>12,.0f} {row['relative_to_nltk']:>12.2f}"
        )
    print(f"scores identical to NLTK's: {'yes' if identical else 'NO'}")
    print(
        f"tone towards a target: {towards['targets']} targets in {towards['seconds']:.3f} s, "
        f"{towards['ms_per_target']:.3f} ms per target (budget 2 ms)"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
