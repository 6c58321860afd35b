"""An executed notebook as a standalone HTML page (:func:`export_html`): the report
template, nbconvert's accessibility attributes added without re-parsing the page, and
exporters kept for reuse across threads."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import threading
from pathlib import Path

from .notebooks import notebook_title, without_widgets
from .pages import add_contents, fold_long_outputs


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


#: nbconvert's JupyterLab template without the scripts it loads from the web (MathJax,
#: require.js, Mermaid, widget managers; the notebooks use none of them), plus a link back
#: to the index. Figures are embedded by nbconvert as PNG data.
_STANDALONE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style>.mf-nav{padding:8px 0;font-family:system-ui,sans-serif;font-size:14px}</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="mf-nav"><a href="index.html">&larr; All reports</a></nav>
{%- endblock body_header -%}
"""


#: What nbconvert's HTML exporter gives an image without alternative text.
MISSING_ALT_TEXT = "No description has been provided for this image"

_START_TAG = re.compile(r"""<(?P<name>img|div)(?P<attrs>(?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)(?P<close>/?)>""", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s/>"'=]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+)))?""")
#: Where a parser sees no tags: comments, and the text of ``<script>`` and ``<style>``.
_NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_FOCUSABLE = ("jp-Cell-inputWrapper", "jp-OutputArea-output")


def _accessible(html: str) -> str:
    """What nbconvert's HTML exporter does to a page after rendering it, without parsing it.

    nbconvert (7.x) reads the whole page into BeautifulSoup only to give every ``<img>``
    without ``alt`` the text :data:`MISSING_ALT_TEXT` and every cell input and output
    ``<div>`` ``tabindex="0"`` (keyboard users can reach them), then writes the page out
    again: about half the export's time for a page with figures. Here the same attributes
    are appended to the same start tags as text (BeautifulSoup appends them too); comments
    and the text of scripts and styles are left alone, as the parser leaves them. A test
    checks that the result, read and written by BeautifulSoup, is nbconvert's page.
    """
    parts, last = [], 0
    for skipped in _NOT_MARKUP.finditer(html):
        parts += [_START_TAG.sub(_with_access_attributes, html[last : skipped.start()]), skipped.group(0)]
        last = skipped.end()
    parts.append(_START_TAG.sub(_with_access_attributes, html[last:]))
    return "".join(parts)


def _with_access_attributes(tag: re.Match) -> str:
    attributes = {}
    for found in _ATTRIBUTE.finditer(tag.group("attrs")):
        value = next((v for v in found.group("dq", "sq", "bare") if v is not None), "")
        attributes.setdefault(found.group("name").lower(), value)
    if tag.group("name").lower() == "img":
        extra = "" if "alt" in attributes else f' alt="{MISSING_ALT_TEXT}"'
    else:
        focusable = any(name in attributes.get("class", "").split() for name in _FOCUSABLE)
        extra = ' tabindex="0"' if focusable else ""
    if not extra:
        return tag.group(0)
    return f"<{tag.group('name')}{tag.group('attrs')}{extra}{tag.group('close')}>"


@functools.lru_cache(maxsize=1)
def _exporter_class():
    """nbconvert's HTML exporter, rendering the page without re-parsing it (:func:`_accessible`)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node (nbconvert 7) up to its BeautifulSoup pass
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _accessible(html), resources

    return ReportExporter


#: Idle HTML exporters by code setting; a thread takes one, exports, and puts it back.
_exporters: dict[bool, list] = {}
_exporters_lock = threading.Lock()


def _new_exporter(show_code: bool):
    import jinja2

    exporter = _exporter_class()(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"mediaframes_report.html.j2": _STANDALONE_TEMPLATE})],
        template_file="mediaframes_report.html.j2",
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    # validate the notebook once after the preprocessors, not after each of them (it was
    # validated when it was read)
    exporter.optimistic_validation = True
    return exporter


@contextlib.contextmanager
def _html_exporter(show_code: bool):
    """An nbconvert HTML exporter with the report template, for this thread while in use.

    Making one compiles its Jinja templates (a few tenths of a second), so exporters are
    kept and reused; one is never used by two threads at once, as its preprocessors keep
    state while they run.
    """
    with _exporters_lock:
        idle = _exporters.setdefault(show_code, [])
        exporter = idle.pop() if idle else None
    if exporter is None:
        exporter = _new_exporter(show_code)
    try:
        yield exporter
    finally:
        with _exporters_lock:
            _exporters[show_code].append(exporter)


def warm_exporter(show_code: bool = False) -> None:
    """Make an exporter ready (templates compiled) if none is idle: the batch does it while
    the kernel server starts, so the first page does not wait for it."""
    import nbformat

    with _exporters_lock:
        if _exporters.get(show_code):
            return
    with _html_exporter(show_code) as exporter:
        exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("#")]))


def export_html(notebook_path: Path, html_path: Path, *, show_code: bool = False, title: str | None = None, notebook=None) -> Path:
    """Standalone HTML of an executed notebook; code cells hidden unless ``show_code``.

    The page loads nothing from the network; its ``<title>`` is ``title`` (default: the
    notebook's first heading, else its file name). ``notebook``: the notebook already read
    from ``notebook_path`` (it is then not read again; its metadata gets the title).
    """
    import nbformat

    nb = without_widgets(notebook if notebook is not None else nbformat.read(notebook_path, as_version=4))
    nb = fold_long_outputs(nb)  # long evidence in <details>
    nb.metadata["title"] = title or notebook_title(notebook_path) or Path(notebook_path).stem
    with _html_exporter(show_code) as exporter:
        body, _ = exporter.from_notebook_node(nb)
    _atomic_write_text(html_path, add_contents(body))  # a table of contents under the title
    return html_path
