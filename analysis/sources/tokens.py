"""Basic text tools the attribution rules share: words, word sets, tags, sentence lookup.

Kept here, apart from the rules, so they can be swapped for the project's shared tools
later without touching the rules (they duplicate small pieces of :mod:`analysis.nlp.text`).
"""

from __future__ import annotations

import re

from ..nlp import tagging
from ..nlp.tokens import token_spans

# a word, for scanning a sentence for cues: letters, apostrophes and hyphens
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _words_of(text: str) -> set[str]:
    """The lower-case words of ``text`` (full stops, commas and apostrophes at their ends dropped)."""
    words = {w.lower().strip(".,'’") for w in re.findall(r"[\w.'’&\-]+", text)}
    return words | {w[:-2] for w in words if w.endswith(("’s", "'s"))}  # "GOP’s" is also "gop"


class _Tags:
    """Penn Treebank tag of each word token, keyed by the token's start offset (``.get``).

    Each tag is exactly the one the whole sentence tagged at once gives, worked out only
    when asked for: from the tagger's dictionary when it settles the word, else by tagging
    the sentence only as far as that word needs (:func:`analysis.nlp.tagging.tag_prefix`).
    """

    def __init__(self, sentence: str):
        spans = token_spans(sentence)
        self.words = [sentence[s:e] for s, e in spans]
        self.index = {s: i for i, (s, _) in enumerate(spans)}
        self.known: list[str] = []  # tags of the first len(known) tokens

    def get(self, offset: int, default: str | None = None) -> str | None:
        i = self.index.get(offset)
        if i is None:
            return default
        if i >= len(self.known):
            tag = tagging.dictionary_tag(self.words[i])
            if tag:
                return tag
            self.known = tagging.tag_prefix(self.words, i + 1)
        return self.known[i]


def _tags(sentence: str) -> _Tags:
    """Penn Treebank tag of each word token, keyed by the token's start offset."""
    return _Tags(sentence)


_AUXILIARY = frozenset("be is are was were been being am have has had having get got gets".split())


def _has_finite_verb(text: str, *, within: int = 12, past_after_subject: bool = False) -> bool:
    """True when the first ``within`` tokens hold a finite verb or modal (a clause, not a noun phrase).

    With ``past_after_subject``, a past participle right after a noun or pronoun with no
    auxiliary before it counts as a past tense too: a clause tagged alone, out of the sentence
    that reports it, gets "the minister stood by ..." tagged as a participle.
    """
    words = [text[s:e] for s, e in token_spans(text)]
    tags = tagging.tag_prefix(words, within)
    if any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags):
        return True
    if past_after_subject:
        for i in range(1, len(tags)):
            if words[i - 1].lower() in _AUXILIARY:
                return False
            if tags[i] == "VBN" and tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP"):
                return True
    return False


def _sentence_of(pos: int, spans: list[tuple[int, int]]) -> int:
    """Index of the sentence span holding ``pos`` (the one before it when ``pos`` falls between)."""
    for i, (s, e) in enumerate(spans):
        if s <= pos < e or (pos < s):
            return i if s <= pos else max(0, i - 1)
    return len(spans) - 1


def _sentence_start_before(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (after the last . ! ? or paragraph break)."""
    m = None
    for m in re.finditer(r"[.!?][\"”’']?\s+|\n\n", text[max(0, pos - 400) : pos]):  # noqa: B007 (the last match)
        pass
    return max(0, pos - 400) + m.end() if m else max(0, pos - 400) if pos > 400 else 0
