"""Results side by side for a notebook: one column per article (or outlet).

:func:`frame_rule_summary` (the rule set in brief), :func:`profile_table` (frame profile),
:func:`top_terms` (most distinctive terms, with ties), :func:`actor_table` (who does what,
actors grouped by :func:`actor_key`) and :func:`stance_counts` (markers per category).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ._results import _empty
from ._tokens import _squash
from .rules import frame_rules


def _column_names(articles: Iterable[Any], labels: Mapping[Any, str] | None) -> dict[Any, str]:
    """Display name per article (``labels`` or the id); repeated names get the id added."""
    articles = list(dict.fromkeys(articles))
    names = {a: str((labels or {}).get(a) or a) for a in articles}
    counts = Counter(names.values())
    return {a: (f"{n} ({a})" if counts[n] > 1 else n) for a, n in names.items()}


def frame_rule_summary(
    hits: pd.DataFrame | None = None, *, scheme: str = "generic", examples: int = 5
) -> pd.DataFrame:
    """The frame rule set in brief: one row per question, with a few example cues.

    Args:
        hits: optionally, the output of :func:`frame_sentences`; adds which cues fired.
        scheme: ``"generic"`` or ``"policy"``.
        examples: how many cues to show per question (in rule order).

    Returns:
        DataFrame with columns ``frame, question, question_text, n_cues, examples`` (the
        first cues, comma-separated, "..." when there are more) and, when ``hits`` is
        given, ``fired`` (the cues of this question matched in the hits, sorted,
        comma-separated; empty when none).

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.

    Example:
        >>> brief = frame_rule_summary(examples=2)
        >>> brief.set_index("question").loc["conflict.2", "examples"]
        'accuse, accusation, ...'
    """
    rules = frame_rules(scheme=scheme)
    rows = []
    for (frame, question), part in rules.groupby(["frame", "question"], sort=False):
        cues = part["cue"].tolist()
        shown = ", ".join(cues[:examples]) + (", ..." if len(cues) > examples else "")
        record = {"frame": frame, "question": question,
                  "question_text": part["question_text"].iloc[0], "n_cues": len(cues),
                  "examples": shown}
        if hits is not None:
            fired = hits.loc[hits["question"] == question, "cue"] if len(hits) else []
            record["fired"] = ", ".join(sorted(set(fired)))
        rows.append(record)
    columns = ["frame", "question", "question_text", "n_cues", "examples"]
    return pd.DataFrame(rows, columns=columns + (["fired"] if hits is not None else []))


def profile_table(profile: pd.DataFrame, *, labels: Mapping[Any, str] | None = None) -> pd.DataFrame:
    """A frame profile side by side: one row per frame, one column per article.

    Args:
        profile: the output of :func:`frame_profile` (grouped by ``article``).
        labels: display names per article id (e.g. outlets); ids by default.

    Returns:
        DataFrame indexed by ``frame`` (in profile order) with one column per article
        holding ``"n of N (p%)"``: n sentences of N show the frame, p their share in
        per cent, rounded.

    Example:
        >>> from analysis.framing import frame_profile, frame_sentences
        >>> text = {"a": "Russia banned Zoom. Quiet."}
        >>> profile_table(frame_profile(frame_sentences(text), text)).loc["conflict", "a"]
        '1 of 2 (50%)'
    """
    missing = [c for c in ("article", "frame", "n_sentences", "sentences_total", "share")
               if c not in profile.columns]
    if missing:
        raise ValueError(f"profile lacks column(s) {missing}; pass frame_profile(...) by article")
    names = _column_names(profile["article"], labels)
    frames = list(dict.fromkeys(profile["frame"]))
    table = pd.DataFrame(index=pd.Index(frames, name="frame"))
    for art, name in names.items():
        part = profile[profile["article"] == art].set_index("frame")
        table[name] = [
            f"{int(part.loc[f, 'n_sentences'])} of {int(part.loc[f, 'sentences_total'])} "
            f"({100 * float(part.loc[f, 'share']):.0f}%)" if f in part.index else ""
            for f in frames
        ]
    table.columns.name = None
    return table


def top_terms(
    table: pd.DataFrame, *, top: int = 5, labels: Mapping[Any, str] | None = None
) -> pd.DataFrame:
    """The ``top`` most distinctive terms of each article, saying how many share their z.

    Short texts give many ties (every word used twice in one report and never in the
    other has the same z); ``tied`` says how many terms of the article share the z of each
    row, so that a tied group is read as a group.

    Args:
        table: the output of :func:`distinctive_terms`.
        top: terms per article.
        labels: display names per article id (e.g. outlets); adds an ``outlet`` column.

    Returns:
        DataFrame with columns ``article, rank, term, count, count_other, z, tied``
        (``outlet`` after ``article`` when ``labels`` are given), by article (in table
        order) and rank.

    Example:
        >>> from analysis.framing import distinctive_terms
        >>> t = distinctive_terms({"a": "ban ban vote vote zoom", "b": "sell zoom"})
        >>> top_terms(t, top=2)[["article", "term", "tied"]].values.tolist()
        [['a', 'ban', 2], ['a', 'vote', 2], ['b', 'sell', 1], ['b', 'zoom', 1]]
    """
    missing = [c for c in ("article", "term", "count", "count_other", "z", "rank")
               if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {missing}; pass the output of distinctive_terms")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    parts = []
    for art in dict.fromkeys(table["article"]):
        part = table[table["article"] == art].sort_values("rank")
        z = part["z"].round(9)
        tied = z.map(z.value_counts())
        parts.append(part.assign(tied=tied.astype("int64")).head(top))
    columns = ["article", "rank", "term", "count", "count_other", "z", "tied"]
    if labels is not None:
        columns.insert(1, "outlet")
    if not parts:
        return _empty(columns)
    out = pd.concat(parts, ignore_index=True)
    if labels is not None:
        names = _column_names(out["article"], labels)
        out["outlet"] = out["article"].map(names)
    return out[columns]


_DETERMINERS = frozenset({"the", "a", "an"})


def actor_key(actor: str) -> str:
    """How an actor is grouped across reports: lower case, leading "the/a/an" dropped.

    >>> actor_key("The  Kremlin")
    'kremlin'
    """
    words = _squash(actor.replace("\u2019", "'").lower()).strip().split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def actor_table(pairs: pd.DataFrame, *, labels: Mapping[Any, str] | None = None) -> pd.DataFrame:
    """Who does what, side by side: one row per actor, the actions per article.

    Actors are grouped by :func:`actor_key` (so "The Kremlin" and "the Kremlin" are one
    actor); names and pronouns are not resolved ("Peskov" and "the Kremlin spokesman"
    stay apart).

    Args:
        pairs: the output of :func:`actor_actions` (with an ``article`` column).
        labels: display names per article id; ids by default. Articles named here but
            without pairs still get a column, in this order.

    Returns:
        DataFrame with columns ``actor`` and one per article: the actions in text order,
        each once, "; "-separated, with " (xN)" when used N > 1 times; empty when the
        article gives the actor no action. Rows by number of pairs (most first), then actor.

    Example:
        >>> from analysis.framing import actor_actions
        >>> pairs = actor_actions({"a": "The Kremlin urged it. The Kremlin urged more.",
        ...                        "b": "Zoom said it. The Kremlin said no."})
        >>> actor_table(pairs).values.tolist()
        [['kremlin', 'urged (x2)', 'said'], ['zoom', '', 'said']]
    """
    missing = [c for c in ("article", "actor", "action") if c not in pairs.columns]
    if missing:
        raise ValueError(f"pairs lack column(s) {missing}; pass actor_actions(...) of named articles")
    articles = list(labels) if labels else []
    articles += [a for a in dict.fromkeys(pairs["article"]) if a not in articles]
    names = _column_names(articles, labels)
    order = ["actor_start"] if "actor_start" in pairs.columns else []
    data = pairs.sort_values(["article"] + order, kind="stable") if order else pairs
    keys = [actor_key(a) for a in data["actor"]]
    rows = {}
    for key, art, action in zip(keys, data["article"], data["action"]):
        entry = rows.setdefault(key, {"n": 0, **{a: Counter() for a in articles}})
        entry["n"] += 1
        entry[art][_squash(action.lower())] += 1
    records = []
    for key, entry in sorted(rows.items(), key=lambda kv: (-kv[1]["n"], kv[0])):
        record = {"actor": key}
        for art in articles:
            record[names[art]] = "; ".join(
                f"{act} (x{n})" if n > 1 else act for act, n in entry[art].items()
            )
        records.append(record)
    return pd.DataFrame(records, columns=["actor"] + [names[a] for a in articles])


_STANCE_ORDER = ("hedge", "distance", "booster", "evaluative", "loaded_verb")


def stance_counts(markers: pd.DataFrame, *, labels: Mapping[Any, str] | None = None) -> pd.DataFrame:
    """Stance markers counted per category and article.

    Args:
        markers: the output of :func:`stance_markers` (with an ``article`` column).
        labels: display names per article id; articles named here but without markers
            still get a column (of zeros), in this order.

    Returns:
        DataFrame indexed by ``category`` (hedge, distance, booster, evaluative,
        loaded_verb) with one integer column per article and a ``markers`` column listing
        the distinct markers found (lower case, sorted, comma-separated).

    Example:
        >>> from analysis.framing import stance_markers
        >>> m = stance_markers({"a": "Zoom reportedly left.", "b": "Putin complained."})
        >>> stance_counts(m).loc[["distance", "loaded_verb"], ["a", "b"]].values.tolist()
        [[1, 0], [0, 1]]
    """
    missing = [c for c in ("article", "category", "marker") if c not in markers.columns]
    if missing:
        raise ValueError(f"markers lack column(s) {missing}; pass stance_markers(...) of named articles")
    articles = list(labels) if labels else []
    articles += [a for a in dict.fromkeys(markers["article"]) if a not in articles]
    names = _column_names(articles, labels)
    table = pd.DataFrame(index=pd.Index(list(_STANCE_ORDER), name="category"))
    for art in articles:
        part = markers[markers["article"] == art]
        table[names[art]] = [int((part["category"] == c).sum()) for c in _STANCE_ORDER]
    table["markers"] = [
        ", ".join(sorted({_squash(m.lower()) for m in markers.loc[markers["category"] == c, "marker"]}))
        for c in _STANCE_ORDER
    ]
    return table
