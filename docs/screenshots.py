"""Make the screenshots in docs/ from the invented three-report story of the tests.

    .venv/bin/python docs/screenshots.py

Runs the batch on ``tests/fixtures/invented_story`` (05_side_by_side, the lesson, and
07_coding_agreement with three example coders' sheets), then photographs the top of each page
in headless Chromium (1280 px wide; for 07, its agreement figure): ``docs/own_story_05.png``, ``docs/lesson.png`` and
``docs/coding_agreement.png``.

The example coders' frame answers below were written by hand for this illustration from the
three invented reports (they are not the suite's answers, and not real students').
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import compare  # noqa: E402
from analysis.batch import report  # noqa: E402
from analysis.compare import coding  # noqa: E402

STORY = ROOT / "tests" / "fixtures" / "invented_story"
DOCS = ROOT / "docs"

#: Three example coders' frames for the three reports (F1 courier, F2 northshore, F3 tidewater).
EXAMPLE_FRAMES = {
    "anna": {"F1": "conflict economic responsibility", "F2": "conflict responsibility", "F3": "human_interest responsibility"},
    "ben": {"F1": "economic responsibility", "F2": "conflict responsibility", "F3": "human_interest economic responsibility"},
    "cleo": {"F1": "conflict economic human_interest", "F2": "conflict responsibility morality", "F3": "human_interest"},
}


def example_sheets(folder: Path) -> tuple[list[str], str]:
    """The sheet of the story, filled by the three example coders; their paths and the key's."""
    units = coding.coding_units(compare.select(corpus=STORY))
    _, key = coding.write_sheet(units, folder / "sheet.xlsx")
    paths = []
    for coder, answers in EXAMPLE_FRAMES.items():
        frames = units.frames.copy()
        for frame in coding.FRAMES:
            frames[frame] = ["yes" if frame in answers.get(unit, "").split() else "no" for unit in frames["unit"]]
        path = folder / f"{coder}.xlsx"
        with pd.ExcelWriter(path) as writer:
            frames.to_excel(writer, sheet_name="frames", index=False)
        paths.append(str(path))
    return paths, str(key)


def photograph(pages: dict[Path, tuple[Path, str | None]]) -> None:
    """Screenshots of the top of each page, or of its figure (``"figure"``)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True)
        for page_path, (png, heading) in pages.items():
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_function("Array.from(document.images).every(i => i.complete)")
            if heading == "figure":
                page.locator("img").first.screenshot(path=str(png))
            else:
                page.screenshot(path=str(png))
            page.close()
            print(f"wrote {png.relative_to(ROOT)}")
        browser.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sheets, key = example_sheets(tmp)
        results = report.run_batch(
            corpus=STORY, out=tmp / "out", only=["05_side_by_side", "lesson", "07_coding_agreement"],
            parameters={"SHEETS": sheets, "KEY": key},
        )  # fmt: skip
        if not (results["status"] == "ok").all():
            print(results[["notebook", "status", "error"]].to_string(), file=sys.stderr)
            return 1
        out = tmp / "out"
        photograph({
            out / "05_side_by_side.html": (DOCS / "own_story_05.png", None),
            out / "lesson.html": (DOCS / "lesson.png", None),
            out / "07_coding_agreement.html": (DOCS / "coding_agreement.png", "figure"),
        })  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
