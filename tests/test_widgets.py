"""Interactive term explorer: the view function and the controls wired to it."""

from __future__ import annotations

from analysis.present.widgets import term_explorer, term_view


def test_term_view_lists_every_mention_with_its_sentence_tone(seed_corpus):
    view = term_view(seed_corpus, "Kremlin")
    # "Kremlin" occurs twice in each seed report (counted by reading them)
    assert view["article"].value_counts().to_dict() == {"000_eb875e01c2519c6f": 2, "002_96cf24b8358f7f15": 2}
    assert set(view["term"].str.lower()) == {"kremlin"}
    assert view["compound"].between(-1, 1).all()


def test_term_view_respects_the_chosen_reports_and_empty_terms(seed_corpus):
    only = term_view(seed_corpus, "Zoom", articles=["002_96cf24b8358f7f15"])
    assert set(only["article"]) == {"002_96cf24b8358f7f15"}
    assert term_view(seed_corpus, "   ").empty
    assert term_view(seed_corpus, "no such word anywhere").empty


def test_explorer_controls_offer_every_report_and_start_on_the_term(seed_corpus):
    widget = term_explorer(seed_corpus, term="Kremlin")
    chooser, box = widget.children[0].children
    assert [value for _, value in chooser.options] == seed_corpus.ids
    assert box.value == "Kremlin"
    box.value = "Zoom"  # the observer re-renders without error
    assert box.value == "Zoom"
