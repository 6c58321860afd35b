"""The tone towards each target mention of a text: one row per mention, with its label, its
score and the words and cues that decided it.

The tone of a sentence and the tone towards someone in it differ: in "Brown praised Green,
whose reckless lies had hurt the town", the sentence is negative for VADER, the tone towards
Green is negative, and Brown, who only praises, is not spoken of negatively. :func:`target_tone` reads each mention with the
trained model of :mod:`.target_model`.

References:
    Hamborg, F. & Donnay, K. (2021). NewsMTSC: A Dataset for (Multi-)Target-dependent
    Sentiment Classification in Political News Articles. EACL 2021.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..nlp.text import sentence_spans
from .target_features import tokenize
from .target_mentions import find_mentions
from .target_model import predict

TARGET_TONE_COLUMNS = ["start", "end", "target", "mention", "via", "label", "score", "evidence"]


def _as_spans(text: str, targets) -> list[dict] | None:
    """The targets as mention dicts when they are character spans, else None."""
    items = list(targets)
    if not items or not all(isinstance(t, (tuple, list)) and len(t) == 2 for t in items):
        return None
    out = []
    for a, b in items:
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
            raise ValueError(f"target span ({a}, {b}) is not inside the text (0 to {len(text)} characters)")
        out.append({"target": text[a:b], "start": a, "end": b, "via": "span"})
    return out


#: a sentence end followed by the start of another sentence (else the text is one sentence)
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019')]*\s+[\"\u201c\u2018(]*[A-Z0-9]|\n")


def _sentences(text: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text``; a text with no sentence break inside is one sentence."""
    if not _SENTENCE_BREAK.search(text.rstrip()):
        return [(0, len(text))]
    return [(s, e) for _p, s, e in sentence_spans(text)] or [(0, len(text))]


def tone_rows(text: str, mentions: list[dict]) -> list[dict]:
    """The rows of :func:`target_tone` for mention dicts ``target, start, end, via``."""
    spans = _sentences(text)
    tokens: dict[int, list] = {}
    rows = []
    for m in mentions:
        k = next((i for i, (_s, e) in enumerate(spans) if m["start"] < e), len(spans) - 1)
        s0, e0 = spans[k]
        sentence = text[s0:e0]
        if k not in tokens:
            tokens[k] = tokenize(sentence)
        label, score, evidence = predict(sentence, m["start"] - s0, min(m["end"], e0) - s0, tokens[k])
        for ev in evidence:
            ev["start"] += s0
            ev["end"] += s0
        rows.append({**m, "mention": text[m["start"]:m["end"]], "label": label, "score": score, "evidence": evidence})
    return rows


def target_tone(text: str, targets: Sequence[str] | Sequence[tuple[int, int]], *, pronouns: bool = True) -> pd.DataFrame:
    """The tone towards each mention of the targets in ``text``.

    Args:
        text: a sentence, a paragraph or a whole article.
        targets: names (``["Donald Trump", "FBI"]``: found with their aliases, dotted forms,
            surnames and titles, and the pronouns that refer to them; see
            :func:`analysis.sentiment.target_mentions.find_mentions`) or character spans
            ``[(start, end), ...]`` of the mentions to read.
        pronouns: with names, also read the pronouns that refer to a target.

    Returns:
        One row per mention in text order: ``start, end`` (offsets into ``text``),
        ``target`` (the name given, or the span's text), ``mention`` (the words in the
        text), ``via`` (``name``, ``surname``, ``pronoun`` or ``span``), ``label``
        (negative / neutral / positive), ``score`` (P(positive) − P(negative), −1…1) and
        ``evidence``: a list of dicts ``text, start, end, cue, weight`` (offsets into
        ``text``; weight > 0 pushes towards positive), strongest first.

    Raises:
        TypeError: ``targets`` is one string instead of a list.
        ValueError: a span lies outside the text.

    Example:
        >>> t = target_tone("Brown praised Green, whose reckless lies had hurt the town.", ["Brown", "Green"])
        >>> t[["target", "label"]].values.tolist()
        [['Brown', 'neutral'], ['Green', 'negative']]
    """
    if isinstance(targets, str):
        raise TypeError("targets must be a list of names or of (start, end) spans, e.g. ['Zoom']")
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    mentions = _as_spans(text, targets)
    if mentions is None:
        names = [str(t) for t in targets]
        mentions = find_mentions(text, names, pronouns=pronouns) if text.strip() and names else []
    if not mentions:
        return pd.DataFrame(columns=TARGET_TONE_COLUMNS)
    rows = tone_rows(text, mentions)
    return pd.DataFrame.from_records(rows, columns=TARGET_TONE_COLUMNS)
