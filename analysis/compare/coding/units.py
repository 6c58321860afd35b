"""The units of a coding sheet: the statements and articles of a selection, and the suite's key.

Students get blank answer columns; the suite's own answers (speaker and type of every
statement, frames of every article) are kept apart as the *key*, so a student's coding can
be compared with the suite's after the exercise without being shown before it.

Example:
    >>> from analysis import compare
    >>> units = coding_units(compare.select(articles=["002_96cf24b8358f7f15"]))
    >>> list(units.statements.columns)
    ['unit', 'article', 'outlet', 'passage', 'speaker', 'speaker_type']
    >>> units.statements["speaker"].eq("").all() and not units.key_statements["speaker"].eq("").all()
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .codebook import FRAMES

#: The answer columns of each sheet (left blank for the students).
STATEMENT_ANSWERS = ["speaker", "speaker_type"]
FRAME_ANSWERS = list(FRAMES)


@dataclass(frozen=True)
class CodingUnits:
    """What a coding sheet holds.

    Attributes:
        statements: one row per attributed statement: ``unit, article, outlet, passage``
            and blank ``speaker, speaker_type``.
        frames: one row per article: ``unit, article, outlet, headline`` and a blank column
            per frame.
        articles: ``article, outlet, headline, text``: what the students read.
        key_statements: ``unit`` and the suite's ``speaker, speaker_type``.
        key_frames: ``unit`` and the suite's answer (``yes``/``no``) per frame.
    """

    statements: pd.DataFrame
    frames: pd.DataFrame
    articles: pd.DataFrame
    key_statements: pd.DataFrame
    key_frames: pd.DataFrame


def _passage(sentences: pd.DataFrame, lo: int, hi: int) -> str:
    """The sentences of one article that overlap the characters ``lo:hi``, joined."""
    inside = sentences[(sentences["end"] > lo) & (sentences["start"] < hi)]
    return " ".join(" ".join(str(t).split()) for t in inside["text"])


def coding_units(selection) -> CodingUnits:
    """The units to code for the reports of ``selection`` (:func:`analysis.compare.select`)."""
    from ... import framing

    outlets, ids = selection.outlets, selection.ids
    headlines = dict(zip(selection.articles["article"], selection.articles["headline"].fillna("")))
    quotes, sentences = selection.quotes, selection.sentences
    rows, key = [], []
    for position, article in enumerate(ids, start=1):
        mine = quotes[quotes["article"] == article]
        own_sentences = sentences[sentences["article"] == article]
        for number, q in enumerate(mine.itertuples(index=False), start=1):
            spans = [(q.start, q.end)] + [(a, b) for a, b in ((q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)) if a >= 0]
            unit = f"S{position}.{number}"
            passage = _passage(own_sentences, min(a for a, _ in spans), max(b for _, b in spans))
            rows.append((unit, article, outlets.get(article, ""), passage, "", ""))
            key.append((unit, q.speaker, q.speaker_type))
    statements = pd.DataFrame(rows, columns=["unit", "article", "outlet", "passage", *STATEMENT_ANSWERS])
    key_statements = pd.DataFrame(key, columns=["unit", *STATEMENT_ANSWERS])

    decided = framing.article_frames(selection.texts)  # the suite's article-level frames
    frame_rows, frame_key = [], []
    for position, article in enumerate(ids, start=1):
        unit = f"F{position}"
        frame_rows.append((unit, article, outlets.get(article, ""), headlines.get(article, ""), *[""] * len(FRAME_ANSWERS)))
        present = decided[decided["article"] == article].set_index("frame")["present"]
        frame_key.append((unit, *["yes" if bool(present.get(f, False)) else "no" for f in FRAME_ANSWERS]))
    frames = pd.DataFrame(frame_rows, columns=["unit", "article", "outlet", "headline", *FRAME_ANSWERS])
    key_frames = pd.DataFrame(frame_key, columns=["unit", *FRAME_ANSWERS])
    texts = selection.texts
    articles = pd.DataFrame(
        [(a, outlets.get(a, ""), headlines.get(a, ""), texts[a]) for a in ids], columns=["article", "outlet", "headline", "text"]
    )
    return CodingUnits(statements, frames, articles, key_statements, key_frames)
