"""Corpus mode: every per-article analysis over a whole archive, streamed, parallel, resumable.

:func:`run_corpus` reads an input as :func:`analysis.corpus.iter_articles` does (a folder of
``.txt``, a manifest, a ``.csv`` or a ``.jsonl``; one article at a time), runs
:func:`analyze_article` on every article (sentences, sentiment, entities, sources, frames)
and writes one table per kind to an output folder, as Parquet or CSV::

    OUT/articles/part-00000.parquet   one row per article (metadata, lengths, content hash)
    OUT/sentences/part-00000.parquet  one row per sentence
    OUT/sentiment/...                 VADER scores per sentence, with compact evidence
    OUT/entities/...                  PERSON / ORGANIZATION / LOCATION / DATE mentions
    OUT/quotes/...                    attributed statements (who says what, how)
    OUT/frames/...                    frame cue matches per sentence
    OUT/rejects/...                   inputs that were skipped, and why
    OUT/_ledger/part-00000.tsv        what each part holds (the done-ledger)
    OUT/_lock                         present while a run writes to OUT

The columns of every table are in :data:`TABLES`; offsets (``start``, ``end``, ...) are
character offsets into the article's cleaned text, as everywhere in the suite.

How the run stays steady on a large archive:

* **Streaming.** Articles are read, analysed and written in chunks of ``chunk_size``; at
  most two chunks are in memory (one being analysed, one being written), and the inputs
  of the next one being read and cleaned.
* **Atomic output.** Each chunk becomes one part file per table, written to a hidden
  temporary file and moved into place with :func:`os.replace`. The chunk's ledger part is
  written last: it is the commit. A part without its ledger part (the run stopped between
  the two) is removed on the next run; so is a stray temporary file. Ctrl-C waits until the
  chunk being written is complete.
* **Resume.** The ledger lists, for every input handled, a key: the SHA-256 of the
  article's text and metadata (the ``hash`` column of ``articles``) with the
  :data:`CODE_VERSION` that produced it. A re-run skips every article already done by the
  same code; parts written by other code are removed and their articles done again.
* **Parallel.** ``jobs`` worker processes (``spawn``/``forkserver``-safe: the work is the
  top-level functions :func:`load_batch`, :func:`analyze_batch` and :func:`encode_part`;
  with ``forkserver`` the server loads the models once and the workers share them), or a
  Dask cluster (``engine="dask"``; the workers need this package and the NLTK data
  installed). Results come back in input order and chunk boundaries do not depend on the
  number of workers, so the tables are the same whatever ``jobs`` and ``engine`` are.
* **A small main process.** With workers, the main process only reads the input
  (:func:`analysis.corpus.iter_inputs`), keeps the ledger and writes the files: the
  workers clean the text and check its language (:func:`load_batch`), analyse
  (:func:`analyze_batch`) and encode each chunk's part files (:func:`encode_part`), and
  the rows pass through the main process as pickled bytes. So it needs neither NLTK nor
  pandas nor pyarrow, and holds no rows as Python objects (30 MB at its peak instead of
  170 before, in ``benchmarks/bench_pipeline.py``).
* **Concurrent runs.** ``OUT/_lock`` holds the process id of the run writing to ``OUT``; a
  second run on the same folder is refused while that process lives.

:func:`read_table` and :func:`read_tables` load the output back (both formats give the
same frames: list columns as Python lists); :func:`scored_sentences` gives the sentence
tone table the notebooks use (the three come from :mod:`analysis.corpus.tables`).

The modules: :mod:`.articles` (one article through every analysis), :mod:`.chunks` (what a
worker does with a chunk), :mod:`.executors` (where the work runs), :mod:`.output` (part
files, ledger, lock, resume), :mod:`.progress` (progress line and summary), :mod:`.run`
(:func:`run_corpus`).
"""

from ...corpus.tables import (  # the table format and its readers
    KINDS,
    LEDGER_DIR,
    LIST_TYPES,
    PART,
    TABLES,
    arrow_schema,
    parts,
    read_table,
    read_tables,
    scored_sentences,
    to_frame,
    typed,
)
from .articles import DEFAULT_TIME_LIMIT, STEPS, ArticleResult, ArticleTooSlow, analyze_article, content_hash
from .chunks import analyze_batch, encode_part, load_batch
from .executors import (
    ENGINES,
    _ProcessExecutor,  # noqa: F401  (private, re-exported for the tests)
    default_jobs,
    warm_up,
)
from .output import (
    CODE_VERSION,
    FORMATS,
    LEDGER_COLUMNS,
    _write_part,  # noqa: F401  (private, re-exported for the tests)
)
from .progress import RunSummary, count_inputs
from .run import run_corpus

__all__ = [
    "CODE_VERSION",
    "ENGINES",
    "FORMATS",
    "KINDS",
    "LEDGER_COLUMNS",
    "LEDGER_DIR",
    "LIST_TYPES",
    "PART",
    "DEFAULT_TIME_LIMIT",
    "STEPS",
    "ArticleTooSlow",
    "TABLES",
    "ArticleResult",
    "RunSummary",
    "analyze_article",
    "analyze_batch",
    "arrow_schema",
    "content_hash",
    "count_inputs",
    "default_jobs",
    "encode_part",
    "load_batch",
    "parts",
    "read_table",
    "read_tables",
    "run_corpus",
    "scored_sentences",
    "to_frame",
    "typed",
    "warm_up",
]
