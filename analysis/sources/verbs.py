"""Which words report speech, and with which connotation: the reporting-verb lexicon.

The verbs and their classes are data (``analysis/lexicons/reporting_verbs.csv``, irregular
forms in ``reporting_verb_forms.csv``); :func:`lemma` finds the lemma of an inflected form,
:func:`cue_connotation` the class of a cue, and :func:`verb_table_markdown` writes the verb
table of ``docs/sources.md``.

References:
    Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of speech in
    factual and fictional narratives. In M. Coulthard (ed.), Advances in Written Text
    Analysis. Routledge. (Neutral vs. evaluative reporting verbs.)
    Thompson, G. & Ye, Y. (1991). Evaluation in the reporting verbs used in academic
    papers. Applied Linguistics 12(4). (Writer stance carried by the choice of verb.)
    Asr, F. T. et al. (2021). The Gender Gap Tracker. PLOS ONE 16(2). (The quote-verb list.)
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..lexicons import csv_rows
from ..nlp.endings import base_forms

CUE_CLASSES = ("neutral", "loaded", "hedged", "belief")


def _read_verbs() -> dict[str, str]:
    """``reporting_verbs.csv`` as ``{lemma: class}``, in file order; a class not in :data:`CUE_CLASSES` is refused."""
    verbs = {row["lemma"]: row["class"] for row in csv_rows("reporting_verbs.csv")}
    unknown = sorted(set(verbs.values()) - set(CUE_CLASSES))
    if unknown:
        raise ValueError(f"analysis/lexicons/reporting_verbs.csv: unknown class {unknown}; use one of {CUE_CLASSES}")
    return verbs


#: Reporting verbs (lemma -> connotation). ``neutral`` verbs only report; ``loaded`` verbs
#: evaluate the statement or its speaker (they say the speaker complained, admitted, claimed);
#: ``hedged`` verbs and adverbs distance the writer from the content; ``belief`` verbs report
#: what the source thinks, expects or wants (think, believe, expect, hope, want, fear, plan)
#: rather than what it said, so that quoted words and reported beliefs stay apart. Classes follow
#: Caldas-Coulthard (1994) and Thompson & Ye (1991); the verb list extends the Gender Gap
#: Tracker's quote verbs (Asr et al. 2021). The AP Stylebook likewise advises "said" as the
#: neutral default and warns that "claimed", "admitted" and "insisted" carry judgement.
#: Read from ``analysis/lexicons/reporting_verbs.csv``.
REPORTING_VERBS: dict[str, str] = _read_verbs()

# Irregular forms -> lemma ("said" -> "say"); regular forms are found by rule in lemma()
_IRREGULAR: dict[str, str] = {row["form"]: row["lemma"] for row in csv_rows("reporting_verb_forms.csv")}


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str | None:
    """Reporting-verb lemma of an inflected form, or None (``"insisted"`` -> ``"insist"``).

    Remembered per word form (a vocabulary, not texts: at most 65,536 forms)."""
    w = word.lower()
    if w in REPORTING_VERBS:
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    return next((c for c in base_forms(w) if c and c in REPORTING_VERBS), None)


def cue_connotation(cue: str) -> str:
    """Connotation class of a cue: ``neutral``, ``loaded``, ``hedged`` or ``belief`` (``""`` if unknown).

    >>> cue_connotation("said"), cue_connotation("insisted"), cue_connotation("reportedly"), cue_connotation("hopes")
    ('neutral', 'loaded', 'hedged', 'belief')
    """
    words = cue.lower().split()
    if not words:
        return ""
    for phrase in (" ".join(words), " ".join([lemma(words[0]) or words[0], *words[1:]])):
        if phrase in REPORTING_VERBS:
            return REPORTING_VERBS[phrase]
    for w in words:
        base = lemma(w)
        if base:
            return REPORTING_VERBS[base]
    return ""


def _by_class() -> list[tuple[str, str]]:
    """``(verb, class)`` pairs ordered by class (as in :data:`CUE_CLASSES`), then verb."""
    return sorted(REPORTING_VERBS.items(), key=lambda kv: (CUE_CLASSES.index(kv[1]), kv[0]))


def reporting_verb_table() -> pd.DataFrame:
    """The reporting-verb lexicon as a table: ``verb, connotation``."""
    return pd.DataFrame(_by_class(), columns=["verb", "connotation"])


def verb_table_markdown() -> str:
    """The reporting-verb table of ``docs/sources.md``, as Markdown: one row per class.

    ``docs/sources.md`` holds this text (its lines, each ending in a newline) between the
    line ``<!-- BEGIN generated: reporting verbs -->`` and the line ``<!-- END generated -->``;
    ``python -m analysis docs`` writes it there after a change to
    ``analysis/lexicons/reporting_verbs.csv``.

    >>> print(verb_table_markdown().splitlines()[0])
    | class | verbs |
    """
    pairs = _by_class()
    lines = ["| class | verbs |", "| --- | --- |"]
    for cue_class in CUE_CLASSES:
        verbs = [verb for verb, c in pairs if c == cue_class]
        lines.append(f"| {cue_class} ({len(verbs)}) | {', '.join(verbs)} |")
    return "\n".join(lines) + "\n"
