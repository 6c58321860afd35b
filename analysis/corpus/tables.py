"""The tables of corpus mode: their columns and types, and reading them back.

``python -m analysis analyze INPUT --out DIR`` (:func:`analysis.batch.pipeline.run_corpus`)
writes one folder per table kind under ``DIR``, each holding numbered part files
(``part-00000.parquet`` or ``.csv``) and a ledger of committed chunks (``DIR/_ledger``).
This module is the format both sides share: the writer in :mod:`analysis.batch` and the
readers here, which the comparisons (:mod:`analysis.compare`) and notebooks use to read an
analysed archive instead of analysing it again. Light to import (pandas and pyarrow are
imported when a table is read), as the batch's main process needs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: Column types: ``str``, ``int``, ``float``, ``bool``, or ``fragments`` / ``evidence`` (lists,
#: stored as nested Parquet types, or as JSON text in CSV).
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article", "str"), ("position", "int"), ("outlet", "str"), ("headline", "str"),
        ("published", "str"), ("url", "str"), ("language", "str"), ("translation", "str"),
        ("paragraphs", "int"), ("sentences", "int"), ("words", "int"), ("encoding", "str"),
        ("source", "str"), ("notes", "str"), ("hash", "str"),
    ],
    "sentences": [
        ("article", "str"), ("sentence", "int"), ("paragraph", "int"), ("start", "int"),
        ("end", "int"), ("text", "str"),
    ],
    "sentiment": [
        ("article", "str"), ("sentence", "int"), ("neg", "float"), ("neu", "float"),
        ("pos", "float"), ("compound", "float"), ("label", "str"), ("evidence", "evidence"),
    ],
    "entities": [
        ("article", "str"), ("text", "str"), ("label", "str"), ("start", "int"), ("end", "int"),
        ("canonical", "str"), ("sentence", "int"),
    ],
    "quotes": [
        ("article", "str"), ("speaker", "str"), ("speaker_type", "str"), ("named", "bool"), ("type_guessed", "bool"),
        ("kind", "str"), ("cue", "str"), ("cue_class", "str"), ("quote", "str"), ("start", "int"),
        ("end", "int"), ("speaker_start", "int"), ("speaker_end", "int"), ("mention", "str"),
        ("cue_start", "int"), ("cue_end", "int"), ("sentence", "int"), ("words", "int"),
        ("confidence", "float"), ("pattern", "str"), ("fragments", "fragments"),
    ],
    "frames": [
        ("article", "str"), ("sentence", "int"), ("frame", "str"), ("question", "str"),
        ("cue", "str"), ("matched", "str"), ("start", "int"), ("end", "int"),
    ],
    "rejects": [("position", "int"), ("source", "str"), ("id", "str"), ("reason", "str")],
}  # fmt: skip
"""Every output table and its columns, in order.

- ``articles``: ``article`` (id), ``position`` (0-based index of the input in the
  stream, rejects included), metadata and lengths as in
  :meth:`analysis.corpus.Corpus.to_frame` (``published`` as ISO text), ``hash`` (SHA-256 of
  the text and metadata: the resume key).
- ``sentences``: as :attr:`analysis.corpus.Article.sentences`, with ``article``.
- ``sentiment``: VADER ``neg, neu, pos, compound, label`` per sentence
  (:func:`analysis.sentiment.score_sentences`); ``evidence`` lists the lexicon words
  scored, ``{"entry", "start", "end", "valence"}`` with article offsets and the valence
  after VADER's rules (empty with ``evidence=False``).
- ``entities``: :func:`analysis.entities.extract_entities`, with ``article``.
- ``quotes``: :func:`analysis.sources.extract_quotes` (:data:`analysis.sources.QUOTE_COLUMNS`),
  with ``article``; ``fragments`` is a list of ``[start, end]`` pairs.
- ``frames``: :func:`analysis.framing.frame_sentences` without ``sentence_text`` (join
  ``sentences`` on ``article, sentence`` for it).
- ``rejects``: ``position``, ``source`` (file, or file and row), ``id`` (when known),
  ``reason``.
"""

KINDS = tuple(TABLES)
LEDGER_DIR = "_ledger"
PART = re.compile(r"^part-(\d{5,})\.(parquet|csv|tsv)$")
LIST_TYPES = ("fragments", "evidence")



def pa_type(kind: str):
    import pyarrow as pa

    return {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
        "fragments": pa.list_(pa.list_(pa.int64())),
        "evidence": pa.list_(pa.struct([("entry", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("valence", pa.float64())])),
    }[kind]  # fmt: skip


def arrow_schema(kind: str):
    """The Parquet schema of table ``kind`` (every part has exactly this schema)."""
    import pyarrow as pa

    return pa.schema([(col, pa_type(typ)) for col, typ in TABLES[kind]])


def to_frame(kind: str, columns: dict[str, list]) -> pd.DataFrame:
    """A table's rows as a DataFrame with the dtypes :func:`read_table` gives."""
    import pandas as pd

    frame = pd.DataFrame({col: pd.Series(columns.get(col, []), dtype=object) for col, _ in TABLES[kind]})
    return typed(kind, frame)


def typed(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    dtypes = {"str": str, "int": "int64", "float": "float64", "bool": "bool"}
    out = {}
    for col, typ in TABLES[kind]:
        values = frame[col]
        if typ in LIST_TYPES:
            out[col] = pd.Series(list(values), dtype=object, index=frame.index)
        elif typ == "str":
            out[col] = values.fillna("").astype(str)
        else:
            out[col] = values.astype(dtypes[typ])
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def parts(folder: Path) -> dict[int, Path]:
    found = {}
    if folder.is_dir():
        for path in folder.iterdir():
            m = PART.match(path.name)
            if m:
                found[int(m.group(1))] = path
    return found


def _committedparts(out: Path, kind: str) -> list[Path]:
    committed = set(parts(out / LEDGER_DIR))
    return [path for number, path in sorted(parts(out / kind).items()) if number in committed]


def read_table(out: str | Path, kind: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of a corpus-mode output folder, rows in input order.

    Parquet and CSV output give the same frame: integer, float and boolean columns typed,
    text columns as strings, ``fragments`` and ``evidence`` as Python lists. Parts of an
    unfinished chunk are ignored.

    Args:
        out: the folder given to :func:`run_corpus` (``--out``).
        kind: a key of :data:`TABLES`.
        columns: read only these columns.

    Example:
        >>> quotes = read_table("corpus-out", "quotes")  # doctest: +SKIP
        >>> quotes.groupby("speaker_type").size()  # doctest: +SKIP
    """
    import pandas as pd

    if kind not in TABLES:
        raise ValueError(f"unknown table {kind!r}; choose one of {', '.join(TABLES)}")
    out = Path(out)
    parts = _committedparts(out, kind)
    frames = []
    for path in parts:
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(path)
            frame = table.to_pandas()
            for col, typ in TABLES[kind]:
                if typ in LIST_TYPES:
                    frame[col] = pd.Series(table.column(col).to_pylist(), dtype=object)
        else:
            types = dict(TABLES[kind])
            frame = pd.read_csv(
                path, keep_default_na=False, na_values=[], dtype={c: str for c, t in types.items() if t in ("str", *LIST_TYPES)}
            )
            for col, typ in types.items():
                if typ in LIST_TYPES:
                    frame[col] = pd.Series([json.loads(v) for v in frame[col]], dtype=object)
        frames.append(typed(kind, frame))
    frame = pd.concat(frames, ignore_index=True) if frames else to_frame(kind, {})
    return frame[columns] if columns else frame


def read_tables(out: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a corpus-mode output folder (see :func:`read_table`)."""
    return {kind: read_table(out, kind) for kind in KINDS}



def scored_sentences(out: str | Path) -> pd.DataFrame:
    """Sentences with their VADER scores from corpus-mode output, shaped like
    :func:`analysis.sentiment.score_articles` with ``evidence=False`` (columns ``article,
    outlet, sentence, paragraph, start, end, text, neg, neu, pos, compound, label``), so a
    notebook can read an analysed archive instead of scoring it again.
    """
    sents = read_table(out, "sentences")
    scores = read_table(out, "sentiment").drop(columns="evidence")
    outlets = read_table(out, "articles", columns=["article", "outlet"])
    frame = sents.merge(outlets, on="article", how="left").merge(scores, on=["article", "sentence"], how="left")
    columns = ["article", "outlet", "sentence", "paragraph", "start", "end", "text", "neg", "neu", "pos", "compound", "label"]
    return frame[columns]
