"""Pages a reader can find their way in: long evidence folded, a table of contents on top.

An analysis page holds every highlighted sentence behind its numbers, which makes it tens of
thousands of pixels tall. Before the page is rendered, :func:`fold_long_outputs` puts each
long output (evidence sentences, long tables) in a ``<details>`` element that opens with a
click, its summary saying what is inside and how much; after rendering,
:func:`add_contents` puts a short table of contents, one link per section heading, under
the page's title. Figures and short tables stay open.
"""

from __future__ import annotations

import html
import re

#: An HTML output is folded when it has more paragraphs or table rows than these, or more
#: characters of text.
FOLD_PARAGRAPHS = 8
FOLD_ROWS = 40
FOLD_CHARS = 4000

_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"<small>sentence \d+</small>")
_ROW = re.compile(r"<tr[\s>]")
_H2 = re.compile(r'<h2 id="(?P<id>[^"]+)">(?P<text>.*?)<a class="anchor-link"', re.DOTALL)
_FIRST_H1_END = re.compile(r"</h1>")

FOLD_STYLE = (
    "<style>details.mf-fold{margin:0.4em 0 1em}details.mf-fold>summary{cursor:pointer;font-weight:600;"
    "color:#0b5394;padding:0.2em 0}nav.mf-toc{margin:0.5em 0 1.5em;padding:0.6em 1em;background:#f6f6f6;"
    "border-radius:4px;font-size:95%}nav.mf-toc ul{list-style:none;margin:0.3em 0 0 0.6em;padding:0}</style>"
)


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def _summary(markup: str, section: str) -> str | None:
    """What a folded output's summary says, or ``None`` when the output is short."""
    sentences = len(_SENTENCE.findall(markup))
    rows = len(_ROW.findall(markup))
    paragraphs = markup.count("<p")
    where = f": {section}" if section else ""
    if sentences > FOLD_PARAGRAPHS or (sentences and len(_plain(markup)) > FOLD_CHARS):
        return f"Show the {sentences} sentences{where}"
    if rows - 1 > FOLD_ROWS:
        return f"Show the table ({rows - 1} rows){where}"
    if paragraphs > FOLD_PARAGRAPHS or len(_plain(markup)) > FOLD_CHARS:
        return f"Show the details{where}"
    return None


def _section(source: str, current: str) -> str:
    headings = _HEADING.findall(source)
    return _plain(headings[-1][1].replace("**", "").replace("`", "")) if headings else current


def fold_long_outputs(nb):
    """Put every long HTML output of ``nb`` in a ``<details>`` element (changes ``nb``; returns it).

    An output is long when it holds more than :data:`FOLD_PARAGRAPHS` evidence sentences or
    paragraphs, more than :data:`FOLD_ROWS` table rows, or more than :data:`FOLD_CHARS`
    characters of text. Its summary says what it holds and under which section heading, e.g.
    "Show the 23 sentences: The evidence: every frame hit in its sentence". The output's
    own HTML is kept as it is (it was escaped when it was made).
    """
    section = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            section = _section(cell.source, section)
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            markup = data.get("text/html")
            if markup is None:
                continue
            markup = "".join(markup) if isinstance(markup, list) else markup
            summary = _summary(markup, section)
            if summary is None:
                continue
            data["text/html"] = (f'<details class="mf-fold"><summary>{html.escape(summary)}</summary>'
                                 f"{markup}</details>")  # fmt: skip
    return nb


def add_contents(page: str) -> str:
    """The page with a table of contents under its first ``<h1>``: one link per ``<h2>``.

    Links use the ids nbconvert gives the headings, so they jump to the section. A page
    without a title or with fewer than two sections is returned with the style only.
    """
    links = [(m.group("id"), _plain(m.group("text"))) for m in _H2.finditer(page)]
    page = page.replace("</head>", FOLD_STYLE + "</head>", 1)
    end = _FIRST_H1_END.search(page)
    if end is None or len(links) < 2:
        return page
    # the id is used as nbconvert wrote it in the heading's attribute (already escaped there)
    items = "".join(f'<li><a href="#{anchor}">{html.escape(text)}</a></li>' for anchor, text in links)
    nav = f'<nav class="mf-toc" aria-label="Contents"><strong>On this page</strong><ul>{items}</ul></nav>'
    return page[: end.end()] + nav + page[end.end() :]
