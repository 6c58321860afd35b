"""Locate and check the NLTK data the suite needs, without ever downloading at import.

NLTK models are data, not code. The suite reads them from NLTK's usual search path
(``NLTK_DATA`` and the standard folders) plus the project's own ``.nltk_data`` folder.
:func:`analysis.batch.setup.ensure` is the set-up step (``python -m analysis setup``): it
copies missing packages from a local mirror (``NLTK_DATA_MIRROR``, by default
``../shared/nltk_data`` when it exists) or else fetches them with NLTK's downloader.
Analysis code calls :func:`require` (or a cached loader built on it), which raises one clear
:class:`MissingNLTKDataError` naming the package and the command that installs it.
"""

from __future__ import annotations

from pathlib import Path

import nltk

from .. import config
from .nltk_packages import PACKAGES, Package  # noqa: F401  (re-exported)

SETUP_COMMAND = "make setup  (or: python -m analysis setup)"


class MissingNLTKDataError(LookupError):
    """An NLTK data package the analysis needs is not installed."""

    def __init__(self, package: str):
        purpose = PACKAGES[package].purpose if package in PACKAGES else "analysis"
        super().__init__(
            f"NLTK data package '{package}' ({purpose}) is not installed. "
            f"Install it with: {SETUP_COMMAND}. "
            f"Searched: {', '.join(str(p) for p in nltk.data.path)}"
        )
        self.package = package

    def __reduce__(self):
        # rebuilt from the package name when it crosses processes (a worker's error), not
        # from the message, which would be taken for the name
        return type(self), (self.package,)


def add_project_path() -> None:
    """Put the project's ``.nltk_data`` folder on NLTK's search path (no download)."""
    project = str(config.NLTK_DATA_DIR)
    if project not in nltk.data.path:
        nltk.data.path.append(project)


add_project_path()


def is_installed(package: str) -> bool:
    """True when NLTK can find ``package`` on its search path."""
    try:
        location(package)
    except MissingNLTKDataError:
        return False
    return True


def require(package: str) -> None:
    """Raise :class:`MissingNLTKDataError` unless ``package`` is installed."""
    if not is_installed(package):
        raise MissingNLTKDataError(package)


def location(package: str) -> Path:
    """The folder or zip file from which NLTK loads ``package`` (what :func:`require` checks).

    Raises:
        MissingNLTKDataError: the package is not installed.
    """
    for probe in PACKAGES[package].probes():
        try:
            pointer = nltk.data.find(probe)
        except LookupError:
            continue
        zipped = getattr(pointer, "zipfile", None)
        return Path(zipped.filename if zipped is not None else pointer.path)
    raise MissingNLTKDataError(package)
