"""The trained models: which module trains and measures each, for ``python -m analysis train``
and ``python -m analysis evaluate``.

Each model module offers two functions, both reading the annotated data under
:data:`analysis.config.DEVDATA_DIR` (or ``--data``):

- ``train(data_dir: Path) -> Path``: learn the weights from the *train* split and write them
  to ``analysis/lexicons/models/`` (returns the file written);
- ``evaluate(data_dir: Path) -> str``: measure the shipped weights on the *dev* split and
  return the figures as a Markdown table (the tables in the data cards in ``docs/``).

Missing data gives :class:`MissingDevData`, one line that says where the data is expected.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .. import config

#: name -> (module, what it is, the sub-folder of the development data it reads)
MODELS: dict[str, tuple[str, str, str]] = {
    "ner": ("analysis.nlp.ner_model", "named-entity recogniser", "ner"),
    "tone": ("analysis.sentiment.target_model", "tone towards a target", "target_sentiment"),
    "frames": ("analysis.framing.article_model", "article-level frames", "frames"),
}


class MissingDevData(FileNotFoundError):
    """The development data a command needs is not there."""


def data_folder(name: str, data_dir: Path | None = None) -> Path:
    """The folder of development data that model ``name`` reads; an error naming it when absent."""
    root = Path(data_dir) if data_dir else config.DEVDATA_DIR
    folder = root / MODELS[name][2]
    if not folder.is_dir():
        raise MissingDevData(
            f"no development data for the {MODELS[name][1]} at {folder}: put the devdata folder "
            "beside the project (../shared/devdata) or pass --data DIR / set MEDIAFRAMES_DEVDATA"
        )
    return folder


def model_module(name: str):
    """The module that trains and measures model ``name``."""
    return importlib.import_module(MODELS[name][0])


def train(name: str, data_dir: Path | None = None) -> Path:
    """Train model ``name`` on its train split; the weights file written."""
    folder = data_folder(name, data_dir)
    return model_module(name).train(folder)


def evaluate(name: str, data_dir: Path | None = None) -> str:
    """Measure model ``name`` on its dev split; a Markdown table."""
    folder = data_folder(name, data_dir)
    return model_module(name).evaluate(folder)
