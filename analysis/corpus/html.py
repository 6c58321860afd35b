"""HTML page source: recognise it, and reduce it to the article's paragraphs and metadata.

Script, style and page chrome (navigation, asides, footers, forms) never become text; when
the page has an ``<article>`` element only its blocks are kept. The headline, publication
date, address and outlet come from the page's ``<meta>`` tags, ``<h1>``, ``<title>`` and
``<time>``.
"""

from __future__ import annotations

import html.parser
import re

from .dates import parse_date
from .model import ArticleError

#: Marks of a whole document: a doctype, or the html, head or body element.
_DOCUMENT = re.compile(r"<!doctype\s+html|<(?:html|head|body)(?:\s[^<>]*)?>", re.I)
#: Tags of page structure (inline formatting such as <u> or <b> is text markup, not a page).
_PAGE_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|noscript|template|svg|iframe|form|img|p|div|br|hr|"
    r"table|thead|tbody|tr|td|th|li|ul|ol|dl|dt|dd|h[1-6]|section|article|header|footer|nav|aside|main|"
    r"figure|figcaption|blockquote|pre|time)\b[^<>]*>",
    re.I,
)
#: A text is a page when it has at least one structural tag per this many words of text.
_WORDS_PER_TAG = 10
_WORD = re.compile(r"[^\W_]+")


def looks_like_html(text: str) -> bool:
    """True for page source, never for prose that mentions a tag.

    A text is a page when it has the structure of one (a doctype or an html, head or body
    element, with at least four structural tags) or the markup density of one (two or more
    structural tags, at least one for every ten words of text outside the tags), wherever
    in the text they are. Inline formatting (``<u>``, ``<b>``, ``<em>`` ...) does not count:
    it is removed from plain text as markup.

    >>> looks_like_html("<p>One.</p><p>Two.</p>"), looks_like_html("Never put a <script> tag in a comment.")
    (True, False)
    """
    tags = _PAGE_TAG.findall(text)
    if len(tags) >= 4 and _DOCUMENT.search(text):
        return True
    if len(tags) < 2:
        return False
    words = len(_WORD.findall(_PAGE_TAG.sub(" ", text)))
    return len(tags) * _WORDS_PER_TAG >= words


class _PageParser(html.parser.HTMLParser):
    """Collects text blocks and metadata from page source; never keeps script or style text."""

    SKIP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form",
            "button", "iframe", "select", "object", "canvas", "math"}  # fmt: skip
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "div"}
    VOID = {"br", "img", "meta", "link", "hr", "input", "source", "area", "base", "col", "embed", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[str] = []
        self.blocks: list[tuple[str, str, bool]] = []  # (tag, text, inside <article>)
        self.buffer: list[str] = []
        self.block_tag = ""
        self.article_depth = 0
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False
        self.time_datetime = ""

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower():
            self.meta.setdefault("canonical", attrs.get("href", ""))
            return
        if tag == "time" and attrs.get("datetime") and not self.time_datetime:
            self.time_datetime = attrs["datetime"]
        if tag in self.VOID:
            if tag == "br":
                self.buffer.append("\n")
            return
        self.stack.append(tag)
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "article":
            self.article_depth += 1
        elif tag in self.BLOCKS and not self.skip_depth:
            self._flush()
            self.block_tag = tag

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in self.SKIP:
                self.skip_depth -= 1
            elif open_tag == "title":
                self.in_title = False
            elif open_tag == "article":
                self._flush()
                self.article_depth -= 1
            elif open_tag in self.BLOCKS and not self.skip_depth:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.in_title:
            self.title.append(data)
        elif self.stack and "head" in self.stack:
            return
        else:
            self.buffer.append(data)

    def _flush(self):
        chunk = " ".join("".join(self.buffer).split())
        if chunk:
            self.blocks.append((self.block_tag or "text", chunk, self.article_depth > 0))
        self.buffer = []
        self.block_tag = ""

    def close(self):
        super().close()
        self._flush()


def extract_html(page: str, source: str) -> dict:
    """Article text and metadata from page source; script and style content is dropped.

    Returns a dict with ``body`` (paragraphs joined by blank lines), ``headline``,
    ``published``, ``url`` and ``outlet`` (empty when the page does not say).
    """
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    blocks = parser.blocks
    if any(inside for _, _, inside in blocks):
        blocks = [b for b in blocks if b[2]]
    h1 = next((t for tag, t, _ in blocks if tag == "h1"), "")
    paragraphs = [t for tag, t, _ in blocks if tag in {"p", "blockquote", "pre", "li"}]
    if not paragraphs:
        paragraphs = [t for tag, t, _ in blocks if tag not in {"h1", "figcaption"}]
    if not paragraphs:
        raise ArticleError(source, "HTML page with no article text in it")
    meta = parser.meta
    headline = meta.get("og:title") or h1 or " ".join("".join(parser.title).split())
    published = parse_date(meta.get("article:published_time") or meta.get("date") or meta.get("datepublished") or parser.time_datetime or "")
    return {
        "body": "\n\n".join(paragraphs),
        "headline": headline,
        "published": published or "",
        "url": meta.get("og:url") or meta.get("canonical", ""),
        "outlet": meta.get("og:site_name", ""),
    }
