"""The features of the trained entity recogniser: readable strings, one list per token.

Every feature is a plain string that says what it tests, so the model's weights can be read
(:func:`analysis.nlp.ner_model.explain` lists the heaviest ones of a word):

- the word itself: its lower-case form (``w=``), shape (``sh=Xx``, ``sh=X.X.``; accented
  letters count as letters), first and last three letters (``p3=``, ``s3=``),
  capitalised / all capitals / hyphen;
- its part of speech where the tagger's dictionary settles it (``pos=``, frequent words of
  :mod:`analysis.nlp.tagging`, ``?`` for the others) and that of its neighbours;
- the words around it (two on each side, lower case) and the shape of the nearest ones;
- gazetteers and cue words (:mod:`analysis.nlp.ner_lists`): first name (NLTK ``names``),
  place (NLTK ``gazetteers`` and ``extra_places``), nationality, organisation cue word
  (``orgcue``: "Ministry", "Club"), place cue word (``loccue``: "River", "County"),
  well-known organisation, person title or honorific, name suffix, month or weekday, common
  lower-case English word; the same tests on the nearest neighbours (``-1:title``,
  ``+1:orgcue``);
- world places (:func:`world_matches`; GeoNames countries, US states and counties, cities
  of at least 15,000 people, and hand-written regions, seas, rivers, mountains): the word's
  place in a matched place name (``wp=B``), the kind of place (``wpk=bigcity``), whether
  the place is the whole capitalised run (``wp:whole``: "Paris", not "Paris Hilton");
- the run of capitalised words the word is in ("Bank of New York"; :func:`_run_features`):
  its length (``runlen=``), the word's place in it (``runpos=B``), whether it ends in a cue
  word (``run:orgcue``, ``run:loccue``), starts with a first name (``run:first``) or is
  followed by a reporting verb (``run:said``), starts or ends with a world place and is
  longer (``run:placefirst``, ``run:placelast``);
- sentence position: first word of the sentence or of a quotation (``first``), first and
  last word (``-1:BOS``, ``+1:EOS``);
- document-level consistency (:func:`doc_clues`): what the other occurrences of the same
  word in the text say: written capitalised in the middle of a sentence (``doc:capmid``),
  written in lower case (``doc:lower``), after a first name or a title
  (``doc:after_name``), after "in"/"at"/"from" (``doc:after_prep``) or "the"
  (``doc:after_the``), before a cue word (``doc:before_orgcue``, ``doc:before_loccue``),
  before "said" (``doc:before_said``), before "'s" (``doc:poss``), before ", Place"
  (``doc:comma_place``), alone or in a longer run (``doc:alone``, ``doc:in_run``).

Word-level features are computed once per word form and kept (:func:`word_features`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from . import tagging
from .ner_lists import (
    HONORIFICS,
    KNOWN_ORGS,
    LOC_CUES,
    MODEL_ORG_CUES,
    MONTHS,
    NAME_SUFFIXES,
    ORG_CUES,
    PERSON_TITLES,
    WEEKDAYS,
    common_words,
    demonyms,
    first_names,
    places,
    world_places,
)

_UPPER = re.compile(r"[A-Z]+")
_LOWER = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"[0-9]+")
_REPEAT = re.compile(r"(.)\1+")
_QUOTES = frozenset(['"', "“", "‘", "``", "'", "(", ":", "--", "—"])
_PREPS_LOC = frozenset(["in", "at", "near", "from", "to", "across", "outside", "inside", "into", "towards", "toward"])
_RUN_CONNECTORS = frozenset(["of", "for", "and", "de", "&"])
_SPEECH = frozenset(["said", "says", "told", "added", "wrote", "argued", "explained", "stated", "announced"])


#: The kinds of GeoNames places the model reads (``analysis/lexicons/world_places.csv``)
#: and the group each is written as in the features.
WORLD_GROUPS = {"continent": "region", "country": "region", "us_state": "region", "us_county": "county", "city_1m": "bigcity", "city_100k": "city", "city": "town", "region": "region", "water": "nature", "land": "nature"}
#: Which world-place features are built (chosen on the tuning slice; see the data card):
#: ``pos`` the word's place in the matched name (``wp=S``/``B``/``I``/``E``), ``kind`` its
#: group (``wpk=city``), ``whole`` the name is the whole capitalised run (``wp:whole``),
#: ``runplace`` the capitalised run starts or ends with a place but is more than that place
#: (``run:placefirst`` "Pittsburgh Pirates", ``run:placelast`` "Bank of New York").
WORLD_FEATURES = frozenset({"pos", "kind", "whole", "runplace"})


def _shape(word: str) -> str:
    """``Xx``, ``XX``, ``X.X.``, ``x``, ``d``: each run of one kind of character once."""
    if not word.isascii():  # "Łódź" is "Xx" too
        word = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in unicodedata.normalize("NFC", word))
    shape = _REPEAT.sub(r"\1", _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word))))
    return shape if len(shape) <= 6 else shape[:6] + "~"


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], ...]:
    return first_names(), places(), demonyms(), common_words()


def _tagdict() -> dict[str, str]:
    """The tagger's dictionary: frequent words that NLTK's tagger always tags the same way."""
    return tagging._model().tagdict


@lru_cache(maxsize=100_000)
def word_features(word: str) -> tuple[tuple[str, ...], ...]:
    """The features of one word form, as itself and as each neighbour sees it:
    ``(own, as -2, as -1, as +1, as +2)``, each a tuple of strings, computed once per form."""
    names, place_names, nationalities, common = _lists()
    lower = word.lower()
    shape = _shape(word)
    cap = word[:1].isupper()
    pos = _tagdict().get(word, "?")
    own = ["pos=" + pos, "w=" + lower, "sh=" + shape, "p3=" + lower[:3], "s3=" + lower[-3:]]
    flags = []
    if cap:
        flags.append("cap")
    if word.isupper() and len(word) > 1:
        flags.append("allcaps")
    if "-" in word:
        flags.append("hyphen")
    if word in names:
        flags.append("first")
    if word in place_names:
        flags.append("place")
    if word in nationalities:
        flags.append("nation")
    if word in MODEL_ORG_CUES:
        flags.append("orgcue")
    if word in LOC_CUES:
        flags.append("loccue")
    if word in KNOWN_ORGS:
        flags.append("knownorg")
    if word in HONORIFICS:
        flags.append("honor")
    elif word in PERSON_TITLES:
        flags.append("title")
    if word in NAME_SUFFIXES:
        flags.append("suffix")
    if word in MONTHS or word in WEEKDAYS:
        flags.append("date")
    if cap and lower in common:
        flags.append("common")
    near = ("pos=" + pos, "w=" + lower, "sh=" + shape, *flags)
    far = ("w=" + lower,)
    return (
        tuple(own + flags),
        tuple("-2:" + x for x in far),
        tuple("-1:" + x for x in near),
        tuple("+1:" + x for x in near),
        tuple("+2:" + x for x in far),
    )


def doc_clues(sentences: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Document-level features of each capitalised word form: what its other occurrences in
    the text say (see the module docstring)."""
    names, place_names = first_names(), places()
    lower_seen = {w for words in sentences for w in words if w.islower()}
    found: dict[str, set[str]] = {}
    for words in sentences:
        last = len(words) - 1
        for i, w in enumerate(words):
            if not w[:1].isupper():
                continue
            got = found.get(w)
            if got is None:
                got = found[w] = {"doc:lower"} if w.lower() in lower_seen else set()
            prev = words[i - 1] if i else ""
            nxt = words[i + 1] if i < last else ""
            if i and prev not in _QUOTES:
                got.add("doc:capmid")
            if prev in names or prev in HONORIFICS or prev in PERSON_TITLES:
                got.add("doc:after_name")
            if prev in _PREPS_LOC:
                got.add("doc:after_prep")
            elif prev == "the" or prev == "The":
                got.add("doc:after_the")
            if nxt in ORG_CUES:
                got.add("doc:before_orgcue")
            if nxt in MODEL_ORG_CUES:
                got.add("doc:before_orgcue2")
            elif nxt in LOC_CUES:
                got.add("doc:before_loccue")
            elif nxt in _SPEECH:
                got.add("doc:before_said")
            elif nxt == "'s" or nxt == "’s":
                got.add("doc:poss")
            elif nxt == "," and i + 2 <= last and words[i + 2] in place_names:
                got.add("doc:comma_place")
            if prev[:1].isupper() or nxt[:1].isupper():
                got.add("doc:in_run")
            else:
                got.add("doc:alone" if i else "doc:first_alone")
    return {w: tuple(sorted(got)) for w, got in found.items()}


@lru_cache(maxsize=1)
def _world_index() -> tuple[dict[tuple[str, ...], str], dict[str, int]]:
    """The world places as token tuples -> group, and first token -> longest name in tokens."""
    names: dict[tuple[str, ...], str] = {}
    for name, kind in world_places().items():
        group = WORLD_GROUPS.get(kind)
        if group:
            names[tuple(name[a:b] for a, b in token_spans(name))] = group
    longest: dict[str, int] = {}
    for toks in names:
        longest[toks[0]] = max(longest.get(toks[0], 0), len(toks))
    return names, longest


def world_matches(words: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """The world-place features of the words of one sentence that are inside a GeoNames place
    name (longest match first, left to right): ``wp=S`` (single word), ``wp=B``/``I``/``E``,
    the place's group (``wpk=region``, ``bigcity``, ``city``, ``town``, ``county``) and
    ``wp:whole`` when the name is the whole capitalised run ("Paris", not "Paris Hilton")."""
    if not WORLD_FEATURES:
        return {}
    names, longest = _world_index()
    starts = [i for i, w in enumerate(words) if w in longest]  # most sentences: none or few
    n, out, done = len(words), {}, 0
    for i in starts:
        if i < done:  # inside the place matched before
            continue
        for size in range(min(longest[words[i]], n - i), 0, -1):
            group = names.get(tuple(words[i : i + size]))
            if group:
                break
        else:
            continue
        common = []
        if "kind" in WORLD_FEATURES:
            common.append("wpk=" + group)
        if "whole" in WORLD_FEATURES:
            before = i == 0 or not _joins(words, i - 1) or (i == 1 and words[0].lower() in _lists()[3])
            if before and (i + size == n or not _joins(words, i + size)):
                common.append("wp:whole")
        for k in range(i, i + size):
            pos = "S" if size == 1 else "B" if k == i else "E" if k == i + size - 1 else "I"
            out[k] = (*(("wp=" + pos,) if "pos" in WORLD_FEATURES else ()), *common)
        done = i + size
    return out


#: The sentence whose world-place matches were found last, and those matches.
_LAST_WORLD: list = [None, {}]


def sentence_features(words: Sequence[str], clues: dict[str, tuple[str, ...]], start: int = 0, end: int | None = None) -> list[list[str]]:
    """One list of feature strings per token of one sentence (of tokens ``start`` to ``end``
    only, when given; their features still see the words around them)."""
    n = len(words)
    end = n if end is None else end
    lo = max(0, start - 2)
    views = [None] * lo + [word_features(w) for w in words[lo : min(n, end + 2)]]
    if _LAST_WORLD[0] is not words:  # once per sentence, not once per window
        _LAST_WORLD[:] = [words, world_matches(words)]
    world = _LAST_WORLD[1]
    runs = _run_features(words, start, end, world)
    out = []
    for i in range(start, end):
        w = words[i]
        f = ["bias", *views[i][0]]
        if i == 0 or words[i - 1] in _QUOTES:
            f.append("first")
        if i > 0:
            f.extend(views[i - 1][2])
            if i > 1:
                f.extend(views[i - 2][1])
        else:
            f.append("-1:BOS")
        if i + 1 < n:
            f.extend(views[i + 1][3])
            if i + 2 < n:
                f.extend(views[i + 2][4])
        else:
            f.append("+1:EOS")
        if w in clues:
            f.extend(clues[w])
        if i in runs:
            f.extend(runs[i])
        if i in world:
            f.extend(world[i])
        out.append(f)
    return out


def _joins(words: Sequence[str], j: int) -> bool:
    """``words[j]`` continues a run of capitalised words: capitalised itself, or a connector
    ("of", "and") between two capitalised words."""
    w = words[j]
    if w[:1].isupper():
        return True
    return w in _RUN_CONNECTORS and 0 < j < len(words) - 1 and words[j - 1][:1].isupper() and words[j + 1][:1].isupper()


_RUNLEN = ("", "runlen=1", "runlen=2", "runlen=3", "runlen=4")


def _run_features(words: Sequence[str], start: int, end: int, world: dict[int, tuple[str, ...]] | None = None) -> dict[int, tuple[str, ...]]:
    """For each capitalised word of ``words[start:end]``, the features of the run of
    capitalised words it is in ("Bank of New York"): its length, the word's position in it
    (``S``ingle, ``B``egin, ``I``nside, ``E``nd), whether it ends in a cue word, starts with a
    first name, is followed by a reporting verb."""
    n, out, i = len(words), {}, start
    names = first_names()
    while i < end:
        if not words[i][:1].isupper():
            i += 1
            continue
        a = i
        while a > 0 and _joins(words, a - 1):
            a -= 1
        b = i + 1
        while b < n and (words[b][:1].isupper() or (words[b] in _RUN_CONNECTORS and b + 1 < n and words[b + 1][:1].isupper())):
            b += 1
        last = words[b - 1]
        common = [_RUNLEN[min(b - a, 4)]]
        if last in MODEL_ORG_CUES:
            common.append("run:orgcue")
        elif last in LOC_CUES:
            common.append("run:loccue")
        if words[a] in names:
            common.append("run:first")
        if b < n and words[b] in _SPEECH:
            common.append("run:said")
        if world and "runplace" in WORLD_FEATURES:
            a1 = a + 1 if a == 0 and b > 1 and words[0].lower() in _lists()[3] else a
            starts = [k for k in range(a1, b) if k in world and world[k][0] in ("wp=S", "wp=B")]
            if starts and not (starts == [a1] and world.get(b - 1, ("",))[0] in ("wp=S", "wp=E")):
                if starts[0] == a1:
                    common.append("run:placefirst")  # "Pittsburgh Pirates"
                if world.get(b - 1, ("",))[0] in ("wp=S", "wp=E"):
                    common.append("run:placelast")  # "Bank of New York"
        if b - a == 1:
            out[i] = ("runpos=S", *common)
        else:
            first, inside, final = ("runpos=B", *common), ("runpos=I", *common), ("runpos=E", *common)
            for k in range(max(a, start), min(b, end)):
                if words[k][:1].isupper():
                    out[k] = first if k == a else final if k == b - 1 else inside
        i = b
    return out


#: The recogniser's tokens: Penn Treebank words as the training data has them ("Trump" "'s",
#: "do" "n't", "U.S.", "A.F.L.-C.I.O.", "Sen.", an initial "B." before a name), found by one regular
#: expression (NLTK's tokenizer gives nearly the same tokens, four times slower).
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-(?:[A-Za-z]\.){2,})*"
    r"|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|Prof|Rev|Inc|Corp|Co|Ltd|Mt|Ft|Adm|Hon|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs)\.(?!\w)"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|\d+(?:[.,:]\d+)*"
    r"|['’](?:s|S|re|ve|ll|m|d)\b"
    r"|\w+(?=n['’]t\b)|n['’]t\b"
    r"|\w+(?:[-&]\w+)*(?:['’](?!(?:s|S|re|ve|ll|m|d)\b)\w+)*"
    r"|\.\.\.|--|``|''|[^\w\s]"
)


def token_spans(sentence: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of ``sentence`` (see :data:`_TOKEN`)."""
    return [m.span() for m in _TOKEN.finditer(sentence)]
