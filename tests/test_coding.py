"""Coding sheets and agreement (analysis.compare.coding): alpha checked against values
computed by hand and published examples; a coding exercise on a short invented story."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from analysis import compare
from analysis.batch import cli
from analysis.compare import coding
from analysis.compare.coding.agreement import normalise


def _codes(table: dict[str, list], category: str = "c") -> pd.DataFrame:
    """Long codes from {coder: [value per unit]} (None: not coded)."""
    rows = [(coder, f"u{i}", category, str(v)) for coder, values in table.items() for i, v in enumerate(values) if v is not None]
    return pd.DataFrame(rows, columns=["coder", "unit", "category", "value"])


def test_alpha_of_a_two_coder_table_computed_by_hand():
    # units: (a,a) (a,b) (b,b) (b,b). Values a: 3, b: 5, n = 8; one disagreeing unit gives
    # o_ab = o_ba = 1. alpha = 1 - (n - 1) * 2 / (2 * n_a * n_b) = 1 - 7 * 2 / 30 = 8/15.
    codes = _codes({"x": ["a", "a", "b", "b"], "y": ["a", "b", "b", "b"]})
    assert coding.alpha(codes) == pytest.approx(8 / 15, abs=1e-9)
    assert coding.percent_agreement(codes) == pytest.approx(0.75)


def test_alpha_matches_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 coders x 12
    # units example with missing values: nominal alpha = 0.743.
    table = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    assert coding.alpha(_codes(table)) == pytest.approx(0.743, abs=5e-4)


def test_alpha_matches_the_krippendorff_package_example():
    # the krippendorff package's README example: nominal alpha 0.691
    table = {
        "A": [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        "B": [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        "C": [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
    }
    assert coding.alpha(_codes(table)) == pytest.approx(0.691, abs=5e-4)


def test_alpha_is_undefined_without_variation_and_perfect_agreement_is_one():
    assert math.isnan(coding.alpha(_codes({"x": ["yes", "yes"], "y": ["yes", "yes"]})))
    assert coding.alpha(_codes({"x": ["yes", "no", "yes"], "y": ["yes", "no", "yes"]})) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "category, value, expected",
    [
        ("speaker", "Dr. Mara Lind", "lind"),
        ("speaker", "  LIND ", "lind"),
        ("speaker", "?", "unclear"),
        ("speaker_type", "Civil society", "civil_society"),
        ("economic", "Y", "yes"),
        ("economic", "0", "no"),
        ("economic", np.nan, ""),
    ],
)
def test_answers_are_compared_after_light_normalisation(category, value, expected):
    assert normalise(category, value) == expected


STORY = {
    "harbour.txt": (
        "Harbour bridge closes for repairs\n\n"
        "The Kellan harbour bridge will close for six weeks from Monday, the city council said on Friday. "
        "\"The cables are older than anyone thought,\" said Mara Lind, the council's chief engineer.\n\n"
        "Shop owners fear the cost. \"We will lose half our customers,\" said Tomas Reyes, who runs a bakery by the bridge."
    ),
    "coast.txt": (
        "Bridge repairs split Kellan\n\n"
        "Council engineers want to close the harbour bridge for six weeks. "
        "\"It is not safe to wait,\" Mara Lind told reporters.\n\n"
        "Opposition councillor Petra Haas said the council had ignored the problem for years."
    ),
}


@pytest.fixture()
def story(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _fill(sheet: pd.DataFrame, answers: dict[str, dict[str, str]]) -> pd.DataFrame:
    filled = sheet.copy()
    for unit, values in answers.items():
        for column, value in values.items():
            filled.loc[filled["unit"] == unit, column] = value
    return filled


def test_a_coding_exercise_on_an_invented_story(story, tmp_path):
    selection = compare.select(corpus=story, articles=["harbour", "coast"])
    units = coding.coding_units(selection)
    # the units a student codes: every attributed statement, every article; answers left blank
    assert units.statements["unit"].tolist()[:3] == ["S1.1", "S1.2", "S1.3"]
    assert units.statements[["speaker", "speaker_type"]].eq("").all().all()
    assert units.frames["unit"].tolist() == ["F1", "F2"]
    assert any("older than anyone thought" in p for p in units.statements["passage"])
    written = coding.write_sheet(units, tmp_path / "class" / "sheet.xlsx")
    assert [p.name for p in written] == ["sheet.xlsx", "sheet.key.xlsx"]
    book = pd.read_excel(written[0], sheet_name=None, dtype=str)
    assert list(book) == ["codebook", "statements", "frames", "articles"]
    assert "citizen" in set(book["codebook"]["answer"])
    assert "speaker" not in book["statements"].dropna(axis=1, how="all").columns  # no key in the handout

    # three simulated coders on the two articles' frames, with known disagreements
    answers = {
        "anna": {"F1": {"conflict": "no", "economic": "yes"}, "F2": {"conflict": "yes", "economic": "yes"}},
        "ben": {"F1": {"conflict": "no", "economic": "Yes"}, "F2": {"conflict": "yes", "economic": "no"}},
        "cleo": {"F1": {"conflict": "yes", "economic": "y"}, "F2": {"conflict": "yes", "economic": "no"}},
    }
    paths = []
    for coder, frames in answers.items():
        path = tmp_path / "class" / f"{coder}.xlsx"
        with pd.ExcelWriter(path) as writer:
            _fill(book["frames"], frames).to_excel(writer, sheet_name="frames", index=False)
            _fill(book["statements"], {"S1.1": {"speaker": "Lind", "speaker_type": "government"}}).to_excel(
                writer, sheet_name="statements", index=False
            )
        paths.append(path)
    codes = coding.read_sheets(paths)
    summary = coding.agreement(codes).set_index(["category", "between"])
    # conflict: F1 (no, no, yes), F2 (yes, yes, yes): agreeing pairs 1 of 3 and 3 of 3 -> 4/6.
    # alpha by hand: values no: 2, yes: 4, n = 6; in F1 two ordered (no, yes) pairs and two
    # (yes, no) pairs, each weighing 1 / (3 - 1): o_no,yes = o_yes,no = 1;
    # alpha = 1 - (n - 1) * (o_no,yes + o_yes,no) / (2 * n_no * n_yes) = 1 - 5 * 2 / 16 = 0.375.
    assert summary.loc[("conflict", "students"), "percent_agreement"] == pytest.approx(4 / 6)
    assert summary.loc[("conflict", "students"), "alpha"] == pytest.approx(0.375)
    # economic: F1 (yes, yes, yes), F2 (yes, no, no): 3/3 and 1/3 -> 4/6; yes: 4, no: 2 -> the same
    assert summary.loc[("economic", "students"), "percent_agreement"] == pytest.approx(4 / 6)
    assert summary.loc[("economic", "students"), "alpha"] == pytest.approx(0.375)
    assert summary.loc[("speaker", "students"), "percent_agreement"] == pytest.approx(1.0)
    disagreed = coding.disagreements(codes, texts=coding.sheet_texts(written[0]))
    assert disagreed[["unit", "category"]].values.tolist() == [["F1", "conflict"], ["F2", "economic"]]
    assert disagreed.loc[0, ["anna", "ben", "cleo"]].tolist() == ["no", "no", "yes"]
    assert disagreed.loc[0, "text"] == "Harbour bridge closes for repairs"

    # with the key, each student is compared with the suite as well
    codes = coding.read_sheets([*paths, written[1]])
    summary = coding.agreement(codes)
    assert {"anna and the suite", "ben and the suite", "cleo and the suite"} <= set(summary["between"])
    assert coding.SUITE in set(coding.disagreements(codes).columns)
    confusion = coding.confusion(codes, "conflict", "anna", "cleo")
    assert confusion.loc["no", "yes"] == 1 and confusion.loc["yes", "yes"] == 1


def test_the_commands_write_a_sheet_and_report_agreement(story, tmp_path, capsys):
    out = tmp_path / "sheet.csv"
    assert cli.main(["coding-sheet", "--corpus", str(story), "--out", str(out)]) == 0
    names = sorted(p.name for p in tmp_path.glob("sheet.*.csv"))
    assert names == ["sheet.articles.csv", "sheet.codebook.csv", "sheet.frames.csv", "sheet.key.frames.csv",
                     "sheet.key.statements.csv", "sheet.statements.csv"]
    frames = pd.read_csv(tmp_path / "sheet.frames.csv", dtype=str, keep_default_na=False)
    frames["conflict"] = ["yes", "no"]
    frames.to_csv(tmp_path / "dana.frames.csv", index=False)
    capsys.readouterr()
    assert cli.main(["agreement", str(tmp_path / "dana.frames.csv"), "--key", str(tmp_path / "sheet.key.frames.csv"),
                     "--out", str(tmp_path / "result")]) == 0
    assert "dana and the suite" in capsys.readouterr().out
    assert (tmp_path / "result" / "agreement.csv").is_file()


def test_bad_sheets_are_named(tmp_path, capsys):
    broken = tmp_path / "eve.xlsx"
    broken.write_bytes(b"not a workbook")
    assert cli.main(["agreement", str(broken), str(tmp_path / "missing.xlsx")]) == 2
    assert "eve.xlsx" in capsys.readouterr().err
    with pytest.raises(ValueError, match="no 'unit' column"):
        bad = tmp_path / "fay.frames.csv"
        bad.write_text("article,conflict\nx,yes\n", encoding="utf-8")
        coding.read_sheet(bad)
    with pytest.raises(ValueError, match=r"\.xlsx or \.csv"):
        coding.write_sheet(coding.coding_units(compare.select(articles=["002_96cf24b8358f7f15"])), tmp_path / "s.ods")
    assert not list(tmp_path.glob(".s.*"))


@pytest.mark.slow
def test_the_agreement_notebook_runs_on_filled_sheets_of_an_invented_story(story, tmp_path, run_notebook):
    units = coding.coding_units(compare.select(corpus=story))
    sheet, key = coding.write_sheet(units, tmp_path / "sheet.xlsx")
    sheets = []
    for coder, answer in (("anna", "yes"), ("ben", "no")):
        frames = units.frames.assign(conflict=answer, economic="no")
        path = tmp_path / f"{coder}.xlsx"
        with pd.ExcelWriter(path) as writer:
            frames.to_excel(writer, sheet_name="frames", index=False)
        sheets.append(str(path))
    _, text = run_notebook(
        "07_coding_agreement", CORPUS=str(story), SHEETS=sheets, KEY=str(key), FIGURES_DIR=str(tmp_path / "figures")
    )
    assert "anna and the suite" in text and "saved 07_agreement.png" in text
    # the students differ on conflict in both articles; the suite may differ from them on more
    assert int(re.search(r"(\d+) units with different answers", text)[1]) >= 2
    assert re.search(r"F1\s+conflict", text) and re.search(r"F2\s+conflict", text)
    assert (tmp_path / "figures" / "07_agreement.png").stat().st_size > 0
    for word in ("Zoom", "Kremlin", "Peskov"):
        assert word not in text


def test_the_codebook_has_every_speaker_type_the_suite_gives():
    from analysis import sources

    assert set(coding.SPEAKER_TYPES) == {*sources.SPEAKER_TYPES, sources.UNNAMED, "other"}
