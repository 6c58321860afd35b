"""The classroom: answer keys computed from the articles, and a gentle answer checker.

The lesson for any story (``notebooks/lesson.ipynb``) asks up to five questions about two
or more reports of one story: whose voice dominates, which reporting verbs are loaded,
whether the tone comes from the writer or from the sources, what each report leaves out,
and which frame leads; ``notebooks/lesson_zoom.ipynb`` is the worked case study on the
seeds, built from the same code. The exercises' texts and the timed plan come from
:mod:`.exercises` (text as data), the teacher's key from :mod:`.teacher`. Students write their answers
into variables; :func:`check` compares an answer with a key that this package computes from
the articles at run time with the suite's own analyses (nothing is typed in by hand), and
:func:`feedback` tells a student which items are right, which are wrong and why, which are
not in the key, and *how many* are still to find, without naming them.

Key tables
    Every key function returns one row per candidate answer, starting with
    :data:`KEY_COLUMNS`:

    - ``report``: the report the row belongs to (its outlet, or its id when the outlet is
      unknown);
    - ``item``: the answer, lower case;
    - ``accepted``: the spellings that count as naming this item (a tuple);
    - ``right``: True when naming the item is right, False for a known wrong answer (a
      neutral verb, a source that is not the largest, a name both reports carry);
    - ``required``: True when the item is expected: if nobody names it, it counts as still
      to find;
    - ``note``: a short explanation shown to a student who names the item.

    Evidence columns (speaker, share of voice, sentence ...) follow, for the teacher.

Matching (:func:`matches`)
    Case, punctuation, a leading "the/a/an", possessive "'s" and regular inflections are
    ignored ("Urged" = "urged" = "urge" = "urges"; "sanction" = "Sanctions"); a few
    irregular forms are listed ("said" = "say"). An answer names an item when its words
    equal one accepted spelling, when it contains a whole accepted spelling plus at most
    two more words ("urged to switch"), or when all its words occur in the item's
    spellings ("Peskov" for "Dmitry Peskov", "Higher School of Economics" for the full name
    of the institute). When several items fit, the closest fit wins.

The key is what the suite's rules find, not the truth: an answer "not in the key" may be a
good answer the rules miss, and that is worth discussing in class.

Bring your own article
    :func:`load_own_article` turns pasted text or a file into an
    :class:`~analysis.corpus.Article` (the built-in :data:`DEMO_ARTICLE` when both are
    empty), raising :class:`~analysis.corpus.ArticleError` with a clear message for input
    that is no article.

The modules, one per question: :mod:`.stems` (an answer's words: tokens, stems, function
words), :mod:`.matching` (which item an answer names), :mod:`.key_table` (the key table
format and its summary), :mod:`.checking` (:func:`check`, :func:`feedback`), :mod:`.keys`
(the four keys, computed from the articles), :mod:`.examples` (examples and texts to read)
and :mod:`.own_article` (bring your own article).

References: the methods behind the keys are cited in :mod:`.keys` (Caldas-Coulthard 1994
on reporting verbs, Entman 1993 on omission, Hutto & Gilbert 2014 on VADER).
"""

from __future__ import annotations

from .checking import CHECK_COLUMNS, STATUSES, check, check_exercise, feedback
from .examples import EXAMPLE_COLUMNS, concept_examples, examples_html, texts_html
from .exercises import (
    ACCURACY,
    EXERCISES,
    accuracy_note,
    chosen,
    exercise_markdown,
    exercise_parts,
    lesson_plan,
    plan_markdown,
    talk_markdown,
)
from .frame_key import FRAME_NAMES, leading_frame_key
from .key_table import KEY_COLUMNS, key_summary
from .keys import (
    TONE_VOICES,
    answer_keys,
    dominant_voice_key,
    loaded_verbs_key,
    omissions_key,
    report_labels,
    tone_source_key,
)
from .matching import MAX_EXTRA_WORDS, answer_items, is_empty, match_score, matches
from .own_article import DEMO_ARTICLE, load_own_article, with_others
from .stems import content_words, stem
from .teacher import KEY_VIEWS, teacher_key

__all__ = [
    "ACCURACY",
    "EXERCISES",
    "FRAME_NAMES",
    "KEY_VIEWS",
    "accuracy_note",
    "chosen",
    "check_exercise",
    "exercise_markdown",
    "exercise_parts",
    "leading_frame_key",
    "lesson_plan",
    "plan_markdown",
    "talk_markdown",
    "teacher_key",
    "CHECK_COLUMNS",
    "DEMO_ARTICLE",
    "EXAMPLE_COLUMNS",
    "KEY_COLUMNS",
    "MAX_EXTRA_WORDS",
    "STATUSES",
    "TONE_VOICES",
    "answer_items",
    "answer_keys",
    "check",
    "concept_examples",
    "content_words",
    "dominant_voice_key",
    "examples_html",
    "feedback",
    "is_empty",
    "key_summary",
    "load_own_article",
    "loaded_verbs_key",
    "match_score",
    "matches",
    "omissions_key",
    "report_labels",
    "stem",
    "texts_html",
    "tone_source_key",
    "with_others",
]
