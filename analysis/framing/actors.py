"""Who is made the agent? Actor-action pairs, and the actor and action of headline and lead.

Both read the chunks of :mod:`.chunks` on the tags of NLTK's averaged perceptron tagger
(through :mod:`analysis.nlp.tagging`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._results import _INT_COLUMNS, _frame, _key_columns
from ._sentences import _as_sentences
from ._tokens import _tagged, _Tok, _tokens
from .chunks import _main_clause, _pairs, _span


def actor_actions(sentences: Any, *, pronouns: bool = True) -> pd.DataFrame:
    """Who does what: actor-action pairs from part-of-speech patterns.

    An actor is a noun phrase (or a subject pronoun) immediately followed by a finite verb
    group: a modal or finite verb plus any further verbs and adverbs, ending at its last verb
    ("Zoom banned", "the Kremlin urged", "Russia has vowed", "Zoom will sell", "Peskov
    urged", "Russia has previously blocked"). Adverbs may stand between actor and verb
    ("Zoom still intends"). A noun phrase right after a preposition ("in the United States
    clarified") is not taken as an actor; "of" joins noun phrases ("representatives of
    several Russian universities told"). Tags come from NLTK's averaged perceptron tagger.

    Limits: the actor is the grammatical subject, which in a passive clause is not the doer
    ("this information was disseminated"); subjects separated from their verb by a phrase
    or a clause ("Peskov on Wednesday expressed") are missed; pronouns are not resolved
    (see ``analysis.sources`` for speakers).

    Args:
        sentences: a sentences DataFrame, a dict ``{article_id: text}`` or a string.
        pronouns: keep actors that are pronouns ("he said"); False drops them.

    Returns:
        One row per pair, in text order, with columns ``article`` (when the input names
        articles), ``sentence, actor, action, actor_start, actor_end, action_start,
        action_end`` (offsets in the article text).

    References:
        Marcus, M. P., Santorini, B., & Marcinkiewicz, M. A. (1993). Building a large
        annotated corpus of English: The Penn Treebank. Computational Linguistics, 19(2),
        313-330.

        Bird, S., Klein, E., & Loper, E. (2009). Natural Language Processing with Python,
        ch. 7 (chunking with part-of-speech patterns). O'Reilly.

    Example:
        >>> pairs = actor_actions("The Kremlin urged companies to switch.")
        >>> pairs[["actor", "action"]].values.tolist()
        [['The Kremlin', 'urged']]
    """
    frame, has_article = _as_sentences(sentences)
    columns = _key_columns(has_article) + [
        "sentence", "actor", "action", "actor_start", "actor_end", "action_start", "action_end",
    ]
    rows = []
    for row in frame.itertuples(index=False):
        toks = _tagged(row.text)
        for subj, verb in _pairs(toks):
            if not pronouns and subj[1] - subj[0] == 1 and toks[subj[0]].tag in ("PRP", "DT"):
                continue
            actor, a_s, a_e = _span(toks, row.text, subj)
            action, v_s, v_e = _span(toks, row.text, verb)
            record = {
                "sentence": int(row.sentence), "actor": actor, "action": action,
                "actor_start": int(row.start) + a_s, "actor_end": int(row.start) + a_e,
                "action_start": int(row.start) + v_s, "action_end": int(row.start) + v_e,
            }
            if has_article:
                record["article"] = row.article
            rows.append(record)
    return _frame(rows, columns)


def _headline_words(toks: list[tuple[str, int, int]], body: pd.DataFrame) -> list[str]:
    """Words to tag for a Title Case headline: capitals kept only where the body keeps them.

    The tagger reads "Zoom to Directly Sell" as a row of proper nouns; lower-casing the
    words the body writes in lower case lets it see the verb.
    """
    words = [t for t, _, _ in toks]
    alpha = [w for w in words[1:] if w[:1].isalpha()]
    if not alpha or sum(w[:1].isupper() for w in alpha) < 0.6 * len(alpha):
        return words
    capitalised_in_body = set()
    for text in body["text"]:
        for tok, s, _ in _tokens(text):
            if tok[:1].isupper() and s > 0:
                capitalised_in_body.add(tok)
    out = [words[0]]
    for w in words[1:]:
        keep = not w[:1].isupper() or w in capitalised_in_body or (w.isupper() and len(w) > 1)
        out.append(w if keep else w.lower())
    return out


def headline_and_lead(
    article: Any,
    *,
    headline: str | None = None,
    article_id: str | None = None,
    lead: int = 2,
) -> pd.DataFrame:
    """What a report puts first: its headline and lead sentences, with actor and action.

    For each of the headline (when known) and the first ``lead`` sentences, the grammatical
    actor is the subject noun phrase of the main clause and the action its finite verb
    group ("Zoom will sell directly..." -> actor "Zoom", action "will sell"). The main clause
    is the first finite verb group; its actor is the noun phrase right before it, or else
    the first noun phrase before it that does not follow a preposition. A Title Case headline
    is tagged with its words lower-cased where the article body writes them in lower case,
    and "to" + verb counts as a verb in a headline ("Zoom to Directly Sell").

    Args:
        article: an article-like object (``.id``, ``.headline``, ``.sentences``), a tuple
            ``(article_id, headline, sentences)`` or a sentences DataFrame.
        headline: the headline (overrides the article's own).
        article_id: the article id (overrides the article's own).
        lead: how many opening sentences to show.

    Returns:
        Rows for the headline (if any) and the lead sentences, with columns ``article``,
        ``part`` (``"headline"`` or ``"lead"``), ``sentence`` (-1 for the headline),
        ``text``, ``actor``, ``action`` (empty strings when none is found) and
        ``actor_start, actor_end, action_start, action_end``. Offsets count in the
        headline string for the headline row and in the article text for lead rows; -1
        where there is no actor or action.

    References:
        van Dijk, T. A. (1988). News as Discourse. Hillsdale, NJ: Lawrence Erlbaum
        (headline and lead as the summary that expresses the top of a report's structure).

        Bell, A. (1991). The Language of News Media. Oxford: Blackwell.

    Example:
        >>> t = headline_and_lead(("mt", "Zoom to Directly Sell", "Zoom will sell directly."))
        >>> t[["part", "actor", "action"]].values.tolist()
        [['headline', 'Zoom', 'to Directly Sell'], ['lead', 'Zoom', 'will sell']]
    """
    if isinstance(article, tuple):
        if len(article) != 3:
            raise ValueError("pass a tuple (article_id, headline, sentences)")
        a_id, a_head, sents = article
    elif hasattr(article, "sentences"):
        a_id = getattr(article, "id", None)
        a_head, sents = getattr(article, "headline", None), article
    else:
        a_id, a_head, sents = None, None, article
    a_id = article_id if article_id is not None else a_id
    a_head = headline if headline is not None else a_head
    frame, has_article = _as_sentences(sents)
    if a_id is None and has_article and frame["article"].nunique() == 1:
        a_id = frame["article"].iloc[0]
    if has_article and frame["article"].nunique() > 1:
        raise ValueError("headline_and_lead takes one article; got sentences of several")
    columns = ["article", "part", "sentence", "text", "actor", "action",
               "actor_start", "actor_end", "action_start", "action_end"]
    rows = []

    def record(part: str, number: int, text: str, base: int, toks: list[_Tok], subj, verb) -> dict:
        actor, a_s, a_e = _span(toks, text, subj) if subj else ("", -1, -1)
        action, v_s, v_e = _span(toks, text, verb) if verb else ("", -1, -1)
        return {
            "article": a_id, "part": part, "sentence": number, "text": text, "actor": actor,
            "action": action,
            "actor_start": a_s + base if subj else -1, "actor_end": a_e + base if subj else -1,
            "action_start": v_s + base if verb else -1, "action_end": v_e + base if verb else -1,
        }

    ordered = frame.sort_values("sentence")
    if isinstance(a_head, str) and a_head.strip():
        raw = _tokens(a_head)
        toks = _tagged(a_head, words_for_tagging=_headline_words(raw, ordered))
        subj, verb = _main_clause(toks, headline=True)
        rows.append(record("headline", -1, a_head, 0, toks, subj, verb))
    for row in ordered.head(max(lead, 0)).itertuples(index=False):
        toks = _tagged(row.text)
        subj, verb = _main_clause(toks)
        rows.append(record("lead", int(row.sentence), row.text, int(row.start), toks, subj, verb))
    out = _frame(rows, columns)
    if not out.empty:
        out = out.astype({c: "int64" for c in columns if c in _INT_COLUMNS})
    return out
