"""Check ``analysis.nlp.tagging.tag_words`` against NLTK's ``PerceptronTagger`` and time both.

Run on demand, not in CI::

    python benchmarks/bench_tagging.py [--devdata PATH] [--repeat 3] [--json]

The sentences are those of the seed articles plus, when the file is there, every article
of the attribution development set (``../shared/devdata/attribution/polnear_dev.jsonl``,
``text`` field; 84 US political news articles), split and tokenised as the project does
(:func:`analysis.nlp.text.sentence_spans`, :func:`analysis.nlp.tokens.token_spans`). Every sentence is
tagged both ways; the script counts the sentences whose tags differ (exit 1 when any
does) and keeps the fastest of ``--repeat`` runs of each. Models are loaded before timing
starts; the tagger's word caches are emptied before each of its runs. It prints numbers only (no text of any article) and writes no file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DEVDATA = ROOT.parent / "shared" / "devdata" / "attribution" / "polnear_dev.jsonl"


def texts(devdata: Path) -> tuple[list[str], list[str]]:
    """The texts to tag and the names of where they came from."""
    from analysis import config
    from analysis.corpus import load_corpus

    found = [a.text for a in load_corpus(config.SEEDS_DIR)]
    origins = [f"seeds ({len(found)} articles)"]
    if devdata.is_file():
        with open(devdata, encoding="utf-8") as fh:
            dev = [json.loads(line)["text"] for line in fh if line.strip()]
        found += dev
        origins.append(f"{devdata.name} ({len(dev)} articles)")
    return found, origins


def tokenised(all_texts: list[str]) -> list[list[str]]:
    from analysis.nlp import text as textmod
    from analysis.nlp import tokens

    out = []
    for text in all_texts:
        for _, s, e in textmod.sentence_spans(text):
            sentence = text[s:e]
            out.append([sentence[a:b] for a, b in tokens.token_spans(sentence)])
    return out


def fastest(run, repeat: int) -> tuple[float, list]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devdata", type=Path, default=Path(os.environ.get("ATTRIBUTION_DEVDATA", DEFAULT_DEVDATA)))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)

    from analysis.nlp import tagging

    all_texts, origins = texts(args.devdata)
    sentences = tokenised(all_texts)
    nltk = tagging.nltk_tagger()
    tagging.tag_words(["Warm", "up", "."])
    def ours_cold() -> list:
        tagging.clear_caches()  # no run profits from the one before it
        return [tagging.tag_words(w) for w in sentences]

    ours_s, ours = fastest(ours_cold, args.repeat)
    nltk_s, theirs = fastest(lambda: [[t for _, t in nltk.tag(w)] for w in sentences], args.repeat)
    differ = sum(a != b for a, b in zip(ours, theirs))
    tokens = sum(map(len, sentences))
    result = {
        "texts": origins, "sentences": len(sentences), "tokens": tokens,
        "differing_sentences": differ, "seconds_ours": ours_s, "seconds_nltk": nltk_s,
        "speedup": nltk_s / ours_s if ours_s else None,
        "machine": f"{platform.machine()} {platform.system()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"texts: {', '.join(origins)}; {len(sentences):,} sentences, {tokens:,} tokens")
        print(f"sentences whose tags differ from NLTK's: {differ}")
        print("| tagger | seconds | tokens/s | time relative to NLTK |")
        print("|---|---:|---:|---:|")
        print(f"| `analysis.nlp.tagging.tag_words` | {ours_s:.3f} | {tokens / ours_s:,.0f} | {ours_s / nltk_s:.2f} |")
        print(f"| NLTK `PerceptronTagger().tag` | {nltk_s:.3f} | {tokens / nltk_s:,.0f} | 1.00 |")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
