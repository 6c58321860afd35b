"""The classroom helpers: answer matching, checking, keys from the seeds, your own article."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.corpus import Article, ArticleError
from analysis.present import lesson

IZV, MT = "Izvestia", "The Moscow Times"

# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "word, expected",
    [
        ("urge", "urg"), ("urged", "urg"), ("Urges", "urg"), ("urging", "urg"),
        ("vowed", "vow"), ("complained", "complain"), ("argued", "argu"), ("argue", "argu"),
        ("agencies", "agency"), ("denied", "deny"), ("banned", "ban"), ("said", "say"),
        ("told", "tell"), ("Zoom's", "zoom"), ("press", "press"), ("1%", "1%"),
    ],
)  # fmt: skip
def test_stem_maps_the_forms_of_a_word_together(word, expected):
    assert lesson.stem(word) == expected


@pytest.mark.parametrize(
    "answer, accepted, expected",
    [
        ("Urged", "urged", True),
        ("urged", "Urged", True),
        ("urge", "urged", True),
        ("urging", "urged", True),
        ("  'urged.'  ", "urged", True),
        ("vowed", "urged", False),
        ("said", "urged", False),
        ("urged to switch", "urged", True),  # the verb with two more words
        ("urged Russian companies to switch platforms", "urged", False),  # too many more words
        ("expressed", "expressed regret", True),
        ("Peskov", ["Dmitry Peskov", "the Kremlin spokesman"], True),
        ("the Kremlin", ["Dmitry Peskov", "the Kremlin spokesman"], True),
        ("the president", ["Dmitry Peskov", "the Kremlin spokesman"], False),
        ("U.S.", "the United States", True),
        ("1 percent", "1%", True),
        ("1 per cent", "1%", True),
        ("2%", "1%", False),
        ("Higher School of Economics", "Institute for the Development of Education of the National Research University Higher School of Economics", True),
        ("", "urged", False),
        ("the", "the", False),  # function words alone name nothing
    ],
)  # fmt: skip
def test_matches_ignores_case_inflection_and_short_forms(answer, accepted, expected):
    assert lesson.matches(answer, accepted) is expected


def test_match_score_prefers_the_closest_fit():
    assert lesson.match_score("urged", "urged") == 3
    assert lesson.match_score("urged to switch", "urged") == 2
    assert lesson.match_score("Peskov", "Dmitry Peskov") == 1
    assert lesson.match_score("Poly", "Putin") == 0


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("urged, vowed; complained\nargued", ["urged", "vowed", "complained", "argued"]),
        (["urged", " ", "Urged", "urges"], ["urged"]),  # blanks and repeats dropped
        (["urged, vowed", "said"], ["urged", "vowed", "said"]),
        ('"Peskov"', ["Peskov"]),
        ("", []),
        (None, []),
        ([], []),
    ],
)  # fmt: skip
def test_answer_items_split_and_deduplicate(answer, expected):
    assert lesson.answer_items(answer) == expected


def test_is_empty_looks_inside_dicts():
    assert lesson.is_empty({"A": [], "B": "  "})
    assert not lesson.is_empty({"A": [], "B": "x"})


# --------------------------------------------------------------------------- checking


def _key():
    """A hand-made key: two reports, right, optional and wrong items."""
    rows = [
        ("A", "urged", ("urged",), True, True, ""),
        ("A", "said", ("said",), False, False, "neutral"),
        ("B", "urged", ("urged",), True, True, ""),
        ("B", "vowed", ("vowed",), True, True, ""),
        ("B", "complained", ("complained",), True, True, ""),
        ("B", "linkedin", ("LinkedIn",), True, True, ""),
        ("B", "twitter", ("Twitter",), True, True, ""),
        ("B", "tech companies", ("tech companies",), True, False, ""),
    ]
    return pd.DataFrame(rows, columns=lesson.KEY_COLUMNS)


def _statuses(result, report=None):
    part = result if report is None else result[result["report"] == report]
    return sorted(zip(part["answer"], part["status"], part["item"]))


def test_check_sorts_answers_into_right_wrong_extra_and_missing():
    result = lesson.check({"A": ["Urged", "said", "banana"], "B": "vow"}, _key())
    assert list(result.columns) == lesson.CHECK_COLUMNS
    assert _statuses(result, "A") == [("Urged", "right", "urged"), ("banana", "extra", ""), ("said", "wrong", "said")]
    assert _statuses(result, "B") == [
        ("", "missing", "complained"), ("", "missing", "linkedin"), ("", "missing", "twitter"),
        ("", "missing", "urged"), ("vow", "right", "vowed"),
    ]  # fmt: skip


def test_optional_items_are_right_but_never_missing():
    result = lesson.check({"B": ["tech companies"]}, _key())
    assert ("tech companies", "right", "tech companies") in _statuses(result, "B")
    assert "tech companies" not in set(result.loc[result["status"] == "missing", "item"])


def test_one_answer_naming_two_items_counts_for_both():
    result = lesson.check({"B": ["LinkedIn and Twitter"]}, _key())
    missing = set(result.loc[result["status"] == "missing", "item"])
    assert "linkedin" not in missing and "twitter" not in missing


def test_report_names_are_matched_loosely_and_unknown_ones_reported():
    result = lesson.check({"a": "urged", "Pravda": "vowed"}, _key())
    assert ("urged", "right", "urged") in _statuses(result, "A")
    unknown = result[result["status"] == "unknown report"]
    assert unknown["report"].tolist() == ["Pravda"]
    assert "A, B" in unknown["note"].iloc[0]


def test_a_flat_answer_is_checked_against_all_reports_pooled():
    result = lesson.check(["urged", "vowed"], _key())
    assert set(result["report"]) == {""}
    assert _statuses(result[result["status"] == "right"]) == [("urged", "right", "urged"), ("vowed", "right", "vowed")]
    assert sorted(result.loc[result["status"] == "missing", "item"]) == ["complained", "linkedin", "twitter"]


def test_a_plain_list_is_a_key_too():
    result = lesson.check("Urged, said", ["urged", "vowed"])
    assert _statuses(result) == [("", "missing", "vowed"), ("Urged", "right", "urged"), ("said", "extra", "")]


def test_feedback_counts_what_is_missing_without_naming_it():
    text = lesson.feedback({"A": "urged, said", "B": ["vowed"]}, _key(), name="ANSWER_X")
    assert text.splitlines()[0] == "ANSWER_X"
    assert "A: right: urged | not right: said (neutral) | nothing left to find" in text
    assert "B: right: vowed | still to find: 4" in text
    for hidden in ("complained", "linkedin", "twitter"):
        assert hidden not in text.lower()


def test_feedback_without_an_answer_says_so():
    for empty in ({"A": [], "B": ""}, [], "", None):
        text = lesson.feedback(empty, _key(), name="ANSWER_X")
        assert text.startswith("No answer yet in ANSWER_X")
        assert "urged" not in text


def test_feedback_for_one_report_only_shows_the_other_as_unanswered():
    text = lesson.feedback({"A": "urged"}, _key(), name="ANSWER_X")
    assert "B: no answer yet | still to find: 5" in text


def test_feedback_names_an_unknown_report():
    text = lesson.feedback({"Pravda": "urged"}, _key(), name="ANSWER_X")
    assert "Pravda: unknown report name (reports: A, B)" in text


# --------------------------------------------------------------------------- key builders


def test_loaded_verbs_key_from_a_hand_made_sources_table():
    quotes = pd.DataFrame({
        "article": ["a", "a", "a", "b"], "cue": ["Urged", "said", "urged", "suggested"],
        "cue_class": ["loaded", "neutral", "loaded", "hedged"], "speaker": ["X", "Y", "Z", "W"],
        "quote": ["to go", "no", "to stay", "maybe"],
    })  # fmt: skip
    key = lesson.loaded_verbs_key(quotes, labels={"a": "Daily"})
    assert key[["report", "item", "right", "required", "statements", "speakers"]].values.tolist() == [
        ["Daily", "urged", True, True, 2, "X, Z"],
        ["Daily", "said", False, False, 1, "Y"],
        ["b", "suggested", False, False, 1, "W"],
    ]
    assert key.loc[2, "note"].startswith("hedged")


def test_dominant_voice_key_accepts_close_runners_up_and_the_words_used_for_a_source():
    by_source = pd.DataFrame({
        "article": ["a"] * 3, "speaker": ["Ann Lee", "Bo Chan", "Cy Dee"], "speaker_type": ["government", "company", "media"],
        "share_of_voice": [30.0, 27.5, 10.0], "statements": [3, 2, 1],
    })  # fmt: skip
    quotes = pd.DataFrame({
        "article": ["a", "a", "a"], "speaker": ["Ann Lee", "Ann Lee", "Bo Chan"],
        "mention": ["the city's mayor", "she", "Bo Chan, chief executive of the harbour company"],
    })  # fmt: skip
    key = lesson.dominant_voice_key(by_source, quotes)
    assert key[["item", "right", "required", "behind_top"]].values.tolist() == [
        ["ann lee", True, True, 0.0], ["bo chan", True, False, 2.5], ["cy dee", False, False, 20.0],
    ]  # fmt: skip
    assert key.loc[0, "accepted"] == ("Ann Lee", "the city's mayor")  # no pronoun
    assert key.loc[1, "accepted"] == ("Bo Chan",)  # no mention of more than four words
    assert lesson.check({"a": "the mayor"}, key)["status"].tolist() == ["right"]
    assert lesson.check({"a": "Cy Dee"}, key)["status"].tolist() == ["wrong", "missing"]
    narrow = lesson.dominant_voice_key(by_source, quotes, close=1.0)
    assert narrow.loc[1, "right"] == False  # noqa: E712


def test_omissions_key_gives_each_report_what_only_the_other_has():
    omitted = pd.DataFrame({
        "item": ["poland", "putin", "1%", "tech companies", "zoom"],
        "kind": ["entity", "entity", "number", "noun_phrase", "entity"],
        "label": ["LOCATION", "PERSON", "", "", "ORGANIZATION"],
        "where": ["only in A", "only in B", "only in B", "only in B", "in both"],
        "count_a": [1, 0, 0, 0, 4], "count_b": [0, 2, 1, 1, 3],
        "forms": ["Poland", "Putin | Vladimir Putin", "1%", "tech companies", "Zoom"],
        "sentence_text": ["s1", "s2", "s3", "s4", "s5"],
    })  # fmt: skip
    key = lesson.omissions_key(omitted, a="x", b="y", labels={"x": "X", "y": "Y"})
    right = key[key["right"]]
    assert sorted(zip(right["report"], right["item"], right["required"])) == [
        ("X", "1%", True), ("X", "putin", True), ("X", "tech companies", False), ("Y", "poland", True),
    ]  # fmt: skip
    assert set(key.loc[~key["right"] & (key["report"] == "X"), "item"]) == {"poland", "zoom"}
    result = lesson.check({"X": ["Vladimir Putin", "Zoom", "1 percent"], "Y": "Poland"}, key)
    assert _statuses(result) == [
        ("1 percent", "right", "1%"), ("Poland", "right", "poland"),
        ("Vladimir Putin", "right", "putin"), ("Zoom", "wrong", "zoom"),
    ]  # fmt: skip


def test_tone_source_key_picks_the_side_further_from_neutral():
    narration = pd.DataFrame({
        "article": ["a", "b"], "narrator_mean": [-0.05, -0.4], "quoted_mean": [-0.3, 0.1],
        "narrator_share_negative": [0.1, 0.6], "quoted_share_negative": [0.5, 0.0],
    })  # fmt: skip
    quotes_only = narration.assign(narrator_mean=[-0.5, -0.4], quoted_mean=[-0.1, 0.0])
    key = lesson.tone_source_key(narration, quotes_only=quotes_only)
    right = key[key["right"]]
    assert right[["report", "item", "if_only_quotation_marks"]].values.tolist() == [
        ["a", "sources", "writer"], ["b", "writer", "writer"],
    ]
    assert lesson.check({"a": "the people quoted", "b": "the reporter"}, key)["status"].tolist() == ["right", "right"]


def test_key_summary_lists_expected_and_optional_answers():
    summary = lesson.key_summary(_key())
    assert summary.values.tolist() == [
        ["A", "urged", ""],
        ["B", "urged, vowed, complained, linkedin, twitter", "tech companies"],
    ]
    assert lesson.key_summary(_key(), limit=2).loc[1, "expected"] == "urged, vowed and 3 more"


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def keys(seed_corpus):
    return lesson.answer_keys(seed_corpus)


def _right(key, report):
    part = key[(key["report"] == report) & key["right"]]
    return set(part["item"])


def _expected(key, report):
    part = key[(key["report"] == report) & key["right"] & key["required"]]
    return set(part["item"])


def test_seed_keys_are_computed_for_both_reports(keys):
    assert set(keys) == {"loaded_verbs", "dominant_voice", "omissions", "tone_source", "leading_frame"}
    for name, key in keys.items():
        assert list(key.columns[: len(lesson.KEY_COLUMNS)]) == lesson.KEY_COLUMNS, name
        for report in (IZV, MT):
            assert _expected(key, report), f"{name}: nothing expected for {report}"


def test_seed_loaded_verbs_read_from_the_articles(keys):
    # "Peskov urged to switch ..." / "The Kremlin urged Russian companies ..." in both;
    # "Putin has complained", "Russia has vowed" in The Moscow Times; "said" is neutral.
    key = keys["loaded_verbs"]
    assert "urged" in _expected(key, IZV)
    assert {"urged", "vowed", "complained"} <= _expected(key, MT)
    assert "said" not in _right(key, IZV) | _right(key, MT)
    assert "said" in set(key["item"])  # known as a wrong answer


def test_seed_dominant_voice_read_from_the_articles(keys):
    # Peskov speaks in the first five of Izvestia's eight paragraphs.
    assert _expected(keys["dominant_voice"], IZV) == {"dmitry peskov"}
    result = lesson.check({IZV: "the Kremlin spokesman", MT: "Zoom"}, keys["dominant_voice"])
    assert result["status"].tolist() == ["right", "right"]


def test_seed_omissions_read_from_the_articles(keys):
    # Only The Moscow Times names Putin, Kommersant and LinkedIn; only Izvestia names Abankina.
    key = keys["omissions"]
    assert {"vladimir putin", "kommersant", "linkedin"} <= _expected(key, IZV)
    assert {"irina abankina", "poland"} <= _expected(key, MT)
    assert "zoom video communications" not in _right(key, IZV) | _right(key, MT)


def test_seed_tone_key_has_one_answer_per_report(keys):
    key = keys["tone_source"]
    for report in (IZV, MT):
        assert len(_expected(key, report)) == 1
        assert _expected(key, report) <= {"writer", "sources"}
    assert set(key["if_only_quotation_marks"]) <= {"writer", "sources"}


def test_seed_feedback_reaches_nothing_left_to_find(keys):
    answer = {IZV: ["urged", "expressed regret"], MT: "urged, vowed, complained, argued"}
    text = lesson.feedback(answer, keys["loaded_verbs"], name="ANSWER_LOADED_VERBS")
    assert text.count("nothing left to find") == 2, text


def test_answer_keys_need_two_reports(seed_corpus):
    with pytest.raises(ValueError, match="two reports"):
        lesson.answer_keys(seed_corpus.select([seed_corpus.ids[0]]))


def test_concept_examples_mark_the_word_in_its_sentence(seed_corpus):
    prefer = {"frame cue": "revenue", "loaded verb": "urged", "hedge": "presumably", "tone word": "regret"}
    examples = lesson.concept_examples(seed_corpus, prefer=prefer)
    assert examples["concept"].tolist() == ["frame cue", "loaded verb", "hedge", "tone word"]
    assert examples["word"].str.lower().tolist() == ["revenue", "urged", "presumably", "regret"]
    for row in examples.itertuples():
        assert row.sentence[row.start : row.end] == row.word
    html = lesson.examples_html(examples)
    assert html.count("<mark") == 4


def test_html_views_escape_article_text():
    article = Article(id="x", text='A <script>alert("x")</script> plan.\n\nThe council said so.', outlet="<b>Daily</b>")
    page = lesson.texts_html([article])
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;Daily" in page
    examples = pd.DataFrame([{"concept": "hedge", "report": "<i>", "word": "<b>", "detail": "&", "sentence": "x <b> y", "start": 2, "end": 5}])
    html = lesson.examples_html(examples)
    assert "<b>hedge</b>" in html and "&lt;b&gt;" in html and "<i>&lt;i&gt;" not in html


# --------------------------------------------------------------------------- your own article


def test_demo_article_is_used_when_nothing_is_given_and_has_voices():
    from analysis.sources import extract_quotes

    article = lesson.load_own_article()
    assert article.id == "demo_article"
    assert article.headline == "Harbour Town Council Delays Vote on Ferry Timetable"
    quotes = extract_quotes(article.text)
    assert {"Maria Okafor", "Tom Reyes"} <= set(quotes["speaker"])
    assert "loaded" in set(quotes["cue_class"])


def test_pasted_text_wins_over_a_file():
    article = lesson.load_own_article("Storm Closes Bridge\n\nThe bridge closed on Monday, the police said.", "no/such/file.txt")
    assert article.id == "your_article" and article.headline == "Storm Closes Bridge"


def test_a_file_is_found_from_the_project_folder():
    article = lesson.load_own_article("", "seeds/002_96cf24b8358f7f15.txt")
    assert article.id == "002_96cf24b8358f7f15" and article.published == "2021-04-08"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"%PDF-1.4 binary", "PDF"),
    ],
)
def test_bad_files_raise_a_clear_article_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        lesson.load_own_article("", str(path))
    assert "bad.txt" in str(err.value) and message.lower() in str(err.value).lower()


def test_missing_file_and_foreign_text_raise_article_errors(tmp_path):
    with pytest.raises(ArticleError, match="file not found"):
        lesson.load_own_article("", str(tmp_path / "nothing.txt"))
    russian = "Пресс-секретарь президента России выразил сожаление в связи с запретом. " * 5
    with pytest.raises(ArticleError, match="not English"):
        lesson.load_own_article(russian)


def test_with_others_keeps_ids_apart(seed_corpus):
    mine = lesson.load_own_article("", "seeds/002_96cf24b8358f7f15.txt")
    corpus = lesson.with_others(mine, seed_corpus)
    assert corpus.ids == ["002_96cf24b8358f7f15_yours", *seed_corpus.ids]


# --------------------------------------------------------------------------- the notebooks


def _cells(name):
    return nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4).cells


def test_lesson_answers_are_computed_not_written_into_the_notebook():
    code = "\n".join(c.source for c in _cells("lesson_zoom.ipynb") if c.cell_type == "code")
    for answer in ("vowed", "complained", "Peskov", "Kommersant", "LinkedIn", '"sources"', '"writer"'):
        assert answer not in code
    for variable in ("ANSWER_DOMINANT_VOICE", "ANSWER_LOADED_VERBS", "ANSWER_TONE_FROM", "ANSWER_OMITTED"):
        assert f"lesson.feedback({variable}, keys[" in code


def test_lesson_key_is_the_last_cell_hidden_and_collapsed():
    cells = _cells("lesson_zoom.ipynb")
    last = cells[-1]
    assert last.cell_type == "code" and "hide-input" in last.metadata["tags"]
    assert last.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert "scroll down only after trying" in cells[-2].source


@pytest.mark.slow
def test_your_article_notebook_shows_a_bad_input_instead_of_failing(tmp_path):
    import papermill

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / "06_your_article.ipynb"), str(out), parameters={"ARTICLE_FILE": str(bad)},
        cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
    )  # fmt: skip
    text = "".join(o.get("text", "") for c in nbformat.read(out, as_version=4).cells for o in c.get("outputs", []))
    assert "This input cannot be analysed.\nempty.txt:" in text
    assert "No article to analyse" in text


@pytest.mark.slow
def test_your_article_notebook_compares_pasted_text_with_a_seed(tmp_path):
    import papermill

    text = (
        "Library Extends Opening Hours\n\n"
        'The city library will open until 9 pm from May, its director said on Friday. "Students asked for it," '
        "director Ana Ruiz said. Critics complained that the plan would cost too much.\n"
    )
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / "06_your_article.ipynb"), str(out),
        parameters={"ARTICLE_TEXT": text, "COMPARE_WITH": ["002_96cf24b8358f7f15"]},
        cwd=str(config.NOTEBOOKS_DIR), progress_bar=False,
    )  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    outputs = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "") for c in nb.cells for o in c.get("outputs", [])
    )
    assert "Analysing your_article from the pasted text" in outputs
    assert "compared with 002_96cf24b8358f7f15" in outputs
    assert "Ana Ruiz" in outputs
    assert "Nothing to compare with" not in outputs
    assert "library" in outputs  # a distinctive word of the pasted article
