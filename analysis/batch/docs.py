"""The documents made from the word lists: ``python -m analysis docs``.

``docs/framing_rules.md`` is generated whole from the frame-cue and stance files
(:func:`analysis.framing.rules_doc.framing_rules_markdown`); in ``docs/sources.md`` the
reporting-verb table between the lines ``<!-- BEGIN generated: reporting verbs -->`` and
``<!-- END generated -->`` is generated from ``reporting_verbs.csv``
(:func:`analysis.sources.verb_table_markdown`), the prose around it is written by hand.
After adding a cue or a verb to ``analysis/lexicons/``, run ``python -m analysis docs``
(or ``make docs``); the tests fail while a committed document differs from its word lists.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .. import config

BEGIN = "<!-- BEGIN generated: reporting verbs -->"
END = "<!-- END generated -->"


def _framing_rules(_current: str) -> str:
    from ..framing.rules_doc import framing_rules_markdown

    return framing_rules_markdown()


def _sources(current: str) -> str:
    from ..sources import verb_table_markdown

    lines = current.splitlines(keepends=True)
    try:
        begin = next(i for i, line in enumerate(lines) if line.strip() == BEGIN)
        end = next(i for i, line in enumerate(lines) if i > begin and line.strip() == END)
    except StopIteration:
        raise ValueError(f"docs/sources.md has no lines {BEGIN} ... {END} around the verb table") from None
    return "".join(lines[: begin + 1]) + verb_table_markdown() + "".join(lines[end:])


#: Each generated document (relative to the project) and how to make it from its current text.
DOCUMENTS = {"docs/framing_rules.md": _framing_rules, "docs/sources.md": _sources}


def stale_docs(root: Path = config.ROOT) -> dict[Path, str]:
    """The generated documents under ``root`` that differ from their word lists, with the text they should have."""
    stale = {}
    for name, make in DOCUMENTS.items():
        path = Path(root) / name
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        expected = make(current)
        if expected != current:
            stale[path] = expected
    return stale


def write_docs(root: Path = config.ROOT) -> list[Path]:
    """Regenerate the documents that differ from their word lists (written atomically); the ones written."""
    written = []
    for path, text in stale_docs(root).items():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".partial", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(path)
    return written
