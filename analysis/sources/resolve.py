"""Who a speaker mention refers to: names, pronouns and role phrases resolved to sources.

The resolver walks through an article in order: a name becomes its canonical form (from
:mod:`analysis.entities`), a pronoun the subject of the sentence or the latest source of the
right kind and gender, a definite role phrase ("the company", "the Kremlin spokesman") the
latest source or entity with that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import pandas as pd

from ..nlp import entities as entmod
from ..nlp.ner_lists import FIRM_AND_PAPER_ENDS
from .adjuncts import _WEEKDAY
from .apposed import apposed_person
from .name_index import NameIndex
from .names import TITLE_WORDS, first_name_genders, parse_name, suffix_after, title_types
from .pronoun_evidence import PronounGenders, pronoun_after
from .pronouns import UNCLEAR, _PronounRules
from .roles import (
    _ALL_ROLE_WORDS,
    _MEDIA_NOUNS,
    _ORG_NOUNS,
    _PERSON_ROLE_WORDS,
    _PERSON_ROLES,
    _PRONOUNS,
    _TYPED_ORG_NOUNS,
    _head,
    _head_words,
    _org_role,
    _person_role,
    _role_matches,
)
from .speaker_types import UNNAMED, _type_of_words, org_type
from .speakers import FUNCTION_ENDS, RELATIVE_PRONOUNS, relative_antecedent
from .tokens import _words_of

_KNOWN_ORGS = frozenset(getattr(entmod, "KNOWN_ORGS", frozenset())) | {"Kremlin", "Pentagon", "White House"}
# an entity cut at a middle initial: "James B" + ". Comey"
_AFTER_INITIAL = re.compile(r"^\.\s+[A-Z][\w’'\-]+")
# a plural common noun heads the mention: a group of people
_GROUP_HEAD = re.compile(r"(?<![’'])\b[a-z]{2,}(?<!s)(?<!u)(?<!i)s$|\b(?:people|police|staff|men|women|children|leadership|crowd)$")
# where the words before a name stop being its title: punctuation, a quotation mark, a new line
_TITLE_CONTEXT = re.compile(r"[,;:!?\"“”()\n]|(?<=[a-z]{4})\.\s|(?<=\d)\.\s")
# "Supporters of Sanders", "members of the panel": a group named by what ties it together
_GROUP_OF = re.compile(r"^(?:the\s+|some\s+|many\s+|other\s+)?[A-Za-z]+(?:ers|ists|ians|ants|ents|ors|ees|bers)\s+(?:of|for|from)\s", re.I)
_AGENT_PLURAL = re.compile(r"(?:ers|ists|ians|ants|ents|ors|ees)$")
# a possessive right before a name: "Breitbart London's Raheem Kassam"
_POSSESSIVE_BEFORE = re.compile(r"[’']s?\s+$")
# names joined by "and": "Cummings and Conyers", "Sens. Ron Wyden and Dianne Feinstein"
_NAME_PAIR = re.compile(r"^(?P<a>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]+),?\s+and\s+(?P<b>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]+)$")


# a name and a place or affiliation tag: "Butterfield of North Carolina"
_PLACE_AFTER = re.compile(r"^((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]+)\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w.’'&\-]*(?:\s+(?:[A-Z][\w.’'&\-]*|of|for|and|the))*$")
# one part of a list of named sources: a name, or "the" and a name, with titles and tags
_NAMED_PART = re.compile(r"^(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[\w.’'\-()]+){0,7}$")
# a proper name of an organisation, all of it capitalised words: "the Congressional Budget Office"
_ORG_NAME = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w.’'&\-]*(?:\s+(?:[A-Z][\w.’'&\-]*|of|for|and|on|&)){1,7})")
# a time after a speaker mention: "President Ana Ruiz on Friday", "Beck on Wednesday"
_TIME_AFTER_NAME = re.compile(rf"(?<=[A-Za-z.])\s+(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\s*$")
# the organisation a role speaks for: "A spokesman for| the Wells Police Department"
_ROLE_FOR = re.compile(r"^[^,]*?\b(?:for|at|with|from)\s+")
# a person inside a role phrase who is not its speaker: a possessor ("Lee's aide") or the one
# it works for ("a spokesman for Lee")
_POSSESSOR_OR_PRINCIPAL = re.compile(r"(?:\b(?:for|to|of|with|in|at|from|on)\s+(?:\S+\s+){0,3}\S+.{0,2}$)|[’']s?$")
# a verb right after a name, perhaps after an adverb: " told", " quickly took", " put"
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:told|took|put|said|says|wrote|made|gave|went|came|met|sent|kept|left|got|[a-z]{3,}ed)\b(?=\s+\S)")
# what may not stand before a name that opens a mention: a preposition, a possessive, "and", a lower-case verb
_NOT_OPENING_NAME = re.compile(r"\b(?:for|of|to|with|at|from|by|and|on|in|about|like)\b|[’']s?\s|\b[a-z]+ed\b")
_RELATIVE_NEXT = re.compile(r"\s*,?\s*(?:who|whom|which)\b")
# a role or an age in apposition after a name: ", leader of", ", a senior adviser to", ", 54,"
_APPOSED_ROLE = re.compile(r",\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z][\w\-]*\s+){0,2}?([a-z]+)\b(?!\s+[A-Z])|,\s+\d{2}(?=,)")
_NOT_ROLE_NOUNS = frozenset({"of", "state", "press"})
# a dateline the recogniser ran into a name: "HARWICK - "
_DATELINE = re.compile(r"^[A-Z]{2,}(?:[\s,.]+[A-Z]{2,})*\s+[-–—]+\s+")
# "the union", "that source", "the same person": a definite noun alone (group 1 "same" when it says so)
_DEFINITE_NOUN = re.compile(r"^(?:the(?:\s+(same))?|this|that)\s+([a-z]+)$")
# a source described, not named: "a person familiar with ...", "an official at the agency"
_INDEFINITE = re.compile(r"(?:a|an|one)\s", re.I)


def _description_head(description: str) -> str:
    """The noun a description of an unnamed source is about: "juror" in "One juror", "aide"
    in "an aide to the mayor", "official" in "a senior official at the agency"."""
    core = re.split(r"\s+(?:of|for|at|from|in|with|to|on|who|which|close|familiar|involved)\b|,", description.strip(), maxsplit=1)[0]
    words = core.split()
    return words[-1].lower() if len(words) > 1 else ""

# the parts of an organisation's name, each with its own head word ("Bank of Japan")
_OF_SPLIT = re.compile(r"\s+(?:of|for|on|at|in)\s+|\s*&\s*")


@cache
def _described_as(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The noun right before an organisation's name ("radio station Fenmarsh FM") and in an
    apposition right after it ("Meridian Care Group, the private operator"), compiled once per noun."""
    before = re.compile(rf"\b{noun}\s+$", re.I)
    after = re.compile(rf"^\s*(?:\([^)]*\))?,\s+(?:the|a|an|its)\s+(?:[\w’'\-]+\s+){{0,3}}{noun}s?\b", re.I)
    return before, after


# how far back (characters) an organisation of the right type is taken for "the union"
_TYPED_NOUN_WINDOW = 2000
# single words that name no one
_NO_SPEAKER = frozenset("there there's there’s here also so yet".split())
# an acronym, with or without full stops: "AP", "F.B.I.", "DOJ"
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}")
# a quantifier or an indefinite article and a party, a people or a place: "Some Americans",
# "Several Democrats", "a New Hampshire Democrat", "another Iowa Republican"
_DESCRIBED = re.compile(
    r"^((?i:some|many|most|several|few|other|a|an|one|another))\s+(?:[A-Z][\w.\-]*\s+){0,3}"
    r"(?:Democrats?|Republicans?|Independents?|Conservatives?|Liberals?|Progressives?|Evangelicals?|Catholics?|Muslims?|Jews?|"
    r"Christians?|Latinos?|Hispanics?|[A-Z][a-z]+(?:ans?|ers?|ese|ish))$"
)


@dataclass
class _Source:
    name: str
    kind: str  # person / thing / group
    words: set[str] = field(default_factory=set)  # role and name words, lower case
    named: bool = False  # a named entity (person, organisation, place), not a descriptive phrase


class _Entity(NamedTuple):
    text: str
    label: str
    start: int
    end: int
    canonical: str


def _entity_rows(ents: pd.DataFrame | dict[str, list]) -> list[_Entity]:
    """The entities (a table, or its columns as lists) as light records, in table order."""
    columns = [ents[c] if isinstance(ents, dict) else ents[c].tolist() for c in ("text", "label", "start", "end", "canonical")]
    return [_Entity(*values) for values in zip(*columns)]


class _Resolver(_PronounRules):
    """Resolves speaker mentions to canonical sources, walking through the article in order."""

    def __init__(self, text: str, entities: list[_Entity]):
        self.text = text
        self.ents = [e for e in entities if e.label in ("PERSON", "ORGANIZATION", "LOCATION")]
        self.sources: dict[str, _Source] = {}
        self.history: list[tuple[int, str]] = []  # (offset, canonical) of attributed statements
        self.names = NameIndex()
        self._entity_names: dict[int, str] = {}
        self.person_names: dict[int, str] = {}  # entity start -> the name as written, cleaned
        self.person_titles: dict[int, list[str]] = {}  # entity start -> the types its titles point to
        self.mention_titles: dict[str, list[str]] = {}  # canonical -> types of the titles in speaker mentions
        # an organisation written both in full and as an acronym keeps both: "Associated Press (AP)"
        self.acronyms: dict[str, str] = {}
        self.fuller: dict[str, str] = {}  # an organisation's name as cut by the recogniser -> as a speaker mention gives it
        self._pronoun_genders: PronounGenders | None = None  # worked out when a pronoun first needs it
        self._person_starts: list[int] = []
        for row in self.ents:
            if row.label == "ORGANIZATION" and _ACRONYM.fullmatch(row.text) and row.canonical != row.text and " " in row.canonical:
                self.acronyms.setdefault(row.canonical, row.text)
        for row in self.ents:
            if row.label == "PERSON":
                end = row.end
                if re.search(r"\b[A-Z]$", row.text):
                    m = _AFTER_INITIAL.match(text[end : end + 40])
                    end = end + m.end() if m else end
                end = suffix_after(text, end)
                before = _TITLE_CONTEXT.split(text[max(0, row.start - 40) : row.start])[-1].split()[-3:]
                parts = parse_name(" ".join([*before, text[row.start : end]]))
                if parts.name:
                    self._person_starts.append(row.start)
                    self.person_names[row.start] = parts.name
                    self.person_titles[row.start] = title_types(parts.titles) + (["party"] if parts.party else [])
                    self.names.add(parts.name, row.start, parts.gender)

    def entity_name(self, row) -> str:
        """The canonical source an entity mention names (worked out once per mention)."""
        known = self._entity_names.get(row.start)
        if known is None:
            known = self._entity_names[row.start] = self._entity_name(row)
        return self.fuller.get(known, known)

    def _entity_name(self, row) -> str:
        if row.label == "PERSON" and row.start in self.person_names:
            name = self.person_names[row.start]
            before = _TITLE_CONTEXT.split(self.text[max(0, row.start - 6) : row.start])[-1].split()[-1:]
            titled = parse_name(" ".join([*before, name])).gender
            return self.names.link(name, row.start, titled or self._surname_gender(name, row.end), titled=titled is not None)
        name = self.fuller.get(row.canonical, row.canonical)
        if name in self.acronyms:
            return f"{name} ({self.acronyms[name]})"
        before = self.text[max(0, row.start - 4) : row.start].lower()
        if row.label == "ORGANIZATION" and before.endswith("the ") and len(name.split()) <= 2 and name in _KNOWN_ORGS:
            return f"the {name}"
        return name

    def person_mention(self, mention: str, start: int, has_person: bool) -> str | None:
        """The canonical person a name-bearing mention refers to, or None when it names no person."""
        parts = parse_name(mention)
        if not parts.name:
            return None
        words = parts.name.split()
        person_evidence = (
            has_person or parts.gender is not None or bool(parts.titles and parts.titles[-1] in ("mr", "mrs", "ms", "dr", "rev", "sen", "rep", "gov"))
            or words[-1].lower() in self.names.by_surname
            or (len(words) >= 2 and words[0] in first_name_genders())
            # "UK Independence Party leader Nigel Farage", "Breitbart London's Raheem Kassam"
            or (len(words) >= 2 and (bool(parts.titles) and parts.titles[-1] in TITLE_WORDS or _POSSESSIVE_BEFORE.search(mention[: mention.rfind(words[0])]) is not None))
        )
        if not person_evidence:
            return None
        canonical = self.names.link(parts.name, start, parts.gender or self._surname_gender(parts.name, start + len(mention.rstrip())), titled=parts.gender is not None)
        self.mention_titles.setdefault(canonical, []).extend(title_types(parts.titles) + (["party"] if parts.party else []))
        if parts.gender and canonical not in self.names.genders and len(canonical.split()) >= 2:
            self.names.genders[canonical] = parts.gender
            self.names.titled.setdefault(canonical, parts.gender)
        return canonical

    def _surname_gender(self, name: str, end: int) -> str | None:
        """For a bare surname that two people of the article share, the gender of the pronoun
        right after it ("Woods said she ..."): the one it points to; None otherwise."""
        if " " in name or len(self.names.by_surname.get(name.lower(), ())) < 2:
            return None
        return pronoun_after(self.text, end, [s for s in self._person_starts if s >= end][:1])

    def entities_in(self, start: int, end: int) -> list:
        return [e for e in self.ents if e.start >= start and e.end <= end]

    def recent_entity(self, before: int, labels: tuple[str, ...], words: tuple[str, ...] = (), gender: str | None = None) -> str | None:
        cands = [e for e in self.ents if e.end <= before and e.label in labels]
        for row in reversed(cands):
            name = self.entity_name(row)
            if not self._gender_fits(name, gender):
                continue
            if not words or _type_of_words(_words_of(name) | self.sources.get(name, _Source(name, "")).words) in words:
                return name
        return None

    def _quoted_before(self, before: int, window: int):
        """The sources recorded before ``before`` and at most ``window`` characters before it,
        the latest first."""
        for offset, name in reversed(self.history):
            if offset < before and before - offset <= window:
                yield name

    def recent_source(self, before: int, kinds: tuple[str, ...], role: str | None = None, window: int = 10_000, gender: str | None = None, exclude: frozenset[str] = frozenset()) -> str | None:
        if gender == "female":
            # "she" after a woman and a person of unknown gender: most people quoted in news are
            # men, so a name known to be a woman's beats a more recent one of unknown gender
            # (for "he" the nearer name wins)
            for name in self._quoted_before(before, window):
                if self.sources[name].kind in kinds and self._gender_known(name) == gender and name not in exclude:
                    return name
        for name in self._quoted_before(before, window):
            if not self._gender_fits(name, gender) or name in exclude:
                continue
            source = self.sources[name]
            if source.kind in kinds and (role is None or _role_matches(role, source.words)):
                return name
        return None

    def resolve(self, start: int, end: int, sentence_start: int) -> tuple[str, str]:
        """Canonical name and kind (person/thing/group) of the mention at ``[start, end)``."""
        mention = self.text[start:end]
        lower = mention.lower().strip()
        if lower in _PRONOUNS:
            return self._pronoun(lower, start, sentence_start)
        if lower in RELATIVE_PRONOUNS:  # "Ana Ruiz, who said ...": the source its antecedent names
            antecedent = relative_antecedent(self.text, start, sentence_start)
            return self.resolve(*antecedent, sentence_start) if antecedent else (UNNAMED, "person")
        timed = _TIME_AFTER_NAME.search(mention)
        if timed and timed.start() > 0:  # "which President Ana Ruiz on Friday declared": the name, not "Friday"
            return self.resolve(start, start + timed.start(), sentence_start)
        ran_on = self._person_before_verb(start, end)
        if ran_on is not None:  # "Sullivan put off deciding whether Judicial Watch": the mention ran past its verb
            return self.resolve(start, ran_on, sentence_start)
        words = mention.split()
        if len(words) > 1 and words[-1] in FUNCTION_ENDS or lower in FUNCTION_ENDS or lower in _NO_SPEAKER or lower.startswith("according to "):
            return UNCLEAR, ""  # no speaker: "the city embodied the", "the candidate misspoke but", a lone "The"
        if _MEDIA_NOUNS.match(mention.strip()):
            return "the media", "group"
        inside = self.entities_in(start, end)
        if all(_POSSESSOR_OR_PRINCIPAL.search(self.text, max(start, e.start - 40), e.end + 2) for e in inside if e.label == "PERSON"):
            # a role phrase in apposition with a name: "Ana Ruiz, a spokeswoman for Lee, said"
            row = apposed_person(self.text, self.ents, start, end)
            if row is not None:
                return self._register(self.entity_name(row), "person", mention, start, named=True)
        head_words = _head_words(mention)
        pair = _NAME_PAIR.match(mention.strip())
        if pair:  # a group of named people speaks: "Cummings and Conyers"
            names = [self.person_mention(pair.group(k), start, True) or pair.group(k) for k in ("a", "b")]
            return self._register(" and ".join(names), "group", mention, start, named=True)
        joined = self._joined_names(start, end, sentence_start)
        if joined:  # "Sen. Ted Cruz of Texas and Sen. Rand Paul of Kentucky", "Clinton and the State Department"
            return self._register(joined, "group", mention, start, named=True)
        described = _DESCRIBED.match(mention.strip())
        if described:
            # "some Americans", "a New Hampshire Democrat": part of a group, or one of its members, unnamed
            name = described.group(1).lower() + mention.strip()[described.end(1) :]
            kind = "person" if described.group(1).lower() in ("a", "an", "one", "another") else "group"
            return self._register(name, kind, mention, start, named=False)
        last = mention.strip().split()[-1] if mention.strip() else ""
        # a capitalised word inside a sentence, or a known surname, is a name ("replied Sanders"), not "Protesters"
        a_name = last[:1].isupper() and (start > sentence_start or last.lower() in self.names.by_surname) and last.lower() not in _ALL_ROLE_WORDS
        plural_noun = _GROUP_HEAD.search(mention.strip()) or _GROUP_OF.match(mention.strip()) or (
            mention.strip() == last and not a_name and (last.lower() in _ALL_ROLE_WORDS or _AGENT_PLURAL.search(last.lower()))
        )
        if plural_noun and not _MEDIA_NOUNS.match(mention.strip()):
            # a group speaks as a group: "four Democratic senators", "Clinton aides"
            name = re.sub(r"^(?:The)\s", "the ", mention.strip())
            return self._register(name, "group", mention, start, named=False)
        tagged = _PLACE_AFTER.match(mention.strip())
        if tagged and tagged.group(1).split()[-1].lower() in self.names.by_surname:
            # "Butterfield of North Carolina": a known surname and where the person is from
            return self.resolve(start, start + len(mention) - len(mention.lstrip()) + len(tagged.group(1)), sentence_start)
        persons = [e for e in inside if e.label == "PERSON"]
        ends_with_name = not re.search(r"[’']s?\s+\w+$|\b[a-z]+$", mention.strip())
        if ends_with_name and not persons and inside and inside[-1].label in ("ORGANIZATION", "LOCATION") and not self.text[inside[-1].end : end].strip(" ,"):
            org_words = self.text[inside[-1].start : inside[-1].end].split()
            last_name = parse_name(mention).name.split()
            # "A spokesman for the Wells Police Department": the organisation's last word is no surname
            ends_with_name = not (last_name and (len(last_name) < len(org_words) or org_words[-1] in FIRM_AND_PAPER_ENDS) and last_name == org_words[-len(last_name) :])
        if ends_with_name:
            person = self.person_mention(mention, start, bool(persons))
            if person:
                return self._register(person, "person", mention, start, named=True)
        if inside:
            ends_with_entity = self.text[inside[-1].end : end].strip(" ,'’s") == ""
            if persons:
                return self._register(self.entity_name(persons[-1]), "person", mention, start, named=True)
            if ends_with_entity or not (head_words & _PERSON_ROLE_WORDS or _org_role(mention)):
                row = inside[0]
                kind = "thing" if row.label in ("ORGANIZATION", "LOCATION") else "person"
                name = self.entity_name(row)
                whole = _ORG_NAME.fullmatch(mention.strip()) or _ORG_NAME.fullmatch(_ROLE_FOR.split(mention.strip())[-1])
                if whole and kind == "thing" and len(whole.group(1).split()) > len(name.split()) and set(name.split()) <= set(whole.group(1).split()):
                    # the recogniser cut the name ("Budget Office" in "the Congressional Budget Office"): the whole name, from now on
                    self.fuller[name] = name = whole.group(1)
                return self._register(name, kind, mention, start, named=True)
        noun = _DEFINITE_NOUN.match(lower)
        if noun:  # "According to the same person", "That source said": the unnamed source named last
            name = self._recent_unnamed(start, noun.group(2))
            if name:
                return self._register(name, self.sources[name].kind, mention, start, add_words=False)
        # role phrases: "the Kremlin spokesman", "the company", "the spokesman for the head of state"
        definite = re.match(r"^(?:the|this|that)\s", lower) is not None
        person_role = _person_role(mention)
        org_role = _org_role(mention)
        if noun and not noun.group(1) and noun.group(2) in _ORG_NOUNS:
            name = self._org_for_noun(start, noun.group(2))
            if name:  # "the union said": the union named before
                return self._register(name, "thing", mention, start, named=True)
        if person_role and definite and not (ends_with_name and len(words) > 3):  # "The Ames Union Leader" is a name
            name = self.recent_source(start, ("person",), person_role)
            if name:
                return self._register(name, "person", mention, start)
            name = self._recent_person_with_role(start, person_role)
            if name:
                return self._register(name, "person", mention, start, named=True)
        if org_role and definite and not person_role:
            name = self._recent_org(start, org_role)
            if name:
                return self._register(name, "thing", mention, start, named=True)
        name = re.sub(r"^(?:The)\s", "the ", mention.strip())
        kind = "group" if re.search(r"s$", _head(mention)) and not person_role else ("person" if person_role else "thing")
        parts = parse_name(mention) if ends_with_name else None
        if parts and parts.name:  # a name the entity recogniser missed ("Trump", "Baker")
            if kind == "thing" and " " in parts.name and self._person_apposition(end):
                kind = "person"  # "Ana Ruiz, leader of the council": a person, by the role after the name
            return self._register(parts.name, kind, mention, start, named=True)
        return self._register(name, kind, mention, start)

    def _recent_unnamed(self, before: int, noun: str, window: int = 3_000) -> str | None:
        """The latest source before ``before`` that the article describes without a name ("a
        person familiar with the inquiry", "an official who asked not to be named") and whose
        description has ``noun`` (any such source for "person" and "source")."""
        for name in self._quoted_before(before, window):
            source = self.sources[name]
            if source.named or source.kind == "group" or not _INDEFINITE.match(name):
                continue
            if noun in ("person", "source") or noun == _description_head(name):
                return name
        return None

    def _joined_names(self, start: int, end: int, sentence_start: int) -> str | None:
        """The sources of a mention that joins two to four names with commas and "and", each
        resolved on its own and joined with "and"; None when a part is no name or one entity
        spans the "and" ("the Department of Health and Human Services")."""
        mention = self.text[start:end]
        if " and " not in mention or any(e.start < start + m.start() < e.end for e in self.entities_in(start, end) for m in re.finditer(r" and ", mention)):
            return None
        parts = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,]+?(?=\s*(?:,\s*(?:and\s+)?|\s+and\s+|$))", mention) if m.group().strip()]
        parts = [(a + len(self.text[a:b]) - len(self.text[a:b].lstrip()), b) for a, b in parts]
        parts = [(a + 4, b) if self.text[a:b].startswith("and ") else (a, b) for a, b in parts]
        if not 2 <= len(parts) <= 4 or not all(_NAMED_PART.match(self.text[a:b]) for a, b in parts):
            return None
        names = []
        for a, b in parts:
            name, _ = self.resolve(a, b, sentence_start)
            if name in (UNNAMED, UNCLEAR) or not (self.sources.get(name) and self.sources[name].named):
                return None
            names.append(name)
        return " and ".join(dict.fromkeys(names)) if len(set(names)) > 1 else None

    def _recent_person_with_role(self, before: int, role: str) -> str | None:
        persons = [e for e in self.ents if e.end <= before and e.label == "PERSON"]
        for row in reversed(persons):
            context = self.text[max(0, row.start - 80) : row.end + 80].lower()
            if any(w in context for w in _PERSON_ROLES[role]):
                return self.entity_name(row)
        return None

    def _person_before_verb(self, start: int, end: int) -> int | None:
        """Where the name ends, when a mention opens with a person's name (after titles) and
        runs on past the verb that follows it ("Trump told the Washington", "Ana Ruiz quickly
        took to Twitter"); else None."""
        persons = [e for e in self.ents if e.label == "PERSON" and start <= e.start and e.end < end]
        if not persons or _RELATIVE_NEXT.match(self.text, end):
            return None  # (the antecedent of "who": "Bundy spoke to Ruiz on camera, who ..." is Ruiz)
        first = persons[0]
        if _NOT_OPENING_NAME.search(self.text, start, first.start):
            return None  # "a spokesman for Lee told": the speaker is the spokesman
        return first.end if _VERB_AFTER_NAME.match(self.text, first.end, end) else None

    def _person_apposition(self, end: int) -> bool:
        """True when a person's role or age stands in apposition right after ``end``: ", leader
        of the council", ", a senior adviser to", ", 54,"."""
        m = _APPOSED_ROLE.match(self.text, end)
        return m is not None and (m.group(1) is None or m.group(1).lower() in _PERSON_ROLE_WORDS - _NOT_ROLE_NOUNS)

    def _org_for_noun(self, before: int, noun: str) -> str | None:
        """The latest organisation named before ``before`` that "the ``noun``" can stand for:
        its name ends in the noun or a word listed for it ("Halvorsen Savings Bank" for "the
        bank"), the noun describes it ("radio station Fenmarsh FM", "Meridian Care Group, the
        private operator"), or, within a few paragraphs, it is of the noun's type ("the union"
        and a teachers' association); None when none is."""
        ends = _ORG_NOUNS[noun]
        noun_type = _type_of_words({noun}) if noun in _TYPED_ORG_NOUNS else "other"
        described_before, described_after = _described_as(noun)
        for row in reversed(self.ents):
            if row.end > before or row.label != "ORGANIZATION":
                continue
            name = _DATELINE.sub("", self.entity_name(row))  # "HARWICK - Halvorsen Savings Bank"
            bare = re.sub(r"\s*\([^)]*\)$", "", name)
            words = [w.strip(".,’'").lower() for w in bare.split()]
            if not words or set(words) <= _ALL_ROLE_WORDS:
                continue  # "CEO" taken for an organisation
            heads = {words[-1], *(p.split()[-1].strip(".,’'").lower() for p in _OF_SPLIT.split(bare) if p.split())}
            if (
                heads & ends
                or described_before.search(self.text, max(0, row.start - 30), row.start)
                or described_after.match(self.text[row.end : row.end + 80])
                or (noun_type != "other" and before - row.end <= _TYPED_NOUN_WINDOW and (org_type(bare) or _type_of_words(_words_of(bare))) == noun_type)
            ):
                return name
        # a name the entity recogniser missed: "Carrow Nurses' Association" for "the union"
        for found in reversed(list(_ORG_NAME.finditer(self.text, max(0, before - _TYPED_NOUN_WINDOW), before))):
            name = re.sub(r"^The\s+|[’']s?$", "", found.group(1))
            if " " in name and name.split()[-1].strip(".,’'").lower() in ends and name.split()[0] not in ("The", "A", "An"):
                return name
        if noun_type == "company":  # "Langmoor Water, which supplies ..., said ... In a statement, the company said"
            return self._organisation_just_quoted(before)
        return None

    def _organisation_just_quoted(self, before: int, window: int = 600) -> str | None:
        """The named organisation quoted last, within ``window`` characters before ``before``,
        when its name says nothing of its kind (a firm no head word types): what "the company"
        most often stands for right after it spoke."""
        for name in self._quoted_before(before, window):
            source = self.sources[name]
            if source.kind == "thing" and source.named and not org_type(name) and _type_of_words(_words_of(name)) in ("other", "company"):
                return name
            return None  # someone else spoke in between
        return None

    def _recent_org(self, before: int, role: str) -> str | None:
        if role == "place":
            return self.recent_entity(before, ("LOCATION",))
        wanted = {"company": ("company",), "media": ("media",), "government": ("government",)}[role]
        name = self.recent_entity(before, ("ORGANIZATION",), wanted)
        return name

    def _register(self, name: str, kind: str, mention: str, offset: int, add_words: bool = True, named: bool = False) -> tuple[str, str]:
        source = self.sources.setdefault(name, _Source(name, kind))
        source.named = source.named or named
        if add_words:
            source.words |= _words_of(mention) | _words_of(name)
        return name, source.kind

    def record(self, offset: int, name: str, kind: str, role_text: str = "") -> None:
        if name in (UNNAMED, UNCLEAR):
            return
        source = self.sources.setdefault(name, _Source(name, kind))
        source.words |= _words_of(role_text)
        self.history.append((offset, name))

    def title_types_by_source(self) -> dict[str, list[str]]:
        """Canonical person -> the types its titles point to, over all its mentions in the text."""
        found = {name: list(types) for name, types in self.mention_titles.items()}
        for row in self.ents:
            types = self.person_titles.get(row.start)
            if types:
                found.setdefault(self.entity_name(row), []).extend(types)
        return found
