"""What does one report carry that the other leaves out? Entities, numbers and noun phrases
counted in both reports.

Entities come from :mod:`.entity_items`; numbers (with their units, and dates) from a
pattern built on ``analysis/lexicons/months.txt``; noun phrases from part-of-speech tags,
leaving out the fixed expressions of ``analysis/lexicons/omission_fixed_expressions.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..lexicons import words
from ._results import _empty, _frame
from ._sentences import _as_sentences, _rebuild_texts
from ._tokens import _squash, _tagged, _Tok
from .chunks import _NOUN
from .concordance import _phrase_regex
from .cues import _compile, _index, _match_cues
from .entity_items import _entity_mentions

_MONTHS = "|".join(month.capitalize() for month in words("months.txt"))
_NUMBER_ITEM = re.compile(
    rf"""(?<![\w.,])(?:
        (?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?            # April 7, April 08, 2021
      | \d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?              # 7 April 2021
      | [$\u20ac\u00a3]\s?\d+(?:[.,]\d+)*(?:\s(?:million|billion|trillion|thousand))?
      | \d+(?:[.,]\d+)*(?:\s?%|\s(?:percent|per\ cent|million|billion|trillion|thousand))?
    )(?![\w%]|[.,]\d)""",
    re.VERBOSE,
)
# Fixed expressions whose nouns are not content ("of course", "at the moment").
_IDIOMS = _index(_compile("idiom", "idiom", words("omission_fixed_expressions.txt")))
_KIND_ORDER = {"entity": 0, "number": 1, "noun_phrase": 2}
_WHERE = ("only in A", "in both", "only in B")


def _candidates(toks: list[_Tok], text: str) -> list[tuple[str, str, int, int]]:
    """``(kind, surface, start, end)`` numbers and noun phrases of one sentence (sentence
    offsets). Entities come from :func:`analysis.entities.extract_entities` instead."""
    out = []
    number_spans = []
    for m in _NUMBER_ITEM.finditer(text):
        out.append(("number", m.group(), m.start(), m.end()))
        number_spans.append((m.start(), m.end()))
    n = len(toks)
    # noun phrases: (JJ)* (NN.*)+ with a common noun, a proper noun never after a common one
    idioms = [(toks[i].start, toks[j - 1].end) for _, i, j in _match_cues(toks, _IDIOMS)]
    i = 0
    while i < n:
        j = i
        while j < n and toks[j].tag in ("JJ", "JJR", "JJS"):
            j += 1
        k = j
        while k < n and toks[k].tag in _NOUN and not (
            k > j and toks[k].tag in ("NNP", "NNPS") and toks[k - 1].tag in ("NN", "NNS")
        ):
            k += 1
        if k > j:
            s, e = toks[i].start, toks[k - 1].end
            if (
                any(toks[x].tag in ("NN", "NNS") for x in range(j, k))
                and any(c.isalpha() for c in text[s:e])
                and not any(a <= s and e <= b for a, b in idioms)
                and not any(a <= s < b for a, b in number_spans)
            ):
                out.append(("noun_phrase", text[s:e], s, e))
            i = k
        else:
            i = max(j, i + 1)
    return out


def _number_regex(item: str) -> re.Pattern[str]:
    """Whole-number regex: "7" does not match inside "17", "1.7" or "7%"."""
    body = r"\s+".join(re.escape(w) for w in item.split())
    return re.compile(r"(?<![\w.,])" + body + r"(?![\w%]|[.,]\d)", re.IGNORECASE)


def _count_item(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _item_counts(frame: pd.DataFrame, ids: tuple) -> dict[str, dict]:
    """Every candidate item of the articles ``ids`` (entities, numbers, noun phrases) with
    its count in each of them (``counts``, in the order of ``ids``) and the first
    occurrence as evidence: in the first article of ``ids`` that has it (for an entity),
    or where it was first found (numbers and noun phrases, read article by article)."""
    rebuilt = _rebuild_texts(frame[frame["article"].isin(list(ids))], True)
    mentions = _entity_mentions(frame, rebuilt, ids)
    found: dict[str, dict] = {}
    entity_forms: set[str] = set()
    for key, part in mentions.groupby("key", sort=True):
        holders = [art for art in ids if (part["article"] == art).any()]
        first = part[part["article"] == holders[0]].iloc[0]
        art = first["article"]
        sent = frame[(frame["article"] == art) & (frame["sentence"] == first["sentence"])].iloc[0]
        found[key] = {
            "item": key, "kind": "entity", "label": first["label"],
            "counts": [int((part["article"] == art_id).sum()) for art_id in ids],
            "forms": " | ".join(sorted(set(part["text"]))),
            "example_article": art, "example_sentence": int(first["sentence"]),
            "sentence_text": sent["text"], "start": int(first["start"]), "end": int(first["end"]),
        }
        entity_forms |= {_squash(t.lower()) for t in part["text"]} | {key}
    for art in ids:
        part = frame[frame["article"] == art].sort_values("start")
        for row in part.itertuples(index=False):
            toks = _tagged(row.text)
            for kind, surface, s, e in _candidates(toks, row.text):
                key = _squash(surface.lower()).strip()
                if key in found or key in entity_forms:
                    continue
                pattern = _number_regex(key) if kind == "number" else _phrase_regex(key)
                counts = [_count_item(pattern, rebuilt[art_id]) for art_id in ids]
                if not any(counts):  # e.g. a phrase split by a line break in the rebuilt text
                    counts = [int(art_id == art) for art_id in ids]
                found[key] = {
                    "item": key, "kind": kind, "label": "", "counts": counts,
                    "forms": _squash(surface),
                    "example_article": art, "example_sentence": int(row.sentence),
                    "sentence_text": row.text,
                    "start": int(row.start) + s, "end": int(row.start) + e,
                }
    return found


def _check_articles(texts: Any, names) -> pd.DataFrame | None:
    """The sentences frame of ``texts``, after checking that it names every article of
    ``names``; ``None`` for an empty dict."""
    frame, has_article = _as_sentences(texts)
    if not has_article:
        raise ValueError("omissions needs articles with ids: pass a dict {article_id: text}")
    if frame.empty and isinstance(texts, Mapping) and not texts:
        return None
    present = set(frame["article"])
    for name in names:
        if name not in present:
            raise ValueError(f"article {name!r} not found; have {sorted(map(str, present))}")
    return frame


_OMISSION_COLUMNS = ["item", "kind", "label", "where", "count_a", "count_b", "forms",
                     "example_article", "example_sentence", "sentence_text", "start", "end"]


def omissions(texts: Any, *, a: str, b: str) -> pd.DataFrame:
    """Candidate content one report carries and the other does not.

    Three kinds of candidate are collected from both reports:

    - ``entity``: people, organisations and places found by
      :func:`analysis.entities.extract_entities`. Each mention counts as its ``canonical``
      name, so short forms are linked to the full name ("Peskov" -> "Dmitry Peskov",
      "Zoom" -> "Zoom Video Communications"), within a report and across the two; then
      :data:`ENTITY_ALIASES` merges other names of one place or body ("U.S.", "US",
      "United States" -> ``united states``; "CIS" -> ``commonwealth of independent
      states``). Entities are counted as mentions, not as strings.
    - ``number``: percentages, amounts, years and dates such as "April 7", counted as
      whole numbers ("7" is not found in "17").
    - ``noun_phrase``: adjectives + nouns, ``(JJ)*(NN.*)+``, with at least one common noun,
      counted as whole-word, case-insensitive strings.

    Limits: a role ("the Kremlin spokesman") is not linked to the person who holds it; an
    item counted as absent may be paraphrased; adjectives of nationality ("American") are
    not entities; tagger errors produce odd noun phrases. Read the table as leads to check,
    not facts.

    Args:
        texts: a dict ``{article_id: text}`` (or a sentences frame with an ``article``
            column) holding at least the two articles compared.
        a: id of the first article.
        b: id of the second article.

    Returns:
        One row per candidate, ordered by ``where``, kind and decreasing count, with
        columns ``item`` (lower case; for entities the linked, aliased name), ``kind``
        (``entity``, ``number``, ``noun_phrase``), ``label`` (``PERSON``,
        ``ORGANIZATION`` or ``LOCATION`` for entities, empty otherwise), ``where``
        (``"only in A"``, ``"in both"`` or ``"only in B"``), ``count_a``, ``count_b``,
        ``forms`` (the spellings found, sorted, joined by " | "), ``example_article``
        (the article holding the example: ``a`` unless the item is only in ``b``),
        ``example_sentence`` (sentence number there), ``sentence_text``, and ``start,
        end`` (offsets of the first occurrence in that article's text).

    References:
        Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
        Journal of Communication, 43(4), 51-58 (framing works as much through what is
        omitted as through what is included).

    Example:
        >>> t = omissions({"x": "The U.S. firm lost 5% of sales.",
        ...                "y": "Sales in the United States grew."}, a="x", b="y")
        >>> t.set_index("item").loc[["5%", "united states"], "where"].tolist()
        ['only in A', 'in both']
    """
    columns = _OMISSION_COLUMNS
    frame = _check_articles(texts, (a, b))
    if frame is None:
        return _empty(columns)
    found = _item_counts(frame, (a, b))
    for info in found.values():
        info["count_a"], info["count_b"] = info.pop("counts")
    rows = []
    for info in found.values():
        ca, cb = info["count_a"], info["count_b"]
        where = _WHERE[1] if ca and cb else (_WHERE[0] if ca else _WHERE[2])
        rows.append({**info, "where": where})
    out = _frame(rows, columns)
    if out.empty:
        return out
    out["_w"] = out["where"].map({w: i for i, w in enumerate(_WHERE)})
    out["_k"] = out["kind"].map(_KIND_ORDER)
    out["_n"] = out["count_a"] + out["count_b"]
    out = out.sort_values(
        ["_w", "_k", "_n", "item"], ascending=[True, True, False, True], kind="stable"
    )
    out = out.drop(columns=["_w", "_k", "_n"]).reset_index(drop=True)
    return out.astype({"count_a": "int64", "count_b": "int64", "example_sentence": "int64",
                       "start": "int64", "end": "int64"})


def omission_table(
    table: pd.DataFrame,
    *,
    kinds: Iterable[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    names: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Pivot :func:`omissions` into three side-by-side columns: only in A / in both / only in B.

    Args:
        table: the output of :func:`omissions`.
        kinds: keep only these kinds (``entity``, ``number``, ``noun_phrase``); all by default.
        top: keep at most this many items per column (most frequent first).
        min_count: keep only items found at least this many times in both texts together.
        names: display names of A and B (e.g. their outlets); the columns are then
            ``only in <A>``, ``in both``, ``only in <B>`` (" (A)" and " (B)" are added when
            the two names are the same).

    Returns:
        DataFrame with columns ``only in A``, ``in both``, ``only in B`` (or the named
        versions); row i holds the i-th item of each column (kind order, then frequency),
        empty strings pad the shorter columns.

    References:
        Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
        Journal of Communication, 43(4), 51-58.

    Example:
        >>> t = omissions({"x": "Zoom lost 5% of sales.", "y": "Zoom sold more."}, a="x", b="y")
        >>> omission_table(t, kinds=["number"]).columns.tolist()
        ['only in A', 'in both', 'only in B']
    """
    missing = [c for c in ("item", "kind", "where") if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass the output of omissions")
    data = table if kinds is None else table[table["kind"].isin(list(kinds))]
    if min_count > 1:
        data = data[(data["count_a"] + data["count_b"]) >= min_count]
    cols = {}
    for where in _WHERE:
        items = data.loc[data["where"] == where, "item"].tolist()
        cols[where] = items if top is None else items[:top]
    length = max((len(v) for v in cols.values()), default=0)
    out = pd.DataFrame({w: v + [""] * (length - len(v)) for w, v in cols.items()},
                       columns=list(_WHERE))
    if names is not None:
        name_a, name_b = names
        if name_a == name_b:
            name_a, name_b = f"{name_a} (A)", f"{name_b} (B)"
        out.columns = [f"only in {name_a}", "in both", f"only in {name_b}"]
    return out
