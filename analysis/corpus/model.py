"""The records of a corpus: :class:`Article`, :class:`Reject`, :class:`Corpus`, and the errors.

An :class:`Article` holds the cleaned body text and the metadata found around it; its
paragraphs, sentences and tokens are computed (with NLTK, by :mod:`analysis.nlp.text`) when
first asked for. A :class:`Corpus` is the articles in load order plus the inputs that were
rejected (:class:`Reject`) and why. Light to import: pandas only when a table is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..nlp.parsed import ParsedText

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
    def parsed(self) -> ParsedText:
        """The parse of :attr:`text` (:class:`analysis.nlp.parsed.ParsedText`): paragraphs,
        sentences, tokens and entities, each computed once, on first use, and shared by every
        analysis of this article (``extract_quotes(article.parsed)``)."""
        from ..nlp.parsed import ParsedText

        return ParsedText(self.text)

    @property
    def _paragraphs(self) -> pd.DataFrame:
        return self.parsed.paragraphs

    @property
    def _sentences(self) -> pd.DataFrame:
        return self.parsed.sentences

    @property
    def _tokens(self) -> pd.DataFrame:
        return self.parsed.tokens

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
        from ..nlp.tokens import count_words

        return count_words(self.text)

    def summary(self) -> dict:
        """One row of :meth:`Corpus.to_frame`."""
        return {
            "id": self.id, "outlet": self.outlet, "headline": self.headline,
            "published": self.published, "url": self.url, "language": self.language,
            "translation": self.translation, "paragraphs": len(self.parsed.paragraph_spans),
            "sentences": len(self.parsed.sentence_spans), "words": self.n_words,
            "encoding": self.encoding, "source": self.source, "notes": self.notes,
        }  # fmt: skip


#: Control characters (NUL, terminal escapes, C1 codes): never part of an id or a label.
_CONTROL = re.compile(r" *[\x00-\x1f\x7f-\x9f][\x00-\x1f\x7f-\x9f ]*")


def printable(value: str) -> str:
    """``value`` with control characters (NUL, terminal escape codes, line breaks) replaced
    by one space each run, so an id, a file name or a metadata field from a hostile input
    can be printed in a terminal or written into a page as it is meant to be read.

    >>> printable("id\\x1b[31m\\x00red")
    'id [31m red'
    """
    return _CONTROL.sub(" ", value).strip() if _CONTROL.search(value) else value


@dataclass(frozen=True)
class Reject:
    """An input that was skipped, with the reason (control characters in its source and id
    are made printable: see :func:`printable`)."""

    source: str
    reason: str
    id: str = ""

    def __post_init__(self):
        for name in ("source", "reason", "id"):
            value = getattr(self, name)
            if isinstance(value, str) and _CONTROL.search(value):
                object.__setattr__(self, name, printable(value))


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
