"""Word endings: the library's one place for regular English inflection.

There is no lemmatiser in the offline NLTK data, so the analyses handle endings with three
small rules, kept together here:

- :func:`inflections` goes from a base word to its regular forms (``ban`` -> bans, banned,
  banning): frame cues and stance markers are expanded, texts are not lemmatised.
- :func:`base_forms` goes back from a form to the bases it may come from, most likely first
  (``insisted`` -> insist, insiste, ...): a vocabulary (the reporting verbs) picks the real one.
- :func:`stem` reduces every form of a word to one string (``urge``, ``urged``, ``urging`` ->
  ``urg``): answers are compared by stems, odd stems do no harm.

:data:`INFLECTED_SUFFIX` is the regular-expression form of the same endings for names in a
text (a plural and a possessive: "Zoom's"), used by :func:`analysis.nlp.text.phrase_pattern`.
Irregular forms are data (``analysis/lexicons/``), given by each caller.

Example:
    >>> sorted(inflections("ban"))
    ['ban', 'baned', 'baning', 'banned', 'banning', 'bans']
    >>> base_forms("urged")[:2], stem("Urged")
    (['urg', 'urge'], 'urg')
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: A plural ``-s``/``-es`` and a possessive ``'s`` after a name, as a regular expression.
INFLECTED_SUFFIX = r"(?:e?s)?(?:['\u2019]s?)?"

_DOUBLING = re.compile(r"[^aeiou][aeiou][bdgklmnprtv]$")  # ban -> banned, regret -> regretting


def inflections(word: str) -> set[str]:
    """Regular inflected forms of a base word, itself included: plural/3rd person, -ed, -ing.

    Over-generated forms that are not English words ("baned") are harmless: they never
    occur in a text. Words that are not purely alphabetic or shorter than three letters
    are returned alone.
    """
    forms = {word}
    if not word.isalpha() or len(word) < 3:
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
        if _DOUBLING.search(word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def base_forms(form: str) -> list[str]:
    """The bases a lower-case regular form may come from, in the order to try them
    (possibly empty strings and non-words: the caller keeps the first it knows)."""
    w = form
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
    return candidates


def stem(word: str, *, irregular: Mapping[str, str] | None = None) -> str:
    """A word's base for matching: lower case, regular endings removed, irregulars looked up.

    Not a dictionary lemmatiser: it only has to map the forms of one word to the same
    string (``urge``, ``urged``, ``urges``, ``urging`` -> ``urg``).

    Args:
        word: one word.
        irregular: irregular form -> base (``said`` -> ``say``), lower case.
    """
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    if irregular and w in irregular:
        return irregular[w]
    if not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # banned -> bann -> ban
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # urge -> urg, the same as urged -> urg
    return w
