"""One article's people: short forms ("Comey", "Ms. Kovner") linked to the full names it gives.

:class:`NameIndex` collects the full names of an article (from the entity recogniser's
PERSON mentions and from speaker mentions, each cleaned by :func:`.names.parse_name`) and
links a later mention to one of them: a surname to the full name with that surname (the
one whose gender fits an honorific or pronoun, else the latest one named), a full name to
the fuller form of the same person ("James Comey" to "James B. Comey"). Two people of one
family stay apart by their first names ("Bill Clinton", "Hillary Clinton"); a surname with
an honorific that fits none of them ("Ms. Kovner" beside "Victor Kovner") stays its own
source.
"""

from __future__ import annotations

from .names import SUFFIXES, name_gender


def _surname(name: str) -> str:
    parts = [p for p in name.split() if p.strip(".,").lower() not in SUFFIXES]
    return parts[-1].lower() if parts else ""


def _first(name: str) -> str:
    return name.split()[0].strip(".").lower()


def _same_first(a: str, b: str) -> bool:
    """First names that may be one person's: equal, or one an initial of the other."""
    fa, fb = _first(a), _first(b)
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


class NameIndex:
    """The full names of one article, by surname, with the offsets where each was met."""

    def __init__(self) -> None:
        self.by_surname: dict[str, list[str]] = {}
        self.seen: dict[str, list[int]] = {}  # canonical -> offsets of its mentions
        self.genders: dict[str, str] = {}
        self.titled: dict[str, str] = {}  # the genders an honorific or a gendered title gave

    def add(self, name: str, offset: int, gender: str | None = None) -> str:
        """Register a full name (two words or more) met at ``offset``; returns its canonical form."""
        if len(name.split()) < 2:
            return name
        same = [known for known in self.by_surname.get(_surname(name), []) if _same_first(known, name)]
        if same:
            canonical = same[0]
            if len(name) > len(canonical) and name.split()[0] == canonical.split()[0]:
                # the fuller form wins: "James B. Comey" over "James Comey"
                self.by_surname[_surname(name)] = [name if k == canonical else k for k in self.by_surname[_surname(name)]]
                self.seen[name] = self.seen.pop(canonical, [])
                if canonical in self.genders:
                    self.genders[name] = self.genders.pop(canonical)
                if canonical in self.titled:
                    self.titled[name] = self.titled.pop(canonical)
                canonical = name
        else:
            canonical = name
            self.by_surname.setdefault(_surname(name), []).append(name)
        self._met(canonical, offset)
        if gender:
            self.titled.setdefault(canonical, gender)
        gender = gender or name_gender(canonical)
        if gender:
            self.genders.setdefault(canonical, gender)
        return canonical

    def _met(self, canonical: str, offset: int) -> None:
        offsets = self.seen.setdefault(canonical, [])
        if offset not in offsets:
            offsets.append(offset)

    def last_before(self, canonical: str, offset: int) -> int:
        """Where ``canonical`` was last met before ``offset`` (-1 when it was not)."""
        return max((o for o in self.seen.get(canonical, ()) if o < offset), default=-1)

    def gender(self, name: str) -> str | None:
        return self.genders.get(name)

    def link(self, name: str, offset: int, gender: str | None = None, titled: bool = False) -> str:
        """The canonical name of a mention's name; a surname is linked to the full name with
        that surname met last before it (one whose gender fits an honorific, when given)."""
        if len(name.split()) >= 2:
            return self.add(name, offset, gender)
        every = self.by_surname.get(name.lower(), [])
        # with a gender (an honorific, a pronoun after the name): the people it does not rule out
        # (a first name such as "Ted" or "Chris" may be either); an honorific (``titled``: "Mr.
        # Lee") prefers the people known to fit it
        candidates = [c for c in every if self.genders.get(c) in (None, gender)] if gender else every
        if titled and gender:
            candidates = [c for c in candidates if self.genders.get(c) == gender] or candidates
        if not candidates:  # "Ms. Kovner" beside "Victor Kovner" only: someone else
            return f"{'Ms.' if gender == 'female' else 'Mr.'} {name}" if every else name
        # the one named last before the mention ("Hillary Clinton, ... Clinton decried"), else the first one named
        best = max(candidates, key=lambda c: (self.last_before(c, offset), -min(self.seen.get(c, [10**9]))))
        self._met(best, offset)
        return best
