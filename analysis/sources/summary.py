"""How each source is given voice: per-source and per-article summaries, and the cues used.

Built from :func:`analysis.sources.extract_quotes` output: :func:`source_summary` (one row
per source), :func:`article_summary` (one sourcing profile per article) and
:func:`cue_table` (the reporting expressions used, with their class).
"""

from __future__ import annotations

import pandas as pd

from .speaker_types import SPEAKER_TYPES, UNNAMED

SOURCE_SUMMARY_COLUMNS = [
    "speaker", "speaker_type", "named", "type_guessed", "statements", "direct", "indirect", "partial",
    "words_quoted", "share_of_voice", "cues",
]  # fmt: skip
ARTICLE_SUMMARY_COLUMNS = [
    "sources", "statements", "named_sources", "unnamed_sources", "types_guessed", "share_named",
    "share_official", "share_politics", "share_direct", "words_quoted", "share_of_voice", "loaded_cues",
    "hedged_cues", *[f"sources_{t}" for t in (*SPEAKER_TYPES, UNNAMED, "other")],
]  # fmt: skip


def source_summary(quotes: pd.DataFrame, *, article_words: int) -> pd.DataFrame:
    """One row per source: how often and how each is given voice.

    Args:
        quotes: :func:`extract_quotes` output for one article.
        article_words: number of words in the article (``Article.n_words``).

    Returns:
        DataFrame with columns :data:`SOURCE_SUMMARY_COLUMNS`, largest voice first:
        ``statements`` and their ``direct``/``indirect``/``partial`` counts,
        ``words_quoted`` (words in the attributed content) and ``share_of_voice`` (those
        words as % of the article's words), ``cues`` (the reporting expressions used).

    Example:
        >>> from analysis.sources import extract_quotes
        >>> q = extract_quotes('"We will win," Mayor Ana Ruiz said.')
        >>> source_summary(q, article_words=6)[["speaker", "words_quoted", "share_of_voice"]].values.tolist()
        [['Ana Ruiz', 3, 50.0]]
    """
    if quotes.empty:
        return pd.DataFrame(columns=SOURCE_SUMMARY_COLUMNS)
    rows = []
    for speaker, group in quotes.groupby("speaker", sort=False):
        kinds = group["kind"].value_counts()
        words = int(group["words"].sum())
        rows.append({
            "speaker": speaker, "speaker_type": group["speaker_type"].iloc[0], "named": bool(group["named"].iloc[0]),
            "type_guessed": bool(group["type_guessed"].any()) if "type_guessed" in group else False,
            "statements": len(group), "direct": int(kinds.get("direct", 0)),
            "indirect": int(kinds.get("indirect", 0)), "partial": int(kinds.get("partial", 0)),
            "words_quoted": words,
            "share_of_voice": round(100 * words / article_words, 1) if article_words else 0.0,
            "cues": ", ".join(dict.fromkeys(c.lower() for c in group["cue"])),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=SOURCE_SUMMARY_COLUMNS)
    return frame.sort_values(["words_quoted", "speaker"], ascending=[False, True]).reset_index(drop=True)


def article_summary(quotes: pd.DataFrame, *, article_words: int) -> dict:
    """Sourcing profile of one article (keys :data:`ARTICLE_SUMMARY_COLUMNS`).

    ``types_guessed`` counts the sources whose type is a guess from the story (the article
    names them with nothing that says what they are; ``type_guessed`` in
    :func:`extract_quotes`). ``share_named``, ``share_official`` and ``share_politics`` are shares of *statements*
    (0–1): how many come from a named source, how many from the speaker type
    ``government`` (officials, agencies, police, courts, the military: "official" means
    government, nothing else) and how many from ``politics`` (politicians and candidates
    speaking as such, parties, campaigns). ``sources_<type>`` counts distinct sources of
    each type.
    """
    sources = source_summary(quotes, article_words=article_words)
    n = len(quotes)
    out = {
        "sources": len(sources), "statements": n,
        "named_sources": int(sources["named"].sum()) if n else 0,
        "unnamed_sources": int((~sources["named"].astype(bool)).sum()) if n else 0,
        "types_guessed": int(sources["type_guessed"].astype(bool).sum()) if n else 0,
        "share_named": round(float(quotes["named"].mean()), 3) if n else 0.0,
        "share_official": round(float((quotes["speaker_type"] == "government").mean()), 3) if n else 0.0,
        "share_politics": round(float((quotes["speaker_type"] == "politics").mean()), 3) if n else 0.0,
        "share_direct": round(float((quotes["kind"] == "direct").mean()), 3) if n else 0.0,
        "words_quoted": int(quotes["words"].sum()) if n else 0,
        "share_of_voice": round(100 * float(quotes["words"].sum()) / article_words, 1) if n and article_words else 0.0,
        "loaded_cues": int((quotes["cue_class"] == "loaded").sum()) if n else 0,
        "hedged_cues": int((quotes["cue_class"] == "hedged").sum()) if n else 0,
    }  # fmt: skip
    for type_name in (*SPEAKER_TYPES, UNNAMED, "other"):
        out[f"sources_{type_name}"] = int((sources["speaker_type"] == type_name).sum()) if n else 0
    return out


def cue_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Reporting expressions used, with their connotation class and who they were used for.

    Columns ``cue, cue_class, statements, speakers`` (cues lower-cased), most used first.
    """
    if quotes.empty:
        return pd.DataFrame(columns=["cue", "cue_class", "statements", "speakers"])
    frame = quotes.assign(cue=quotes["cue"].str.lower())
    rows = [
        {"cue": cue, "cue_class": group["cue_class"].iloc[0], "statements": len(group),
         "speakers": ", ".join(dict.fromkeys(group["speaker"]))}
        for cue, group in frame.groupby("cue", sort=True)
    ]  # fmt: skip
    return pd.DataFrame(rows).sort_values(["statements", "cue"], ascending=[False, True]).reset_index(drop=True)
