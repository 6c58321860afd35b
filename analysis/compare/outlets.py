"""Many reports read as a few outlets: grouping, pooling and averaging per-report results by
outlet, and picking the reports whose evidence is shown.

With dozens of reports a table with one column per report, or a figure with one bar per
report, cannot be read. These group the reports by outlet, or pick a few to show.
"""

from __future__ import annotations

import pandas as pd


def first_per_outlet(outlets: dict[str, str], *, per_outlet: int = 1) -> list[str]:
    """The ids of the first ``per_outlet`` reports of each outlet, in the order of ``outlets``:
    the reports whose evidence a notebook shows when there are too many to show them all.

    >>> first_per_outlet({"a": "X", "b": "X", "c": "Y"})
    ['a', 'c']
    """
    if per_outlet < 1:
        raise ValueError(f"per_outlet must be at least 1, got {per_outlet}")
    seen: dict[str, int] = {}
    picked = []
    for article_id, outlet in outlets.items():
        seen[outlet] = seen.get(outlet, 0) + 1
        if seen[outlet] <= per_outlet:
            picked.append(article_id)
    return picked


def keep_articles(frame: pd.DataFrame, ids, *, column: str = "article") -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` is one of ``ids``, in the frame's order (a copy).

    >>> keep_articles(pd.DataFrame({"article": ["a", "b", "a"], "n": [1, 2, 3]}), ["a"])["n"].tolist()
    [1, 3]
    """
    return frame.loc[frame[column].isin(list(ids))].copy()


def pool_by_outlet(frame: pd.DataFrame, outlets: dict[str, str], *, column: str = "article") -> pd.DataFrame:
    """A copy of a per-article table with each article id replaced by its outlet.

    A function that summarises per article (:func:`analysis.framing.stance_counts`,
    :func:`analysis.framing.actor_table`, :func:`analysis.sentiment.tone_towards`,
    :func:`analysis.sources.cue_table`, ...) then summarises per outlet, pooling the rows of
    all its reports. Rows of articles not in ``outlets`` are dropped.

    >>> pool_by_outlet(pd.DataFrame({"article": ["a", "b", "c"]}), {"a": "X", "b": "X"})["article"].tolist()
    ['X', 'X']
    """
    kept = frame.loc[frame[column].isin(list(outlets))].copy()
    kept[column] = kept[column].map(outlets)
    return kept


def outlet_texts(texts: dict[str, str], outlets: dict[str, str]) -> dict[str, str]:
    """Outlet -> the texts of its reports joined by a blank line (outlets in order of first
    appearance), e.g. to compare the vocabulary of outlets with
    :func:`analysis.framing.distinctive_terms` (no two-word phrase spans two reports).

    >>> outlet_texts({"a": "One.", "b": "Two.", "c": "Three."}, {"a": "X", "b": "Y", "c": "X"})
    {'X': 'One.\\n\\nThree.', 'Y': 'Two.'}
    """
    joined: dict[str, list[str]] = {}
    for article_id, outlet in outlets.items():
        if article_id in texts:
            joined.setdefault(outlet, []).append(texts[article_id])
    return {outlet: "\n\n".join(parts) for outlet, parts in joined.items()}


def mean_by_outlet(table: pd.DataFrame, outlets: dict[str, str]) -> pd.DataFrame:
    """A side-by-side table (rows: measures, columns: article ids, as :func:`side_by_side`
    or :func:`sourcing_profiles`) reduced to one column per outlet: the mean over its reports.

    Rows holding text (a headline, a label) are left out; a missing value is skipped. The
    first row, ``reports``, says how many reports each mean is over.

    >>> t = pd.DataFrame({"a": [1.0, "x"], "b": [3.0, "y"], "c": [5.0, "z"]}, index=["words", "label"])
    >>> mean_by_outlet(t, {"a": "X", "b": "X", "c": "Y"}).to_dict()
    {'X': {'reports': 2.0, 'words': 2.0}, 'Y': {'reports': 1.0, 'words': 5.0}}
    """
    ids = [a for a in table.columns if a in outlets]
    names = list(dict.fromkeys(outlets[a] for a in ids))
    rows = {"reports": {o: float(sum(outlets[a] == o for a in ids)) for o in names}}
    for measure, values in table[ids].iterrows():
        numbers = pd.to_numeric(values.map(lambda v: float("nan") if isinstance(v, (str, bytes)) else v), errors="coerce")
        if numbers.notna().sum() != values.notna().sum() or not numbers.notna().any():
            continue
        rows[measure] = numbers.groupby(numbers.index.map(outlets), sort=False).mean().reindex(names).to_dict()
    out = pd.DataFrame.from_dict(rows, orient="index")[names]
    out.index.name = table.index.name
    return out


def outlet_profile(
    outlets: dict[str, str],
    *,
    profile: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pooled: pd.DataFrame | None = None,
    tone: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per outlet, the mean over its articles of each measure, so many articles read as a few rows.

    Args:
        outlets: article id -> outlet (e.g. :func:`article_labels` of a single-outlet set, or
            the ``articles`` table's two columns); outlets in order of first appearance.
        profile: :func:`analysis.framing.frame_profile` output: adds ``frame: NAME`` columns,
            the mean share (0..1) of sentences showing each frame.
        quotes: :func:`quotes_by_article` output: adds ``share_official`` and
            ``share_politics``, the mean over the outlet's articles with statements of the
            share from sources of type ``government`` and ``politics`` (0..1).
        pooled: :func:`analysis.sentiment.narration_vs_quotes` output: adds
            ``narrator_mean`` and ``quoted_mean``.
        tone: a table with ``article`` and ``mean_compound`` (e.g.
            :func:`analysis.sentiment.article_tone`): adds ``mean_compound``.

    Returns:
        One row per outlet: ``outlet``, ``articles`` (how many), then the columns above.
        Every mean counts each article once and skips articles without the measure.
    """
    names = list(dict.fromkeys(outlets.values()))
    out = pd.DataFrame({"outlet": names, "articles": [list(outlets.values()).count(o) for o in names]}).set_index("outlet")

    def mean_by_outlet(frame: pd.DataFrame, columns) -> pd.DataFrame:
        frame = frame[frame["article"].isin(outlets)]
        return frame.assign(outlet=frame["article"].map(outlets)).groupby("outlet")[list(columns)].mean()

    if profile is not None:
        wide = profile.pivot_table(index="article", columns="frame", values="share", sort=False).reset_index()
        frames = list(dict.fromkeys(profile["frame"]))
        out = out.join(mean_by_outlet(wide, frames).rename(columns=lambda f: f"frame: {f}"))
    if quotes is not None:
        official = (quotes["speaker_type"] == "government").groupby(quotes["article"]).mean()
        out = out.join(mean_by_outlet(official.rename("share_official").reset_index(), ["share_official"]))
        politics = (quotes["speaker_type"] == "politics").groupby(quotes["article"]).mean()
        out = out.join(mean_by_outlet(politics.rename("share_politics").reset_index(), ["share_politics"]))
    if tone is not None:
        out = out.join(mean_by_outlet(tone, ["mean_compound"]))
    if pooled is not None:
        out = out.join(mean_by_outlet(pooled, ["narrator_mean", "quoted_mean"]))
    return out.reset_index()


def outlet_share_of_voice(by_source: pd.DataFrame, words: dict[str, int], outlets: dict[str, str]) -> pd.DataFrame:
    """Each outlet's sources: the share of all its reports' words given to each source.

    Args:
        by_source: :func:`sources_by_article` output (``article, speaker, speaker_type,
            named, statements, words_quoted``).
        words: article id -> number of words in the report.
        outlets: article id -> outlet (outlets in order of first appearance).

    Returns:
        One row per outlet and source, with columns ``outlet, speaker, speaker_type, named,
        type_guessed`` (as in the first report quoting the source), ``reports`` (how many of the outlet's
        reports quote it), ``statements``, ``words_quoted`` and ``share_of_voice`` (its
        words as % of the words of all the outlet's reports, one decimal); per outlet the
        largest voice first.
    """
    columns = ["outlet", "speaker", "speaker_type", "named", "type_guessed", "reports", "statements", "words_quoted", "share_of_voice"]
    total = {}
    for article_id, outlet in outlets.items():
        total[outlet] = total.get(outlet, 0) + int(words.get(article_id, 0))
    rows = by_source[by_source["article"].isin(list(outlets))]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(outlet=rows["article"].map(outlets))
    if "type_guessed" not in rows:
        rows = rows.assign(type_guessed=False)
    grouped = rows.groupby(["outlet", "speaker"], sort=False).agg(
        speaker_type=("speaker_type", "first"), named=("named", "first"), type_guessed=("type_guessed", "first"), reports=("article", "nunique"),
        statements=("statements", "sum"), words_quoted=("words_quoted", "sum"),
    ).reset_index()  # fmt: skip
    grouped["share_of_voice"] = [
        round(100 * w / total[o], 1) if total[o] else 0.0 for o, w in zip(grouped["outlet"], grouped["words_quoted"])
    ]
    order = {o: i for i, o in enumerate(dict.fromkeys(outlets.values()))}
    grouped = grouped.assign(_order=grouped["outlet"].map(order))
    grouped = grouped.sort_values(["_order", "words_quoted", "speaker"], ascending=[True, False, True], kind="stable")
    return grouped[columns].reset_index(drop=True)


def outlet_timeline(timeline: pd.DataFrame, outlets: dict[str, str], *, bins: int = 5) -> pd.DataFrame:
    """Tone along the reports of each outlet: the mean compound score per stretch of the article.

    Every report is cut into ``bins`` equal stretches of its length (by sentence position,
    0 to 1); a stretch's mean is over all the sentences that fall in it, in all the outlet's
    reports.

    Args:
        timeline: :func:`analysis.sentiment.tone_timeline` output (``article, position,
            compound``).
        outlets: article id -> outlet (outlets in order of first appearance).
        bins: how many stretches (at least 1).

    Returns:
        One row per outlet and stretch that holds sentences, with columns ``outlet, bin``
        (0 = opening), ``position`` (the stretch's middle, 0..1), ``mean_compound``,
        ``n_sentences`` and ``n_articles``.

    >>> t = pd.DataFrame({"article": ["a", "a", "b", "b"], "position": [0.0, 1.0, 0.0, 1.0],
    ...                   "compound": [-0.5, 0.2, -0.1, 0.4]})
    >>> outlet_timeline(t, {"a": "X", "b": "X"}, bins=2)[["bin", "mean_compound"]].round(2).values.tolist()
    [[0.0, -0.3], [1.0, 0.3]]
    """
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    columns = ["outlet", "bin", "position", "mean_compound", "n_sentences", "n_articles"]
    rows = timeline[timeline["article"].isin(list(outlets))]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(
        outlet=rows["article"].map(outlets),
        bin=[min(int(p * bins), bins - 1) for p in rows["position"].astype(float)],
    )
    out = rows.groupby(["outlet", "bin"], sort=False).agg(
        mean_compound=("compound", "mean"), n_sentences=("compound", "size"), n_articles=("article", "nunique"),
    ).reset_index()  # fmt: skip
    out["position"] = (out["bin"] + 0.5) / bins
    order = {o: i for i, o in enumerate(dict.fromkeys(outlets.values()))}
    out = out.assign(_order=out["outlet"].map(order)).sort_values(["_order", "bin"], kind="stable")
    return out[columns].reset_index(drop=True)

