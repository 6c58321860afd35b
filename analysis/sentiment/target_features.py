"""The readable features of one target in one sentence, for the tone towards it.

Each feature is a short name (``lex:neg:judge:clause:after:near``, ``subj:neg``,
``w:clause:slammed``) with a value and the character span of the words that produced it,
so a decision can show the words behind it. The same function makes the features for
training (:mod:`.target_model`) and for reading (:mod:`.target_tone`).

What a feature says about a rated word (VADER lexicon, Hu & Liu opinion lexicon):

- its polarity, after a negation up to three words before it in the same clause;
- whether it describes an event (``tone_event_words.txt``: attack, victim, died) or judges;
- where it is relative to the target: the same clause or not, across a contrast ("but",
  "although"), before or after, how far (next to it, near, far), and whether another name
  is closer to it than the target is;
- inside quotation marks or not, and inside what the target itself is reported to say.

What a feature says about the target's role: the verb it is the subject of ("X criticised"),
the verb it is the object of ("criticised X"), a passive ("X was accused"), the agent of a
passive ("praised by X"), a preposition before it ("against X"), a reporting verb it is the
speaker of. Word identities near the target (``w:``) let training learn news words the
lexicons do not rate; their first six letters (``stem:``) join the forms of one word
("criticised", "criticism"), and the two words either side of the target (``ctx:``) keep
phrases such as "critics of X" or "X's allies".

The features come in groups (:data:`GROUPS`) that :mod:`.target_cv` switches on and off to
choose them by cross-validation on the train split; the shipped model uses
:data:`DEFAULT_GROUPS`. The others were tried and not kept (see ``docs/target_tone_model.md``):
the target's syntactic place read from part-of-speech tags and whether it speaks a quotation
(:mod:`.target_syntax`), VADER's score of the words around it (``local``), word features
weighted by distance (``decay``) and the sentence's score crossed with the other names in it
(``sentx``).

References:
    Hamborg, F. & Donnay, K. (2021). NewsMTSC: A Dataset for (Multi-)Target-dependent
    Sentiment Classification in Political News Articles. EACL 2021.
    Hutto, C. J. & Gilbert, E. (2014). VADER. ICWSM-14.
    Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. KDD-04.
    Polanyi, L. & Zaenen, A. (2006). Contextual valence shifters. In Computing Attitude
    and Affect in Text, Springer.
"""

from __future__ import annotations

import functools
import re

from .. import lexicons

#: a word (letters and digits, inner hyphen/apostrophe/dot) or one punctuation mark
_TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+|['\u2019](?![sS]\b)[^\W_]+)*|['\u2019][sS]\b|n[\u2019']t|[^\w\s]")
_QUOTES = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_OPENING = frozenset("\u201c\u201e\u00ab")
_SOFT_BREAKS = frozenset(",")

#: the feature groups that can be switched on and off (for cross-validation,
#: :mod:`.target_cv`): VADER's compound score of the sentence, the target's role, words near
#: the target, Hu & Liu's words by place, rated words by place
GROUPS = frozenset({"sent", "role", "words", "hl", "lex", "syntax", "quote", "stem", "ctx", "local", "decay", "sentx"})
#: the groups the shipped model uses
DEFAULT_GROUPS = frozenset({"sent", "role", "words", "hl", "lex", "ctx", "stem"})

#: pronouns and the kind of referent they fit
PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue lists of ``tone_cues.toml`` and the event words, as frozensets."""
    out = {k: frozenset(v) for k, v in lexicons.table("tone_cues.toml").items()}
    out["events"] = frozenset(lexicons.words("tone_event_words.txt"))
    verbs = {}
    for row in lexicons.csv_rows("reporting_verbs.csv"):
        verbs[row["lemma"]] = row["class"]
    out["reporting"] = frozenset(verbs)
    return out


@functools.lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, float]:
    """word -> valence on VADER's scale (−4…4): VADER's rating, else ±1.5 for a Hu & Liu word."""
    from .loaders import load_opinion_lexicon, load_vader

    lex: dict[str, float] = {}
    try:
        positive, negative = load_opinion_lexicon()
    except Exception:  # the opinion lexicon is optional: VADER alone still works
        positive, negative = frozenset(), frozenset()
    for w in positive:
        lex[w] = 1.5
    for w in negative:
        lex[w] = -1.5 if w not in positive else 0.0
    for w, v in load_vader().lexicon.items():
        if " " not in w and w.isalpha():
            lex[w] = float(v)
    return {w: v for w, v in lex.items() if abs(v) >= 0.5}


@functools.lru_cache(maxsize=1)
def opinion_words() -> dict[str, str]:
    """word -> "pos" / "neg" in Hu & Liu's opinion lexicon (empty when it is not installed)."""
    from .loaders import load_opinion_lexicon

    try:
        positive, negative = load_opinion_lexicon()
    except Exception:  # optional: the features then come from VADER alone
        return {}
    out = {w: "neg" for w in negative}
    out.update({w: "pos" for w in positive if w not in negative})
    return out


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(lower-case token, start, end)`` for each word and punctuation mark of ``text``."""
    return [(m.group().lower().replace("\u2019", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _reporting_lemma(word: str, verbs: frozenset[str]) -> str | None:
    """The reporting-verb lemma of ``word`` (said -> say, criticised -> criticise), or None."""
    if word in verbs:
        return word
    for suffix, add in (("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""), ("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y")):
        if word.endswith(suffix) and word[: -len(suffix)] + add in verbs:
            return word[: -len(suffix)] + add
    return {"said": "say", "says": "say", "told": "tell", "wrote": "write", "spoke": "speak"}.get(word)


@functools.lru_cache(maxsize=4096)
def _compound(text: str) -> float:
    """VADER's compound score of the sentence (NLTK's, cached per sentence)."""
    from .loaders import load_vader

    return load_vader().polarity_scores(text)["compound"]


def _distance_to(positions: list[int], n: int) -> list[int]:
    """For each of ``n`` tokens, the distance to the nearest of ``positions`` (n when none)."""
    out = [n] * n
    if not positions:
        return out
    at = set(positions)
    last = None
    for i in range(n):
        if i in at:
            last = i
        if last is not None:
            out[i] = i - last
    last = None
    for i in range(n - 1, -1, -1):
        if i in at:
            last = i
        if last is not None:
            out[i] = min(out[i], last - i)
    return out


def _dist_bucket(d: int) -> str:
    return "adj" if d <= 2 else "near" if d <= 6 else "far"


def _structure(tokens: list[tuple[str, int, int]], text: str):
    """Per token: clause number, contrast segment number, inside quotes, is a name token."""
    c = cues()
    clause = []
    segment = []
    quoted = []
    name = []
    k = s = 0
    inside = False
    for i, (w, a, _b) in enumerate(tokens):
        if w in _QUOTES:
            inside = (not inside) if w == '"' else w in _OPENING
            k += 1
        elif w in c["clause_breaks"] or w in _SOFT_BREAKS:
            k += 1
        if w in c["contrasts"]:
            s += 1
            k += 1
        clause.append(k)
        segment.append(s)
        quoted.append(inside)
        first = i == 0 or tokens[i - 1][0] in _QUOTES or tokens[i - 1][0] in ".!?"
        name.append((text[a].isupper() and not first and w.isalpha()) or PRONOUNS.get(w) in ("m", "f"))
    return clause, segment, quoted, name


def features(
    text: str, start: int, end: int, tokens: list[tuple[str, int, int]] | None = None, groups: frozenset[str] = DEFAULT_GROUPS
):
    """The features of the target at ``text[start:end]``: a list of ``(name, value, (start, end))``.

    The span is the character span of the words that produced a feature (the target's span
    for features of the target itself).
    """
    toks = tokens if tokens is not None else tokenize(text)
    c = cues()
    lex = polarity_lexicon()
    opinion = opinion_words()
    tgt = [i for i, (_w, a, b) in enumerate(toks) if a < end and b > start]
    out: list[tuple[str, float, tuple[int, int]]] = [("bias", 1.0, (start, end))]
    if not tgt:
        return out
    t0, t1 = tgt[0], tgt[-1]
    clause, segment, quoted, name = _structure(toks, text)
    tclause, tseg = clause[t0], segment[t0]
    tword = toks[t0][0] if t0 == t1 else ""
    if tword in PRONOUNS:
        out.append(("tgt:pronoun", 1.0, (start, end)))
    if quoted[t0]:
        out.append(("tgt:quoted", 1.0, (start, end)))
    if t0 == 0 or (t0 == 1 and toks[0][0] in _QUOTES):
        out.append(("tgt:first", 1.0, (start, end)))
    compound = _compound(text) if "sent" in groups else 0.0
    if compound:
        out.append((f"sent:{'pos' if compound > 0 else 'neg'}", abs(compound), (0, len(text))))
    names_at = [i for i, n in enumerate(name) if n and not (t0 <= i <= t1)]
    named_clauses = {clause[n] for n in names_at}
    near_name = _distance_to(names_at, len(toks))
    # --- the target's role: the verb after it (subject), the word before it (object) ---
    j = t1 + 1 if "role" in groups else len(toks)
    if j < len(toks) and toks[j][0] in ("'s", "'", "s"):
        j += 1
        poss = True
    else:
        poss = False
    passive = False
    while j < len(toks) and j <= t1 + 5 and toks[j][0] in c["auxiliaries"]:
        if toks[j][0] in c["be_forms"]:
            passive = True
        j += 1
    speaker_from = None
    if j < len(toks) and toks[j][0].isalpha() and clause[j] == tclause:
        w, a, b = toks[j]
        role = "poss" if poss else ("pass" if passive and w.endswith(("ed", "en")) else "subj")
        out.append((f"{role}w:{w}", 1.0, (a, b)))
        if w in lex:
            out.append((f"{role}:{'pos' if lex[w] > 0 else 'neg'}", abs(lex[w]) / 2, (a, b)))
        lemma = _reporting_lemma(w, c["reporting"])
        if lemma and role == "subj":
            out.append(("subj:reporting", 1.0, (a, b)))
            speaker_from = j
    j = t0 - 1 if "role" in groups else -1
    while j >= 0 and j >= t0 - 4 and toks[j][0] in c["before_skip"]:
        j -= 1
    if j >= 0 and toks[j][0].isalpha():
        w, a, b = toks[j]
        if w in c["agent_markers"] and j > 0 and toks[j - 1][0].endswith(("ed", "en")):
            v, va, vb = toks[j - 1]
            out.append((f"agentw:{v}", 1.0, (va, vb)))
            if v in lex:
                out.append((f"agent:{'pos' if lex[v] > 0 else 'neg'}", abs(lex[v]) / 2, (va, vb)))
        elif w in c["prepositions"] or w in c["agent_markers"]:
            out.append((f"prep:{w}", 1.0, (a, b)))
        else:
            out.append((f"objw:{w}", 1.0, (a, b)))
            if w in lex:
                out.append((f"obj:{'pos' if lex[w] > 0 else 'neg'}", abs(lex[w]) / 2, (a, b)))
    if compound and "sentx" in groups:
        # how much the sentence's tone says about the target: less when other names share
        # the sentence, when the target speaks, when it is a pronoun
        sign = "pos" if compound > 0 else "neg"
        others = len({clause[n] for n in names_at})
        out.append((f"sentx:{sign}:names{min(others, 2)}", abs(compound), (0, len(text))))
        out.append((f"sentx:{sign}:{'speaker' if speaker_from is not None else 'not_speaker'}", abs(compound), (0, len(text))))
        if tclause in named_clauses:
            out.append((f"sentx:{sign}:shared_clause", abs(compound), (0, len(text))))

    def polarity(i: int):
        """("pos" | "neg", strength) of a rated token after a negation, or None."""
        v = lex.get(toks[i][0])
        if v is None:
            return None
        neg = any(
            (toks[k][0] in c["negations"] or toks[k][0].endswith("n't")) and clause[k] == clause[i]
            for k in range(max(0, i - 3), i)
        )
        return ("pos" if (v > 0) != neg else "neg"), min(abs(v), 3.0) / 2

    if "syntax" in groups or "quote" in groups:
        from .target_syntax import syntax_features

        out.extend(syntax_features(toks, text, t0, t1, clause, polarity, c, groups))
    if "local" in groups:
        # VADER's compound score of the words around the target: its contrast segment, its
        # clause, six words either side
        for kind, keep in (
            ("segment", lambda i: segment[i] == tseg),
            ("clause", lambda i: clause[i] == tclause),
            ("window", lambda i: t0 - 6 <= i <= t1 + 6),
        ):
            inside = [i for i in range(len(toks)) if keep(i)]
            a, b = toks[inside[0]][1], toks[inside[-1]][2]
            value = _compound(text[a:b])
            if value:
                out.append((f"local:{kind}:{'pos' if value > 0 else 'neg'}", abs(value), (a, b)))
    if "ctx" in groups:
        before = " ".join(w for w, _a, _b in toks[max(0, t0 - 2) : t0])
        after = " ".join(w for w, _a, _b in toks[t1 + 1 : t1 + 3])
        if before:
            out.append((f"ctx:before:{before}", 1.0, (toks[max(0, t0 - 2)][1], toks[t0 - 1][2])))
        if after:
            out.append((f"ctx:after:{after}", 1.0, (toks[t1 + 1][1], toks[min(len(toks), t1 + 3) - 1][2])))
    # --- the rated words and the words near the target ---
    for i, (w, a, b) in enumerate(toks):
        if t0 <= i <= t1 or not w.isalpha():
            continue
        d = t0 - i if i < t0 else i - t1
        side = "before" if i < t0 else "after"
        if segment[i] != tseg:
            where = "contrast"
        elif clause[i] == tclause:
            where = "clause"
        else:
            where = "sentence"
        if w not in c["function_words"] and "words" in groups:
            if where == "clause" or d <= 3:
                out.append((f"w:{where}:{w}", 1.0, (a, b)))
                if "stem" in groups and len(w) > 6:
                    out.append((f"stem:{where}:{w[:6]}", 1.0, (a, b)))
            out.append((f"w:{w}", 1.0, (a, b)))
            if "decay" in groups and d <= 8 and segment[i] == tseg:
                out.append((f"wd:{w}", 1.0 - d / 9, (a, b)))
        hl = opinion.get(w)
        if hl and "hl" in groups:
            out.append((f"hl:{hl}:{where}:{'own' if near_name[i] >= d else 'other'}", 1.0, (a, b)))
        v = lex.get(w) if "lex" in groups else None
        if v is None:
            continue
        neg = any(
            (toks[k][0] in c["negations"] or toks[k][0].endswith("n't")) and clause[k] == clause[i]
            for k in range(max(0, i - 3), i)
        )
        pol = ("pos" if v > 0 else "neg") if not neg else ("neg" if v > 0 else "pos")
        kind = "event" if w in c["events"] else "judge"
        strength = min(abs(v), 3.0) / 2
        other = near_name[i] < d
        if speaker_from is not None and i > speaker_from:
            scope = "said"
        elif quoted[i] and not quoted[t0]:
            scope = "quote"
        else:
            scope = "own" if not other else "other"
        span = (a, b)
        out.append((f"lex:{pol}", strength, span))
        out.append((f"lex:{pol}:{kind}:{where}", strength, span))
        out.append((f"lex:{pol}:{where}:{side}:{_dist_bucket(d)}", strength, span))
        out.append((f"lex:{pol}:{kind}:{scope}", strength, span))
        out.append((f"lex:{pol}:{where}:{scope}", strength, span))
        if where == "clause":
            shared = tclause in named_clauses
            out.append((f"lex:{pol}:clause:{'shared' if shared else 'alone'}:{side}", strength, span))
        else:
            named = clause[i] in named_clauses
            out.append((f"lex:{pol}:{where}:{'named' if named else 'unnamed'}", strength, span))
        if neg:
            out.append((f"lex:negated:{'pos' if v > 0 else 'neg'}", strength, span))
    return out
