"""The articles of corpus-mode tables: picking some, and rebuilding their outlets, labels,
texts and :class:`~analysis.corpus.Article` records from the tables.

The tables are those of ``python -m analysis analyze``, read with
:func:`analysis.corpus.tables.read_tables`; the analyses read back from them are in the
module of each comparison (:mod:`.frames`, :mod:`.tone`, :mod:`.sourcing`, :mod:`.entities`).
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from .reports import article_labels


def select_tables(tables, articles: list[str] | tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    """Corpus-mode tables (a dict, or the output folder to read), kept to ``articles``
    (article ids, in the order given; empty or ``None``: every article, in input order)."""
    from ..corpus.tables import read_tables

    tables = read_tables(tables) if not isinstance(tables, dict) else dict(tables)
    if articles:
        missing = [a for a in articles if a not in set(tables["articles"]["article"])]
        if missing:
            raise KeyError(f"not in the tables: {', '.join(missing)}")
        order = {a: i for i, a in enumerate(articles)}
        for kind, frame in tables.items():
            if "article" in frame.columns:
                kept = frame[frame["article"].isin(order)]
                rank = kept["article"].map(order)
                tables[kind] = kept.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    return tables


def labels_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """:func:`article_labels` for the articles of corpus-mode tables."""
    from types import SimpleNamespace

    return article_labels([SimpleNamespace(id=a, outlet=o) for a, o in zip(tables["articles"]["article"], tables["articles"]["outlet"])])


def outlets_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Article id -> outlet (the id when the article names none), from the ``articles`` table.

    >>> outlets_from_tables({"articles": pd.DataFrame({"article": ["a", "b"], "outlet": ["Daily", ""]})})
    {'a': 'Daily', 'b': 'b'}
    """
    articles = tables["articles"]
    return {a: (o or a) for a, o in zip(articles["article"], articles["outlet"])}


def texts_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Article id -> its cleaned text, rebuilt from the ``sentences`` table.

    Each sentence goes back to its offsets. What lies between two sentences of the cleaned
    text is white space (:mod:`analysis.corpus` normalises it): a blank line between
    paragraphs, a space inside one; it is restored as such, so every offset of every table
    points at the same characters as in the original text. Articles are in the order of the
    ``articles`` table; one without sentences gets ``""``.

    Raises:
        ValueError: two sentences of an article overlap (the tables are not corpus-mode
            output), naming the article.

    >>> sentences = pd.DataFrame({"article": ["a", "a", "a"], "sentence": [0, 1, 2], "paragraph": [0, 0, 1],
    ...                           "start": [0, 4, 9], "end": [3, 7, 11], "text": ["One", "Two", "Hi"]})
    >>> texts_from_tables({"articles": pd.DataFrame({"article": ["a"]}), "sentences": sentences})
    {'a': 'One Two\\n\\nHi'}
    """
    texts = {a: "" for a in tables["articles"]["article"]}
    sentences = tables["sentences"]
    for article_id, own in sentences.groupby("article", sort=False):
        own = own.sort_values("start", kind="stable")
        parts, pos, paragraph = [], 0, None
        for start, end, par, text in zip(own["start"], own["end"], own["paragraph"], own["text"]):
            if start < pos:
                raise ValueError(f"article {article_id}: sentences overlap at offset {start}; pass corpus-mode tables")
            parts.append(("\n" if paragraph is not None and par != paragraph else " ") * (int(start) - pos))
            parts.append(text)
            pos, paragraph = int(end), par
        texts[article_id] = "".join(parts)
    return texts


def corpus_from_tables(tables: dict[str, pd.DataFrame]) -> Corpus:
    """The articles of corpus-mode tables as a :class:`~analysis.corpus.Corpus`: metadata from
    the ``articles`` table, text from :func:`texts_from_tables`.

    For what needs an article's text or metadata (highlighting, word counts, sourcing
    profiles); the analyses themselves are read from the tables (e.g. :func:`quotes_from_tables`).
    """
    from ..corpus import Article

    texts = texts_from_tables(tables)
    fields = ("headline", "outlet", "published", "url", "language", "translation", "source", "encoding", "notes")
    articles = [
        Article(id=row["article"], text=texts[row["article"]], **{f: str(row[f] or "") for f in fields})
        for row in tables["articles"].to_dict("records")
    ]
    return Corpus(articles)
