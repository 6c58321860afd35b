"""Which reports are compared, and their results whichever the source: the articles
themselves, or the tables ``python -m analysis analyze`` wrote for them (corpus mode).

A notebook opens with one line, ``reports = compare.select(corpus=CORPUS,
articles=ARTICLES, tables=TABLES)``, and asks the :class:`Selection` for what it shows: the
sentences, frame hits, statements, scores, tone... Each result is computed (or read from
the tables) the first time it is asked for, then kept. With more than :data:`MANY` reports
the selection also says how to group them by outlet, so tables and figures stay readable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path

import pandas as pd

from .. import config
from ..corpus import Corpus, load_corpus
from .frames import (
    hits_from_tables,
    leads_from_tables,
    profile_from_tables,
    unique_entities,
    unique_entities_from_tables,
)
from .outlets import first_per_outlet, mean_by_outlet, outlet_profile, outlet_texts, pool_by_outlet
from .reports import article_labels
from .sourcing import cues_by_article, quotes_by_article, quotes_from_tables
from .table_articles import corpus_from_tables, select_tables, texts_from_tables
from .tone import pooled_from_tables, scored_from_tables, tone_from_tables, voice_quotes_from_tables

#: Above this many reports, tables and figures give one column, bar or panel per outlet (its
#: reports together), and the evidence is shown for the first report of each outlet.
MANY = 8

#: What :meth:`Selection.describe` can count.
DESCRIPTIONS = ("reports", "sentences", "statements", "comparison")


def select(
    *, corpus: str | Path | Corpus = "", articles: Sequence[str] = (), tables: str | Path | dict = ""
) -> Selection:
    """The reports to compare, from corpus-mode tables when ``tables`` is given, else from
    the articles of ``corpus``.

    Args:
        corpus: a folder, manifest, ``.csv`` or ``.jsonl`` to load (:func:`analysis.corpus.load_corpus`),
            a :class:`~analysis.corpus.Corpus`, or ``""`` for the seed reports (:data:`analysis.config.SEEDS_DIR`).
        articles: article ids, in the order to show them; empty: every article, in input order.
        tables: the folder written by ``python -m analysis analyze`` (or its tables, as read by
            :func:`analysis.corpus.tables.read_tables`); ``""``: analyse the articles.

    Raises:
        NoUsableArticle: every input of ``corpus`` was rejected (the message names the first).
        analysis.corpus.UnknownArticleError: an id is not in the corpus.
        KeyError: an id is not in the tables.

    Example:
        >>> reports = select(articles=["002_96cf24b8358f7f15"])
        >>> reports.ids, reports.outlets, reports.many
        (['002_96cf24b8358f7f15'], {'002_96cf24b8358f7f15': 'The Moscow Times'}, False)
    """
    if isinstance(tables, dict) or tables:
        source = "" if isinstance(tables, dict) else str(tables)
        return Selection(tables=select_tables(tables, list(articles)), source=source)
    loaded = corpus if isinstance(corpus, Corpus) else load_corpus(corpus or config.SEEDS_DIR)
    if not len(loaded):
        where = str(corpus) if corpus and not isinstance(corpus, Corpus) else "the corpus"
        first = loaded.rejected[0] if loaded.rejected else None
        why = f"; the first: {first.source}: {first.reason}" if first else ""
        raise NoUsableArticle(
            f"no usable article in {where}: {len(loaded.rejected)} inputs rejected{why} (01_corpus lists them all)"
        )
    return Selection(corpus=loaded.select(list(articles)), source=str(corpus) if not isinstance(corpus, Corpus) else "")


class NoUsableArticle(ValueError):
    """Every input of a corpus was rejected: there is nothing to compare."""


class Selection:
    """The reports being compared and their results, the same whichever the source.

    Made by :func:`select`. Every result is computed (or, from tables, read) once, when it is
    first asked for; a later call returns the same frame, so do not change it in place.

    Attributes:
        tables: the corpus-mode tables, kept to the selected articles (``None`` when the
            results are computed from the articles).
        source: the folder or file the reports were read from, as given (``""``: the seeds,
            or tables passed as a dict).
    """

    def __init__(self, *, corpus: Corpus | None = None, tables: dict[str, pd.DataFrame] | None = None, source: str = ""):
        if (corpus is None) == (tables is None):
            raise ValueError("give either a corpus or corpus-mode tables")
        self.tables = tables
        self.source = source
        self._memo: dict[tuple, object] = {}
        if corpus is not None:
            self.corpus = corpus

    def __repr__(self) -> str:
        return f"<Selection of {len(self.ids)} reports from {'tables' if self.from_tables else 'articles'}>"

    def _once(self, key: tuple, compute: Callable[[], object]):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def from_tables(self) -> bool:
        """Whether the results are read from corpus-mode tables."""
        return self.tables is not None

    @cached_property
    def corpus(self) -> Corpus:
        """The articles, as loaded, or rebuilt from the tables (:func:`corpus_from_tables`)."""
        return corpus_from_tables(self.tables)

    @cached_property
    def articles(self) -> pd.DataFrame:
        """One row per report: ``article, outlet`` (``""`` when it names none), ``headline,
        published, words``."""
        columns = ["article", "outlet", "headline", "published", "words"]
        if self.from_tables:
            return self.tables["articles"][columns].reset_index(drop=True)
        rows = [(a.id, a.outlet, a.headline, a.published, a.n_words) for a in self.corpus]
        return pd.DataFrame(rows, columns=columns).astype({"words": "int64"})

    @cached_property
    def ids(self) -> list[str]:
        """The article ids, in the order chosen."""
        return self.articles["article"].tolist()

    @cached_property
    def outlets(self) -> dict[str, str]:
        """Article id -> outlet (the id when the article names none)."""
        return {a: (o or a) for a, o in zip(self.articles["article"], self.articles["outlet"])}

    @cached_property
    def labels(self) -> dict[str, str]:
        """Article id -> column label (:func:`article_labels`: the outlet, with the id when two
        reports share it)."""
        from types import SimpleNamespace

        return article_labels([SimpleNamespace(id=a, outlet=o) for a, o in zip(self.articles["article"], self.articles["outlet"])])

    @cached_property
    def words(self) -> dict[str, int]:
        """Article id -> number of words."""
        return {a: int(n) for a, n in zip(self.articles["article"], self.articles["words"])}

    @cached_property
    def texts(self) -> dict[str, str]:
        """Article id -> cleaned text (from tables: rebuilt by :func:`texts_from_tables`)."""
        if self.from_tables:
            return texts_from_tables(self.tables)
        return {a.id: a.text for a in self.corpus}

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Every sentence, with ``article, sentence, paragraph, start, end, text``."""
        return self.tables["sentences"] if self.from_tables else self.corpus.sentences()

    @property
    def many(self) -> bool:
        """More than :data:`MANY` reports: tables and figures group them by outlet."""
        return len(self.ids) > MANY

    @property
    def group(self) -> dict[str, str] | None:
        """Article id -> outlet when the reports are grouped by outlet (:attr:`many`), else ``None``."""
        return self.outlets if self.many else None

    @cached_property
    def shown(self) -> list[str]:
        """The reports whose evidence is shown: the first of each outlet when :attr:`many`,
        else all."""
        return first_per_outlet(self.outlets) if self.many else self.ids

    @property
    def n_columns(self) -> int:
        """How many columns (bars, panels) a comparison has: outlets when :attr:`many`, else reports."""
        return len(set(self.outlets.values())) if self.many else len(self.ids)

    @property
    def columns(self) -> dict[str, str]:
        """Article id -> the column its results go to: its outlet when :attr:`many`, else its label."""
        return self.outlets if self.many else self.labels

    @cached_property
    def column_texts(self) -> dict[str, str]:
        """The texts compared: outlet -> its reports' texts joined (:func:`outlet_texts`) when
        :attr:`many`, else article id -> text."""
        return outlet_texts(self.texts, self.outlets) if self.many else self.texts

    @property
    def column_labels(self) -> dict[str, str]:
        """A key of :attr:`column_texts` -> the label it is shown with."""
        return {outlet: outlet for outlet in self.column_texts} if self.many else self.outlets

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """Every attributed statement (:func:`quotes_by_article`)."""
        return quotes_from_tables(self.tables) if self.from_tables else quotes_by_article(self.corpus)

    @cached_property
    def hits(self) -> pd.DataFrame:
        """Every frame cue in every sentence (:func:`analysis.framing.frame_sentences`)."""
        from .. import framing

        return hits_from_tables(self.tables) if self.from_tables else framing.frame_sentences(self.sentences)

    @cached_property
    def profile(self) -> pd.DataFrame:
        """Per report and frame, the share of sentences showing it (:func:`analysis.framing.frame_profile`)."""
        from .. import framing

        return profile_from_tables(self.tables) if self.from_tables else framing.frame_profile(self.hits, self.sentences)

    def scored(self, *, evidence: bool = True) -> pd.DataFrame:
        """Every sentence with its VADER scores (:func:`analysis.sentiment.score_articles`)."""
        from .. import sentiment

        if self.from_tables:
            return self._once(("scored", evidence), lambda: scored_from_tables(self.tables, evidence=evidence))
        return self._once(("scored", evidence), lambda: sentiment.score_articles(self.corpus, evidence=evidence))

    def tone(self, *, lead: int = 2) -> pd.DataFrame:
        """Each report's tone, headline and lead (:func:`analysis.sentiment.article_tone`)."""
        from .. import sentiment

        if self.from_tables:
            return self._once(("tone", lead), lambda: tone_from_tables(self.tables, lead=lead))
        return self._once(("tone", lead), lambda: sentiment.article_tone(self.corpus, lead=lead))

    def voice_quotes(self, *, kinds: Sequence[str] | None = None) -> pd.DataFrame:
        """Who speaks where (:func:`analysis.sentiment.voice_quotes`), keeping ``kinds`` of statement."""
        from .. import sentiment

        key = ("voice_quotes", None if kinds is None else tuple(kinds))
        if self.from_tables:
            return self._once(key, lambda: voice_quotes_from_tables(self.tables, kinds=kinds))
        return self._once(key, lambda: sentiment.voice_quotes(self.corpus, kinds=kinds))

    @cached_property
    def narration_vs_quotes(self) -> pd.DataFrame:
        """Per report, the tone of the narration against that of the quoted voices
        (:func:`analysis.sentiment.narration_vs_quotes`)."""
        from .. import sentiment

        if self.from_tables:
            return pooled_from_tables(self.tables)
        return sentiment.narration_vs_quotes(sentiment.tone_by_voice(self.sentences, self.voice_quotes()))

    def leads(self, ids: Sequence[str] | None = None, *, lead: int = 2) -> pd.DataFrame:
        """Headline and lead of the reports ``ids`` (default: all), in that order
        (:func:`analysis.framing.headline_and_lead`)."""
        from .. import framing

        ids = self.ids if ids is None else list(ids)
        if not ids:
            return framing.headline_and_lead(("", "", self.sentences.head(0)))
        if self.from_tables:
            return self._once(("leads", tuple(ids), lead), lambda: leads_from_tables(select_tables(self.tables, ids), lead=lead))
        return self._once(("leads", tuple(ids), lead), lambda: pd.concat(
            [framing.headline_and_lead(self.corpus[article_id], lead=lead) for article_id in ids], ignore_index=True
        ))  # fmt: skip

    @cached_property
    def unique_entities(self) -> dict[str, list[str]]:
        """Per report, the named entities no other report names (:func:`unique_entities`)."""
        return unique_entities_from_tables(self.tables) if self.from_tables else unique_entities(self.corpus)

    def overview(self, *, targets: Sequence[str] = (), top_terms: int = 5) -> pd.DataFrame:
        """Every report side by side (:func:`analysis.compare.overview`)."""
        from .overview_table import overview

        return overview(self, targets=targets, top_terms=top_terms)

    def pool(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A per-report table with each report's id replaced by its outlet when :attr:`many`
        (:func:`pool_by_outlet`), so it is summarised per outlet; else the table itself."""
        return pool_by_outlet(frame, self.outlets) if self.many else frame

    def by_column(self, summarise: Callable[..., pd.DataFrame], frame: pd.DataFrame) -> pd.DataFrame:
        """``summarise(frame)`` with one column per outlet (its reports pooled) when :attr:`many`,
        else one column per report labelled by its outlet (``summarise(frame, labels=outlets)``),
        e.g. with :func:`analysis.framing.actor_table` or :func:`analysis.framing.stance_counts`."""
        return summarise(self.pool(frame)) if self.many else summarise(frame, labels=self.outlets)

    def fold_by_outlet(self, table: pd.DataFrame, *, decimals: int = 3) -> pd.DataFrame:
        """A side-by-side table (one column per report) as one column per outlet, the mean of
        its reports rounded (:func:`mean_by_outlet`), when :attr:`many`; else the table itself."""
        return mean_by_outlet(table, self.outlets).round(decimals) if self.many else table

    def frame_table(self) -> pd.DataFrame:
        """The frame profile as a table: one row per outlet with the mean share (0 to 1) of its
        reports' sentences showing each frame when :attr:`many` (:func:`outlet_profile`), else
        one column per report (:func:`analysis.framing.profile_table`)."""
        from .. import framing

        if self.many:
            return outlet_profile(self.outlets, profile=self.profile).round(2)
        return framing.profile_table(self.profile, labels=self.outlets)

    def cues(self) -> pd.DataFrame:
        """The reporting verbs of each report, or of each outlet when :attr:`many` (:func:`cues_by_article`)."""
        return cues_by_article(self.quotes, self.outlets if self.many else {a: a for a in self.ids})

    def describe(self, what: str = "reports") -> str:
        """The lines a notebook prints about the selection, counting ``what``.

        ``"reports"``: each report's outlet (with many reports, whose evidence is shown);
        ``"sentences"``: the sentences scored; ``"statements"``: the attributed statements;
        ``"comparison"``: the reports compared. From tables, a first line says where they
        were read.
        """
        if what not in DESCRIPTIONS:
            raise ValueError(f"what must be one of {', '.join(DESCRIPTIONS)}, not {what!r}")
        n, outlets = len(self.ids), len(set(self.outlets.values()))
        lines = [f"Read {n} analysed reports from {self.source}"] if self.from_tables else []
        if what == "reports" and self.many:
            lines.append(f"{n} reports from {outlets} outlets; evidence shown for {', '.join(self.shown)}")
        elif what == "reports":
            lines.extend(f"{self.outlets[article_id]}: {article_id}" for article_id in self.ids)
        elif what == "sentences" and self.many:
            lines.append(f"{n} articles from {outlets} outlets, {len(self.sentences)} sentences scored")
        elif what == "sentences":
            lines.append(f"{n} articles, {len(self.sentences)} sentences scored: {', '.join(self.ids)}")
        elif what == "statements":
            lines.append(f"{len(self.quotes)} attributed statements in {n} articles")
            if self.many:
                lines.append(f"{outlets} outlets; statements highlighted for {', '.join(self.shown)}")
        elif self.many:
            lines.append(f"Comparing {n} reports from {outlets} outlets")
        else:
            lines.append(f"Comparing {n} reports: " + "; ".join(self.labels.values()))
        return "\n".join(lines)
