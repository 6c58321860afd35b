"""Who a personal pronoun refers to: the rules of :class:`~.resolve._Resolver` for "he",
"she", "it", "they", "I" and "we" as speakers.

In order: "I" and "we" take the latest speaker; a third-person pronoun takes the subject of
its own sentence when that opens it ("Ana Ruiz said she ..."), else the one person of fitting
gender named earlier in its sentence, else the subject of the sentence before ("Lee slipped
out. He said ...") unless the latest speaker of fitting gender spoke since, else that speaker,
else the latest person named. A pronoun is :data:`UNCLEAR` when another person who fits was
named since its antecedent, or stands beside the subject in the main clause of the sentence
before ("Lee met Ruiz. He said ..."). Gender comes from honorifics and gendered titles, first
names and the article's own pronouns (:mod:`.pronoun_evidence`). The words said in "Lee's plan
failed, he said" are not searched for the speaker, and "he told Lee" is not Lee.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .names import first_name_genders, parse_name
from .pronoun_evidence import PRONOUN_GENDER, PronounGenders
from .roles import _PRONOUNS
from .speaker_types import UNNAMED
from .speakers import _main_subject

#: The speaker of a pronoun that could refer to more than one person named just before it.
UNCLEAR = "unclear"

# a pronoun that speaks after its content: "..., he said", "...,” she added"
_INVERTED_SPEAKER = re.compile(r"[,\"”’']\s*$")
# the end of a sentence, in the text before a pronoun
_TITLE_ABBREVIATIONS = "Mr Ms Mrs Dr St Jr Sr Sen Rep Gov Gen Rev Lt Col Sens Reps Govs Gens Sgt Capt Adm Ft Mt No Inc Corp Co vs".split()
_SENTENCE_BREAK = re.compile(
    r"[.!?](?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _TITLE_ABBREVIATIONS) + r"[\"”’']?\s+(?=[\"“‘'A-Z])|\n"
)  # not after an initial or a title: "Mr. Lee", "Ana B. Lee"
# a subject that is a name, with its titles: "Lee", "Vice President Ana Lee", "the former Gov. Ana Lee"
_NAME_SUBJECT = re.compile(r"(?:(?:the|former|then|[A-Z][\w.’'\-]*|[a-z][\w\-]*(?:er|or|ist|ent|ant|ian|man|woman|ee))\s+)*[A-Z][\w.’'\-]*")
# a pronoun's clause up to its object: "he told Sen. Lee", "she thanked the mayor, Ana Ruiz"
_CLAUSE_AFTER = re.compile(r"\w+(?:\s+[a-z]+){1,3}\s+(?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w’'\-]*")
# a name used as a modifier: "Lee supporters", "Lee's aides" are not Lee
_MODIFIER_NAME = re.compile(r"\s+[a-z]+s\b")
# a subordinate clause: a person named after it is no rival of the main subject
_SUBORDINATE = re.compile(r"\b(?:that|who|whom|whose|which|when|while|because|after|before|if|since|as|than)\b|[,;:(]")
# a sentence that opens with a subordinate clause: "Although Lee agreed, he said ..." (the
# comma before the pronoun closes that clause; no content stands before it)
_OPENING_CLAUSE = re.compile(r"\s*(?:Although|Though|Even though|While|When|Whenever|After|Before|If|Because|Since|As|Despite|Once|Until|Unless|Asked)\b")
# a pronoun right after a quotation: "...,” he said", "...,'' she said"
_AFTER_QUOTATION = re.compile(r"[\"”’']\s*$")
# a person's name as the recogniser may give it: capitalised words, initials, no full stop between words
_PERSON_NAME = re.compile(r"(?:[A-Z][\w’'\-]*|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]*|[JS]r\.|d[eiu]|van|von|bin|al|la|le))*")
# words that open a clause below the main one ("..., Lee said" after a comma is no such clause)
_EMBEDDING = re.compile(r"\b(?:that|who|whom|whose|which|when|while|because|if|since)\b")
# a name a relative clause follows: "Ruiz, who said ..."
_RELATIVE_AFTER = re.compile(r",?\s+who\b")
# a name that is a possessor: "Ruiz's plan"
_POSSESSOR = re.compile(r"[’']s?\b")


class _PronounRules:
    """Pronoun resolution and gender, mixed into :class:`~.resolve._Resolver` (which provides
    ``text``, ``ents``, ``names``, ``history``, ``sources``, ``entity_name``, ``recent_source``,
    ``recent_entity`` and ``_register``)."""

    def _pronoun(self, pronoun: str, start: int, sentence_start: int) -> tuple[str, str]:
        kind = _PRONOUNS[pronoun]
        if pronoun in ("i", "we"):
            # "I" is a person (not "the chancellery"); "we" a person speaking for a group, or the group
            kinds = ("person",) if pronoun == "i" else ("person", "group", "thing")
            name = self.recent_source(start, kinds, window=1500 if pronoun == "i" else 10_000)
            return (name, self.sources[name].kind) if name else (UNNAMED, kind)
        gender = PRONOUN_GENDER.get(pronoun)
        # the subject of the current sentence, when it is an entity of the right kind; not when
        # the pronoun speaks after what it says ("The Lee report is wrong, he said"): the words
        # before it are the content, and their subject is what is talked about
        inverted = _INVERTED_SPEAKER.search(self.text, max(sentence_start, start - 3), start) is not None and not _OPENING_CLAUSE.match(self.text, sentence_start)
        subject = [] if inverted else [e for e in self.ents if e.start >= sentence_start and e.end <= start]
        if subject:
            first = subject[0]
            lead = self.text[sentence_start : first.start].strip().lower()
            if lead not in ("", "the"):
                # after an opening phrase or a title: "During the drive home, Sexton ...", "Mr. Manafort ..."
                opening = _main_subject(self.text[sentence_start:start])
                within = [e for e in subject if opening and sentence_start + opening[0] <= e.start and e.end <= sentence_start + opening[1]]
                if within:
                    first, lead = within[0], ""
            first_kind = "person" if first.label == "PERSON" else "thing"
            # "the Lee campaign", "the Ruiz outlets": a person's name as a modifier, not the subject
            modifier = first_kind == "person" and lead == "the"
            if lead in ("", "the") and not modifier and first_kind == kind and self._gender_fits(self.entity_name(first), gender):
                return self._register(self.entity_name(first), kind, pronoun, start, add_words=False, named=True)
        wanted = ("person",) if kind == "person" else ("thing", "group") if kind == "thing" else ("group", "thing")
        if kind == "person" and not inverted:
            # one person that fits, named earlier in the pronoun's own sentence: the nearest antecedent
            # ("the heart of Lee's critique of a system that he said ...")
            own_start = self._sentence_start(start)
            opening = _OPENING_CLAUSE.match(self.text, own_start)
            if opening:  # "If Lee loses, he said ...": a name in the opening clause is no nearer than the sentence before
                comma = self.text.find(",", own_start, start)
                own_start = comma if comma >= 0 else own_start
            own = {self.entity_name(e) for e in self.ents if e.label == "PERSON" and own_start <= e.start and e.end <= start}
            own = {n for n in own if self._gender_fits(n, gender)}
            same = re.compile(rf"\b{pronoun}\b", re.I).search(self.text, own_start, start)  # "He praised Lee, who he said ...": the first "he"
            if len(own) == 1 and same is None:
                return self._register(own.pop(), kind, pronoun, start, add_words=False, named=True)
        # "he told Lee": Lee, the object of the pronoun's own verb, is someone else
        objects = self._objects_after(start) if kind == "person" else frozenset()
        name = self.recent_source(start, wanted, window=1500, gender=gender, exclude=objects)
        if kind == "person":
            previous = self._previous_subject(start, gender)
            # (a subject that spoke there and was passed over, for a woman known to fit "she", stays passed over)
            if previous and name and previous[0] == name:
                return name, self.sources[name].kind  # the latest speaker is the subject of the sentence before: no doubt
            if previous and previous[0] not in objects and previous[0] != name and not self._spoke_since(name, previous[1], start) and not (name and self._spoke_since(previous[0], previous[1])):
                # the person the sentence before is about ("Lee slipped out. He said ..."), over an
                # earlier speaker who is not named since
                if previous[0] == UNCLEAR:
                    return UNCLEAR, kind
                return self._register(previous[0], kind, pronoun, start, add_words=False, named=True)
        if name:
            # (in "Lee's plan failed, he said" the names of what is said are no rivals)
            if kind == "person" and self._rival_person(name, self._sentence_start(start) if inverted else start, gender):
                return UNCLEAR, kind  # another person who fits was named since: not unambiguous
            return name, self.sources[name].kind
        labels = ("PERSON",) if kind == "person" else ("ORGANIZATION", "LOCATION")
        name = self.recent_entity(start, labels, gender=gender)
        if name:
            return self._register(name, kind, pronoun, start, add_words=False, named=True)
        return UNNAMED, kind

    def _objects_after(self, start: int) -> frozenset[str]:
        """The people named right after a pronoun, in its clause ("he told Lee", "she thanked
        Gov. Ana Ruiz"): the objects of its verb, so not what it refers to."""
        m = _CLAUSE_AFTER.match(self.text, start)
        end = m.end() if m else start
        return frozenset(self.entity_name(e) for e in self.ents if e.label == "PERSON" and start < e.start < end)

    def _previous_subject(self, start: int, gender: str | None, depth: int = 0) -> tuple[str, int] | None:
        """The person that opens the sentence before the pronoun's (its main subject, after an
        opening phrase), or the pronoun's own sentence when a quotation stands between them
        ("Ana Lee weighed in, writing: “...,” she said"), when the pronoun's gender fits: the
        name and where its sentence starts; else None."""
        own = self._sentence_start(start)
        if own > start - 1 or not self.text[own:start].strip():
            own = start
        if _AFTER_QUOTATION.search(self.text, max(0, start - 4), start):
            # "... ,” he said": the sentence starts where its quotation opens
            opening = max(self.text.rfind(q, max(0, own - 1200), start - 3) for q in ("“", "''", '"'))
            if opening >= 0:
                own = self._sentence_start(opening)
                if self.text[own:opening].strip():
                    found = self._subject_person(own, opening, gender, depth)
                    return (found, own) if found else None
        end = len(self.text[:own].rstrip())
        prev_start = self._sentence_start(max(0, end - 1))
        found = self._subject_person(prev_start, end, gender, depth)
        return (found, prev_start) if found else None

    def _subject_person(self, lo: int, hi: int, gender: str | None, depth: int = 0) -> str | None:
        """The person that is the main subject of the sentence ``text[lo:hi]``, when the gender
        fits; :data:`UNCLEAR` when another person of the main clause fits as well. A subject
        that is the same pronoun ("Lee spoke. He paused. He said ...") is followed back, at
        most three sentences."""
        sentence = self.text[lo:hi]
        if not sentence.strip() or sentence.lstrip()[:1] in "\"“‘'":
            return None  # none, or a quotation: its speaker is in the history
        opening = _main_subject(sentence)
        if not opening:
            return None
        a, b = lo + opening[0], lo + opening[1]
        if PRONOUN_GENDER.get(self.text[a:b].lower()) == gender and gender and self.text[a:b].lower() in ("he", "she") and depth < 2:
            found = self._previous_subject(a, gender, depth + 1)
            return found[0] if found else None
        if not _NAME_SUBJECT.fullmatch(self.text[a:b]) or re.match(r"[’']s?\b", self.text[b : b + 2]) or re.search(r"[’']s?$", self.text[a:b]):
            return None  # not a name: "The rise of Lee", "Lee's aide"
        persons = [e for e in self.ents if e.label == "PERSON" and e.start < b and e.end > a]
        if persons:
            name = self.entity_name(persons[-1])
        else:  # a name the recogniser missed, whose surname the article gives ("Lee slipped out")
            parts = parse_name(self.text[a:b])
            if not parts.name or parts.name.split()[-1].lower() not in self.names.by_surname:
                return None
            name = self.names.link(parts.name.split()[-1], a, parts.gender)  # the surname: "Given Lee" is Lee
        if not self._gender_fits(name, gender) or not self._plausible_person(name, self.text[a:b]):
            return None
        for e in self.ents:
            if e.label == "PERSON" and b <= e.start and e.end <= hi and not _SUBORDINATE.search(self.text, b, e.start) and not _POSSESSOR.match(self.text, e.end):
                # (a possessor is no rival: "Lee praised Ruiz's plan. He said ..." is Lee)
                other = self.entity_name(e)
                if other != name and name not in other and self._gender_fits(other, gender):
                    return UNCLEAR  # "Lee met Ruiz. He said ...": a second person in the main clause fits too
        return name

    def _plausible_person(self, name: str, written: str) -> bool:
        """A name the entity recogniser may have got wrong is no subject to follow: words run
        together from a headline ("Lee on Climate Change", "Ann Lee. Ruiz"), or a single word
        written alone that is no surname of the article ("Reveals")."""
        if not _PERSON_NAME.fullmatch(name):
            return False
        return " " in name or " " in written.strip() or name.lower() in self.names.by_surname

    def _sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts (looking at most 600 characters back)."""
        breaks = getattr(self, "_breaks", None)
        if breaks is None:  # the sentence breaks of the article, found once
            breaks = self._breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text)]
        i = bisect_right(breaks, offset)
        lo = max(0, offset - 600)
        return breaks[i - 1] if i and breaks[i - 1] >= lo else lo

    def _spoke_since(self, name: str | None, since: int, before: int | None = None) -> bool:
        """True when ``name`` has a statement from offset ``since`` on: the nearer antecedent.
        With ``before``, not when every mention of ``name`` from ``since`` to ``before`` stands
        in a clause below the sentence's subject ("Lee said that Ruiz had reported ...", "Lee
        thanked Ruiz, who said ..."): a speaker there is less prominent than the subject."""
        if name is None or not any(o >= since for o, n in self.history if n == name):
            return False
        if before is None:
            return True
        opening = _main_subject(self.text[since:before])
        if not opening:
            return True
        b = since + opening[1]
        mentions = [e for e in self.ents if e.label == "PERSON" and since <= e.start < before and self.entity_name(e) == name]
        return not mentions or any(
            e.start < b or not (_EMBEDDING.search(self.text, b, e.start) or _RELATIVE_AFTER.match(self.text, e.end)) for e in mentions
        )

    def _rival_person(self, name: str, before: int, gender: str | None) -> bool:
        """True when, between the last mention of ``name`` and ``before`` and in the paragraph
        of ``before``, a different person whose gender fits the pronoun is named."""
        paragraph = self.text.rfind("\n\n", 0, before) + 2
        persons = [e for e in self.ents if e.label == "PERSON" and e.end <= before]
        last = max((e.end for e in persons if self.entity_name(e) == name), default=-1)
        if last < 0:
            return False
        for e in persons:
            if e.start >= max(last, paragraph) and not _MODIFIER_NAME.match(self.text, e.end) and not _POSSESSOR.match(self.text, e.end) and not self.text[max(0, e.start - 4) : e.start].lower() == "the ":
                # (a name that only modifies a noun is no rival: "the Lee campaign", "Lee supporters", "Lee's plan")
                other = self.entity_name(e)
                if other != name and name not in other and self._gender_fits(other, gender) and self._gender_fits_strict(other, gender):
                    return True
        return False

    def _gender_fits_strict(self, name: str, gender: str | None) -> bool:
        """A person whose gender is known to fit the pronoun (an unknown gender is no rival)."""
        return gender is None or self._gender_known(name) == gender

    def _gender_known(self, name: str) -> str | None:
        """``"female"``/``"male"`` from an honorific or gendered title met with the name, else
        its first name (NLTK names lists) when that is unambiguous, else the article's pronouns
        ("Clinton said she": two agreeing votes, else a single one), else None."""
        titled = self.names.titled.get(name)
        if titled:
            return titled
        if self._pronoun_genders is None:
            persons = {e.start: e for e in self.ents if e.label == "PERSON"}
            self._pronoun_genders = PronounGenders(self.text, [(e.start, e.end) for e in persons.values()], lambda s: self._voter(persons[s]))
        return (
            self.names.gender(name)
            or _first_name_gender(name)
            or self._pronoun_genders.gender(name)
            or self._pronoun_genders.gender(name, weak=True)
        )

    def _voter(self, row) -> str | None:
        """The canonical person a PERSON mention votes for, None for a bare surname two people
        share ("Clinton" beside Bill and Hillary Clinton): which one it is may rest on the vote."""
        name = self.person_names.get(row.start, "")
        if " " not in name and len(self.names.by_surname.get(name.lower(), ())) > 1:
            return None
        return self.entity_name(row)

    def _gender_fits(self, name: str, gender: str | None) -> bool:
        """False only when the pronoun's gender contradicts what is known of the name's."""
        if gender is None:
            return True
        known = self._gender_known(name)
        if known is None and " " in name:
            known = first_name_genders().get(name.split()[0])
        return known in (None, "either", gender)


def _first_name_gender(name: str) -> str | None:
    if " " not in name:
        return None
    known = first_name_genders().get(name.split()[0])
    return known if known in ("female", "male") else None
