"""Attributed statements of a text: the three passes run in order, as one table.

:func:`extract_quotes` finds direct quotes and transcript turns (:mod:`.direct`), then
reported speech (:mod:`.reported`), keeps one statement per content span, and resolves
and types the speakers (:mod:`.records`).
"""

from __future__ import annotations

import re

import pandas as pd

from ..nlp.parsed import ParsedText, parse
from .direct import _direct_quotes, _transcript_turns
from .marks import find_quote_spans
from .records import _resolve_and_frame, _Row
from .reported import _reported_speech
from .verbs import cue_connotation

#: The columns of :func:`extract_quotes`, in order.
QUOTE_COLUMNS = [
    "speaker", "speaker_type", "named", "type_guessed", "kind", "cue", "cue_class", "quote", "start", "end",
    "speaker_start", "speaker_end", "mention", "cue_start", "cue_end", "sentence",
    "words", "confidence", "pattern", "fragments",
]  # fmt: skip


def extract_quotes(text: str | ParsedText, *, resolve_pronouns: bool = True) -> pd.DataFrame:
    """Attributed statements in ``text``: one row per statement, in text order.

    Args:
        text: an article's text (offsets refer to it), or its parse
            (:class:`analysis.nlp.parsed.ParsedText`, an article's ``parsed``), whose
            sentences and entities are then used rather than computed again.
        resolve_pronouns: map pronouns and role phrases to the named source they refer to;
            when False the mention itself is the speaker.

    Returns:
        DataFrame with columns :data:`QUOTE_COLUMNS`: ``speaker`` (canonical source name),
        ``speaker_type`` (:data:`SPEAKER_TYPES` or ``other``/``unnamed``), ``named``
        (a name, not a description), ``type_guessed`` (True when no word of the article says
        what the source is, "Tom Hale said", and the type is a guess from the rest of the
        story: the least reliable types, see ``docs/sources.md``), ``kind``
        (direct / indirect / partial), ``cue`` (the reporting expression as written) and
        ``cue_class`` (neutral / loaded / hedged / belief: a belief verb such as "thinks"
        or "hopes" reports a stance, not words said), ``quote`` and its ``start``/``end`` (the
        attributed content, without quotation marks), ``speaker_start``/``speaker_end`` (the
        speaker mention used, -1 when there is none), ``mention``, ``cue_start``/``cue_end``,
        ``sentence`` (index), ``words`` (in the content), ``confidence`` (0-1) and
        ``pattern`` (the rule that fired).

    Example:
        >>> df = extract_quotes('"We will win," Mayor Ana Ruiz said.')
        >>> df[["speaker", "kind", "cue", "quote"]].values.tolist()
        [['Ana Ruiz', 'direct', 'said', 'We will win,']]
    """
    records = _quote_records(text, resolve_pronouns)
    return pd.DataFrame.from_records(records, columns=QUOTE_COLUMNS) if records else _empty()


def quote_columns(text: str | ParsedText, *, resolve_pronouns: bool = True) -> dict[str, list]:
    """:func:`extract_quotes` as plain lists, one per column of :data:`QUOTE_COLUMNS`.

    The same statements in the same order, without building a DataFrame (corpus mode
    writes the lists straight to its tables). Arguments as for :func:`extract_quotes`.

    Example:
        >>> quote_columns('"We will win," Mayor Ana Ruiz said.')["speaker"]
        ['Ana Ruiz']
    """
    records = _quote_records(text, resolve_pronouns)
    return {c: [r[c] for r in records] for c in QUOTE_COLUMNS}


def _quote_records(source: str | ParsedText, resolve_pronouns: bool) -> list[dict]:
    doc = parse(source)
    text = doc.text
    if not text or not text.strip():
        return []
    _, starts, ends = doc.sentence_bounds
    sent_spans = list(zip(starts, ends))
    ents = doc.entity_columns  # the entity table as lists (no DataFrame needed here)
    paragraphs = doc.paragraph_spans  # found once for the parse, read by both passes
    quotes = find_quote_spans(text, paragraphs)
    rows: list[_Row] = []
    rows += _direct_quotes(text, quotes, sent_spans)
    rows += _transcript_turns(text, ents, sent_spans, quotes, paragraphs)
    rows += [r for r in _reported_speech(text, quotes, sent_spans, rows) if not _belief_before_cue(text, r)]
    rows.sort(key=lambda r: (r.start, r.end))
    rows = _drop_overlaps(rows)
    return _resolve_and_frame(text, rows, ents, sent_spans, resolve_pronouns)


def _belief_before_cue(text: str, row: _Row) -> bool:
    """A belief verb after its content with an object of its own ("the judge many senators
    fear Clinton would choose", "what he wants in the platform"): the content before it is no
    stance of its subject. An aside ("..., he hopes, ...") or a closing "..., they think." stays."""
    return row.start < row.cue_start and cue_connotation(row.cue) == "belief" and _WORD_AFTER.match(text, row.cue_end) is not None


_WORD_AFTER = re.compile(r"[ \t]+[\w“\"]")


def _empty() -> pd.DataFrame:
    ints = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence", "words")
    dtypes = {c: "int64" if c in ints else "float64" if c == "confidence" else "bool" if c in ("named", "type_guessed") else "object" for c in QUOTE_COLUMNS}
    return pd.DataFrame({c: pd.Series(dtype=dtype) for c, dtype in dtypes.items()})


def _drop_overlaps(rows: list[_Row]) -> list[_Row]:
    """Keep one row per content span: direct quotes win, then higher confidence, then shorter."""
    kept: list[_Row] = []
    order = {"direct": 0, "partial": 1, "indirect": 2}
    for row in sorted(rows, key=lambda r: (order[r.kind], -r.confidence, r.end - r.start)):
        clash = False
        for other in kept:
            overlap = min(row.end, other.end) - max(row.start, other.start)
            if overlap > 0 and (overlap >= 0.5 * (row.end - row.start) or overlap >= 0.5 * (other.end - other.start)):
                if other.cue_start == row.cue_start or other.kind == "direct" or overlap >= 0.9 * (row.end - row.start):
                    clash = True
                    break
        if not clash:
            kept.append(row)
    return sorted(kept, key=lambda r: (r.start, r.end))
