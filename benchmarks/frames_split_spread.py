"""How much the article-level frame figures depend on the cross-validation split.

``python -m analysis evaluate frames`` scores the model out-of-fold with one fixed split
(seed 20231). This script repeats the whole nested procedure (``C`` and thresholds chosen
inside each training fold, see ``docs/frames_model.md``) with other seeds for the outer
and inner splits, and prints micro precision, recall and F1, macro-F1 and each frame's F1
per seed, with the frames not above the every-frame baseline.

Usage (from the project root, with the devdata beside it; about 40 s per seed):

    python benchmarks/frames_split_spread.py             # seeds 20231 1 2 3 4 5
    python benchmarks/frames_split_spread.py 7 8         # other seeds
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import config  # noqa: E402
from analysis.framing import article_model  # noqa: E402


def main(seeds: list[int]) -> None:
    folder = Path(config.DEVDATA_DIR) / "frames"
    if not (folder / "nfc_dev.jsonl").is_file():
        sys.exit(f"needs the coded articles in {folder} (../shared/devdata/frames)")
    ids, features, gold = article_model.article_table(article_model.load_articles(folder))
    frames = list(article_model.FRAME_RULES["generic"])
    every = article_model.scores({i: {f: True for f in frames} for i in ids}, gold, ids, frames)
    print("| seed | micro P | micro R | micro F1 | macro F1 | " + " | ".join(frames) + " | not above every-frame |")
    print("|---:|---:|---:|---:|---:|" + "---:|" * len(frames) + "---|")
    for seed in seeds:
        article_model.SEED = seed
        s = article_model.scores(article_model.out_of_fold(ids, features, gold), gold, ids, frames)
        below = ", ".join(f for f in frames if s[f][2] <= every[f][2]) or "none"
        p, r, f1 = s["micro"]
        print(f"| {seed} | {p:.3f} | {r:.3f} | {f1:.3f} | {s['macro'][2]:.3f} | "
              + " | ".join(f"{s[f][2]:.3f}" for f in frames) + f" | {below} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20231, 1, 2, 3, 4, 5])
