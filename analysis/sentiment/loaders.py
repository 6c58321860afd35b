"""Loading the two lexicons, VADER and Hu & Liu's opinion lexicon, once per process.

A missing NLTK package raises :class:`analysis.nlp.nltk_data.MissingNLTKDataError`, which says
how to install it.
"""

from __future__ import annotations

import functools

from nltk.sentiment.vader import SentimentIntensityAnalyzer

from .. import cache
from ..nlp import nltk_data as nltkdata


@functools.lru_cache(maxsize=1)
def load_vader() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser, loaded once per process.

    Returns:
        The shared :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer`.

    Raises:
        analysis.nlp.nltk_data.MissingNLTKDataError: the ``vader_lexicon`` package is not
            installed (the message says how to install it).

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> load_vader().lexicon["good"]
        1.9
    """
    nltkdata.require("vader_lexicon")
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def load_opinion_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The Hu & Liu opinion lexicon from NLTK's ``opinion_lexicon`` corpus, loaded once.

    Read from :func:`analysis.cache.cached_object` when read before from the same files.

    Returns:
        ``(positive, negative)``: two frozensets of lower-case words (about 2,000 and
        4,800). Three words ("envious", "enviously", "enviousness") are in both.

    Raises:
        analysis.nlp.nltk_data.MissingNLTKDataError: the ``opinion_lexicon`` package is missing.

    References:
        Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. KDD-04.

    Example:
        >>> positive, negative = load_opinion_lexicon()
        >>> "good" in positive, "bad" in negative
        (True, True)
    """
    files = [nltkdata.location("opinion_lexicon")]  # raises when missing
    return cache.cached_object("opinion_lexicon", _read_opinion_lexicon, files=files, module=__name__)


def _read_opinion_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon read with NLTK's corpus reader (some 0.05 s; :func:`load_opinion_lexicon`
    keeps the result in the cache)."""
    from nltk.corpus import opinion_lexicon

    return frozenset(opinion_lexicon.positive()), frozenset(opinion_lexicon.negative())
