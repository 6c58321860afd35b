"""How each report frames the story, compared: frame hits and profiles, headline and lead,
how often key terms occur, and the named entities only one report names (what the others
leave out).

The functions named ``*_from_tables`` read the same results from corpus-mode tables (see
:func:`analysis.corpus.tables.read_tables`) instead of analysing the articles again.
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus


def hits_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`analysis.framing.frame_sentences` of every article, from the ``frames`` table
    (with ``sentence_text`` joined back from ``sentences``)."""
    frames, sentences = tables["frames"], tables["sentences"]
    text = sentences[["article", "sentence", "text"]].rename(columns={"text": "sentence_text"})
    return frames.merge(text, on=["article", "sentence"], how="left").reset_index(drop=True)


def profile_from_tables(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`analysis.framing.frame_profile` of every article, from the ``frames`` table."""
    from .. import framing

    return framing.frame_profile(tables["frames"], tables["sentences"])


def leads_from_tables(tables: dict[str, pd.DataFrame], *, lead: int = 2) -> pd.DataFrame:
    """:func:`analysis.framing.headline_and_lead` of every article, from the ``articles`` and
    ``sentences`` tables."""
    from .. import framing

    sentences = tables["sentences"]
    parts = [
        framing.headline_and_lead((a, headline, sentences[sentences["article"] == a].drop(columns="article")), lead=lead)
        for a, headline in zip(tables["articles"]["article"], tables["articles"]["headline"])
    ]
    return pd.concat(parts, ignore_index=True) if parts else framing.headline_and_lead(("", "", sentences.head(0)))


def term_counts(contexts: pd.DataFrame, terms, labels: dict[str, str]) -> pd.DataFrame:
    """How often each term occurs, one column per label: per report (``labels`` from
    :func:`article_labels`) or per outlet (article id -> outlet; the reports of an outlet are
    added up).

    Args:
        contexts: :func:`analysis.framing.kwic_terms` output (``query, article``).
        terms: the terms asked for (rows, in this order; a term never found counts 0).
        labels: article id -> column label; columns in order of first appearance.
    """
    names = list(dict.fromkeys(labels.values()))
    counts = pd.crosstab(contexts["query"], contexts["article"].map(labels))
    return counts.reindex(index=list(terms), columns=names, fill_value=0).rename_axis(index="query", columns="outlet")


def unique_entities(corpus: Corpus, *, top: int = 8) -> dict[str, list[str]]:
    """Per article, the named entities (canonical, alias-merged) that no other article names."""
    from ..framing import entity_key
    from ..nlp.entities import extract_entities

    keys: dict[str, dict[str, str]] = {}
    for a in corpus:
        ents = extract_entities(a.text)
        ents = ents[ents["label"].isin(["PERSON", "ORGANIZATION", "LOCATION"])]
        keys[a.id] = {entity_key(name): name for name in ents["canonical"]}
    out = {}
    for a in corpus:
        others = set().union(*(set(k) for i, k in keys.items() if i != a.id)) if len(keys) > 1 else set()
        only = sorted((name for key, name in keys[a.id].items() if key not in others), key=str.lower)
        out[a.id] = only[:top]
    return out


def unique_entities_from_tables(tables: dict[str, pd.DataFrame], *, top: int = 8) -> dict[str, list[str]]:
    """:func:`unique_entities` from the ``entities`` table."""
    from ..framing import entity_key

    ents = tables["entities"]
    ents = ents[ents["label"].isin(["PERSON", "ORGANIZATION", "LOCATION"])]
    keys = {a: {} for a in tables["articles"]["article"]}
    for article_id, name in zip(ents["article"], ents["canonical"]):
        keys[article_id][entity_key(name)] = name
    counts: dict[str, int] = {}
    for k in keys.values():
        for key in k:
            counts[key] = counts.get(key, 0) + 1
    return {a: sorted((n for key, n in k.items() if counts[key] == 1), key=str.lower)[:top] for a, k in keys.items()}



def two_proportion_test(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """Two-proportion z-test (pooled): is ``k1/n1`` different from ``k2/n2`` beyond chance?

    Returns ``(z, p)`` with the two-sided p-value; ``(0.0, 1.0)`` when either group is empty
    or neither has any (or both have only) hits.

    Example:
        >>> z, p = two_proportion_test(30, 60, 10, 60)
        >>> round(z, 2), p < 0.001
        (3.87, True)
    """
    import math

    if n1 <= 0 or n2 <= 0:
        return 0.0, 1.0
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (k1 / n1 - k2 / n2) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
