"""An answer's words for matching: tokens, stems, and content words without function words.

The basic tools of the answer checker, kept apart so they can be swapped: a token pattern, a
small stemmer (regular endings removed, irregular forms looked up in
``lexicons/lesson_irregular_forms.csv``) and the function words it ignores
(``lexicons/lesson_stop_words.txt``).
"""

from __future__ import annotations

import re

from ...lexicons import csv_rows, words

_STOP = frozenset(words("lesson_stop_words.txt"))
_IRREGULAR = {row["form"]: row["base"] for row in csv_rows("lesson_irregular_forms.csv")}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?")
_PERCENT = re.compile(r"(\d)\s*(?:%|percent\b|per\s+cent\b)", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def stem(word: str) -> str:
    """A word's base for matching: lower case, regular endings removed, irregulars looked up.

    Not a dictionary lemmatiser: it only has to map the forms of one word to the same
    string (``urge``, ``urged``, ``urges``, ``urging`` -> ``urg``); odd stems do no harm.

    >>> [stem(w) for w in ["Urged", "urge", "urging", "vowed", "agencies", "banned", "said"]]
    ['urg', 'urg', 'urg', 'vow', 'agency', 'ban', 'say']
    """
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    if w in _IRREGULAR:
        return _IRREGULAR[w]
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


def content_words(phrase: str) -> frozenset[str]:
    """The stems of a phrase's words, without function words; aliases of places applied.

    >>> sorted(content_words("The Kremlin's spokesman"))
    ['kremlin', 'spokesman']
    >>> content_words("U.S.") == content_words("the United States"), sorted(content_words("1 percent"))
    (True, ['1%'])
    """
    from ...framing import entity_key

    text = _PERCENT.sub(r"\1%", str(phrase).replace("’", "'").strip())
    text = _LEADING_ARTICLE.sub("", text)
    text = entity_key(text)
    words = [stem(t.rstrip(".") or t) for t in _TOKEN.findall(text)]
    return frozenset(w for w in words if w and w not in _STOP)
