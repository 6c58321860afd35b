"""The generated reports in a real browser: headless Chromium, driven by Playwright.

Each page of a batch (``index.html`` and every report it links) is opened from disk and
checked as a reader would see it: it renders (title, headings, a non-blank screenshot),
every figure loads, nothing is fetched from the network and the console stays free of
errors. A corpus whose article text and headline contain ``<script>`` shows that text as
text and never runs it.

Chromium is Debian's ``chromium``. When it is missing, the set-up installs it with apt (as
root, running ``apt-get update`` first if the plain install fails); the tests are skipped,
saying why, only when it cannot be installed.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from analysis import config
from analysis.batch import report

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--no-sandbox",  # the tests may run as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SEED_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15"]  # the session's seed_batch (conftest.py)
SCRIPT_TEXT = 'window.__pwned = 1; document.title = "pwned"'
#: Notebooks run on the corpus with ``<script>`` in it: every one that shows article text.
ANALYSIS_NOTEBOOKS = ["01_corpus", "02_framing", "03_sentiment", "04_sources", "05_side_by_side"]

# ---------------------------------------------------------------------------- Chromium


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def _apt_install_chromium() -> str:
    """Install Debian's chromium; returns what went wrong ("" when it worked)."""
    if not shutil.which("apt-get"):
        return "apt-get is not available"
    if os.geteuid() != 0:
        return "installing it needs root (apt-get install -y chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "chromium"]
    done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=1200, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        update = subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        if update.returncode != 0:
            return f"apt-get update failed: {update.stderr.strip()[-300:]}"
        done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=1200, stdin=subprocess.DEVNULL)
    return "" if done.returncode == 0 else f"apt-get install chromium failed: {done.stderr.strip()[-300:]}"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium executable, installed with apt when it is missing."""
    path = _find_chromium()
    if path is None:
        problem = _apt_install_chromium()
        path = _find_chromium()
        if path is None:
            pytest.skip(f"headless Chromium is not installed and could not be installed: {problem or 'no chromium after apt-get'}")
    return path


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


# ---------------------------------------------------------------------------- one page

_PAGE_FACTS = """() => ({
    title: document.title,
    h1: Array.from(document.querySelectorAll('h1'), h => h.textContent.replace('\u00b6', '').trim()),
    h2: Array.from(document.querySelectorAll('h2'), h => h.textContent.replace('\u00b6', '').trim()),
    images: Array.from(document.images, i => ({src: i.currentSrc.slice(0, 40), complete: i.complete, width: i.naturalWidth, height: i.naturalHeight})),
    reports: Array.from(document.querySelectorAll('a.report'), a => a.href),
    scripts: document.scripts.length,
    pwned: typeof window.__pwned !== 'undefined',
    text: document.body.innerText,
})"""


def visit(browser, path: Path, screenshot: Path) -> dict:
    """Open ``path`` in a fresh tab; the page's facts, its console errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda err: errors.append(f"page error: {err}"))
    page.on("requestfailed", lambda req: errors.append(f"failed to load {req.url[:80]}: {req.failure}"))
    page.on("request", lambda req: requests.append(req.url))
    try:
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=20_000)
        page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=10_000)
        facts = page.evaluate(_PAGE_FACTS)
        page.screenshot(path=str(screenshot))
    finally:
        context.close()
    return {**facts, "errors": errors, "requests": requests}


def take_screenshot(browser, page_path: Path, png_path: Path, *, width: int = 1280, full_page: bool = True,
                    open_folds: bool = False) -> tuple[int, int]:
    """A screenshot of a report page as a reader sees it (the whole page by default; with
    ``open_folds`` every folded section opened first); returns the image's size.

    Set ``MEDIAFRAMES_SCREENSHOTS`` to a folder to keep the screenshots of
    :func:`test_pages_can_be_photographed` (e.g. for ``docs/``).
    """
    from PIL import Image

    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=20_000)
        page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=10_000)
        if open_folds:
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.screenshot(path=str(png_path), full_page=full_page)
    finally:
        context.close()
    with Image.open(png_path) as image:
        return image.size


def assert_valid_screenshot(path: Path) -> None:
    """A PNG file that decodes, of the viewport's size, and not one flat colour."""
    from PIL import Image

    data = path.read_bytes()
    assert len(data) > 0 and data.startswith(b"\x89PNG\r\n\x1a\n"), path
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.format == "PNG" and image.size == (1280, 900)
        assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or range(2)) > 1, "blank screenshot"


def assert_sound_page(facts: dict, name: str) -> None:
    """Renders, every figure loaded, nothing fetched from the web, a quiet console."""
    assert facts["title"].strip(), f"{name}: no title"
    assert facts["errors"] == [], f"{name}: {facts['errors']}"
    for image in facts["images"]:
        assert image["complete"] and image["width"] > 0 and image["height"] > 0, f"{name}: figure did not load: {image}"
    schemes = {urlparse(url).scheme for url in facts["requests"]}
    assert schemes <= {"file", "data"}, f"{name} fetched {sorted(u for u in facts['requests'] if not u.startswith(('file:', 'data:')))}"


def notebook_headings(path: Path) -> tuple[str, list[str]]:
    """The notebook's title (first ``#`` heading) and its ``##`` headings, as written."""
    nb = nbformat.read(path, as_version=4)
    second = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            second += [line[3:].strip() for line in cell.source.splitlines() if line.startswith("## ")]
    return report.notebook_title(path), second


def _strip_markdown(text: str) -> str:
    return text.replace("`", "").replace("**", "").replace("*", "")


# ---------------------------------------------------------------------------- the seeds


def test_index_renders_with_its_figures_and_links_every_report(seed_batch, browser, tmp_path):
    out, results, _ = seed_batch
    facts = visit(browser, out / "index.html", tmp_path / "index.png")
    assert_sound_page(facts, "index.html")
    assert_valid_screenshot(tmp_path / "index.png")
    assert facts["title"] == "News framing reports: 2 articles"
    assert facts["h1"] == ["News framing reports"]
    assert facts["h2"][:2] == ["The articles", "Reports"]
    assert facts["scripts"] == 0
    assert len(facts["images"]) == sum(len(f) for f in results["figures"]) > 0
    linked = sorted(Path(urlparse(url).path).name for url in facts["reports"])
    assert linked == sorted(f"{n.removesuffix('.ipynb')}.html" for n in results.loc[results["status"] == "ok", "notebook"])
    for article_id in SEED_IDS:
        assert article_id in facts["text"]


def test_every_report_renders_its_headings_and_figures_without_console_errors(seed_batch, browser, tmp_path):
    out, results, _ = seed_batch
    index = visit(browser, out / "index.html", tmp_path / "index.png")
    assert index["reports"], "index.html links no report"
    for url in index["reports"]:  # every report reached through the index's own links
        page = Path(urlparse(url).path)
        shot = tmp_path / f"{page.stem}.png"
        facts = visit(browser, page, shot)
        assert_sound_page(facts, page.name)
        assert_valid_screenshot(shot)
        title, headings = notebook_headings(config.NOTEBOOKS_DIR / f"{page.stem}.ipynb")
        assert facts["title"] == title
        assert facts["h1"][:1] == [_strip_markdown(title)]
        missing = [h for h in map(_strip_markdown, headings) if h not in facts["h2"]]
        assert not missing, f"{page.name}: headings not rendered: {missing}"
        nb = nbformat.read(out / f"{page.stem}.ipynb", as_version=4)
        figures = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        assert len(facts["images"]) == figures, page.name
        assert facts["scripts"] == 0, page.name
        assert "Traceback" not in facts["text"], page.name


# ---------------------------------------------------------------------------- <script> in articles


@pytest.fixture(scope="module")
def script_batch(tmp_path_factory):
    """A two-article corpus whose text and headline hold ``<script>``, run through the notebooks.

    In ``.jsonl`` text, ``&lt;script&gt;`` is plain text (no page source), so the loader keeps
    it and unescapes it: the cleaned article text holds the literal characters ``<script>``.
    The headline holds them as they are.
    """
    folder = tmp_path_factory.mktemp("script-corpus")
    rows = [
        {
            "id": "script_1",
            "title": f"Council <script>{SCRIPT_TEXT}</script> vote",
            "outlet": "Test Daily",
            "date": "2024-03-03",
            "text": (
                "The city council approved a new budget on Tuesday after a long debate about the "
                f"&lt;script&gt;{SCRIPT_TEXT}&lt;/script&gt; tag.\n\n"
                f'"This budget keeps our libraries open and the &lt;script&gt;{SCRIPT_TEXT}&lt;/script&gt; '
                'text stays text," Mayor Ana Ruiz said. She called the vote historic.\n\n'
                'Council member Tom Green said the plan was too expensive. "We cannot afford it," he told reporters.'
            ),
        },
        {
            "id": "plain_2",
            "title": "Budget passes",
            "outlet": "Other Paper",
            "date": "2024-03-04",
            "text": (
                'The budget passed on Tuesday. "It is a good day for the city," Mayor Ana Ruiz said. '
                "Critics said the vote was rushed and that residents were not consulted.\n\n"
                '"We were ignored," said resident Maria Lopez.'
            ),
        },
    ]
    corpus = folder / "articles.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    from analysis.corpus import load_corpus

    loaded = load_corpus(corpus)
    assert f"<script>{SCRIPT_TEXT}</script>" in loaded["script_1"].text  # the test's premise
    only = [n for n in ANALYSIS_NOTEBOOKS if (config.NOTEBOOKS_DIR / f"{n}.ipynb").exists()]
    out = folder / "reports"
    results = report.run_batch(corpus=corpus, only=only, out=out, progress=lambda _: None)
    assert results["status"].tolist() == ["ok"] * len(only), results["error"].tolist()
    return out, results


def test_article_text_with_script_shows_as_text_and_never_runs(script_batch, browser, tmp_path):
    out, results = script_batch
    pages = ["index.html"] + [f"{n.removesuffix('.ipynb')}.html" for n in results["notebook"]]
    shown = {}
    for name in pages:
        facts = visit(browser, out / name, tmp_path / f"{Path(name).stem}.png")
        assert_sound_page(facts, name)
        assert_valid_screenshot(tmp_path / f"{Path(name).stem}.png")
        assert facts["pwned"] is False, f"{name}: article text ran as a script"
        assert facts["title"] != "pwned", name
        assert facts["scripts"] == 0, name
        shown[name] = facts["text"].count("<script>window.__pwned")
    assert shown["index.html"] >= 1  # the headline, as text
    assert shown["04_sources.html"] >= 2  # the article, highlighted, with its quote
    assert all(count >= 1 for name, count in shown.items() if name != "05_side_by_side.html"), shown


# ------------------------------------------------------------- folded sections and contents

_FOLDS = """() => Array.from(document.querySelectorAll('details.mf-fold'), d => ({
    open: d.open, summary: d.querySelector('summary').textContent,
    inner: Math.round(d.getBoundingClientRect().height - d.querySelector('summary').getBoundingClientRect().height),
}))"""


def test_folded_sections_open_and_the_contents_links_jump_to_their_sections(seed_batch, browser):
    out, _, _ = seed_batch
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto((out / "02_framing.html").resolve().as_uri(), wait_until="load", timeout=20_000)
        folds = page.evaluate(_FOLDS)
        assert folds, "02_framing.html folds no section"
        assert all(not f["open"] and f["inner"] < 5 for f in folds), folds  # closed: only the summary shows
        assert any(f["summary"].startswith("Show the") and "sentences" in f["summary"] for f in folds)
        height_closed = page.evaluate("document.documentElement.scrollHeight")
        page.locator("details.mf-fold > summary").first.click()
        opened = page.evaluate(_FOLDS)[0]
        assert opened["open"] and opened["inner"] > 50, opened
        assert page.evaluate("document.documentElement.scrollHeight") > height_closed
        links = page.evaluate("Array.from(document.querySelectorAll('nav.mf-toc a'), a => [a.textContent, a.getAttribute('href')])")
        headings = page.evaluate("Array.from(document.querySelectorAll('h2'), h => h.textContent.replace('\u00b6', '').trim())")
        assert [text for text, _ in links] == headings and len(links) >= 5
        text, href = links[-3]
        page.locator("nav.mf-toc a").nth(len(links) - 3).click()
        page.wait_for_function(f"location.hash === {json.dumps(href)}")
        top = page.evaluate(f"document.getElementById(decodeURIComponent({json.dumps(href[1:])})).getBoundingClientRect().top")
        assert -2 < top < 100, f"{text!r} is {top}px from the top after its link was clicked"
    finally:
        context.close()
    assert errors == []


def test_pages_can_be_photographed(seed_batch, browser, tmp_path):
    out, _, _ = seed_batch
    keep = os.environ.get("MEDIAFRAMES_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    closed = take_screenshot(browser, out / "05_side_by_side.html", folder / "05_side_by_side.png")
    opened = take_screenshot(browser, out / "05_side_by_side.html", tmp_path / "05_open.png", open_folds=True)
    assert closed[0] == 1280 and closed[1] > 900  # the whole page, not only the window
    assert opened[1] >= closed[1]
    assert_valid_screenshot_file(folder / "05_side_by_side.png")


def assert_valid_screenshot_file(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        assert image.format == "PNG"
        assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or range(2)) > 1, "blank screenshot"
