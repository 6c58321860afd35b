"""``index.html``, the landing page of a batch (:func:`write_index`): the selected articles,
one link per report with its figures, and every failure by name."""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from .export import _atomic_write_text

#: Title of ``index.html``.
INDEX_TITLE = "News framing reports"


_INDEX_CSS = """
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fff;line-height:1.45}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.8rem;margin:0 0 .3rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
p.lead{color:#444;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5}
th{background:#f5f5f5}
td.num{text-align:right}
td.nowrap{white-space:nowrap}
ul.reports{list-style:none;padding:0}
ul.reports>li{margin:0 0 1.2rem}
ul.reports a.report{font-weight:600}
ul.figures{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;align-items:flex-start;gap:.75rem}
ul.figures img{display:block;width:14rem;height:auto;border:1px solid #ddd;background:#fff}
ul.figures span{font-size:.8rem;color:#555}
code{font-size:.9em}
.failed{color:#a00}
"""


def _href(target: str | Path, base: Path) -> str:
    """A link from a page in ``base`` to ``target``: relative when possible, URL-quoted."""
    try:
        rel = os.path.relpath(Path(target).resolve(), Path(base).resolve())
    except ValueError:  # another drive
        return Path(target).resolve().as_uri()
    return quote(Path(rel).as_posix())


def _short_title(title: str) -> str:
    """A notebook heading without its number: "01 · The corpus: ..." -> "The corpus: ..."."""
    return re.sub(r"^\s*\d+\s*[·.:\-–—]\s*", "", title).strip()


def write_index(
    out_dir: Path,
    results: pd.DataFrame,
    *,
    selection: pd.DataFrame | None = None,
    rejects: pd.DataFrame | None = None,
    corpus_name: str = "",
    not_run: list[str] | tuple[str, ...] = (),
) -> Path:
    """Write ``index.html``, the landing page of a batch, and return its path.

    It lists the selected articles (id, outlet, headline, date, words; from
    :meth:`analysis.corpus.Corpus.to_frame`), the inputs that were skipped, one link per
    report with the notebook's title, the figures each notebook wrote (linked from the
    page, with a thumbnail), and every failure by name with its cell and error. All text is
    escaped; the page carries no date, so the same batch gives the same bytes.

    Args:
        out_dir: the batch's output folder (links are relative to it).
        results: :func:`run_batch` rows (``notebook``, ``status``, ``html``, ``error``;
            ``title`` and ``figures`` when present).
        selection: one row per selected article.
        rejects: inputs the corpus skipped (``source``, ``id``, ``reason``).
        corpus_name: what the articles were loaded from, as shown on the page.
        not_run: notebooks written for the seed reports that the batch left out because
            it ran on other articles (listed in their own section).
    """
    out_dir = Path(out_dir)
    count = "" if selection is None else f": {len(selection)} article{'s' if len(selection) != 1 else ''}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(INDEX_TITLE + count)}</title>",
        f"<style>{_INDEX_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(INDEX_TITLE)}</h1>",
        '<p class="lead">How each report frames the story, what tone it takes and whose voices it '
        "carries: one page per notebook, all run on the articles below.</p>",
    ]
    parts += _selection_html(selection, rejects, corpus_name)
    ok = results[results["status"] == "ok"]
    failed = results[results["status"] != "ok"]
    parts.append('<section id="reports">\n<h2>Reports</h2>')
    if len(ok):
        parts.append('<ul class="reports">')
        for row in ok.itertuples():
            stem = Path(row.notebook).stem
            title = _short_title(str(getattr(row, "title", "") or ""))
            item = f'<li><a class="report" href="{escape(_href(out_dir / Path(row.html).name, out_dir))}">{escape(stem)}</a>'
            if title:
                item += f" &mdash; {escape(title)}"
            item += _figures_html(getattr(row, "figures", ()) or (), out_dir)
            parts.append(item + "</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>No report was written.</p>")
    parts.append("</section>")
    if len(failed):
        parts.append('<section id="failed">\n<h2>Failed</h2>\n<ul class="failed">')
        for row in failed.itertuples():
            stem = Path(row.notebook).stem
            kept = f" (the notebook as far as it ran: <code>{escape(Path(row.notebook_out).name)}</code>)" if getattr(row, "notebook_out", "") else ""
            parts.append(f"<li>{escape(stem)}: failed &mdash; {escape(str(row.error))}{kept}</li>")
        parts.append("</ul>\n</section>")
    parts += _not_run_html(not_run)
    parts += ["</main>", "</body>", "</html>", ""]
    path = out_dir / "index.html"
    _atomic_write_text(path, "\n".join(parts))
    return path


def _not_run_html(not_run) -> list[str]:
    """The case-study notebooks left out of a batch on other articles, and how to run them."""
    if not len(not_run):
        return []
    names = ", ".join(f"<code>{escape(str(name))}</code>" for name in not_run)
    return [
        '<section id="case-study">',
        "<h2>The case study (not run here)</h2>",
        f"<p>{names}: written for the seed reports of the case study, so not run on the articles "
        "above. Run on the seeds with <code>python -m analysis report --only "
        f"{escape(' '.join(str(name) for name in not_run))}</code>.</p>",
        "</section>",
    ]


def _selection_html(selection: pd.DataFrame | None, rejects: pd.DataFrame | None, corpus_name: str) -> list[str]:
    if selection is None:
        return []
    n = len(selection)
    source = f" from <code>{escape(corpus_name)}</code>" if corpus_name else ""
    out = ['<section id="articles">', "<h2>The articles</h2>", f"<p>{n} article{'s' if n != 1 else ''}{source}.</p>"]
    if n:
        out.append("<table>\n<thead><tr><th scope=\"col\">id</th><th scope=\"col\">outlet</th>"
                   "<th scope=\"col\">headline</th><th scope=\"col\">published</th><th scope=\"col\">words</th></tr></thead>\n<tbody>")
        for row in selection.itertuples():
            cells = [
                f"<td><code>{escape(str(row.id))}</code></td>",
                f"<td>{escape(str(row.outlet or '')) or '&ndash;'}</td>",
                f"<td>{escape(str(row.headline or '')) or '<em>no headline in the text</em>'}</td>",
                f'<td class="nowrap">{escape(_date_text(row.published)) or "&ndash;"}</td>',
                f'<td class="num">{int(row.words)}</td>',
            ]
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody>\n</table>")
    if rejects is not None and len(rejects):
        out.append(f"<p>{len(rejects)} input{'s' if len(rejects) != 1 else ''} skipped:</p>\n<ul>")
        for row in rejects.itertuples():
            out.append(f"<li><code>{escape(str(row.source))}</code>: {escape(str(row.reason))}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _date_text(value) -> str:
    """``YYYY-MM-DD`` for a date (a string is shown as it is; empty when unknown)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


def _figures_html(figures, out_dir: Path) -> str:
    if not len(figures):
        return ""
    items = []
    for figure in figures:
        href = escape(_href(figure, out_dir))
        name = escape(Path(figure).name)
        items.append(f'<li><a href="{href}"><img src="{href}" alt="Figure {name}"><span>{name}</span></a></li>')
    return '\n<ul class="figures">' + "".join(items) + "</ul>"
