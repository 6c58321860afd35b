"""Load news articles into :class:`Article` records, and refuse bad input by name.

Accepted inputs (:func:`load_corpus`):

* a folder of text files (``.txt``; ``.html``/``.htm`` pages too), or a folder with a
  ``manifest.csv`` that lists them with their metadata;
* a manifest ``.csv`` (one row per article, a ``file`` column plus metadata columns);
* a ``.csv`` or ``.jsonl`` table with a ``text`` column (and optional ``id``,
  ``title``/``headline``, ``outlet``/``source``/``publisher``, ``date``/``published``, ``url``,
  ``language`` columns);
* a single article file.

Every article goes through the same steps: size check, decoding (UTF-8, UTF-8 with BOM,
UTF-16; cp1251 and cp1252 only when the bytes leave no doubt), HTML extraction for page
source, separation of headline, dateline, photo caption and credit, related-article lines
and the "Original url:" footer from the body, markup stripping, quotation-mark and
white-space normalisation (:mod:`analysis.nlp.text`), and a language check.

Anything that fails is not guessed at: it becomes a row of :attr:`Corpus.rejects` naming the
file (or file and row) and the reason, and the rest of the corpus still loads.

Reading an input (:func:`iter_inputs`: files, rows, decoding) and cleaning it
(:meth:`RawArticle.load`) are separate steps: reading needs neither pandas nor NLTK, which
this module imports only where cleaning and the articles' tables need them, so corpus mode's
main process reads without loading them and its workers clean.
"""

from __future__ import annotations

import csv
import html.parser
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import config

if TYPE_CHECKING:
    import pandas as pd

#: Largest article accepted, in bytes. A long feature is ~100 KB; bigger files are not articles.
MAX_ARTICLE_BYTES = 2_000_000
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST_FIELDS = ["id", "file", "outlet", "headline", "published", "url", "language", "translation", "notes"]
REJECT_COLUMNS = ["source", "id", "reason"]
FRAME_COLUMNS = [
    "id", "outlet", "headline", "published", "url", "language", "translation",
    "paragraphs", "sentences", "words", "encoding", "source", "notes",
]  # fmt: skip


class ArticleError(ValueError):
    """An input that cannot become an article; ``source`` names the file (and row)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnknownArticleError(KeyError):
    """An article id that the corpus does not hold."""

    def __init__(self, missing: list[str], known: list[str]):
        self.missing = missing
        super().__init__(
            f"unknown article id(s): {', '.join(missing)}. Known ids: {', '.join(known) or '(none)'}"
        )

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]


@dataclass(frozen=True)
class Article:
    """One news report: cleaned body text plus the metadata found around it.

    ``text`` is the cleaned body only (paragraphs separated by one blank line); every
    offset the suite reports for this article is a character offset into it.
    """

    id: str
    text: str
    headline: str = ""
    outlet: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) when known
    url: str = ""
    language: str = "en"
    translation: str = ""  # "original", "translation" or "" when unknown
    dateline: str = ""
    caption: str = ""
    credit: str = ""
    related: tuple[str, ...] = ()
    source: str = ""
    encoding: str = "utf-8"
    notes: str = ""

    @cached_property
    def _paragraphs(self) -> pd.DataFrame:
        from ..nlp import text as textmod

        return textmod.split_paragraphs(self.text)

    @cached_property
    def _sentences(self) -> pd.DataFrame:
        from ..nlp import text as textmod

        return textmod.split_sentences(self.text)

    @cached_property
    def _tokens(self) -> pd.DataFrame:
        from ..nlp import text as textmod

        return textmod.tokenize(self.text, self._sentences)

    @property
    def paragraphs(self) -> pd.DataFrame:
        """``paragraph, start, end, text`` (offsets into :attr:`text`)."""
        return self._paragraphs.copy()

    @property
    def sentences(self) -> pd.DataFrame:
        """``sentence, paragraph, start, end, text`` (offsets into :attr:`text`)."""
        return self._sentences.copy()

    @property
    def tokens(self) -> pd.DataFrame:
        """``token, sentence, start, end, text`` (offsets into :attr:`text`)."""
        return self._tokens.copy()

    @property
    def n_words(self) -> int:
        from ..nlp import text as textmod

        return textmod.count_words(self.text)

    def summary(self) -> dict:
        """One row of :meth:`Corpus.to_frame`."""
        return {
            "id": self.id, "outlet": self.outlet, "headline": self.headline,
            "published": self.published, "url": self.url, "language": self.language,
            "translation": self.translation, "paragraphs": len(self._paragraphs),
            "sentences": len(self._sentences), "words": self.n_words,
            "encoding": self.encoding, "source": self.source, "notes": self.notes,
        }  # fmt: skip


@dataclass(frozen=True)
class Reject:
    """An input that was skipped, with the reason."""

    source: str
    reason: str
    id: str = ""


@dataclass
class Corpus:
    """Articles in load order, plus the inputs that were rejected and why."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Reject] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __contains__(self, article_id: str) -> bool:
        return any(a.id == article_id for a in self.articles)

    def __getitem__(self, key: str | int) -> Article:
        """The article with this id, or at this position when ``key`` is an int."""
        if isinstance(key, int):
            return self.articles[key]
        for article in self.articles:
            if article.id == key:
                return article
        raise UnknownArticleError([str(key)], self.ids)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def select(self, ids: list[str] | None) -> Corpus:
        """The articles with these ids, in the order given (all when ``ids`` is empty).

        Raises:
            UnknownArticleError: naming every id the corpus does not hold.
        """
        if not ids:
            return Corpus(list(self.articles), list(self.rejected))
        missing = [i for i in ids if i not in self]
        if missing:
            raise UnknownArticleError(missing, self.ids)
        return Corpus([self[i] for i in ids], list(self.rejected))

    @property
    def rejects(self) -> pd.DataFrame:
        """``source, id, reason`` for every skipped input."""
        import pandas as pd

        return pd.DataFrame([(r.source, r.id, r.reason) for r in self.rejected], columns=REJECT_COLUMNS)

    def to_frame(self) -> pd.DataFrame:
        """One row per article: metadata and lengths (columns :data:`FRAME_COLUMNS`)."""
        import pandas as pd

        frame = pd.DataFrame([a.summary() for a in self.articles], columns=FRAME_COLUMNS)
        frame["published"] = pd.to_datetime(frame["published"].replace("", None), errors="coerce")
        return frame

    def sentences(self) -> pd.DataFrame:
        """All sentences with an ``article`` column first."""
        import pandas as pd

        from ..nlp import text as textmod

        parts = [a.sentences.assign(article=a.id) for a in self.articles]
        cols = ["article", *textmod.SENTENCE_COLUMNS]
        return pd.concat(parts, ignore_index=True)[cols] if parts else pd.DataFrame(columns=cols)


# --------------------------------------------------------------------------- bytes -> str

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
}


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)`` or raise :class:`ArticleError`.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, or without when the zero bytes make it
    plain) are decoded. Other bytes are decoded as Windows-1251 (Cyrillic) or Windows-1252
    (Western) only when every non-ASCII character then falls in that code page's expected
    letters and punctuation; otherwise the file is refused rather than shown as mojibake.
    """
    if not data.strip():
        raise ArticleError(source, "empty file (no text)")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(source, f"binary file: looks like {what}, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        decoded, encoding = _strict(data[3:], "utf-8", source), "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        decoded, encoding = _strict(data, "utf-32", source), "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded, encoding = _strict(data, "utf-16", source), "utf-16"
    elif _guess_utf16(data):
        encoding = _guess_utf16(data)
        decoded = _strict(data, encoding, source)
    else:
        decoded, encoding = _decode_plain(data, source)
    controls = sum(1 for c in decoded if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(3, len(decoded) // 100):
        raise ArticleError(source, f"binary file: {controls} control characters, not text")
    return decoded, encoding


def _decode_plain(data: bytes, source: str) -> tuple[str, str]:
    if b"\x00" in data:
        raise ArticleError(source, "binary file: contains NUL bytes, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode_legacy(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ArticleError(source, f"not valid {encoding} text ({err.reason} at byte {err.start})") from None


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


_CP1252_OK = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿\u00a0") | {
    chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)
}


def _decode_legacy(data: bytes, source: str) -> tuple[str, str]:
    """Windows-1251 or -1252 when the decoded characters are unambiguous, else refuse."""
    for encoding, ok in (("cp1251", _is_cyrillic_text), ("cp1252", _is_western_text)):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if ok(decoded):
            return decoded, encoding
    raise ArticleError(
        source,
        "not UTF-8, and the encoding could not be determined with confidence; "
        "re-save the file as UTF-8",
    )


def _is_cyrillic_text(decoded: str) -> bool:
    """Mostly Cyrillic letters, in words of their own (Latin text misread as cp1251 mixes them)."""
    non_ascii = [c for c in decoded if ord(c) > 127]
    cyr = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    mixed = len(re.findall(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", decoded))
    return bool(non_ascii) and cyr / len(non_ascii) > 0.9 and cyr >= 20 and mixed <= cyr * 0.02


def _is_western_text(decoded: str) -> bool:
    non_ascii = [c for c in decoded if ord(c) > 127]
    if not non_ascii or any(c not in _CP1252_OK for c in non_ascii):
        return False
    # Cyrillic bytes decoded as cp1252 give runs of accented capitals: refuse those.
    upper_accented = sum(1 for c in non_ascii if "\u00c0" <= c <= "\u00de")
    return upper_accented / len(non_ascii) < 0.3


# --------------------------------------------------------------------------- HTML pages

_HTML_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<script[\s>]|<style[\s>]", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|table|tr|td|li|ul|ol|h[1-6]|section|article|header|footer|nav)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for page source (doctype, html/head/body/script/style tags, or many block tags)."""
    return bool(_HTML_PAGE.search(text[:20000])) or len(_BLOCK_TAG.findall(text[:20000])) >= 3


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


# --------------------------------------------------------------------------- dates

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(rf"(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE}),?\s+(?P<y>\d{{4}})", re.I),
]
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|date)\s*:?\s*)?{_WEEKDAY}"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.+\-Z]*)?|{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+\d{{4}}){_TIME}\.?$",
    re.I,
)


def parse_date(value: str) -> str | None:
    """ISO date ``YYYY-MM-DD`` from common news date forms, or None.

    >>> parse_date("April 08, 2021"), parse_date("8 Apr 2021"), parse_date("2021-04-08T10:00Z")
    ('2021-04-08', '2021-04-08', '2021-04-08')
    """
    value = (value or "").strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.search(value)
        if not m:
            continue
        if "mon" in m.groupdict():
            prefix = m["mon"].lower().rstrip(".")[:3]
            month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(prefix))
        else:
            month = int(m["m"])
        try:
            return datetime(int(m["y"]), month, int(m["d"])).date().isoformat()
        except ValueError:
            return None
    return None


def is_dateline(line: str) -> bool:
    """True when a whole line is a date (with optional weekday, time, 'Published:')."""
    return len(line) < 80 and bool(_DATELINE.match(line.strip()))


# --------------------------------------------------------------------------- plain-text layout

_CREDIT_BOLD = re.compile(r"^(?P<caption>.*?)\s*\*\*(?P<credit>[^*]{1,100})\*\*\s*$", re.S)
_CREDIT_LINE = re.compile(r"^(?:\(?\s*)(?:photo|image|picture|illustration)(?:\s+credit)?\s*(?::|by)\s*(?P<credit>[^)]{1,100})\)?$", re.I)
_RELATED = re.compile(r"^(?:related(?:\s+(?:article|story|stories|reading|content))?|read\s+(?:more|also)|see\s+also|more\s+on\s+this)\s*:", re.I)
_FOOTER = re.compile(r"^(?:original\s+(?:url|link|article)|source\s+url|source)\s*:\s*(?P<url>\S*)\s*$", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def split_layout(text: str, *, find_headline: bool = True) -> dict:
    """Separate headline, dateline, caption and credit, related lines and footer from the body.

    ``text`` has had entities unescaped and white space normalised but still holds its
    markup (a bold credit such as ``**Zuma / TASS**`` marks a photo caption). Returns a dict
    with ``body`` (cleaned, markup stripped), ``headline``, ``dateline``, ``published``,
    ``caption``, ``credit``, ``related`` (tuple) and ``url`` (from the footer).
    """
    from ..nlp import text as textmod

    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = {"headline": "", "dateline": "", "published": "", "caption": "", "credit": "", "related": (), "url": ""}
    # footer: "Original url:" and everything after it
    for i, para in enumerate(paragraphs):
        m = _FOOTER.match(para)
        if m:
            tail = [m["url"], *paragraphs[i + 1 :]]
            out["url"] = next((t.strip() for t in tail if _URL.match(t.strip())), "")
            paragraphs = paragraphs[:i]
            break
    else:
        if paragraphs and _URL.match(paragraphs[-1]):
            out["url"] = paragraphs.pop().strip()
    body, related = [], []
    for i, para in enumerate(paragraphs):
        plain = textmod.strip_markup(para)
        if _RELATED.match(plain):
            related.append(plain)
            continue
        if not out["dateline"] and i < 4 and not body and is_dateline(plain):
            out["dateline"] = plain
            out["published"] = parse_date(plain) or ""
            continue
        credit = _CREDIT_BOLD.match(para) or _CREDIT_LINE.match(plain)
        if credit and not out["credit"] and len(body) < 2:
            out["credit"] = credit["credit"].strip()
            out["caption"] = textmod.strip_markup(credit.groupdict().get("caption") or "").strip()
            continue
        if find_headline and not out["headline"] and not body and i < 3 and _looks_like_headline(plain, paragraphs[i + 1 :]):
            out["headline"] = plain
            continue
        body.append(plain)
    out["body"] = textmod.normalize_whitespace("\n\n".join(body))
    out["related"] = tuple(related)
    return out


def _looks_like_headline(line: str, rest: list[str]) -> bool:
    n_words = len(line.split())
    return (
        1 < n_words <= 25
        and not line.rstrip().endswith((".", ",", ";", ":", '"'))
        and not line.startswith('"')
        and len(rest) >= 1
    )


# --------------------------------------------------------------------------- language

_ISO = {
    "english": "en", "russian": "ru", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "norwegian": "no", "danish": "da",
    "finnish": "fi", "hungarian": "hu", "turkish": "tr", "romanian": "ro", "greek": "el",
    "arabic": "ar", "kazakh": "kk", "indonesian": "id", "nepali": "ne", "azerbaijani": "az",
    "slovene": "sl", "tajik": "tg", "chinese": "zh", "hebrew": "he", "bengali": "bn",
    "basque": "eu", "catalan": "ca", "albanian": "sq", "belarusian": "be", "ukrainian": "uk",
}  # fmt: skip
LANGUAGE_NAMES = {code: name.title() for name, code in _ISO.items()}
_SCRIPTS = [("\u0400", "\u04ff", "ru", "Cyrillic"), ("\u0600", "\u06ff", "ar", "Arabic"),
            ("\u0590", "\u05ff", "he", "Hebrew"), ("\u0370", "\u03ff", "el", "Greek"),
            ("\u4e00", "\u9fff", "zh", "Chinese"), ("\u3040", "\u30ff", "ja", "Japanese"),
            ("\uac00", "\ud7af", "ko", "Korean"), ("\u0900", "\u097f", "hi", "Devanagari")]  # fmt: skip


@lru_cache(maxsize=1)
def _stopword_sets() -> dict[str, frozenset[str]]:
    from ..nlp import nltk_data as nltkdata

    nltkdata.require("stopwords")
    from nltk.corpus import stopwords

    # "hinglish" mixes Hindi and English words and "english-extended" is English itself;
    # both would claim English text.
    return {lang: frozenset(stopwords.words(lang)) for lang in stopwords.fileids() if lang not in ("hinglish", "english-extended")}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when there is too little to tell.

    The writing system decides first (a text mostly in Cyrillic is not English); among
    Latin-script languages the one whose NLTK stop-word list covers most of the first
    2,000 words wins. Good enough to flag a non-English article, not a general identifier.

    >>> detect_language("The minister said that the talks would continue on Monday.")
    'en'
    """
    sample = text[:20000]
    if sample.isascii():  # no letter of another writing system: straight to the stop words
        return _best_stopword_language(sample) or "und" if _ASCII_LETTER.search(sample) else "und"
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    for lo, hi, code, _ in _SCRIPTS:
        if sum(1 for c in letters if lo <= c <= hi) / len(letters) > 0.3:
            if code == "ru":  # tell Russian from Ukrainian etc. by stop words
                return _best_stopword_language(sample, {"russian", "ukrainian", "belarusian", "kazakh", "tajik"}) or code
            return code
    return _best_stopword_language(sample) or "und"


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _best_stopword_language(sample: str, among: set[str] | None = None) -> str | None:
    tokens = [w.lower() for w in re.findall(r"[^\W\d_]+", sample)][:2000]
    if len(tokens) < 3:
        return None
    counts = Counter(tokens)
    hits = Counter()
    for lang, words in _stopword_sets().items():
        if among is None or lang in among:
            hits[lang] = sum(n for t, n in counts.items() if t in words)
    if not hits:
        return None
    lang, best = hits.most_common(1)[0]
    if best < 2 or best / len(tokens) < 0.08:
        return None
    if among is None and hits["english"] >= 0.9 * best:  # shared words ("a", "in") favour no one
        lang = "english"
    return _ISO.get(lang, lang)


# --------------------------------------------------------------------------- one article


def make_article(
    raw: str,
    *,
    id: str,
    source: str,
    encoding: str = "utf-8",
    metadata: dict | None = None,
    allow_non_english: bool = False,
) -> Article:
    """Build an :class:`Article` from decoded text (plain or HTML) and optional metadata.

    Metadata given (e.g. from a manifest) wins over what is found in the text; empty
    values do not. Raises :class:`ArticleError` for text that is no English article.
    """
    from ..nlp import text as textmod

    metadata = {k: ("" if v is None else str(v).strip()) for k, v in (metadata or {}).items()}
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        raise ArticleError(source, _too_big(len(raw.encode("utf-8", "surrogatepass"))))
    prepared = textmod.make_pipeline(textmod.unescape_entities, textmod.normalize_unicode, textmod.normalize_quotes)
    if looks_like_html(raw):
        page = extract_html(raw, source)
        # the page names its own headline; its first paragraph is body text (a byline, a lead)
        layout = split_layout(textmod.normalize_whitespace(prepared(page["body"])), find_headline=not page["headline"])
        for key in ("headline", "published", "url", "outlet"):
            if page[key]:
                layout[key] = prepared(page[key]).strip()
        layout["notes"] = "text extracted from HTML page source"
    else:
        layout = split_layout(textmod.normalize_whitespace(prepared(raw)))
    body = layout["body"]
    if not textmod.count_words(body):
        raise ArticleError(source, "no article text left after removing headline, captions and footer")
    language = detect_language(body)
    if language not in ("en", "und") and not allow_non_english:
        name = LANGUAGE_NAMES.get(language, language)
        raise ArticleError(source, f"language looks like {name} ({language}), not English; the analyses are English-only")
    notes = "; ".join(n for n in (metadata.get("notes", ""), layout.get("notes", "")) if n)
    published = metadata.get("published") or metadata.get("date") or layout["published"]
    return Article(
        id=metadata.get("id") or id,
        text=body,
        headline=metadata.get("headline") or metadata.get("title") or layout["headline"],
        outlet=metadata.get("outlet") or layout.get("outlet", ""),
        published=(parse_date(published) or "") if published else "",
        url=metadata.get("url") or layout["url"],
        language=metadata.get("language") or language,
        translation=metadata.get("translation", ""),
        dateline=layout["dateline"],
        caption=layout["caption"],
        credit=layout["credit"],
        related=layout["related"],
        source=source,
        encoding=encoding,
        notes=notes,
    )


def _too_big(n_bytes: int) -> str:
    return f"too large for one article: {n_bytes / 1e6:.1f} MB (limit {MAX_ARTICLE_BYTES / 1e6:.1f} MB)"


def read_article_file(path: Path) -> tuple[str, str]:
    """Decoded text and encoding of an article file; size checked before reading."""
    name = path.name
    if not path.exists():
        raise ArticleError(name, f"file not found: {path}")
    if not path.is_file():
        raise ArticleError(name, f"not a file: {path}")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(name, _too_big(size))
    return decode_bytes(path.read_bytes(), name)


def load_article(path: str | Path, *, metadata: dict | None = None, allow_non_english: bool = False) -> Article:
    """Load one article file; its id is the file stem unless ``metadata`` gives one.

    Raises:
        ArticleError: for an empty, binary, undecodable, oversized, non-English or
            text-less file, naming the file and the problem.

    Example:
        >>> load_article(config.SEEDS_DIR / "002_96cf24b8358f7f15.txt").published
        '2021-04-08'
    """
    path = Path(path)
    raw, encoding = read_article_file(path)
    return make_article(
        raw, id=path.stem, source=path.name, encoding=encoding, metadata=metadata,
        allow_non_english=allow_non_english,
    )  # fmt: skip


# --------------------------------------------------------------------------- many articles

_TEXT_KEYS = ("text", "body", "content", "article")
_ALIASES = {
    "headline": ("headline", "title"), "outlet": ("outlet", "source", "publisher", "site"),
    "published": ("published", "date", "publication_date", "pub_date"), "url": ("url", "link"),
    "language": ("language", "lang"), "translation": ("translation",), "notes": ("notes",),
    "id": ("id", "doc_id", "article_id"),
}  # fmt: skip


@dataclass(frozen=True)
class RawArticle:
    """An input read and decoded but not yet cleaned: what :func:`make_article` needs.

    ``id`` is the article's id (a :class:`Reject` of it carries it too); ``row``, for a file
    named by a manifest, is that row (``"manifest.csv row 3"``), put before the file's name
    in the source of a reject.
    """

    raw: str
    id: str
    source: str
    encoding: str = "utf-8"
    metadata: dict | None = None
    row: str = ""

    def load(self, *, allow_non_english: bool = False) -> Article | Reject:
        """Clean the text into an :class:`Article`, or say why not (a :class:`Reject`)."""
        try:
            return make_article(
                self.raw, id=self.id, source=self.source, encoding=self.encoding, metadata=self.metadata,
                allow_non_english=allow_non_english,
            )  # fmt: skip
        except ArticleError as err:
            return _reject(err, self.id, self.row)


def iter_inputs(path: str | Path = config.SEEDS_DIR) -> Iterator[RawArticle | Reject]:
    """Yield a :class:`RawArticle` or a :class:`Reject` for every input, read but not cleaned.

    What :func:`iter_articles` yields, before cleaning and the language check
    (:meth:`RawArticle.load`); inputs that cannot be read (missing, binary, undecodable,
    too large, malformed rows) are rejects already. Streams like :func:`iter_articles`.

    >>> first = next(iter_inputs())
    >>> first.source, type(first.load()).__name__
    ('000_eb875e01c2519c6f.txt', 'Article')
    """
    path = Path(path)
    if path.is_dir():
        manifest = path / "manifest.csv"
        if manifest.exists():
            yield from _iter_manifest(manifest)
        else:
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
            for file in files:
                yield _read_file(file)
    elif not path.exists():
        yield Reject(path.name, f"not found: {path}")
    elif path.suffix.lower() == ".csv":
        if _csv_has_column(path, "file"):
            yield from _iter_manifest(path)
        else:
            yield from _iter_table(path, _csv_rows(path))
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _iter_table(path, _jsonl_rows(path))
    else:
        yield _read_file(path)


def iter_articles(path: str | Path = config.SEEDS_DIR, *, allow_non_english: bool = False) -> Iterator[Article | Reject]:
    """Yield an :class:`Article` or a :class:`Reject` for every input, one at a time.

    This streams: a table is read row by row and no more than one article is held here.
    """
    for item in iter_inputs(path):
        yield item if isinstance(item, Reject) else item.load(allow_non_english=allow_non_english)


def load_corpus(path: str | Path = config.SEEDS_DIR, *, allow_non_english: bool = False) -> Corpus:
    """Load every article from a folder, manifest, ``.csv``, ``.jsonl`` or single file.

    Bad inputs are skipped and listed in :attr:`Corpus.rejects`; duplicate ids keep the
    first article. Articles keep the order of the input.

    >>> corpus = load_corpus()
    >>> corpus.ids
    ['000_eb875e01c2519c6f', '002_96cf24b8358f7f15']
    """
    corpus = Corpus()
    seen: dict[str, str] = {}
    for item in iter_articles(path, allow_non_english=allow_non_english):
        if isinstance(item, Reject):
            corpus.rejected.append(item)
        elif item.id in seen:
            corpus.rejected.append(Reject(item.source, f"duplicate id '{item.id}' (already loaded from {seen[item.id]})", item.id))
        else:
            seen[item.id] = item.source
            corpus.articles.append(item)
    return corpus


def _read_file(path: Path, metadata: dict | None = None, row: str = "") -> RawArticle | Reject:
    article_id = (metadata or {}).get("id", path.stem)
    try:
        raw, encoding = read_article_file(path)
    except ArticleError as err:
        return _reject(err, article_id, row)
    return RawArticle(raw, article_id, path.name, encoding, metadata, row)


def _reject(err: ArticleError, article_id: str, row: str = "") -> Reject:
    return Reject(f"{row} ({err.source})" if row else err.source, err.reason, article_id)


def _csv_has_column(path: Path, column: str) -> bool:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh), [])
    return column in [h.strip().lower() for h in header]


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """``(row number, row dict)``; a row with the wrong number of fields gives an error string."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = [h.strip().lower() for h in next(reader, [])]
            for number, values in enumerate(reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    yield number, f"malformed row: {len(values)} fields, the header has {len(header)}"
                else:
                    yield number, dict(zip(header, values))
    except (UnicodeDecodeError, csv.Error) as err:
        yield 0, f"cannot read the table: {err}"


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    yield number, f"malformed JSON line: {err.msg}"
                    continue
                yield number, ({str(k).lower(): v for k, v in row.items()} if isinstance(row, dict) else "malformed line: not a JSON object")
    except UnicodeDecodeError as err:
        yield 0, f"cannot read the table: not UTF-8 ({err.reason})"


def _pick(row: dict, key: str) -> str:
    for alias in _ALIASES.get(key, (key,)):
        value = row.get(alias)
        if value not in (None, ""):
            return str(value)
    return ""


def _iter_table(path: Path, rows) -> Iterator[RawArticle | Reject]:
    for number, row in rows:
        where = f"{path.name} row {number}" if path.suffix == ".csv" else f"{path.name} line {number}"
        if isinstance(row, str):
            yield Reject(where if number else path.name, row)
            continue
        text_key = next((k for k in _TEXT_KEYS if k in row), None)
        if text_key is None:
            yield Reject(where, f"no text column (expected one of: {', '.join(_TEXT_KEYS)})")
            continue
        raw = row[text_key]
        article_id = _pick(row, "id") or f"{path.stem}_{number:05d}"
        if not isinstance(raw, str) or not raw.strip():
            yield Reject(where, "empty text", article_id)
            continue
        metadata = {key: _pick(row, key) for key in _ALIASES}
        metadata["id"] = article_id
        yield RawArticle(raw, article_id, where, metadata=metadata)


def _iter_manifest(manifest: Path) -> Iterator[RawArticle | Reject]:
    base = manifest.parent
    for number, row in _csv_rows(manifest):
        where = f"{manifest.name} row {number}"
        if isinstance(row, str):
            yield Reject(where if number else manifest.name, row)
            continue
        file = (row.get("file") or "").strip()
        if not file:
            yield Reject(where, "malformed row: no file named", row.get("id", ""))
            continue
        path = (base / file).resolve()
        article_id = (row.get("id") or "").strip() or Path(file).stem
        published = (row.get("published") or "").strip()
        if published and not parse_date(published):
            yield Reject(where, f"malformed row: published date '{published}' is not a date", article_id)
            continue
        if not path.exists():
            yield Reject(where, f"file not found: {file}", article_id)
            continue
        yield _read_file(path, {**row, "id": article_id}, where)
