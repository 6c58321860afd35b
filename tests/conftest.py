"""Shared fixtures: the seed corpus, a short article, and a scratch folder for inputs."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.corpus import load_corpus

SHORT_ARTICLE = (
    "City Council Approves New Budget\n\n"
    "March 3, 2024\n\n"
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    '"This budget keeps our libraries open," Mayor Ana Ruiz said. She called the vote historic.\n\n'
    "Original url:\n\nhttps://example.org/news/budget\n"
)


@pytest.fixture(scope="session")
def seed_corpus():
    """The two seed reports, loaded once."""
    return load_corpus(config.SEEDS_DIR)


@pytest.fixture
def short_article_path(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path
