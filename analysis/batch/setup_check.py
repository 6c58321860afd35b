"""Is the NLTK data already in place? A quick check from the file system alone.

Importing NLTK (and the pandas table :func:`analysis.batch.setup.ensure` returns) costs about
half a second, which ``make report`` and ``make test`` would pay at every run only to find
that nothing is missing. :func:`ready_in_usual_places` answers that common case without
them (this module imports neither); when it cannot say yes, the set-up step asks NLTK.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .. import config
from ..nlp.nltk_packages import PACKAGES


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else (NLTK refuses other data)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usual_folders() -> list[Path]:
    """The folders set-up installs into and reads first: ``NLTK_DATA``'s, then ``.nltk_data``."""
    folders = [Path(p) for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    return [*folders, config.NLTK_DATA_DIR]


def ready_in_usual_places(packages: list[str] | None = None) -> bool:
    """True when every package lies, unpacked or zipped and private to this user, in one of
    :func:`usual_folders` (where set-up puts them). False means "ask NLTK", not "missing":
    a package may also sit in one of NLTK's other folders."""
    folders = usual_folders()
    for name in PACKAGES if packages is None else packages:
        found = any(
            (folder / relative).exists() and _private(folder / relative)
            for folder in folders
            for relative in PACKAGES[name].files()
        )
        if not found:
            return False
    return True
