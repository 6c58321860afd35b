"""The words behind the scores, for display: extreme sentences, a word table, highlighted HTML."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from .inputs import _require_columns
from .labels import label_compound


def extreme_sentences(scored: pd.DataFrame, *, by: str | None = "article") -> pd.DataFrame:
    """The most negative and the most positive sentence of each article.

    Args:
        scored: sentences with ``compound`` (from :func:`score_articles`).
        by: the column that names the article; ``None`` treats all rows as one text.

    Returns:
        Rows of ``scored`` (all its columns, index reset) preceded by a ``which`` column:
        for each group in order of appearance, ``"most negative"`` (lowest compound,
        only when below 0) then ``"most positive"`` (highest compound, only when above
        0). Ties go to the earlier sentence.

    Example:
        >>> scored = pd.DataFrame({"text": ["a", "b", "c"], "compound": [0.2, -0.4, 0.6]})
        >>> extreme_sentences(scored, by=None)[["which", "text"]].values.tolist()
        [['most negative', 'b'], ['most positive', 'c']]
    """
    _require_columns(scored, ["compound"] + ([by] if by is not None else []), "scored")
    frame = scored.reset_index(drop=True)
    groups = frame.groupby(by, sort=False) if by is not None else [(None, frame)]
    picks: list[tuple[str, int]] = []
    for _, group in groups:
        compound = group["compound"].astype(float)
        if (compound < 0).any():
            picks.append(("most negative", int(compound.idxmin())))
        if (compound > 0).any():
            picks.append(("most positive", int(compound.idxmax())))
    out = frame.loc[[i for _, i in picks]].reset_index(drop=True)
    out.insert(0, "which", [w for w, _ in picks])
    return out


def _num(value: float) -> str:
    """A valence for display: at most three decimals, no trailing zeros."""
    return f"{round(float(value), 3):g}"


def describe_adjustment(adjustment: dict[str, Any]) -> str:
    """One VADER adjustment in plain words: rule, trigger and what it did to the valence.

    Example:
        >>> describe_adjustment({"rule": "negation", "trigger": "not", "before": 1.9, "after": -1.406})
        "negation ('not'): 1.9 -> -1.406"
    """
    return (
        f"{adjustment['rule']} ('{adjustment['trigger']}'): "
        f"{_num(adjustment['before'])} -> {_num(adjustment['after'])}"
    )


def evidence_table(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per lexicon word that VADER scored, with the rules that changed it.

    Args:
        scored: output of :func:`score_sentences`, :func:`score_frame`,
            :func:`score_articles` or :func:`extreme_sentences` (needs the ``evidence``
            and ``compound`` columns, i.e. scored with ``evidence=True``).

    Returns:
        One row per scored word, sentences in input order and words in text order, with
        the identifying columns the input has (``which``, ``article``, ``sentence``), then
        ``compound`` (the sentence's score), ``word`` (as written), ``start``, ``end``
        (offsets into the sentence), ``valence_base`` (the lexicon value),
        ``adjustments`` (each rule in plain words, ``"; "``-separated, ``""`` when none
        applied; see :func:`describe_adjustment`) and ``valence_final``. Sentences
        without a lexicon word have no row.

    Raises:
        ValueError: the input was scored without evidence.

    Example:
        >>> from analysis.sentiment import score_sentences
        >>> table = evidence_table(score_sentences(["It is not good."]))
        >>> table[["word", "valence_base", "adjustments", "valence_final"]].values.tolist()
        [['good', 1.9, "negation ('not'): 1.9 -> -1.406", -1.406]]
    """
    _require_columns(scored, ["evidence", "compound"], "scored")
    id_cols = [c for c in ("which", "article", "sentence") if c in scored.columns]
    columns = [*id_cols, "compound", "word", "start", "end", "valence_base", "adjustments", "valence_final"]
    rows = []
    for _, row in scored.iterrows():
        for item in row["evidence"] or []:
            rows.append(
                {
                    **{c: row[c] for c in id_cols},
                    "compound": float(row["compound"]),
                    "word": item["word"],
                    "start": int(item["start"]),
                    "end": int(item["end"]),
                    "valence_base": float(item["valence_base"]),
                    "adjustments": "; ".join(describe_adjustment(a) for a in item["adjustments"]),
                    "valence_final": float(item["valence_final"]),
                }
            )
    return pd.DataFrame(rows, columns=columns)


#: Highlight colours: Okabe–Ito blue for positive words, vermilion for negative ones.
HIGHLIGHT_COLORS = {"positive": "rgba(0, 114, 178, 0.22)", "negative": "rgba(213, 94, 0, 0.28)"}


def highlight_evidence(text: str, evidence: list[dict[str, Any]] | None) -> str:
    """A sentence as escaped HTML with VADER's words and rule triggers marked.

    Each lexicon word is wrapped in ``<mark>``, blue when its final valence is positive
    and orange when it is negative, with its valences and rules in a ``title`` tooltip;
    each word that triggered a rule (``not``, ``very``, ``but`` ...) is underlined. All
    text, including the tooltips, is HTML-escaped, so article text is never run as markup.

    Args:
        text: the sentence, exactly as scored.
        evidence: its ``evidence`` list from :func:`score_sentences` (``None`` or empty
            gives the escaped sentence with no marks).

    Returns:
        An HTML fragment (no surrounding element).

    Example:
        >>> highlight_evidence("It is <not> good.", [])
        'It is &lt;not&gt; good.'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    word_at: list[dict[str, Any] | None] = [None] * len(text)
    trigger_at = [False] * len(text)
    for item in evidence or []:
        for k in range(max(0, item["start"]), min(len(text), item["end"])):
            word_at[k] = item
        for adj in item["adjustments"]:
            for k in range(max(0, adj["start"]), min(len(text), adj["end"])):
                trigger_at[k] = True
    pieces = []
    k = 0
    while k < len(text):
        j = k
        while j < len(text) and word_at[j] is word_at[k] and trigger_at[j] == trigger_at[k]:
            j += 1
        chunk = html.escape(text[k:j], quote=True)
        if trigger_at[k]:
            chunk = f'<u style="text-decoration-style: dotted">{chunk}</u>'
        item = word_at[k]
        if item is not None:
            sign = "positive" if item["valence_final"] > 0 else "negative"
            tip = f"{item['word']}: lexicon {_num(item['valence_base'])}"
            tip += "".join(f"; {describe_adjustment(a)}" for a in item["adjustments"])
            tip += f"; final {_num(item['valence_final'])}"
            chunk = (
                f'<mark style="background: {HIGHLIGHT_COLORS[sign]}; color: inherit" '
                f'title="{html.escape(tip, quote=True)}">{chunk}</mark>'
            )
        pieces.append(chunk)
        k = j
    return "".join(pieces)


def evidence_html(scored: pd.DataFrame) -> str:
    """Several scored sentences as one HTML block, words highlighted (see :func:`highlight_evidence`).

    Args:
        scored: rows with ``text``, ``compound``, ``label`` and ``evidence`` (e.g. from
            :func:`extreme_sentences`); ``which``, ``outlet``, ``article`` and
            ``sentence`` are shown in each row's heading when present.

    Returns:
        An escaped HTML fragment: a legend, then one paragraph per sentence with its
        heading, its score, and the sentence with its words marked.
    """
    _require_columns(scored, ["text", "compound", "evidence"], "scored")
    blue, orange = HIGHLIGHT_COLORS["positive"], HIGHLIGHT_COLORS["negative"]
    parts = [
        '<div class="mediaframes-evidence">',
        f'<p><mark style="background: {blue}; color: inherit">positive word</mark> '
        f'<mark style="background: {orange}; color: inherit">negative word</mark> '
        '<u style="text-decoration-style: dotted">word that changed a score</u> '
        "(hover over a marked word for its valence and rules)</p>",
    ]
    for _, row in scored.iterrows():
        heading = [str(row[c]) for c in ("which", "outlet", "article") if c in scored.columns and str(row[c])]
        if "sentence" in scored.columns:
            heading.append(f"sentence {row['sentence']}")
        label = row["label"] if "label" in scored.columns else label_compound(row["compound"])
        heading.append(f"compound {float(row['compound']):+.4f} ({label})")
        parts.append(
            f"<p><strong>{html.escape(' · '.join(heading))}</strong><br>"
            f"{highlight_evidence(row['text'], row['evidence'])}</p>"
        )
    parts.append("</div>")
    return "\n".join(parts)
