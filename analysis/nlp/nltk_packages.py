"""The NLTK data packages the suite needs, and a quick check for them that imports nothing.

:mod:`analysis.nltkdata` installs and locates these packages with NLTK itself. Importing
NLTK (and the pandas table :func:`analysis.nltkdata.ensure` returns) costs about half a
second, which ``make report`` and ``make test`` would pay at every run only to find that
nothing is missing. :func:`ready_in_usual_places` answers that common case from the file
system alone; when it cannot say yes, the set-up step asks NLTK.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import config


@dataclass(frozen=True)
class Package:
    """One NLTK data package: its downloader id and where it lives in a data folder."""

    name: str
    folder: str  # "corpora", "tokenizers", ...
    probe: str  # resource path given to nltk.data.find (the ".zip" form is tried too)
    purpose: str

    def probes(self) -> tuple[str, ...]:
        """Resource paths that show the package is installed: unpacked folder or zip."""
        base = self.probe.rstrip("/")
        if base.endswith(".zip"):
            return (base,)
        leaf = base.rsplit("/", 1)[-1]
        return (self.probe, f"{base}.zip/{leaf}/")

    def files(self) -> tuple[str, ...]:
        """Paths inside a data folder whose presence shows the package: folder or zip file."""
        base = self.probe.rstrip("/")
        return (base,) if base.endswith(".zip") else (base, f"{self.folder}/{self.name}.zip")


PACKAGES: dict[str, Package] = {
    p.name: p
    for p in [
        Package("punkt_tab", "tokenizers", "tokenizers/punkt_tab/english/", "sentence splitting"),
        Package(
            "averaged_perceptron_tagger_eng",
            "taggers",
            "taggers/averaged_perceptron_tagger_eng/",
            "part-of-speech tagging",
        ),
        Package("universal_tagset", "taggers", "taggers/universal_tagset", "universal POS tags"),
        Package("vader_lexicon", "sentiment", "sentiment/vader_lexicon.zip", "VADER sentiment"),
        Package("opinion_lexicon", "corpora", "corpora/opinion_lexicon", "Hu & Liu lexicon"),
        Package("stopwords", "corpora", "corpora/stopwords", "stop words, language check"),
        Package("words", "corpora", "corpora/words", "English word list"),
        Package("names", "corpora", "corpora/names", "first names for the recogniser"),
        Package("gazetteers", "corpora", "corpora/gazetteers", "place names for the recogniser"),
    ]
}


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
