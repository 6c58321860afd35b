"""Saving a figure: one function that writes a PNG with the same bytes for the same input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib.pyplot as plt

from ... import config
from .style import DPI


def save_figure(fig: plt.Figure, name: str, *, folder: str | Path | None = None) -> Path:
    """Write ``fig`` as ``<folder>/<name>.png`` with stable bytes; return the path.

    ``name`` starts with the notebook number (``"01_lengths"``). The default folder is
    :func:`analysis.config.figures_dir`. The PNG carries no software version or date, and
    the file is replaced atomically, so a failed save leaves the old figure in place.
    """
    folder = Path(folder) if folder else config.figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.15)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, path)
    return path
