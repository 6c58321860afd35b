"""``docs/framing_rules.md``, written from the word lists it documents.

The document's prose lives in :mod:`.rules_doc_template`; every list in it (frame cues and
their questions, stop phrases, stance markers, evaluative adjectives, entity aliases, fixed
expressions, subject pronouns) is written here from the data files in
``analysis/lexicons/``, so the document cannot fall behind them. ``python -m analysis docs``
writes the file; a test checks that the committed file is up to date.

Example:
    >>> framing_rules_markdown().startswith("# Framing rules: what `analysis.framing` counts")
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lexicons import table, words
from .entity_items import ENTITY_ALIASES
from .frames import _STOP_PHRASES
from .rules import (
    _FIRST_PERSON_CUE,
    _FIRST_PERSON_QUESTION,
    _POLICY_DESCRIPTIONS,
    _UNCODED,
    FRAME_RULES,
    GENERIC_QUESTIONS,
)
from .rules_doc_template import TEMPLATE
from .stance import _MODAL_HEDGES, EVALUATIVE_ADJECTIVES, STANCE_MARKERS


def _codes(items: Iterable[str]) -> str:
    """Items as inline code, comma-separated: ```a`, `b```."""
    return ", ".join(f"`{item}`" for item in items)


def _generic_frames() -> str:
    """One section per generic frame: each battery question with its cues."""
    blocks = []
    for frame, questions in FRAME_RULES["generic"].items():
        lines = [f"### `{frame}`", ""]
        for question, text in GENERIC_QUESTIONS.items():
            if question.split(".")[0] != frame:
                continue
            lines.append(f"- **`{question}`** — *{text}*  ")
            if question in questions:
                cues = _codes(questions[question])
                if question == _FIRST_PERSON_QUESTION:
                    cues += f", and the `{_FIRST_PERSON_CUE}` rule (below)"
                lines.append(f"  {cues}")
            else:
                lines.append(f"  No cues: {_UNCODED.get(question, 'not coded')}.")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _policy_frames() -> str:
    """One item per policy dimension: its codebook description and its cues."""
    lines = []
    for frame, questions in FRAME_RULES["policy"].items():
        for question, cues in questions.items():
            lines.append(f"- **`{frame}`** — {_POLICY_DESCRIPTIONS[question]}.  ")
            lines.append(f"  {_codes(cues)}")
    return "\n".join(lines)


def _entity_aliases() -> str:
    """One item per name, with the aliases that count as it (in file order)."""
    by_name: dict[str, list[str]] = {}
    for alias, name in ENTITY_ALIASES.items():
        by_name.setdefault(name, []).append(alias)
    return "\n".join(f"  - `{name}` ← {_codes(aliases)}" for name, aliases in by_name.items())


def _trust_table() -> str:
    """Per frame: the suite's agreement with coders next to the coders' own, in plain words."""
    from .trust import frame_trust

    lines = ["| frame | suite vs coders | coder vs coder | yes for every article | suite says yes: coders agree | in plain words |",
             "|---|---:|---:|---:|---:|---|"]
    for row in frame_trust().itertuples():
        lines.append(f"| {row.frame.replace('_', ' ')} | {row.suite_f1:.2f} | {row.coders_f1:.2f} | "
                     f"{row.every_frame_f1:.2f} | {round(row.precision * 10):.0f} in 10 | {row.in_words} |")
    return "\n".join(lines)


def _gate(key: str):
    return table("frame_cues_generic.toml")["gates"]["economic"][key]


def framing_rules_markdown() -> str:
    """The whole of ``docs/framing_rules.md``: the prose of :mod:`.rules_doc_template` with
    every list written from the data files in ``analysis/lexicons/``.

    The lists: the stop phrases (``frame_stop_phrases.txt``); the generic frames, one
    section per frame with each battery question and its cues (``frame_cues_generic.toml``);
    the policy dimensions with their descriptions and cues (``frame_cues_policy.toml``); the
    subject pronouns of the chunker (``chunk_function_words.toml``); the stance markers and
    modal hedges (``stance_markers.toml``); the evaluative adjectives, sorted
    (``evaluative_adjectives.txt``); the entity aliases grouped by name
    (``entity_aliases.csv``); the fixed expressions of omissions
    (``omission_fixed_expressions.txt``).

    Returns:
        The Markdown text, ending with a newline.
    """
    pronouns = table("chunk_function_words.toml")["subject_pronouns"]
    return TEMPLATE.format(
        stop_phrases=_codes(_STOP_PHRASES),
        generic_frames=_generic_frames(),
        trust_table=_trust_table(),
        economic_gated=_codes(_gate("needs")),
        economic_window=_gate("window"),
        economic_with=_codes(_gate("with")),
        economic_never=_codes(_gate("never_with")),
        policy_frames=_policy_frames(),
        subject_pronouns=_codes("I" if word == "i" else word for word in pronouns),
        stance_lists="\n".join(f"- **`{category}`**: {_codes(cues)}" for category, cues in STANCE_MARKERS.items()),
        modal_hedges=_codes(_MODAL_HEDGES),
        evaluative_adjectives=_codes(sorted(EVALUATIVE_ADJECTIVES)),
        entity_aliases=_entity_aliases(),
        fixed_expressions=_codes(words("omission_fixed_expressions.txt")),
    )
