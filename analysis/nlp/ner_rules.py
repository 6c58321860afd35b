"""The rule-based recogniser: capitalised runs labelled from cue words and gazetteers.

It finds runs of capitalised tokens (joined by "of", "for", "the", "and", "de", ...), strips
titles and role words from the front ("President", "Press Secretary of the Russian
President"), and labels each run from, in order: organisation cue words ("University",
"Ministry", "Inc."), the gazetteers, first names and person titles, and the run's shape
(word lists: :mod:`analysis.nlp.ner_lists`). It was the project's recogniser before the
trained one (:mod:`analysis.nlp.ner_model`); it is kept to measure against it
(``python -m analysis evaluate ner``: :func:`analysis.nlp.entities.rule_entities`).

References:
    Nadeau, D. & Sekine, S. (2007). A survey of named entity recognition and classification.
    Lingvisticae Investigationes 30(1). (Rule- and list-based NER features.)
    Mikheev, A., Moens, M. & Grover, C. (1999). Named entity recognition without gazetteers.
    EACL. (Capitalisation, sentence-initial ambiguity and short-form linking.)
"""

from __future__ import annotations

import re

from .ner_lists import (
    CONNECTORS,
    FUNCTION_WORDS,
    KNOWN_ORGS,
    LEADING_DROP,
    MONTHS,
    ORG_CUES,
    PERSON_TITLES,
    WEEKDAYS,
    common_words,
    demonyms,
    first_names,
    is_common,
    places,
)
from .parsed import ParsedText

_ABBREVIATIONS = r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|Prof|Rev|Inc|Corp|Co|Ltd)\.(?!\w)"
_TOKEN = re.compile(_ABBREVIATIONS + r"|[A-Za-z][\w\-]*(?:['’](?![sS]\b)\w+)*(?:(?<=s)['’](?=\s+[A-Z]))?|\d[\d,.]*%?|&|[^\w\s]")


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() is False and token.isupper() and len(token) > 1)


def _tokens(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _runs(tokens: list[tuple[str, int, int]]) -> list[list[int]]:
    """Indices of maximal runs of capitalised tokens, with connectors allowed inside."""
    runs, current, pending = [], [], []
    for i, (tok, _, _) in enumerate(tokens):
        if _is_cap(tok) and tok[0].isalpha():
            current.extend(pending)
            pending = []
            current.append(i)
        elif current and tok in CONNECTORS and (tok != "the" or (pending and tokens[pending[-1]][0] != "the")):
            pending.append(i)
        elif current and tok == "." and tokens[current[-1]][0] in ("St", "Mr", "Dr", "Mrs", "Ms", "Jr"):
            current.append(i)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


_AFTER_PREPOSITION = re.compile(r"\b(?:in|from|to|across|near|of)\s*$")


def _word_before(sentence: str, start: int) -> str:
    """The end of ``sentence[:start]`` that decides whether a preposition comes right before
    ``start`` (the white space before it, the last seven other characters)."""
    i = start
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    return sentence[max(0, i - 7) : start]


def _classify(words: list[str], before: str) -> str | None:
    name = " ".join(words)
    if not words:
        return None
    if words[0] in MONTHS or words[0] in WEEKDAYS:
        return "DATE"
    if any(w in ORG_CUES for w in words[1:]) or (len(words) > 1 and words[-1] in ORG_CUES):
        return "ORGANIZATION"
    if name in places():
        return "LOCATION"
    if name in KNOWN_ORGS or words[0] in KNOWN_ORGS:
        return "ORGANIZATION"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and "." not in words[0]:
        return "ORGANIZATION"  # acronyms: FBI, NATO
    if words[0] in first_names() and len(words) >= 2:
        return "PERSON"
    if words[0] in ORG_CUES:
        return "ORGANIZATION"
    if all(w in demonyms() for w in words):
        return None
    if "&" in words:
        return "ORGANIZATION"
    if _AFTER_PREPOSITION.search(before) and name in places():
        return "LOCATION"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "PERSON"
    if len(words) == 1 and words[0] in first_names():
        return "PERSON"
    return "ORGANIZATION" if len(words) == 1 else None


def classify(words: list[str]) -> str | None:
    """The rules' label for a run of capitalised words (no preposition before it)."""
    return _classify(words, "")


def split_title(words: list[str]) -> int:
    """Number of leading title/role words (and their connectors) before a person's name."""
    last_title = -1
    dem = demonyms()
    for i, w in enumerate(words):
        if w in PERSON_TITLES or w in dem or (w in CONNECTORS and last_title == i - 1):
            last_title = i
        else:
            break
    # "Press Secretary of the Russian President Dmitry Peskov": titles may continue after "of the"
    for i in range(last_title + 1, len(words)):
        if words[i] in PERSON_TITLES and all(w in PERSON_TITLES or w in CONNECTORS or w in dem for w in words[last_title + 1 : i]):
            last_title = i
    # "Transport Minister Rafal Zielinski": a capitalised department before a title word
    titles = [i for i, w in enumerate(words[:5]) if w in PERSON_TITLES and w not in CONNECTORS]
    if titles and titles[-1] > last_title and 1 <= len(words) - titles[-1] - 1 <= 3 and not any(w in ORG_CUES for w in words[titles[-1] + 1 :]):
        last_title = titles[-1]
    return last_title + 1


def rule_rows(doc: ParsedText) -> list[tuple]:
    """``(text, label, start, end, sentence)`` of each name the rules find in ``doc``."""
    text, sentences = doc.text, doc.sentences
    rows = []
    common = common_words()
    for sid, s_start, s_end in zip(sentences["sentence"].tolist(), sentences["start"].tolist(), sentences["end"].tolist()):
        sentence = text[s_start:s_end]
        tokens = _tokens(sentence)
        first_word = first_word_index(tokens)
        for run in _runs(tokens):
            words = [tokens[i][0] for i in run]
            offsets = [(tokens[i][1], tokens[i][2]) for i in run]
            # a sentence-initial or quote-initial common word is no name ("Later", "The")
            while words and (words[0] in LEADING_DROP or (sentence_initial(tokens, run[0], first_word) and is_common(words[0], common) and (len(words) == 1 or words[0].lower() in FUNCTION_WORDS) and words[0] not in places() and words[0] not in KNOWN_ORGS and words[0] not in PERSON_TITLES and words[0] not in first_names())):
                words, offsets, run = words[1:], offsets[1:], run[1:]
            while words and words[-1] in CONNECTORS:
                words, offsets, run = words[:-1], offsets[:-1], run[:-1]
            rows.extend(_entities_in_run(words, offsets, sentence, s_start, sid))
    return [row for row in rows if row[1] is not None]


def first_word_index(tokens) -> int:
    """Index of the first token that starts with a letter or digit (``len(tokens)`` if none)."""
    return next((i for i, (t, _, _) in enumerate(tokens) if t[0].isalnum()), len(tokens))


def sentence_initial(tokens, index: int, first_word: int) -> bool:
    """First word of the sentence, or of a quotation or a clause after a colon."""
    return index <= first_word or tokens[index - 1][0] in ('"', "“", "‘", ":", "'", "``")


def _entities_in_run(words, offsets, sentence, s_start, sid) -> list[tuple]:
    if not words:
        return []
    n_title = split_title(words) if len(words) > 1 or words[0] in PERSON_TITLES else 0
    rows = []
    if n_title:
        title_words = words[:n_title]
        name_words, name_offsets = words[n_title:], offsets[n_title:]
        # organisations and places named inside the role ("Kremlin spokesman", "U.S. President")
        for w, (ws, we) in zip(title_words, offsets[:n_title]):
            if w in ("Kremlin", "Pentagon"):
                rows.append((w, "ORGANIZATION", s_start + ws, s_start + we, sid))
            elif w in ("U.S.", "US", "UK", "U.K."):
                rows.append((w, "LOCATION", s_start + ws, s_start + we, sid))
        if not name_words:
            return rows
        label = "PERSON" if any(t in PERSON_TITLES for t in title_words) and len(name_words) <= 4 and not any(w in ORG_CUES for w in name_words) else None
        words, offsets = name_words, name_offsets
    else:
        label = None
    start, end = offsets[0][0], offsets[-1][1]
    label = label or _classify(words, _word_before(sentence, start))
    if label is None:
        return rows
    rows.append((sentence[start:end], label, s_start + start, s_start + end, sid))
    return rows
