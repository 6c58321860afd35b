"""Which news frames does each sentence show, and how many sentences per article show each?

:func:`frame_sentences` codes every sentence with the cue rules of :mod:`.rules` (one row
per cue match, with offsets); :func:`frame_columns` does the same for one article given as
lists; :func:`frame_profile` counts, per article and frame, the sentences that show it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..lexicons import table, words
from ._results import _empty, _frame, _key_columns
from ._sentences import _as_sentences
from ._tokens import _Tok, _tokens_lower
from .cues import _compile, _index, _match_cues
from .rules import _FIRST_PERSON, _FIRST_PERSON_CUE, _FIRST_PERSON_QUESTION, FRAME_RULES, _frame_index

# Phrases inside which no frame cue counts ("right now" is not a moral "right").
_STOP_PHRASES = words("frame_stop_phrases.txt")
_STOP_INDEX = _index(_compile("stop", "stop", _STOP_PHRASES))


# Cues that count only in company (frame_cues_generic.toml, [gates.FRAME]).
_GATES = {
    frame: (
        {cue.lower() for cue in gate["needs"]},
        _index(_compile(frame, "with", gate["with"])),
        _index(_compile(frame, "never", gate["never_with"])),
        int(gate.get("window", 8)),
    )
    for frame, gate in table("frame_cues_generic.toml").get("gates", {}).items()
}
# Tokens after which a capitalised word starts a sentence or a quotation, not a name.
_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "(", "[", ":", ";", "\u2014", "\u2013", "-", ".", "?", "!"})
_NAME_JOINERS = frozenset(words("cue_function_words.txt")) | {"&"}


def _capitalised(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


# Abbreviated titles whose full stop does not end a sentence ("Mr. Justice").
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "prof", "rev", "jr"})


def _after_title(tokens: list[_Tok], k: int) -> bool:
    return k >= 2 and tokens[k - 1].text == "." and (tokens[k - 2].lower in _TITLES or len(tokens[k - 2].text) == 1)


def _in_name(tokens: list[_Tok], i: int, j: int) -> bool:
    """True when the cue on tokens ``i..j-1`` is part of a name in running text.

    A capitalised cue word that does not open the sentence (or a quotation) is a name
    ("the Justice Department", "Vanity Fair"); so is a sentence-opening cue followed by a
    capitalised word ("Justice Department officials said"). In a stretch written in title
    case (a headline: no lower-case content word within eight tokens either side) the check
    cannot tell and lets the cue count.
    """
    caps = [k for k in range(i, j) if _capitalised(tokens[k]) and not tokens[k].text.isupper()]
    if not caps:
        return False
    window = tokens[max(0, i - 8) : j + 8]
    prose = any(t.text[:1].islower() and t.text.isalpha() and t.lower not in _NAME_JOINERS for t in window)
    if not prose:
        return False
    for k in caps:
        opens = k == 0 or (tokens[k - 1].text in _OPENERS and not _after_title(tokens, k))
        if not opens:
            return True
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if k == j - 1 and nxt is not None and _capitalised(nxt) and nxt.lower not in _NAME_JOINERS:
            return True
    return False


def _gated_out(tokens: list[_Tok], group: str, cue: str, i: int, j: int) -> bool:
    """True when a cue that counts only in company (a number, "percent") lacks it here."""
    gate = _GATES.get(group)
    if gate is None or cue not in gate[0]:
        return False
    needs, with_index, never_index, window = gate
    if _match_cues(tokens, never_index):
        return True
    near = tokens[max(0, i - window) : j + window]
    return not _match_cues(near, with_index)


def _blocked_spans(tokens: list[_Tok]) -> list[tuple[int, int]]:
    """Token spans of stop phrases ("right now") inside which no frame cue counts."""
    return [(i, j) for _, i, j in _match_cues(tokens, _STOP_INDEX)]


def _quote_parity(articles: list | None, numbers: list[int], paragraphs: list, texts: list[str]) -> list[int]:
    """For each sentence (in the order given): 1 when it starts inside an open quotation.

    Quotation marks are counted through each article in sentence order; the count restarts
    at every new paragraph (an unbalanced quote cannot leak further than that).
    """
    n = len(texts)
    if articles is None:
        order = sorted(range(n), key=lambda i: numbers[i])  # stable, as pandas' kind="stable"
    elif all(isinstance(a, str) for a in articles):
        order = sorted(range(n), key=lambda i: (articles[i], numbers[i]))
    else:  # ids of mixed types: pandas' own ordering
        keys = pd.DataFrame({"article": articles, "sentence": numbers})
        order = keys.sort_values(["article", "sentence"], kind="stable").index.tolist()
    parity = [0] * n
    state = 0
    last_key: Any = object()
    for i in order:
        key = (None if articles is None else articles[i], paragraphs[i])
        if key != last_key:
            state = 0
            last_key = key
        parity[i] = state
        state = (state + texts[i].count('"')) % 2
    return parity


def frame_sentences(sentences: Any, *, scheme: str = "generic") -> pd.DataFrame:
    """Code every sentence for news frames with a transparent cue rule set.

    A sentence shows a frame when it contains one of the frame's cues (see
    :func:`frame_rules` and ``docs/framing_rules.md``). The generic scheme codes the five
    news frames of Semetko & Valkenburg (2000): ``conflict``, ``economic`` (economic
    consequences), ``responsibility``, ``human_interest`` and ``morality``; each cue group
    operationalises one question of their 20-question battery. Besides word cues,
    ``human_interest.1`` fires on a first-person singular pronoun (I, me, my, mine, myself)
    inside a quotation: a person speaking in their own voice (plural "we" and "our" are
    left out: in news they mostly speak for an institution). Quotations are tracked
    across the sentences of a paragraph. ``scheme="policy"`` codes the Policy Frames
    Codebook dimensions instead.

    Cue words are matched case-insensitively on whole tokens, with their regular inflections
    (``ban`` also matches banned, bans, banning); phrases such as "right now" block the
    cues inside them. Limits: a cue is evidence that a frame may be present, not proof;
    the battery's questions are about whole stories, coded here sentence by sentence;
    visual information (``human_interest.5``) is not coded.

    Args:
        sentences: a sentences DataFrame (``sentence, start, end, text`` and optionally
            ``article``, ``paragraph``), a dict ``{article_id: text}`` or a string.
        scheme: ``"generic"`` or ``"policy"``.

    Returns:
        One row per cue match (a sentence with two conflict cues gives two rows), ordered by
        article, sentence and position, with columns ``article`` (when the input names
        articles), ``sentence``, ``frame``, ``question`` (rule id, e.g. ``conflict.1``),
        ``cue`` (the rule's cue), ``matched`` (the words in the text), ``start``, ``end``
        (offsets of the matched words in the article text: sentence start + offset in the
        sentence) and ``sentence_text``.

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.

        Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media
        Frames Corpus: Annotations of frames across issues. Proceedings of ACL-IJCNLP 2015
        (Volume 2: Short Papers), 438-444.

    Example:
        >>> hits = frame_sentences("Russia warned it could block the service.")
        >>> hits[["frame", "cue", "matched"]].values.tolist()
        [['conflict', 'warn', 'warned'], ['conflict', 'block', 'block']]
    """
    frame, has_article = _as_sentences(sentences)
    columns = _key_columns(has_article) + _FRAME_HIT_COLUMNS
    if frame.empty:
        return _empty(columns)
    n = len(frame)
    rows = _frame_hits(
        frame["text"].tolist(), frame["start"].tolist(), frame["sentence"].tolist(),
        frame["article"].tolist() if has_article else None,
        frame["paragraph"].tolist() if "paragraph" in frame.columns else [None] * n,
        scheme,
    )  # fmt: skip
    return _frame(rows, columns)


_FRAME_HIT_COLUMNS = ["sentence", "frame", "question", "cue", "matched", "start", "end", "sentence_text"]


def frame_columns(
    texts: list[str], starts: list[int], sentences: list[int], paragraphs: list[int] | None = None, *, scheme: str = "generic"
) -> dict[str, list]:
    """:func:`frame_sentences` for the sentences of one article given as lists, returning
    its columns (without ``article``) as plain lists: the same hits, no DataFrame.

    Args:
        texts, starts, sentences, paragraphs: each sentence's text, start offset in the
            article, number and paragraph (``None``: quotation marks are then counted
            through the whole article).
        scheme: ``"generic"`` or ``"policy"``.

    Example:
        >>> frame_columns(["Russia warned it could block the service."], [0], [0])["cue"]
        ['warn', 'block']
    """
    paragraphs = [None] * len(texts) if paragraphs is None else paragraphs
    rows = _frame_hits(list(texts), list(starts), list(sentences), None, list(paragraphs), scheme)
    return {c: [r[c] for r in rows] for c in _FRAME_HIT_COLUMNS}


def _frame_hits(texts: list[str], starts: list[int], numbers: list[int], articles: list | None, paragraphs: list, scheme: str) -> list[dict]:
    """The rows of :func:`frame_sentences`, from the sentences' columns as lists (in frame order)."""
    index = _frame_index(scheme)
    parity = _quote_parity(articles, numbers, paragraphs, texts) if scheme == "generic" else None
    rows = []
    for pos, (text, base, number) in enumerate(zip(texts, starts, numbers)):
        tokens = _tokens_lower(text)
        blocked = _blocked_spans(tokens)
        hits = []
        for cue, i, j in _match_cues(tokens, index):
            if any(bi <= i and j <= bj for bi, bj in blocked):
                continue
            if _in_name(tokens, i, j) or _gated_out(tokens, cue.group, cue.cue, i, j):
                continue
            hits.append((tokens[i].start, tokens[j - 1].end, cue.group, cue.question, cue.cue))
        # a first-person voice counts only where the sentence already shows human interest
        if parity is not None and any(h[2] == "human_interest" for h in hits):
            inside = parity[pos]
            cursor = 0
            for tok in tokens:
                inside = (inside + text.count('"', cursor, tok.start)) % 2
                cursor = tok.start
                if inside and tok.lower in _FIRST_PERSON:
                    hits.append((tok.start, tok.end, "human_interest", _FIRST_PERSON_QUESTION,
                                 _FIRST_PERSON_CUE))
        for s, e, group, question, cue in sorted(hits, key=lambda h: (h[0], h[2])):
            record = {
                "sentence": number, "frame": group, "question": question,
                "cue": cue, "matched": text[s:e], "start": base + s, "end": base + e,
                "sentence_text": text,
            }
            if articles is not None:
                record["article"] = articles[pos]
            rows.append(record)
    return rows


def frame_profile(
    hits: pd.DataFrame,
    sentences: Any,
    *,
    by: str | list[str] = "article",
    scheme: str | None = "generic",
) -> pd.DataFrame:
    """Per article (or other grouping) and frame: how many sentences show the frame.

    Args:
        hits: the output of :func:`frame_sentences`.
        sentences: the sentences the hits were computed from (same input as given to
            :func:`frame_sentences`), used for the number of sentences per article.
        by: column(s) of ``sentences`` to group by, default ``"article"``; ignored when the
            sentences have no such column (the whole input is then one group).
        scheme: frames listed even when absent (zero rows are kept so articles line up side
            by side): those of ``"generic"`` or ``"policy"``; ``None`` lists only frames
            present in ``hits``.

    Returns:
        One row per group and frame, with the group column(s), ``frame``, ``n_sentences``
        (sentences with at least one cue of the frame), ``sentences_total``, ``share``
        (n_sentences / sentences_total, 0..1), ``n_cues`` (cue matches) and
        ``evidence_sentences`` (tuple of the sentence numbers, to look the evidence up in
        ``hits``).

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.

    Example:
        >>> text = "Russia warned it could block Zoom. The weather was mild."
        >>> profile = frame_profile(frame_sentences(text), text)
        >>> row = profile[profile["frame"] == "conflict"].iloc[0]
        >>> int(row["n_sentences"]), float(row["share"])
        (1, 0.5)
    """
    frame, _ = _as_sentences(sentences)
    by_cols = [by] if isinstance(by, str) else list(by)
    by_cols = [c for c in by_cols if c in frame.columns]
    missing = [c for c in ("sentence", "frame") if c not in hits.columns]
    if missing:
        raise ValueError(f"hits lack column(s) {missing}; pass the output of frame_sentences")
    if scheme is None:
        frames = list(dict.fromkeys(hits["frame"]))
    else:
        if scheme not in FRAME_RULES:
            raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
        frames = list(FRAME_RULES[scheme]) + [f for f in dict.fromkeys(hits["frame"])
                                               if f not in FRAME_RULES[scheme]]
    join = [c for c in ("article",) if c in frame.columns and c in hits.columns] + ["sentence"]
    located = hits[join + ["frame"]].merge(
        frame[list(dict.fromkeys(join + by_cols))].drop_duplicates(), on=join, how="inner"
    )
    if by_cols:
        totals = frame.groupby(by_cols, sort=True, dropna=False).size()
        groups = list(totals.index)
    else:
        totals = pd.Series({(): len(frame)})
        groups = [()]
    rows = []
    for group in groups:
        key = group if isinstance(group, tuple) else (group,)
        sel = located
        for col, val in zip(by_cols, key):
            sel = sel[sel[col] == val]
        total = int(totals[group]) if by_cols else len(frame)
        for f in frames:
            part = sel[sel["frame"] == f]
            ids = tuple(sorted({int(s) for s in part["sentence"]}))
            record = dict(zip(by_cols, key))
            record.update(
                frame=f, n_sentences=len(ids), sentences_total=total,
                share=(len(ids) / total) if total else 0.0, n_cues=len(part),
                evidence_sentences=ids,
            )
            rows.append(record)
    columns = by_cols + ["frame", "n_sentences", "sentences_total", "share", "n_cues",
                         "evidence_sentences"]
    out = _frame(rows, columns)
    if not out.empty:
        out["share"] = out["share"].astype(float)
    return out
