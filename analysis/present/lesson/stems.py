"""An answer's words for matching: tokens, stems, and content words without function words.

The basic tools of the answer checker, kept apart so they can be swapped: a token pattern, a
small stemmer (:func:`analysis.nlp.endings.stem`: regular endings removed, irregular forms looked up in
``lexicons/lesson_irregular_forms.csv``) and the function words it ignores
(``lexicons/lesson_stop_words.txt``).
"""

from __future__ import annotations

import re

from ...lexicons import csv_rows, words
from ...nlp import endings

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
    return endings.stem(word, irregular=_IRREGULAR)


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
