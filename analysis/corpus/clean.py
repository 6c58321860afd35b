"""From decoded text (plain or HTML) to an :class:`~analysis.corpus.model.Article`: the cleaning steps.

Size check, HTML extraction for page source, separation of the layout (headline, date line,
caption and credit, related lines, footer; a headline pasted as the first line; boilerplate
such as "FULL TEXT", bylines and copyright lines, named in the article's notes), markup stripping, quotation-mark and
white-space normalisation (:mod:`analysis.nlp.text`, imported when the first article is
cleaned), and the language check. Metadata given with the text wins over what is found in it.
"""

from __future__ import annotations

from .dates import parse_date
from .decode import MAX_ARTICLE_BYTES, _too_big
from .html import extract_html, looks_like_html
from .language import LANGUAGE_NAMES, detect_language
from .layout import separate_first_line, split_layout
from .model import Article, ArticleError, printable


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
    from ..nlp.tokens import count_words

    metadata = {k: printable("" if v is None else str(v)).strip() for k, v in (metadata or {}).items()}
    id, source = printable(id), printable(source)
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        raise ArticleError(source, _too_big(len(raw.encode("utf-8", "surrogatepass"))))
    prepared = textmod.make_pipeline(textmod.unescape_entities, textmod.normalize_unicode, textmod.normalize_quotes)
    if looks_like_html(raw):
        page = extract_html(raw, source)
        # the page names its own headline; its first paragraph is body text (a byline, a lead)
        layout = split_layout(
            textmod.normalize_whitespace(prepared(page["body"])),
            find_headline=not page["headline"],
            known_headline=page["headline"] or metadata.get("headline") or metadata.get("title") or "",
        )
        for key in ("headline", "published", "url", "outlet"):
            if page[key]:
                layout[key] = prepared(page[key]).strip()
        layout["notes"] = "; ".join(n for n in ("text extracted from HTML page source", layout["notes"]) if n)
    else:
        layout = split_layout(
            textmod.normalize_whitespace(separate_first_line(prepared(raw))),
            known_headline=metadata.get("headline") or metadata.get("title") or "",
        )
    body = layout["body"]
    if not count_words(body):
        raise ArticleError(source, "no article text left after removing headline, captions and footer")
    language = detect_language(body)
    if language not in ("en", "und") and not allow_non_english:
        name = LANGUAGE_NAMES.get(language, language)
        raise ArticleError(
            source, f"language looks like {name} ({language}), not English; the analyses are English-only"
        )
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
