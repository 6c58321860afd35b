"""Framing: how each report builds the story, and what each one leaves out.

Seven questions, one function (or two) each, every answer a new DataFrame whose rows carry
character offsets so a notebook can highlight the words behind any number:

- which generic news frames does each sentence show? :func:`frame_sentences`,
  :func:`frame_profile` (per article), :func:`frame_rules` (the rule set);
- which words set one report apart from another? :func:`fightin_words`,
  :func:`distinctive_terms`;
- how is a term used? :func:`kwic`;
- what does each report put first? :func:`headline_and_lead`;
- who is made the agent? :func:`actor_actions`;
- how sure, how distant, how evaluative? :func:`stance_markers`;
- what does one report carry that the other leaves out? :func:`omissions`,
  :func:`omission_table` (entities through :mod:`analysis.entities`, with
  :data:`ENTITY_ALIASES`).

Small helpers lay these results out side by side for a notebook (:func:`profile_table`,
:func:`top_terms`, :func:`actor_table`, :func:`stance_counts`, :func:`kwic_terms`,
:func:`frame_rule_summary`) and show the evidence sentences with the words behind each
hit highlighted, every piece of article text escaped (:func:`evidence_html`,
:func:`highlight`).

Inputs are plain: a sentences DataFrame (columns ``sentence, start, end, text``, optionally
``article`` and ``paragraph``; ``start``/``end`` are offsets into the article text and
``text`` is the article text between them), a dict ``{article_id: text}``, a single string,
or an article-like object with ``.id`` and ``.sentences``. Offsets in the results are
character offsets into the article text the sentences were cut from; an ``article`` column
appears whenever the input names its articles. Texts given as strings are split into
paragraphs at blank lines and into sentences with NLTK's Punkt model; pass the corpus's own
sentences to keep its sentence numbers.

Everything here is rule-based and explainable, which is also its limit: cue lists miss
paraphrases and catch some off-topic uses, the part-of-speech tagger errs on headlines and
translated prose, and no rule knows what a sentence means. ``docs/framing_rules.md`` lists
every rule with its source.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import nltkdata, tagging

__all__ = [
    "GENERIC_QUESTIONS",
    "FRAME_RULES",
    "STANCE_MARKERS",
    "EVALUATIVE_ADJECTIVES",
    "DEFAULT_ALPHA0",
    "frame_rules",
    "frame_sentences",
    "frame_columns",
    "frame_profile",
    "fightin_words",
    "distinctive_terms",
    "kwic",
    "headline_and_lead",
    "actor_actions",
    "stance_markers",
    "ENTITY_ALIASES",
    "entity_key",
    "omissions",
    "omission_table",
    "frame_rule_summary",
    "profile_table",
    "top_terms",
    "actor_key",
    "actor_table",
    "stance_counts",
    "kwic_terms",
    "highlight",
    "evidence_html",
]

# --------------------------------------------------------------------------------------
# Loaders: every NLTK model is loaded once, after checking that it is installed.
# --------------------------------------------------------------------------------------


def _punkt():
    """The English Punkt sentence splitter (NLTK data package ``punkt_tab``): the one
    :mod:`analysis.text` loads (once per process, from the cache when it can)."""
    from ..text import punkt_tokenizer

    return punkt_tokenizer()


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """NLTK's English stop-word list, lower case."""
    nltkdata.require("stopwords")
    from nltk.corpus import stopwords

    return frozenset(w.lower() for w in stopwords.words("english"))


@functools.lru_cache(maxsize=1)
def _opinion_words() -> frozenset[str]:
    """Hu & Liu's opinion lexicon (positive and negative words), lower case."""
    from ..sentiment import load_opinion_lexicon

    positive, negative = load_opinion_lexicon()
    return frozenset(w.lower() for w in positive | negative)


# --------------------------------------------------------------------------------------
# Tokens with offsets, and part-of-speech tags for them.
# --------------------------------------------------------------------------------------

_APOS = "'\u2019"
_CLITIC = r"(?:s|m|d|ll|re|ve)\b"
_TOKEN_RE = re.compile(
    rf"""
      (?:[A-Za-z]\.){{2,}}(?![A-Za-z])            # abbreviations: U.S., e.g.
    | \d+(?:[.,:]\d+)*                            # numbers: 1  2,000  1.5  10:30
    | \w+(?=n[{_APOS}]t\b)                        # do|n't
    | n[{_APOS}]t\b
    | [{_APOS}]{_CLITIC}                          # 's 'm 'd 'll 're 've
    | [^\W\d_]\w*(?:(?:-|[{_APOS}](?!{_CLITIC}))\w+)*   # words, hyphenated words, Gov't
    | [^\w\s]                                     # any other single character
    """,
    re.VERBOSE,
)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(token, start, end)`` triples, Treebank style but with offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _for_tagger(words: list[str], text_before: list[str]) -> list[str]:
    """Map raw tokens to what the Treebank-trained tagger expects (quotes, apostrophes)."""
    out = []
    for word, before in zip(words, text_before):
        if word == '"':
            out.append("``" if (not before or before[-1].isspace() or before[-1] in "([") else "''")
        else:
            out.append(word.replace("\u2019", "'"))
    return out


@functools.lru_cache(maxsize=8192)
def _tag_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Penn Treebank tags for a tuple of words (cached: sentences repeat across calls)."""
    if not words:
        return ()
    return tuple(tagging.tag_words(words))


@dataclass(frozen=True)
class _Tok:
    text: str
    lower: str
    tag: str
    start: int  # offset in the sentence
    end: int


def _tagged(text: str, *, words_for_tagging: list[str] | None = None) -> list[_Tok]:
    """Tokens of ``text`` with part-of-speech tags and sentence-relative offsets."""
    toks = _tokens(text)
    if not toks:
        return []
    words = words_for_tagging or [t for t, _, _ in toks]
    words = _for_tagger(words, [text[max(0, s - 1) : s] for _, s, _ in toks])
    tags = _tag_words(tuple(words))
    return [
        _Tok(t, t.lower().replace("\u2019", "'"), tag, s, e)
        for (t, s, e), tag in zip(toks, tags)
    ]


# --------------------------------------------------------------------------------------
# Plain inputs -> one sentences frame.
# --------------------------------------------------------------------------------------

_SENTENCE_COLUMNS = ["sentence", "start", "end", "text"]
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _split_sentences(text: str) -> pd.DataFrame:
    """Sentences of ``text``: paragraphs at blank lines, then Punkt inside each paragraph."""
    rows = []
    cuts = [0]
    for m in _PARAGRAPH_BREAK.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    paragraph = 0
    for p_start, p_end in zip(cuts[::2], cuts[1::2]):
        chunk = text[p_start:p_end]
        if not chunk.strip():
            continue
        for s, e in _punkt().span_tokenize(chunk):
            piece = chunk[s:e]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                start = p_start + s + lead
                rows.append((len(rows), paragraph, start, start + len(piece), piece))
        paragraph += 1
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "start", "end", "text"]).astype(
        {"sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64"}
    )


def _as_sentences(data: Any) -> tuple[pd.DataFrame, bool]:
    """Turn any accepted input into a sentences frame; also say whether it names articles.

    Accepted: a sentences DataFrame; a dict ``{article_id: text}``; a string; an object with
    ``.sentences`` (a frame, or a method returning one) and ``.id``; or a list of such
    objects.
    """
    if isinstance(data, pd.DataFrame):
        missing = [c for c in _SENTENCE_COLUMNS if c not in data.columns]
        if missing:
            raise ValueError(
                f"sentences frame lacks column(s) {missing}; expected at least {_SENTENCE_COLUMNS}"
            )
        texts = data["text"].tolist()
        bad = [i for i, t in zip(data.index, texts) if not isinstance(t, str)]
        if bad:
            raise ValueError(f"sentences frame: column 'text' is not a string in row(s) {bad[:5]}")
        frame = data.reset_index(drop=True)
        for col in ("sentence", "start", "end"):
            if frame[col].dtype != "int64":
                frame[col] = frame[col].astype("int64")
        wrong = [i for i, (s, e, t) in enumerate(zip(frame["start"].tolist(), frame["end"].tolist(), texts)) if e - s != len(t)]
        if wrong:
            row = frame.loc[wrong[0]]
            raise ValueError(
                "sentences frame: offsets do not match the text in row "
                f"{wrong[0]} (start={row['start']}, end={row['end']}, "
                f"{len(row['text'])} characters)"
            )
        return frame, "article" in frame.columns
    if isinstance(data, str):
        return _split_sentences(data), False
    if isinstance(data, Mapping):
        parts = []
        for key, text in data.items():
            if not isinstance(text, str):
                raise TypeError(f"text of article {key!r} is {type(text).__name__}, not str")
            part = _split_sentences(text)
            part.insert(0, "article", pd.Series([key] * len(part), dtype=object))
            parts.append(part)
        if not parts:
            return _empty_sentences(article=True), True
        return pd.concat(parts, ignore_index=True), True
    if hasattr(data, "sentences"):
        frame = data.sentences() if callable(data.sentences) else data.sentences
        if "article" not in frame.columns:
            frame = frame.assign(article=getattr(data, "id", None))
        return _as_sentences(frame)
    if isinstance(data, Iterable) and not isinstance(data, (bytes, pd.Series)):
        items = list(data)
        if not all(hasattr(item, "sentences") for item in items):
            raise TypeError("a list must hold article-like objects with .sentences; "
                            "pass several texts as a dict {article_id: text}")
        parts = [_as_sentences(item)[0] for item in items]
        parts = [p for p in parts if len(p)]
        if not parts:
            return _empty_sentences(article=True), True
        frame = pd.concat(parts, ignore_index=True)
        return frame, "article" in frame.columns
    raise TypeError(
        f"cannot read sentences from {type(data).__name__}: pass a sentences DataFrame, "
        "a dict {article_id: text}, a string or an article with .sentences"
    )


def _empty_sentences(*, article: bool) -> pd.DataFrame:
    cols = (["article"] if article else []) + ["sentence", "paragraph", "start", "end", "text"]
    return _empty(cols)


_INT_COLUMNS = {
    "sentence", "paragraph", "start", "end", "count", "count_other", "count_a", "count_b",
    "rank", "n_sentences", "n_cues", "sentences_total", "actor_start", "actor_end",
    "action_start", "action_end", "freq",
}


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty frame with the given columns (integer columns typed as int64)."""
    return pd.DataFrame(
        {c: pd.Series(dtype="int64" if c in _INT_COLUMNS else object) for c in columns}
    )


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Rows to a frame with exactly ``columns``; an empty frame keeps its columns."""
    if not rows:
        return _empty(columns)
    return pd.DataFrame(rows, columns=columns)


def _key_columns(has_article: bool) -> list[str]:
    return ["article"] if has_article else []


# --------------------------------------------------------------------------------------
# Cue lists: a small matcher shared by the frame rules and the stance markers.
# --------------------------------------------------------------------------------------

# Words never inflected when a cue is expanded (they are matched exactly).
_FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with by from and or not no as is be it its that this up out "
    "off over so if i we he she they you what how all one".split()
)


def _inflections(word: str) -> set[str]:
    """Regular inflected forms of a base word: plural/3rd person, -ed, -ing.

    There is no lemmatiser in the offline data, so cues are expanded instead of texts being
    lemmatised. Over-generated forms that are not English words ("baned") are harmless:
    they never occur in a text.
    """
    forms = {word}
    if not word.isalpha() or len(word) < 3 or word in _FUNCTION_WORDS:
        return forms
    vowels = "aeiou"
    if word.endswith("y") and word[-2] not in vowels:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
        if word.endswith("ie"):
            forms.add(word[:-2] + "ying")
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprtv]$", word):  # ban -> banned, regret -> regretting
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_NUMBER_SLOT = "#"


def _slot(spec: str) -> frozenset[str] | None:
    """Forms one cue word matches. ``a|b|c``: ``a`` and its regular inflections, ``b`` and
    ``c`` as written; ``#`` is any number (returned as None)."""
    if spec == _NUMBER_SLOT:
        return None
    first, *irregular = spec.split("|")
    return frozenset(_inflections(first) | set(irregular))


@dataclass(frozen=True)
class _Cue:
    group: str  # frame or stance category
    question: str  # rule id, e.g. "conflict.2"
    cue: str  # the cue as written in the rule set
    slots: tuple[frozenset[str] | None, ...]
    gate: str = ""  # required tag prefix of the first token ("" = any)


def _compile(group: str, question: str, cues: Iterable[str], *, gate: str = "") -> list[_Cue]:
    return [
        _Cue(group, question, cue, tuple(_slot(w) for w in cue.lower().split()), gate)
        for cue in cues
    ]


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def _is_number(tok: str) -> bool:
    return _NUMBER.fullmatch(tok) is not None


_CueIndex = tuple[dict[str, list[_Cue]], list[_Cue]]


def _index(cues: Iterable[_Cue]) -> _CueIndex:
    """Cues by the forms of their first word (plus those starting with a number slot)."""
    by_first: dict[str, list[_Cue]] = {}
    numeric: list[_Cue] = []
    for cue in cues:
        if cue.slots[0] is None:
            numeric.append(cue)
        else:
            for form in cue.slots[0]:
                by_first.setdefault(form, []).append(cue)
    return by_first, numeric


def _match_cues(tokens: list[_Tok], index: _CueIndex) -> list[tuple[_Cue, int, int]]:
    """Every match of every indexed cue: ``(cue, first token, last token + 1)``.

    Within one group, a match inside a longer match of the same group is dropped
    ("market share" wins over "market").
    """
    by_first, numeric = index
    found = []
    n = len(tokens)
    for i in range(n):
        first = tokens[i].lower
        candidates = by_first.get(first, [])
        if numeric and _is_number(first):
            candidates = candidates + numeric
        if not candidates:
            continue
        for cue in candidates:
            k = len(cue.slots)
            if i + k > n:
                continue
            ok = True
            for j, slot in enumerate(cue.slots[1:], start=1):
                word = tokens[i + j].lower
                fits = _is_number(word) if slot is None else word in slot
                if not fits:
                    ok = False
                    break
            if ok and cue.gate and not tokens[i].tag.startswith(cue.gate):
                ok = False
            if ok:
                found.append((cue, i, i + k))
    kept = []
    for cue, i, j in found:
        inside = any(
            other.group == cue.group and oi <= i and j <= oj and (oj - oi) > (j - i)
            for other, oi, oj in found
        )
        if not inside:
            kept.append((cue, i, j))
    # one row per (group, span): two cues of one group on the same words count once
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for cue, i, j in kept:
        if (cue.group, i, j) not in seen:
            seen.add((cue.group, i, j))
            unique.append((cue, i, j))
    return unique


def _blocked_spans(tokens: list[_Tok]) -> list[tuple[int, int]]:
    """Token spans of stop phrases ("right now") inside which no frame cue counts."""
    return [(i, j) for _, i, j in _match_cues(tokens, _STOP_INDEX)]


# --------------------------------------------------------------------------------------
# 1. Generic news frames (Semetko & Valkenburg 2000) and policy frames (Boydstun et al.)
# --------------------------------------------------------------------------------------

#: The 20 yes/no questions of Semetko & Valkenburg (2000), grouped by frame,
#: paraphrased; each cue group below operationalises one of them.
GENERIC_QUESTIONS: dict[str, str] = {
    "responsibility.1": "Does the story suggest that some level of government has the ability "
    "to alleviate the problem?",
    "responsibility.2": "Does the story suggest that some level of government is responsible "
    "for the issue or problem?",
    "responsibility.3": "Does the story suggest solution(s) to the problem or issue?",
    "responsibility.4": "Does the story suggest that an individual or group of people in "
    "society is responsible for the issue or problem?",
    "responsibility.5": "Does the story suggest the problem requires urgent action?",
    "human_interest.1": "Does the story provide a human example or 'human face' on the issue?",
    "human_interest.2": "Does the story employ adjectives or personal vignettes that generate "
    "feelings of outrage, empathy/caring, sympathy or compassion?",
    "human_interest.3": "Does the story emphasise how individuals and groups are affected by "
    "the issue or problem?",
    "human_interest.4": "Does the story go into the private or personal lives of the actors?",
    "human_interest.5": "Does the story contain visual information that might generate "
    "feelings of outrage, empathy/caring, sympathy or compassion? (not coded from text)",
    "conflict.1": "Does the story reflect disagreement between parties, individuals, groups "
    "or countries?",
    "conflict.2": "Does one party, individual, group or country reproach another?",
    "conflict.3": "Does the story refer to two sides or to more than two sides of the problem "
    "or issue?",
    "conflict.4": "Does the story refer to winners and losers?",
    "morality.1": "Does the story contain any moral message?",
    "morality.2": "Does the story make reference to morality, God and other religious tenets?",
    "morality.3": "Does the story offer specific social prescriptions about how to behave?",
    "economic.1": "Is there a mention of financial losses or gains now or in the future?",
    "economic.2": "Is there a mention of the costs or degree of expense involved?",
    "economic.3": "Is there a reference to economic consequences of pursuing or not pursuing "
    "a course of action?",
}

#: Cue lists per scheme, frame and question. Cue syntax: words separated by spaces; each
#: content word also matches its regular inflections (``ban`` matches bans, banned,
#: banning; words that are not purely alphabetic, such as ``%`` or ``u.s.``, are matched as
#: written); in ``a|b`` the forms after ``|`` are irregular forms matched as written; ``#``
#: is any number. Matching is case-insensitive and token-based, so ``right`` does not match
#: inside ``right-wing``.
FRAME_RULES: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "generic": {
        "conflict": {
            "conflict.1": (
                "disagree", "disagreement", "dispute", "controversy", "controversial",
                "conflict", "clash", "tension", "row over", "at odds", "rift", "standoff",
                "confrontation", "oppose", "opposition", "opponent", "protest", "reject",
                "refuse", "deny|denied", "versus", "vs", "ban", "block", "sanction",
                "prohibit", "restrict", "restriction", "restrictive", "suspend",
                "suspension", "deprive", "boycott", "expel", "retaliate", "retaliation",
                "force", "hostile",
            ),
            "conflict.2": (
                "accuse", "accusation", "blame", "criticise", "criticize", "criticism",
                "critic", "condemn", "denounce", "complain", "complaint", "reproach",
                "warn", "warning", "threaten", "threat", "attack", "slam", "misunderstanding",
            ),
            "conflict.3": (
                "both sides", "two sides", "other side", "either side", "each side",
                "on the other hand", "on one hand", "in response to", "counter",
            ),
            "conflict.4": (
                "win|won", "winner", "lose|lost", "loser", "victory", "defeat", "beat|beaten",
                "compete", "competition", "competitor", "rival", "rivalry", "dominate",
            ),
        },
        "economic": {
            "economic.1": (
                "profit", "profitable", "unprofitable", "loss", "gain", "revenue", "income",
                "earnings", "earn", "sale", "sell|sold", "buy|bought", "purchase", "customer",
                "client", "market", "market share", "contract", "licence", "license",
                "business", "commercial", "distributor", "investor", "investment", "invest",
                "share price", "stock", "%", "percent", "per cent", "million", "billion",
                "trillion",
            ),
            "economic.2": (
                "cost", "costly", "expense", "expensive", "price", "pay|paid", "fee",
                "spend|spent", "budget", "afford", "affordable", "cheap", "subsidy", "tax",
                "tariff", "dollar", "euro", "rouble", "ruble", "$", "\u20ac", "\u00a3",
            ),
            "economic.3": (
                "economy", "economic", "economically", "financial", "finance", "trade",
                "job", "unemployment", "inflation", "industry", "sector", "growth",
                "recession",
            ),
        },
        "responsibility": {
            "responsibility.1": (
                "government", "authorities", "ministry", "minister", "regulator",
                "parliament", "lawmaker", "legislator", "state agency", "officials",
            ),
            "responsibility.2": (
                "law", "legislation", "regulation", "policy", "decree", "require",
                "requirement",
            ),
            "responsibility.3": (
                "solution", "solve", "alternative", "switch to", "replace", "remedy", "fix",
                "reform", "measure", "propose", "proposal", "introduce",
            ),
            "responsibility.4": (
                "responsible", "responsibility", "fault", "accountable", "because of",
                "due to", "caused by", "decision of",
            ),
            "responsibility.5": (
                "urge", "need to", "must", "have to", "has to", "had to", "should",
                "urgent", "urgently", "immediately", "call on", "call for", "demand",
                "work hard",
            ),
        },
        "human_interest": {
            "human_interest.1": (
                "family", "child|children", "mother", "father", "parent", "wife", "husband",
                "son", "daughter", "student", "teacher", "patient", "resident", "victim",
                "ordinary people",
            ),
            "human_interest.2": (
                "regret", "feel|felt", "feeling", "sad", "sadness", "tragic", "tragedy",
                "suffer", "suffering", "fear", "afraid", "worry", "worried", "anxious",
                "anger", "angry", "outrage", "sympathy", "compassion", "empathy", "grief",
                "hope", "sorry", "disappointed", "disappointment", "upset", "shocked",
                "unfortunately", "heartbreaking",
            ),
            "human_interest.3": (
                "affect", "impact on", "struggle", "hardship", "cope", "hit hard",
                "deprived of",
            ),
            "human_interest.4": (
                "private life", "personal life", "personal", "childhood", "married",
                "friend", "home",
            ),
        },
        "morality": {
            "morality.1": (
                "moral", "immoral", "morally", "ethic", "ethical", "unethical", "right",
                "wrong", "fair", "unfair", "justice", "injustice", "unjust", "honest",
                "dishonest", "shame", "shameful", "disgrace", "decent", "conscience",
                "integrity", "corrupt", "corruption", "illegal", "unlawful", "legitimate",
                "illegitimate",
            ),
            "morality.2": (
                "god", "religion", "religious", "church", "faith", "sin", "pray", "prayer",
                "holy", "sacred", "bible", "spiritual",
            ),
            "morality.3": (
                "ought to", "duty", "obligation", "obliged to", "how to behave",
                "set an example", "lesson",
            ),
        },
    },
    # Policy Frames Codebook dimensions (Boydstun et al. 2014; Card et al. 2015). The codebook
    # defines frames by description; these cue lists are this project's operationalisation.
    "policy": {
        "economic": {"policy.economic": (
            "cost", "money", "revenue", "profit", "profitable", "sale", "sell|sold", "market",
            "economy", "economic", "financial", "budget", "tax", "price", "%", "million",
            "billion", "job", "trade", "business", "commercial", "contract", "customer",
        )},
        "capacity_resources": {"policy.capacity_resources": (
            "resource", "capacity", "shortage", "lack of", "infrastructure", "staff",
            "supply", "availability", "alternative", "equivalent", "platform",
        )},
        "morality": {"policy.morality": (
            "moral", "immoral", "ethical", "religious", "god", "church", "faith", "sin",
            "conscience", "duty",
        )},
        "fairness_equality": {"policy.fairness_equality": (
            "fair", "unfair", "equal", "equality", "inequality", "discrimination",
            "discriminate", "justice", "injustice", "double standard",
        )},
        "legality": {"policy.legality": (
            "law", "legal", "illegal", "legally", "legislation", "court", "judge", "ruling",
            "lawsuit", "sue", "constitution", "constitutional", "rights", "licence", "license",
            "comply", "compliance", "violate", "violation", "prohibit", "ban",
        )},
        "policy_prescription": {"policy.policy_prescription": (
            "policy", "measure", "proposal", "propose", "plan", "reform", "recommend",
            "strategy", "approach", "solution", "initiative", "programme", "program",
            "switch to", "urge",
        )},
        "crime_punishment": {"policy.crime_punishment": (
            "crime", "criminal", "police", "arrest", "prison", "jail", "punish",
            "punishment", "penalty", "prosecute", "prosecutor", "fraud", "investigation",
            "investigate",
        )},
        "security_defense": {"policy.security_defense": (
            "security", "secure", "defence", "defense", "military", "army", "threat",
            "attack", "terror", "terrorism", "terrorist", "war", "espionage", "spy",
            "surveillance", "closed channel",
        )},
        "health_safety": {"policy.health_safety": (
            "health", "safety", "safe", "disease", "pandemic", "covid", "coronavirus",
            "virus", "hospital", "injury", "death", "vaccine",
        )},
        "quality_of_life": {"policy.quality_of_life": (
            "quality of life", "wellbeing", "well-being", "lifestyle", "convenience",
            "daily life", "comfort", "remote work", "work from home",
        )},
        "cultural_identity": {"policy.cultural_identity": (
            "culture", "cultural", "tradition", "traditional", "identity", "heritage",
            "patriotic", "western",
        )},
        "public_opinion": {"policy.public_opinion": (
            "poll", "survey", "public opinion", "voter", "protest", "popularity",
            "backlash", "outcry",
        )},
        "political": {"policy.political": (
            "political", "politics", "politician", "election", "party", "parliament",
            "president", "kremlin", "minister", "lawmaker", "opposition", "campaign", "vote",
            "spokesman", "spokeswoman",
        )},
        "external_regulation": {"policy.external_regulation": (
            "sanction", "international", "foreign", "u.s.", "american", "treaty",
            "diplomatic", "relations", "reputation", "image", "post-soviet", "cis",
            "commonwealth", "multilateral",
        )},
    },
}

_POLICY_DESCRIPTIONS = {
    "policy.economic": "Economic: costs, benefits or monetary/financial implications",
    "policy.capacity_resources": "Capacity and resources: availability of physical, human or "
    "financial resources",
    "policy.morality": "Morality: religious or ethical implications",
    "policy.fairness_equality": "Fairness and equality: balance of rights or duties between "
    "individuals or groups",
    "policy.legality": "Legality, constitutionality and jurisprudence: legal rights, "
    "restrictions and court matters",
    "policy.policy_prescription": "Policy prescription and evaluation: particular policies "
    "proposed or evaluated",
    "policy.crime_punishment": "Crime and punishment: violation of rules, enforcement, "
    "sentencing",
    "policy.security_defense": "Security and defense: threats to welfare or security and "
    "their defence",
    "policy.health_safety": "Health and safety: health care, sanitation, public safety",
    "policy.quality_of_life": "Quality of life: effects on people's wealth, mobility, "
    "daily routines",
    "policy.cultural_identity": "Cultural identity: traditions, customs, values of a group",
    "policy.public_opinion": "Public opinion: attitudes of the public, polls, protests",
    "policy.political": "Political: political actors, considerations and manoeuvring",
    "policy.external_regulation": "External regulation and reputation: relations with other "
    "states, international reputation and regulation",
}

# Phrases inside which no frame cue counts ("right now" is not a moral "right").
_STOP_PHRASES = (
    "right now", "right away", "all right", "right after", "right before", "right here",
    "right there", "fair amount",
)
_STOP_INDEX = _index(_compile("stop", "stop", _STOP_PHRASES))

# First-person words inside a quotation: a human voice speaking for itself (human_interest.1).
# Singular only: the "we" and "our" of a spokesperson or a company speak for an institution.
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PERSON_QUESTION = "human_interest.1"
_FIRST_PERSON_CUE = "first-person singular pronoun inside a quotation"

_SCHEMES = ("generic", "policy")


@functools.lru_cache(maxsize=4)
def _frame_index(scheme: str) -> _CueIndex:
    if scheme not in FRAME_RULES:
        raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
    cues: list[_Cue] = []
    for frame, questions in FRAME_RULES[scheme].items():
        for question, words in questions.items():
            cues += _compile(frame, question, words)
    return _index(cues)


def _question_text(question: str) -> str:
    return GENERIC_QUESTIONS.get(question) or _POLICY_DESCRIPTIONS.get(question, "")


def frame_rules(*, scheme: str = "generic") -> pd.DataFrame:
    """The frame rule set as a table, one row per cue.

    Args:
        scheme: ``"generic"`` (Semetko & Valkenburg's five news frames) or ``"policy"``
            (Policy Frames Codebook dimensions).

    Returns:
        DataFrame with columns ``scheme, frame, question, question_text, cue``:
        ``question`` is the rule id (``"conflict.2"``), ``question_text`` the battery
        question (generic) or the codebook description (policy) it operationalises, and
        ``cue`` the cue as written (see :data:`FRAME_RULES` for the syntax). The first-person
        rule of ``human_interest.1`` is listed with the cue
        ``"first-person singular pronoun inside a quotation"``.

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.

        Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking
        the development of media frames within and across policy issues. Working paper.

        Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media
        Frames Corpus: Annotations of frames across issues. Proceedings of ACL-IJCNLP 2015
        (Volume 2: Short Papers), 438-444.

    Example:
        >>> rules = frame_rules()
        >>> sorted(rules["frame"].unique())
        ['conflict', 'economic', 'human_interest', 'morality', 'responsibility']
    """
    if scheme not in FRAME_RULES:
        raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
    rows = []
    for frame, questions in FRAME_RULES[scheme].items():
        for question, words in questions.items():
            for cue in words:
                rows.append((scheme, frame, question, _question_text(question), cue))
            if scheme == "generic" and question == _FIRST_PERSON_QUESTION:
                rows.append((scheme, frame, question, _question_text(question), _FIRST_PERSON_CUE))
    return pd.DataFrame(rows, columns=["scheme", "frame", "question", "question_text", "cue"])


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
            hits.append((tokens[i].start, tokens[j - 1].end, cue.group, cue.question, cue.cue))
        if parity is not None:
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


def _tokens_lower(text: str) -> list[_Tok]:
    """Tokens without tags (frame cues need none): cheap and model-free."""
    return [_Tok(t, t.lower().replace("\u2019", "'"), "", s, e) for t, s, e in _tokens(text)]


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


# --------------------------------------------------------------------------------------
# 2. Distinctive vocabulary: Fightin' Words (Monroe, Colaresi & Quinn 2008)
# --------------------------------------------------------------------------------------

#: Default total weight of the informative prior (the sum of the pseudo-counts).
DEFAULT_ALPHA0 = 100.0


def _as_counts(counts: Any, name: str) -> pd.Series:
    if isinstance(counts, pd.Series):
        series = counts.astype(float)
    elif isinstance(counts, Mapping):
        series = pd.Series(dict(counts), dtype=float)
    else:
        raise TypeError(
            f"{name} must be a mapping or Series of term counts, not {type(counts).__name__}"
        )
    series.index = series.index.map(str)
    if series.isna().any():
        raise ValueError(f"{name} has missing counts for {list(series.index[series.isna()])[:5]}")
    if (series < 0).any():
        raise ValueError(f"{name} has negative counts for {list(series.index[series < 0])[:5]}")
    return series.groupby(level=0).sum()


def fightin_words(
    counts_a: Mapping[str, float] | pd.Series,
    counts_b: Mapping[str, float] | pd.Series,
    *,
    prior: float | Mapping[str, float] | pd.Series | None = None,
    alpha0: float | None = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior ("Fightin' Words").

    For each term w used by A or B, with counts ``y_a``, ``y_b``, totals ``n_a``, ``n_b``,
    pseudo-count ``a_w`` and prior total ``a0 = sum(a_w)`` (Monroe et al. 2008, eq. 16-22)::

        delta_w = log((y_a + a_w) / (n_a + a0 - y_a - a_w))
                - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
        var_w   = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        z_w     = delta_w / sqrt(var_w)

    Positive ``z`` marks a term typical of A, negative of B; ``|z| > 1.96`` is the paper's
    rough guide for a notable difference.

    The prior. By default (``prior=None``) it is informative: the pooled counts of A and B,
    rescaled so that they sum to ``alpha0`` (default 100), i.e. ``a_w = alpha0 * (y_a + y_b)
    / (n_a + n_b)``. Pooling shrinks rare words towards "no difference" in proportion to
    how rare they are, which is the point of the method; ``alpha0 = 100`` keeps the prior
    weaker than the data for news articles of a few hundred words (pass a larger value to
    shrink harder). ``prior`` may instead be background counts (a Series or mapping, e.g.
    counts from a larger news corpus): they are rescaled to ``alpha0`` the same way, or used
    as given when ``alpha0=None``; terms of A or B missing from the background get the
    smallest positive background count. A number gives the flat (uninformative) prior
    ``a_w = prior`` for every term (``alpha0`` is then ignored).

    Args:
        counts_a: term counts of text (or group) A.
        counts_b: term counts of text (or group) B.
        prior: ``None`` (pooled counts), background counts, or a flat pseudo-count.
        alpha0: total weight the prior is rescaled to; ``None`` keeps it as given; ignored
            for a flat prior.

    Returns:
        One row per term used by A or B, sorted by ``z`` (descending), with columns
        ``term, count_a, count_b, freq`` (count_a + count_b), ``alpha`` (the pseudo-count
        ``a_w``), ``delta``, ``var``, ``z``.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403.

    Example:
        >>> table = fightin_words({"ban": 3, "zoom": 2}, {"sell": 3, "zoom": 2})
        >>> table["term"].tolist()
        ['ban', 'zoom', 'sell']
    """
    a = _as_counts(counts_a, "counts_a")
    b = _as_counts(counts_b, "counts_b")
    vocab = sorted(set(a.index[a > 0]) | set(b.index[b > 0]))
    columns = ["term", "count_a", "count_b", "freq", "alpha", "delta", "var", "z"]
    if not vocab:
        return _empty(columns)
    ya = a.reindex(vocab, fill_value=0.0).to_numpy(float)
    yb = b.reindex(vocab, fill_value=0.0).to_numpy(float)
    if isinstance(prior, (int, float)) and not isinstance(prior, bool):
        if prior <= 0:
            raise ValueError(f"a flat prior must be positive, got {prior}")
        alpha = np.full(len(vocab), float(prior))
        a0 = alpha.sum()
    else:
        if prior is None:
            background = pd.Series(ya + yb, index=vocab)
        else:
            background = _as_counts(prior, "prior")
            positive = background[background > 0]
            if positive.empty:
                raise ValueError("the background prior has no positive counts")
            background = background.reindex(vocab).fillna(positive.min()).clip(lower=positive.min())
        if alpha0 is not None:
            if alpha0 <= 0:
                raise ValueError(f"alpha0 must be positive, got {alpha0}")
            alpha = background.to_numpy(float) * (alpha0 / background.sum())
        else:
            alpha = background.to_numpy(float)
        a0 = alpha.sum()
    na, nb = ya.sum(), yb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log(
            (yb + alpha) / (nb + a0 - yb - alpha)
        )
        var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        z = delta / np.sqrt(var)
    out = pd.DataFrame(
        {
            "term": vocab,
            "count_a": ya.astype("int64") if np.all(ya == ya.round()) else ya,
            "count_b": yb.astype("int64") if np.all(yb == yb.round()) else yb,
            "freq": ya + yb,
            "alpha": alpha,
            "delta": delta,
            "var": var,
            "z": z,
        }
    )
    if np.all(out["freq"] == out["freq"].round()):
        out["freq"] = out["freq"].astype("int64")
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


_WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[^\W\d_]+(?:-[^\W\d_]+)*")
_CLITIC_WORDS = frozenset({"s", "m", "t", "d", "ll", "re", "ve"})


def _terms(text: str, *, ngram: int, stopwords: bool) -> list[str]:
    """Lower-case word n-grams of ``text`` (see :func:`distinctive_terms`)."""
    stop = _stopwords() if stopwords else frozenset()
    words: list[tuple[str, int, int]] = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in _CLITIC_WORDS and m.start() > 0 and text[m.start() - 1] in _APOS:
            continue  # the 's of Russia's, the 'm of I'm
        words.append((w, m.start(), m.end()))
    if ngram == 1:
        return [w for w, _, _ in words if w not in stop]
    grams = []
    for (w1, _, e1), (w2, s2, _) in zip(words, words[1:]):
        gap = text[e1:s2]
        if gap.strip() or "\n" in gap or w1 in stop or w2 in stop:
            continue
        grams.append(f"{w1} {w2}")
    return grams


def distinctive_terms(
    texts: Mapping[str, str],
    *,
    ngram: int = 1,
    min_count: int = 1,
    stopwords: bool = True,
    prior: float | Mapping[str, float] | pd.Series | None = None,
    alpha0: float | None = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Words (or two-word phrases) that set each report apart, by Fightin' Words z-scores.

    Tokenisation: lower-cased runs of letters (hyphenated words and abbreviations such as
    "U.S." kept whole, digits and punctuation dropped, the clitics of "Russia's" and "I'm"
    dropped). Unigrams: NLTK's
    English stop words removed when ``stopwords`` is true. Bigrams: two words adjacent in
    the text with nothing but spaces between them (no punctuation, no line break), neither
    a stop word when ``stopwords`` is true; a stop word breaks adjacency rather than being
    skipped, so "sales to Russian agencies" gives only "russian agencies".

    With two texts, A is compared with B (and B with A: the same numbers, sign flipped);
    with more, each text is compared with all the others pooled. The prior is that of
    :func:`fightin_words` (default: the pooled counts of all texts rescaled to ``alpha0``).

    Args:
        texts: ``{article_id: text}`` with at least two entries.
        ngram: 1 (words) or 2 (two-word phrases).
        min_count: drop terms used fewer times than this in all texts together.
        stopwords: remove NLTK English stop words (see above).
        prior: as in :func:`fightin_words`; ``None`` pools all texts.
        alpha0: as in :func:`fightin_words`.

    Returns:
        One row per article and term of the whole vocabulary, with columns ``article,
        term, count`` (in this article), ``count_other`` (in the others), ``z, delta``
        (this article against the others) and ``rank`` (1 = highest z in this article),
        sorted by article and rank.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
        feature selection and evaluation for identifying the content of political
        conflict. Political Analysis, 16(4), 372-403.

    Example:
        >>> t = distinctive_terms({"a": "ban ban ban zoom", "b": "sell sell sell zoom"})
        >>> t[t["rank"] == 1][["article", "term"]].values.tolist()
        [['a', 'ban'], ['b', 'sell']]
    """
    columns = ["article", "term", "count", "count_other", "z", "delta", "rank"]
    if ngram not in (1, 2):
        raise ValueError(f"ngram must be 1 or 2, got {ngram}")
    if not isinstance(texts, Mapping):
        raise TypeError("texts must be a dict {article_id: text}")
    if len(texts) == 0:
        return _empty(columns)
    if len(texts) < 2:
        raise ValueError("distinctive_terms needs at least two texts to compare")
    counts = {}
    for key, text in texts.items():
        if not isinstance(text, str):
            raise TypeError(f"text of article {key!r} is {type(text).__name__}, not str")
        counts[key] = Counter(_terms(text, ngram=ngram, stopwords=stopwords))
    total = Counter()
    for c in counts.values():
        total.update(c)
    keep = {t for t, n in total.items() if n >= min_count}
    pooled = pd.Series({t: total[t] for t in sorted(keep)}, dtype=float)
    rows = []
    for key, own in counts.items():
        mine = pd.Series({t: own[t] for t in sorted(keep)}, dtype=float)
        other = pooled - mine if len(pooled) else pooled
        if not len(pooled) or pooled.sum() == 0:
            continue
        table = fightin_words(mine, other, prior=pooled if prior is None else prior, alpha0=alpha0)
        table = table.assign(article=key, rank=np.arange(1, len(table) + 1))
        rows.append(table.rename(columns={"count_a": "count", "count_b": "count_other"}))
    if not rows:
        return _empty(columns)
    out = pd.concat(rows, ignore_index=True)[columns]
    return out.astype({"count": "int64", "count_other": "int64", "rank": "int64"})


# --------------------------------------------------------------------------------------
# 3. Key words in context
# --------------------------------------------------------------------------------------


def _phrase_regex(term: str) -> re.Pattern[str]:
    """Case-insensitive whole-word regex for a word or phrase (:func:`analysis.text.phrase_pattern`)."""
    from ..text import phrase_pattern

    return phrase_pattern(term)


def _rebuild_texts(frame: pd.DataFrame, has_article: bool) -> dict[Any, str]:
    """Article texts rebuilt from sentences: each sentence at its offsets, spaces between."""
    texts = {}
    groups = frame.groupby("article", sort=False) if has_article else [(None, frame)]
    for key, part in groups:
        size = int(part["end"].max()) if len(part) else 0
        buf = [" "] * size
        for start, text in zip(part["start"], part["text"]):
            buf[int(start) : int(start) + len(text)] = list(text)
        texts[key] = "".join(buf)
    return texts


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def kwic(texts_or_sentences: Any, term: str, *, window: int = 40) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, with its surroundings.

    Matching is case-insensitive, on whole words ("Zoom" matches "Zoom's" but not
    "Zooming"), and any whitespace may separate the words of a phrase.

    Args:
        texts_or_sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        term: the word or phrase to look for.
        window: characters of context on each side (whitespace runs shown as one space).

    Returns:
        One row per occurrence, in text order, with columns ``article`` (when the input
        names articles), ``sentence`` (the sentence where the occurrence starts),
        ``left, term, right`` (``term`` as written in the text) and ``start, end``
        (offsets of the occurrence in the article text).

    References:
        Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC
        index). American Documentation, 11(4), 288-295.

    Example:
        >>> row = kwic("Zoom will sell directly. Russia blocked LinkedIn.", "sell").iloc[0]
        >>> (row["left"], row["term"], row["right"])
        ('Zoom will ', 'sell', ' directly. Russia blocked LinkedIn.')
    """
    pattern = _phrase_regex(term)
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    frame, has_article = _as_sentences(texts_or_sentences)
    columns = _key_columns(has_article) + ["sentence", "left", "term", "right", "start", "end"]
    if frame.empty:
        return _empty(columns)
    rows = []
    for key, text in _rebuild_texts(frame, has_article).items():
        part = frame[frame["article"] == key] if has_article else frame
        part = part.sort_values("start")
        starts = part["start"].to_numpy()
        numbers = part["sentence"].to_numpy()
        for m in pattern.finditer(text):
            idx = int(np.searchsorted(starts, m.start(), side="right")) - 1
            record = {
                "sentence": int(numbers[max(idx, 0)]),
                "left": _squash(text[max(0, m.start() - window) : m.start()]).lstrip(),
                "term": m.group(),
                "right": _squash(text[m.end() : m.end() + window]).rstrip(),
                "start": m.start(),
                "end": m.end(),
            }
            if has_article:
                record["article"] = key
            rows.append(record)
    return _frame(rows, columns)


# --------------------------------------------------------------------------------------
# 4-5. Who does what: noun-phrase subjects and the verb groups that follow them
# --------------------------------------------------------------------------------------

_NOUN = ("NN", "NNS", "NNP", "NNPS")
_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "NN", "NNS", "NNP",
                      "NNPS"})
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "one", "this",
                               "these", "those"})
_SUBORDINATORS = frozenset({"after", "before", "because", "since", "while", "although", "though",
                            "if", "unless", "until", "when", "whereas", "as", "that", "whether",
                            "once", "so"})
_FINITE = ("MD", "VBD", "VBZ", "VBP")
_PREDETERMINERS = frozenset({"both", "either", "neither"})
_AUXILIARIES = frozenset(
    "be am is are was were been being have has had having do does did will would shall "
    "should can could may might must 's 're 've 'm 'd".split()
)


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


def actor_actions(sentences: Any, *, pronouns: bool = True) -> pd.DataFrame:
    """Who does what: actor-action pairs from part-of-speech patterns.

    An actor is a noun phrase (or a subject pronoun) immediately followed by a finite verb
    group: a modal or finite verb plus any further verbs and adverbs, ending at its last verb
    ("Zoom banned", "the Kremlin urged", "Russia has vowed", "Zoom will sell", "Peskov
    urged", "Russia has previously blocked"). Adverbs may stand between actor and verb
    ("Zoom still intends"). A noun phrase right after a preposition ("in the United States
    clarified") is not taken as an actor; "of" joins noun phrases ("representatives of
    several Russian universities told"). Tags come from NLTK's averaged perceptron tagger.

    Limits: the actor is the grammatical subject, which in a passive clause is not the doer
    ("this information was disseminated"); subjects separated from their verb by a phrase
    or a clause ("Peskov on Wednesday expressed") are missed; pronouns are not resolved
    (see ``analysis.sources`` for speakers).

    Args:
        sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        pronouns: keep actors that are pronouns ("he said"); False drops them.

    Returns:
        One row per pair, in text order, with columns ``article`` (when the input names
        articles), ``sentence, actor, action, actor_start, actor_end, action_start,
        action_end`` (offsets in the article text).

    References:
        Marcus, M. P., Santorini, B., & Marcinkiewicz, M. A. (1993). Building a large
        annotated corpus of English: The Penn Treebank. Computational Linguistics, 19(2),
        313-330.

        Bird, S., Klein, E., & Loper, E. (2009). Natural Language Processing with Python,
        ch. 7 (chunking with part-of-speech patterns). O'Reilly.

    Example:
        >>> pairs = actor_actions("The Kremlin urged companies to switch.")
        >>> pairs[["actor", "action"]].values.tolist()
        [['The Kremlin', 'urged']]
    """
    frame, has_article = _as_sentences(sentences)
    columns = _key_columns(has_article) + [
        "sentence", "actor", "action", "actor_start", "actor_end", "action_start", "action_end",
    ]
    rows = []
    for row in frame.itertuples(index=False):
        toks = _tagged(row.text)
        for subj, verb in _pairs(toks):
            if not pronouns and subj[1] - subj[0] == 1 and toks[subj[0]].tag in ("PRP", "DT"):
                continue
            actor, a_s, a_e = _span(toks, row.text, subj)
            action, v_s, v_e = _span(toks, row.text, verb)
            record = {
                "sentence": int(row.sentence), "actor": actor, "action": action,
                "actor_start": int(row.start) + a_s, "actor_end": int(row.start) + a_e,
                "action_start": int(row.start) + v_s, "action_end": int(row.start) + v_e,
            }
            if has_article:
                record["article"] = row.article
            rows.append(record)
    return _frame(rows, columns)


def _headline_words(toks: list[tuple[str, int, int]], body: pd.DataFrame) -> list[str]:
    """Words to tag for a Title Case headline: capitals kept only where the body keeps them.

    The tagger reads "Zoom to Directly Sell" as a row of proper nouns; lower-casing the
    words the body writes in lower case lets it see the verb.
    """
    words = [t for t, _, _ in toks]
    alpha = [w for w in words[1:] if w[:1].isalpha()]
    if not alpha or sum(w[:1].isupper() for w in alpha) < 0.6 * len(alpha):
        return words
    capitalised_in_body = set()
    for text in body["text"]:
        for tok, s, _ in _tokens(text):
            if tok[:1].isupper() and s > 0:
                capitalised_in_body.add(tok)
    out = [words[0]]
    for w in words[1:]:
        keep = not w[:1].isupper() or w in capitalised_in_body or (w.isupper() and len(w) > 1)
        out.append(w if keep else w.lower())
    return out


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


def headline_and_lead(
    article: Any,
    *,
    headline: str | None = None,
    article_id: str | None = None,
    lead: int = 2,
) -> pd.DataFrame:
    """What a report puts first: its headline and lead sentences, with actor and action.

    For each of the headline (when known) and the first ``lead`` sentences, the grammatical
    actor is the subject noun phrase of the main clause and the action its finite verb
    group ("Zoom will sell directly..." -> actor "Zoom", action "will sell"). The main clause
    is the first finite verb group; its actor is the noun phrase right before it, or else
    the first noun phrase before it that does not follow a preposition. A Title Case headline
    is tagged with its words lower-cased where the article body writes them in lower case,
    and "to" + verb counts as a verb in a headline ("Zoom to Directly Sell").

    Args:
        article: an article-like object (``.id``, ``.headline``, ``.sentences``), a tuple
            ``(article_id, headline, sentences)`` or a sentences DataFrame.
        headline: the headline (overrides the article's own).
        article_id: the article id (overrides the article's own).
        lead: how many opening sentences to show.

    Returns:
        Rows for the headline (if any) and the lead sentences, with columns ``article``,
        ``part`` (``"headline"`` or ``"lead"``), ``sentence`` (-1 for the headline),
        ``text``, ``actor``, ``action`` (empty strings when none is found) and
        ``actor_start, actor_end, action_start, action_end``. Offsets count in the
        headline string for the headline row and in the article text for lead rows; -1
        where there is no actor or action.

    References:
        van Dijk, T. A. (1988). News as Discourse. Hillsdale, NJ: Lawrence Erlbaum
        (headline and lead as the summary that expresses the top of a report's structure).

        Bell, A. (1991). The Language of News Media. Oxford: Blackwell.

    Example:
        >>> t = headline_and_lead(("mt", "Zoom to Directly Sell", "Zoom will sell directly."))
        >>> t[["part", "actor", "action"]].values.tolist()
        [['headline', 'Zoom', 'to Directly Sell'], ['lead', 'Zoom', 'will sell']]
    """
    if isinstance(article, tuple):
        if len(article) != 3:
            raise ValueError("pass a tuple (article_id, headline, sentences)")
        a_id, a_head, sents = article
    elif hasattr(article, "sentences"):
        a_id = getattr(article, "id", None)
        a_head, sents = getattr(article, "headline", None), article
    else:
        a_id, a_head, sents = None, None, article
    a_id = article_id if article_id is not None else a_id
    a_head = headline if headline is not None else a_head
    frame, has_article = _as_sentences(sents)
    if a_id is None and has_article and frame["article"].nunique() == 1:
        a_id = frame["article"].iloc[0]
    if has_article and frame["article"].nunique() > 1:
        raise ValueError("headline_and_lead takes one article; got sentences of several")
    columns = ["article", "part", "sentence", "text", "actor", "action",
               "actor_start", "actor_end", "action_start", "action_end"]
    rows = []

    def record(part: str, number: int, text: str, base: int, toks: list[_Tok], subj, verb) -> dict:
        actor, a_s, a_e = _span(toks, text, subj) if subj else ("", -1, -1)
        action, v_s, v_e = _span(toks, text, verb) if verb else ("", -1, -1)
        return {
            "article": a_id, "part": part, "sentence": number, "text": text, "actor": actor,
            "action": action,
            "actor_start": a_s + base if subj else -1, "actor_end": a_e + base if subj else -1,
            "action_start": v_s + base if verb else -1, "action_end": v_e + base if verb else -1,
        }

    ordered = frame.sort_values("sentence")
    if isinstance(a_head, str) and a_head.strip():
        raw = _tokens(a_head)
        toks = _tagged(a_head, words_for_tagging=_headline_words(raw, ordered))
        subj, verb = _main_clause(toks, headline=True)
        rows.append(record("headline", -1, a_head, 0, toks, subj, verb))
    for row in ordered.head(max(lead, 0)).itertuples(index=False):
        toks = _tagged(row.text)
        subj, verb = _main_clause(toks)
        rows.append(record("lead", int(row.sentence), row.text, int(row.start), toks, subj, verb))
    out = _frame(rows, columns)
    if not out.empty:
        out = out.astype({c: "int64" for c in columns if c in _INT_COLUMNS})
    return out


# --------------------------------------------------------------------------------------
# 6. Hedges and stance markers
# --------------------------------------------------------------------------------------

#: Stance marker lists (see ``docs/framing_rules.md`` for sources). Same cue syntax as
#: :data:`FRAME_RULES`. Modal hedges count only when tagged as modals (so "May" the month
#: does not), loaded verbs only when tagged as verbs ("claims" the noun does not).
STANCE_MARKERS: dict[str, tuple[str, ...]] = {
    "hedge": (
        "presumably", "probably", "possibly", "perhaps", "maybe", "apparently", "seemingly",
        "likely", "unlikely", "arguably", "suggest", "appear to", "seem", "it seems",
        "generally", "in general", "on the whole", "to some extent", "somewhat", "largely",
        "if i 'm not mistaken", "if i am not mistaken", "as far as i know", "i think",
        "i believe", "we believe", "tend to", "approximately", "roughly", "almost",
        "nearly", "about #", "around #", "some #", "estimate",
    ),
    "distance": (
        "reportedly", "allegedly", "purportedly", "supposedly", "ostensibly", "so-called",
        "what it says is", "what he says is", "what she says is", "what they say is",
        "what it calls", "what he calls", "what she calls", "what they call",
        "according to", "is said to", "are said to", "was said to", "is reported to",
        "is believed to", "said to be",
    ),
    "booster": (
        "of course", "clearly", "obviously", "certainly", "definitely", "undoubtedly",
        "indeed", "in fact", "no doubt", "surely", "evidently", "actually",
    ),
    "loaded_verb": (
        "claim", "insist", "admit", "concede", "complain", "vow", "urge", "warn", "allege",
        "boast", "deny|denied", "accuse", "slam", "blast", "lash out", "hail", "threaten",
        "refuse", "argue", "acknowledge", "confess", "emphasise", "emphasize", "stress",
        "reveal", "assert", "declare", "demand",
    ),
}

_MODAL_HEDGES = ("may", "might", "could")

#: Evaluative adjectives added to Hu & Liu's opinion lexicon: Bednarek's (2006) evaluative
#: parameters of importance, expectedness and reliability, which a sentiment lexicon lacks.
EVALUATIVE_ADJECTIVES: frozenset[str] = frozenset(
    """important significant key major crucial vital serious huge massive unprecedented
    historic dramatic surprising unexpected unusual shocking remarkable extraordinary
    inaccurate false genuine credible reliable dubious questionable controversial
    alleged notorious""".split()
)

_SCARE_QUOTE = re.compile(r'"([^"\n]{1,80})"')


@functools.lru_cache(maxsize=1)
def _stance_index() -> _CueIndex:
    cues: list[_Cue] = []
    for category, words in STANCE_MARKERS.items():
        gate = "VB" if category == "loaded_verb" else ""
        cues += _compile(category, category, words, gate=gate)
    cues += _compile("hedge", "hedge", _MODAL_HEDGES, gate="MD")
    return _index(cues)


def stance_markers(sentences: Any, *, scare_quotes: bool = True) -> pd.DataFrame:
    """Hedges, distancing, boosters, evaluative adjectives and loaded reporting verbs.

    Categories:

    - ``hedge``: the writer or speaker withholds full commitment ("presumably", "if I'm not
      mistaken", "suggested", "generally"; the modals may/might/could when tagged MD;
      approximators before a number, "about 20") -- Hyland's hedges.
    - ``distance``: the claim is attributed or kept at arm's length ("reportedly",
      "allegedly", "so-called", "what it says is", "according to"), plus scare quotes: a
      quoted stretch of one to four words inside a sentence (``"illegal content."``).
    - ``booster``: certainty is stressed ("of course", "clearly", "in fact") -- Hyland's
      boosters.
    - ``evaluative``: adjectives (tagged JJ/JJR/JJS) found in Hu & Liu's opinion lexicon or
      in :data:`EVALUATIVE_ADJECTIVES` (importance, expectedness, reliability).
    - ``loaded_verb``: reporting verbs that colour what is reported ("vowed",
      "complained", "admitted", "insisted", "claimed", "urged", "warned"), when tagged as
      verbs; "said" and "told" are the neutral baseline and are not listed.

    Limits: the lists come from studies of academic writing (hedges, boosters) and of
    British newspapers (evaluation); they are matched without reading sense, so "could"
    of past ability counts as a hedge; an opinion-lexicon adjective may be neutral in
    context ("free").

    Args:
        sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        scare_quotes: also report short quoted stretches as ``distance`` markers.

    Returns:
        One row per marker, in text order, with columns ``article`` (when the input names
        articles), ``sentence, category, marker`` (the words as written), ``start, end``
        (offsets in the article text) and ``sentence_text``.

    References:
        Hyland, K. (1998). Hedging in Scientific Research Articles. Amsterdam: John
        Benjamins.

        Hyland, K. (2005). Stance and engagement: A model of interaction in academic
        discourse. Discourse Studies, 7(2), 173-192.

        Bednarek, M. (2006). Evaluation in Media Discourse: Analysis of a Newspaper Corpus.
        London: Continuum.

        Hu, M., & Liu, B. (2004). Mining and summarizing customer reviews. Proceedings of
        KDD 2004, 168-177.

        Caldas-Coulthard, C. R. (1994). On reporting reporting: The representation of
        speech in factual and fictional narratives. In M. Coulthard (Ed.), Advances in
        Written Text Analysis. London: Routledge.

    Example:
        >>> m = stance_markers("Zoom reportedly banned sales, Peskov complained.")
        >>> m[["category", "marker"]].values.tolist()
        [['distance', 'reportedly'], ['loaded_verb', 'complained']]
    """
    frame, has_article = _as_sentences(sentences)
    columns = _key_columns(has_article) + [
        "sentence", "category", "marker", "start", "end", "sentence_text",
    ]
    index = _stance_index()
    rows = []
    evaluative = None
    for row in frame.itertuples(index=False):
        text = row.text
        toks = _tagged(text)
        hits = []
        taken: list[tuple[int, int]] = []
        for cue, i, j in _match_cues(toks, index):
            s, e = toks[i].start, toks[j - 1].end
            hits.append((s, e, cue.group))
            taken.append((s, e))
        if any(t.tag in ("JJ", "JJR", "JJS") for t in toks):
            if evaluative is None:
                evaluative = _opinion_words() | EVALUATIVE_ADJECTIVES
            for t in toks:
                if t.tag in ("JJ", "JJR", "JJS") and t.lower in evaluative and not any(
                    s <= t.start < e for s, e in taken
                ):
                    hits.append((t.start, t.end, "evaluative"))
        if scare_quotes:
            for m in _SCARE_QUOTE.finditer(text):
                inner = [w for w, _, _ in _tokens(m.group(1)) if re.match(r"\w", w)]
                whole = m.start() == 0 and text[m.end():].strip(' .,;:!?') == ""
                if 1 <= len(inner) <= 4 and not whole:
                    hits.append((m.start(), m.end(), "distance"))
        for s, e, category in sorted(hits):
            record = {
                "sentence": int(row.sentence), "category": category, "marker": text[s:e],
                "start": int(row.start) + s, "end": int(row.start) + e, "sentence_text": text,
            }
            if has_article:
                record["article"] = row.article
            rows.append(record)
    return _frame(rows, columns)


# --------------------------------------------------------------------------------------
# 7. What each report leaves out
# --------------------------------------------------------------------------------------

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
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
_IDIOMS = _index(_compile("idiom", "idiom", (
    "of course", "at the same time", "at the moment", "for example", "for instance",
    "as a result", "in connection with", "take|took|taken place", "in the process of",
    "the day before", "on the whole", "in fact", "in order to", "in terms of",
    "in the course of",
)))
_KIND_ORDER = {"entity": 0, "number": 1, "noun_phrase": 2}
_WHERE = ("only in A", "in both", "only in B")

#: Other names of one place or body, lower case -> the name used as the item. Applied to
#: entities after short forms are linked ("Zoom" -> "Zoom Video Communications"), so that
#: "U.S." in one report and "United States" in the other count as one item. Only names
#: go here: adjectives ("American", "Russian") are not entities and are not mapped.
ENTITY_ALIASES: dict[str, str] = {
    "u.s.": "united states",
    "us": "united states",
    "u.s.a.": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
    "u.n.": "united nations",
    "un": "united nations",
    "cis": "commonwealth of independent states",
    "russian federation": "russia",
    "ussr": "soviet union",
    "u.s.s.r.": "soviet union",
}

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
    from ..entities import link_short_forms

    surnames = {k.split()[-1] for k, lab in labels.items() if lab == "PERSON" and " " in k}
    fixed = {k: ("PERSON" if " " not in k and k in surnames else lab) for k, lab in labels.items()}
    keys = sorted(fixed)
    linked = link_short_forms(pd.DataFrame({"text": keys, "label": [fixed[k] for k in keys]}))
    return dict(zip(keys, linked))


def _entity_mentions(frame: pd.DataFrame, texts: Mapping[Any, str], names: Iterable[Any]) -> pd.DataFrame:
    """Entity mentions of each named article, keyed by their linked, aliased canonical name."""
    from ..entities import extract_entities

    parts = []
    for art in names:
        part = frame[frame["article"] == art].sort_values("start")
        ents = extract_entities(texts[art], sentences=part[["sentence", "start", "end"]])
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
    frame, has_article = _as_sentences(texts)
    columns = _OMISSION_COLUMNS
    if not has_article:
        raise ValueError("omissions needs articles with ids: pass a dict {article_id: text}")
    present = set(frame["article"])
    if frame.empty and isinstance(texts, Mapping) and not texts:
        return _empty(columns)
    for name in (a, b):
        if name not in present:
            raise ValueError(f"article {name!r} not found; have {sorted(map(str, present))}")
    rebuilt = _rebuild_texts(frame[frame["article"].isin([a, b])], True)
    mentions = _entity_mentions(frame, rebuilt, (a, b))
    found: dict[str, dict] = {}
    entity_forms: set[str] = set()
    for key, part in mentions.groupby("key", sort=True):
        first_a = part[part["article"] == a]
        first = first_a.iloc[0] if len(first_a) else part.iloc[0]
        art = first["article"]
        sent = frame[(frame["article"] == art) & (frame["sentence"] == first["sentence"])].iloc[0]
        found[key] = {
            "item": key, "kind": "entity", "label": first["label"],
            "count_a": int((part["article"] == a).sum()),
            "count_b": int((part["article"] == b).sum()),
            "forms": " | ".join(sorted(set(part["text"]))),
            "example_article": art, "example_sentence": int(first["sentence"]),
            "sentence_text": sent["text"], "start": int(first["start"]), "end": int(first["end"]),
        }
        entity_forms |= {_squash(t.lower()) for t in part["text"]} | {key}
    for art in (a, b):
        part = frame[frame["article"] == art].sort_values("start")
        for row in part.itertuples(index=False):
            toks = _tagged(row.text)
            for kind, surface, s, e in _candidates(toks, row.text):
                key = _squash(surface.lower()).strip()
                if key in found or key in entity_forms:
                    continue
                pattern = _number_regex(key) if kind == "number" else _phrase_regex(key)
                ca = _count_item(pattern, rebuilt[a])
                cb = _count_item(pattern, rebuilt[b])
                if ca == 0 and cb == 0:  # e.g. a phrase split by a line break in the rebuilt text
                    ca, cb = (1, 0) if art == a else (0, 1)
                found[key] = {
                    "item": key, "kind": kind, "label": "", "count_a": ca, "count_b": cb,
                    "forms": _squash(surface),
                    "example_article": art, "example_sentence": int(row.sentence),
                    "sentence_text": row.text,
                    "start": int(row.start) + s, "end": int(row.start) + e,
                }
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


# --------------------------------------------------------------------------------------
# 8. Side-by-side tables and highlighted evidence (for the notebooks)
# --------------------------------------------------------------------------------------


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


def kwic_terms(texts_or_sentences: Any, terms: Iterable[str], *, window: int = 40) -> pd.DataFrame:
    """:func:`kwic` for several terms at once, with a ``query`` column first.

    Args:
        texts_or_sentences: as for :func:`kwic`.
        terms: words or phrases to look for.
        window: characters of context on each side.

    Returns:
        The :func:`kwic` columns after ``query`` (the term asked for), by query (in the
        order given), then article and position.

    Example:
        >>> kwic_terms({"a": "Zoom sells. Russia blocks Zoom."}, ["zoom", "russia"])[
        ...     ["query", "start"]].values.tolist()
        [['zoom', 0], ['zoom', 26], ['russia', 12]]
    """
    terms = list(terms)
    parts = [kwic(texts_or_sentences, term, window=window).assign(query=term) for term in terms]
    if not parts:
        frame, has_article = _as_sentences(texts_or_sentences)
        return _empty(["query"] + _key_columns(has_article) + ["sentence", "left", "term", "right",
                                                                "start", "end"])
    out = pd.concat(parts, ignore_index=True)
    return out[["query"] + [c for c in out.columns if c != "query"]]


def highlight(text: str, spans: Iterable[tuple]) -> str:
    """``text`` as escaped HTML with each span in ``<mark>`` (see :func:`analysis.display.mark_spans`).

    Example:
        >>> highlight("A <b> ban", [(6, 9, "conflict")])
        'A &lt;b&gt; <mark title="conflict">ban</mark>'
    """
    from ..display import mark_spans

    return mark_spans(text, spans)


def evidence_html(
    rows: pd.DataFrame,
    sentences: Any,
    *,
    label: str | list[str] = "frame",
    titles: Mapping[Any, str] | None = None,
    article_col: str = "article",
    sentence_col: str = "sentence",
    empty: str = "Nothing found.",
) -> str:
    """The sentences behind a table of hits, with the words of each hit highlighted.

    Works for any table whose rows carry article offsets ``start, end`` and a sentence
    number: :func:`frame_sentences`, :func:`stance_markers`, :func:`omissions` (with
    ``article_col="example_article", sentence_col="example_sentence"``). Every piece of
    article text is escaped before the ``<mark>`` tags are added (see :func:`highlight`).

    Args:
        rows: the hits.
        sentences: the sentences the hits were computed from (as given to the function
            that found them).
        label: column(s) of ``rows`` that describe each hit (joined by " · ").
        titles: heading per article id (e.g. its outlet); the id by default.
        article_col: column of ``rows`` naming the article (ignored when the sentences
            name no articles).
        sentence_col: column of ``rows`` with the sentence number.
        empty: what to say when there are no rows.

    Returns:
        An HTML string: per article (in sentence order) a heading, then each sentence
        with hits, its number, the highlighted text and a line listing each hit as
        ``words → label``.

    Raises:
        ValueError: when a hit's offsets fall outside its sentence.

    Example:
        >>> text = "Russia banned Zoom. It rained."
        >>> print(evidence_html(frame_sentences(text), text))  # doctest: +NORMALIZE_WHITESPACE
        <div><p><small>sentence 0</small> Russia <mark title="conflict">banned</mark> Zoom.<br><small>banned → conflict</small></p></div>
    """
    import html

    frame, has_article = _as_sentences(sentences)
    labels = [label] if isinstance(label, str) else list(label)
    missing = [c for c in ["start", "end", sentence_col, *labels] if c not in rows.columns]
    if has_article and article_col not in rows.columns:
        missing.append(article_col)
    if missing:
        raise ValueError(f"rows lack column(s) {missing}")
    if rows.empty:
        return f"<div><p><em>{html.escape(empty)}</em></p></div>"
    groups = frame.groupby("article", sort=False) if has_article else [(None, frame)]
    out = ["<div>"]
    for art, part in groups:
        mine = rows[rows[article_col] == art] if has_article else rows
        if mine.empty:
            continue
        if has_article:
            title = (titles or {}).get(art) or str(art)
            out.append(f"<h4>{html.escape(str(title))}</h4>")
        by_number = part.set_index("sentence")
        for number, hits in mine.sort_values([sentence_col, "start", "end"], kind="stable").groupby(
            sentence_col, sort=True
        ):
            if number not in by_number.index:
                raise ValueError(f"sentence {number} of article {art!r} is not in the sentences given")
            sent = by_number.loc[number]
            base, text = int(sent["start"]), sent["text"]
            spans, notes = [], []
            for hit in hits.itertuples(index=False):
                hit = hit._asdict()
                s, e = int(hit["start"]) - base, int(hit["end"]) - base
                if not 0 <= s < e <= len(text):
                    raise ValueError(
                        f"hit at {hit['start']}-{hit['end']} is outside sentence {number} "
                        f"of article {art!r}"
                    )
                note = " · ".join(str(hit[c]) for c in labels)
                spans.append((s, e, note))
                notes.append(f"{html.escape(_squash(text[s:e]))} \u2192 {html.escape(note)}")
            out.append(
                f"<p><small>sentence {int(number)}</small> {highlight(text, spans)}<br>"
                f"<small>{'; '.join(dict.fromkeys(notes))}</small></p>"
            )
    out.append("</div>")
    return "".join(out)
