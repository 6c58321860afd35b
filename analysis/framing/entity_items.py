"""Which item does an entity name count as? Entity mentions keyed across two reports.

Short forms are linked to full names within a report (by :mod:`analysis.entities`) and
across reports (:func:`_link_across`); then :data:`ENTITY_ALIASES`, read from
``analysis/lexicons/entity_aliases.csv``, merges other names of one place or body
(:func:`entity_key`). :mod:`.omitted` counts these items in each report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..lexicons import csv_rows
from ._tokens import _squash

#: Other names of one place or body, lower case -> the name used as the item, read from
#: ``analysis/lexicons/entity_aliases.csv``. Applied to entities after short forms are
#: linked ("Zoom" -> "Zoom Video Communications"), so that "U.S." in one report and "United
#: States" in the other count as one item. Only names go here: adjectives ("American",
#: "Russian") are not entities and are not mapped.
ENTITY_ALIASES: dict[str, str] = {row["alias"]: row["name"] for row in csv_rows("entity_aliases.csv")}

#: Entity labels that become omission items (dates are found by the number pattern).
_ITEM_LABELS = ("PERSON", "ORGANIZATION", "LOCATION")


def entity_key(name: str) -> str:
    """The item an entity name counts as: lower case, spaces squashed, aliases applied.

    See :data:`ENTITY_ALIASES`.

    Example:
        >>> entity_key("U.S."), entity_key("United  States"), entity_key("Kremlin")
        ('united states', 'united states', 'kremlin')
    """
    key = _squash(name.lower()).strip()
    return ENTITY_ALIASES.get(key, key)


def _link_across(labels: dict[str, str]) -> dict[str, str]:
    """Link short forms across reports: ``{key: label}`` -> ``{key: linked key}``.

    Within one report :func:`analysis.entities.extract_entities` already links "Peskov" to
    "Dmitry Peskov"; here a short form in one report is linked to a longer name in the
    other in the same way (first words of the longer name, or a person's last word).
    """
    from ..nlp.entities import link_short_forms

    surnames = {k.split()[-1] for k, lab in labels.items() if lab == "PERSON" and " " in k}
    fixed = {k: ("PERSON" if " " not in k and k in surnames else lab) for k, lab in labels.items()}
    keys = sorted(fixed)
    linked = link_short_forms(pd.DataFrame({"text": keys, "label": [fixed[k] for k in keys]}))
    return dict(zip(keys, linked))


def _entity_mentions(frame: pd.DataFrame, texts: Mapping[Any, str], names: Iterable[Any]) -> pd.DataFrame:
    """Entity mentions of each named article, keyed by their linked, aliased canonical name."""
    from ..nlp.entities import extract_entities
    from ..nlp.parsed import ParsedText

    parts = []
    for art in names:
        part = frame[frame["article"] == art].sort_values("start")
        ents = extract_entities(ParsedText(texts[art], sentences=part[["sentence", "start", "end"]]))
        ents = ents[ents["label"].isin(_ITEM_LABELS)]
        parts.append(ents.assign(article=art, key=[entity_key(c) for c in ents["canonical"]]))
    mentions = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["text", "label", "start", "end", "canonical", "sentence", "article", "key"])
    if mentions.empty:
        return mentions
    labels = {}
    for key, label in zip(mentions["key"], mentions["label"]):
        labels.setdefault(key, label)
    link = _link_across(labels)
    mentions["key"] = mentions["key"].map(link)
    return mentions.sort_values(["start"], kind="stable").reset_index(drop=True)
