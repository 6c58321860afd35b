"""Noun phrases, finite verb groups and the subject before a verb, from part-of-speech tags.

Regular-expression-style chunking on Penn Treebank tags (Bird, Klein & Loper 2009, ch. 7),
written as loops over tagged tokens (:class:`._tokens._Tok`). The closed word classes it
reads besides the tags (subject pronouns, subordinators, predeterminers, auxiliaries) are
in ``analysis/lexicons/chunk_function_words.toml``. :mod:`.actors` builds actor-action
pairs and the main clause of headlines and leads from these chunks.

References:
    Marcus, M. P., Santorini, B., & Marcinkiewicz, M. A. (1993). Building a large annotated
    corpus of English: The Penn Treebank. Computational Linguistics, 19(2), 313-330.

    Bird, S., Klein, E., & Loper, E. (2009). Natural Language Processing with Python, ch. 7
    (chunking with part-of-speech patterns). O'Reilly.
"""

from __future__ import annotations

from ..lexicons import table
from ._tokens import _Tok

_FUNCTION_WORDS = table("chunk_function_words.toml")

_NOUN = ("NN", "NNS", "NNP", "NNPS")
_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "NN", "NNS", "NNP",
                      "NNPS"})
_SUBJECT_PRONOUNS = frozenset(_FUNCTION_WORDS["subject_pronouns"])
_SUBORDINATORS = frozenset(_FUNCTION_WORDS["subordinators"])
_FINITE = ("MD", "VBD", "VBZ", "VBP")
_PREDETERMINERS = frozenset(_FUNCTION_WORDS["predeterminers"])
_AUXILIARIES = frozenset(_FUNCTION_WORDS["auxiliaries"])


def _verb_groups(toks: list[_Tok], *, headline: bool = False) -> list[tuple[int, int]]:
    """Finite verb groups as token ranges: a modal or finite verb, then verbs/adverbs.

    The group ends at its last verb ("will sell directly" -> "will sell", "did not use");
    a finite verb after a non-auxiliary starts a new group ("it says | is").
    In a headline, "to" + verb after a noun also counts ("Zoom to Directly Sell").
    """
    groups = []
    i = 0
    n = len(toks)
    while i < n:
        tag = toks[i].tag
        starts = tag in _FINITE
        if (not starts and headline and toks[i].lower == "to" and i > 0
                and toks[i - 1].tag in _NOUN + ("PRP",)):
            j = i + 1
            while j < n and toks[j].tag.startswith("RB"):
                j += 1
            starts = j < n and toks[j].tag == "VB"
        if not starts:
            i += 1
            continue
        j = i + 1
        last = i
        while j < n and (
            toks[j].tag.startswith(("VB", "RB", "MD")) or toks[j].lower in ("not", "n't")
        ):
            if toks[j].tag in _FINITE and toks[last].lower not in _AUXILIARIES:
                break  # "what it says is": a second finite verb starts a new clause
            if toks[j].tag.startswith(("VB", "MD")):
                last = j
            j += 1
        groups.append((i, last + 1))
        i = j
    return groups


def _noun_phrases(toks: list[_Tok]) -> list[tuple[int, int]]:
    """Noun phrases as token ranges: (DT|PRP$|JJ|CD|POS|NN*)* ending in a noun, extended over
    "of" + noun phrase ("Press Secretary of the Russian President Dmitry Peskov"); also
    subject pronouns standing alone."""
    spans = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.lower in _SUBJECT_PRONOUNS and (
            tok.tag == "PRP" or not (i + 1 < n and toks[i + 1].tag in _NP_TAGS)
        ):
            spans.append((i, i + 1))
            i += 1
            continue
        if tok.tag in _NP_TAGS and tok.tag != "POS":
            j = i
            while j < n and toks[j].tag in _NP_TAGS and not (j > i and toks[j].tag in ("DT", "PDT")
                                                            and toks[j - 1].tag != "POS"):
                j += 1
            end = j
            while end > i and toks[end - 1].tag not in _NOUN:
                end -= 1
            if end > i:
                spans.append((i, end))
                i = end
                continue
        i += 1
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and toks[merged[-1][1]].lower == "of" and merged[-1][1] + 1 == s \
                and toks[s].tag not in ("PRP",) and toks[merged[-1][1] - 1].tag in _NOUN:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _open_to_subject(toks: list[_Tok], start: int) -> bool:
    """False when what precedes the noun phrase makes it an object: a preposition ("in the
    United States clarified"), or a coordination inside a noun phrase ("both the public
    and private sectors", "new and existing users")."""
    k = start - 1
    while k >= 0 and toks[k].lower in _PREDETERMINERS:
        k -= 1
    if k < 0:
        return True
    prev = toks[k]
    if prev.tag in ("IN", "TO") and prev.lower not in _SUBORDINATORS:
        return False
    if prev.tag == "CC":
        if k >= 1 and toks[k - 1].tag in ("JJ", "JJR", "JJS", "DT", "IN"):
            return False
        for s, e in _noun_phrases(toks):
            if e == k and s >= 1 and toks[s - 1].lower in _PREDETERMINERS:
                return False
    return True


_Span = tuple[int, int]


def _is_bare_object_pronoun(toks: list[_Tok], span: _Span) -> bool:
    s, e = span
    return e - s == 1 and toks[s].tag in ("PRP", "DT") and toks[s].lower not in _SUBJECT_PRONOUNS


def _subject_of(toks: list[_Tok], nps: list[_Span], verb_start: int) -> _Span | None:
    """The noun phrase right before a verb group (adverbs may intervene), if it can be a subject."""
    k = verb_start
    while k > 0 and toks[k - 1].tag.startswith("RB") and toks[k - 1].lower not in ("not", "n't"):
        k -= 1
    for s, e in nps:
        if e == k and _open_to_subject(toks, s):
            return None if _is_bare_object_pronoun(toks, (s, e)) else (s, e)
    return None


def _pairs(toks: list[_Tok], *, headline: bool = False) -> list[tuple[_Span, _Span]]:
    nps = _noun_phrases(toks)
    out = []
    for vs, ve in _verb_groups(toks, headline=headline):
        subj = _subject_of(toks, nps, vs)
        if subj is not None:
            out.append((subj, (vs, ve)))
    return out


def _span(toks: list[_Tok], text: str, span: tuple[int, int]) -> tuple[str, int, int]:
    s, e = toks[span[0]].start, toks[span[1] - 1].end
    return text[s:e], s, e


def _main_clause(
    toks: list[_Tok], *, headline: bool = False
) -> tuple[_Span | None, _Span | None]:
    """Actor and action of a sentence's main clause: the first finite verb group, with the
    noun phrase right before it, or else the first noun phrase before it that does not
    follow a preposition ("Press Secretary ... Dmitry Peskov on Wednesday, April 7,
    expressed")."""
    groups = _verb_groups(toks, headline=headline)
    if not groups:
        return None, None
    nps = _noun_phrases(toks)
    vs, ve = groups[0]
    subj = _subject_of(toks, nps, vs)
    if subj is None:
        for s, e in nps:
            if e <= vs and _open_to_subject(toks, s) and not _is_bare_object_pronoun(toks, (s, e)):
                subj = (s, e)
                break
    return subj, (vs, ve)
