"""Who is quoted or paraphrased in a news report, how, with which reporting verb.

:func:`extract_quotes` finds attributed statements with transparent rules, in three passes:

1. **Direct quotes.** Quotation marks (straight or curly) are paired in order within a
   paragraph; a quote left open at a paragraph end continues when the next paragraph opens
   with a mark. Each quote is attributed from the words right after it (``," the spokesman
   said``; ``," said Peskov``), right before it (``Peskov said: "``; ``According to X, "``),
   or from the attribution of the quote just before it in the same paragraph
   (``"A," she said. "B."``). Short quoted phrases with no attribution next to them are
   scare quotes, not statements.
2. **Reported speech.** A reporting verb from :data:`REPORTING_VERBS` with a subject, and
   its content: a that-clause, a clause, an infinitive (``urged ... to``), or the clause
   before it (``Zoom will sell ..., the daily quoted the company as saying``). Also
   ``according to X``, ``X told Y that``, ``X quoted Y as saying``, ``what X says is``,
   ``which X argued is``, participles (``, adding that``), agentless passives (``It was
   noted that``) and news-report nouns (``reports that``, ``Initial reporting
   suggested``). Reported speech that contains a quoted fragment is ``partial``.
3. **Speakers.** Each speaker mention is resolved inside the article: names via the entity
   recogniser (short forms to full names), pronouns to the nearest fitting source, role
   phrases ("the Kremlin spokesman", "the company") to the earlier source with that role,
   media nouns to "the media", agentless passives to the source of the statement before
   them in the paragraph. Each canonical source gets one :data:`SPEAKER_TYPES` type.

Rule-based attribution misses some cases (speech verbs used for non-speech, long
appositions, quotes attributed several paragraphs away, single-quoted British-style
quotes); the confidence column is lower where a rule guessed.

References:
    Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
    Newell, C., Cowlishaw, T. & Man, D. (2018). Quote extraction and analysis for news.
    KDD Workshop on Data Science, Journalism & Media.
    Asr, F. T., Mazraeh, M., Lopes, A., Gautam, V., Gonzales, J., Rao, P. & Taboada, M.
    (2021). The Gender Gap Tracker: Using natural language processing to measure gender
    bias in media. PLOS ONE 16(2). (Quote patterns, the quote-verb list, evaluation.)
    Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of speech in
    factual and fictional narratives. In M. Coulthard (ed.), Advances in Written Text
    Analysis. Routledge. (Neutral vs. evaluative reporting verbs.)
    Thompson, G. & Ye, Y. (1991). Evaluation in the reporting verbs used in academic
    papers. Applied Linguistics 12(4). (Writer stance carried by the choice of verb.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from .. import entities as entmod
from .. import tagging
from .. import text as textmod

QUOTE_COLUMNS = [
    "speaker", "speaker_type", "named", "kind", "cue", "cue_class", "quote", "start", "end",
    "speaker_start", "speaker_end", "mention", "cue_start", "cue_end", "sentence",
    "words", "confidence", "pattern", "fragments",
]  # fmt: skip

# --------------------------------------------------------------------------- lexicons

#: Reporting verbs (lemma -> connotation). ``neutral`` verbs only report; ``loaded`` verbs
#: evaluate the statement or its speaker (they say the speaker complained, admitted, claimed);
#: ``hedged`` verbs and adverbs distance the writer from the content. Classes follow
#: Caldas-Coulthard (1994) and Thompson & Ye (1991); the verb list extends the Gender Gap
#: Tracker's quote verbs (Asr et al. 2021). The AP Stylebook likewise advises "said" as the
#: neutral default and warns that "claimed", "admitted" and "insisted" carry judgement.
REPORTING_VERBS: dict[str, str] = {
    # neutral: structure the report without judging it
    "say": "neutral", "tell": "neutral", "add": "neutral", "note": "neutral", "state": "neutral",
    "report": "neutral", "explain": "neutral", "announce": "neutral", "write": "neutral",
    "comment": "neutral", "remark": "neutral", "respond": "neutral", "reply": "neutral",
    "answer": "neutral", "describe": "neutral", "confirm": "neutral", "ask": "neutral",
    "mention": "neutral", "specify": "neutral", "clarify": "neutral", "indicate": "neutral",
    "observe": "neutral", "inform": "neutral", "quote": "neutral", "tweet": "neutral",
    "post": "neutral", "testify": "neutral", "recall": "neutral", "emphasize": "neutral",
    "emphasise": "neutral", "stress": "neutral", "point out": "neutral", "according to": "neutral",
    "declare": "neutral", "express": "neutral", "publish": "neutral",
    "reiterate": "neutral", "acknowledge": "neutral", "recount": "neutral", "estimate": "neutral",
    "cite": "neutral", "propose": "neutral", "discuss": "neutral", "detail": "neutral",
    "outline": "neutral", "speak": "neutral", "talk": "neutral",
    # loaded: evaluate the statement or cast the speaker in a role
    "complain": "loaded", "vow": "loaded", "admit": "loaded", "insist": "loaded", "claim": "loaded",
    "urge": "loaded", "argue": "loaded", "warn": "loaded", "accuse": "loaded", "deny": "loaded",
    "concede": "loaded", "boast": "loaded", "allege": "loaded", "charge": "loaded",
    "demand": "loaded", "threaten": "loaded", "confess": "loaded", "lament": "loaded",
    "blast": "loaded", "slam": "loaded", "praise": "loaded", "criticize": "loaded",
    "criticise": "loaded", "condemn": "loaded", "dismiss": "loaded", "reject": "loaded",
    "protest": "loaded", "maintain": "loaded", "contend": "loaded", "assert": "loaded",
    "reveal": "loaded", "promise": "loaded", "pledge": "loaded", "refute": "loaded",
    "retort": "loaded", "scoff": "loaded", "snap": "loaded", "rail": "loaded", "fume": "loaded",
    "decry": "loaded", "call": "loaded", "express regret": "loaded", "predict": "loaded",
    "caution": "loaded", "rebuke": "loaded", "mock": "loaded", "question": "loaded",
    # hedged: the writer keeps a distance from the content
    "suggest": "hedged", "reportedly": "hedged", "presumably": "hedged", "allegedly": "hedged",
    "believe": "hedged", "think": "hedged", "speculate": "hedged", "hint": "hedged",
    "imply": "hedged", "guess": "hedged", "reckon": "hedged", "feel": "hedged",
    "understand": "hedged", "assume": "hedged", "apparently": "hedged",
}  # fmt: skip
CUE_CLASSES = ("neutral", "loaded", "hedged")

_IRREGULAR = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write", "thought": "think",
    "felt": "feel", "understood": "understand", "spoke": "speak", "spoken": "speak",
}  # fmt: skip
# Verbs that take a person object before the content ("urged companies to", "told reporters that")
_OBJECT_VERBS = {"tell", "urge", "warn", "ask", "inform", "assure", "remind", "promise", "accuse", "call", "quote", "caution", "advise"}
# Verbs too often used for non-speech to count without a content clause right after them
_NEEDS_CLAUSE = {"add", "note", "state", "report", "describe", "post", "continue", "call", "charge", "express",
                 "publish", "answer", "ask", "reject", "dismiss", "praise", "blast", "slam", "criticize",
                 "criticise", "condemn", "quote", "mention", "confirm", "reveal", "estimate", "feel",
                 "think", "believe", "understand", "assume", "guess", "protest", "indicate", "specify",
                 "clarify", "demand", "promise", "pledge", "threaten", "rail", "mock", "rebuke", "stress",
                 "emphasize", "emphasise", "acknowledge", "admit", "deny", "maintain", "recall", "explain",
                 "respond", "reply", "write", "tweet", "announce", "comment", "remark", "observe", "testify",
                 "reiterate", "recount", "declare", "predict", "caution"}  # fmt: skip


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str | None:
    """Reporting-verb lemma of an inflected form, or None (``"insisted"`` -> ``"insist"``).

    Remembered per word form (a vocabulary, not texts: at most 65,536 forms)."""
    w = word.lower()
    if w in REPORTING_VERBS:
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    candidates = []
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1], w[:-3] if len(w) > 4 and w[-3] == w[-4] else ""]
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e", w[:-4] if len(w) > 5 and w[-4] == w[-5] else ""]
    if w.endswith("es"):
        candidates += [w[:-2], w[:-1]]
    elif w.endswith("s"):
        candidates.append(w[:-1])
    return next((c for c in candidates if c and c in REPORTING_VERBS), None)


def cue_connotation(cue: str) -> str:
    """Connotation class of a cue: ``neutral``, ``loaded`` or ``hedged`` (``""`` if unknown).

    >>> cue_connotation("said"), cue_connotation("insisted"), cue_connotation("reportedly")
    ('neutral', 'loaded', 'hedged')
    """
    words = cue.lower().split()
    if not words:
        return ""
    for phrase in (" ".join(words), " ".join([lemma(words[0]) or words[0], *words[1:]])):
        if phrase in REPORTING_VERBS:
            return REPORTING_VERBS[phrase]
    for w in words:
        base = lemma(w)
        if base:
            return REPORTING_VERBS[base]
    return ""


def reporting_verb_table() -> pd.DataFrame:
    """The reporting-verb lexicon as a table: ``verb, connotation``."""
    rows = sorted(REPORTING_VERBS.items(), key=lambda kv: (CUE_CLASSES.index(kv[1]), kv[0]))
    return pd.DataFrame(rows, columns=["verb", "connotation"])


#: Speaker types, with the words in a source's name or role that decide them, checked in
#: this order (the first matching type wins). A country speaking is its government.
SPEAKER_TYPES: dict[str, tuple[str, ...]] = {
    "media": ("media", "newspaper", "daily", "news", "reporting", "reports", "reporter", "journalist",
              "correspondent", "editor", "outlet", "broadcaster", "magazine", "tabloid", "television",
              "tv", "radio", "times", "post", "journal", "gazette", "herald", "tribune", "press agency",
              "news agency", "kommersant", "izvestia", "vedomosti", "reuters", "tass", "interfax", "ria",
              "bloomberg", "bbc", "cnn", "fox", "nbc", "cbs", "abc", "npr", "ap", "afp"),
    "academic": ("university", "universities", "institute", "professor", "researcher", "scientist",
                 "scholar", "academic", "expert", "analyst", "economist", "school of", "academy",
                 "college", "think tank", "lecturer", "study", "studies", "research"),
    "government": ("president", "minister", "ministry", "kremlin", "government", "official",
                   "officials", "senator", "governor", "mayor", "police", "army", "military",
                   "parliament", "duma", "white house", "pentagon", "department", "authorities",
                   "state", "prime", "chancellor", "secretary", "ambassador", "embassy", "diplomat",
                   "lawmaker", "legislator", "congressman", "congresswoman", "congress", "senate",
                   "prosecutor", "regulator", "agency", "commission", "head of state",
                   "press secretary", "cabinet", "court", "judge", "councillor", "council", "city",
                   "city's", "city’s", "municipal", "county", "governor's", "mayor's"),
    "company": ("company", "companies", "firm", "corporation", "corp", "inc", "ltd", "llc", "plc",
                "communications", "technologies", "ceo", "executive", "chief executive", "bank",
                "business", "platform", "service", "manufacturer", "operator", "retailer",
                "startup", "founder", "telecom", "systems", "holdings", "shipping", "software",
                "airlines", "airways", "motors", "energy", "logistics", "industries", "solutions",
                "pharmaceuticals", "insurance", "investments", "securities", "capital", "labs",
                "zoom", "twitter", "facebook", "google", "microsoft", "apple",
                "amazon", "linkedin", "poly", "cisco", "gazprom", "yandex"),
    "civil_society": ("activist", "activists", "campaigner", "campaigners", "ngo", "charity",
                      "union", "association", "foundation", "rights", "protester", "protesters",
                      "residents", "volunteers", "advocacy", "advocates", "church", "movement",
                      "coalition", "society", "citizens", "parents", "students", "teachers", "workers",
                      "campaign group", "environmental", "rights group", "group", "residents'", "residents’"),
}  # fmt: skip
UNNAMED = "unnamed"

_PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "thing", "its": "thing", "they": "group", "them": "group", "we": "group", "i": "person",
}
_PERSON_ROLES = {
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson", "press secretary", "press officer", "representative"),
    "president": ("president", "head of state", "leader"),
    "minister": ("minister", "secretary"),
    "director": ("director", "head", "chief", "chairman", "chairwoman", "ceo", "executive", "manager"),
    "official": ("official", "officer", "diplomat", "ambassador", "adviser", "advisor", "aide"),
    "expert": ("professor", "expert", "analyst", "researcher", "economist", "scientist"),
    "lawmaker": ("senator", "lawmaker", "congressman", "congresswoman", "deputy", "mp"),
}
_ORG_ROLES = {
    "company": ("company", "firm", "corporation", "platform", "service", "group", "business", "operator", "provider", "giant", "developer"),
    "media": ("newspaper", "daily", "paper", "outlet", "agency", "broadcaster", "magazine", "publication", "channel"),
    "government": ("ministry", "government", "department", "administration", "authorities", "agency", "office", "kremlin", "regulator"),
    "place": ("country", "state", "city", "region", "republic", "nation"),
}
_MEDIA_NOUNS = re.compile(r"^(?:the\s+)?(?:(?:initial|earlier|early|recent|previous|some|other|several|many|local|foreign|western|russian|state|news|press|media)\s+)*(?:media|press|reporting|reports|news reports|media reports|publications|outlets)$", re.I)

# --------------------------------------------------------------------------- quotation marks

_OPENERS = "“„‟«"
_CLOSERS = "”»"
_MARKS = set('"' + _OPENERS + _CLOSERS)


@dataclass
class QuoteSpan:
    """A quoted passage: marks at ``open``/``close``; content in ``[start, end)`` (trimmed)."""

    open: int
    close: int
    start: int
    end: int
    paragraphs: int = 1
    attributed: bool = False


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Pair double quotation marks in order within each paragraph.

    A mark opens when no quote is open and closes otherwise, whatever its shape, so a closing
    mark typed after a space (``in Poland, ”the``) still closes. A quote still open at the end
    of a paragraph continues into the next paragraph when that one starts with a mark (the
    newspaper convention); otherwise it runs to the paragraph end.
    """
    paragraphs = paragraphs if paragraphs is not None else textmod.paragraph_spans(text)
    mark_at = _mark_positions(text)
    spans: list[QuoteSpan] = []
    carry: int | None = None  # open mark carried over from the previous paragraph
    carried_paragraphs = 1
    for p_index, (ps, pe) in enumerate(paragraphs):
        marks = [i for i in mark_at if ps <= i < pe]
        if not marks and carry is None:
            spans += _single_quote_spans(text, ps, pe)
            continue
        opened = carry
        if carry is not None and marks and marks[0] == _first_non_space(text, ps):
            marks = marks[1:]  # the continuation mark that opens this paragraph
            carried_paragraphs += 1
        elif carry is not None:
            opened = None
        carry = None
        curly = all(text[i] in _OPENERS + _CLOSERS for i in marks)
        for i in marks:
            if opened is None:
                if curly and text[i] in _CLOSERS:
                    continue  # a stray closing mark opens nothing
                opened = i
            elif curly and text[i] in _OPENERS and not (i > 0 and text[i - 1] == " " and i + 1 < len(text) and text[i + 1] == " "):
                opened = i  # an unclosed quote: start again at the new opening mark
            else:
                spans.append(_make_span(text, opened, i, carried_paragraphs, mark_at[opened], mark_at[i]))
                opened, carried_paragraphs = None, 1
        if opened is not None:
            next_start = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else None
            if next_start is not None and _first_non_space(text, next_start) in mark_at:
                carry = opened
            else:
                spans.append(_make_span(text, opened, pe, carried_paragraphs, mark_at[opened], 0))
                carried_paragraphs = 1
    return [s for s in spans if s.end > s.start]


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))['‘](?=[A-Z0-9])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])['’](?=[\s.,;:!?)\]—–]|$)")


def _single_quote_spans(text: str, ps: int, pe: int) -> list[QuoteSpan]:
    """British-style ‘single’ quotation marks in a paragraph that has no double marks.

    An opening mark follows a space (or the paragraph start) and precedes a capital or a
    digit; a closing mark follows a non-space and precedes a space or punctuation. Marks
    inside words (apostrophes: don't, Residents') never pair.
    """
    segment = text[ps:pe]
    opens = [m.start() for m in _SINGLE_OPEN.finditer(segment)]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(segment)]
    spans, i = [], 0
    for o in opens:
        if o < i:
            continue
        c = next((c for c in closes if c > o + 1), None)
        if c is None:
            break
        if segment[c - 1] in ",.!?…" or len(segment[o + 1 : c].split()) >= 2 and not segment[c - 1] == "s":
            spans.append(_make_span(text, ps + o, ps + c, 1))
            i = c + 1
    return spans


def _first_non_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return min(i, len(text) - 1)


_MARK_RE = re.compile(r"''|``|[\"“”„‟«»]")


def _mark_positions(text: str) -> dict[int, int]:
    """Offsets of double quotation marks -> their length (``''`` and ``` `` ``` count as one mark)."""
    marks = {}
    for m in _MARK_RE.finditer(text):
        if m.group() == "''" and m.start() > 0 and text[m.start() - 1].isalpha() and m.end() < len(text) and text[m.end()].isalpha():
            continue
        marks[m.start()] = len(m.group())
    return marks


def _make_span(text: str, open_at: int, close_at: int, paragraphs: int, open_len: int = 1, close_len: int = 1) -> QuoteSpan:
    start, end = open_at + open_len, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close_at + max(close_len, 1) - 1, start, end, paragraphs)


# --------------------------------------------------------------------------- speaker phrases

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_TIME_ADJUNCT = (
    rf"(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,\s*\d{{4}})?)?"
    rf"|(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,\s*\d{{4}})?"
    r"|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier(?:\s+this\s+\w+)?|later|recently|previously|on\s+\w+day"
)
_ADVERBS = r"(?:also|often|frequently|usually|always|sometimes|once\s+again|previously|later|then|again|further|repeatedly|reportedly|earlier|once|publicly|separately|recently|now|already|subsequently|furthermore|himself|herself|itself|themselves|quickly|angrily|simply|flatly|firmly|bluntly|privately|openly|has|have|had|will|would|could|may|might|did|does|do|not|never|had\s+previously|has\s+since|has\s+long)"
_TRAILING_ADJUNCTS = re.compile(
    rf"(?:[\s,]+(?:{_TIME_ADJUNCT}|{_ADVERBS}|in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+){{0,3}}(?:statement|interview|email|e-mail|post|letter|tweet|briefing|speech|message)(?:\s+(?:with|to|on)\s+[\w.\s]+?)?|at\s+a\s+(?:\w+\s+){{0,2}}(?:briefing|conference|meeting|rally|hearing|event)))+[\s,]*$",
    re.I,
)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:later|meanwhile|however|moreover|also|separately|earlier|still|instead|similarly|in\s+addition|at\s+the\s+same\s+time|for\s+example|for\s+instance|in\s+turn|in\s+response|in\s+particular|the\s+day\s+before|on\s+the\s+other\s+hand|on\s+\w+day|(?:in|at|on|during|after|before|since|over|for|from|speaking\s+(?:at|on|to))\s+(?:[\w.'’\-]+\s+){0,5}?[\w.'’\-]+|last\s+\w+|yesterday|today|but|and|so|yet|then|now|thus)\s*,\s*|(?:but|and|so|yet)\s+)",
    re.I,
)
_CLAUSE_OPENERS = re.compile(
    r"(?:^|[;:]\s*|\b(?:after|before|as|while|when|because|since|but|and|that|which|who|where|although|though|whereas|until|once|if)\s+)", re.I
)
_NOT_SUBJECT_START = re.compile(r"^(?:to|in|on|at|of|for|from|with|by|about|into|over|under|that|which|who|what|when|where|whether|if|because|as|is|are|was|were|be|been|being)\b", re.I)
_SUBJECT_VERB_WORDS = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|must|did|does|do)\b", re.I)


def _subject_before(sentence: str, cue_start: int, floor: int = 0) -> tuple[int, int] | None:
    """Span of the speaker noun phrase that ends right before a cue at ``cue_start``.

    The phrase starts at the clause start (sentence start, a subordinator, a semicolon, a
    quotation mark or the last comma that does not close an apposition) and loses trailing
    adjuncts ("also", "on Wednesday, April 7", "in a statement"); an apposition (", director
    of ...,") is dropped and kept out of the phrase.
    """
    left = sentence[floor:cue_start]
    stripped = _TRAILING_ADJUNCTS.sub("", left)
    end = floor + len(stripped.rstrip(" ,"))
    segment = sentence[floor:end]
    relative = re.search(r",\s*(?:who|which|whose)\b[^,]*$", segment) if left.rstrip().endswith(",") else None
    if relative:  # "Ruth Okafor, who chairs the association, told ..."
        end = floor + relative.start()
        segment = sentence[floor:end]
    # clause start: last quotation mark, subordinator or semicolon in the segment
    start = floor
    for m in re.finditer(r'["“”„«»]|\'\'', segment):
        start = floor + m.end()
    for m in _CLAUSE_OPENERS.finditer(segment):
        if floor + m.end() > start and m.group().strip().lower() not in ("", "and") or (m.group().strip().lower() == "and" and floor + m.end() > start and _looks_like_clause_before(segment[: m.start()])):
            start = max(start, floor + m.end())
    lead = _LEADING_CONNECTIVE.match(sentence[start:end])
    while lead and lead.end() > 0 and start + lead.end() < end:
        start += lead.end()
        lead = _LEADING_CONNECTIVE.match(sentence[start:end])
    phrase = sentence[start:end]
    # commas: "X, role, said" -> X ; "content, the daily said" -> the daily;
    # "X, of Springfield, Va., said" and "X, at a briefing, said" -> X
    if "," in phrase:
        pieces = list(re.finditer(r"[^,]+", phrase))
        idx = len(pieces) - 1
        while idx > 0 and _is_adjunct_piece(phrase[pieces[idx].start() : pieces[idx].end()].strip()):
            idx -= 1
        chosen = pieces[idx]
        if idx >= 1:
            current = phrase[pieces[idx].start() : pieces[idx].end()].strip()
            previous_piece = phrase[pieces[idx - 1].start() : pieces[idx - 1].end()].strip()
            if _is_apposition(current) and (_is_name_like(previous_piece) or (re.match(r"\w+ing\b|who\b|which\b", current) and _is_speaker_phrase(previous_piece))):
                chosen = pieces[idx - 1]
        start = start + chosen.start()
        end = start + len(phrase[chosen.start() : chosen.end()])
    phrase = sentence[start:end]
    lead = _LEADING_CONNECTIVE.match(phrase.lstrip())
    offset = len(phrase) - len(phrase.lstrip())
    if lead:
        offset += lead.end()
    start += offset
    phrase = sentence[start:end].strip()
    located = re.search(r"[A-Za-z.]\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*$", phrase)
    if located and phrase[0].isupper():  # "Zoom Video Communications in the United States"
        phrase = phrase[: located.start() + 1]
        end = start + (len(sentence[start:end]) - len(sentence[start:end].lstrip())) + len(phrase)
    if not phrase:
        return None
    start = start + (len(sentence[start:end]) - len(sentence[start:end].lstrip()))
    end = start + len(phrase)
    if not _is_speaker_phrase(phrase):
        return None
    return start, end


def _looks_like_clause_before(text: str) -> bool:
    return bool(_SUBJECT_VERB_WORDS.search(text)) or bool(re.search(r"\b\w+ed\b", text))


def _is_apposition(segment: str) -> bool:
    """A role after a name: lower-case start or an article + role ("director of ...", "a spokesman for")."""
    words = segment.split()
    if not words:
        return False
    first = words[0]
    if re.fullmatch(r"\d{1,3}", segment.strip()):
        return True  # an age: "Quina Jones, 25, said"
    return first[0].islower() and first.lower() not in ("he", "she", "it", "they", "we") or first.lower() in ("a", "an", "the") and len(words) > 1 and words[1][0].islower()


def _is_name_like(segment: str) -> bool:
    """A name (with any title) before an apposition: ends in a capitalised word, no determiner first."""
    words = _PARENTHETICAL.sub("", segment).split()
    if not words or len(words) > 8 or words[0].lower() in ("the", "a", "an", "this", "that", "later", "meanwhile", "however"):
        return False
    return words[-1][0].isupper() and not _SUBJECT_VERB_WORDS.search(segment)


_ADJUNCT_PIECE = re.compile(
    r"^(?:(?:at|in|on|of|from|during|after|before|for|with|while|speaking|like|as)\b|\d{1,3}$|[A-Z][a-z]{0,3}\.$|[A-Z]{2}$)"
)


def _is_adjunct_piece(piece: str) -> bool:
    """A comma-separated piece that is no speaker: a place, an age, a prepositional phrase."""
    return bool(_ADJUNCT_PIECE.match(piece)) or bool(re.fullmatch(_TIME_ADJUNCT, piece, re.I))


_PARENTHETICAL = re.compile(r"\s*\([^()]{1,40}\)")


def _is_speaker_phrase(phrase: str) -> bool:
    phrase = _PARENTHETICAL.sub("", phrase)  # "Rep. Gwen Moore (D-Wis.)"
    words = phrase.split()
    if not words or len(words) > 16:
        return False
    if _NOT_SUBJECT_START.match(phrase):
        return False
    if phrase.lower() in _PRONOUNS:
        return True
    if _SUBJECT_VERB_WORDS.search(phrase):
        return False
    if any(w.endswith(".") and w not in ("U.S.", "U.K.", "U.N.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Prof.") and not re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        return False
    head = words[-1].lower().strip("'’")
    return phrase[0].isupper() or any(w[0].isupper() for w in words[1:]) or head in _ALL_ROLE_WORDS or _MEDIA_NOUNS.match(phrase) is not None or words[0].lower() in ("the", "a", "an", "one", "two", "three", "several", "some", "many", "most", "other", "his", "her", "its", "their", "my", "our", "your", "local", "senior", "government", "company", "officials", "representatives")


_ALL_ROLE_WORDS = {w for group in (*_PERSON_ROLES.values(), *_ORG_ROLES.values()) for phrase in group for w in phrase.split()} | {
    "officials", "representatives", "spokesmen", "experts", "analysts", "residents", "activists", "sources",
    "people", "witnesses", "critics", "supporters", "lawmakers", "observers", "insiders", "authorities",
    "investigators", "researchers", "scientists", "doctors", "police", "source", "statement", "lawyer",
    "lawyers", "attorney", "prosecutors", "campaign", "committee", "council", "union", "universities",
    "university", "institute", "team", "owner", "founder", "employees", "users", "voters", "media",
}


def _subject_after(sentence: str, pos: int) -> tuple[int, int] | None:
    """Speaker phrase starting at ``pos`` (inverted ``said Peskov``, ``according to X``)."""
    m = re.match(r"\s*((?:the\s+|a\s+|an\s+)?[^,.;:!?\"“”()]{1,120}?)(?=\s*(?:[,.;:!?\"“”(]|\s+(?:in|on|at|during|after|before|when|while|that|who|which|of\s+the\s+\w+ing|to\s+\w+)\b|$))", sentence[pos:])
    if not m:
        return None
    phrase = m.group(1).strip()
    phrase = _TRAILING_ADJUNCTS.sub("", phrase).strip(" ,")
    if not phrase or not _is_speaker_phrase(phrase):
        return None
    start = pos + sentence[pos:].index(phrase)
    return start, start + len(phrase)


# --------------------------------------------------------------------------- cues in a sentence

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_AUX_BEFORE = re.compile(r"\b(?:has|have|had|will|would|did|does|do|to|can|could|may|might|must|should|not|n't)\s+$", re.I)


@dataclass
class Cue:
    start: int  # offsets within the sentence
    end: int
    lemma: str
    text: str
    participle: bool = False
    passive: bool = False


def _tags(sentence: str) -> dict[int, str]:
    """Penn Treebank tag of each word token, keyed by the token's start offset."""
    spans = textmod.token_spans(sentence)
    if not spans:
        return {}
    tags = tagging.tag_words([sentence[s:e] for s, e in spans])
    return {s: tag for (s, _), tag in zip(spans, tags)}


def _has_finite_verb(text: str, *, within: int = 12) -> bool:
    """True when the first ``within`` tokens hold a finite verb or modal (a clause, not a noun phrase)."""
    tags = list(_tags(text).values())[:within]
    return any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags)


def _is_title_case(sentence: str) -> bool:
    """A headline: most words of four letters or more start with a capital."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.8


_MULTIWORD_CUE = re.compile(r"\b[Aa]ccording\s+to\b|\bpointed\s+out\b|\bexpressed\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:deep\s+)?regret\b", re.I)


def _find_cues(sentence: str) -> list[Cue]:
    cues = []
    if not any(lemma(m.group()) for m in _WORD.finditer(sentence)) and not _MULTIWORD_CUE.search(sentence):
        return cues  # no reporting verb: no need to tag the sentence
    tags: dict[int, str] | None = None  # tagged when a candidate first needs it
    for m in _WORD.finditer(sentence):
        word = m.group()
        base = lemma(word)
        if base is None or base in ("according to", "reportedly", "presumably", "allegedly", "apparently", "point out", "express regret"):
            continue
        if word[0].isupper() and sentence[: m.start()].strip(' "“”') and not (_is_title_case(sentence) and word in ("Says", "Said", "Warns", "Claims", "Urges", "Tells", "Vows")):
            continue  # "United States", "Says" mid-sentence is a name (except in a headline)
        if tags is None:
            tags = _tags(sentence)
        if not tags.get(m.start(), "VB").startswith("VB") and not (word[0].isupper() and _is_title_case(sentence)):
            continue  # "the states", "his claims": a noun, not a reporting verb
        if re.match(r"\s+up\b", sentence[m.end() :]) and base == "add":
            continue  # "the figures did not add up"
        if word.lower() == "told" and re.search(r"\ball\s+$", sentence[: m.start()], re.I):
            continue  # "all told"
        lower = word.lower()
        finite = lower.endswith(("ed", "s")) or lower in _IRREGULAR and not lower.endswith("ing") or lower == "said"
        participle = lower.endswith("ing")
        before = sentence[: m.start()]
        progressive = participle and re.search(r"\b(?:is|are|was|were|been|am)(?:n['’]t|\s+not)?\s+(?:also\s+|now\s+|still\s+)?$", before, re.I)
        if progressive:
            participle = False
        elif not finite and not participle:
            if re.search(r"\bto\s+$", before) or not (_AUX_BEFORE.search(before) or re.search(r"\b(?:they|we|I|you|[A-Za-z]+s|[A-Z][\w.]*)\s+(?:also\s+|now\s+|still\s+|often\s+)?$", before)):
                continue
        if participle and not re.search(r",\s*(?:\w+ly\s+)?$|\b(?:as|while|and|by|for|from|after|before|without|when)\s+$", before):
            continue
        if lower.endswith("s") and not lower.endswith("ss") and re.search(r"\b(?:the|a|an|its|his|her|their|our|these|those|of|over|amid|after|following|despite|about|media|news|earlier|recent|initial|unconfirmed)\s+$", before, re.I):
            continue  # a noun: "the reports", "media claims"
        passive = bool(re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:also\s+)?$", before, re.I))
        if passive and not re.match(r"\s+that\b|\s+as\s+saying\b", sentence[m.end() :]):
            continue
        cues.append(Cue(m.start(), m.end(), base, word, bool(participle), passive))
    # "quoted X as saying": the participle belongs to the quoting construction
    quoting = [c for c in cues if c.lemma == "quote"]
    cues = [c for c in cues if not (c.participle and quoting and quoting[0].start < c.start and re.search(r"\bas\s+$", sentence[: c.start]))]
    for m in re.finditer(r"\b[Aa]ccording\s+to\b", sentence):
        cues.append(Cue(m.start(), m.end(), "according to", m.group()))
    for m in re.finditer(r"\bpointed\s+out\b|\bexpressed\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:deep\s+)?regret\b", sentence, re.I):
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        base = "point out" if m.group().lower().startswith("pointed") else "express regret"
        cues.append(Cue(m.start(), m.end(), base, m.group()))
    return sorted(cues, key=lambda c: c.start)


def _content_after(sentence: str, cue: Cue, stop: int) -> tuple[int, int, str] | None:
    """Content of reported speech after a cue: that-clause, clause, or infinitive."""
    rest = sentence[cue.end : stop]
    offset = cue.end
    m = re.match(r"\s*(?:,\s*)?", rest)
    i = m.end()
    # skip adjuncts and, for object verbs, the addressee
    adjunct = re.match(rf"(?:(?:{_TIME_ADJUNCT}|{_ADVERBS}|however|though|too|nevertheless|meanwhile|instead|in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+){{0,3}}(?:statement|interview|email|post|letter|tweet|briefing|speech|message)(?:\s+(?:carried|published|posted)\s+by\s+[\w.]+)?|on\s+(?:Twitter|Facebook|Telegram|television|TV|radio)|to\s+reporters|to\s+journalists|in\s+a\s+press\s+release|at\s+a\s+[\w\s]{{0,30}}?(?:briefing|conference|meeting))[\s,]*)+", rest[i:], re.I)
    if adjunct:
        i += adjunct.end()
    detour = re.match(r"(?:at|in|on|during|after|before|following|from|with|while|to)\b[^.;:\"“”]{0,80}?(?=\bthat\s)", rest[i:])
    if detour and cue.lemma not in _OBJECT_VERBS:  # "said at an event in Colorado Springs that"
        i += detour.end()  # now at "that", which the step below consumes
    if cue.lemma in _OBJECT_VERBS:
        obj = re.match(r"(?:(?!that\b|to\b|as\b)[\w.'’\-]+\s+){1,6}?(?=that\b|to\b|as\s+saying\b|about\b|:)", rest[i:])
        if obj:
            i += obj.end()
            adjunct = re.match(rf"(?:(?:{_TIME_ADJUNCT})[\s,]*)+", rest[i:], re.I)
            if adjunct:
                i += adjunct.end()
    if cue.lemma == "quote":
        said = re.match(r"as\s+saying\s*(?:that\s+)?", rest[i:])
        if not said:
            return None
        i += said.end()
    that = re.match(r"(?:that|:)\s*", rest[i:])
    kind = "that"
    if cue.lemma == "quote":
        pass  # "quoted X as saying (that)": the content follows
    elif that:
        i += that.end()
    elif re.match(r"to\s+\w", rest[i:]) and cue.lemma in _OBJECT_VERBS | {"vow", "promise", "pledge", "threaten", "demand", "claim", "refuse", "decline", "offer"}:
        kind = "infinitive"
    elif cue.lemma in ("speak", "talk") or (cue.lemma == "call" and re.match(r"for\s", rest[i:])):
        about = re.match(r"(?:about|of)\s+", rest[i:]) if cue.lemma != "call" else re.match(r"for\s+", rest[i:])
        if not about:
            return None
        i += about.end()
        kind = "object"
    elif re.match(r"(?:about|of|on|at|for|over)\s", rest[i:]) and cue.lemma not in ("express regret",):
        return None
    elif cue.lemma == "express regret":
        at = re.match(r"(?:at|over|about|that|for)\s+", rest[i:])
        if at:
            i += at.end()
        kind = "object"
    else:
        kind = "clause"
        if cue.lemma in _NEEDS_CLAUSE and cue.lemma not in _OBJECT_CONTENT_VERBS and cue.lemma not in ("clarify", "specify", "explain", "confirm", "announce", "report", "state", "stress", "emphasize", "emphasise", "deny", "admit", "acknowledge", "write", "tweet", "warn", "note", "add", "reveal", "insist"):
            return None
    content = rest[i:]
    start = offset + i
    end = start + len(content.rstrip(" ,;:.!?"))
    if end - start < 3 or not re.search(r"[A-Za-z]", sentence[start:end]):
        return None
    if kind == "clause" and not _looks_like_clause(sentence[start:end]):
        # "clarified information about the suspension": a proposition named by a noun
        if cue.lemma in _TOPIC_VERBS and _TOPIC_OBJECT.match(sentence[start:end]):
            kind = "topic"
        elif cue.lemma in _OBJECT_CONTENT_VERBS and len(sentence[start:end].split()) >= 2 and not re.match(r"(?:it|this|that|them|him|her|so|nothing|something)\b", sentence[start:end], re.I):
            kind = "object"  # "cited a poll showing ...", "called the plan a disaster"
        else:
            return None
    # a closing quotation mark that belongs to a partial quote stays in the content
    if end < len(sentence) and sentence[end : end + 2].strip(" .") in ('"', "”") and sentence[start:end].count('"') % 2 == 1:
        end = end + sentence[end:].index(sentence[end:].strip(" .")[0]) + 1
    return start, end, kind


def _looks_like_clause(text: str) -> bool:
    return len(text.split()) >= 3 and _has_finite_verb(text, within=20)


_OBJECT_CONTENT_VERBS = {"cite", "mention", "describe", "call", "question", "propose", "criticize", "criticise",
                         "praise", "deny", "reject", "dismiss", "blast", "slam", "condemn", "promise",
                         "pledge", "predict", "demand", "reveal", "detail", "outline", "discuss", "decry"}
_TOPIC_VERBS = {"clarify", "confirm", "deny", "announce", "explain", "reveal", "report", "state", "specify", "disclose"}
_TOPIC_OBJECT = re.compile(r"(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:information|details|data|news|reports?|claims?|plans?|decision|allegations?|rumou?rs?|accusations?)\s+(?:about|on|of|that|regarding|concerning)\b", re.I)
_CONTENT_BEFORE_OK = re.compile(
    r"^\s*(?:(?:reporters|journalists|me|us|him|her|them|the\s+\w+(?:\s+\w+)?|an?\s+\w+(?:\s+\w+)?|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})\s*(?=[.!?,]|$|\s+(?:in|on|at|after|before|during|when|while)\b))?"
    r"(?:[.!?]|,|(?:in|on|at|after|before|during|following|when|while|late|early|last|this|earlier|to\s+reporters)\b|$)"
)


# --------------------------------------------------------------------------- resolution


@dataclass
class _Source:
    name: str
    kind: str  # person / thing / group
    words: set[str] = field(default_factory=set)  # role and name words, lower case
    named: bool = False  # a named entity (person, organisation, place), not a descriptive phrase


class _Entity(NamedTuple):
    text: str
    label: str
    start: int
    end: int
    canonical: str


def _entity_rows(ents: pd.DataFrame) -> list[_Entity]:
    """The entities as light records, in table order."""
    columns = [ents[c].tolist() for c in ("text", "label", "start", "end", "canonical")]
    return [_Entity(*values) for values in zip(*columns)]


class _Resolver:
    """Resolves speaker mentions to canonical sources, walking through the article in order."""

    def __init__(self, text: str, entities: list[_Entity]):
        self.text = text
        self.ents = [e for e in entities if e.label in ("PERSON", "ORGANIZATION", "LOCATION")]
        self.sources: dict[str, _Source] = {}
        self.history: list[tuple[int, str]] = []  # (offset, canonical) of attributed statements

    def entity_name(self, row) -> str:
        name = row.canonical
        before = self.text[max(0, row.start - 4) : row.start].lower()
        if row.label == "ORGANIZATION" and before.endswith("the ") and len(name.split()) <= 2 and name in entmod.KNOWN_ORGS | {"Kremlin", "Pentagon", "White House"}:
            return f"the {name}"
        return name

    def entities_in(self, start: int, end: int) -> list:
        return [e for e in self.ents if e.start >= start and e.end <= end]

    def recent_entity(self, before: int, labels: tuple[str, ...], words: tuple[str, ...] = (), gender: str | None = None) -> str | None:
        cands = [e for e in self.ents if e.end <= before and e.label in labels]
        for row in reversed(cands):
            name = self.entity_name(row)
            if not _gender_fits(name, gender):
                continue
            if not words or _type_of_words(_words_of(name) | self.sources.get(name, _Source(name, "")).words) in words:
                return name
        return None

    def recent_source(self, before: int, kinds: tuple[str, ...], role: str | None = None, window: int = 10_000, gender: str | None = None) -> str | None:
        if gender is not None:  # a name known to fit the pronoun beats a name of unknown gender
            for offset, name in reversed(self.history):
                if offset < before and before - offset <= window and self.sources[name].kind in kinds and _gender_known(name) == gender:
                    return name
        for offset, name in reversed(self.history):
            if offset >= before or before - offset > window or not _gender_fits(name, gender):
                continue
            source = self.sources[name]
            if source.kind in kinds and (role is None or _role_matches(role, source.words)):
                return name
        return None

    def resolve(self, start: int, end: int, sentence_start: int) -> tuple[str, str]:
        """Canonical name and kind (person/thing/group) of the mention at ``[start, end)``."""
        mention = self.text[start:end]
        lower = mention.lower().strip()
        if lower in _PRONOUNS:
            return self._pronoun(lower, start, sentence_start)
        if _MEDIA_NOUNS.match(mention.strip()):
            return "the media", "group"
        inside = self.entities_in(start, end)
        head_words = _head_words(mention)
        if inside:
            persons = [e for e in inside if e.label == "PERSON"]
            ends_with_entity = self.text[inside[-1].end : end].strip(" ,'’s") == ""
            if persons:
                return self._register(self.entity_name(persons[-1]), "person", mention, start, named=True)
            if ends_with_entity or not (head_words & _PERSON_ROLE_WORDS or _org_role(mention)):
                row = inside[0]
                kind = "thing" if row.label in ("ORGANIZATION", "LOCATION") else "person"
                return self._register(self.entity_name(row), kind, mention, start, named=True)
        # role phrases: "the Kremlin spokesman", "the company", "the spokesman for the head of state"
        definite = re.match(r"^(?:the|this|that)\s", lower) is not None
        person_role = _person_role(mention)
        org_role = _org_role(mention)
        if person_role and definite:
            name = self.recent_source(start, ("person",), person_role)
            if name:
                return self._register(name, "person", mention, start)
            name = self._recent_person_with_role(start, person_role)
            if name:
                return self._register(name, "person", mention, start, named=True)
        if org_role and definite and not person_role:
            name = self._recent_org(start, org_role)
            if name:
                return self._register(name, "thing", mention, start, named=True)
        name = re.sub(r"^(?:The)\s", "the ", mention.strip())
        kind = "group" if re.search(r"s$", _head(mention)) and not person_role else ("person" if person_role else "thing")
        return self._register(name, kind, mention, start)

    def _pronoun(self, pronoun: str, start: int, sentence_start: int) -> tuple[str, str]:
        kind = _PRONOUNS[pronoun]
        if pronoun in ("i", "we"):
            name = self.recent_source(start, ("person", "group", "thing"))
            return (name, self.sources[name].kind) if name else (UNNAMED, kind)
        # the subject of the current sentence, when it is an entity of the right kind
        subject = [e for e in self.ents if e.start >= sentence_start and e.end <= start]
        if subject:
            first = subject[0]
            lead = self.text[sentence_start : first.start].strip().lower()
            first_kind = "person" if first.label == "PERSON" else "thing"
            if lead in ("", "the") and first_kind == kind:
                return self._register(self.entity_name(first), kind, pronoun, start, add_words=False, named=True)
        wanted = ("person",) if kind == "person" else ("thing", "group") if kind == "thing" else ("group", "thing")
        gender = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}.get(pronoun)
        name = self.recent_source(start, wanted, window=1500, gender=gender)
        if name:
            return name, self.sources[name].kind
        labels = ("PERSON",) if kind == "person" else ("ORGANIZATION", "LOCATION")
        name = self.recent_entity(start, labels, gender=gender)
        if name:
            return self._register(name, kind, pronoun, start, add_words=False, named=True)
        return UNNAMED, kind

    def _recent_person_with_role(self, before: int, role: str) -> str | None:
        persons = [e for e in self.ents if e.end <= before and e.label == "PERSON"]
        for row in reversed(persons):
            context = self.text[max(0, row.start - 80) : row.end + 80].lower()
            if any(w in context for w in _PERSON_ROLES[role]):
                return self.entity_name(row)
        return None

    def _recent_org(self, before: int, role: str) -> str | None:
        if role == "place":
            return self.recent_entity(before, ("LOCATION",))
        wanted = {"company": ("company",), "media": ("media",), "government": ("government",)}[role]
        name = self.recent_entity(before, ("ORGANIZATION",), wanted)
        return name or (self.recent_entity(before, ("ORGANIZATION",)) if role == "company" else None)

    def _register(self, name: str, kind: str, mention: str, offset: int, add_words: bool = True, named: bool = False) -> tuple[str, str]:
        source = self.sources.setdefault(name, _Source(name, kind))
        source.named = source.named or named
        if add_words:
            source.words |= _words_of(mention) | _words_of(name)
        return name, source.kind

    def record(self, offset: int, name: str, kind: str, role_text: str = "") -> None:
        if name == UNNAMED:
            return
        source = self.sources.setdefault(name, _Source(name, kind))
        source.words |= _words_of(role_text)
        self.history.append((offset, name))


def _gender_known(name: str) -> str | None:
    """``"female"``/``"male"`` when the first name says so unambiguously, else None."""
    if " " not in name:
        return None
    known = entmod.name_genders().get(name.split()[0])
    return known if known in ("female", "male") else None


def _gender_fits(name: str, gender: str | None) -> bool:
    """False only when the pronoun's gender contradicts the first name's (NLTK names lists)."""
    if gender is None or " " not in name:
        return True
    known = entmod.name_genders().get(name.split()[0])
    return known is None or known in ("either", gender)


def _words_of(text: str) -> set[str]:
    return {w.lower().strip(".,'’") for w in re.findall(r"[\w.'’&\-]+", text)}


def _head(mention: str) -> str:
    core = re.split(r"\s+(?:of|for|at|from|in|with)\s+", mention.strip(), maxsplit=1)[0]
    words = core.split()
    return words[-1].lower() if words else ""


def _head_words(mention: str) -> set[str]:
    core = re.split(r"\s+(?:of|for|at|from|in|with)\s+", mention.strip(), maxsplit=1)[0]
    return {w.lower() for w in core.split()}


_PERSON_ROLE_WORDS = {w for group in _PERSON_ROLES.values() for phrase in group for w in phrase.split()} | {"representatives", "officials", "spokesmen", "experts", "analysts"}


def _person_role(mention: str) -> str | None:
    core = re.split(r"\s+(?:for|of|at|from|with)\s+", mention.lower().strip(), maxsplit=1)[0]
    for role, words in _PERSON_ROLES.items():
        if any(re.search(rf"\b{re.escape(w)}\b", core) for w in words):
            return role
    return None


def _org_role(mention: str) -> str | None:
    head = _head(mention)
    for role, words in _ORG_ROLES.items():
        if head in words:
            return role
    return None


def _role_matches(role: str, words: set[str]) -> bool:
    phrases = _PERSON_ROLES[role]
    joined = " ".join(sorted(words))
    return any(all(p in words for p in phrase.split()) or phrase in joined for phrase in phrases)


def _type_of_words(words: set[str]) -> str:
    for type_name, cues in SPEAKER_TYPES.items():
        for cue in cues:
            if " " in cue:
                if all(part in words for part in cue.split()):
                    return type_name
            elif cue in words:
                return type_name
    return "other"


def speaker_type(name: str, words: set[str] | frozenset[str] = frozenset(), *, is_place: bool = False) -> str:
    """Type of a source from its name and the role words used for it (see :data:`SPEAKER_TYPES`).

    >>> speaker_type("Dmitry Peskov", {"kremlin", "spokesman"}), speaker_type("Kommersant")
    ('government', 'media')
    """
    if name == UNNAMED:
        return UNNAMED
    if is_place:
        return "government"
    return _type_of_words(set(words) | _words_of(name))


# --------------------------------------------------------------------------- extraction


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    mention: tuple[int, int] | None
    sentence: int
    confidence: float
    pattern: str
    speaker: str = ""
    speaker_kind: str = ""
    fragments: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(
    text: str, *, resolve_pronouns: bool = True, sentences: pd.DataFrame | None = None, entities: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Attributed statements in ``text``: one row per statement, in text order.

    Args:
        text: an article's text (offsets refer to it).
        resolve_pronouns: map pronouns and role phrases to the named source they refer to;
            when False the mention itself is the speaker.
        sentences: the text's sentences (:func:`analysis.text.split_sentences`), when the
            caller has them already; computed otherwise.
        entities: the text's entities (:func:`analysis.entities.extract_entities` with the
            same sentences), when the caller has them already; computed otherwise.

    Returns:
        DataFrame with columns :data:`QUOTE_COLUMNS`: ``speaker`` (canonical source name),
        ``speaker_type`` (:data:`SPEAKER_TYPES` or ``other``/``unnamed``), ``kind``
        (direct / indirect / partial), ``cue`` (the reporting expression as written) and
        ``cue_class`` (neutral / loaded / hedged), ``quote`` and its ``start``/``end`` (the
        attributed content, without quotation marks), ``speaker_start``/``speaker_end`` (the
        speaker mention used, -1 when there is none), ``mention``, ``cue_start``/``cue_end``,
        ``sentence`` (index), ``words`` (in the content), ``confidence`` (0-1) and
        ``pattern`` (the rule that fired).

    Example:
        >>> df = extract_quotes('"We will win," Mayor Ana Ruiz said.')
        >>> df[["speaker", "kind", "cue", "quote"]].values.tolist()
        [['Ana Ruiz', 'direct', 'said', 'We will win,']]
    """
    records = _quote_records(text, resolve_pronouns, sentences, entities)
    return pd.DataFrame.from_records(records, columns=QUOTE_COLUMNS) if records else _empty()


def quote_columns(
    text: str, *, resolve_pronouns: bool = True, sentences: pd.DataFrame | None = None, entities: pd.DataFrame | None = None
) -> dict[str, list]:
    """:func:`extract_quotes` as plain lists, one per column of :data:`QUOTE_COLUMNS`.

    The same statements in the same order, without building a DataFrame (corpus mode
    writes the lists straight to its tables). Arguments as for :func:`extract_quotes`.

    Example:
        >>> quote_columns('"We will win," Mayor Ana Ruiz said.')["speaker"]
        ['Ana Ruiz']
    """
    records = _quote_records(text, resolve_pronouns, sentences, entities)
    return {c: [r[c] for r in records] for c in QUOTE_COLUMNS}


def _quote_records(text: str, resolve_pronouns: bool, sentences: pd.DataFrame | None, entities: pd.DataFrame | None) -> list[dict]:
    if not text or not text.strip():
        return []
    if sentences is None:
        sentences = textmod.split_sentences(text)
    sent_spans = list(zip(sentences["start"].tolist(), sentences["end"].tolist()))
    ents = entmod.extract_entities(text, sentences=sentences) if entities is None else entities
    quotes = find_quote_spans(text)
    rows: list[_Row] = []
    rows += _direct_quotes(text, quotes, sent_spans)
    rows += _transcript_turns(text, ents, sent_spans, quotes)
    rows += _reported_speech(text, quotes, sent_spans, rows)
    rows.sort(key=lambda r: (r.start, r.end))
    rows = _drop_overlaps(rows)
    return _resolve_and_frame(text, rows, ents, sent_spans, resolve_pronouns)


def _empty() -> pd.DataFrame:
    ints = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "sentence", "words")
    dtypes = {c: "int64" if c in ints else "float64" if c == "confidence" else "bool" if c == "named" else "object" for c in QUOTE_COLUMNS}
    return pd.DataFrame({c: pd.Series(dtype=dtype) for c, dtype in dtypes.items()})


def _sentence_of(pos: int, spans: list[tuple[int, int]]) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e or (pos < s):
            return i if s <= pos else max(0, i - 1)
    return len(spans) - 1




def _cue_at(segment: str) -> re.Match | None:
    """First reporting-verb form in a short attribution segment."""
    for m in re.finditer(r"[A-Za-z][A-Za-z'’]*(?:\s+out)?", segment):
        base = lemma(m.group().split()[0])
        if base and base not in ("reportedly", "presumably", "allegedly", "apparently"):
            return m
    return None


def _direct_quotes(text: str, quotes: list[QuoteSpan], sent_spans) -> list[_Row]:
    rows: list[_Row] = []
    previous: _Row | None = None
    previous_close = -1
    for q in quotes:
        sid = _sentence_of(q.start, sent_spans)
        s_start = sent_spans[sid][0]
        last_sid = _sentence_of(max(q.close - 1, q.start), sent_spans)
        s_end = sent_spans[min(last_sid + (1 if q.close >= sent_spans[last_sid][1] - 1 else 0), len(sent_spans) - 1)][1]
        n_words = len(textmod.words(text[q.start : q.end]))
        row = _attribute_after(text, q, s_end, sid) or _attribute_before(text, q, s_start, sid)
        same_cue = row is not None and previous is not None and row.cue_start == previous.cue_start
        if (same_cue or row is None) and previous is not None and _only_attribution_between(text, previous_close, q.open, previous):
            # "A," she said. "B." is one statement in two fragments
            previous.end = q.end
            previous.fragments += _content_fragments(text, q)
            previous.pattern += " + continued quote"
            q.attributed = True
            previous_close = q.close
            continue
        if row is None:
            previous = None
            continue
        if n_words < 3 and row.pattern not in ("quote, speaker cue", "quote, cue speaker", "speaker cue: quote"):
            continue
        q.attributed = True
        row.fragments = _content_fragments(text, q)
        rows.append(row)
        previous, previous_close = row, q.close
    return rows


_TURN = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?=\S)")
_NOT_SPEAKERS = {"note", "related", "photo", "source", "update", "updated", "editor", "correction", "read", "see", "watch", "video", "image", "credit", "caption", "warning", "disclaimer", "q", "a", "question", "answer", "bottom line", "why", "what", "how", "when", "where", "who"}


def _transcript_turns(text: str, ents: pd.DataFrame, sent_spans, quotes: list[QuoteSpan]) -> list[_Row]:
    """Interview transcripts: a paragraph opening with ``NAME:`` is that person speaking."""
    rows = []
    persons = set(ents.loc[ents["label"] == "PERSON", "text"])
    for ps, pe in textmod.paragraph_spans(text):
        m = _TURN.match(text[ps:pe])
        if not m:
            continue
        name = m.group("name")
        if name.lower() in _NOT_SPEAKERS or not (name.isupper() and len(name) > 1 or name in persons or name.split()[-1] in {p.split()[-1] for p in persons}):
            continue
        start = ps + m.end()
        end = ps + len(text[ps:pe].rstrip())
        if any(q.attributed and q.start < end and start < q.end for q in quotes):
            continue
        sid = _sentence_of(start, sent_spans)
        rows.append(_Row(start, end, "direct", ":", ps + m.end("name"), ps + m.end("name") + 1, (ps + m.start("name"), ps + m.end("name")), sid, 0.8, "transcript turn"))
    return rows


def _content_fragments(text: str, q: QuoteSpan) -> list[tuple[int, int]]:
    """Content pieces of a quote: one per paragraph, without continuation marks."""
    pieces = []
    for m in re.finditer(r"[^\n]+", text[q.start : q.end]):
        s, e = q.start + m.start(), q.start + m.end()
        while s < e and (text[s] in _MARKS or text[s].isspace() or text[s : s + 2] in ("''", "``")):
            s += 2 if text[s : s + 2] in ("''", "``") else 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
    return pieces or [(q.start, q.end)]


def _only_attribution_between(text: str, a: int, b: int, previous: _Row) -> bool:
    between = text[a + 1 : b]
    after_cue = text[previous.cue_end : b]
    paraphrase = re.search(r",\s*(?:\w+ly\s+)?\w+ing\b|\bthat\b", after_cue) and not re.match(r"\s*,?\s*(?:who|which)\b", after_cue)
    return previous.cue_start > a and previous.cue_end <= b and "\n\n" not in between and len(between.split()) <= 40 and not paraphrase


def _attribute_after(text: str, q: QuoteSpan, s_end: int, sid: int) -> _Row | None:
    tail_start = q.close + 1
    tail = text[tail_start : max(s_end, tail_start)]
    closes_sentence_part = re.search(r"[,?!…—–-]$|\.\.\.$", text[q.start : q.end]) or re.match(r"\s*,", tail)
    dash = re.match(r"\s*(?:[―—–]|--)\s*", tail)
    if dash:
        span = _subject_after(tail, dash.end())
        if span is None:
            return None
        return _Row(q.start, q.end, "direct", tail[dash.start() : dash.end()].strip(), tail_start + dash.start(), tail_start + dash.end(), (tail_start + span[0], tail_start + span[1]), sid, 0.85, "quote, dash speaker")
    nxt = re.search(r'["“”„«»]|\'\'|\n\n', tail)
    if nxt:
        tail = tail[: nxt.start()]
    if not tail.strip() or tail.lstrip()[:1] in ".?!" and not re.match(r"\s*[.?!]\s*$", tail) is None:
        return None
    if re.match(r"\s*[.!?]", tail):
        return None
    cue = _cue_at(tail[:160])
    if not cue or cue.start() > 120 or not closes_sentence_part:
        return None
    before_cue = tail[: cue.start()]
    cue_start, cue_end = tail_start + cue.start(), tail_start + cue.end()
    if before_cue.strip(" ,"):
        span = _subject_before(tail, cue.start())
        if span is None or tail[: span[0]].strip(" ,") != "":
            return None
        mention = (tail_start + span[0], tail_start + span[1])
        pattern = "quote, speaker cue"
    else:
        span = _subject_after(tail, cue.end())
        if span is None:
            return None
        mention = (tail_start + span[0], tail_start + span[1])
        pattern = "quote, cue speaker"
    row = _Row(q.start, q.end, "direct", text[cue_start:cue_end], cue_start, cue_end, mention, sid, 0.95, pattern)
    s_start = _sentence_start_before(text, q.open)
    lead = text[s_start : q.open]
    if lead.strip() and not re.search(r"[:,]\s*$|\b(?:that|saying|said|says)\s*$", lead) and "\n\n" not in lead:
        # 'using the tax ''is a misguided approach,'' said Mr. Burman': the statement starts earlier
        connective = _LEADING_CONNECTIVE.match(lead)
        row.start = s_start + (connective.end() if connective else 0)
        row.kind, row.pattern = "partial", pattern + " (quote ends a paraphrase)"
        row.fragments = [(row.start, q.end + (1 if text[q.end : q.end + 1] in _MARKS else 0))]
    return row


def _sentence_start_before(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (after the last . ! ? or paragraph break)."""
    m = None
    for m in re.finditer(r"[.!?][\"”’']?\s+|\n\n", text[max(0, pos - 400) : pos]):
        pass
    return max(0, pos - 400) + m.end() if m else max(0, pos - 400) if pos > 400 else 0


def _attribute_before(text: str, q: QuoteSpan, s_start: int, sid: int) -> _Row | None:
    head = text[s_start : q.open]
    if "\n\n" in head:
        head = head[head.rindex("\n\n") + 2 :]
        s_start = q.open - len(head)
    stripped = head.rstrip()
    if not stripped.endswith((":", ",")) and not re.search(r"\b(?:said|says|added|adds|told|tells|wrote|writes)\s*$", stripped):
        # a paragraph that is only a quote, after a paragraph that introduced it with a colon
        prev = text[: q.open].rstrip()
        if head.strip() == "" and prev.endswith(":"):
            intro_start = prev.rfind("\n\n") + 2 if "\n\n" in prev else 0
            return _attribute_before(text, QuoteSpan(len(prev), q.close, q.start, q.end), intro_start, sid)
        return None
    inverted = re.match(r"\s*(?P<cue>Said|Says|Added|Adds|Wrote|Writes|Asked)\s+(?P<spk>[^:,]{2,80}?)\s*[:,]\s*$", head)
    if inverted:
        span = _subject_after(head, inverted.start("spk"))
        if span:
            return _Row(q.start, q.end, "direct", inverted["cue"], s_start + inverted.start("cue"), s_start + inverted.end("cue"), (s_start + span[0], s_start + span[1]), sid, 0.9, "cue speaker: quote")
    m = re.search(r"\b[Aa]ccording\s+to\s+(.+?),\s*$", head)
    if m:
        span = _subject_after(head, m.start(1))
        if span:
            return _Row(q.start, q.end, "direct", "according to", s_start + m.start(), s_start + m.start() + len("according to"), (s_start + span[0], s_start + span[1]), sid, 0.9, "according to X, quote")
    after_close = text[q.close + 1 : q.close + 3].lstrip()
    if after_close[:1].isalpha() and after_close[:1].islower():
        return None  # 'he said "budget reforms" and the ...': quoted words inside a paraphrase
    body = stripped.rstrip(":,").rstrip()
    quoted = re.search(r"\bquoted\s+((?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,5}?)\s+as\s+saying$", body)
    if quoted:
        return _Row(q.start, q.end, "direct", "quoted", s_start + quoted.start(), s_start + quoted.start() + 6, (s_start + quoted.start(1), s_start + quoted.end(1)), sid, 0.9, "X quoted Y as saying: quote")
    cues = list(re.finditer(r"[A-Za-z][A-Za-z'’]*", body))
    for cm in reversed(cues[-6:]):
        base = lemma(cm.group())
        if not base or base in ("reportedly", "presumably", "allegedly", "apparently"):
            continue
        after_cue = body[cm.end() :]
        if after_cue.strip() and (len(after_cue.split()) > 8 or _SUBJECT_VERB_WORDS.search(after_cue) or re.search(r"[.;!?]", after_cue.replace("U.S.", "US"))):
            continue
        span = _subject_before(head, cm.start())
        if span is None:
            continue
        kind = "partial" if re.search(r"\bthat\s*$", body) else "direct"
        return _Row(q.start, q.end, kind, cm.group(), s_start + cm.start(), s_start + cm.end(), (s_start + span[0], s_start + span[1]), sid, 0.9, "speaker cue: quote")
    return None


def _reported_speech(text: str, quotes: list[QuoteSpan], sent_spans, direct: list[_Row]) -> list[_Row]:
    rows: list[_Row] = []
    used_cues = {r.cue_start for r in direct}
    previous_sentence_row: _Row | None = None
    for sid, (s_start, s_end) in enumerate(sent_spans):
        sentence = text[s_start:s_end]
        cues = [c for c in _find_cues(sentence) if s_start + c.start not in used_cues]
        # cues inside a direct quote belong to the quoted speaker's words, not to attribution
        cues = [c for c in cues if not any(q.attributed and q.start <= s_start + c.start < q.end for q in quotes)]
        sentence_rows: list[_Row] = []
        found: list[tuple[Cue, _Row]] = []
        for cue in cues:  # first pass: which cues make a statement at all
            row = _one_reported(text, sentence, s_start, sid, cue, len(sentence), [r for _, r in found], previous_sentence_row)
            if row is not None:
                found.append((cue, row))
        for k, (cue, row) in enumerate(found):  # second pass: a later statement ends the one before
            if k + 1 < len(found):
                stop = _next_clause_start(sentence, found[k + 1][0])
                if s_start + stop < row.end:
                    row = _one_reported(text, sentence, s_start, sid, cue, stop, sentence_rows, previous_sentence_row) or row
            sentence_rows.append(row)
        sentence_rows += _agentless(text, sentence, s_start, sid, rows + sentence_rows, previous_sentence_row)
        sentence_rows += _noun_reports(text, sentence, s_start, sid)
        for row in sentence_rows:
            if any(q.start < row.end and row.start < q.end and not q.attributed for q in quotes):
                row.kind = "partial"
        rows += sentence_rows
        if sentence_rows:
            previous_sentence_row = sentence_rows[-1]
    return rows


def _next_clause_start(sentence: str, cue: Cue) -> int:
    """Where the clause of the next cue begins, so the previous content stops there."""
    if cue.participle:
        m = re.search(r",\s*(?:\w+ly\s+)?$", sentence[: cue.start])
        return m.start() if m else cue.start
    if cue.lemma == "according to":
        m = re.search(r",\s*$", sentence[: cue.start])
        return m.start() if m else cue.start
    span = _subject_before(sentence, cue.start)
    if span is None:
        return cue.start
    before = sentence[: span[0]]
    m = re.search(r"(?:,\s*(?:\b(?:after|before|as|while|when|because|since|but|and|which|who|where|although|though|whereas)\s+)?|\b(?:after|before|as|while|when|because|since|but|and|which|who|where|although|though|whereas)\s+|[;:]\s*)$", before, re.I)
    return m.start() if m else len(sentence)


def _one_reported(text, sentence, s_start, sid, cue: Cue, stop: int, sentence_rows: list[_Row], previous_row) -> _Row | None:
    cue_start, cue_end = s_start + cue.start, s_start + cue.end
    if cue.lemma == "according to":
        span = _subject_after(sentence, cue.end)
        if span is None:
            return None
        mention = (s_start + span[0], s_start + span[1])
        after = sentence[span[1] :]
        if re.match(r"\s*,", after) and cue.start < 3 + len(re.match(r"\s*", sentence).group()) or not sentence[: cue.start].strip(" ,"):
            c_start = span[1] + len(re.match(r"\s*,\s*", after).group()) if re.match(r"\s*,\s*", after) else span[1]
            c_end = len(sentence.rstrip(" .!?"))
        else:
            c_start = 0
            lead = _LEADING_CONNECTIVE.match(sentence)
            if lead:
                c_start = lead.end()
            c_end = len(sentence[: cue.start].rstrip(" ,"))
        if c_end - c_start < 3:
            return None
        return _Row(s_start + c_start, s_start + c_end, "indirect", cue.text, cue_start, cue_end, mention, sid, 0.9, "according to X")
    if cue.passive:
        # "was quoted as saying" / "is said to" -> speaker is the grammatical subject
        span = _subject_before(sentence, re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:also\s+)?$", sentence[: cue.start], re.I).start())
        if span is None or sentence[span[0] : span[1]].lower() in ("it", "this"):
            return None
        content = _content_after(sentence, Cue(cue.start, cue.end, "say" if cue.lemma == "quote" else cue.lemma, cue.text), stop)
        if content is None:
            m = re.match(r"\s+as\s+saying\s+(?:that\s+)?", sentence[cue.end :])
            if not m:
                return None
            content = (cue.end + m.end(), len(sentence.rstrip(" .")), "clause")
        return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + span[0], s_start + span[1]), sid, 0.8, "passive with subject")
    # participle: ", adding that" -> the subject of the main clause
    if cue.participle:
        content = _content_after(sentence, cue, stop)
        if content is None:
            return None
        if sentence_rows:
            mention = sentence_rows[-1].mention
        else:
            subject = _main_subject(sentence)
            if subject is None or subject[1] > cue.start:
                return None
            mention = (s_start + subject[0], s_start + subject[1])
        return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.8, "participle")
    # relative clauses: "what it says is", "which it argued is"
    rel = re.search(r"\b(?:what|which|who|that)\s+((?:the\s+)?[\w.'’]+(?:\s+[\w.'’]+){0,3}?)\s+(?:also\s+)?$", sentence[: cue.start])
    if rel and _is_speaker_phrase(rel.group(1)) and (rel.group(1).lower() in _PRONOUNS or rel.group(1)[0].isupper() or rel.group(1).lower().startswith("the ")):
        c_start = cue.end + len(re.match(r"\s*", sentence[cue.end :]).group())
        c_end = len(sentence[:stop].rstrip(" .!?,;"))
        if sentence[c_start:c_end].count('"') % 2 == 1:
            c_end = len(sentence[:stop].rstrip(" !?,;"))
        if c_end - c_start >= 2 and not re.match(r"(?:that|to)\b", sentence[c_start:]):
            return _Row(s_start + c_start, s_start + c_end, "indirect", cue.text, cue_start, cue_end, (s_start + rel.start(1), s_start + rel.end(1)), sid, 0.75, "relative clause")
    span = _subject_before(sentence, cue.start)
    if cue.lemma == "quote":
        obj = re.match(r"\s+((?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,5}?)\s+as\s+saying\b", sentence[cue.end :])
        if not obj:
            return None
        mention = (s_start + cue.end + obj.start(1), s_start + cue.end + obj.end(1))
        content = _content_after(sentence, cue, stop)
        if content is not None and sentence[content[0] : content[1]].split()[0].lower() not in ("after", "in", "on", "when", "while", "following", "during"):
            return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "X quoted Y as saying")
        before = _content_before(sentence, span)
        if before is None:
            return None
        return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "content, X quoted Y as saying")
    if span is None:
        left = sentence[: cue.start]
        # "content, noted NBC's Dante Chinni."
        if re.search(r",\s*$", left):
            after = _subject_after(sentence, cue.end)
            rest = sentence[after[1] :] if after else ""
            if after and (re.fullmatch(r"[\s,]*(?:(?:in|on|at|during|to|after|before|as|when|while)\b.*)?[.!?\"”]*\s*", rest, re.S) or (re.match(r"\s*,", rest) and not _has_finite_verb(rest))):
                before = _content_before(sentence, (cue.start, cue.end))
                if before is not None:
                    return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, (s_start + after[0], s_start + after[1]), sid, 0.8, "content, cue speaker")
        # "X has encouraged ... but has said she will"
        if re.search(r"\b(?:but|and)\s+(?:(?:has|have|had|also|later|then|will|would)\s+){0,2}$", left):
            subject = _main_subject(sentence)
            content = _content_after(sentence, cue, stop)
            if subject is not None and content is not None and subject[1] < cue.start:
                return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + subject[0], s_start + subject[1]), sid, 0.75, "coordinated verb")
        return None
    mention = (s_start + span[0], s_start + span[1])
    parenthetical = _parenthetical(sentence, span, cue, stop)
    if parenthetical is not None:
        (a, b), (c, d) = parenthetical
        row = _Row(s_start + a, s_start + d, "indirect", cue.text, cue_start, cue_end, mention, sid, 0.8, "parenthetical attribution")
        row.fragments = [(s_start + a, s_start + b), (s_start + c, s_start + d)]
        return row
    content = _content_after(sentence, cue, stop)
    after = sentence[cue.end : stop]
    if content is None or (content[2] == "clause" and _CONTENT_BEFORE_OK.match(after) and sentence[: span[0]].strip(" ,")):
        before = _content_before(sentence, span)
        if before is not None and _CONTENT_BEFORE_OK.match(after):
            return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "content, speaker cue")
        if content is None:
            return None
    confidence = 0.9 if content[2] == "that" else 0.8
    return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, confidence, f"speaker cue {content[2]}")


_MAIN_SUBJECT = re.compile(
    r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w.'’\-]*|of|the|for|&)(?:\s+(?:[A-Z][\w.'’\-]*|of|the|for|&))*(?:\s+[a-z]+(?:men|women|man|woman|ers|ists|ians|ors|s))?)"
)


def _main_subject(sentence: str) -> tuple[int, int] | None:
    """The sentence-initial noun phrase (after connectives), the subject a participle shares."""
    start = 0
    lead = _LEADING_CONNECTIVE.match(sentence)
    if lead:
        start = lead.end()
    m = _MAIN_SUBJECT.match(sentence, start)
    if not m or not m.group("np").strip():
        return None
    phrase = m.group("np").rstrip()
    end = start + len(phrase)
    if not _is_speaker_phrase(phrase) or phrase.split()[-1] in ("of", "the", "for", "&"):
        return None
    return start, end


def _parenthetical(sentence: str, span: tuple[int, int], cue: Cue, stop: int):
    """``PRE, speaker cue, POST``: the statement is PRE and POST around the attribution."""
    before = sentence[: span[0]]
    comma = re.search(r",\s*$", before)
    after = re.match(rf"(?:\s+(?:{_TIME_ADJUNCT}|{_ADVERBS}))*\s*,\s*", sentence[cue.end : stop], re.I)
    if not comma or not after:
        return None
    post_start = cue.end + after.end()
    post_end = len(sentence[:stop].rstrip(" .!?"))
    lead = _LEADING_CONNECTIVE.match(sentence)
    pre_start = lead.end() if lead and lead.end() < comma.start() else 0
    pre, post = sentence[pre_start : comma.start()], sentence[post_start:post_end]
    if not pre.strip() or len(post.split()) < 2 or not _has_finite_verb(post):
        return None
    return (pre_start, comma.start()), (post_start, post_end)


def _content_before(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Reported clause placed before its attribution: "Zoom will sell ..., the daily said"."""
    if span is None:
        return None
    left = sentence[: span[0]]
    m = re.search(r",\s*$", left)
    if not m:
        return None
    start = 0
    lead = _LEADING_CONNECTIVE.match(sentence)
    if lead and lead.end() < m.start():
        start = lead.end()
    end = m.start()
    if len(sentence[start:end].split()) < 3 or not _has_finite_verb(sentence[start:end], within=40):
        return None
    return start, end


_AGENTLESS = re.compile(
    r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:also\s+|further\s+|later\s+)?"
    r"(?P<cue>noted|emphasized|emphasised|stressed|reported|said|stated|announced|added|specified|clarified|claimed|alleged|suggested|believed|understood|explained|pointed\s+out|learned|learnt|underlined|recalled|argued|indicated|confirmed)\s+that\s+",
)


def _agentless(text, sentence, s_start, sid, rows: list[_Row], previous_row: _Row | None) -> list[_Row]:
    out = []
    for m in _AGENTLESS.finditer(sentence):
        c_start = m.end()
        c_end = len(sentence.rstrip(" .!?"))
        same_paragraph = previous_row is not None and "\n\n" not in text[previous_row.end : s_start + m.start()]
        owner = rows[-1] if rows else previous_row if same_paragraph else None
        row = _Row(s_start + c_start, s_start + c_end, "indirect", m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"), None, sid, 0.6 if owner else 0.5, "agentless passive")
        if owner is not None:
            row.speaker, row.speaker_kind = "@inherit", ""
            row.mention = owner.mention
            row.pattern = "agentless passive (source of the statement before)"
        out.append(row)
    return out


_NOUN_REPORTS = re.compile(
    r"\b(?:over|amid|after|following|despite|denied|dismissed|confirmed)\s+(?P<spk>(?:(?:media|news|press|earlier|recent|unconfirmed|initial)\s+)?reports?)\s+(?P<cue>that)\s+"
)


def _noun_reports(text, sentence, s_start, sid) -> list[_Row]:
    out = []
    for m in _NOUN_REPORTS.finditer(sentence):
        c_start = m.end()
        rest = sentence[c_start:]
        stop = re.search(r",\s+(?:the\s+|a\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,4}\s+(?:urged|said|told|added|reported)\b|\s+after\s+\w+\s+(?:reported|said)\b", rest)
        c_end = c_start + len((rest[: stop.start()] if stop else rest).rstrip(" .!?,"))
        mention = None
        out.append(_Row(s_start + c_start, s_start + c_end, "indirect", m.group("spk").split()[-1], s_start + m.start("spk"), s_start + m.end("spk"), mention, sid, 0.6, "news-report noun"))
        out[-1].speaker, out[-1].speaker_kind = "the media", "group"
    return out


def _drop_overlaps(rows: list[_Row]) -> list[_Row]:
    """Keep one row per content span: direct quotes win, then higher confidence, then shorter."""
    kept: list[_Row] = []
    order = {"direct": 0, "partial": 1, "indirect": 2}
    for row in sorted(rows, key=lambda r: (order[r.kind], -r.confidence, r.end - r.start)):
        clash = False
        for other in kept:
            overlap = min(row.end, other.end) - max(row.start, other.start)
            if overlap > 0 and (overlap >= 0.5 * (row.end - row.start) or overlap >= 0.5 * (other.end - other.start)):
                if other.cue_start == row.cue_start or other.kind == "direct" or overlap >= 0.9 * (row.end - row.start):
                    clash = True
                    break
        if not clash:
            kept.append(row)
    return sorted(kept, key=lambda r: (r.start, r.end))


def _apposition_after(text: str, end: int) -> str:
    """The role phrase right after a speaker mention: "Kapital, a business daily, ..."."""
    m = re.match(r",\s*((?:a|an|the|who|which)\b[^,.;]{0,120}|[a-z][^,.;]{0,120})(?:[,.;]|$)", text[end : end + 160])
    return m.group(1) if m else ""


def _entity_roles(text: str, entities: list[_Entity]) -> dict[str, str]:
    """Role words said of each named entity anywhere in the text: the words right before a
    mention in its sentence ("Finance Minister", "union leader") and an apposition after it."""
    roles: dict[str, list[str]] = {}
    for row in entities:
        if row.label not in ("PERSON", "ORGANIZATION"):
            continue
        words = []
        if row.label == "PERSON":  # the title run right before a name: "Finance Minister", "union leader"
            before = re.split(r"[.;:!?\"“”]|,\s", text[max(0, row.start - 60) : row.start])[-1].split()
            for word in reversed(before[-4:]):
                if word.lower() in entmod._FUNCTION_WORDS or lemma(word) or word.endswith("ed"):
                    break
                words.insert(0, word)
        roles.setdefault(row.canonical, []).extend([*words, _apposition_after(text, row.end)])
    return {name: " ".join(parts) for name, parts in roles.items()}


def _resolve_and_frame(text, rows: list[_Row], ents: pd.DataFrame, sent_spans, resolve_pronouns: bool) -> list[dict]:
    if not rows:
        return []
    entities = _entity_rows(ents)
    resolver = _Resolver(text, entities)
    places = {e.canonical for e in entities if e.label == "LOCATION"}
    entity_roles = _entity_roles(text, entities)
    for row in sorted(rows, key=lambda r: r.cue_start):
        if row.speaker == "the media":
            resolver.record(row.cue_start, "the media", "group", "media")
            continue
        if row.speaker == "@inherit":
            continue
        if row.mention is None:
            row.speaker, row.speaker_kind = UNNAMED, ""
            continue
        s_start = sent_spans[row.sentence][0]
        if resolve_pronouns:
            name, kind = resolver.resolve(row.mention[0], row.mention[1], s_start)
        else:
            name, kind = text[row.mention[0] : row.mention[1]], ""
        row.speaker, row.speaker_kind = name, kind
        role = " ".join([text[row.mention[0] : row.mention[1]], _apposition_after(text, row.mention[1]), entity_roles.get(name, "")])
        resolver.record(row.cue_start, name, kind, role)
    # agentless statements take the source of the statement before them
    ordered = sorted(rows, key=lambda r: r.cue_start)
    for i, row in enumerate(ordered):
        if row.speaker == "@inherit":
            before = next((r for r in reversed(ordered[:i]) if r.speaker not in ("@inherit", UNNAMED)), None)
            row.speaker = before.speaker if before else UNNAMED
            row.mention = None
    records = []
    for row in rows:
        mention = row.mention
        name = row.speaker or UNNAMED
        source = resolver.sources.get(name)
        words = source.words if source else set()
        named = bool(source and source.named)
        kind_of_source = speaker_type(name, words, is_place=name in places)
        if kind_of_source == "other" and not named:
            kind_of_source = UNNAMED
        fragments = row.fragments or [(row.start, row.end)]
        quote = " … ".join(text[a:b] for a, b in fragments)
        records.append({
            "speaker": name,
            "speaker_type": kind_of_source, "named": named,
            "kind": row.kind, "cue": row.cue, "cue_class": cue_connotation(row.cue) or "neutral",
            "quote": quote, "start": row.start, "end": row.end,
            "speaker_start": mention[0] if mention else -1, "speaker_end": mention[1] if mention else -1,
            "mention": text[mention[0] : mention[1]] if mention else "",
            "cue_start": row.cue_start, "cue_end": row.cue_end, "sentence": row.sentence,
            "words": sum(len(textmod.words(text[a:b])) for a, b in fragments), "confidence": row.confidence,
            "pattern": row.pattern, "fragments": [list(f) for f in fragments],
        })  # fmt: skip
    # one type per canonical source: the type its statements give most often, leaving out
    # "other" and "unnamed" (ties: the alphabetically first)
    given: dict[str, list[str]] = {}
    for record in records:
        if record["speaker_type"] not in ("other", UNNAMED):
            given.setdefault(record["speaker"], []).append(record["speaker_type"])
    for record in records:
        types = given.get(record["speaker"])
        if types:
            record["speaker_type"] = max(sorted(set(types)), key=types.count)
    records.sort(key=lambda r: (r["start"], r["end"]))
    return records


# --------------------------------------------------------------------------- summaries

SOURCE_SUMMARY_COLUMNS = [
    "speaker", "speaker_type", "named", "statements", "direct", "indirect", "partial",
    "words_quoted", "share_of_voice", "cues",
]  # fmt: skip
ARTICLE_SUMMARY_COLUMNS = [
    "sources", "statements", "named_sources", "unnamed_sources", "share_named",
    "share_official", "share_direct", "words_quoted", "share_of_voice", "loaded_cues",
    "hedged_cues", *[f"sources_{t}" for t in (*SPEAKER_TYPES, UNNAMED, "other")],
]  # fmt: skip


def source_summary(quotes: pd.DataFrame, *, article_words: int) -> pd.DataFrame:
    """One row per source: how often and how each is given voice.

    Args:
        quotes: :func:`extract_quotes` output for one article.
        article_words: number of words in the article (``Article.n_words``).

    Returns:
        DataFrame with columns :data:`SOURCE_SUMMARY_COLUMNS`, largest voice first:
        ``statements`` and their ``direct``/``indirect``/``partial`` counts,
        ``words_quoted`` (words in the attributed content) and ``share_of_voice`` (those
        words as % of the article's words), ``cues`` (the reporting expressions used).

    Example:
        >>> q = extract_quotes('"We will win," Mayor Ana Ruiz said.')
        >>> source_summary(q, article_words=6)[["speaker", "words_quoted", "share_of_voice"]].values.tolist()
        [['Ana Ruiz', 3, 50.0]]
    """
    if quotes.empty:
        return pd.DataFrame(columns=SOURCE_SUMMARY_COLUMNS)
    rows = []
    for speaker, group in quotes.groupby("speaker", sort=False):
        kinds = group["kind"].value_counts()
        words = int(group["words"].sum())
        rows.append({
            "speaker": speaker, "speaker_type": group["speaker_type"].iloc[0], "named": bool(group["named"].iloc[0]),
            "statements": len(group), "direct": int(kinds.get("direct", 0)),
            "indirect": int(kinds.get("indirect", 0)), "partial": int(kinds.get("partial", 0)),
            "words_quoted": words,
            "share_of_voice": round(100 * words / article_words, 1) if article_words else 0.0,
            "cues": ", ".join(dict.fromkeys(c.lower() for c in group["cue"])),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=SOURCE_SUMMARY_COLUMNS)
    return frame.sort_values(["words_quoted", "speaker"], ascending=[False, True]).reset_index(drop=True)


def article_summary(quotes: pd.DataFrame, *, article_words: int) -> dict:
    """Sourcing profile of one article (keys :data:`ARTICLE_SUMMARY_COLUMNS`).

    ``share_named`` and ``share_official`` are shares of *statements* (0–1): how many come
    from a named source, and how many from government or officials. ``sources_<type>``
    counts distinct sources of each type.
    """
    sources = source_summary(quotes, article_words=article_words)
    n = len(quotes)
    out = {
        "sources": len(sources), "statements": n,
        "named_sources": int(sources["named"].sum()) if n else 0,
        "unnamed_sources": int((~sources["named"].astype(bool)).sum()) if n else 0,
        "share_named": round(float(quotes["named"].mean()), 3) if n else 0.0,
        "share_official": round(float((quotes["speaker_type"] == "government").mean()), 3) if n else 0.0,
        "share_direct": round(float((quotes["kind"] == "direct").mean()), 3) if n else 0.0,
        "words_quoted": int(quotes["words"].sum()) if n else 0,
        "share_of_voice": round(100 * float(quotes["words"].sum()) / article_words, 1) if n and article_words else 0.0,
        "loaded_cues": int((quotes["cue_class"] == "loaded").sum()) if n else 0,
        "hedged_cues": int((quotes["cue_class"] == "hedged").sum()) if n else 0,
    }  # fmt: skip
    for type_name in (*SPEAKER_TYPES, UNNAMED, "other"):
        out[f"sources_{type_name}"] = int((sources["speaker_type"] == type_name).sum()) if n else 0
    return out


def cue_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Reporting expressions used, with their connotation class and who they were used for.

    Columns ``cue, cue_class, statements, speakers`` (cues lower-cased), most used first.
    """
    if quotes.empty:
        return pd.DataFrame(columns=["cue", "cue_class", "statements", "speakers"])
    frame = quotes.assign(cue=quotes["cue"].str.lower())
    rows = [
        {"cue": cue, "cue_class": group["cue_class"].iloc[0], "statements": len(group),
         "speakers": ", ".join(dict.fromkeys(group["speaker"]))}
        for cue, group in frame.groupby("cue", sort=True)
    ]  # fmt: skip
    return pd.DataFrame(rows).sort_values(["statements", "cue"], ascending=[False, True]).reset_index(drop=True)
