"""The noun phrase right before a reporting verb, read from its part-of-speech tags.

The speaker rules (:mod:`.speakers`) look for a subject from the clause start; when they
find none (a long opening adjunct, a dash, an unusual clause start), this second reading
takes the run of determiners, adjectives, numbers and nouns that ends right before the verb:
"..., hacking specialists say", "... - a former speechwriter said", "1,409 teachers said".
"""

from __future__ import annotations

import re

from .speakers import _is_speaker_phrase
from .tokens import _tags

# the tags of the words a noun phrase is made of, and those it may end in (its head)
_PHRASE_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS"})
_HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
# heads that need no role word: names, plurals ("hacking specialists"), pronouns, numbers
_NAMED_OR_MANY = frozenset({"NNS", "NNP", "NNPS", "PRP", "CD"})
# a word of the phrase: letters, digits and the marks inside names and numbers
_PHRASE_WORD = re.compile(r"[\w][\w.,'’\-]*[\w]|[\w]|[’']s?")
# adverbs between the subject and its verb ("specialists also say")
_ADVERB_BEFORE = re.compile(r"(?:\s+(?:also|now|still|often|long|have|has|had|will|would|may|might|could|did|do|does|not|never))*\s*$", re.I)
# what a noun phrase can be: no quantity word alone, no time, no bare determiner
_NOT_A_SPEAKER = re.compile(r"^(?:this|that|these|those|it|which|what|who|the|a|an|all|some|each|time|times|year|years|day|days|week|weeks)$", re.I)
MAX_WORDS = 7


def _noun_subject(sentence: str, cue_start: int, *, any_noun: bool = False) -> tuple[int, int] | None:
    """Span of the noun phrase that ends right before a verb at ``cue_start`` (adverbs and
    auxiliaries between them skipped), or None when the words there are no noun phrase.
    A singular common noun must be a role ("a former speechwriter") unless ``any_noun``
    (a participle right after its noun: "evidence suggesting that").

    >>> s = "Since the first tunnel was found, border officials say they found more."
    >>> a, b = _noun_subject(s, s.index("say"))
    >>> s[a:b]
    'border officials'
    """
    end = _ADVERB_BEFORE.search(sentence, 0, cue_start).start()
    words = [m for m in _PHRASE_WORD.finditer(sentence, max(0, end - 120), end) if m.end() <= end]
    if not words or words[-1].end() != end:
        return None
    tags = _tags(sentence)
    head_tag = tags.get(words[-1].start(), "")
    start = None
    for k, m in enumerate(reversed(words)):
        if k >= MAX_WORDS:
            break
        gap = sentence[m.end() : words[len(words) - k].start()] if k else ""
        if gap.strip():
            break  # a comma, a dash, a bracket: the phrase starts after it
        tag = tags.get(m.start(), "")
        if k == 0 and tag not in _HEAD_TAGS:
            return None
        if tag not in _PHRASE_TAGS and not (k == 0 and tag in _HEAD_TAGS) and m.group().lower() != "of":
            break
        start = m.start()
    if start is None:
        return None
    while sentence[start:end].lower().startswith("of "):
        start += 3
    phrase = sentence[start:end]
    if phrase.split()[0].lower() == "of" or _NOT_A_SPEAKER.match(phrase):
        return None
    if head_tag not in _NAMED_OR_MANY and not any_noun and not _is_speaker_phrase(phrase):
        return None  # a singular common noun must be a role ("a former speechwriter")
    return start, end


# words that open a sentence before its subject ("Even Lindsey Graham, who ..., said")
_OPENING_WORDS = re.compile(r"^(?:(?:even|but|and|also|still|yet|so|meanwhile|however|now|then|later|earlier)\b[\s,]*)+", re.I)
# what stands between a subject and its verb when it is an apposition or a relative clause:
# ", who has endorsed Cruz,", ", a former Treasury official who ...,", " -- who has ... --"
_APPOSITION_START = re.compile(r"\s*(?:,|--|—|–)\s*(?:who|whose|whom|which|that|an?|the|[a-z][\w\-]*|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*[’']s?)\b")
_APPOSITION_END = re.compile(r"(?:,|--|—|–)\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*)?$")
_FIRST_PHRASE = re.compile(r"[^,;:()\"“”]+?(?=\s*(?:,|--|—|–))")


def _apposed_subject(sentence: str, cue_start: int, *, start: int = 0) -> tuple[int, int] | None:
    """The subject that opens the clause when an apposition or a relative clause stands between
    it and its verb ("Scott Morris, a former official who ..., said that"; "Even Lindsey Graham,
    who has endorsed Cruz, said"), or None.

    >>> s = "Dora Quist, an engineer who inspected the tunnel for the city, said it was late."
    >>> a, b = _apposed_subject(s, s.index("said"))
    >>> s[a:b]
    'Dora Quist'
    """
    left = sentence[start:cue_start]
    if not _APPOSITION_END.search(left.rstrip()):
        return None
    opening = _OPENING_WORDS.match(left)
    offset = opening.end() if opening else 0
    first = _FIRST_PHRASE.match(left, offset)
    if first is None or not _APPOSITION_START.match(left, first.end()):
        return None
    phrase = first.group().strip()
    if not phrase or len(phrase.split()) > 6 or not _is_speaker_phrase(phrase):
        return None
    if not (phrase[0].isupper() or phrase.split()[0].lower() in ("the", "a", "an")):
        return None
    a = start + first.start() + (len(first.group()) - len(first.group().lstrip()))
    return a, a + len(phrase)
