"""One article through every per-article analysis: :func:`analyze_article` and its result.

Also the keys the ledger keeps for resuming (:func:`content_hash` for an article, one for a
reject).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import corpus as corpusmod
from ...corpus.tables import TABLES, to_frame

if TYPE_CHECKING:
    import pandas as pd

#: The per-article analyses, in the order they run (keys of the time summary).
STEPS = ("sentences", "articles", "sentiment", "entities", "quotes", "frames")


def content_hash(article: corpusmod.Article) -> str:
    """SHA-256 of an article's text and the metadata written to the ``articles`` table."""
    fields = [article.id, article.headline, article.outlet, article.published, article.url,
              article.language, article.translation, article.encoding, article.notes, article.text]  # fmt: skip
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _reject_key(reject: corpusmod.Reject) -> str:
    return "reject:" + hashlib.sha256(json.dumps([reject.source, reject.id, reject.reason]).encode("utf-8")).hexdigest()


@dataclass
class ArticleResult:
    """What :func:`analyze_article` found in one article.

    ``tables`` maps each kind of :data:`TABLES` (but ``rejects``) to its rows, column by
    column (``{column: [values]}``); ``error`` is set (and ``tables`` empty) when an
    analysis failed on this article; ``seconds`` is the time spent in each step; ``words``
    the article's word count (as in its ``articles`` row).
    """

    article: str
    key: str
    position: int = 0
    source: str = ""
    tables: dict[str, dict[str, list]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    error: str = ""
    words: int = 0

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables as DataFrames (list columns hold Python lists)."""
        return {kind: to_frame(kind, cols) for kind, cols in self.tables.items()}


#: Seconds one article may take in corpus mode before it becomes a reject (``--time-limit``).
DEFAULT_TIME_LIMIT = 60.0


class ArticleTooSlow(Exception):
    """An article took longer than its time limit."""


@contextlib.contextmanager
def _time_limit(seconds: float | None):
    """Raise :class:`ArticleTooSlow` in this block after ``seconds`` of wall time.

    With SIGALRM, so only where a process's main thread runs the analyses (the workers of
    corpus mode, or ``--jobs 1``); elsewhere (a Dask thread, Windows) there is no limit. The
    alarm interrupts Python code, not one long call into C.
    """
    usable = (
        seconds and seconds > 0 and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )  # fmt: skip
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ArticleTooSlow(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_article(
    article: corpusmod.Article, *, position: int = 0, evidence: bool = True, time_limit: float | None = None
) -> ArticleResult:
    """Run every per-article analysis on one article.

    Args:
        article: a loaded article (:func:`analysis.corpus.load_article`, ``iter_articles``).
        position: its index in the input (written to the ``articles`` table).
        evidence: add the sentiment ``evidence`` column (cheap: VADER's own computation
            made visible); ``False`` leaves it empty.
        time_limit: seconds the article may take; past them its analysis stops and the
            result has ``error`` "took longer than N s (stopped in STEP)". ``None``: no limit.

    Returns:
        An :class:`ArticleResult`. An analysis that raises on this article gives a result
        with ``error`` set ("quotes: ValueError: ..."), so one odd article never stops a
        batch; a missing NLTK data package is raised, since every article would fail.

    References:
        See the modules it calls: :mod:`analysis.sentiment` (Hutto & Gilbert 2014),
        :mod:`analysis.entities`, :mod:`analysis.sources`, :mod:`analysis.framing`
        (Semetko & Valkenburg 2000).

    Example:
        >>> from analysis.corpus import Article
        >>> art = Article(id="a1", text='"This budget is a great success," Mayor Ana Ruiz said.')
        >>> result = analyze_article(art)
        >>> result.tables["quotes"]["speaker"], result.tables["sentiment"]["label"]
        (['Ana Ruiz'], ['positive'])
    """
    from ... import framing, sentiment, sources
    from ...nlp import nltk_data as nltkdata

    key = content_hash(article)
    seconds = dict.fromkeys(STEPS, 0.0)
    tables: dict[str, dict[str, list]] = {}
    step = "sentences"
    limit = contextlib.ExitStack()
    try:
        limit.enter_context(_time_limit(time_limit))
        clock = time.perf_counter()
        # one parse of the article (sentences, entities), shared by every step below, read
        # as plain lists: no DataFrame is built for corpus mode
        parsed = article.parsed
        spans = parsed.sentence_spans
        n = len(spans)
        ids = [article.id] * n
        sentence_ids, starts, ends = parsed.sentence_bounds
        paragraphs = [p for p, _, _ in spans]
        texts = [article.text[s:e] for s, e in zip(starts, ends)]
        tables["sentences"] = {
            "article": ids, "sentence": sentence_ids, "paragraph": paragraphs,
            "start": starts, "end": ends, "text": texts,
        }  # fmt: skip
        clock = _lap(seconds, "sentences", clock)

        step = "articles"
        summary = article.summary()
        summary = {**summary, "article": summary["id"], "position": position, "hash": key}
        tables["articles"] = {c: [summary[c]] for c, _ in TABLES["articles"]}
        clock = _lap(seconds, "articles", clock)

        step = "sentiment"
        scored = sentiment.score_columns(texts, evidence=evidence)
        table = {"article": ids, "sentence": sentence_ids}
        for col in ("neg", "neu", "pos", "compound", "label"):
            table[col] = scored[col]
        if evidence:
            table["evidence"] = [
                [{"entry": e["entry"], "start": base + e["start"], "end": base + e["end"], "valence": e["valence_final"]} for e in found]
                for base, found in zip(starts, scored["evidence"])
            ]  # fmt: skip
        else:
            table["evidence"] = [[] for _ in range(n)]
        tables["sentiment"] = table
        clock = _lap(seconds, "sentiment", clock)

        step = "entities"
        tables["entities"] = _columns("entities", parsed.entity_columns, article.id)
        clock = _lap(seconds, "entities", clock)

        step = "quotes"
        quotes = sources.quote_columns(parsed)
        tables["quotes"] = _columns("quotes", quotes, article.id)
        clock = _lap(seconds, "quotes", clock)

        step = "frames"
        hits = framing.frame_columns(texts, starts, sentence_ids, paragraphs)
        tables["frames"] = _columns("frames", hits, article.id)
        _lap(seconds, "frames", clock)
    except nltkdata.MissingNLTKDataError:
        raise
    except ArticleTooSlow as err:
        return ArticleResult(article.id, key, position, article.source, {}, seconds, f"{err} (stopped in {step})")
    except Exception as err:  # one odd article must not stop the batch
        message = " ".join(str(err).split())[:300]
        error = f"{step}: {type(err).__name__}: {message}"
        return ArticleResult(article.id, key, position, article.source, {}, seconds, error)
    finally:
        limit.close()
    return ArticleResult(article.id, key, position, article.source, tables, seconds, words=summary["words"])


def _lap(seconds: dict[str, float], step: str, since: float) -> float:
    now = time.perf_counter()
    seconds[step] += now - since
    return now


def _columns(kind: str, data: pd.DataFrame | dict[str, list], article_id: str) -> dict[str, list]:
    """The columns of a table kind, from a frame or from lists, with the article id first."""
    names = [col for col, _ in TABLES[kind][1:]]
    if not isinstance(data, dict):  # a DataFrame
        return {"article": [article_id] * len(data), **{col: data[col].tolist() for col in names}}
    n = len(data[names[0]]) if names else 0
    return {"article": [article_id] * n, **{col: data[col] for col in names}}
