"""Where the reporting verbs of a sentence are: cues found by lexicon, tagger and context.

A word counts as a cue when it is a form of a reporting verb (:mod:`.verbs`), tagged as a
verb, and stands where a reporting verb can (not "the reports", not "all told"); multiword
cues ("according to", "pointed out", "expressed regret") are found as phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .tokens import _WORD, _Tags, _tags
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



_TITLE_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _is_title_case(sentence: str) -> bool:
    """A headline: most words of four letters or more start with a capital."""
    long_words = [w for w in _TITLE_WORD.findall(sentence) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.8


# reporting verbs a headline writes with a capital ("Mayor Reveals Pier Will Close")
_HEADLINE_CUES = frozenset({"Says", "Said", "Warns", "Claims", "Urges", "Tells", "Vows", "Calls", "Announces", "Reveals", "Promises", "Blasts"})

_MULTIWORD_CUE = re.compile(r"\b[Aa]ccording\s+to\b|\bpointed\s+out\b|\bpoint(?:s|ed|ing)?\s+to\b|\bexpressed\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:deep\s+)?regret\b", re.I)


# "with 47 percent of voters saying ...": a participle with its own subject after "with"
_WITH_SUBJECT = re.compile(r"\bwith\s+(?P<np>[^,;:\"“”]{2,60}?)\s+$")
_ADVICE_MODAL_BEFORE = re.compile(r"\b(?:may|might|could)\s+(?:also\s+|well\s+|still\s+)?$", re.I)
_TO_MIND_AFTER = re.compile(r"\s+to\s+mind\b")
_NOT_NAMED = re.compile(r"\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b")
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


_LOWER_BEFORE = re.compile(r"[a-z]\s+$")


def _noun_then_that(sentence: str, m: re.Match) -> bool:
    """A participle after a noun with "that" after it: "evidence suggesting that", "an item
    saying that" (its noun is the source; :func:`.noun_subject._noun_subject` finds it)."""
    return _THAT_AFTER.match(sentence, m.end()) is not None and _LOWER_BEFORE.search(sentence, 0, m.start()) is not None


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


# the lemmas of words that are cues only as part of a phrase (found below) or only hedge
_NOT_WORD_CUES = frozenset({"according to", "reportedly", "presumably", "allegedly", "apparently", "point out", "express regret"})
# a character that shows a word is not the first of its sentence (quotation marks aside)
_NOT_OPENING = re.compile(r'[^ "“”]')
_UP_AFTER = re.compile(r"\s+up\b")
_ALL_BEFORE = re.compile(r"\ball\s+$", re.I)
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|am)(?:n['’]t|\s+not)?\s+(?:also\s+|now\s+|still\s+)?$", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$")
# the subject of a verb without tense: "they say", "officials argue", "who insist", ", urge"
_BARE_SUBJECT_BEFORE = re.compile(r"(?:\b(?:they|we|I|you|who|[A-Za-z]+s|[A-Z][\w.]*|\d+%?|percent|one|two|three|four|five|six|seven|eight|nine|ten|all|both|many|most|some|others|people)|,)\s+(?:also\s+|now\s+|still\s+|often\s+)?$")
#: Verbs of saying that are seldom nouns: their bare form also counts after a plural noun
#: that does not end in -s ("police say", "those surveyed say"), after an adverb ("backers
#: privately say"), after a dash that closes an aside, or before "that" ("people briefed on
#: the situation say that").
_BARE_SAYING = frozenset({"say", "argue", "insist", "contend", "warn", "predict", "suggest", "acknowledge", "admit", "complain", "concede", "maintain", "assert", "explain", "agree", "believe", "think", "tell", "caution"})
_BARE_SUBJECT_LOOSE = re.compile(r"(?:\b(?:police|staff|surveyed|polled|interviewed|questioned|here|there|recently|privately|publicly)|[a-z]\s+[a-z]+ly|\s(?:—|–|--))\s+$")
_OBJECT_PRONOUN_BEFORE = re.compile(r"\b(?:him|her|them)\s+$")
_CLAUSE_OPENING_AFTER = re.compile(r"\s+(?:the|he|she|they|it|we|I|his|her|their|its|there)\s")
_LOWER_WORD_BEFORE = re.compile(r"\b(?!(?:the|a|an|to|of|in|on|at|for|with|by|from|and|or|but|not|let|please|would|could|should|will|can|may|might|must|me|us|just|you)\b)[a-z][\w’'\-]*\s+$")
#: What opens a participle clause right before its participle: a comma or a dash (", adding
#: that", " -- noting"), or a conjunction or preposition ("while noting", "by pointing to"),
#: either one with an adverb after it (", again insisting", "and repeatedly saying").
PARTICIPLE_OPENING = re.compile(r"(?:,|\s[–—]|\s--|\b(?:as|while|and|by|for|from|after|before|without|when)\s)\s*(?:\w+ly\s+)?$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|these|those|of|over|amid|after|following|despite|about|media|news|earlier|recent|initial|unconfirmed)\s+$", re.I)
#: A passive auxiliary right before a verb ("was told", "is also quoted").
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:also\s+)?$", re.I)
_THAT_OR_AS_SAYING = re.compile(r"\s+that\b|\s+as\s+saying\b")
_AS_BEFORE = re.compile(r"\bas\s+$")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\b")
_POINTED_OUT_OR_REGRET = re.compile(r"\bpointed\s+out\b|\bexpressed\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:deep\s+)?regret\b", re.I)


def _find_cues(sentence: str, taken: Callable[[int], bool] | None = None) -> list[Cue]:
    """The reporting-verb cues of a sentence, in order (the sentence is tagged only when needed).

    ``taken(offset)`` tells that a word at that offset cannot be a cue of this sentence (the
    cue of a direct quote, a word inside one): such a word is left out before it is tested,
    so a sentence whose only candidates are taken is never tagged. (A "quote" cue is always
    tested: "quoted X as saying" decides about the participles after it.)
    """
    cues = []
    tags: _Tags | None = None  # tagged when a candidate first needs it
    title_case: bool | None = None  # whether the sentence is a headline, worked out when first needed
    bases = list(map(lemma, _WORD.findall(sentence)))  # most words are no reporting verb: looked up in one pass
    found = [i for i, base in enumerate(bases) if base is not None and base not in _NOT_WORD_CUES]
    matches = list(_WORD.finditer(sentence)) if found else []
    for i in found:
        m, base = matches[i], bases[i]
        word = m.group()
        start, end = m.start(), m.end()
        if taken is not None and base != "quote" and taken(start):
            continue
        if base in _THAT_ONLY and not _reports_evidence(sentence, m):
            continue  # "found the body", "showed up": evidence verbs report only with "that" or a poll
        upper = word[0].isupper()
        if upper and _NOT_OPENING.search(sentence, 0, start):
            if title_case is None:
                title_case = _is_title_case(sentence)
            if not (title_case and word in _HEADLINE_CUES):
                continue  # "United States", "Says" mid-sentence is a name (except in a headline)
        if base == "add" and _UP_AFTER.match(sentence, end):
            continue  # "the figures did not add up"
        lower = word.lower()
        if lower == "told" and _ALL_BEFORE.search(sentence, 0, start):
            continue  # "all told"
        if base == "want" and _ADVICE_MODAL_BEFORE.search(sentence, 0, start):
            continue  # "may want to check his stats": advice of the writer's, no stance of the subject
        if base == "call" and _TO_MIND_AFTER.match(sentence, end):
            continue  # "called to mind"
        if _NOT_NAMED.match(sentence, end):
            continue  # "who asked not to be named": a condition of anonymity, not a statement
        finite = lower.endswith(("ed", "s")) or lower in _IRREGULAR and not lower.endswith("ing") or lower == "said"
        participle = lower.endswith("ing")
        progressive = participle and _PROGRESSIVE_BEFORE.search(sentence, 0, start)
        if progressive:
            participle = False
        elif not finite and not participle:
            if _TO_BEFORE.search(sentence, 0, start) or not (_AUX_BEFORE.search(sentence, 0, start) or _BARE_SUBJECT_BEFORE.search(sentence, 0, start) or _bare_saying(sentence, base, start, end)):
                continue
        if participle and not _DOCUMENT_BEFORE.search(sentence, 0, start) and not PARTICIPLE_OPENING.search(sentence, 0, start) and not _WITH_SUBJECT.search(sentence, 0, start) and not _noun_then_that(sentence, m):
            continue
        if lower.endswith("s") and not lower.endswith("ss") and _DETERMINER_BEFORE.search(sentence, 0, start):
            continue  # a noun: "the reports", "media claims"
        # the subject stands before "was"/"is" (a progressive "is telling" is found the same way)
        passive = PASSIVE_BEFORE.search(sentence, 0, start) is not None
        if passive and not progressive and not _THAT_OR_AS_SAYING.match(sentence, end):
            continue
        # last, as it is the costly test: the word must be tagged as a verb
        if tags is None:
            tags = _tags(sentence)
        if not tags.get(start, "VB").startswith("VB"):
            if title_case is None and upper:
                title_case = _is_title_case(sentence)
            if not (upper and title_case) and not _SHARE_BEFORE.search(sentence, 0, start) and not _name_then_verb(sentence, m):
                continue  # "the states", "his claims": a noun, not a reporting verb
        cues.append(Cue(start, end, base, word, bool(participle), passive))
    go_on_to = " to " in sentence and _GO_ON_TO.search(sentence) is not None
    if not cues and not go_on_to and not _MULTIWORD_CUE.search(sentence):
        return cues  # no reporting verb
    # "quoted X as saying": the participle belongs to the quoting construction
    quoting = [c for c in cues if c.lemma == "quote"]
    cues = [c for c in cues if not (c.participle and quoting and quoting[0].start < c.start and _AS_BEFORE.search(sentence, 0, c.start))]
    for m in _ACCORDING_TO.finditer(sentence):
        cues.append(Cue(m.start(), m.end(), "according to", m.group()))
    for m in _POINTED_OUT_OR_REGRET.finditer(sentence):
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        base = "point out" if m.group().lower().startswith("pointed") else "express regret"
        cues.append(Cue(m.start(), m.end(), base, m.group()))
    if go_on_to:
        for m in _GO_ON_TO.finditer(sentence):
            base = lemma(m.group("verb"))
            if base is None or base in _NOT_WORD_CUES or (taken is not None and taken(m.start())):
                continue
            cues = [c for c in cues if not (m.start() <= c.start < m.end())]
            cues.append(Cue(m.start(), m.end(), base, m.group()))
    for m in _POINT_TO.finditer(sentence):
        before = sentence[: m.start()]
        if _NOT_POINT_TO.search(before):
            continue  # "the point to make", "a point to", "to point to"
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        participle = m.group(1).lower() == "pointing"
        if participle and not _DOCUMENT_BEFORE.search(before) and not PARTICIPLE_OPENING.search(before):
            continue
        cues.append(Cue(m.start(), m.end(), "point to", m.group(), participle))
    return sorted(cues, key=lambda c: c.start)


def _bare_saying(sentence: str, base: str, start: int, end: int) -> bool:
    """The bare form of a verb of saying (:data:`_BARE_SAYING`) with a subject the general
    test misses: :data:`_BARE_SUBJECT_LOOSE`, or a lower-case word before it and "that" after it."""
    if base not in _BARE_SAYING:
        return False
    if _BARE_SUBJECT_LOOSE.search(sentence, 0, start):
        return True
    if _LOWER_WORD_BEFORE.search(sentence, 0, start) is None:
        return False
    if _THAT_AFTER.match(sentence, end) is not None:
        return True
    # a clause without "that": not after an object pronoun ("hearing him say it")
    return _CLAUSE_OPENING_AFTER.match(sentence, end) is not None and _OBJECT_PRONOUN_BEFORE.search(sentence, 0, start) is None


# a verb of saying after a phrase that leads into it: "went on to say", "took to Twitter to
# warn", "was quick to add"; the phrase is part of the cue, so its subject is the speaker's
_GO_ON_TO = re.compile(
    r"\b(?:(?:went|goes|go|gone)\s+(?:on|so\s+far\s+as)|took\s+to\s+(?:Twitter|Facebook|Instagram|social\s+media|the\s+(?:airwaves|floor|stage|podium))|(?:was|were|is|are)\s+quick)"
    r"\s+to\s+(?P<verb>[a-z]+)\b"
)


# "pointed to the record", "pointing to a poll": a speaker offering evidence (its object is
# the content); not the noun ("the point to make")
_POINT_TO = re.compile(r"\b(point(?:s|ed|ing)?)\s+to\b(?!\s+(?:be|make|remember)\b)", re.I)
_NOT_POINT_TO = re.compile(r"\b(?:the|a|an|this|that|one|no|any|another|his|her|their|its|my|our|to|main|key|good|first|second|final|last|whose)\s+$", re.I)


_SEGMENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:\s+out)?")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _cue_at(segment: str) -> re.Match | None:
    """First reporting-verb form in a short attribution segment."""
    for m in _SEGMENT_WORD.finditer(segment):
        base = lemma(m.group().split()[0])
        if m.group()[0].isupper() and _CAPITAL_AFTER.match(segment, m.end()):
            continue  # a first name: "spokeswoman Hope Marwick said"
        if base and base not in ("reportedly", "presumably", "allegedly", "apparently"):
            return m
