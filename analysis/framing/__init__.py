"""Framing: how each report builds the story, and what each one leaves out.

Seven questions, one function (or two) each, every answer a new DataFrame whose rows carry
character offsets so a notebook can highlight the words behind any number:

- which generic news frames does each sentence show? :func:`frame_sentences`,
  :func:`frame_profile` (per article), :func:`frame_rules` (the rule set); which frames
  does each article show as a whole, as a trained coder would code it?
  :func:`article_frames` (weights fitted on coded articles, ``docs/frames_model.md``),
  and how far to trust each frame: :func:`frame_trust`;
- which words set one report apart from another? :func:`fightin_words`,
  :func:`distinctive_terms`;
- how is a term used? :func:`kwic`;
- what does each report put first? :func:`headline_and_lead`;
- who is made the agent? :func:`actor_actions`;
- how sure, how distant, how evaluative? :func:`stance_markers`;
- what does one report carry that the other leaves out? :func:`omissions`,
  :func:`omission_table` for two reports, :func:`omissions_each`, :func:`omission_columns`, :func:`omission_counts`
  for each of N reports against the others (entities through :mod:`analysis.entities`, with
  :data:`ENTITY_ALIASES`).

Small helpers lay these results out side by side for a notebook (:func:`profile_table`,
:func:`top_terms`, :func:`actor_table`, :func:`stance_counts`, :func:`kwic_terms`,
:func:`frame_rule_summary`) and show the evidence sentences with the words behind each
hit highlighted, every piece of article text escaped (:func:`evidence_html`,
:func:`highlight`).

Inputs are plain: a sentences DataFrame (columns ``sentence, start, end, text``, optionally
``article`` and ``paragraph``; ``start``/``end`` are offsets into the article text and
``text`` is the article text between them), a dict ``{article_id: text}``, a single string,
or an article-like object with ``.id`` and ``.sentences``. Offsets in the results are
character offsets into the article text the sentences were cut from; an ``article`` column
appears whenever the input names its articles. Texts given as strings are split into
paragraphs at blank lines and into sentences with NLTK's Punkt model; pass the corpus's own
sentences to keep its sentence numbers.

Everything here is rule-based and explainable, which is also its limit: cue lists miss
paraphrases and catch some off-topic uses, the part-of-speech tagger errs on headlines and
translated prose, and no rule knows what a sentence means. ``docs/framing_rules.md`` lists
every rule with its source.

The modules, one question each: :mod:`.rules` (the frame rule sets), :mod:`.frames`,
:mod:`.distinctive`, :mod:`.concordance`, :mod:`.actors` (on the chunks of :mod:`.chunks`),
:mod:`.stance`, :mod:`.omitted` and :mod:`.omitted_each` (on the items of :mod:`.entity_items`), :mod:`.tables`,
:mod:`.evidence`; :mod:`.rules_doc` writes ``docs/framing_rules.md``. Shared plumbing:
:mod:`.cues` (the cue matcher), ``_tokens`` (tokens and tags), ``_sentences`` (inputs to a
sentences frame), ``_results`` (empty and typed result frames). Every word list is a data
file in ``analysis/lexicons/``.
"""

from .actors import actor_actions, headline_and_lead
from .article_decision import article_frames
from .concordance import kwic, kwic_terms
from .distinctive import DEFAULT_ALPHA0, distinctive_terms, fightin_words
from .distinctive import _stopwords as _stopwords  # private, re-exported: analysis.batch.kernels warms it up
from .entity_items import ENTITY_ALIASES, entity_key
from .evidence import evidence_html, highlight
from .frames import frame_columns, frame_profile, frame_sentences
from .omitted import omission_table, omissions
from .omitted_each import omission_columns, omission_counts, omissions_each
from .rules import FRAME_RULES, GENERIC_QUESTIONS, frame_rules
from .stance import EVALUATIVE_ADJECTIVES, STANCE_MARKERS, stance_markers
from .stance import _opinion_words as _opinion_words  # private, re-exported: tests/test_framing.py
from .stance import _stance_index as _stance_index  # private, re-exported: analysis.batch.kernels warms it up
from .tables import actor_key, actor_table, frame_rule_summary, profile_table, stance_counts, top_terms
from .trust import frame_trust

__all__ = [
    "GENERIC_QUESTIONS",
    "FRAME_RULES",
    "STANCE_MARKERS",
    "EVALUATIVE_ADJECTIVES",
    "DEFAULT_ALPHA0",
    "frame_rules",
    "frame_sentences",
    "frame_columns",
    "frame_profile",
    "article_frames",
    "frame_trust",
    "fightin_words",
    "distinctive_terms",
    "kwic",
    "headline_and_lead",
    "actor_actions",
    "stance_markers",
    "ENTITY_ALIASES",
    "entity_key",
    "omissions",
    "omission_table",
    "omissions_each",
    "omission_columns",
    "omission_counts",
    "frame_rule_summary",
    "profile_table",
    "top_terms",
    "actor_key",
    "actor_table",
    "stance_counts",
    "kwic_terms",
    "highlight",
    "evidence_html",
]
