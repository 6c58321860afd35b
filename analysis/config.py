"""Every path the suite uses, derived from the package location.

Notebooks and tests import these names instead of spelling relative paths.
Three environment variables redirect output without touching code:
``MEDIAFRAMES_FIGURES_DIR`` (where figures are written), ``MEDIAFRAMES_REPORTS_DIR``
(where the batch writes executed notebooks and HTML) and ``MEDIAFRAMES_CACHE_DIR`` (where
cached analysis results are kept, see ``analysis.cache``).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
MANIFEST = SEEDS_DIR / "manifest.csv"
NOTEBOOKS_DIR = ROOT / "notebooks"
FIGURES_DIR = ROOT / "figures"
REPORTS_DIR = ROOT / "reports"
CACHE_DIR = ROOT / ".cache"
NLTK_DATA_DIR = ROOT / ".nltk_data"
#: When set to a non-empty value other than ``0``, cached analysis results are neither read
#: nor written (see ``analysis.cache``).
NO_CACHE_ENV = "MEDIAFRAMES_NO_CACHE"
#: The local mirror of NLTK data used when there is no network (see ``analysis.nlp.nltk_data``).
DEFAULT_NLTK_MIRROR = ROOT.parent / "shared" / "nltk_data"
#: Annotated development data (train and dev splits) that the models are trained and measured on;
#: ``$MEDIAFRAMES_DEVDATA`` overrides it. Never copied into the project.
DEVDATA_DIR = Path(os.environ.get("MEDIAFRAMES_DEVDATA") or ROOT.parent / "shared" / "devdata")


def figures_dir() -> Path:
    """Folder where figures are written (``MEDIAFRAMES_FIGURES_DIR`` overrides)."""
    return Path(os.environ.get("MEDIAFRAMES_FIGURES_DIR") or FIGURES_DIR)


def reports_dir() -> Path:
    """Folder where the batch writes reports (``MEDIAFRAMES_REPORTS_DIR`` overrides)."""
    return Path(os.environ.get("MEDIAFRAMES_REPORTS_DIR") or REPORTS_DIR)


def cache_dir() -> Path:
    """Folder of cached analysis results (``MEDIAFRAMES_CACHE_DIR`` overrides)."""
    return Path(os.environ.get("MEDIAFRAMES_CACHE_DIR") or CACHE_DIR)
