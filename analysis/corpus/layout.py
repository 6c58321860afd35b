"""The layout of a plain-text article: headline, date line, caption and credit, related-article
lines and the address footer, told apart from the body.

The labels that mark these lines ("Related article:", "Original url:", "Photo:") are word
lists in :mod:`analysis.lexicons`; the patterns built from them are made on first use, so
that importing the corpus package stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import strip_boilerplate
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


def split_layout(text: str, *, find_headline: bool = True, known_headline: str = "") -> dict:
    """Separate headline, dateline, caption and credit, related lines and footer from the body.

    ``text`` has had entities unescaped and white space normalised but still holds its
    markup (a bold credit such as ``**Zuma / TASS**`` marks a photo caption). Returns a dict
    with ``body`` (cleaned, markup stripped), ``headline``, ``dateline``, ``published``,
    ``caption``, ``credit``, ``related`` (tuple), ``url`` (from the footer) and ``notes``
    (what was removed: boilerplate markers, a byline, a copyright line, a repeated headline;
    :func:`analysis.corpus.boilerplate.strip_boilerplate`).

    A paragraph among the first three, before any body text, is the headline when it reads as
    one (:func:`_looks_like_headline`); the same headline repeated right after it, or the
    ``known_headline`` given with the article (e.g. by a manifest) opening the text, is
    removed from the body.
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
    plain_of = lru_cache(maxsize=None)(textmod.strip_markup)  # each paragraph's markup stripped once
    paragraphs, notes = strip_boilerplate(paragraphs, plain=plain_of)
    body, related = [], []
    for i, para in enumerate(paragraphs):
        plain = plain_of(para)
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
        if (
            find_headline
            and not out["headline"]
            and not body
            and i < 3
            and _looks_like_headline(plain, paragraphs[i + 1 :])
        ):
            out["headline"] = plain
            continue
        if not body and any(_same_line(plain, h) for h in (out["headline"], known_headline) if h):
            notes.append("removed the headline repeated at the start of the text")
            continue
        body.append(plain)
    out["body"] = textmod.normalize_whitespace("\n\n".join(body))
    out["related"] = tuple(related)
    out["notes"] = "; ".join(notes)
    return out


def _same_line(a: str, b: str) -> bool:
    """The same words, ignoring case, spacing and final punctuation."""
    return " ".join(a.split()).rstrip(" .:!").casefold() == " ".join(b.split()).rstrip(" .:!").casefold()


#: A headline ending in a full stop is at most this many words (a longer line is a lead).
MAX_STOPPED_HEADLINE_WORDS = 14
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]?\s+[A-Z\"“‘']")


def _title_case(line: str) -> bool:
    """Most words of four letters or more start with a capital ("Council Cuts Ferry Service")."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def _looks_like_headline(line: str, rest: list[str]) -> bool:
    """Whether a first line reads as a headline followed by the body ``rest``.

    Short (2 to 25 words), not a quotation, followed by at least one paragraph, and either
    without final punctuation, or ending in one full stop after at most
    :data:`MAX_STOPPED_HEADLINE_WORDS` words of one sentence that is in Title Case or at most
    half as long as the paragraph after it (a lead is long; a headline is short).
    """
    words = line.split()
    if not (1 < len(words) <= 25) or line.startswith(('"', "“")) or not rest:
        return False
    stripped = line.rstrip()
    if not stripped.endswith((".", ",", ";", ":", '"', "”")):
        return True
    if not stripped.endswith(".") or stripped.endswith("..") or len(words) > MAX_STOPPED_HEADLINE_WORDS:
        return False
    if _SENTENCE_BREAK.search(stripped):
        return False
    return _title_case(stripped) or 2 * len(words) <= len(rest[0].split())


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def separate_first_line(text: str) -> str:
    """``text`` with a blank line put after its first line when that line is a headline the body
    follows directly on the next line (as an article is often pasted: "Headline\\nThe body...").

    Without the blank line the headline would be joined to the first paragraph when the
    paragraphs are told apart (:func:`analysis.nlp.text.normalize_whitespace`). In a text whose
    paragraphs are hard-wrapped (line breaks inside them), the first line is taken apart only
    when it is in Title Case or ends in a full stop and the next line opens with a capital.

    >>> separate_first_line("Ferry Fares Rise Again\\nThe operator said on Monday that fares rise.\\n\\nMore.")
    'Ferry Fares Rise Again\\n\\nThe operator said on Monday that fares rise.\\n\\nMore.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lead = len(text) - len(text.lstrip())
    first, sep, rest = text[lead:].partition("\n")
    if not sep or not rest.strip() or not rest[:1].strip() or not _BLANK_LINE.search(rest):
        return text  # no second line right after it, or no blank lines at all (each line is a paragraph)
    paragraphs = [p.strip() for p in _BLANK_LINE.split(rest) if p.strip()]
    following = " ".join(paragraphs[0].split())
    if not _looks_like_headline(first.strip(), [following]):
        return text
    wrapped = any("\n" in p for p in paragraphs[1:]) or "\n" in paragraphs[0]
    if wrapped and not ((_title_case(first) or first.rstrip().endswith(".")) and rest.lstrip()[:1] in _OPENERS):
        return text
    return text[:lead] + first.rstrip() + "\n\n" + rest


_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"“‘'")
