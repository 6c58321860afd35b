"""The exercises of the lesson for any story, its timed plan, and how far to trust each key.

The text of every exercise (the method in plain words, its limits, the task, the questions to
talk about, the note for the teacher) is data: ``analysis/lexicons/lesson_exercises.toml``;
the measured accuracy behind each key comes from ``measured_accuracy.toml``. The notebook
shows an exercise with :func:`exercise_markdown` and plans the class with :func:`lesson_plan`.

Example:
    >>> plan = lesson_plan(["dominant_voice", "leading_frame"], minutes=30)
    >>> plan["minutes"].sum(), plan["part"].tolist()
    (30, ['Introduction', 'Sources', 'Frames', 'Discussion'])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ...lexicons import table

#: name -> the exercise's fields, in teaching order.
EXERCISES: dict[str, dict] = dict(table("lesson_exercises.toml"))
#: analysis -> {"summary", "doc"}: how often it agrees with people, in plain words.
ACCURACY: dict[str, dict] = dict(table("measured_accuracy.toml"))

_INTRO, _DISCUSSION = "Introduction", "Discussion"


def chosen(exercises: Sequence[str] | None) -> list[str]:
    """The exercises to teach, in teaching order (all when ``exercises`` is empty).

    Raises:
        ValueError: naming an exercise that does not exist, and listing those that do.
    """
    if not exercises:
        return list(EXERCISES)
    unknown = [e for e in exercises if e not in EXERCISES]
    if unknown:
        raise ValueError(f"no exercise {', '.join(map(repr, unknown))}; the exercises are: {', '.join(EXERCISES)}")
    return [e for e in EXERCISES if e in exercises]


def lesson_plan(exercises: Sequence[str] | None = None, *, minutes: int = 45) -> pd.DataFrame:
    """The timed plan: ``start, end, minutes, part, what`` for the introduction, each
    exercise (its share of the time after the introduction and discussion) and the discussion.

    Raises:
        ValueError: ``minutes`` too short for the introduction, the discussion and a few
            minutes per exercise.
    """
    names = chosen(exercises)
    edge = max(3, round(minutes * 0.1))
    if minutes < 2 * edge + 3 * len(names):
        raise ValueError(f"{minutes} minutes is too short for {len(names)} exercises: allow at least {2 * edge + 3 * len(names)}")
    rest = minutes - 2 * edge
    weights = [EXERCISES[n]["minutes"] for n in names]
    shares = [rest * w // sum(weights) for w in weights]
    for i in range(rest - sum(shares)):  # whole minutes: the remainder goes to the first exercises
        shares[i % len(shares)] += 1
    rows, start = [], 0
    parts = [(_INTRO, edge, "read the reports; say in one sentence what happened")]
    parts += [(EXERCISES[n]["part"], m, f"exercise {i}: {EXERCISES[n]['title'][0].lower()}{EXERCISES[n]['title'][1:]}")
              for i, (n, m) in enumerate(zip(names, shares), start=1)]  # fmt: skip
    parts.append((_DISCUSSION, edge, "the discussion questions; where the key and the class disagree"))
    for part, length, what in parts:
        rows.append({"start": start, "end": start + length, "minutes": length, "part": part, "what": what})
        start += length
    return pd.DataFrame(rows)


def plan_markdown(plan: pd.DataFrame) -> str:
    """The plan as a Markdown table for the notebook."""
    lines = ["| time | part | what students do |", "| --- | --- | --- |"]
    lines += [f"| {r.start}–{r.end} min | **{r.part}** | {r.what} |" for r in plan.itertuples()]
    return "\n".join(lines)


def accuracy_note(name: str) -> str:
    """How far to trust the key of exercise ``name``, in plain words, with where the figures are."""
    entry = ACCURACY[EXERCISES[name]["accuracy"]]
    return f"{entry['summary']} (Figures and how they were measured: `{entry['doc']}`.)"


def exercise_markdown(name: str, number: int, labels: Mapping[str, str], *, minutes: int | None = None) -> str:
    """Part ``number`` of the lesson: the method, its limits, how far to trust the key, and
    the task, with the answer cell's shape for these reports (``labels``: id -> name)."""
    ex = EXERCISES[name]
    when = f" ({minutes} minutes)" if minutes else ""
    reports = list(labels.values())
    shape = "\n".join(f"    {i}: {ex['example']},  # {label}" for i, label in enumerate(reports, start=1))
    return "\n\n".join([
        f"## Part {number + 1} · {ex['part']}{when}: {ex['title'][0].lower()}{ex['title'][1:]}",
        f"**The method in plain words.** {ex['method']}",
        f"*Limits:* {ex['limits']}",
        f"**How far to trust the key.** {accuracy_note(name)} An answer the check marks \"not in the key\" "
        "may be right: look for it in the text and argue for it.",
        f"### Exercise {number} · {ex['title']}",
        ex["task"],
        f"Write your answer in the cell below, one line per report (the numbers are the reports as listed "
        f"at the top), for example:\n\n```python\n{{\n{shape}\n}}\n```",
    ])  # fmt: skip


def talk_markdown(name: str) -> str:
    """The questions to talk about after exercise ``name``."""
    return f"**Talk about it.** {EXERCISES[name]['talk']}"


def teacher_note(name: str) -> str:
    """The note on exercise ``name`` for the teacher's key."""
    return EXERCISES[name]["teacher"]


def exercise_parts(exercises: Sequence[str] | None, labels: Mapping[str, str], *, minutes: int = 45) -> dict[str, str]:
    """exercise -> its part of the lesson in Markdown (:func:`exercise_markdown`), numbered
    and timed as in :func:`lesson_plan`; only the chosen exercises."""
    names = chosen(exercises)
    plan = lesson_plan(names, minutes=minutes)
    return {name: exercise_markdown(name, number, labels, minutes=int(plan["minutes"].iloc[number]))
            for number, name in enumerate(names, start=1)}  # fmt: skip
