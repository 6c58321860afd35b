"""Which language an article is written in: the writing system first, then NLTK's stop words.

Good enough to flag a non-English article (the analyses are English-only), not a general
language identifier. NLTK is imported when the first text is checked.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_ISO = {
    "english": "en", "russian": "ru", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "norwegian": "no", "danish": "da",
    "finnish": "fi", "hungarian": "hu", "turkish": "tr", "romanian": "ro", "greek": "el",
    "arabic": "ar", "kazakh": "kk", "indonesian": "id", "nepali": "ne", "azerbaijani": "az",
    "slovene": "sl", "tajik": "tg", "chinese": "zh", "hebrew": "he", "bengali": "bn",
    "basque": "eu", "catalan": "ca", "albanian": "sq", "belarusian": "be", "ukrainian": "uk",
}  # fmt: skip
LANGUAGE_NAMES = {code: name.title() for name, code in _ISO.items()}
_SCRIPTS = [("\u0400", "\u04ff", "ru", "Cyrillic"), ("\u0600", "\u06ff", "ar", "Arabic"),
            ("\u0590", "\u05ff", "he", "Hebrew"), ("\u0370", "\u03ff", "el", "Greek"),
            ("\u4e00", "\u9fff", "zh", "Chinese"), ("\u3040", "\u30ff", "ja", "Japanese"),
            ("\uac00", "\ud7af", "ko", "Korean"), ("\u0900", "\u097f", "hi", "Devanagari")]  # fmt: skip


@lru_cache(maxsize=1)
def _stopword_sets() -> dict[str, frozenset[str]]:
    from ..nlp import nltk_data as nltkdata

    nltkdata.require("stopwords")
    from nltk.corpus import stopwords

    # "hinglish" mixes Hindi and English words and "english-extended" is English itself;
    # both would claim English text.
    return {lang: frozenset(stopwords.words(lang)) for lang in stopwords.fileids() if lang not in ("hinglish", "english-extended")}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when there is too little to tell.

    The writing system decides first (a text mostly in Cyrillic is not English); among
    Latin-script languages the one whose NLTK stop-word list covers most of the first
    2,000 words wins. Good enough to flag a non-English article, not a general identifier.

    >>> detect_language("The minister said that the talks would continue on Monday.")
    'en'
    """
    sample = text[:20000]
    if sample.isascii():  # no letter of another writing system: straight to the stop words
        return _best_stopword_language(sample) or "und" if _ASCII_LETTER.search(sample) else "und"
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    for lo, hi, code, _ in _SCRIPTS:
        if sum(1 for c in letters if lo <= c <= hi) / len(letters) > 0.3:
            if code == "ru":  # tell Russian from Ukrainian etc. by stop words
                return _best_stopword_language(sample, {"russian", "ukrainian", "belarusian", "kazakh", "tajik"}) or code
            return code
    return _best_stopword_language(sample) or "und"


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _best_stopword_language(sample: str, among: set[str] | None = None) -> str | None:
    tokens = [w.lower() for w in re.findall(r"[^\W\d_]+", sample)][:2000]
    if len(tokens) < 3:
        return None
    counts = Counter(tokens)
    hits = Counter()
    for lang, words in _stopword_sets().items():
        if among is None or lang in among:
            hits[lang] = sum(n for t, n in counts.items() if t in words)
    if not hits:
        return None
    lang, best = hits.most_common(1)[0]
    if best < 2 or best / len(tokens) < 0.08:
        return None
    if among is None and hits["english"] >= 0.9 * best:  # shared words ("a", "in") favour no one
        lang = "english"
    return _ISO.get(lang, lang)
