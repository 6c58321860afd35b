"""Sentence tone with VADER and the Hu & Liu opinion lexicon, with the words behind every score.

Five questions, one function (or two) each:

- **How does each sentence sound?** :func:`score_sentences` / :func:`score_frame` /
  :func:`score_articles` give VADER's ``neg, neu, pos, compound`` for every sentence,
  identical to NLTK's ``SentimentIntensityAnalyzer.polarity_scores``, together with the
  lexicon words that produced the score and every rule VADER applied to them (negation,
  "but", intensifiers, ALL CAPS, idioms, "!" and "?"). :func:`evidence_table` and
  :func:`evidence_html` show that evidence; :func:`extreme_sentences` picks the sentences
  worth showing.
- **How does each article sound, and where?** :func:`summarize_tone` condenses sentence
  scores per article; :func:`article_tone` adds the headline and the lead;
  :func:`tone_timeline` follows the tone from the first sentence to the last.
- **Whose voice is negative?** :func:`tone_by_voice` splits sentences into quoted material
  (per speaker, from the sources table of :func:`voice_quotes`, or by quotation marks with
  :func:`quoted_spans`) and the reporter's own narration, and scores each voice separately;
  :func:`narration_vs_quotes` pools the quoted voices against the narration.
- **How is a target talked about?** :func:`target_tone` gives the tone *towards* each
  mention of a person or organisation (found by name, alias, dotted form, surname and
  pronoun), with the words and cues that decided it, from a logistic regression trained on
  news sentences labelled for their tone towards one target (:mod:`.target_model`, data
  card ``docs/target_tone_model.md``); :func:`tone_towards` lists the sentences that
  mention chosen terms (Zoom, Kremlin, Russia ...) with both the sentence's tone and the
  tone towards the term.
- **Does a second lexicon agree?** :func:`opinion_scores` counts Hu & Liu opinion words,
  :func:`lexicon_agreement` cross-tabulates both lexicons' labels with Cohen's kappa and
  :func:`lexicon_comparison` sets them side by side sentence by sentence.


How the VADER evidence is exact
    The per-word valences are recomputed here step by step, mirroring
    ``nltk/sentiment/vader.py`` (its tokenisation, the booster/negation/idiom/"least"/"but"
    rules, and its quirks, such as scoring a repeated word in the context of its first
    occurrence). VADER's sentence score is a function of that list of valences only, so
    the list is handed to NLTK's own ``SentimentIntensityAnalyzer.score_valence`` for the
    final normalisation: the per-word ``valence_final`` values in the ``evidence`` column
    add up to ``valence_sum``, VADER's raw sum, and the four scores are NLTK's, to the last
    digit. The test suite checks this against ``polarity_scores`` on thousands of sentences.


Limits worth stating next to any result
    VADER is a general-purpose lexicon tuned on social-media text; Hutto & Gilbert report a
    much weaker correlation with human raters on news editorial sentences than on tweets.
    Both lexicons score words, not meaning: irony, reported speech, and framing through
    selection and emphasis are invisible to them, and a translated article carries the
    translator's word choices.


Loading the lexicons is done once per process by :func:`load_vader` and
:func:`load_opinion_lexicon`; a missing NLTK package raises
:class:`analysis.nlp.nltk_data.MissingNLTKDataError`, which says how to install it.

Where each part lives (every public name is imported here, so ``analysis.sentiment.X``
works for all of them)
    ``labels`` (label names, :func:`label_compound`), ``loaders`` (the two lexicons),
    ``tokens`` (VADER's tokenisation, words for counting), ``vader`` (VADER word by word,
    :data:`ADJUSTMENT_RULES`), ``scores`` (sentence scores), ``summary``
    (:func:`summarize_tone`), ``articles`` (whole articles), ``evidence`` (the words behind
    a score, for display), ``quotes`` and ``voices`` (whose voice), ``targets`` (tone
    towards terms), ``target_features``, ``target_mentions``, ``target_model``,
    ``target_eval`` and ``target_tone`` (the tone towards a target), ``opinion`` (Hu & Liu), ``agreement`` (both lexicons compared),
    ``inputs`` (checks on the input).


References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. *Proceedings of the Eighth International AAAI Conference
    on Weblogs and Social Media (ICWSM-14)*, Ann Arbor, MI.

    Hu, M. & Liu, B. (2004). Mining and Summarizing Customer Reviews. *Proceedings of the
    Tenth ACM SIGKDD International Conference on Knowledge Discovery and Data Mining
    (KDD-04)*, Seattle, WA, 168-177.

    Cohen, J. (1960). A Coefficient of Agreement for Nominal Scales. *Educational and
    Psychological Measurement*, 20(1), 37-46.
"""

from __future__ import annotations

from .agreement import cohen_kappa, lexicon_agreement, lexicon_comparison
from .articles import article_tone, score_articles, tone_timeline
from .evidence import (
    HIGHLIGHT_COLORS,
    describe_adjustment,
    evidence_html,
    evidence_table,
    extreme_sentences,
    highlight_evidence,
)
from .labels import COMPOUND_THRESHOLD, LABELS, NARRATOR, UNATTRIBUTED, label_compound
from .loaders import load_opinion_lexicon, load_vader
from .opinion import opinion_scores
from .quotes import BY_ATTRIBUTION, BY_QUOTATION_MARKS, quoted_spans, voice_quotes
from .scores import score_columns, score_frame, score_sentences
from .summary import summarize_tone
from .target_tone import TARGET_TONE_COLUMNS, target_tone
from .targets import term_mentions, tone_towards
from .tokens import _word_bounds  # noqa: F401  (private re-export: benchmarks/bench_sentiment.py clears its cache)
from .vader import ADJUSTMENT_RULES
from .voices import narration_vs_quotes, tone_by_voice, voice_segments

__all__ = [
    "ADJUSTMENT_RULES",
    "BY_ATTRIBUTION",
    "BY_QUOTATION_MARKS",
    "COMPOUND_THRESHOLD",
    "HIGHLIGHT_COLORS",
    "LABELS",
    "NARRATOR",
    "TARGET_TONE_COLUMNS",
    "UNATTRIBUTED",
    "article_tone",
    "cohen_kappa",
    "describe_adjustment",
    "evidence_html",
    "evidence_table",
    "extreme_sentences",
    "highlight_evidence",
    "label_compound",
    "lexicon_agreement",
    "lexicon_comparison",
    "load_opinion_lexicon",
    "load_vader",
    "narration_vs_quotes",
    "opinion_scores",
    "quoted_spans",
    "score_articles",
    "score_frame",
    "score_sentences",
    "score_columns",
    "summarize_tone",
    "target_tone",
    "term_mentions",
    "tone_by_voice",
    "tone_timeline",
    "tone_towards",
    "voice_quotes",
    "voice_segments",
]
