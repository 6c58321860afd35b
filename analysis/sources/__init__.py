"""Who is quoted or paraphrased in a news report, how, with which reporting verb.

:func:`extract_quotes` finds attributed statements with transparent rules, in three passes:

1. **Direct quotes.** Quotation marks (straight or curly) are paired in order within a
   paragraph; a quote left open at a paragraph end continues when the next paragraph opens
   with a mark. Each quote is attributed from the words right after it (``," the spokesman
   said``; ``," said Peskov``), right before it (``Peskov said: "``; ``According to X, "``),
   or from the attribution of the quote just before it in the same paragraph
   (``"A," she said. "B."``). Short quoted phrases with no attribution next to them are
   scare quotes, not statements.
2. **Reported speech.** A reporting verb from :data:`REPORTING_VERBS` with a subject, and
   its content: a that-clause, a clause, an infinitive (``urged ... to``), or the clause
   before it (``Zoom will sell ..., the daily quoted the company as saying``). Also
   ``according to X``, ``X told Y that``, ``X quoted Y as saying``, ``what X says is``,
   ``which X argued is``, participles (``, adding that``), agentless passives (``It was
   noted that``) and news-report nouns (``reports that``, ``Initial reporting
   suggested``). Reported speech that contains a quoted fragment is ``partial``.
3. **Speakers.** Each speaker mention is resolved inside the article: names as journalists
   write them (titles, honorifics, party labels and place tags kept out of the name; initials
   and suffixes kept in; short forms linked to the full name, one person per first name),
   pronouns to the nearest source of fitting kind, number and gender (``unclear`` when two
   persons fit), groups as groups, role phrases ("the Kremlin spokesman", "the company") to
   the earlier source with that role, media nouns to "the media", agentless passives to the
   source of the statement before them in the paragraph. Each canonical source gets one
   type: government, politics, company, media, academic, civil_society, citizen, unnamed or
   other (:data:`SPEAKER_TYPES`).

Rule-based attribution misses some cases (speech verbs used for non-speech, long
appositions, quotes attributed several paragraphs away, single-quoted British-style
quotes); the confidence column is lower where a rule guessed.

One question per module: :mod:`.marks` (where the quotations are), :mod:`.cues` (where the
reporting verbs are), :mod:`.speakers` and :mod:`.adjuncts` (which words name the speaker,
which are only times, adverbs and connectives), :mod:`.content` (what is reported),
:mod:`.direct` and :mod:`.reported` (the two kinds of statement), :mod:`.names` and
:mod:`.name_index` (a name and its titles; one article's people), :mod:`.roles`,
:mod:`.resolve` and :mod:`.speaker_types` (who the source is, and of which kind),
:mod:`.records` and :mod:`.extract` (the output table), :mod:`.summary` (how much voice
each source gets), :mod:`.verbs` (the reporting-verb lexicon) and :mod:`.tokens` (text
tools the rules share). The word lists are data files in ``analysis/lexicons/``.

References:
    Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
    Newell, C., Cowlishaw, T. & Man, D. (2018). Quote extraction and analysis for news.
    KDD Workshop on Data Science, Journalism & Media.
    Asr, F. T., Mazraeh, M., Lopes, A., Gautam, V., Gonzales, J., Rao, P. & Taboada, M.
    (2021). The Gender Gap Tracker: Using natural language processing to measure gender
    bias in media. PLOS ONE 16(2). (Quote patterns, the quote-verb list, evaluation.)
    Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of speech in
    factual and fictional narratives. In M. Coulthard (ed.), Advances in Written Text
    Analysis. Routledge. (Neutral vs. evaluative reporting verbs.)
    Thompson, G. & Ye, Y. (1991). Evaluation in the reporting verbs used in academic
    papers. Applied Linguistics 12(4). (Writer stance carried by the choice of verb.)
"""

from .cached import cached_extract_quotes
from .cues import Cue
from .extract import QUOTE_COLUMNS, extract_quotes, quote_columns
from .marks import QuoteSpan, find_quote_spans
from .speaker_types import SPEAKER_TYPES, UNNAMED, speaker_type
from .summary import (
    ARTICLE_SUMMARY_COLUMNS,
    SOURCE_SUMMARY_COLUMNS,
    article_summary,
    cue_table,
    source_summary,
)
from .verbs import (
    CUE_CLASSES,
    REPORTING_VERBS,
    cue_connotation,
    lemma,
    reporting_verb_table,
    verb_table_markdown,
)

__all__ = [
    "ARTICLE_SUMMARY_COLUMNS",
    "CUE_CLASSES",
    "QUOTE_COLUMNS",
    "REPORTING_VERBS",
    "SOURCE_SUMMARY_COLUMNS",
    "SPEAKER_TYPES",
    "UNNAMED",
    "Cue",
    "QuoteSpan",
    "article_summary",
    "cached_extract_quotes",
    "cue_connotation",
    "cue_table",
    "extract_quotes",
    "find_quote_spans",
    "lemma",
    "quote_columns",
    "reporting_verb_table",
    "source_summary",
    "speaker_type",
    "verb_table_markdown",
]
