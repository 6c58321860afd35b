"""No text of the development data in the project.

The development articles (``../shared/devdata/attribution``: PolNeAR) may be read by the
benchmarks, never copied into the project: not in tests, comments, docs or word lists. Test
sentences written from a miss on those articles must use invented wording, not the article's
with the names changed. This test looks for any run of six words (more than 24 letters) that
a tracked file shares with an article, and skips when the data is not beside the repository.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from analysis import config

ROOT = Path(__file__).resolve().parents[1]
RUN = 6
_SPACES = re.compile(r"\s+")


def _runs(text: str) -> set[str]:
    words = _SPACES.sub(" ", text).split(" ")
    runs = (" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return {r for r in runs if sum(c.isalpha() for c in r) > 24}


def test_no_tracked_file_shares_a_run_of_words_with_the_development_articles():
    folder = config.DEVDATA_DIR / "attribution"
    files = sorted(folder.glob("polnear_*.jsonl")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"the check needs ../shared/devdata/attribution (not found at {folder})")
    article_runs: set[str] = set()
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    article_runs |= _runs(json.loads(line)["text"])
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = []
    for name in tracked:
        if not name.endswith((".py", ".md", ".toml", ".csv", ".txt")) or name.startswith("seeds/"):
            continue
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
            shared = _runs(line) & article_runs
            if shared:
                found.append(f"{name}:{number}: {sorted(shared)[0]!r}")
    assert not found, "text of the development articles in the project:\n" + "\n".join(found)
