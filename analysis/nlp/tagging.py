"""Part-of-speech tags: NLTK's averaged perceptron tagger, computed with arrays.

:func:`tag_words` gives exactly the tags of ``nltk.tag.PerceptronTagger().tag(words)``
(Penn Treebank tags, the model in the NLTK data package ``averaged_perceptron_tagger_eng``)
in a fraction of the time. The model and the decisions are NLTK's; only the arithmetic is
arranged differently:

- the weights are laid out once as a matrix, one row per feature and one column per tag;
- for a word the tag dictionary does not settle, the rows of its 14 features are summed
  in NLTK's order (NLTK adds one feature's weights after the other; so does a NumPy sum
  down the rows of a matrix), so every score is the same floating-point number;
- the best tag is the highest score, ties going to the alphabetically last tag, as in
  NLTK's ``max(classes, key=lambda label: (scores[label], label))``;
- which rows a word's features use is remembered per word form (and per pair of previous
  tags), so a word seen before costs fewer lookups; :func:`clear_caches` forgets them.

``tests/test_tagging.py`` checks the tags against NLTK's on every sentence of the seed
reports and of the test corpora; ``benchmarks/bench_tagging.py`` also on any folder of
texts (e.g. the 84 articles of ``../shared/devdata``) and times both.

References:
    Collins, M. (2002). Discriminative training methods for hidden Markov models: theory
    and experiments with perceptron algorithms. EMNLP.
    Honnibal, M. (2013). A good part-of-speech tagger in about 200 lines of Python.
    (The design NLTK's ``PerceptronTagger`` follows, features included.)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .. import cache
from . import nltk_data as nltkdata

__all__ = ["tag_words", "tag_prefix", "dictionary_tag", "nltk_tagger", "clear_caches"]


@lru_cache(maxsize=1)
def nltk_tagger():
    """NLTK's ``PerceptronTagger`` with the English model, loaded once."""
    nltkdata.require("averaged_perceptron_tagger_eng")
    from nltk.tag import PerceptronTagger

    return PerceptronTagger()


class _Model:
    """The tagger's weights as a matrix, with the lookups :func:`tag_words` needs."""

    def __init__(self, tagger) -> None:
        weights = tagger.model.weights
        # columns in reverse alphabetical order: argmax keeps the first of equal scores,
        # which is then the alphabetically last tag, as NLTK's tie-break picks
        self.labels = sorted(tagger.classes, reverse=True)
        column = {label: j for j, label in enumerate(self.labels)}
        matrix = np.zeros((len(weights) + 1, len(self.labels)))  # row 0: an unknown feature
        rows = {}
        for r, (feature, by_label) in enumerate(weights.items(), start=1):
            rows[feature] = r
            for label, weight in by_label.items():
                matrix[r, column[label]] = weight
        matrix.setflags(write=False)
        self.matrix = matrix
        self.rows = rows
        self.tagdict = tagger.tagdict
        # NLTK's method, without the tagger (it uses nothing of it), so the model can be stored
        self.normalize = functools.partial(type(tagger).normalize, None)
        self.start = list(tagger.START)
        self.end = list(tagger.END)
        self.bias = rows.get("bias", 0)
        # rows of features looked up before, by word form or by the two previous tags
        self.word_rows: dict[str, tuple[int, int]] = {}
        self.context_rows: dict[str, tuple[int, ...]] = {}
        self.tag_rows: dict[tuple[str, str], tuple[int, int, int]] = {}


def _build_model() -> _Model:
    return _Model(nltk_tagger())


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The weight matrix, read from :func:`analysis.cache.cached_object` when built before
    from the same model files (then NLTK's tagger and its weights are never loaded)."""
    files = [nltkdata.location("averaged_perceptron_tagger_eng")]  # raises when missing
    return cache.cached_object("tagger_model", _build_model, files=files, module=__name__)


def tag_words(words: Sequence[str]) -> list[str]:
    """Penn Treebank tag of each word, exactly as NLTK's ``PerceptronTagger().tag(words)``.

    Args:
        words: the tokens of one sentence (e.g. from :func:`analysis.nlp.tokens.token_spans`).

    Returns:
        One tag per word, in order.

    Raises:
        analysis.nlp.nltk_data.MissingNLTKDataError: the tagger model is not installed.

    Example:
        >>> tag_words(["The", "mayor", "said", "it", "rained", "."])
        ['DT', 'NN', 'VBD', 'PRP', 'VBD', '.']
    """
    return _tag(_model(), words) if words else []


def tag_prefix(words: Sequence[str], n: int) -> list[str]:
    """The tags of the first ``n`` words, exactly ``tag_words(words)[:n]``, reading no word past
    the two after them: a word's tag depends only on the words before it, itself and the
    two after it (and on the tags before it, which depend on no more)."""
    return tag_words(words[: n + 2])[:n] if n > 0 else []


def dictionary_tag(word: str) -> str | None:
    """The tag the tagger's dictionary gives ``word`` (frequent words that always take one
    tag: "the" DT), which :func:`tag_words` gives it wherever it stands; ``None`` for the others."""
    return _model().tagdict.get(word) or None


def clear_caches() -> None:
    """Forget the feature rows remembered per word form (they only save time)."""
    m = _model()
    m.word_rows.clear()
    m.context_rows.clear()
    m.tag_rows.clear()


_CACHE_LIMIT = 200_000  # word forms remembered per cache before it is emptied


def _tag(m: _Model, words: Sequence[str]) -> list[str]:
    row = m.rows.get
    tagdict, word_rows, context_rows, tag_rows = m.tagdict, m.word_rows, m.context_rows, m.tag_rows
    if len(word_rows) > _CACHE_LIMIT or len(context_rows) > _CACHE_LIMIT:
        word_rows.clear()
        context_rows.clear()
    context = m.start + [m.normalize(w) for w in words] + m.end
    # rows of the features that depend on one context word only, per word form
    around = []
    for w in context:
        found = context_rows.get(w)
        if found is None:
            found = context_rows[w] = (
                row("i word " + w, 0), row("i-1 word " + w, 0), row("i-1 suffix " + w[-3:], 0),
                row("i-2 word " + w, 0), row("i+1 word " + w, 0), row("i+1 suffix " + w[-3:], 0),
                row("i+2 word " + w, 0),
            )  # fmt: skip
        around.append(found)
    bias = m.bias
    tags: list[str] = []
    prev, prev2 = m.start
    matrix, labels = m.matrix, m.labels
    for i, word in enumerate(words):
        tag = tagdict.get(word)
        if not tag:
            own = word_rows.get(word)
            if own is None:
                own = word_rows[word] = (row("i suffix " + word[-3:], 0), row("i pref1 " + (word[0] if word else ""), 0))
            history = tag_rows.get((prev, prev2))
            if history is None:
                history = tag_rows[prev, prev2] = (
                    row("i-1 tag " + prev, 0), row("i-2 tag " + prev2, 0), row("i tag+i-2 tag " + prev + " " + prev2, 0)
                )
            c = i + 2
            before, after = around[c - 1], around[c + 1]
            # NLTK's features, in NLTK's order (PerceptronTagger._get_features)
            index = [
                bias, own[0], own[1], history[0], history[1], history[2],
                around[c][0], row("i-1 tag+i word " + prev + " " + context[c], 0),
                before[1], before[2], around[c - 2][3], after[4], after[5], around[c + 2][6],
            ]  # fmt: skip
            # a sum down axis 0 adds the rows one after the other (no pairwise summation)
            scores = matrix.take(index, axis=0).sum(axis=0)
            tag = labels[int(scores.argmax())]
        tags.append(tag)
        prev2, prev = prev, tag
    return tags
