"""Where the reporting verbs of a sentence are: cues found by lexicon, tagger and context.

A word counts as a cue when it is a form of a reporting verb (:mod:`.verbs`), tagged as a
verb, and stands where a reporting verb can (not "the reports", not "all told"); multiword
cues ("according to", "pointed out", "expressed regret") are found as phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import _WORD, _tags
from .verbs import _IRREGULAR, lemma

_AUX_BEFORE = re.compile(r"(?:\b(?:has|have|had|will|would|did|does|do|to|can|could|may|might|must|should|not)|n['’]t)\s+$", re.I)


@dataclass
class Cue:
    """A reporting verb in a sentence: offsets, lemma, text as written, participle or passive use."""

    start: int  # offsets within the sentence
    end: int
    lemma: str
    text: str
    participle: bool = False
    passive: bool = False



def _is_title_case(sentence: str) -> bool:
    """A headline: most words of four letters or more start with a capital."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.8


# reporting verbs a headline writes with a capital ("Mayor Reveals Pier Will Close")
_HEADLINE_CUES = frozenset({"Says", "Said", "Warns", "Claims", "Urges", "Tells", "Vows", "Calls", "Announces", "Reveals", "Promises", "Blasts"})

_MULTIWORD_CUE = re.compile(r"\b[Aa]ccording\s+to\b|\bpointed\s+out\b|\bpoint(?:s|ed|ing)?\s+to\b|\bexpressed\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:deep\s+)?regret\b", re.I)


# "with 47 percent of voters saying ...": a participle with its own subject after "with"
_WITH_SUBJECT = re.compile(r"\bwith\s+(?P<np>[^,;:\"“”]{2,60}?)\s+$")
_NOT_NAMED = re.compile(r"\s+not\s+to\s+be\s+(?:named|identified|quoted)\b")
# a share of people right before a verb the tagger takes for a noun: "Six in 10 say", "64 percent call"
_SHARE_BEFORE = re.compile(r"(?:\b(?:in|of)\s+(?:\d+|ten)|\d+\s*(?:%|percent))\s+$", re.I)

# "issued a statement saying ...": the document speaks for the subject of the sentence
_DOCUMENT_BEFORE = re.compile(r"\b(?:issued|released|put\s+out|posted|sent|published|tweeted|wrote|sent\s+out)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:statement|letter|tweet|message|memo|email|e-mail|release|note|post)\s+$", re.I)

#: Verbs of evidence that report only with "that" right after them ("a poll found that ...")
#: or a poll, a study or a record as their subject (:data:`_EVIDENCE_BEFORE`).
_THAT_ONLY = frozenset({"show", "find", "conclude", "agree"})
_THAT_AFTER = re.compile(r"\s+that\b")
# ... or with a clause when a record of evidence is their subject ("the poll shows Clinton leads")
_EVIDENCE_BEFORE = re.compile(r"\b(?:polls?|surveys?|data|study|studies|analysis|research|results|figures|numbers|records|filings|documents|report)\s+(?:also\s+|now\s+)?$", re.I)


def _reports_evidence(sentence: str, m: re.Match) -> bool:
    """An evidence verb used as a reporting verb: "that" after it, or a poll or record before it."""
    return _THAT_AFTER.match(sentence, m.end()) is not None or _EVIDENCE_BEFORE.search(sentence, 0, m.start()) is not None


def _noun_then_that(sentence: str, m: re.Match) -> bool:
    """A participle after a noun with "that" after it: "evidence suggesting that", "an item
    saying that" (its noun is the source; :func:`.noun_subject._noun_subject` finds it)."""
    return _THAT_AFTER.match(sentence, m.end()) is not None and re.search(r"[a-z]\s+$", sentence[: m.start()]) is not None


# "the Post reports that", "..., the Tribune reports.": a present tense after a name, which
# the tagger takes for a plural noun
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w.&’'\-]*|\b(?:he|she|it))\s+$")
_CLAUSE_AFTER = re.compile(r"\s+that\b|\s*(?:[.,;:]|$)")


def _name_then_verb(sentence: str, m: re.Match) -> bool:
    """A present-tense form ("reports") right after a name or "he"/"she"/"it", before "that" or
    the end of a clause."""
    word = m.group()
    return (word.endswith("s") and not word.endswith("ss") and _CLAUSE_AFTER.match(sentence, m.end()) is not None
            and _NAME_BEFORE.search(sentence, 0, m.start()) is not None)


def _candidate(sentence: str, m: re.Match) -> bool:
    """A word that may be a reporting verb (an evidence verb only with "that" after it)."""
    base = lemma(m.group())
    return base is not None and (base not in _THAT_ONLY or _reports_evidence(sentence, m))


def _find_cues(sentence: str) -> list[Cue]:
    """The reporting-verb cues of a sentence, in order (the sentence is tagged only when needed)."""
    cues = []
    if not any(_candidate(sentence, m) for m in _WORD.finditer(sentence)) and not _MULTIWORD_CUE.search(sentence):
        return cues  # no reporting verb: no need to tag the sentence
    tags: dict[int, str] | None = None  # tagged when a candidate first needs it
    for m in _WORD.finditer(sentence):
        word = m.group()
        base = lemma(word)
        if base is None or base in ("according to", "reportedly", "presumably", "allegedly", "apparently", "point out", "express regret"):
            continue
        if base in _THAT_ONLY and not _reports_evidence(sentence, m):
            continue  # "found the body", "showed up": evidence verbs report only with "that" or a poll
        if word[0].isupper() and sentence[: m.start()].strip(' "“”') and not (_is_title_case(sentence) and word in _HEADLINE_CUES):
            continue  # "United States", "Says" mid-sentence is a name (except in a headline)
        if tags is None:
            tags = _tags(sentence)
        if not tags.get(m.start(), "VB").startswith("VB") and not (word[0].isupper() and _is_title_case(sentence)) and not _SHARE_BEFORE.search(sentence, 0, m.start()) and not _name_then_verb(sentence, m):
            continue  # "the states", "his claims": a noun, not a reporting verb
        if re.match(r"\s+up\b", sentence[m.end() :]) and base == "add":
            continue  # "the figures did not add up"
        if word.lower() == "told" and re.search(r"\ball\s+$", sentence[: m.start()], re.I):
            continue  # "all told"
        if _NOT_NAMED.match(sentence, m.end()):
            continue  # "who asked not to be named": a condition of anonymity, not a statement
        lower = word.lower()
        finite = lower.endswith(("ed", "s")) or lower in _IRREGULAR and not lower.endswith("ing") or lower == "said"
        participle = lower.endswith("ing")
        before = sentence[: m.start()]
        progressive = participle and re.search(r"\b(?:is|are|was|were|been|am)(?:n['’]t|\s+not)?\s+(?:also\s+|now\s+|still\s+)?$", before, re.I)
        if progressive:
            participle = False
        elif not finite and not participle:
            if re.search(r"\bto\s+$", before) or not (_AUX_BEFORE.search(before) or re.search(r"(?:\b(?:they|we|I|you|who|[A-Za-z]+s|[A-Z][\w.]*|\d+%?|percent|one|two|three|four|five|six|seven|eight|nine|ten|all|both|many|most|some|others|people)|,)\s+(?:also\s+|now\s+|still\s+|often\s+)?$", before)):
                continue
        if participle and not _DOCUMENT_BEFORE.search(before) and not re.search(r"(?:,|\s[–—]|\s--)\s*(?:\w+ly\s+)?$|\b(?:as|while|and|by|for|from|after|before|without|when)\s+$", before) and not _WITH_SUBJECT.search(before) and not _noun_then_that(sentence, m):
            continue
        if lower.endswith("s") and not lower.endswith("ss") and re.search(r"\b(?:the|a|an|its|his|her|their|our|these|those|of|over|amid|after|following|despite|about|media|news|earlier|recent|initial|unconfirmed)\s+$", before, re.I):
            continue  # a noun: "the reports", "media claims"
        # the subject stands before "was"/"is" (a progressive "is telling" is found the same way)
        passive = bool(re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:also\s+)?$", before, re.I))
        if passive and not progressive and not re.match(r"\s+that\b|\s+as\s+saying\b", sentence[m.end() :]):
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
    for m in _POINT_TO.finditer(sentence):
        before = sentence[: m.start()]
        if _NOT_POINT_TO.search(before):
            continue  # "the point to make", "a point to", "to point to"
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        participle = m.group(1).lower() == "pointing"
        if participle and not _DOCUMENT_BEFORE.search(before) and not re.search(r"(?:,|\s[–—]|\s--)\s*(?:\w+ly\s+)?$|\b(?:by|while|when|after)\s+$", before):
            continue
        cues.append(Cue(m.start(), m.end(), "point to", m.group(), participle))
    return sorted(cues, key=lambda c: c.start)


# "pointed to the record", "pointing to a poll": a speaker offering evidence (its object is
# the content); not the noun ("the point to make")
_POINT_TO = re.compile(r"\b(point(?:s|ed|ing)?)\s+to\b(?!\s+(?:be|make|remember)\b)", re.I)
_NOT_POINT_TO = re.compile(r"\b(?:the|a|an|this|that|one|no|any|another|his|her|their|its|my|our|to|main|key|good|first|second|final|last|whose)\s+$", re.I)


def _cue_at(segment: str) -> re.Match | None:
    """First reporting-verb form in a short attribution segment."""
    for m in re.finditer(r"[A-Za-z][A-Za-z'’]*(?:\s+out)?", segment):
        base = lemma(m.group().split()[0])
        if m.group()[0].isupper() and re.match(r"\s+[A-Z]", segment[m.end() :]):
            continue  # a first name: "spokeswoman Hope Marwick said"
        if base and base not in ("reportedly", "presumably", "allegedly", "apparently"):
            return m
