"""The whole batch on a story that is not the seeds: three short reports of one invented
event from three invented outlets (tests/fixtures/invented_story/, written for these tests)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from analysis.batch import report
from analysis.batch.report import params as report_params

pytestmark = pytest.mark.slow

STORY = Path(__file__).parent / "fixtures" / "invented_story"
OUTLETS = ["The Kelmsby Courier", "Northshore Daily", "Tidewater Radio News"]
PEOPLE = ["Orla Fenwick", "Fenwick", "Tobias Quill", "Quill", "Marta Ingleby", "Kelmsby Harbour Trust"]
SEED_WORDS = re.compile(r"\b(?:Zoom|Kremlin|Russia|Russian|Peskov|Izvestia|Moscow|universities|Kommersant)\b", re.I)
ANALYSES = ["01_corpus", "02_framing", "03_sentiment", "04_sources", "05_side_by_side"]


def _visible_text(page: str) -> str:
    """What a reader sees: no styles, scripts, embedded images or tags."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"data:[^\"')\s]+", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def own_story(tmp_path_factory):
    out = tmp_path_factory.mktemp("own-story")
    params = out / "params.yaml"
    params.write_text("NGRAM: 1\nNOT_A_PARAMETER: 3\n", encoding="utf-8")
    lines: list[str] = []
    results = report.run_batch(
        corpus=STORY, out=out, parameters=report_params.user_parameters(files=[params]), progress=lines.append
    )
    return out, results, lines


def test_every_notebook_on_the_story_runs_and_the_lesson_is_left_out(own_story):
    out, results, lines = own_story
    assert (results["status"] == "ok").all(), results["error"].tolist()
    assert "lesson_zoom.ipynb" not in results["notebook"].tolist()
    assert [line for line in lines if line.startswith("warning:")] == [
        "warning: no notebook of this batch declares the parameter NOT_A_PARAMETER; it is not used"
    ]
    assert not (out / "lesson_zoom.html").exists()
    index = _visible_text((out / "index.html").read_text(encoding="utf-8"))
    assert "lesson_zoom" in index and "not run here" in index
    for outlet in OUTLETS:
        assert outlet in index


def test_every_analysis_page_speaks_of_the_story_and_of_no_seed_word(own_story):
    out = own_story[0]
    for stem in ANALYSES:
        text = _visible_text((out / f"{stem}.html").read_text(encoding="utf-8"))
        named = [name for name in PEOPLE if name in text]
        assert len(named) >= 2, (stem, named)
        assert not SEED_WORDS.findall(text), (stem, sorted(set(SEED_WORDS.findall(text))))
        assert not re.search(r"\b(?:NaT|nan)\b", text), stem


def test_the_lesson_and_the_coding_page_are_about_the_story(own_story):
    out = own_story[0]
    for stem in ("lesson", "07_coding_agreement"):
        text = _visible_text((out / f"{stem}.html").read_text(encoding="utf-8"))
        assert any(name in text for name in PEOPLE) or any(outlet in text for outlet in OUTLETS), stem
        assert not SEED_WORDS.findall(text), (stem, sorted(set(SEED_WORDS.findall(text))))
        assert not re.search(r"\b(?:NaT|nan)\b", text), stem


def test_every_outlet_appears_in_the_framing_and_side_by_side_pages(own_story):
    out = own_story[0]
    for stem in ("02_framing", "05_side_by_side"):
        text = _visible_text((out / f"{stem}.html").read_text(encoding="utf-8"))
        assert all(outlet in text for outlet in OUTLETS), stem


def test_targets_and_terms_are_taken_from_the_reports_and_said_so(own_story):
    out = own_story[0]
    for stem, kind in (("02_framing", "Terms"), ("03_sentiment", "Targets"), ("05_side_by_side", "Targets")):
        text = _visible_text((out / f"{stem}.html").read_text(encoding="utf-8"))
        line = re.search(rf"{kind} taken from the reports \([^)]*\): ([^\n]+)", text)
        assert line, stem
        if kind == "Targets":
            assert "Fenwick" in line.group(1) and "Quill" in line.group(1)


def test_the_own_article_page_analyses_the_first_report_and_the_file_parameter_reaches_02(own_story):
    out = own_story[0]
    nb = nbformat.read(out / "06_your_article.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'ARTICLE_ID = "courier"' in injected.source
    page = _visible_text((out / "06_your_article.html").read_text(encoding="utf-8"))
    assert "Analysing courier from" in page and "Fenwick" in page
    framing = nbformat.read(out / "02_framing.ipynb", as_version=4)
    injected = next(c for c in framing.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "NGRAM = 1" in injected.source and "NOT_A_PARAMETER" not in injected.source
