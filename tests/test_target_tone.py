"""The tone towards a target in the overview table, and the features of the target model."""

from __future__ import annotations

import pytest

from analysis import compare
from analysis.compare.overview_table import towards_cell
from analysis.sentiment.target_features import DEFAULT_GROUPS, GROUPS, features


def test_towards_cell_by_hand():
    assert towards_cell([], []) == "not mentioned"
    assert towards_cell(["positive"], [0.5]) == "+0.50 (1 mention: 0 negative, 0 neutral, 1 positive)"
    assert towards_cell(["negative", "neutral", "negative"], [-0.6, 0.1, -0.4]) == "-0.30 (3 mentions: 2 negative, 1 neutral, 0 positive)"


@pytest.fixture(scope="module")
def two_reports():
    from analysis.corpus import Article, Corpus

    texts = {
        "a": "Mayor Ada Byrne lied to the town and wasted its money. She was sacked on Monday.",
        "b": "The flood closed the road. Volunteers cleared it by noon.",
    }
    return compare.select(corpus=Corpus([Article(id=k, text=v, outlet=k.upper()) for k, v in texts.items()]))


def test_overview_towards_counts_every_mention_by_the_target_model(two_reports):
    table = two_reports.overview(targets=["Ada Byrne"])
    cell = table.loc[("tone", "towards Ada Byrne"), "A"]
    # the name and the pronoun that refers to it: two mentions, not one sentence
    assert cell.startswith("-") and "(2 mentions:" in cell
    assert "0 positive" in cell
    assert table.loc[("tone", "towards Ada Byrne"), "B"] == "not mentioned"


def test_feature_groups_can_be_switched_off():
    text = "Critics of Ada Byrne, a corrupt mayor, said she lied."
    every = {name for name, _v, _span in features(text, 11, 20, groups=GROUPS)}
    fewer = {name for name, _v, _span in features(text, 11, 20, groups=frozenset({"lex"}))}
    assert fewer < every
    assert not any(n.startswith(("w:", "syn:", "sent:")) for n in fewer)
    assert DEFAULT_GROUPS <= GROUPS
