"""The layout of a plain-text article: headline, date line, caption and credit, related-article
lines and the address footer, told apart from the body.

The labels that mark these lines ("Related article:", "Original url:", "Photo:") are word
lists in :mod:`analysis.lexicons`; the patterns built from them are made on first use, so
that importing the corpus package stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import is_dateline, parse_date

_CREDIT_BOLD = re.compile(r"^(?P<caption>.*?)\s*\*\*(?P<credit>[^*]{1,100})\*\*\s*$", re.S)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternative of ``phrases``; any white space matches between their words."""
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The related-article line, the address footer and the photo-credit line patterns."""
    from ..lexicons import words

    related = re.compile(rf"^(?:{_alternation(words('related_article_labels.txt'))})\s*:", re.I)
    footer = re.compile(rf"^(?:{_alternation(words('footer_url_labels.txt'))})\s*:\s*(?P<url>\S*)\s*$", re.I)
    credit = re.compile(
        rf"^(?:\(?\s*)(?:{_alternation(words('photo_credit_words.txt'))})(?:\s+credit)?\s*(?::|by)\s*"
        r"(?P<credit>[^)]{1,100})\)?$",
        re.I,
    )
    return related, footer, credit


def split_layout(text: str, *, find_headline: bool = True) -> dict:
    """Separate headline, dateline, caption and credit, related lines and footer from the body.

    ``text`` has had entities unescaped and white space normalised but still holds its
    markup (a bold credit such as ``**Zuma / TASS**`` marks a photo caption). Returns a dict
    with ``body`` (cleaned, markup stripped), ``headline``, ``dateline``, ``published``,
    ``caption``, ``credit``, ``related`` (tuple) and ``url`` (from the footer).
    """
    from ..nlp import text as textmod

    related_line, footer, credit_line = _label_patterns()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = {"headline": "", "dateline": "", "published": "", "caption": "", "credit": "", "related": (), "url": ""}
    # footer: "Original url:" and everything after it
    for i, para in enumerate(paragraphs):
        m = footer.match(para)
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
        if related_line.match(plain):
            related.append(plain)
            continue
        if not out["dateline"] and i < 4 and not body and is_dateline(plain):
            out["dateline"] = plain
            out["published"] = parse_date(plain) or ""
            continue
        credit = _CREDIT_BOLD.match(para) or credit_line.match(plain)
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
