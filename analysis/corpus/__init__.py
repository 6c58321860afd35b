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
this package imports only where cleaning and the articles' tables need them, so corpus mode's
main process reads without loading them and its workers clean.

The modules, one question each: :mod:`.model` (what an article, a reject and a corpus
are), :mod:`.decode` (bytes to text), :mod:`.html` (page source to paragraphs),
:mod:`.dates` (dates and date lines), :mod:`.layout` (headline, captions, footer),
:mod:`.language` (the language check), :mod:`.clean` (text to article) and
:mod:`.readers` (inputs to articles); :mod:`.tables` reads corpus mode's tables back.
"""

from __future__ import annotations

from .clean import make_article
from .dates import is_dateline, parse_date
from .decode import MAX_ARTICLE_BYTES, decode_bytes, read_article_file
from .html import extract_html, looks_like_html
from .language import (
    LANGUAGE_NAMES,
    _stopword_sets,  # noqa: F401  (private, re-exported: the kernel server preloads it)
    detect_language,
)
from .layout import split_layout
from .model import FRAME_COLUMNS, REJECT_COLUMNS, Article, ArticleError, Corpus, Reject, UnknownArticleError
from .readers import (
    HTML_SUFFIXES,
    MANIFEST_FIELDS,
    TEXT_SUFFIXES,
    RawArticle,
    iter_articles,
    iter_inputs,
    load_article,
    load_corpus,
)

__all__ = [
    "FRAME_COLUMNS",
    "HTML_SUFFIXES",
    "LANGUAGE_NAMES",
    "MANIFEST_FIELDS",
    "MAX_ARTICLE_BYTES",
    "REJECT_COLUMNS",
    "TEXT_SUFFIXES",
    "Article",
    "ArticleError",
    "Corpus",
    "RawArticle",
    "Reject",
    "UnknownArticleError",
    "decode_bytes",
    "detect_language",
    "extract_html",
    "is_dateline",
    "iter_articles",
    "iter_inputs",
    "load_article",
    "load_corpus",
    "looks_like_html",
    "make_article",
    "parse_date",
    "read_article_file",
    "split_layout",
]
