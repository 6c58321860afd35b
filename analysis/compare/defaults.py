"""What to follow when the user names nothing: the people and organisations the reports
mention most (:func:`default_targets`) and the words that set the reports apart
(:func:`default_terms`), taken from the selected reports themselves.

Notebooks 02, 03 and 05 call these when their ``TARGETS`` or ``TERMS`` parameter is empty,
so that every page speaks of the names and words of the story at hand, and say so in one
line (:func:`taken_line`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

#: Entity labels a target is taken from: who acts and speaks in a story.
TARGET_LABELS = ("PERSON", "ORGANIZATION")


def _entity_mentions(selection) -> pd.DataFrame:
    """``article, text, label, canonical`` of every person and organisation mention, from the
    corpus-mode ``entities`` table or found in the texts (:func:`analysis.entities.extract_entities`)."""
    columns = ["article", "text", "label", "canonical"]
    if selection.from_tables:
        mentions = selection.tables["entities"][columns]
    else:
        from ..nlp.entities import extract_entities

        parts = [extract_entities(text).assign(article=article_id) for article_id, text in selection.texts.items()]
        parts = [p[columns] for p in parts if len(p)]
        mentions = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return mentions[mentions["label"].isin(TARGET_LABELS)].reset_index(drop=True)


def default_targets(selection, *, n: int = 3) -> list[str]:
    """The ``n`` people and organisations the selected reports mention most, by name.

    Mentions are grouped by their canonical name (``Dmitry Peskov`` takes in ``Peskov``, also
    across reports);
    names are ranked by how many reports mention them, then by how many times, then
    alphabetically. Each is given in the form the reports use most often (``Peskov`` rather
    than ``Dmitry Peskov`` when the surname is what they mostly write; the shorter on a tie),
    so that following it as a term (:func:`analysis.sentiment.tone_towards`) finds most of
    its mentions.

    Args:
        selection: the reports (:func:`analysis.compare.select`).
        n: how many names at most.

    Returns:
        Up to ``n`` names, most mentioned first (fewer when the reports name fewer).

    Example:
        >>> from analysis.corpus import Article, Corpus
        >>> from analysis.compare import select
        >>> text = "Mayor Ada Byrne said the Harbour Board would act. Byrne said so twice."
        >>> default_targets(select(corpus=Corpus([Article(id="a", text=text)])), n=2)
        ['Byrne', 'Harbour Board']
    """
    mentions = _entity_mentions(selection)
    if mentions.empty:
        return []
    reports: dict[str, set] = {}
    times: Counter = Counter()
    forms: dict[str, Counter] = {}
    keys = _merged_short_names(mentions["canonical"].fillna("").astype(str).where(lambda c: c != "", mentions["text"]))
    for article_id, text, key in zip(mentions["article"], mentions["text"], keys):
        reports.setdefault(key, set()).add(article_id)
        times[key] += 1
        forms.setdefault(key, Counter())[str(text)] += 1
    ranked = sorted(reports, key=lambda key: (-len(reports[key]), -times[key], key.lower()))
    names: list[str] = []
    for key in ranked:
        name = min(forms[key], key=lambda form: (-forms[key][form], len(form), form))
        if name.lower() not in {taken.lower() for taken in names}:
            names.append(name)
        if len(names) == n:
            break
    return names


def _merged_short_names(names: pd.Series) -> list[str]:
    """Each name, or the one longer name of the reports it is the last word of: a report that
    writes only "Byrne" speaks of the "Ada Byrne" another report names in full (the entity
    finder links short names within one text only). A surname shared by two full names stays."""
    full: dict[str, set[str]] = {}
    for name in set(names):
        words = name.split()
        if len(words) > 1:
            full.setdefault(words[-1].lower(), set()).add(name)
    out = []
    for name in names:
        longer = full.get(name.lower(), set()) if len(name.split()) == 1 else set()
        out.append(next(iter(longer)) if len(longer) == 1 else name)
    return out


def default_terms(selection, *, n: int = 3, min_count: int = 2) -> list[str]:
    """The ``n`` words that set the selected reports apart most, one report at a time.

    Each report's (or, with many reports, each outlet's) words are ranked by their Fightin'
    Words z-score against the other reports (:func:`analysis.framing.distinctive_terms`,
    stop words left out); the terms are taken in turn from each report's list, best first,
    keeping words used at least ``min_count`` times. With a single report there is nothing to
    set it apart from: its most frequent words are taken instead.

    Args:
        selection: the reports (:func:`analysis.compare.select`).
        n: how many terms at most.
        min_count: a word used fewer times in all the reports together is passed over.

    Returns:
        Up to ``n`` lower-case words, in the order taken.
    """
    from .. import framing

    texts = selection.column_texts
    if len(texts) < 2:
        counts = (
            framing.distinctive_terms({"a": " ".join(texts.values()), "b": ""}, min_count=min_count) if texts else None
        )
        if counts is None or counts.empty:
            return []
        counts = counts[counts["article"] == "a"].sort_values(["count", "term"], ascending=[False, True])
        return counts["term"].head(n).tolist()
    table = framing.distinctive_terms(texts, min_count=min_count)
    table = table[table["z"] > 0].sort_values(["article", "rank", "term"])
    lists = [group["term"].tolist() for _, group in table.groupby("article", sort=False)]
    return _round_robin(lists, n)


def _round_robin(lists: Sequence[list[str]], n: int) -> list[str]:
    """The first item of each list, then the second of each..., skipping repeats, up to ``n``.

    >>> _round_robin([["ferry", "fare"], ["vote"], ["fare", "pier"]], 4)
    ['ferry', 'vote', 'fare', 'pier']
    """
    out: list[str] = []
    for i in range(max((len(items) for items in lists), default=0)):
        for items in lists:
            if i < len(items) and items[i] not in out:
                out.append(items[i])
                if len(out) == n:
                    return out
    return out


def taken_line(kind: str, names: Sequence[str], *, how: str) -> str:
    """The one line a notebook prints when it took its ``kind`` from the reports.

    >>> taken_line("Targets", ["Byrne", "Harbour Board"], how="the people and organisations they name most")
    'Targets taken from the reports (the people and organisations they name most): Byrne, Harbour Board'
    """
    if not names:
        return f"{kind} taken from the reports ({how}): none found."
    return f"{kind} taken from the reports ({how}): {', '.join(names)}"
