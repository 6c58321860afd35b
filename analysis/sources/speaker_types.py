"""What kind of source speaks: media, academic, civil society, company, politics, government, citizen.

The types and their cue words are data (``analysis/lexicons/speaker_types.toml``, which
describes each type). A source's titles decide first ("Sen." politics, "FBI Director"
government, see :func:`analysis.sources.names.title_types`); else the cue words of its
name, mentions and appositions, checked in file order: the first type with a cue word
among them wins. A place speaking is its government; a source with no name is
``unnamed``; a named source that matches nothing is ``other``.
"""

from __future__ import annotations

from ..lexicons import table
from .tokens import _words_of

#: Speaker types, with the words in a source's name or role that decide them, checked in
#: this order (the first matching type wins). A country speaking is its government.
#: Read from ``analysis/lexicons/speaker_types.toml``.
SPEAKER_TYPES: dict[str, tuple[str, ...]] = {name: tuple(cues) for name, cues in table("speaker_types.toml").items()}
UNNAMED = "unnamed"
CANDIDACY: tuple[str, ...] = tuple(table("speaker_titles.toml")["candidacy"])
#: Every type a source can get, in display order.
ALL_TYPES: tuple[str, ...] = (*SPEAKER_TYPES, "other", UNNAMED)


# per type, its one-word cues as a set and its cues of several words as word tuples
_CUES = [
    (name, frozenset(c for c in cues if " " not in c), [tuple(c.split()) for c in cues if " " in c])
    for name, cues in SPEAKER_TYPES.items()
]


def _type_of_words(words: set[str]) -> str:
    """The first type with a cue among ``words`` (a cue of several words needs them all), else ``other``."""
    for type_name, single, multi in _CUES:
        if not single.isdisjoint(words) or any(all(part in words for part in cue) for cue in multi):
            return type_name
    return "other"


def _type_of_titles(title_types: list[str] | tuple[str, ...]) -> str | None:
    """The type most of a source's titles point to (ties: the earlier type in :data:`SPEAKER_TYPES`)."""
    if not title_types:
        return None
    order = list(SPEAKER_TYPES)
    return max(sorted(set(title_types), key=order.index), key=lambda t: (title_types.count(t), -order.index(t)))


def speaker_type(
    name: str,
    words: set[str] | frozenset[str] = frozenset(),
    *,
    is_place: bool = False,
    title_types: list[str] | tuple[str, ...] = (),
) -> str:
    """Type of a source from its titles, its name and the role words used for it (see :data:`SPEAKER_TYPES`).

    >>> speaker_type("Dmitry Peskov", {"kremlin", "spokesman"}), speaker_type("Kommersant")
    ('government', 'media')
    >>> speaker_type("Marco Rubio", title_types=["politics"]), speaker_type("Ana Ruiz", {"student"})
    ('politics', 'citizen')
    """
    if name == UNNAMED:
        return UNNAMED
    if is_place:
        return "government"
    every = set(words) | _words_of(name)
    by_title = _type_of_titles([t for t in title_types if t != "party"]) or _type_of_titles(["politics"] if "party" in title_types else [])
    if by_title == "government" and _running(every):
        return "politics"  # a governor running for office speaks as a candidate
    return by_title or _type_of_words(every)


def _running(words: set[str]) -> bool:
    """True when the words show a candidacy (``candidacy`` in speaker_titles.toml)."""
    return any(all(part in words for part in cue.split()) for cue in CANDIDACY)
