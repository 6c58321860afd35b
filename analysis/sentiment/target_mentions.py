"""Where a text mentions a target, found the way a reader finds it: the full name, its
aliases and dotted forms (FBI / F.B.I., U.S. / United States), the surname of a person
alone or after a title ("Trump", "Mr. Trump" for "Donald Trump"), and the pronouns that
refer back to it.

A pronoun is taken to refer to a target when the target is the nearest target mentioned
before it, in the same sentence or the one before, and the pronoun fits it: he/she for a
person named by first name and surname or with a title (by the first name, when it says
which), it/its/they for an organisation, it/its for a single name the rules cannot place
(give "Donald Trump", not "Trump", to have "he" followed). "It" in "it is clear that", "it
was reported that" refers to nothing and is skipped. These are rules a reader can check, not full coreference: a pronoun that refers
to someone who is not among the targets can be given to the nearest target.
"""

from __future__ import annotations

import functools
import re

from .. import lexicons
from ..nlp.text import sentence_spans
from .target_features import PRONOUNS

_PRONOUN_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(PRONOUNS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
#: after "it": a form of be/seem and, a few words on, "that" or "to" (it is clear that ...)
_EXPLETIVE = re.compile(r"\s+(?:is|was|has been|had been|will be|would be|seems|seemed|appears|appeared)\b(?:\s+\S+){0,4}?\s+(?:that|to)\b", re.IGNORECASE)
_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr")


@functools.lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Male and female first names of NLTK's ``names`` corpus (empty when not installed)."""
    try:
        from nltk.corpus import names

        return frozenset(n.lower() for n in names.words("male.txt")), frozenset(n.lower() for n in names.words("female.txt"))
    except (LookupError, OSError):
        return frozenset(), frozenset()


@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, set[str]]:
    """Lower-case name -> its other names, from ``entity_aliases.csv`` (both directions)."""
    out: dict[str, set[str]] = {}
    for row in lexicons.csv_rows("entity_aliases.csv"):
        out.setdefault(row["name"], set()).add(row["alias"])
        out.setdefault(row["alias"], set()).add(row["name"])
    return out


def _form_pattern(form: str, *, ignore_case: bool) -> str:
    """Regex body for one written form: an acronym matches with or without dots."""
    bare = form.replace(".", "")
    if bare.isupper() and bare.isalpha() and 2 <= len(bare) <= 6:
        return r"\.?".join(re.escape(ch) for ch in bare) + r"\.?"
    return r"\s+".join(re.escape(w) for w in form.split())


def target_pattern(name: str) -> re.Pattern[str]:
    """One pattern for a target's name, aliases and dotted forms (whole words).

    Example:
        >>> bool(target_pattern("FBI").search("the F.B.I. said"))
        True
    """
    forms = {name.strip()}
    for other in _aliases().get(" ".join(name.lower().split()), ()):
        forms.add(other.upper() if other.replace(".", "").isalpha() and len(other.replace(".", "")) <= 3 else other)
    bodies = sorted({_form_pattern(f, ignore_case=True) for f in forms if f}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(bodies) + r")(?:['\u2019]s?)?(?!\w)", re.IGNORECASE)


def kind_of(name: str) -> str:
    """``"m"``, ``"f"``, ``"person"`` (a person, gender unknown), ``"org"`` or ``"unknown"``."""
    words = name.replace(".", ". ").split()
    male, female = _first_names()
    if words and words[0] in _TITLES:
        return {"Mr.": "m", "Mr": "m"}.get(words[0], "f" if words[0].startswith(("Mrs", "Ms")) else "person")
    first = words[0].lower() if words else ""
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        if first in male and first not in female:
            return "m"
        if first in female and first not in male:
            return "f"
        if first in male or first in female:
            return "person"
    bare = name.replace(".", "")
    if bare.isupper() or any(w.lower() in ("inc", "corp", "company", "party", "ministry", "agency") for w in words):
        return "org"
    return "unknown"


def _fits(pronoun_kind: str, target_kind: str) -> bool:
    if target_kind == "org":
        return pronoun_kind in ("n", "p")
    if target_kind in ("m", "f"):
        return pronoun_kind == target_kind
    if target_kind == "person":
        return pronoun_kind in ("m", "f")
    return pronoun_kind == "n"


def _surname(name: str) -> str | None:
    """The last word of a person's name of two or more capitalised words, if it can stand alone."""
    words = [w for w in name.split() if w not in _TITLES]
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and len(words[-1]) >= 3 and words[-1].isalpha():
        return words[-1]
    return None


def find_mentions(text: str, names: list[str], *, pronouns: bool = True) -> list[dict]:
    """Every mention of each name in ``text``: dicts ``target, start, end, via`` in text order.

    ``via`` says how it was found: ``name`` (the name, an alias or a dotted form, any case),
    ``surname`` (the last word of a person's name, with its case), ``pronoun``.

    Example:
        >>> [(m["via"], m["start"]) for m in find_mentions("Ann Lee spoke. Lee left; she ran.", ["Ann Lee"])]
        [('name', 0), ('surname', 15), ('pronoun', 25)]
    """
    found: list[dict] = []
    taken: list[tuple[int, int]] = []

    def add(target: str, a: int, b: int, via: str) -> None:
        if any(a < y and b > x for x, y in taken):
            return
        m = _POSSESSIVE.search(text[a:b])
        if m and m.start() > 0:
            b = a + m.start()
        taken.append((a, b))
        found.append({"target": target, "start": a, "end": b, "via": via})

    for name in names:
        for m in target_pattern(name).finditer(text):
            add(name, m.start(), m.end(), "name")
    for name in names:
        last = _surname(name)
        if last:
            for m in re.finditer(rf"(?<![\w.]){re.escape(last)}(?:['\u2019]s?)?(?!\w)", text):
                add(name, m.start(), m.end(), "surname")
    if pronouns and found:
        sentences = [(s, e) for _p, s, e in sentence_spans(text)] or [(0, len(text))]
        kinds = {name: kind_of(name) for name in names}

        def sentence_of(pos: int) -> int:
            for k, (_s, e) in enumerate(sentences):
                if pos < e:
                    return k
            return len(sentences) - 1

        named = sorted(found, key=lambda m: m["start"])
        for m in _PRONOUN_RE.finditer(text):
            if m.group().lower() == "it" and _EXPLETIVE.match(text, m.end()):
                continue
            here = sentence_of(m.start())
            kind = PRONOUNS[m.group().lower()]
            for x in reversed([x for x in named if x["end"] <= m.start()]):
                if here - sentence_of(x["start"]) > 1:
                    break
                if _fits(kind, kinds[x["target"]]):
                    add(x["target"], m.start(), m.end(), "pronoun")
                    break
    found.sort(key=lambda m: (m["start"], m["end"]))
    return found
