"""What kind of source speaks: media, academic, government, company, civil society.

The types and their cue words are data (``analysis/lexicons/speaker_types.toml``),
checked in file order: the first type with a cue word among a source's words wins.
"""

from __future__ import annotations

from ..lexicons import table
from .tokens import _words_of

#: Speaker types, with the words in a source's name or role that decide them, checked in
#: this order (the first matching type wins). A country speaking is its government.
#: Read from ``analysis/lexicons/speaker_types.toml``.
SPEAKER_TYPES: dict[str, tuple[str, ...]] = {name: tuple(cues) for name, cues in table("speaker_types.toml").items()}
UNNAMED = "unnamed"


def _type_of_words(words: set[str]) -> str:
    """The first type with a cue among ``words`` (a cue of several words needs them all), else ``other``."""
    for type_name, cues in SPEAKER_TYPES.items():
        for cue in cues:
            if " " in cue:
                if all(part in words for part in cue.split()):
                    return type_name
            elif cue in words:
                return type_name
    return "other"


def speaker_type(name: str, words: set[str] | frozenset[str] = frozenset(), *, is_place: bool = False) -> str:
    """Type of a source from its name and the role words used for it (see :data:`SPEAKER_TYPES`).

    >>> speaker_type("Dmitry Peskov", {"kremlin", "spokesman"}), speaker_type("Kommersant")
    ('government', 'media')
    """
    if name == UNNAMED:
        return UNNAMED
    if is_place:
        return "government"
    return _type_of_words(set(words) | _words_of(name))
