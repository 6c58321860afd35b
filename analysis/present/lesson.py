"""The classroom: answer keys computed from the articles, and a gentle answer checker.

The lesson notebook (``notebooks/lesson_zoom.ipynb``) asks four questions about two reports:
which reporting verbs are loaded, whose voice dominates, what each report leaves out, and
whether the tone comes from the writer or from the sources. Students write their answers
into variables; :func:`check` compares an answer with a key that this module computes from
the articles at run time with the suite's own analyses (nothing is typed in by hand), and
:func:`feedback` tells a student which items are right, which are wrong and why, which are
not in the key, and *how many* are still to find, without naming them.

Key tables
    Every key function returns one row per candidate answer, starting with
    :data:`KEY_COLUMNS`:

    - ``report``: the report the row belongs to (its outlet, or its id when the outlet is
      unknown);
    - ``item``: the answer, lower case;
    - ``accepted``: the spellings that count as naming this item (a tuple);
    - ``right``: True when naming the item is right, False for a known wrong answer (a
      neutral verb, a source that is not the largest, a name both reports carry);
    - ``required``: True when the item is expected: if nobody names it, it counts as still
      to find;
    - ``note``: a short explanation shown to a student who names the item.

    Evidence columns (speaker, share of voice, sentence ...) follow, for the teacher.

Matching (:func:`matches`)
    Case, punctuation, a leading "the/a/an", possessive "'s" and regular inflections are
    ignored ("Urged" = "urged" = "urge" = "urges"; "sanction" = "Sanctions"); a few
    irregular forms are listed ("said" = "say"). An answer names an item when its words
    equal one accepted spelling, when it contains a whole accepted spelling plus at most
    two more words ("urged to switch"), or when all its words occur in the item's
    spellings ("Peskov" for "Dmitry Peskov", "Higher School of Economics" for the full name
    of the institute). When several items fit, the closest fit wins.

The key is what the suite's rules find, not the truth: an answer "not in the key" may be a
good answer the rules miss, and that is worth discussing in class.

Bring your own article
    :func:`load_own_article` turns pasted text or a file into an
    :class:`~analysis.corpus.Article` (the built-in :data:`DEMO_ARTICLE` when both are
    empty), raising :class:`~analysis.corpus.ArticleError` with a clear message for input
    that is no article.

References:
    Caldas-Coulthard, C. R. (1994). On reporting reporting: The representation of speech in
    factual and fictional narratives. In M. Coulthard (Ed.), *Advances in Written Text
    Analysis*. London: Routledge. (Neutral versus loaded reporting verbs.)

    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. *Journal of
    Communication*, 43(4), 51-58. (Omission as part of a frame.)

    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM-14. (The tone scores.)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from .. import config
from ..corpus import Article, Corpus, make_article, load_article

KEY_COLUMNS = ["report", "item", "accepted", "right", "required", "note"]
CHECK_COLUMNS = ["report", "answer", "status", "item", "note"]
#: The statuses :func:`check` gives, in the order :func:`feedback` reports them.
STATUSES = ("right", "wrong", "extra", "missing", "unknown report")
#: How many words an answer may add to an accepted spelling ("urged to switch").
MAX_EXTRA_WORDS = 2

# --------------------------------------------------------------------------- matching

_STOP = frozenset(
    "the a an of for to in on at and or by with from as its it his her their our my your this that "
    "these those is are was were be".split()
)
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "sold": "sell", "bought": "buy", "thought": "think",
    "felt": "feel", "won": "win", "lost": "lose", "left": "leave", "began": "begin",
    "begun": "begin", "made": "make", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "went": "go", "gone": "go", "saw": "see", "seen": "see", "knew": "know",
    "known": "know", "held": "hold", "kept": "keep", "meant": "mean", "brought": "bring",
}  # fmt: skip
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?")
_PERCENT = re.compile(r"(\d)\s*(?:%|percent\b|per\s+cent\b)", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def stem(word: str) -> str:
    """A word's base for matching: lower case, regular endings removed, irregulars looked up.

    Not a dictionary lemmatiser: it only has to map the forms of one word to the same
    string (``urge``, ``urged``, ``urges``, ``urging`` -> ``urg``); odd stems do no harm.

    >>> [stem(w) for w in ["Urged", "urge", "urging", "vowed", "agencies", "banned", "said"]]
    ['urg', 'urg', 'urg', 'vow', 'agency', 'ban', 'say']
    """
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # banned -> bann -> ban
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # urge -> urg, the same as urged -> urg
    return w


def content_words(phrase: str) -> frozenset[str]:
    """The stems of a phrase's words, without function words; aliases of places applied.

    >>> sorted(content_words("The Kremlin's spokesman"))
    ['kremlin', 'spokesman']
    >>> content_words("U.S.") == content_words("the United States"), sorted(content_words("1 percent"))
    (True, ['1%'])
    """
    from ..framing import entity_key

    text = _PERCENT.sub(r"\1%", str(phrase).replace("’", "'").strip())
    text = _LEADING_ARTICLE.sub("", text)
    text = entity_key(text)
    words = [stem(t.rstrip(".") or t) for t in _TOKEN.findall(text)]
    return frozenset(w for w in words if w and w not in _STOP)


def _forms(accepted: str | Iterable[str]) -> list[frozenset[str]]:
    forms = [accepted] if isinstance(accepted, str) else list(accepted)
    return [f for f in (content_words(x) for x in forms) if f]


def match_score(answer: str, accepted: str | Iterable[str]) -> int:
    """How closely an answer names an item: 3 same words, 2 contains it, 1 part of it, 0 no.

    Args:
        answer: what the student wrote (one item).
        accepted: the item's accepted spellings (one string or several).

    >>> match_score("Urged", "urged"), match_score("urged to switch", "urged")
    (3, 2)
    >>> match_score("Peskov", ["Dmitry Peskov", "the Kremlin spokesman"]), match_score("said", "urged")
    (1, 0)
    """
    words = content_words(answer)
    if not words:
        return 0
    forms = _forms(accepted)
    if any(words == f for f in forms):
        return 3
    if any(f <= words and len(words - f) <= MAX_EXTRA_WORDS for f in forms):
        return 2
    union = frozenset().union(*forms) if forms else frozenset()
    return 1 if words <= union else 0


def matches(answer: str, accepted: str | Iterable[str]) -> bool:
    """True when ``answer`` names the item with these accepted spellings.

    >>> matches("Urged", "urged"), matches("urge", "urged"), matches("vowed", "urged")
    (True, True, False)
    """
    return match_score(answer, accepted) > 0


# --------------------------------------------------------------------------- checking


def answer_items(answer: Any) -> list[str]:
    """The separate items of an answer: a string is split at commas, semicolons and lines.

    >>> answer_items("urged, Vowed; complained"), answer_items(["urged", ""]), answer_items(None)
    (['urged', 'Vowed', 'complained'], ['urged'], [])
    """
    if answer is None:
        return []
    if isinstance(answer, str):
        parts = re.split(r"[,;\n]", answer)
    elif isinstance(answer, Mapping):
        raise TypeError("a dict answer holds one answer per report; pass its values one by one")
    else:
        parts = [p for x in answer for p in answer_items(x)]
    out, seen = [], set()
    for part in parts:
        part = part.strip().strip("\"'“”‘’").strip()
        key = content_words(part) if part else frozenset()
        if part and key not in seen:
            seen.add(key)
            out.append(part)
    return out


def is_empty(answer: Any) -> bool:
    """True when an answer (a string, a list, or a dict of them) holds no item yet.

    >>> is_empty(""), is_empty({"Izvestia": [], "The Moscow Times": ""}), is_empty(["urged"])
    (True, True, False)
    """
    if isinstance(answer, Mapping):
        return all(is_empty(v) for v in answer.values())
    return not answer_items(answer)


def _as_key(key: Any) -> pd.DataFrame:
    """A key table from a key table, a list of items, or a dict report -> list of items."""
    if isinstance(key, pd.DataFrame):
        missing = [c for c in KEY_COLUMNS if c not in key.columns]
        if missing:
            raise ValueError(f"a key table needs the columns {KEY_COLUMNS}; missing {missing}")
        return key.reset_index(drop=True)
    if isinstance(key, Mapping):
        parts = [_as_key(items).assign(report=report) for report, items in key.items()]
        return pd.concat(parts, ignore_index=True) if parts else _key_frame([])
    items = [key] if isinstance(key, str) else list(key)
    return _key_frame(
        [{"report": "", "item": str(i).lower(), "accepted": (str(i),), "right": True, "required": True, "note": ""}
         for i in items]
    )


def _key_frame(rows: list[dict], extra: list[str] | None = None) -> pd.DataFrame:
    columns = [*KEY_COLUMNS, *(extra or [])]
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("right", "required"):
        frame[col] = frame[col].astype(bool)
    return frame


def _pooled(key: pd.DataFrame) -> pd.DataFrame:
    """One row per item over all reports: right if right anywhere; wrong rows only if never right."""
    rows = []
    for item, group in key.groupby("item", sort=False):
        right = group[group["right"]]
        use = right if len(right) else group
        accepted = tuple(dict.fromkeys(a for forms in use["accepted"] for a in forms))
        notes = "; ".join(dict.fromkeys(f"{r}: {n}" if r else n for r, n in zip(use["report"], use["note"]) if n))
        rows.append({"report": "", "item": item, "accepted": accepted, "right": bool(len(right)),
                     "required": bool(use["required"].any()), "note": notes})  # fmt: skip
    return _key_frame(rows)


def _check_one(items: list[str], key: pd.DataFrame, report: str) -> list[dict]:
    rows, named = [], set()
    for answer in items:
        scores = {i: match_score(answer, accepted) for i, accepted in key["accepted"].items()}
        scores = {i: s for i, s in scores.items() if s}
        if not scores:
            rows.append({"report": report, "answer": answer, "status": "extra", "item": "",
                         "note": "not in the computed key: check it in the text"})  # fmt: skip
            continue
        # the closest fit wins; among equals, a right item before a wrong one, then key order
        best = max(scores, key=lambda i: (scores[i], bool(key.at[i, "right"]), -list(key.index).index(i)))
        row = key.loc[best]
        named.add(best)
        # "LinkedIn and Twitter" names both items: every right item the answer contains whole
        named.update(i for i, s in scores.items() if s >= 2 and key.at[i, "right"])
        status = "right" if row["right"] else "wrong"
        rows.append({"report": report, "answer": answer, "status": status, "item": row["item"], "note": row["note"]})
    for i, row in key.iterrows():
        if row["required"] and row["right"] and i not in named:
            rows.append({"report": report, "answer": "", "status": "missing", "item": row["item"], "note": row["note"]})
    return rows


def check(answer: Any, key: Any) -> pd.DataFrame:
    """Compare an answer with a key: which items are right, wrong, extra or still missing.

    Args:
        answer: a string (several items separated by commas or semicolons), a list of
            strings, or a dict ``{report name: such an answer}``. Report names are matched
            like answers ("Moscow Times" finds "The Moscow Times"). A flat answer is checked
            against all reports of the key pooled.
        key: a key table (:data:`KEY_COLUMNS`, from the key functions of this module), a
            list of items, or a dict ``{report: list of items}``.

    Returns:
        DataFrame with columns :data:`CHECK_COLUMNS`: one row per answer item (status
        ``right``, ``wrong`` — a known wrong answer, the note says why — or ``extra``: not
        in the key), one row per expected key item that no answer named (status
        ``missing``, ``answer`` empty), and one row per report name the key does not know
        (status ``unknown report``). ``item`` is the key item matched or missing.

    Example:
        >>> result = check(["Urged", "said", "banana"], {"A": ["urged", "vowed"]})
        >>> result[["answer", "status", "item"]].values.tolist()
        [['Urged', 'right', 'urged'], ['said', 'extra', ''], ['banana', 'extra', ''], ['', 'missing', 'vowed']]
    """
    table = _as_key(key)
    reports = list(dict.fromkeys(table["report"]))
    rows: list[dict] = []
    if isinstance(answer, Mapping):
        given: dict[str, list[str]] = {}
        for name, value in answer.items():
            found = next((r for r in reports if str(name).strip().lower() == str(r).lower()), None)
            if found is None:
                scored = [(match_score(str(name), r), r) for r in reports if r]
                score, best = max(scored, default=(0, None), key=lambda x: x[0])
                found = best if score else None
            if found is None:
                rows.append({"report": str(name), "answer": ", ".join(answer_items(value)), "status": "unknown report",
                             "item": "", "note": "reports: " + ", ".join(map(str, reports))})  # fmt: skip
                continue
            given.setdefault(found, []).extend(answer_items(value))
        for report in reports:
            rows += _check_one(answer_items(given.get(report, [])), table[table["report"] == report], report)
    else:
        items = answer_items(answer)
        if len(reports) > 1:
            rows += _check_one(items, _pooled(table), "")
        else:
            rows += _check_one(items, table, reports[0] if reports else "")
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def feedback(answer: Any, key: Any, *, name: str = "your answer") -> str:
    """A student's feedback in plain words; items still to find are counted, never named.

    Args:
        answer: as for :func:`check`.
        key: as for :func:`check`.
        name: the variable the student writes in, named in the "no answer yet" message.

    Example:
        >>> print(feedback(["urged", "said"], {"A": ["urged", "vowed"]}, name="ANSWER"))
        ANSWER
          A: right: urged | not in the computed key: said (check it in the text) | still to find: 1
        >>> print(feedback([], {"A": ["urged"]}, name="ANSWER"))
        No answer yet in ANSWER: write your answer in the cell above, run it, then run this cell again.
    """
    if is_empty(answer):
        return f"No answer yet in {name}: write your answer in the cell above, run it, then run this cell again."
    result = check(answer, key)
    lines = [name]
    for report, group in result.groupby("report", sort=False):
        parts = []
        statuses = group["status"]
        if (statuses == "unknown report").all():
            lines.append(f"  {report}: unknown report name ({group['note'].iloc[0]})")
            continue
        right = group[statuses == "right"]
        if len(right):
            parts.append("right: " + ", ".join(right["answer"]))
        for row in group[statuses == "wrong"].itertuples():
            parts.append(f"not right: {row.answer} ({row.note})" if row.note else f"not right: {row.answer}")
        extra = group[statuses == "extra"]
        if len(extra):
            parts.append("not in the computed key: " + ", ".join(extra["answer"]) + " (check it in the text)")
        n_missing = int((statuses == "missing").sum())
        given = int((statuses != "missing").sum())
        if not given:
            parts.append("no answer yet")
        parts.append(f"still to find: {n_missing}" if n_missing else "nothing left to find")
        label = report or "all reports"
        lines.append(f"  {label}: " + " | ".join(parts))
    return "\n".join(lines)


# --------------------------------------------------------------------------- keys

#: Words that count as naming each side in the tone exercise.
TONE_VOICES: dict[str, tuple[str, ...]] = {
    "writer": ("writer", "reporter", "journalist", "narrator", "narration", "author", "the report itself"),
    "sources": ("sources", "source", "quoted", "quotes", "quotation", "people quoted", "speakers"),
}
_PRONOUNS = frozenset("he him his she her it its they them their we us our i me my".split())


def report_labels(articles: Iterable[Article]) -> dict[str, str]:
    """``{article id: label}``: the outlet, or the id when the outlet is unknown or shared.

    The same labels as every other side-by-side table (:func:`analysis.compare.article_labels`).

    >>> report_labels([Article(id="a", text="x", outlet="Daily"), Article(id="b", text="y")])
    {'a': 'Daily', 'b': 'b'}
    """
    from ..compare import article_labels

    return article_labels(list(articles))


def loaded_verbs_key(quotes: pd.DataFrame, *, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Key for "find the loaded reporting verbs": every reporting cue of each report.

    Loaded cues (``cue_class == "loaded"`` in :func:`analysis.sources.extract_quotes`) are
    right and expected; neutral and hedged cues used in the same report are known wrong
    answers, with a note that says their class.

    Args:
        quotes: the sources table with an ``article`` column
            (:func:`analysis.compare.quotes_by_article`).
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` plus ``cue_class``, ``statements``, ``speakers`` and
        ``example`` (the first statement the cue introduces).

    Example:
        >>> q = pd.DataFrame({"article": ["a", "a"], "cue": ["Urged", "said"], "cue_class": ["loaded", "neutral"],
        ...                   "speaker": ["X", "Y"], "quote": ["to go", "no"]})
        >>> loaded_verbs_key(q)[["item", "right", "note"]].values.tolist()
        [['urged', True, 'loaded: it judges the statement or casts the speaker in a role'], ['said', False, 'neutral: it reports without judging']]
    """
    notes = {
        "loaded": "loaded: it judges the statement or casts the speaker in a role",
        "neutral": "neutral: it reports without judging",
        "hedged": "hedged: it keeps the writer at a distance, but does not judge",
    }
    rows = []
    for article, group in quotes.groupby("article", sort=False):
        frame = group.assign(item=group["cue"].str.lower())
        for item, g in frame.groupby("item", sort=False):
            cls = g["cue_class"].iloc[0]
            rows.append({
                "report": (labels or {}).get(article, article), "item": item,
                "accepted": tuple(dict.fromkeys([item, *g["cue"]])), "right": cls == "loaded",
                "required": cls == "loaded", "note": notes.get(cls, cls), "cue_class": cls,
                "statements": len(g), "speakers": ", ".join(dict.fromkeys(g["speaker"])),
                "example": g["quote"].iloc[0],
            })  # fmt: skip
    return _key_frame(rows, ["cue_class", "statements", "speakers", "example"])


def dominant_voice_key(
    by_source: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    close: float = 3.0,
) -> pd.DataFrame:
    """Key for "whose voice dominates each report": the source with the largest share of voice.

    Share of voice is the share of a report's words attributed to a source
    (:func:`analysis.sources.source_summary`). The top source of each report is right and
    expected; a source within ``close`` percentage points of it is right too (attribution
    boundaries are approximate), and every other source is a known wrong answer.

    Args:
        by_source: per-source summaries with ``article`` (:func:`analysis.compare.sources_by_article`).
        quotes: the sources table with ``article``, ``speaker`` and ``mention``; the words a
            report uses for a source ("Peskov", "the Kremlin spokesman") are then accepted as
            names for it (pronouns and mentions longer than four words are not).
        labels: ``{article id: report name}`` (default: the ids).
        close: percentage points within which a source also counts as dominant.

    Returns:
        :data:`KEY_COLUMNS` plus ``speaker``, ``speaker_type``, ``share_of_voice``,
        ``statements`` and ``behind_top`` (percentage points behind the top source).

    Example:
        >>> s = pd.DataFrame({"article": ["a"] * 3, "speaker": ["Ann Lee", "Bo Chan", "Cy Dee"],
        ...                   "speaker_type": ["other"] * 3, "share_of_voice": [30.0, 28.5, 5.0], "statements": [2, 1, 1]})
        >>> dominant_voice_key(s)[["item", "right", "required"]].values.tolist()
        [['ann lee', True, True], ['bo chan', True, False], ['cy dee', False, False]]
    """
    mentions: dict[tuple[str, str], list[str]] = {}
    if quotes is not None and len(quotes) and "mention" in quotes.columns:
        for row in quotes.itertuples():
            m = str(row.mention or "").strip()
            if m and m.lower() not in _PRONOUNS and len(m.split()) <= 4:
                mentions.setdefault((row.article, row.speaker), []).append(m)
    rows = []
    for article, group in by_source.groupby("article", sort=False):
        group = group.sort_values("share_of_voice", ascending=False, kind="stable")
        top = float(group["share_of_voice"].iloc[0])
        for i, row in enumerate(group.itertuples()):
            share = float(row.share_of_voice)
            behind = round(top - share, 1)
            is_top = i == 0 or share == top
            right = is_top or behind <= close
            if is_top:
                note = "the largest share of this report's words"
            elif right:
                note = f"close to the largest share ({behind:g} points behind)"
            else:
                note = f"quoted, but with less room than the dominant voice ({share:g}% of the words)"
            rows.append({
                "report": (labels or {}).get(article, article), "item": str(row.speaker).lower(),
                "accepted": tuple(dict.fromkeys([row.speaker, *mentions.get((article, row.speaker), [])])),
                "right": right, "required": is_top, "note": note, "speaker": row.speaker,
                "speaker_type": row.speaker_type, "share_of_voice": share, "statements": int(row.statements),
                "behind_top": behind,
            })  # fmt: skip
    return _key_frame(rows, ["speaker", "speaker_type", "share_of_voice", "statements", "behind_top"])


def omissions_key(omitted: pd.DataFrame, *, a: str, b: str, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Key for "what context does each report leave out": what only the other report has.

    Names and numbers found only in the other report (:func:`analysis.framing.omissions`,
    kinds ``entity`` and ``number``) are right and expected; noun phrases found only in the
    other report are right when named but not expected (there are many). Items both reports
    carry, and items only this report has, are known wrong answers.

    Args:
        omitted: :func:`analysis.framing.omissions` output for articles ``a`` and ``b``.
        a: id of the first article.
        b: id of the second article.
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` (``report`` is the report that leaves the item out) plus
        ``kind``, ``label``, ``found_in``, ``count`` (mentions in the report that has it)
        and ``example`` (a sentence that holds it).

    Example:
        >>> o = pd.DataFrame({"item": ["putin", "zoom"], "kind": ["entity"] * 2, "label": ["PERSON", "ORGANIZATION"],
        ...                   "where": ["only in B", "in both"], "count_a": [0, 3], "count_b": [2, 1],
        ...                   "forms": ["Putin", "Zoom"], "sentence_text": ["s1", "s2"]})
        >>> omissions_key(o, a="x", b="y")[["report", "item", "right"]].values.tolist()
        [['x', 'putin', True], ['x', 'zoom', False], ['y', 'putin', False], ['y', 'zoom', False]]
    """
    name = {a: (labels or {}).get(a, a), b: (labels or {}).get(b, b)}
    rows = []
    for row in omitted.itertuples():
        accepted = tuple(dict.fromkeys([row.item, *[f for f in str(row.forms).split(" | ") if f]]))
        base = {"item": row.item, "accepted": accepted, "kind": row.kind, "label": row.label, "example": row.sentence_text}
        if row.where == "in both":
            for article in (a, b):
                count = row.count_a if article == a else row.count_b
                rows.append({**base, "report": name[article], "right": False, "required": False,
                             "note": "both reports have it", "found_in": "both", "count": int(count)})  # fmt: skip
            continue
        has, lacks = (a, b) if row.where == "only in A" else (b, a)
        count = int(row.count_a if has == a else row.count_b)
        expected = row.kind in ("entity", "number")
        rows.append({**base, "report": name[lacks], "right": True, "required": expected,
                     "note": f"only {name[has]} has it", "found_in": name[has], "count": count})  # fmt: skip
        rows.append({**base, "report": name[has], "right": False, "required": False,
                     "note": "this report has it; the other one leaves it out", "found_in": name[has], "count": count})  # fmt: skip
    frame = _key_frame(rows, ["kind", "label", "found_in", "count", "example"])
    order = {name[a]: 0, name[b]: 1}
    return frame.sort_values("report", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def _louder(narrator: float, quoted: float) -> str:
    n = 0.0 if narrator is None or math.isnan(narrator) else abs(narrator)
    q = 0.0 if quoted is None or math.isnan(quoted) else abs(quoted)
    return "sources" if q > n else "writer"


def tone_source_key(
    narration: pd.DataFrame,
    *,
    quotes_only: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Key for "does the tone come from the writer or from the sources?".

    The side whose pieces score further from 0 (neutral) on average carries more of the
    tone: ``sources`` when the quoted pieces' mean VADER compound is further from 0 than
    the narration's, else ``writer``. Both words are in each report's key; the computed one
    is right.

    Args:
        narration: :func:`analysis.sentiment.narration_vs_quotes` output, all attributed
            statements counted as the sources' words (``article``, ``narrator_mean``,
            ``quoted_mean`` ...).
        quotes_only: the same table with only the words inside quotation marks given to
            the sources (paraphrase counted as the writer's); adds the column
            ``if_only_quotation_marks``: the answer under that reading.
        labels: ``{article id: report name}`` (default: the ids).

    Returns:
        :data:`KEY_COLUMNS` plus ``narrator_mean``, ``quoted_mean``,
        ``narrator_share_negative``, ``quoted_share_negative`` and
        ``if_only_quotation_marks``.

    Example:
        >>> n = pd.DataFrame({"article": ["a"], "narrator_mean": [-0.05], "quoted_mean": [-0.3],
        ...                   "narrator_share_negative": [0.1], "quoted_share_negative": [0.5]})
        >>> tone_source_key(n)[["item", "right"]].values.tolist()
        [['writer', False], ['sources', True]]
    """
    other = {}
    if quotes_only is not None:
        other = {r.article: _louder(r.narrator_mean, r.quoted_mean) for r in quotes_only.itertuples()}
    rows = []
    for r in narration.itertuples():
        answer = _louder(r.narrator_mean, r.quoted_mean)
        for side, forms in TONE_VOICES.items():
            right = side == answer
            note = (
                "the side whose words score further from neutral"
                if right
                else "the other side scores further from neutral: compare narration and quotes"
            )
            rows.append({
                "report": (labels or {}).get(r.article, r.article), "item": side, "accepted": forms,
                "right": right, "required": right, "note": note,
                "narrator_mean": r.narrator_mean, "quoted_mean": r.quoted_mean,
                "narrator_share_negative": r.narrator_share_negative,
                "quoted_share_negative": r.quoted_share_negative,
                "if_only_quotation_marks": other.get(r.article, ""),
            })  # fmt: skip
    evidence = ["narrator_mean", "quoted_mean", "narrator_share_negative", "quoted_share_negative", "if_only_quotation_marks"]
    return _key_frame(rows, evidence)


def answer_keys(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The four keys of the lesson, computed from the articles with the suite's analyses.

    Returns:
        ``{"loaded_verbs", "dominant_voice", "omissions", "tone_source": key table}``; the
        omissions key compares the first two articles.

    Raises:
        ValueError: with fewer than two articles (the lesson compares two reports).
    """
    from .. import compare, framing, sentiment

    articles = list(corpus)
    if len(articles) < 2:
        raise ValueError(f"the lesson compares two reports; got {len(articles)}")
    labels = report_labels(articles)
    quotes = compare.quotes_by_article(corpus)
    by_source = compare.sources_by_article(corpus, quotes)
    sentences = corpus.sentences()
    a, b = articles[0].id, articles[1].id
    voices_all = sentiment.tone_by_voice(sentences, sentiment.voice_quotes(articles))
    voices_marks = sentiment.tone_by_voice(sentences, sentiment.voice_quotes(articles, kinds=["direct", "partial"]))
    return {
        "loaded_verbs": loaded_verbs_key(quotes, labels=labels),
        "dominant_voice": dominant_voice_key(by_source, quotes, labels=labels),
        "omissions": omissions_key(framing.omissions(sentences, a=a, b=b), a=a, b=b, labels=labels),
        "tone_source": tone_source_key(
            sentiment.narration_vs_quotes(voices_all),
            quotes_only=sentiment.narration_vs_quotes(voices_marks),
            labels=labels,
        ),
    }


def _join(items: list[str], limit: int | None) -> str:
    if limit is None or len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"


def key_summary(key: pd.DataFrame, *, limit: int | None = 10) -> pd.DataFrame:
    """The right answers of a key, one row per report: expected items, then other accepted ones.

    Columns ``report``, ``expected`` and ``also right`` (items joined by ", "; after
    ``limit`` items, how many more there are).

    >>> key = _as_key({"A": ["urged", "vowed"]})
    >>> key_summary(key).values.tolist()
    [['A', 'urged, vowed', '']]
    """
    rows = []
    for report, group in key.groupby("report", sort=False):
        right = group[group["right"]]
        rows.append({
            "report": report,
            "expected": _join(list(right.loc[right["required"], "item"]), limit),
            "also right": _join(list(right.loc[~right["required"], "item"]), limit),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["report", "expected", "also right"])


# --------------------------------------------------------------------------- examples


EXAMPLE_COLUMNS = ["concept", "report", "word", "detail", "sentence", "start", "end"]


def _sentence_at(article: Article, offset: int) -> pd.Series:
    sents = article.sentences
    inside = sents[(sents["start"] <= offset) & (offset < sents["end"])]
    return (inside if len(inside) else sents.iloc[[0]]).iloc[0]


def _pick(candidates: pd.DataFrame, column: str, prefer: str | None) -> pd.Series | None:
    if candidates.empty:
        return None
    if prefer:
        wanted = content_words(prefer)
        hit = candidates[[content_words(str(v)) == wanted for v in candidates[column]]]
        if len(hit):
            return hit.iloc[0]
    return candidates.iloc[0]


def concept_examples(corpus: Corpus, *, prefer: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One short example from the articles for each idea the suite measures.

    Concepts: a frame cue (:func:`analysis.framing.frame_sentences`), a loaded reporting
    verb (:func:`analysis.sources.extract_quotes`), a hedge
    (:func:`analysis.framing.stance_markers`) and a word that gives a sentence its tone
    (:func:`analysis.sentiment.score_articles`). For each, the example whose word is
    ``prefer[concept]`` when the articles have it, else the first one found; a concept the
    articles have no example of is left out.

    Args:
        corpus: the articles.
        prefer: ``{"frame cue": "ban", "loaded verb": "urged", "hedge": "presumably",
            "tone word": "regret"}`` (any of them).

    Returns:
        Columns :data:`EXAMPLE_COLUMNS`: ``word`` as written, ``detail`` (the frame, the
        speaker, the score ...), the ``sentence`` and the word's ``start, end`` offsets in
        that sentence.
    """
    from .. import compare, framing, sentiment

    prefer = dict(prefer or {})
    articles = {a.id: a for a in corpus}
    labels = report_labels(corpus)
    sentences = corpus.sentences()
    rows = []

    def add(concept, article_id, start, end, detail):
        article = articles[article_id]
        sent = _sentence_at(article, int(start))
        s0 = int(sent["start"])
        rows.append({"concept": concept, "report": labels[article_id], "word": article.text[int(start):int(end)],
                     "detail": detail, "sentence": sent["text"], "start": int(start) - s0, "end": int(end) - s0})  # fmt: skip

    hits = framing.frame_sentences(sentences)
    row = _pick(hits, "matched", prefer.get("frame cue"))
    if row is not None:
        add("frame cue", row["article"], row["start"], row["end"], f"a cue of the {row['frame'].replace('_', ' ')} frame")
    quotes = compare.quotes_by_article(corpus)
    loaded = quotes[quotes["cue_class"] == "loaded"] if len(quotes) else quotes
    loaded = loaded[loaded["cue_start"] >= 0] if len(loaded) else loaded
    row = _pick(loaded, "cue", prefer.get("loaded verb"))
    if row is not None:
        detail = f"introduces a statement by {row['speaker']} ({row['kind']} speech)"
        add("loaded verb", row["article"], row["cue_start"], row["cue_end"], detail)
    markers = framing.stance_markers(sentences)
    hedges = markers[markers["category"] == "hedge"]
    row = _pick(hedges, "marker", prefer.get("hedge"))
    if row is not None:
        add("hedge", row["article"], row["start"], row["end"], "softens the claim")
    scored = sentiment.score_articles(corpus)
    words = [
        {"article": r.article, "entry": e["entry"], "valence": e["valence_final"], "compound": r.compound,
         "start": int(r.start) + e["start"], "end": int(r.start) + e["end"]}
        for r in scored.itertuples() for e in (r.evidence or [])
    ]  # fmt: skip
    tone = pd.DataFrame(words, columns=["article", "entry", "valence", "compound", "start", "end"])
    row = _pick(tone.sort_values("valence", kind="stable"), "entry", prefer.get("tone word"))
    if row is not None:
        add("tone word", row["article"], row["start"], row["end"],
            f"rated {row['valence']:+.1f} by VADER; the whole sentence scores {row['compound']:+.2f}")  # fmt: skip
    return pd.DataFrame(rows, columns=EXAMPLE_COLUMNS)


def examples_html(examples: pd.DataFrame) -> str:
    """The examples as HTML: each sentence with its word marked; every text escaped."""
    from .display import mark_spans

    blocks = []
    for r in examples.itertuples():
        sentence = mark_spans(r.sentence, [(r.start, r.end, r.concept)])
        blocks.append(
            f"<p><b>{escape(r.concept)}</b> · <i>{escape(r.word)}</i> · {escape(r.report)}: "
            f"{escape(r.detail)}</p><blockquote>{sentence}</blockquote>"
        )
    return '<div class="mf-examples">' + "".join(blocks) + "</div>"


def texts_html(articles: Iterable[Article], *, labels: Mapping[str, str] | None = None) -> str:
    """The reports side by side for reading, paragraphs numbered; every text escaped."""
    columns = []
    for article in articles:
        label = (labels or {}).get(article.id, article.outlet or article.id)
        head = f"<h4>{escape(label)}</h4>"
        if article.headline:
            head += f"<p><b>{escape(article.headline)}</b></p>"
        if article.published:
            head += f"<p><i>{escape(article.published)}</i></p>"
        paras = "".join(
            f"<p><small>{i}</small> {escape(p)}</p>" for i, p in enumerate(article.paragraphs["text"], 1)
        )
        columns.append(f'<div style="flex:1;min-width:18em">{head}{paras}</div>')
    return '<div class="mf-texts" style="display:flex;gap:2em;flex-wrap:wrap">' + "".join(columns) + "</div>"


# --------------------------------------------------------------------------- your own article

#: A short news item written for this suite, so that "bring your own article" always runs.
#: The town, the people and the figures are invented.
DEMO_ARTICLE = """Harbour Town Council Delays Vote on Ferry Timetable

The council of Harbour Town on Tuesday postponed a vote on a new winter timetable for the river ferry, after residents asked for more time to comment.

"We want to get this right for the people who use the ferry every day," council leader Maria Okafor said. She added that the council would hold a public meeting on the plan next month.

The ferry operator, Blue Line Boats, said the new timetable would drop two early-morning crossings and save about 40,000 dollars a year. The company insisted that the change was needed to keep fares stable.

Shop owners near the pier complained that fewer early crossings would hurt their business. "Half of my customers come over on the first boat," said Tom Reyes, who runs a bakery by the landing.

Lena Brandt, a transport researcher at the regional university, said the savings were probably smaller than the operator expected, because fuel costs have fallen since the spring.

The council is expected to vote on the timetable in March.
"""


def load_own_article(text: str = "", file: str | Path = "", *, article_id: str = "your_article") -> Article:
    """The article to analyse: pasted ``text``, else the ``file``, else :data:`DEMO_ARTICLE`.

    A relative ``file`` is looked up from the current folder, then from the project folder
    (``seeds/...`` works from the notebooks).

    Raises:
        ArticleError: for input that is no English article (empty, binary, undecodable,
            too large, non-English, only boilerplate), naming the input and the problem.

    Example:
        >>> load_own_article().id, load_own_article("A short text. It says little.").id
        ('demo_article', 'your_article')
    """
    if str(text).strip():
        return make_article(str(text), id=article_id, source="the pasted text (ARTICLE_TEXT)")
    if str(file).strip():
        path = Path(str(file).strip()).expanduser()
        if not path.is_absolute() and not path.exists():
            for base in (config.ROOT, config.NOTEBOOKS_DIR):
                if (base / path).exists():
                    path = base / path
                    break
        return load_article(path)
    return make_article(DEMO_ARTICLE, id="demo_article", source="the built-in demo text")


def with_others(article: Article, others: Iterable[Article]) -> Corpus:
    """One corpus of ``article`` first and ``others``; the article's id is changed if taken."""
    others = list(others)
    taken = {o.id for o in others}
    if article.id in taken:
        article = replace(article, id=f"{article.id}_yours")
    return Corpus([article, *others])
