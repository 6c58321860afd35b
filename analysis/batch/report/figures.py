"""Which figures each notebook wrote: the PNG files changed while it ran, and, when
notebooks ran side by side, each figure credited to the notebook whose number it carries."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .run import NotebookResult


def _png_files(folder: Path | None) -> dict[str, tuple[int, int, int]]:
    """PNG name -> (inode, mtime, size): a figure rewritten in place or replaced changes it."""
    if folder is None or not Path(folder).is_dir():
        return {}
    out = {}
    for path in Path(folder).glob("*.png"):
        with contextlib.suppress(OSError):
            st = path.stat()
            out[path.name] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def _number(name: str) -> str:
    """The leading number of a notebook or figure name (``"01_lengths.png"`` -> ``"01"``)."""
    m = re.match(r"\d+", name)
    return m.group(0) if m else ""


def _credit_figures(results: list[NotebookResult], windows: dict[str, tuple[float, float]]) -> list[NotebookResult]:
    """Results whose figures are the ones each notebook wrote, when notebooks ran side by side.

    A notebook lists the figures that changed while it ran, so a figure written while two
    notebooks ran shows in both. It stays with the one whose number it carries
    (:func:`analysis.present.plots.save_figure` names figures ``01_lengths``, ``02_...``; the
    notebooks are ``01_corpus``, ``02_framing``) and leaves the other; a figure whose number
    matches neither, or that has none, stays with both. A run one notebook at a time needs
    none of this: its notebooks never overlap.
    """
    from dataclasses import replace

    def overlap(a: str, b: str) -> bool:
        (a0, a1), (b0, b1) = windows[a], windows[b]
        return a0 < b1 and b0 < a1

    credited = []
    for result in results:
        keep = []
        for figure in result.figures:
            number = _number(Path(figure).name)
            rivals = [
                other.notebook for other in results
                if other is not result and figure in other.figures and overlap(result.notebook, other.notebook)
            ]  # fmt: skip
            if number and number != _number(result.notebook) and any(_number(r) == number for r in rivals):
                continue
            keep.append(figure)
        credited.append(replace(result, figures=tuple(keep)))
    return credited
