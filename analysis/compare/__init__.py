"""Side-by-side tables across N reports.

Every function takes per-article results (DataFrames with an ``id`` or ``article`` column)
and returns a new DataFrame with one column per report, so a class can read across.
:func:`select` picks the reports to compare, from the articles or from the tables of
``python -m analysis analyze`` (corpus mode), and gives each result whichever the source.

Modules, one question each:

- :mod:`.selection`: which reports are compared, and their results whichever the source;
- :mod:`.defaults`: the names and words to follow when the user names none, from the reports;
- :mod:`.reports`: the reports' metadata, layout, lengths and column labels;
- :mod:`.overview_table`: one table of every measure, report by report;
- :mod:`.frames`: frame hits and profiles, headline and lead, term counts, names only one
  report gives;
- :mod:`.tone`: scores, tone and voices read from corpus-mode tables;
- :mod:`.sourcing`: attributed statements, sourcing profiles and reporting verbs;
- :mod:`.outlets`: many reports grouped, pooled and averaged by outlet;
- :mod:`.table_articles`: the articles of corpus-mode tables (picking, texts, outlets).
"""

from __future__ import annotations

from .defaults import default_targets, default_terms, taken_line
from .frames import (
    hits_from_tables,
    leads_from_tables,
    profile_from_tables,
    term_counts,
    unique_entities,
    unique_entities_from_tables,
)
from .outlets import (
    first_per_outlet,
    keep_articles,
    mean_by_outlet,
    outlet_profile,
    outlet_share_of_voice,
    outlet_texts,
    outlet_timeline,
    pool_by_outlet,
)
from .overview_table import OVERVIEW_SECTIONS, overview, overview_from_tables
from .reports import LAYOUT_FIELDS, article_labels, article_layout, lengths, side_by_side
from .selection import DESCRIPTIONS, MANY, NoUsableArticle, Selection, select
from .sourcing import cues_by_article, quotes_by_article, quotes_from_tables, sources_by_article, sourcing_profiles
from .table_articles import (
    corpus_from_tables,
    labels_from_tables,
    outlets_from_tables,
    select_tables,
    texts_from_tables,
)
from .tone import (
    pooled_from_tables,
    scored_from_tables,
    target_tone_by_article,
    targets_that_differ,
    tone_from_tables,
    voice_quotes_from_tables,
)

__all__ = [
    "DESCRIPTIONS",
    "LAYOUT_FIELDS",
    "MANY",
    "NoUsableArticle",
    "OVERVIEW_SECTIONS",
    "Selection",
    "article_labels",
    "article_layout",
    "corpus_from_tables",
    "cues_by_article",
    "default_targets",
    "default_terms",
    "first_per_outlet",
    "hits_from_tables",
    "keep_articles",
    "labels_from_tables",
    "leads_from_tables",
    "lengths",
    "mean_by_outlet",
    "outlet_profile",
    "outlet_share_of_voice",
    "outlet_texts",
    "outlet_timeline",
    "outlets_from_tables",
    "overview",
    "overview_from_tables",
    "pool_by_outlet",
    "pooled_from_tables",
    "profile_from_tables",
    "quotes_by_article",
    "quotes_from_tables",
    "scored_from_tables",
    "select",
    "select_tables",
    "side_by_side",
    "sources_by_article",
    "sourcing_profiles",
    "taken_line",
    "target_tone_by_article",
    "targets_that_differ",
    "term_counts",
    "texts_from_tables",
    "tone_from_tables",
    "unique_entities",
    "unique_entities_from_tables",
    "voice_quotes_from_tables",
]
