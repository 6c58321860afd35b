"""Which words name a speaker, and which role a mention names ("the Kremlin spokesman").

The word lists are data (``analysis/lexicons/speaker_words.toml``): pronouns and the kind
of source each refers to, person roles, organisation roles, and the other words that can
open or end a speaker phrase.
"""

from __future__ import annotations

import re

from ..lexicons import table

_SPEAKER_WORDS = table("speaker_words.toml")
_PRONOUNS: dict[str, str] = dict(_SPEAKER_WORDS["pronouns"])
_PERSON_ROLES: dict[str, tuple[str, ...]] = {role: tuple(p) for role, p in _SPEAKER_WORDS["person_roles"].items()}
_ORG_ROLES: dict[str, tuple[str, ...]] = {role: tuple(p) for role, p in _SPEAKER_WORDS["organisation_roles"].items()}
# "the union", "the bank": nouns that stand for an organisation named earlier, with the other
# last words of the names they stand for ("the union" -> "... Association")
_ORG_NOUNS: dict[str, frozenset[str]] = {noun: frozenset([noun, *ends]) for noun, ends in _SPEAKER_WORDS["organisation_nouns"].items()}
# of those, the nouns that may stand for any organisation of their type ("the union")
_TYPED_ORG_NOUNS = frozenset(_SPEAKER_WORDS["organisation_typed_nouns"]["nouns"])
# abbreviations that may stand inside a speaker phrase, and words that may open one
_SPEAKER_ABBREVIATIONS = frozenset(_SPEAKER_WORDS["abbreviations"])
_PHRASE_OPENERS = frozenset(_SPEAKER_WORDS["openers"])
# words that open no speaker phrase ("Regardless", "While")
_SENTENCE_ADVERBS = frozenset(_SPEAKER_WORDS["sentence_adverbs"])
_NOT_OPENERS = frozenset(_SPEAKER_WORDS["not_openers"]) | _SENTENCE_ADVERBS

# news-report nouns that stand for the media as a speaker ("media reports", "the press")
_MEDIA_NOUNS = re.compile(r"^(?:the\s+)?(?:(?:initial|earlier|early|recent|previous|some|other|several|many|local|foreign|western|russian|state|news|press|media)\s+)*(?:media|press|reporting|reports|news reports|media reports|publications|outlets)$", re.I)

# every word of a role phrase, and the other words that can end a speaker phrase
_ALL_ROLE_WORDS = frozenset(
    {w for group in (*_PERSON_ROLES.values(), *_ORG_ROLES.values()) for phrase in group for w in phrase.split()}
    | set(_SPEAKER_WORDS["heads"])
)
# the words of person roles, and plural person nouns
_PERSON_ROLE_WORDS = frozenset(
    {w for group in _PERSON_ROLES.values() for phrase in group for w in phrase.split()}
    | set(_SPEAKER_WORDS["person_plurals"])
)


def _head(mention: str) -> str:
    """The last word (lower case) before any "of/for/at/..." phrase: "spokesman" in "the spokesman for X"."""
    core = re.split(r"\s+(?:of|for|at|from|in|with)\s+", mention.strip(), maxsplit=1)[0]
    words = core.split()
    return words[-1].lower() if words else ""


def _head_words(mention: str) -> set[str]:
    """The words (lower case) before any "of/for/at/..." phrase."""
    core = re.split(r"\s+(?:of|for|at|from|in|with)\s+", mention.strip(), maxsplit=1)[0]
    return {w.lower() for w in core.split()}


def _person_role(mention: str) -> str | None:
    """The person role a mention names ("the Kremlin spokesman" -> ``spokesperson``), or None."""
    core = re.split(r"\s+(?:for|of|at|from|with)\s+", mention.lower().strip(), maxsplit=1)[0]
    for role, words in _PERSON_ROLES.items():
        if any(re.search(rf"\b{re.escape(w)}\b", core) for w in words):
            return role
    return None


def _org_role(mention: str) -> str | None:
    """The organisation role of a mention's head noun ("the daily" -> ``media``), or None."""
    head = _head(mention)
    for role, words in _ORG_ROLES.items():
        if head in words:
            return role
    return None


def _role_matches(role: str, words: set[str]) -> bool:
    """True when a source's words include a phrase of the person ``role``."""
    phrases = _PERSON_ROLES[role]
    joined = " ".join(sorted(words))
    return any(all(p in words for p in phrase.split()) or phrase in joined for phrase in phrases)
