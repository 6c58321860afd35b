"""The NLTK data packages the suite needs: downloader id, folder and purpose of each.

Imports nothing heavy: :mod:`analysis.nlp.nltk_data` locates these packages with NLTK
itself, :mod:`analysis.batch.setup` installs them, and the quick set-up check
(:mod:`analysis.batch.setup_check`) looks for them in the file system without NLTK.
"""

from __future__ import annotations

from dataclasses import dataclass


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
