"""Tests for analysis.framing, on small texts written for each function."""

from __future__ import annotations

import math
import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import config, framing
from analysis.nlp import nltk_data as nltkdata

NEEDED = ["punkt_tab", "averaged_perceptron_tagger_eng", "stopwords", "opinion_lexicon",
          "names", "gazetteers", "words"]
pytestmark = pytest.mark.skipif(
    not all(nltkdata.is_installed(p) for p in NEEDED),
    reason=f"NLTK data missing ({', '.join(NEEDED)}): {nltkdata.SETUP_COMMAND}",
)

DOCS = config.ROOT / "docs" / "framing_rules.md"


def sentences_of(text: str, article: str | None = None) -> pd.DataFrame:
    """A sentences frame shaped like the corpus's, built with Punkt's span_tokenize."""
    from nltk.tokenize import PunktTokenizer

    punkt = PunktTokenizer("english")
    rows = []
    for paragraph, match in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)):
        for s, e in punkt.span_tokenize(match.group()):
            start, end = match.start() + s, match.start() + e
            rows.append({"sentence": len(rows), "paragraph": paragraph, "start": start,
                         "end": end, "text": text[start:end]})
    frame = pd.DataFrame(rows, columns=["sentence", "paragraph", "start", "end", "text"])
    if article is not None:
        frame.insert(0, "article", article)
    return frame


# --------------------------------------------------------------------------------------
# frames
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, frame, expected",
    [
        ("Russia warned it could block the service.", "conflict", True),
        ("The two parties accused each other of lying.", "conflict", True),
        ("Both sides claim victory.", "conflict", True),
        ("The company's revenue fell by 5% last year.", "economic", True),
        ("Licences will cost more next year.", "economic", True),
        ("Zoom sold accounts directly.", "economic", True),
        ("The government must act now.", "responsibility", True),
        ("Officials urged users to switch to alternatives.", "responsibility", True),
        ("The family felt betrayed and angry.", "human_interest", True),
        ("It is morally wrong to lie to God.", "morality", True),
        ("The weather was mild on Tuesday.", "conflict", False),
        ("The weather was mild on Tuesday.", "economic", False),
        ("The weather was mild on Tuesday.", "responsibility", False),
        ("The weather was mild on Tuesday.", "human_interest", False),
        ("The weather was mild on Tuesday.", "morality", False),
        ("Turn right now and walk.", "morality", False),  # "right now" is a stop phrase
        ("The right-wing press reported it.", "morality", False),  # token, not substring
        ("The bandwidth was fine.", "conflict", False),  # "ban" does not match inside words
    ],
)
def test_frame_sentences_hits_and_misses(text, frame, expected):
    hits = framing.frame_sentences(sentences_of(text))
    assert (frame in set(hits["frame"])) is expected


def test_frame_sentences_inflections_and_cue_columns():
    hits = framing.frame_sentences(sentences_of("Zoom banned the sales and was banning more."))
    conflict = hits[hits["frame"] == "conflict"]
    assert conflict["matched"].tolist() == ["banned", "banning"]
    assert set(conflict["cue"]) == {"ban"}
    assert set(conflict["question"]) == {"conflict.1"}


def test_frame_sentences_offsets_point_into_the_article_text():
    text = "A calm opening line.\n\nRussia threatened it could block Zoom. Revenue fell 1%."
    sents = sentences_of(text, article="x")
    hits = framing.frame_sentences(sents)
    assert len(hits) >= 4
    for row in hits.itertuples():
        assert text[row.start : row.end] == row.matched
        assert row.sentence_text == sents.loc[sents["sentence"] == row.sentence, "text"].item()
    assert set(hits["article"]) == {"x"}
    assert hits.loc[hits["matched"] == "threatened", "sentence"].item() == 1


def test_frame_sentences_multiword_cue_wins_over_its_part():
    hits = framing.frame_sentences(sentences_of("Its market share grew."))
    econ = hits[hits["frame"] == "economic"]
    assert econ["cue"].tolist() == ["market share"]


def test_first_person_inside_a_quotation_across_sentences():
    text = 'The minister spoke. "It was hard. I was afraid," he said. I think so.'
    rows = [
        (0, 0, 0, 19),
        (1, 0, 20, 33),
        (2, 0, 34, 57),
        (3, 0, 58, 69),
    ]
    sents = pd.DataFrame(
        [{"sentence": n, "paragraph": p, "start": s, "end": e, "text": text[s:e]} for n, p, s, e in rows]
    )
    assert sents["text"].tolist() == ["The minister spoke.", '"It was hard.', 'I was afraid," he said.',
                                      "I think so."]
    hits = framing.frame_sentences(sents)
    voice = hits[hits["cue"] == "first-person singular pronoun inside a quotation"]
    assert voice["sentence"].tolist() == [2]
    assert voice["start"].tolist() == [34]


def test_first_person_alone_is_not_human_interest():
    hits = framing.frame_sentences(sentences_of('"I was alone in the room," she said.'))
    assert "human_interest" not in set(hits["frame"])


def test_cues_inside_names_do_not_count():
    text = ("The Justice Department opened an inquiry. She studied at the Higher School of Economics. "
            "He wrote for Vanity Fair. Mr. Justice spoke. Justice was done.")
    hits = framing.frame_sentences(text)
    assert hits["matched"].tolist() == ["Justice"]  # only the sentence that opens with it, alone
    assert hits["sentence"].tolist() == [4]


def test_numbers_count_as_economic_only_near_money_and_never_in_polls():
    hits = framing.frame_sentences(
        "Prices rose 5 percent. Turnout was 60 percent. 45 percent of voters back him in the poll, "
        "and his tax plan costs money."
    )
    econ = hits[hits["frame"] == "economic"]
    assert econ[econ["cue"] == "percent"]["sentence"].tolist() == [0]
    assert "tax" in set(econ["cue"])  # the poll blocks only the numbers, not the other cues


def test_first_person_plural_is_not_a_human_voice():
    hits = framing.frame_sentences(sentences_of('"We do not use it," he said.'))
    assert "human_interest" not in set(hits["frame"])


def test_policy_scheme():
    hits = framing.frame_sentences(sentences_of("The court ruled the law illegal."), scheme="policy")
    assert "legality" in set(hits["frame"])
    assert "conflict" not in set(hits["frame"])


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="scheme"):
        framing.frame_sentences("A text.", scheme="nope")


def test_frame_sentences_input_kinds_and_empty():
    by_dict = framing.frame_sentences({"a": "Russia banned it.", "b": "Nothing here."})
    assert "article" in by_dict.columns and set(by_dict["article"]) == {"a"}
    by_str = framing.frame_sentences("Russia banned it.")
    assert "article" not in by_str.columns and len(by_str) == 1
    empty = framing.frame_sentences(sentences_of("").iloc[0:0])
    assert empty.empty
    assert list(empty.columns) == ["sentence", "frame", "question", "cue", "matched", "start", "end",
                                   "sentence_text"]


def test_frame_sentences_does_not_touch_its_input():
    sents = sentences_of("Russia banned it. Sales fell.", article="x")
    before = sents.copy()
    framing.frame_sentences(sents)
    pd.testing.assert_frame_equal(sents, before)


def test_bad_sentences_frame_is_refused():
    with pytest.raises(ValueError, match="lacks column"):
        framing.frame_sentences(pd.DataFrame({"text": ["x"]}))
    bad = pd.DataFrame({"sentence": [0], "start": [0], "end": [99], "text": ["short"]})
    with pytest.raises(ValueError, match="offsets do not match"):
        framing.frame_sentences(bad)


def test_frame_profile_counts_sentences_not_cues():
    text = "Russia banned and blocked Zoom. The weather was mild. Sales fell."
    sents = sentences_of(text, article="x")
    profile = framing.frame_profile(framing.frame_sentences(sents), sents)
    row = profile.set_index("frame").loc["conflict"]
    assert row["n_sentences"] == 1
    assert row["n_cues"] == 2
    assert row["share"] == pytest.approx(1 / 3, abs=1e-9)
    assert row["evidence_sentences"] == (0,)
    assert profile.set_index("frame").loc["morality", "n_sentences"] == 0
    assert set(profile["frame"]) == set(framing.FRAME_RULES["generic"])


def test_frame_profile_side_by_side():
    texts = {"a": "Russia banned Zoom. Quiet.", "b": "Quiet day. Calm night. Zoom sold more."}
    hits = framing.frame_sentences(texts)
    profile = framing.frame_profile(hits, texts).set_index(["article", "frame"])
    assert profile.loc[("a", "conflict"), "share"] == pytest.approx(0.5, abs=1e-9)
    assert profile.loc[("b", "conflict"), "share"] == pytest.approx(0.0, abs=1e-9)
    assert profile.loc[("b", "economic"), "share"] == pytest.approx(1 / 3, abs=1e-9)
    assert profile.loc[("b", "economic"), "sentences_total"] == 3


def test_frame_rules_table_and_docs_list_every_cue():
    rules = pd.concat([framing.frame_rules(), framing.frame_rules(scheme="policy")])
    assert list(rules.columns) == ["scheme", "frame", "question", "question_text", "cue"]
    assert set(framing.frame_rules()["question"]) <= set(framing.GENERIC_QUESTIONS)
    docs = DOCS.read_text(encoding="utf-8")
    missing = sorted({c for c in rules["cue"] if f"`{c}`" not in docs})
    assert missing == []
    stance = [c for cues in framing.STANCE_MARKERS.values() for c in cues]
    stance += sorted(framing.EVALUATIVE_ADJECTIVES)
    assert sorted({c for c in stance if f"`{c}`" not in docs}) == []


def test_docs_framing_rules_is_generated_from_the_word_lists():
    from analysis.framing.rules_doc import framing_rules_markdown

    expected = framing_rules_markdown()
    assert DOCS.read_text(encoding="utf-8") == expected, (
        f"{DOCS.relative_to(config.ROOT)} differs from what the word lists in analysis/lexicons/ "
        "give: regenerate it with `python -m analysis docs`"
    )


def test_word_lists_load_with_the_types_the_code_had():
    for scheme in ("generic", "policy"):
        for questions in framing.FRAME_RULES[scheme].values():
            assert all(isinstance(cues, tuple) and cues for cues in questions.values())
    assert list(framing.FRAME_RULES) == ["generic", "policy"]
    assert list(framing.FRAME_RULES["generic"]) == ["conflict", "economic", "responsibility", "human_interest",
                                                    "morality"]
    assert len(framing.GENERIC_QUESTIONS) == 20
    assert all(isinstance(cues, tuple) for cues in framing.STANCE_MARKERS.values())
    assert isinstance(framing.EVALUATIVE_ADJECTIVES, frozenset)
    assert framing.ENTITY_ALIASES["u.s."] == "united states"


# --------------------------------------------------------------------------------------
# Fightin' Words
# --------------------------------------------------------------------------------------


def test_fightin_words_hand_computed_flat_prior():
    # counts_a = {ban: 3, zoom: 1}, counts_b = {sell: 2, zoom: 2}; flat prior a_w = 0.5.
    # n_a = 4, n_b = 4, V = 3 terms, a0 = 3 * 0.5 = 1.5.
    # ban:  delta = log((3+.5)/(4+1.5-3-.5)) - log((0+.5)/(4+1.5-0-.5))
    #             = log(3.5/2) - log(0.5/5) = 0.559616 - (-2.302585) = 2.862201
    #       var   = 1/3.5 + 1/0.5 = 0.285714 + 2 = 2.285714;  sqrt = 1.511858
    #       z     = 2.862201 / 1.511858 = 1.893168
    # zoom: delta = log(1.5/4) - log(2.5/3) = -0.980829 - (-0.182322) = -0.798508
    #       var   = 1/1.5 + 1/2.5 = 1.066667;  z = -0.798508 / 1.032796 = -0.773152
    # sell: delta = log(0.5/5) - log(2.5/3) = -2.302585 + 0.182322 = -2.120264
    #       var   = 1/0.5 + 1/2.5 = 2.4;  z = -2.120264 / 1.549193 = -1.368624
    table = framing.fightin_words({"ban": 3, "zoom": 1}, {"sell": 2, "zoom": 2}, prior=0.5).set_index("term")
    assert table.loc["ban", "delta"] == pytest.approx(2.862201, abs=1e-4)
    assert table.loc["ban", "var"] == pytest.approx(2.285714, abs=1e-4)
    assert table.loc["ban", "z"] == pytest.approx(1.893168, abs=1e-4)
    assert table.loc["zoom", "delta"] == pytest.approx(-0.798508, abs=1e-4)
    assert table.loc["zoom", "z"] == pytest.approx(-0.773152, abs=1e-4)
    assert table.loc["sell", "delta"] == pytest.approx(-2.120264, abs=1e-4)
    assert table.loc["sell", "var"] == pytest.approx(2.4, abs=1e-4)
    assert table.loc["sell", "z"] == pytest.approx(-1.368624, abs=1e-4)
    assert table.loc["zoom", "freq"] == 3
    assert table.loc["ban", "alpha"] == pytest.approx(0.5, abs=1e-12)


def test_fightin_words_columns_and_order():
    table = framing.fightin_words({"ban": 3, "zoom": 1}, {"sell": 2, "zoom": 2}, prior=0.5)
    assert list(table.columns) == ["term", "count_a", "count_b", "freq", "alpha", "delta", "var", "z"]
    assert table["term"].tolist() == ["ban", "zoom", "sell"]


def test_fightin_words_default_prior_is_pooled_counts_scaled_to_alpha0():
    a, b = {"ban": 6, "zoom": 2}, {"sell": 1, "zoom": 3}
    table = framing.fightin_words(a, b, alpha0=24.0).set_index("term")
    assert table["alpha"].sum() == pytest.approx(24.0, abs=1e-9)
    # pooled counts ban 6, zoom 5, sell 1 (total 12) -> alpha = 24 * count / 12
    assert table.loc["ban", "alpha"] == pytest.approx(12.0, abs=1e-9)
    assert table.loc["zoom", "alpha"] == pytest.approx(10.0, abs=1e-9)
    assert table.loc["sell", "alpha"] == pytest.approx(2.0, abs=1e-9)
    expected = math.log((6 + 12) / (8 + 24 - 6 - 12)) - math.log(12 / (4 + 24 - 12))
    assert table.loc["ban", "delta"] == pytest.approx(expected, abs=1e-9)


def test_fightin_words_is_antisymmetric():
    a, b = {"ban": 6, "zoom": 2}, {"sell": 1, "zoom": 3}
    ab = framing.fightin_words(a, b).set_index("term")["z"]
    ba = framing.fightin_words(b, a).set_index("term")["z"]
    for term in ab.index:
        assert ab[term] == pytest.approx(-ba[term], abs=1e-9)


def test_fightin_words_background_prior():
    background = pd.Series({"ban": 10, "zoom": 30})  # "sell" missing: gets the minimum, 10
    table = framing.fightin_words({"ban": 1}, {"sell": 1, "zoom": 1}, prior=background, alpha0=None)
    alpha = table.set_index("term")["alpha"]
    assert alpha.to_dict() == {"ban": 10.0, "sell": 10.0, "zoom": 30.0}


@pytest.mark.parametrize(
    "a, b, error",
    [({"x": -1}, {"y": 1}, ValueError), (["x"], {"y": 1}, TypeError)],
)
def test_fightin_words_refuses_bad_counts(a, b, error):
    with pytest.raises(error):
        framing.fightin_words(a, b)


def test_fightin_words_empty():
    table = framing.fightin_words({}, {})
    assert table.empty and "z" in table.columns


def test_distinctive_terms_two_texts():
    texts = {
        "a": "Peskov expressed regret. Regret and regret again, said Peskov.",
        "b": "Zoom will sell directly. Zoom sells to the market; the market grows.",
    }
    table = framing.distinctive_terms(texts)
    assert list(table.columns) == ["article", "term", "count", "count_other", "z", "delta", "rank"]
    top_a = table[table["article"] == "a"].sort_values("rank")["term"].head(2).tolist()
    assert top_a == ["regret", "peskov"]
    a = table[table["article"] == "a"].set_index("term")
    b = table[table["article"] == "b"].set_index("term")
    assert a.loc["regret", "count"] == 3 and a.loc["regret", "count_other"] == 0
    assert a.loc["regret", "z"] == pytest.approx(-b.loc["regret", "z"], abs=1e-9)
    assert "the" not in a.index and "and" not in a.index  # stop words removed
    assert b.loc["zoom", "rank"] < b.loc["directly", "rank"]


def test_distinctive_terms_more_than_two_is_each_against_the_rest():
    texts = {"a": "ban ban zoom", "b": "sell zoom", "c": "sell sell zoom"}
    table = framing.distinctive_terms(texts).set_index(["article", "term"])
    assert table.loc[("a", "sell"), "count_other"] == 3
    assert table.loc[("c", "zoom"), "count_other"] == 2
    assert table.loc[("a", "ban"), "rank"] == 1
    expected = framing.fightin_words(
        {"ban": 2, "zoom": 1}, {"sell": 3, "zoom": 2}, prior={"ban": 2, "zoom": 3, "sell": 3}
    ).set_index("term")
    assert table.loc[("a", "ban"), "z"] == pytest.approx(expected.loc["ban", "z"], abs=1e-12)


def test_distinctive_terms_tokenisation():
    texts = {"a": "The U.S. company's sales. I'm sure.", "b": "Russia's video-conferencing market."}
    table = framing.distinctive_terms(texts, stopwords=False)
    terms = set(table["term"])
    assert {"u.s.", "company", "video-conferencing", "russia"} <= terms
    assert not {"s", "m", "'s"} & terms


def test_distinctive_terms_bigrams_respect_punctuation_and_stopwords():
    texts = {"a": "Russian government agencies, state companies.", "b": "sales to Russian agencies"}
    terms = set(framing.distinctive_terms(texts, ngram=2)["term"])
    assert terms == {"russian government", "government agencies", "state companies",
                     "russian agencies"}


def test_distinctive_terms_min_count_and_refusals():
    table = framing.distinctive_terms({"a": "ban ban zoom", "b": "sell zoom"}, min_count=2)
    assert set(table["term"]) == {"ban", "zoom"}
    with pytest.raises(ValueError, match="at least two"):
        framing.distinctive_terms({"a": "only one"})
    with pytest.raises(ValueError, match="ngram"):
        framing.distinctive_terms({"a": "x", "b": "y"}, ngram=3)
    empty = framing.distinctive_terms({})
    assert empty.empty and list(empty.columns)[:2] == ["article", "term"]


def _seed_texts() -> dict[str, str]:
    texts = {}
    for path in sorted(Path(config.SEEDS_DIR).glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        raw = raw.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
        texts[path.stem] = re.sub(r"</?u>|\*\*", "", raw.split("Original url:")[0])
    return texts


@pytest.mark.skipif(len(list(Path(config.SEEDS_DIR).glob("*.txt"))) != 2, reason="needs the two seeds")
def test_distinctive_terms_on_the_seed_pair():
    texts = _seed_texts()
    izvestia, moscow_times = sorted(texts)
    table = framing.distinctive_terms(texts).set_index(["article", "term"])
    assert table.loc[(moscow_times, "kommersant"), "rank"] <= 3
    assert table.loc[(izvestia, "kommersant"), "z"] < 0
    assert table.loc[(izvestia, "use"), "z"] > 0


# --------------------------------------------------------------------------------------
# kwic
# --------------------------------------------------------------------------------------


def test_kwic_offsets_and_whole_words():
    text = "Zoom's rivals watched. Zooming out, zoom users left.\n\nThe ZOOM ban held."
    table = framing.kwic(text, "zoom", window=10)
    assert list(table.columns) == ["sentence", "left", "term", "right", "start", "end"]
    assert table["term"].tolist() == ["Zoom", "zoom", "ZOOM"]
    for row in table.itertuples():
        assert text[row.start : row.end].lower() == "zoom"
    assert table["sentence"].tolist() == [0, 1, 2]
    assert table.iloc[1]["left"] == "ming out, "
    assert table.iloc[1]["right"] == " users lef"


def test_kwic_phrase_across_whitespace_in_sentence_frames():
    text = "Intro.\n\nSales to government\nagencies stopped. Then government agencies bought."
    sents = sentences_of(text, article="mt")
    table = framing.kwic(sents, "government agencies", window=8)
    assert table["article"].tolist() == ["mt", "mt"]
    assert len(table) == 2
    for row in table.itertuples():
        assert re.sub(r"\s+", " ", text[row.start : row.end]).lower() == "government agencies"
    assert table["sentence"].tolist() == [1, 2]


def test_kwic_many_articles_and_no_match():
    table = framing.kwic({"a": "Peskov urged it.", "b": "Nobody did."}, "urged")
    assert table["article"].tolist() == ["a"]
    none = framing.kwic({"a": "Peskov urged it."}, "banned")
    assert none.empty and list(none.columns) == ["article", "sentence", "left", "term", "right",
                                                 "start", "end"]
    with pytest.raises(ValueError, match="empty"):
        framing.kwic("text", "   ")


# --------------------------------------------------------------------------------------
# actors, headline and lead
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("The Kremlin urged companies to switch.", ("The Kremlin", "urged")),
        ("Russia has vowed to introduce its own equivalent of Zoom.", ("Russia", "has vowed")),
        ("Zoom will sell directly to government agencies.", ("Zoom", "will sell")),
        ("Peskov urged Russians to switch to alternatives.", ("Peskov", "urged")),
        ("Kommersant reported that Zoom had banned its distributors.", ("Zoom", "had banned")),
        ("Russia has previously blocked Western platforms.", ("Russia", "has previously blocked")),
        ("The spokesman did not use the platform.", ("The spokesman", "did not use")),
    ],
)
def test_actor_actions_patterns(text, pair):
    table = framing.actor_actions(sentences_of(text))
    assert pair in list(zip(table["actor"], table["action"]))


def test_actor_actions_offsets_and_columns():
    text = "Intro line here.\n\nThe Kremlin urged companies to switch."
    table = framing.actor_actions(sentences_of(text, article="mt"))
    assert list(table.columns) == ["article", "sentence", "actor", "action", "actor_start",
                                   "actor_end", "action_start", "action_end"]
    row = table[table["actor"] == "The Kremlin"].iloc[0]
    assert text[row["actor_start"] : row["actor_end"]] == "The Kremlin"
    assert text[row["action_start"] : row["action_end"]] == "urged"
    assert row["sentence"] == 1


def test_actor_actions_skips_objects_of_prepositions():
    table = framing.actor_actions("Zoom Video Communications in the United States clarified it.")
    assert "the United States" not in set(table["actor"])


def test_actor_actions_second_finite_verb_starts_a_new_group():
    table = framing.actor_actions("It removes what it says is illegal content.")
    assert ("it", "says") in list(zip(table["actor"], table["action"]))
    assert "says is" not in set(table["action"])


def test_actor_actions_pronouns_option():
    text = '"We left," he said.'
    assert "he" in set(framing.actor_actions(text)["actor"])
    assert "he" not in set(framing.actor_actions(text, pronouns=False)["actor"])


def test_actor_actions_empty():
    table = framing.actor_actions({})
    assert table.empty and "actor" in table.columns


def test_headline_and_lead_tuple_input():
    body = ("Zoom will sell directly to Russian government agencies, the daily reported. "
            "The Kremlin urged Russian companies to switch. Later it said more.")
    sents = sentences_of(body)
    table = framing.headline_and_lead(("mt", "Zoom to Directly Sell to Russian Gov't Agencies", sents))
    assert table["part"].tolist() == ["headline", "lead", "lead"]
    assert table["sentence"].tolist() == [-1, 0, 1]
    assert list(zip(table["actor"], table["action"])) == [
        ("Zoom", "to Directly Sell"), ("Zoom", "will sell"), ("The Kremlin", "urged"),
    ]
    head = table.iloc[0]
    assert head["text"][head["action_start"] : head["action_end"]] == "to Directly Sell"
    lead = table.iloc[2]
    assert body[lead["actor_start"] : lead["actor_end"]] == "The Kremlin"
    assert set(table["article"]) == {"mt"}


def test_headline_and_lead_subject_far_from_its_verb_and_no_headline():
    body = ("Press Secretary Dmitry Peskov on Wednesday, April 7, expressed regret at the ban. "
            "He said more.")
    article = SimpleNamespace(id="iz", headline=None, sentences=sentences_of(body))
    table = framing.headline_and_lead(article, lead=1)
    assert table["part"].tolist() == ["lead"]
    row = table.iloc[0]
    assert (row["actor"], row["action"]) == ("Press Secretary Dmitry Peskov", "expressed")
    assert row["article"] == "iz"


def test_headline_and_lead_without_a_verb():
    table = framing.headline_and_lead(("x", "Zoom Controversy", sentences_of("No verbs here.")))
    head = table.iloc[0]
    assert head["action"] == "" and head["action_start"] == -1


# --------------------------------------------------------------------------------------
# stance markers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, category, marker",
    [
        ("This information was presumably spread by a partner.", "hedge", "presumably"),
        ("They generally have it, if I'm not mistaken.", "hedge", "if I'm not mistaken"),
        ("Initial reporting suggested that Zoom banned sales.", "hedge", "suggested"),
        ("The ban may be lifted.", "hedge", "may"),
        ("About 20 people came.", "hedge", "About 20"),
        ("Zoom reportedly banned sales.", "distance", "reportedly"),
        ("It removes what it says is illegal content.", "distance", "what it says is"),
        ("The so-called ban ended.", "distance", "so-called"),
        ("It was, of course, expected.", "booster", "of course"),
        ("Russia has vowed to build its own.", "loaded_verb", "vowed"),
        ("Putin complained about it.", "loaded_verb", "complained"),
        ("It spread inaccurate data.", "evaluative", "inaccurate"),
        ('It called it a "profitable story" for them.', "distance", '"profitable story"'),
    ],
)
def test_stance_markers_found(text, category, marker):
    table = framing.stance_markers(sentences_of(text))
    assert (category, marker) in list(zip(table["category"], table["marker"]))


@pytest.mark.parametrize(
    "text, marker",
    [
        ("In May the ban started.", "May"),  # the month, not a modal
        ("His claims were checked.", "claims"),  # a noun, not a reporting verb
        ('"Zoom still intends to serve customers in the market," it said.',
         '"Zoom still intends to serve customers in the market,"'),  # a quote, not a scare quote
    ],
)
def test_stance_markers_not_found(text, marker):
    table = framing.stance_markers(sentences_of(text))
    assert marker not in set(table["marker"])


def test_stance_markers_offsets_and_columns():
    text = "First line.\n\nZoom reportedly banned sales, Peskov complained."
    table = framing.stance_markers(sentences_of(text, article="x"))
    assert list(table.columns) == ["article", "sentence", "category", "marker", "start", "end",
                                   "sentence_text"]
    assert len(table) == 2
    for row in table.itertuples():
        assert text[row.start : row.end] == row.marker
        assert row.sentence == 1


def test_stance_markers_empty():
    table = framing.stance_markers("")
    assert table.empty and list(table.columns)[:2] == ["sentence", "category"]


# --------------------------------------------------------------------------------------
# omissions
# --------------------------------------------------------------------------------------

A_TEXT = ("Peskov expressed regret on Wednesday, April 7. Zoom had refused to renew the "
          "university licences.")
B_TEXT = "Zoom will sell directly. Zoom generates only 1% of its revenue in Russia."


def test_omissions_three_ways():
    table = framing.omissions({"iz": A_TEXT, "mt": B_TEXT}, a="iz", b="mt")
    assert list(table.columns) == ["item", "kind", "label", "where", "count_a", "count_b",
                                   "forms", "example_article", "example_sentence",
                                   "sentence_text", "start", "end"]
    where = dict(zip(table["item"], table["where"]))
    kind = dict(zip(table["item"], table["kind"]))
    assert where["peskov"] == "only in A" and kind["peskov"] == "entity"
    assert where["april 7"] == "only in A" and kind["april 7"] == "number"
    assert where["university licences"] == "only in A" and kind["university licences"] == "noun_phrase"
    assert where["zoom"] == "in both"
    assert where["1%"] == "only in B" and kind["1%"] == "number"
    assert where["revenue"] == "only in B"
    zoom = table[table["item"] == "zoom"].iloc[0]
    assert (zoom["count_a"], zoom["count_b"]) == (1, 2)


def test_omissions_evidence_offsets():
    texts = {"iz": A_TEXT, "mt": B_TEXT}
    table = framing.omissions(texts, a="iz", b="mt")
    for row in table.itertuples():
        source = texts[row.example_article]
        assert source[row.start : row.end] in row.forms.split(" | ")
        assert row.sentence_text in source
    assert table.loc[table["item"] == "1%", "example_article"].item() == "mt"
    assert table.loc[table["item"] == "1%", "example_sentence"].item() == 1


def test_omissions_numbers_are_whole():
    table = framing.omissions({"a": "It fell 17 points.", "b": "It fell 7 points, 1.7 times."}, a="a", b="b")
    where = dict(zip(table["item"], table["where"]))
    assert where["17"] == "only in A"
    assert where["7"] == "only in B"


def test_omission_table_pivot():
    table = framing.omissions({"iz": A_TEXT, "mt": B_TEXT}, a="iz", b="mt")
    pivot = framing.omission_table(table, kinds=["entity", "number"])
    assert list(pivot.columns) == ["only in A", "in both", "only in B"]
    assert "peskov" in pivot["only in A"].tolist()
    assert "1%" in pivot["only in B"].tolist()
    assert pivot["in both"].tolist()[0] == "zoom"
    assert "university licences" not in pivot.to_numpy().ravel().tolist()
    assert len(framing.omission_table(table, top=1)) == 1


def test_omissions_refuses_unknown_article():
    with pytest.raises(ValueError, match="not found"):
        framing.omissions({"iz": A_TEXT}, a="iz", b="mt")
    with pytest.raises(ValueError, match="ids"):
        framing.omissions(A_TEXT, a="iz", b="mt")


def test_omissions_does_not_touch_input():
    sents = pd.concat([sentences_of(A_TEXT, "iz"), sentences_of(B_TEXT, "mt")], ignore_index=True)
    before = sents.copy()
    table = framing.omissions(sents, a="iz", b="mt")
    pd.testing.assert_frame_equal(sents, before)
    assert "peskov" in set(table["item"])


@pytest.mark.parametrize(
    "name, key",
    [("U.S.", "united states"), ("US", "united states"), ("United States", "united states"),
     ("the United States", "united states"), ("U.K.", "united kingdom"), ("Britain", "united kingdom"),
     ("CIS", "commonwealth of independent states"), ("Russian  Federation", "russia"),
     ("Kremlin", "kremlin"), ("Dmitry Peskov", "dmitry peskov")],
)
def test_entity_key_applies_the_alias_map(name, key):
    assert framing.entity_key(name) == key


def test_omissions_merges_aliases_of_one_country():
    texts = {
        "a": "Zoom Video Communications in the United States clarified the report.",
        "b": "The U.S. company said more. US officials agreed.",
    }
    table = framing.omissions(texts, a="a", b="b").set_index("item")
    row = table.loc["united states"]
    assert (row["kind"], row["label"], row["where"]) == ("entity", "LOCATION", "in both")
    assert (row["count_a"], row["count_b"]) == (1, 2)
    assert row["forms"] == "U.S. | US | United States"
    assert texts["a"][row["start"] : row["end"]] == "United States"
    assert "u.s." not in table.index and "us" not in table.index


def test_omissions_links_short_forms_within_and_across_reports():
    texts = {
        "a": "Dmitry Peskov spoke on Wednesday. Peskov urged calm. Zoom refused.",
        "b": "Peskov said little. Zoom Video Communications said more.",
    }
    table = framing.omissions(texts, a="a", b="b").set_index("item")
    peskov = table.loc["dmitry peskov"]
    # 2 mentions in a (full name, then surname), 1 in b (surname, linked across reports)
    assert (peskov["count_a"], peskov["count_b"], peskov["where"]) == (2, 1, "in both")
    assert peskov["label"] == "PERSON" and peskov["forms"] == "Dmitry Peskov | Peskov"
    zoom = table.loc["zoom video communications"]
    assert (zoom["count_a"], zoom["count_b"]) == (1, 1)
    assert "peskov" not in table.index and "zoom" not in table.index
    assert "wednesday" not in table.index  # dates are not entities


def test_omissions_cis_and_its_full_name_are_one_item():
    texts = {
        "a": "Sales stopped in Russia and the CIS countries.",
        "b": "Sales stopped in the Commonwealth of Independent States (CIS).",
    }
    table = framing.omissions(texts, a="a", b="b").set_index("item")
    cis = table.loc["commonwealth of independent states"]
    assert (cis["count_a"], cis["count_b"], cis["where"]) == (1, 2, "in both")
    assert table.loc["russia", "where"] == "only in A"


def test_omission_table_with_names():
    table = framing.omissions({"iz": A_TEXT, "mt": B_TEXT}, a="iz", b="mt")
    pivot = framing.omission_table(table, kinds=["entity"], names=("Izvestia", "The Moscow Times"))
    assert list(pivot.columns) == ["only in Izvestia", "in both", "only in The Moscow Times"]
    same = framing.omission_table(table, names=("X", "X"))
    assert list(same.columns) == ["only in X (A)", "in both", "only in X (B)"]
    frequent = framing.omission_table(table, min_count=2)
    assert frequent["in both"].tolist() == ["zoom"]
    assert set(frequent["only in A"]) | set(frequent["only in B"]) == {""}


def test_docs_list_every_entity_alias():
    docs = DOCS.read_text(encoding="utf-8")
    missing = sorted(k for k in framing.ENTITY_ALIASES if f"`{k}`" not in docs)
    assert missing == []


# --------------------------------------------------------------------------------------
# side-by-side tables and highlighted evidence
# --------------------------------------------------------------------------------------


def test_highlight_escapes_article_text_and_marks_spans():
    text = 'He said <script>alert("x")</script> & banned it.'
    start = text.index("banned")
    html = framing.highlight(text, [(start, start + 6, "conflict")])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; " in html
    assert html.endswith('<mark title="conflict">banned</mark> it.')


def test_highlight_merges_overlaps_and_escapes_labels():
    html = framing.highlight("market share grew", [(0, 6, "a"), (0, 12, 'b"<'), (13, 17)])
    assert html == ('<mark title="a, b&quot;&lt;">market share</mark> <mark>grew</mark>')
    with pytest.raises(ValueError, match="not inside"):
        framing.highlight("short", [(2, 99)])


def test_evidence_html_marks_each_hit_in_its_sentence():
    text = "A calm line.\n\nRussia banned Zoom <b>now</b>. Sales fell."
    sents = sentences_of(text, article="x")
    hits = framing.frame_sentences(sents)
    html = framing.evidence_html(hits, sents, label=["frame", "cue"], titles={"x": "Outlet & Co"})
    assert html.startswith("<div><h4>Outlet &amp; Co</h4>")
    assert '<mark title="conflict · ban">banned</mark>' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "<b>" not in html
    assert "<small>sentence 1</small>" in html and "<small>sentence 2</small>" in html
    assert "sentence 0" not in html  # no hit there
    assert "banned \u2192 conflict · ban" in html
    assert framing.evidence_html(hits.iloc[0:0], sents, empty="None.") == "<div><p><em>None.</em></p></div>"


def test_evidence_html_for_omission_rows_and_bad_offsets():
    texts = {"iz": A_TEXT, "mt": B_TEXT}
    table = framing.omissions(texts, a="iz", b="mt")
    only_b = table[table["where"] == "only in B"]
    html = framing.evidence_html(only_b, texts, label="item", article_col="example_article",
                                 sentence_col="example_sentence")
    assert "<h4>mt</h4>" in html and "<h4>iz</h4>" not in html
    assert '<mark title="1%">1%</mark>' in html
    bad = only_b.assign(start=0, end=3)
    with pytest.raises(ValueError, match="outside sentence"):
        framing.evidence_html(bad, texts, label="item", article_col="example_article",
                              sentence_col="example_sentence")


def test_profile_table_side_by_side():
    texts = {"a": "Russia banned Zoom. Quiet.", "b": "Quiet day. Calm night. Zoom sold more."}
    profile = framing.frame_profile(framing.frame_sentences(texts), texts)
    table = framing.profile_table(profile, labels={"a": "Alpha", "b": "Beta"})
    assert list(table.columns) == ["Alpha", "Beta"]
    assert table.loc["conflict"].tolist() == ["1 of 2 (50%)", "0 of 3 (0%)"]
    assert table.loc["economic", "Beta"] == "1 of 3 (33%)"
    assert list(table.index) == list(framing.FRAME_RULES["generic"])
    same = framing.profile_table(profile, labels={"a": "Same", "b": "Same"})
    assert list(same.columns) == ["Same (a)", "Same (b)"]


def test_top_terms_reports_ties():
    texts = {"a": "ban ban vote vote poll poll zoom", "b": "sell sell sell zoom"}
    table = framing.distinctive_terms(texts)
    top = framing.top_terms(table, top=2)
    assert list(top.columns) == ["article", "rank", "term", "count", "count_other", "z", "tied"]
    a = top[top["article"] == "a"]
    assert a["term"].tolist() == ["ban", "poll"]  # three tied terms, alphabetical
    assert a["tied"].tolist() == [3, 3]
    b = top[top["article"] == "b"]
    assert b["term"].tolist() == ["sell", "zoom"] and b["tied"].tolist() == [1, 1]
    with pytest.raises(ValueError, match="top"):
        framing.top_terms(table, top=0)
    named = framing.top_terms(table, top=1, labels={"a": "Alpha", "b": "Beta"})
    assert named.columns[1] == "outlet" and named["outlet"].tolist() == ["Alpha", "Beta"]


def test_actor_table_groups_actors_across_reports():
    texts = {"a": "The Kremlin urged calm. The Kremlin urged more. He said no.",
             "b": "Zoom will sell. the Kremlin said no."}
    pairs = framing.actor_actions(texts, pronouns=False)
    table = framing.actor_table(pairs, labels={"a": "Alpha", "b": "Beta"})
    assert list(table.columns) == ["actor", "Alpha", "Beta"]
    assert table.values.tolist() == [["kremlin", "urged (x2)", "said"], ["zoom", "", "will sell"]]
    assert framing.actor_key("An  Official") == "official"
    assert framing.actor_key("The") == "the"


def test_stance_counts_keeps_every_category_and_article():
    texts = {"a": "Zoom reportedly left. It was presumably sold.", "b": "Nothing to say.",
             "c": "Putin complained."}
    markers = framing.stance_markers(texts)
    table = framing.stance_counts(markers, labels={"a": "A", "b": "B", "c": "C"})
    assert list(table.index) == ["hedge", "distance", "booster", "evaluative", "loaded_verb"]
    assert list(table.columns) == ["A", "B", "C", "markers"]
    assert table["A"].tolist() == [1, 1, 0, 0, 0]
    assert table["B"].tolist() == [0, 0, 0, 0, 0]
    assert table.loc["loaded_verb", "C"] == 1
    assert table.loc["distance", "markers"] == "reportedly"


def test_kwic_terms_keeps_query_order():
    table = framing.kwic_terms({"a": "Zoom sells. Russia blocks Zoom.", "b": "Russia."}, ["zoom", "russia"])
    assert table.columns[0] == "query"
    assert list(zip(table["query"], table["article"], table["start"])) == [
        ("zoom", "a", 0), ("zoom", "a", 26), ("russia", "a", 12), ("russia", "b", 0)]
    empty = framing.kwic_terms({"a": "text"}, [])
    assert empty.empty and list(empty.columns)[:2] == ["query", "article"]


def test_frame_rule_summary_in_brief_with_fired_cues():
    hits = framing.frame_sentences("Russia banned Zoom and blocked it.")
    brief = framing.frame_rule_summary(hits, examples=3).set_index("question")
    assert list(brief.columns) == ["frame", "question_text", "n_cues", "examples", "fired"]
    assert brief.loc["conflict.1", "fired"] == "ban, block"
    assert brief.loc["conflict.1", "examples"] == "disagree, disagreement, dispute, ..."
    assert brief.loc["morality.2", "fired"] == ""
    assert brief.loc["conflict.1", "n_cues"] == len(framing.FRAME_RULES["generic"]["conflict"]["conflict.1"])
    assert set(brief.index) == set(framing.frame_rules()["question"])


def test_frame_columns_equal_frame_sentences_on_the_seeds():
    from analysis import config
    from analysis.corpus import load_corpus

    for article in load_corpus(config.SEEDS_DIR):
        sents = article.sentences
        expected = framing.frame_sentences(sents)
        assert len(expected) > 0
        got = framing.frame_columns(sents["text"].tolist(), sents["start"].tolist(), sents["sentence"].tolist(), sents["paragraph"].tolist())
        for col in expected.columns:
            assert got[col] == expected[col].tolist(), col


def test_opinion_words_are_hu_and_lius_lexicon_in_lower_case():
    from nltk.corpus import opinion_lexicon

    words = framing._opinion_words()
    assert words == frozenset(w.lower() for w in (*opinion_lexicon.positive(), *opinion_lexicon.negative()))
    assert {"good", "bad", "envious"} <= words


# --------------------------------------------------------------------------------------
# omissions of N reports, each against the others
# --------------------------------------------------------------------------------------

THREE = {
    "r1": "Mayor Lena Ortiz closed the bridge on Monday. Repairs will cost $4 million.",
    "r2": "The bridge was closed by Ortiz. Drivers waited for hours.",
    "r3": "Ortiz shut the bridge. Repairs will cost $4 million, the council said.",
}


def test_omissions_each_covers_every_report():
    table = framing.omissions_each(THREE)
    assert list(table["report"].unique()) == ["r1", "r2", "r3"]
    where = {(r, i): w for r, i, w in zip(table["report"], table["item"], table["where"])}
    assert where[("r1", "$4 million")] == "shared"
    assert where[("r2", "$4 million")] == "left out here"  # r1 and r3 carry it, r2 does not
    assert where[("r2", "drivers")] == "only here"
    assert where[("r3", "council")] == "only here"
    assert where[("r1", "lena ortiz")] == "in every report"  # "Ortiz" is linked to the full name
    row = table[(table["report"] == "r2") & (table["item"] == "$4 million")].iloc[0]
    assert (row["count"], row["count_other"], row["n_other"]) == (0, 2, 2)
    assert row["example_article"] == "r1"  # the evidence comes from a report that carries it
    assert THREE["r1"][row["start"] : row["end"]] == "$4 million"


def test_omissions_each_of_two_agrees_with_omissions():
    pair = {"r1": THREE["r1"], "r2": THREE["r2"]}
    two = framing.omissions(pair, a="r1", b="r2")
    each = framing.omissions_each(pair)
    only_a = set(two.loc[two["where"] == "only in A", "item"])
    assert only_a == set(each.loc[(each["report"] == "r1") & (each["where"] == "only here"), "item"])
    assert only_a == set(each.loc[(each["report"] == "r2") & (each["where"] == "left out here"), "item"])
    assert "$4 million" in only_a


def test_omissions_each_groups_reports_by_outlet():
    outlets = {"r1": "Daily", "r2": "Weekly", "r3": "Daily"}
    table = framing.omissions_each(THREE, groups=outlets)
    assert list(table["report"].unique()) == ["Daily", "Weekly"]
    money = table[(table["item"] == "$4 million") & (table["report"] == "Daily")].iloc[0]
    assert (money["where"], money["count"], money["count_other"]) == ("only here", 2, 0)


def test_omission_columns_one_column_per_report():
    table = framing.omissions_each(THREE)
    only = framing.omission_columns(table, kinds=["entity", "number"], labels={"r1": "A", "r2": "B", "r3": "A"})
    assert list(only.columns) == ["only in A (r1)", "only in B", "only in A (r3)", "in every report"]
    assert "lena ortiz" in only["in every report"].tolist()
    left = framing.omission_columns(table, where="left out here")
    assert list(left.columns) == ["left out by r1", "left out by r2", "left out by r3"]
    assert "$4 million" in left["left out by r2"].tolist()
    assert set(left["left out by r1"]) <= {""} | set(table.loc[table["report"] == "r1", "item"])
    assert "drivers" not in framing.omission_columns(table, min_count=2).to_numpy().ravel().tolist()


def test_omissions_each_refusals():
    with pytest.raises(ValueError, match="at least two"):
        framing.omissions_each({"r1": THREE["r1"]})
    with pytest.raises(ValueError, match="not found"):
        framing.omissions_each(THREE, ids=["r1", "r9"])
    with pytest.raises(ValueError, match="no group"):
        framing.omissions_each(THREE, groups={"r1": "A"})
    with pytest.raises(ValueError, match="where"):
        framing.omission_columns(framing.omissions_each(THREE), where="both")


def test_omission_counts_one_column_per_report():
    table = framing.omission_counts(framing.omissions_each(THREE), labels={"r1": "Daily", "r2": "Weekly", "r3": "Post"})
    assert list(table.columns) == ["item", "kind", "label", "forms", "Daily", "Weekly", "Post"]
    ortiz = table[table["item"] == "lena ortiz"].iloc[0]
    assert (ortiz["Daily"], ortiz["Weekly"], ortiz["Post"]) == (1, 1, 1)
    assert set(table["kind"]) == {"entity"}


def test_omission_columns_of_two_reports_say_in_both():
    table = framing.omissions_each({"r1": THREE["r1"], "r2": THREE["r2"]})
    only = framing.omission_columns(table, kinds=["entity"])
    assert list(only.columns) == ["only in r1", "only in r2", "in both"]
    assert "lena ortiz" in only["in both"].tolist()


def test_evidence_html_names_labels_in_plain_words():
    text = "The mayor felt sad about the bridge."
    rows = pd.DataFrame({"sentence": [0], "start": [15], "end": [18], "frame": ["human_interest"], "cue": ["sad"]})
    shown = framing.evidence_html(rows, text, label=["frame", "cue"])
    assert "sad \u2192 human interest · sad" in shown and "human_interest" not in shown
