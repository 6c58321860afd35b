"""Features of the target's place in the sentence read from part-of-speech tags: the words
that describe it (a modifier before it, an apposition or relative clause after it, the
predicate of "X is ..."), the noun phrase it owns ("X's critics"), the verb phrase it is the
subject of and the verb it is the object of, and whether it is the speaker of a quotation.

The tags are NLTK's averaged perceptron tagger's (:func:`analysis.nlp.tagging.tag_words`),
computed once per sentence. Each feature is ``(name, value, (start, end))`` like those of
:mod:`.target_features`, which adds them (groups ``syntax`` and ``quote``).

References:
    Jiang, L., Yu, M., Zhou, M., Liu, X. & Zhao, T. (2011). Target-dependent Twitter
    sentiment classification. ACL 2011 (target-dependent features from the syntactic
    relations of the target).
"""

from __future__ import annotations

import functools

_NP = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "CD", "POS", "PRP$", "DT"})
_NOUNISH = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "CD", "RB", "RBR", "RBS", "CC", "DT", "PRP$", "POS", "IN", "TO", "HYPH"})
_SKIP_TO_VERB = frozenset({"RB", "RBR", "RBS", "MD"})
_CLOSING = frozenset('"\u201d\u00bb')


@functools.lru_cache(maxsize=4096)
def sentence_tags(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """The Penn Treebank tag of each token (``spans``: the tokens' character spans)."""
    from ..nlp.tagging import tag_words

    return tuple(tag_words([text[a:b] for a, b in spans]))


def syntax_features(toks, text: str, t0: int, t1: int, clause: list[int], polarity, cues, groups) -> list:
    """The ``syntax`` and ``quote`` features of the target at tokens ``t0..t1``.

    ``polarity(i)`` is ``("pos"|"neg", strength)`` for a rated token (after negation) or None.
    """
    out: list = []
    n = len(toks)
    tags = sentence_tags(text, tuple((a, b) for _w, a, b in toks))
    tclause = clause[t0]

    def rated(i: int, name: str) -> None:
        p = polarity(i)
        if p is not None:
            out.append((f"{name}:{p[0]}", p[1], (toks[i][1], toks[i][2])))

    if "syntax" in groups:
        # the words of its own noun phrase before it ("the corrupt mayor X")
        j = t0 - 1
        while j >= 0 and j >= t0 - 5 and tags[j] in _NP and clause[j] == tclause:
            rated(j, "syn:mod")
            if tags[j].startswith("JJ"):
                out.append((f"syn:modw:{toks[j][0]}", 1.0, (toks[j][1], toks[j][2])))
            j -= 1
        after = t1 + 1
        # "X, a brave reporter," / "X, who lied," / "X (the chair)"
        if after < n and toks[after][0] in (",", "(", "\u2014", "-") and after + 1 < n:
            k = after + 1
            first_tag, first = tags[k], toks[k][0]
            kind = "rel" if first in ("who", "whose", "whom") else "appos" if first_tag in ("DT", "JJ", "JJS", "NN", "NNP", "PRP$", "CD") else None
            if kind:
                while k < n and k <= after + 14 and toks[k][0] not in (",", ")", ";", ":", "\u2014", "."):
                    rated(k, f"syn:{kind}")
                    k += 1
                out.append((f"syn:{kind}", 1.0, (toks[after + 1][1], toks[min(k, n) - 1][2])))
        # "X's critics", "X's lies": the noun phrase the target owns
        k = after
        if k < n and toks[k][0] in ("'s", "'"):
            k += 1
            while k < n and k <= after + 5 and tags[k] in _NP:
                rated(k, "syn:owned")
                k += 1
        else:
            # the verb phrase of which it is the subject (skipping adverbs, modals, a short apposition)
            k = after
            while k < n and (tags[k] in _SKIP_TO_VERB or toks[k][0] in cues["auxiliaries"]) and k <= after + 4:
                k += 1
            if k < n and tags[k].startswith("VB") and clause[k] == tclause:
                passive = any(toks[m][0] in cues["be_forms"] for m in range(after, k)) and tags[k] == "VBN"
                voice = "pass" if passive else "act"
                out.append((f"syn:subj:{voice}", 1.0, (toks[k][1], toks[k][2])))
                m = k
                while m < n and m <= k + 8 and clause[m] == tclause:
                    rated(m, f"syn:vp:{voice}" if m > k else f"syn:verb:{voice}")
                    m += 1
            elif k < n and k > after and toks[k - 1][0] in cues["be_forms"] and clause[k] == tclause:
                # "X is corrupt", "X was a hero"
                m = k
                while m < n and m <= k + 6 and clause[m] == tclause and tags[m] in _NOUNISH:
                    rated(m, "syn:pred")
                    m += 1
        # the verb it is the object of ("accused X", "accused the mayor X", "praised by X")
        j = t0 - 1
        while j >= 0 and j >= t0 - 6 and tags[j] in _NP and clause[j] == tclause:
            j -= 1
        prep = None
        if j >= 0 and tags[j] in ("IN", "TO") and clause[j] == tclause:
            prep = toks[j][0]
            j -= 1
        if j >= 0 and tags[j].startswith("VB") and clause[j] == tclause:
            role = "agent" if prep in ("by",) else "obj" if prep is None else "pobj"
            out.append((f"syn:{role}", 1.0, (toks[j][1], toks[j][2])))
            rated(j, f"syn:{role}v")
        elif j >= 0 and tags[j].startswith("NN") and prep in ("of", "against", "for", "to", "on"):
            # "critics of X", "support for X"
            rated(j, f"syn:of:{prep}")
            out.append((f"syn:nof:{toks[j][0]}", 1.0, (toks[j][1], toks[j][2])))
    if "quote" in groups:
        # the speaker of a quotation: '"...," said X', '"...," X said' ("X said: ..." is the role feature subj:reporting)
        speaker = False
        said = frozenset(cues["quote_verbs"])
        j = t0 - 1
        while j >= 0 and j >= t0 - 3 and tags[j] in _NP:
            j -= 1
        if j >= 1 and tags[j].startswith("VB") and toks[j][0] in said and toks[j - 1][0] in (",", *_CLOSING):
            speaker = True
        k = t1 + 1
        if k < n and toks[k][0] in said and t0 >= 1 and toks[t0 - 1][0] in (",", *_CLOSING):
            speaker = True
        if speaker:
            out.append(("quote:speaker", 1.0, (toks[t0][1], toks[t1][2])))
            inside = False
            for i in range(n):
                w = toks[i][0]
                if w in ('"', "\u201c", "\u201d"):
                    inside = not inside
                    continue
                if inside:
                    p = polarity(i)
                    if p is not None:
                        out.append((f"quote:spoken:{p[0]}", p[1], (toks[i][1], toks[i][2])))
    return out
