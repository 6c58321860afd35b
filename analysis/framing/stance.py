"""How sure, how distant, how evaluative? Hedges, distancing, boosters, evaluative
adjectives and loaded reporting verbs.

The marker lists are read once from ``analysis/lexicons/stance_markers.toml`` and
``analysis/lexicons/evaluative_adjectives.txt``; they are matched with the cue matcher of
:mod:`.cues` on tagged tokens.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

from ..lexicons import table, words
from ._results import _frame, _key_columns
from ._sentences import _as_sentences
from ._tokens import _tagged, _tokens
from .cues import _compile, _Cue, _CueIndex, _index, _match_cues

_STANCE_LISTS = table("stance_markers.toml")

#: Stance marker lists (see ``docs/framing_rules.md`` for sources), read from
#: ``analysis/lexicons/stance_markers.toml``. Same cue syntax as :data:`FRAME_RULES`. Modal
#: hedges count only when tagged as modals (so "May" the month does not), loaded verbs only
#: when tagged as verbs ("claims" the noun does not).
STANCE_MARKERS: dict[str, tuple[str, ...]] = {
    category: tuple(cues) for category, cues in _STANCE_LISTS["markers"].items()
}

_MODAL_HEDGES = tuple(_STANCE_LISTS["modal_hedges"])

#: Evaluative adjectives added to Hu & Liu's opinion lexicon: Bednarek's (2006) evaluative
#: parameters of importance, expectedness and reliability, which a sentiment lexicon lacks
#: (read from ``analysis/lexicons/evaluative_adjectives.txt``).
EVALUATIVE_ADJECTIVES: frozenset[str] = frozenset(words("evaluative_adjectives.txt"))

_SCARE_QUOTE = re.compile(r'"([^"\n]{1,80})"')


@functools.lru_cache(maxsize=1)
def _opinion_words() -> frozenset[str]:
    """Hu & Liu's opinion lexicon (positive and negative words), lower case."""
    from ..sentiment import load_opinion_lexicon

    positive, negative = load_opinion_lexicon()
    return frozenset(w.lower() for w in positive | negative)


@functools.lru_cache(maxsize=1)
def _stance_index() -> _CueIndex:
    cues: list[_Cue] = []
    for category, markers in STANCE_MARKERS.items():
        gate = "VB" if category == "loaded_verb" else ""
        cues += _compile(category, category, markers, gate=gate)
    cues += _compile("hedge", "hedge", _MODAL_HEDGES, gate="MD")
    return _index(cues)


def stance_markers(sentences: Any, *, scare_quotes: bool = True) -> pd.DataFrame:
    """Hedges, distancing, boosters, evaluative adjectives and loaded reporting verbs.

    Categories:

    - ``hedge``: the writer or speaker withholds full commitment ("presumably", "if I'm not
      mistaken", "suggested", "generally"; the modals may/might/could when tagged MD;
      approximators before a number, "about 20") -- Hyland's hedges.
    - ``distance``: the claim is attributed or kept at arm's length ("reportedly",
      "allegedly", "so-called", "what it says is", "according to"), plus scare quotes: a
      quoted stretch of one to four words inside a sentence (``"illegal content."``).
    - ``booster``: certainty is stressed ("of course", "clearly", "in fact") -- Hyland's
      boosters.
    - ``evaluative``: adjectives (tagged JJ/JJR/JJS) found in Hu & Liu's opinion lexicon or
      in :data:`EVALUATIVE_ADJECTIVES` (importance, expectedness, reliability).
    - ``loaded_verb``: reporting verbs that colour what is reported ("vowed",
      "complained", "admitted", "insisted", "claimed", "urged", "warned"), when tagged as
      verbs; "said" and "told" are the neutral baseline and are not listed.

    Limits: the lists come from studies of academic writing (hedges, boosters) and of
    British newspapers (evaluation); they are matched without reading sense, so "could"
    of past ability counts as a hedge; an opinion-lexicon adjective may be neutral in
    context ("free").

    Args:
        sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        scare_quotes: also report short quoted stretches as ``distance`` markers.

    Returns:
        One row per marker, in text order, with columns ``article`` (when the input names
        articles), ``sentence, category, marker`` (the words as written), ``start, end``
        (offsets in the article text) and ``sentence_text``.

    References:
        Hyland, K. (1998). Hedging in Scientific Research Articles. Amsterdam: John
        Benjamins.

        Hyland, K. (2005). Stance and engagement: A model of interaction in academic
        discourse. Discourse Studies, 7(2), 173-192.

        Bednarek, M. (2006). Evaluation in Media Discourse: Analysis of a Newspaper Corpus.
        London: Continuum.

        Hu, M., & Liu, B. (2004). Mining and summarizing customer reviews. Proceedings of
        KDD 2004, 168-177.

        Caldas-Coulthard, C. R. (1994). On reporting reporting: The representation of
        speech in factual and fictional narratives. In M. Coulthard (Ed.), Advances in
        Written Text Analysis. London: Routledge.

    Example:
        >>> m = stance_markers("Zoom reportedly banned sales, Peskov complained.")
        >>> m[["category", "marker"]].values.tolist()
        [['distance', 'reportedly'], ['loaded_verb', 'complained']]
    """
    frame, has_article = _as_sentences(sentences)
    columns = _key_columns(has_article) + [
        "sentence", "category", "marker", "start", "end", "sentence_text",
    ]
    index = _stance_index()
    rows = []
    evaluative = None
    for row in frame.itertuples(index=False):
        text = row.text
        toks = _tagged(text)
        hits = []
        taken: list[tuple[int, int]] = []
        for cue, i, j in _match_cues(toks, index):
            s, e = toks[i].start, toks[j - 1].end
            hits.append((s, e, cue.group))
            taken.append((s, e))
        if any(t.tag in ("JJ", "JJR", "JJS") for t in toks):
            if evaluative is None:
                evaluative = _opinion_words() | EVALUATIVE_ADJECTIVES
            for t in toks:
                if t.tag in ("JJ", "JJR", "JJS") and t.lower in evaluative and not any(
                    s <= t.start < e for s, e in taken
                ):
                    hits.append((t.start, t.end, "evaluative"))
        if scare_quotes:
            for m in _SCARE_QUOTE.finditer(text):
                inner = [w for w, _, _ in _tokens(m.group(1)) if re.match(r"\w", w)]
                whole = m.start() == 0 and text[m.end():].strip(' .,;:!?') == ""
                if 1 <= len(inner) <= 4 and not whole:
                    hits.append((m.start(), m.end(), "distance"))
        for s, e, category in sorted(hits):
            record = {
                "sentence": int(row.sentence), "category": category, "marker": text[s:e],
                "start": int(row.start) + s, "end": int(row.start) + e, "sentence_text": text,
            }
            if has_article:
                record["article"] = row.article
            rows.append(record)
    return _frame(rows, columns)
