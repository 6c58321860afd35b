"""From found statements to output rows: speakers resolved, typed, and the row written.

A rule (:mod:`.direct`, :mod:`.reported`) yields a :class:`_Row` with the offsets of the
content, the cue and the speaker mention; :func:`_resolve_and_frame` resolves each mention
to a canonical source (:mod:`.resolve`), gives each source one type and cue class, and
writes one record per statement with the columns of ``QUOTE_COLUMNS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..nlp import entities as entmod
from ..nlp import tokens as nlp_tokens
from ..nlp.entities import JOB_ENDING
from .names import title_types
from .resolve import UNCLEAR, _Entity, _entity_rows, _Resolver
from .roles import _ORG_NOUNS, _PERSON_ROLE_WORDS
from .speaker_context import (
    anonymous,
    election_story,
    headline_names,
    ordinary_first_names,
    personal_quote,
    predicate_role,
    role_phrase,
    running_names,
)
from .speaker_types import (
    AGE_MARK,
    BARE,
    INTERVIEWER,
    ORG_HEADS,
    PERSONAL_MARK,
    PLACE_MARK,
    STAFF_ROLES,
    UNNAMED,
    org_type,
    speaker_type,
    story_type,
)
from .speakers import (
    AGE_AFTER,
    FUNCTION_ENDS,
    RELATIVE_PRONOUNS,
    _apposition_after,
    _is_speaker_phrase,
    _main_subject,
    relative_antecedent,
)
from .verbs import cue_connotation, lemma

_FUNCTION_WORDS = frozenset(getattr(entmod, "_FUNCTION_WORDS", ()))
# a home town written in a speaker mention: "Ann Cole of Dayton", "Ann Cole from Dayton, Ohio"
_PLACE_TAG = re.compile(r"\w\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?$")
# an organisation tag in a speaker mention: "Ross Hale of the Marlow Policy Institute"
_AFFILIATION = re.compile(r"\w\s+(?:of|at|with)\s+((?:the\s+)?[A-Z][\w.&’'\-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w.&’'\-]*))*)$")
# what follows the name of someone running for office: "Sanders' campaign", "Trump supporters"
_CANDIDACY_AFTER = re.compile(r"(?:[’']s?)?\s+(?:presidential\s+|senate\s+|primary\s+)?(?:campaign|candidacy|bid|running\s+mate|supporters|rally|rallies|delegates)\b", re.I)
# a name in a list of candidates: "Republican hopefuls Jeb Bush, Chris Christie and John Kasich"
_IN_CANDIDATE_LIST = re.compile(
    r"\b(?:candidates|hopefuls|contenders|rivals|nominees)\s*(?:,\s*|\s+(?:including|such\s+as|like)\s+)?"
    r"(?:(?:Sens?\.|Govs?\.|Reps?\.|former|Gov\.|Sen\.|[A-Z][\w.'’\-]*)\s*(?:,\s*|\s+and\s+|\s+)){0,14}$"
)


@dataclass
class _Row:
    """A statement found by a rule, before its speaker is resolved (offsets into the text)."""

    start: int
    end: int
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    mention: tuple[int, int] | None
    sentence: int
    confidence: float
    pattern: str
    speaker: str = ""
    speaker_kind: str = ""
    fragments: list[tuple[int, int]] = field(default_factory=list)


class _EntityRoles:
    """Role words said of each named entity anywhere in the text: the words right before a
    mention in its sentence ("Finance Minister", "union leader"), a role before it and a comma
    ("Mr. Trump's campaign chairman, Paul Manafort"), a candidacy after it ("Sanders'
    campaign") and an apposition after it. Worked out per source when first asked for (most
    entities never speak)."""

    def __init__(self, text: str, entities: list[_Entity], name_of=None):
        self.text = text
        self.rows: dict[str, list[_Entity]] = {}
        self._names: dict[int, str] = {}
        for row in entities:
            if row.label in ("PERSON", "ORGANIZATION"):
                name = name_of(row) if name_of is not None else row.canonical
                self.rows.setdefault(name, []).append(row)
                self._names[row.start] = name
        self.done: dict[str, str] = {}
        self.appositions: dict[str, list[str]] = {}
        self._bodies = sorted((row for row in entities if row.label == "ORGANIZATION"), key=lambda r: r.start)

    def _name_of(self, row: _Entity) -> str:
        return self._names.get(row.start, row.canonical)

    def get(self, name: str, default: str = "") -> str:
        if name not in self.rows:
            return default
        if name not in self.done:
            self.done[name] = " ".join(w for row in self.rows[name] for w in self._words(row))
        return self.done[name]

    def appositions_of(self, name: str) -> list[str]:
        """The appositions after the mentions of ``name`` ("X, a spokesman for Y, said")."""
        self.get(name)
        return self.appositions.get(name, [])

    def _body_before(self, start: int) -> str | None:
        """The organisation named last before ``start`` (what "its" points to)."""
        before = [row for row in self._bodies if row.end <= start]
        return self._name_of(before[-1]) if before else None

    def _words(self, row: _Entity) -> list[str]:
        text = self.text
        words = []
        if row.label == "PERSON":  # the title run right before a name: "Finance Minister", "union leader"
            before = _BEFORE_NAME_STOP.split(text[max(0, row.start - 60) : row.start])[-1].split()
            for word in reversed(before[-4:]):
                if word.lower() in _FUNCTION_WORDS or lemma(word) or word.endswith("ed"):
                    break
                words.insert(0, word)
            honorific = _HONORIFIC_BEFORE.search(text, max(0, row.start - 8), row.start)
            start = honorific.start() if honorific else row.start  # "Its chief executive, Dr. Helen Okonjo": the role before the honorific
            owner_of = _ROLE_OF_BEFORE.search(text[max(0, start - 90) : start])
            if owner_of:  # "the owner of the Marlow Country Club, Tom Hale": a role, read as an apposition
                self.appositions.setdefault(self._name_of(row), []).append(owner_of.group(1))
            its = _ITS_ROLE_BEFORE.search(text, max(0, start - 60), start)
            body = self._body_before(its.start()) if its else None
            if body:  # "The union ... Its president, Ann Cole,": the role in the body named last
                self.appositions.setdefault(self._name_of(row), []).append(f"{its.group(1)} of {body}")
            lead = None if body else _ROLE_BEFORE.search(text[max(0, start - 60) : start])
            if lead:  # "Mr. Trump's campaign chairman, Paul Manafort"
                words.extend(lead.group(1).split())
                owner = _OWNER_BEFORE.search(text, max(0, start - 80), max(0, start - 60) + lead.start() + 2)
                if owner:  # "the union's president, Ann Cole": whose role it is tells the type
                    words.append(owner.group(1))
            if _CANDIDACY_AFTER.match(text, row.end) or _IN_CANDIDATE_LIST.search(text, max(0, row.start - 150), row.start):
                words.append("candidate")  # "Sanders' campaign", "Republican hopefuls Jeb Bush and John Kasich"
            if AGE_AFTER.match(text, row.end):  # "Donna Lages, 39, a waitress"
                words.append(AGE_MARK)
        else:  # the noun right before an organisation's name: "the public relations firm MWW"
            lead = _NOUN_BEFORE.search(text, max(0, row.start - 40), row.start)
            if lead:
                words.append(lead.group(1))
        apposition = role_phrase(_apposition_whole(text, row.end))
        if apposition.startswith("whose "):
            apposition = ""  # "X, whose wife ...": about someone else
        if apposition:
            self.appositions.setdefault(self._name_of(row), []).append(apposition)
        if row.label == "PERSON":
            role = predicate_role(text, row.start, row.end)
            if role:  # "Ann Cole is the union's treasurer.", "Ann Cole has lived in Dayton for 30 years."
                self.appositions.setdefault(self._name_of(row), []).append(role)
        return [*words, apposition]


# where the title run before a name stops: punctuation, a dash, a bracket ("Washington (AFP) –")
_BEFORE_NAME_STOP = re.compile(r"[.;:!?\"“”()–—]|,\s|\s-+\s")
# "the website Politico", "the polling firm Gallup": a lower-case noun right before a name
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]{2,})\s+$")
# a role of up to four words ending in a lower-case noun, then the comma before a name
_SENTENCE_START = r"(?:^|[.;:!?\"“”]\s*)"
_ROLE_THEN_COMMA = r"((?:[\w\-]+\s+){0,3}[a-z][\w\-]*),\s*$"
# a role opening the sentence before the speaker's name: "The ferry operator, Blue Line Boats, said"
_LEAD_ROLE = re.compile(_SENTENCE_START + r"(?:The|A|An)\s+" + _ROLE_THEN_COMMA)
# the same before a person's name, also after a possessive or an article: "Mr. Trump's campaign chairman, Paul Manafort"
# "the union's" right before such a role: the body whose role it is
_OWNER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+([a-z][\w\-]*)[’']s?$")
# "the owner of the Marlow Country Club, " right before a name
_ROLE_OF_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[a-z][\w\-]*\s+){1,3}of\s+(?:the\s+)?(?:[A-Z][\w.&’'\-]*\s+){0,5}[A-Z][\w.&’'\-]*),\s*$")
# "Its president, " / "their spokesman, " right before a name: the role in the body named last
_ITS_ROLE_BEFORE = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+((?:[\w\-]+\s+){0,3}[a-z][\w\-]*),\s*$")
# an academic honorific between such a role and the name: "Its chief executive, Dr. Helen Okonjo"
# (not "Mr.": "chatted with the former secretary, Mr. Hale held" is no role of his)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Dr|Prof)\.?\s+$")
_ROLE_BEFORE = re.compile(_SENTENCE_START[:-1] + r"|[’']s\s+|\b(?:a|an|the|another|his|her|their)\s+)" + _ROLE_THEN_COMMA)


# "U.S.", "A.F.L.-C.I.O." inside a role: their full stops end no apposition ("a major U.S. banking regulator")
_DOTTED_CAPITALS = re.compile(r"\b(?:[A-Z]\.-?){2,}")


def _apposition_whole(text: str, end: int) -> str:
    """The role phrase right after a name (:func:`.speakers._apposition_after`), not cut at the
    full stops of "U.S." before a lower-case word."""
    window = text[end : end + 160]
    if not _DOTTED_CAPITALS.search(window):
        return _apposition_after(text, end)
    def mask(m: re.Match) -> str:  # the last full stop ends the sentence unless a lower-case word or a comma follows
        inner = m.group()[:-1].replace(".", "_")
        return inner + ("_" if re.match(r"\s*[a-z,]", window[m.end() : m.end() + 4]) and "\n" not in window[m.end() : m.end() + 2] else ".")

    masked = _DOTTED_CAPITALS.sub(mask, window)
    found = _apposition_after(masked, 0)
    at = masked.find(found) if found else -1
    return window[at : at + len(found)] if at >= 0 else ""


def _resolve_and_frame(text, rows: list[_Row], ents: pd.DataFrame | dict[str, list], sent_spans, resolve_pronouns: bool) -> list[dict]:
    """One output record per row: speakers resolved in cue order, one type per source, sorted by offset."""
    if not rows:
        return []
    entities = _entity_rows(ents)
    resolver = _Resolver(text, entities)
    places = {e.canonical for e in entities if e.label == "LOCATION"}
    entity_roles = _EntityRoles(text, entities, resolver.entity_name)
    appositions: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: r.cue_start):
        if row.speaker == "the media":
            resolver.record(row.cue_start, "the media", "group", "media")
            continue
        if row.speaker in ("@inherit", INTERVIEWER):
            continue
        if row.mention is None:
            row.speaker, row.speaker_kind = UNNAMED, ""
            continue
        row.mention = _trim_clause(text, row.mention)
        s_start = sent_spans[row.sentence][0]
        if resolve_pronouns:
            name, kind = resolver.resolve(row.mention[0], row.mention[1], s_start)
        else:
            name, kind = text[row.mention[0] : row.mention[1]], ""
        row.speaker, row.speaker_kind = name, kind
        named_at = row.mention  # where the source is named: a relative pronoun's antecedent
        if text[row.mention[0] : row.mention[1]].lower() in RELATIVE_PRONOUNS:
            named_at = relative_antecedent(text, row.mention[0], s_start) or row.mention
        apposition = role_phrase(_apposition_whole(text, named_at[1]))
        if apposition.startswith("whose "):
            apposition = ""  # "X, whose wife ...": about someone else
        if apposition:
            appositions.setdefault(name, []).append(apposition)
        affiliation = _AFFILIATION.search(text, named_at[0], named_at[1])
        if affiliation and not affiliation.group(1).startswith("the ") and not org_type(affiliation.group(1)):
            affiliation = None  # "Ann Cole of Dayton": a home town; "Ana Kovac of Tolland Fire Service": a body
        age = AGE_MARK if AGE_AFTER.match(text, named_at[1]) else PLACE_MARK if not affiliation and _PLACE_TAG.search(text, named_at[0], named_at[1]) else ""
        if affiliation:  # "Ross Hale of the Marlow Policy Institute": the body he speaks for, read as an apposition
            appositions.setdefault(name, []).append("of " + affiliation.group(1))
        lead = _LEAD_ROLE.search(text, max(0, named_at[0] - 60), named_at[0])  # "The ferry operator, Blue Line Boats, said"
        role = " ".join([lead.group(1) if lead else "", text[named_at[0] : named_at[1]], apposition, age, entity_roles.get(name, "")])
        resolver.record(row.cue_start, name, kind, role)
    _named_later(rows, resolver)
    # agentless statements take the source of the statement before them
    ordered = sorted(rows, key=lambda r: r.cue_start)
    for i, row in enumerate(ordered):
        if row.speaker == "@inherit":
            before = next((r for r in reversed(ordered[:i]) if r.speaker not in ("@inherit", UNNAMED)), None)
            row.speaker = before.speaker if before else UNNAMED
            row.mention = None
    titles = resolver.title_types_by_source()
    running = running_names(text)
    ordinary = ordinary_first_names(text)  # introduced with an age or as one of a crowd anywhere
    # sources whose own quoted words speak of their life ("I still live with my dad")
    personal = {r.speaker for r in rows if r.kind in ("direct", "partial") and personal_quote(text[r.start : r.end])}
    records = []
    for row in rows:
        mention = row.mention
        name = row.speaker or UNNAMED
        source = resolver.sources.get(name)
        words = source.words if source else set()
        surname = name.split()[-1].lower() if name.split() else None
        first = name.split()[0].lower() if len(name.split()) > 1 else ""
        if surname in ordinary and (not first or not ordinary[surname] or first in ordinary[surname]):
            words = {*words, AGE_MARK}
        if name in personal:
            words = {*words, PERSONAL_MARK}
        named = bool(source and source.named)
        kind_of_source = speaker_type(
            name, words, is_place=name in places, title_types=titles.get(name, ()),
            appositions=(*appositions.get(name, ()), *entity_roles.appositions_of(name)),
            kind=source.kind if source else "", runs=surname in running, named=named, bare=BARE,
        )
        if kind_of_source == "other" and not named and name != UNCLEAR:
            kind_of_source = UNNAMED
        if name == UNCLEAR:  # shown as such: the rules could not tell which person speaks
            kind_of_source = "other"
        fragments = row.fragments or [(row.start, row.end)]
        quote = " … ".join(text[a:b] for a, b in fragments)
        records.append({
            "speaker": name,
            "speaker_type": kind_of_source, "named": named, "type_guessed": False,
            "kind": row.kind, "cue": row.cue, "cue_class": cue_connotation(row.cue) or "neutral",
            "quote": quote, "start": row.start, "end": row.end,
            "speaker_start": mention[0] if mention else -1, "speaker_end": mention[1] if mention else -1,
            "mention": text[mention[0] : mention[1]] if mention else "",
            "cue_start": row.cue_start, "cue_end": row.cue_end, "sentence": row.sentence,
            "words": sum(len(nlp_tokens.words(text[a:b])) for a, b in fragments), "confidence": row.confidence,
            "pattern": row.pattern, "fragments": [list(f) for f in fragments],
        })  # fmt: skip
    # one type per canonical source: the type its statements give most often, leaving out
    # "other" and "unnamed" (ties: the alphabetically first)
    given: dict[str, list[str]] = {}
    for record in records:
        if record["speaker_type"] not in ("other", UNNAMED, BARE):
            given.setdefault(record["speaker"], []).append(record["speaker_type"])
    for record in records:
        types = given.get(record["speaker"])
        if types:
            record["speaker_type"] = max(sorted(set(types)), key=types.count)
    staff_appositions = {n: [*a, *entity_roles.appositions_of(n)] for n, a in appositions.items()}
    _staff_take_their_principal_type(records, resolver, staff_appositions)
    # a person named bare: the type the story's other named people have most often
    people = {r["speaker"]: r["speaker_type"] for r in records if r["named"] and r["speaker_type"] != BARE}
    default = story_type(list(people.values()))
    if any(record["speaker_type"] == BARE for record in records):
        election, headline = election_story(text), headline_names(text)
        writers = {r["speaker"] for r in records if r["speaker_type"] == BARE and _writes_as_journalist(text, r)}
        bare = {r["speaker"] for r in records if r["speaker_type"] == BARE}
        decided = {name: _bare_person_type(name, default, election, headline, name in writers) for name in bare}
        for record in records:
            if record["speaker_type"] == BARE:
                record["speaker_type"] = decided[record["speaker"]]
                record["type_guessed"] = True  # no word of the article says what the person is
        _staff_take_their_principal_type(records, resolver, staff_appositions)  # the staff of a person typed just now
    _anonymous_sources_unnamed(text, records, sent_spans)
    records.sort(key=lambda r: (r["start"], r["end"]))
    return records


#: how far after a role described with "the" its holder may be named (characters)
NAMED_LATER_WINDOW = 1_500
# "the university's rector", "the company's chief executive": a role described, its holder unnamed yet
_DEFINITE_ROLE = re.compile(r"the\s+(?:[\w\-]+[’']s\s+)?(?:[a-z\-]+\s+){0,2}([a-z\-]+)")


def _named_later(rows: list[_Row], resolver: _Resolver) -> None:
    """A source described by its role before the article names it ("..., the university's
    rector said on Thursday." then "Rector Mara Obi said ...") is the one person named with
    that role word in the next :data:`NAMED_LATER_WINDOW` characters, when there is one."""
    for row in rows:
        source = resolver.sources.get(row.speaker)
        if source is None or source.named or source.kind == "group":
            continue
        role = _DEFINITE_ROLE.fullmatch(row.speaker.strip())
        word = role.group(1) if role else ""
        if not word or word in ("person", "source", "official", "people") or not _person_noun(word):
            continue  # a person's role ("the rector", "the billionaire"), not "the campaign" or "the survey"
        later = {name for offset, name in resolver.history
                 if row.cue_start < offset <= row.cue_start + NAMED_LATER_WINDOW and name != row.speaker
                 and resolver.sources[name].named and resolver.sources[name].kind == "person" and word in resolver.sources[name].words}
        if len(later) == 1:
            row.speaker = later.pop()


def _person_noun(word: str) -> bool:
    """True when ``word`` names a person's role: a role or title word ("billionaire", "mayor"),
    or a word formed like one ("curator", "organiser", "economist"), and no body's noun ("the
    campaign", "the paper", "the center")."""
    if word in ORG_HEADS or word in _ORG_NOUNS:
        return False
    return word in _PERSON_ROLE_WORDS or bool(title_types((word,))) or JOB_ENDING.search(word) is not None


# a speaker written as a description, not a name: "a senior Harlow Union official", "two aides"
_DESCRIPTION = re.compile(r"(?:a|an|one|two|three|several|some)\s", re.I)


def _anonymous_sources_unnamed(text: str, records: list[dict], sent_spans) -> None:
    """A source the article does not name and marks as anonymous ("an official at the agency,
    who spoke on condition of anonymity", "two people familiar with the inquiry") is
    ``unnamed`` in every statement, whatever its role says."""
    marked = set()
    for record in records:
        if record["speaker"] in marked or record["speaker"] == UNCLEAR:
            continue
        if record["named"] and not _DESCRIPTION.match(record["speaker"]):
            continue  # a name; but "a senior Harlow Union official" describes someone unnamed
        a, b = sent_spans[record["sentence"]] if 0 <= record["sentence"] < len(sent_spans) else (record["start"], record["end"])
        if anonymous(text[a:b], record["mention"] or record["speaker"]):
            marked.add(record["speaker"])
    for record in records:
        if record["speaker"] in marked:
            record["speaker_type"] = UNNAMED


# what a writer writes that is no article: "wrote on Twitter", "wrote in a letter", "writes in his book"
_NOT_AN_ARTICLE = re.compile(
    r"\s*(?:[A-Z][\w.’'\-]*\s+){0,3}(?:on|in)\s+(?:a|an|the|his|her|their|its)?\s*(?:[\w\-]+\s+){0,2}?"
    r"(?:Twitter|Facebook|Instagram|letter|statement|memo|post|posting|tweet|e-?mail|message|book|memoir|filing|complaint|report|note|essay|op-ed)\b"
)


def _writes_as_journalist(text: str, record: dict) -> bool:
    """True when a statement of a person the article names with nothing that types them is
    something they wrote, not on social media, in a letter or a book: "wrote Ann Cole in The
    Courier", "Ann Cole writes": how reports quote a journalist or a columnist."""
    if lemma(record["cue"].split()[0].lower()) != "write" if record["cue"].split() else True:
        return False
    after = max(record["cue_end"], record["speaker_end"])
    return not _NOT_AN_ARTICLE.match(text, after)


def _bare_person_type(name: str, default: str, election: bool, headline: frozenset[str], writer: bool = False) -> str:
    """The type of a person the article names with nothing that types them: in an election
    story, one named in the headline is a politician (the story is about them); one quoted from
    what they wrote (``writer``, see ``_writes_as_journalist``) is a journalist; else the type
    the story's other named people have most often (``default``, see ``story_type``); when that
    does not tell, a politician in an election story and an ordinary person elsewhere, the way
    reporters name the people they quote without a role."""
    surname = name.split()[-1].lower() if name.split() else ""
    if election and surname in headline:
        return "politics"
    if writer:
        return "media"
    if default in _ROLE_INTRODUCED and not election:
        return "citizen"  # officials, experts, journalists and activists come with their role
    if default != "other":
        return default
    return "politics" if election else "citizen"


# the kinds of source reporters introduce by their role ("Police Chief Ann Cole", "Tom Hale, a
# professor of law"): in a story that quotes them, a person named with no role is not one of them
_ROLE_INTRODUCED = frozenset(("government", "academic", "media", "civil_society"))


# "a spokesman for Mrs. Clinton", "Mrs. Clinton's communications director": whose staff a source is
_STAFF_APPOSITION = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,3}(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|staffer|director|secretary|manager|strategist|pollster|chairman)"
    r"\s+(?:for|to|of)\s+(?:the\s+)?(?:\w+\.?\s+){0,3}?([A-Z][\w’'\-]+)(?:[’']s?)?(?:\s+(?:campaign|presidential\s+campaign))?\s*$"
    r"|^(?:[A-Z][\w.\-]*\s+){0,2}([A-Z][\w\-]+)[’']s?\s+(?:[\w\-]+\s+){0,2}(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|director|secretary|manager|strategist|pollster|chairman)\b"
)


def _staff_take_their_principal_type(records: list[dict], resolver: _Resolver, appositions: dict[str, list[str]] | None = None) -> None:
    """A spokesman, aide or adviser of another source ("Cruz spokesman Rick Tyler", "Clinton
    aide") whose own words give no type speaks for that source: it takes its type. So does
    one whose apposition says whose staff it is ("Nick Merrill, a spokesman for Mrs. Clinton"),
    whatever its own words say, when that source is a politician or an official."""
    typed = {r["speaker"]: r["speaker_type"] for r in records if r["speaker_type"] not in ("other", UNNAMED, BARE)}
    by_surname: dict[str, str] = {}
    for name, kind in sorted(typed.items()):  # two of one family: the politician's staff, if either is one
        if " " in name and by_surname.get(name.split()[-1].lower()) != "politics":
            by_surname[name.split()[-1].lower()] = kind
    for record in records:
        for apposition in (appositions or {}).get(record["speaker"], ()):
            m = _STAFF_APPOSITION.match(apposition.strip())
            principal = (m.group(1) or m.group(2)).lower() if m else None
            if principal and by_surname.get(principal) in ("politics", "government") and principal not in record["speaker"].lower().split():
                record["speaker_type"] = by_surname[principal]
                break
        if record["speaker_type"] != "other" or not record["named"]:
            continue  # (the loop over appositions above may have typed it)
        source = resolver.sources.get(record["speaker"])
        words = source.words if source else set()
        if not words & STAFF_ROLES:
            continue
        own = set(record["speaker"].lower().split())
        principal = next((by_surname[w] for w in sorted(words) if w in by_surname and w not in own), None)
        if principal:
            record["speaker_type"] = principal
            continue
        people = {w for name, src in resolver.sources.items() if src.kind == "person" for w in name.lower().split()}
        for apposition in (appositions or {}).get(record["speaker"], ()):
            body = _BODY_SPOKESMAN.match(apposition.strip())
            if body and not people & set(body.group(1).lower().split()):
                record["speaker_type"] = "company"  # "a Brixo spokeswoman": the voice of a body no word types, most often a firm
                break


# "a Brixo spokeswoman", "the Hale Foods spokesman": the spokesperson of a body named before the title
_BODY_SPOKESMAN = re.compile(r"^(?:a|an|the)\s+((?:[A-Z][\w.&’'\-]*\s+){1,4})(?:spokesman|spokeswoman|spokesperson|representative)$")


# a name followed by a verb in the past or a negation: the mention is a whole clause
_CLAUSE_MENTION = re.compile(
    r"^((?:[A-Z][\w.'’\-]*\s+|of\s+){0,5}[A-Z][\w'’\-]*)\s+"
    r"(?:(?:then\s+|also\s+|later\s+|first\s+|[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+(?:n't|n’t)|did|was|were|had|has|took|made|gave|went|came|won|lost|met|spoke|wrote)"
    r"|(?:often|also|still|now|recently|repeatedly|frequently|[a-z]+ly)\s+[a-z]+s)\b"
)


def _trim_clause(text: str, mention: tuple[int, int]) -> tuple[int, int]:
    """ "Trump returned the compliment to Adelson" as a speaker mention is "Trump": the name
    that opens a clause the rules took for a noun phrase."""
    start, end = mention
    dashes = list(re.finditer(r"\s[-–—―]+(?:\s|$)|\s--\s", text[start:end]))
    if dashes:  # "Clinton left office - the State Department": the phrase after the dash;
        # "Ana Ruiz - a lawyer for the family -": the name before the dash
        last, first = dashes[-1], dashes[0]
        piece = (start + last.end(), end) if last.end() < end - start else (start, start + first.start())
        if _is_speaker_phrase(text[piece[0] : piece[1]].strip()):
            start, end = piece
            start += len(text[start:end]) - len(text[start:end].lstrip())
    m = _CLAUSE_MENTION.match(text[start:end])
    if m and m.group(1).lower() not in ("a", "an", "the"):  # "A flabbergasted Orwin": an adjective, not a verb
        return start, start + m.end(1)
    words = text[start:end].split()
    if len(words) > 1 and words[-1] in ("he", "she", "they", "we", "it"):  # "... after the ruling - he": the pronoun
        return end - len(words[-1]), end
    if len(words) > 1 and words[-1] in FUNCTION_ENDS:  # "Graham assures his audience that": the subject opening it
        sub = _main_subject(text[start:end])
        if sub and sub[1] < end - start:
            return start + sub[0], start + sub[1]
    return start, end
