"""Who speaks: the speaker phrase before a cue ("the Kremlin spokesman said") or after it
("said Peskov", "according to X"), its apposition, and the subject a participle shares.
"""

from __future__ import annotations

import re

from ..lexicons import table
from ..nlp.ner_lists import places
from .adjuncts import _LEADING_CONNECTIVE, _TRAILING_ADJUNCTS, _is_adjunct_piece
from .names import ABBREVIATION_DOT
from .roles import (
    _ALL_ROLE_WORDS,
    _MEDIA_NOUNS,
    _NOT_OPENERS,
    _PHRASE_OPENERS,
    _PRONOUNS,
    _SENTENCE_ADVERBS,
    _SPEAKER_ABBREVIATIONS,
)
from .tokens import _tags

# where a clause (and so a subject) can start: sentence start, semicolon, subordinator
_CLAUSE_OPENERS = re.compile(
    r"(?:^|[;:]\s*|\b(?:after|before|as|while|when|because|since|but|and|that|which|who|where|although|though|whereas|until|once|if|why|how)\s+)", re.I
)
# words no subject starts with; verbs that make a phrase a clause, not a subject
_NOT_SUBJECT_START = re.compile(r"^(?:to|in|on|at|of|for|from|with|by|about|into|over|under|that|which|who|what|when|where|whether|if|because|as|is|are|was|were|be|been|being)\b", re.I)
_PREPOSITION_START = re.compile(r"^(?:among|amid|across|after|before|during|despite|under|within|without|unlike|like|beyond|behind|besides|including|following|also|still|instead|meanwhile|however|moreover|yet|so|thus|indeed|perhaps|even|only)\b", re.I)
_SHARE_OF_PEOPLE = re.compile(
    r"^(?:about|nearly|almost|roughly|only|just|more\s+than|fewer\s+than|less\s+than|over|under|some|another)?\s*"
    r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+third|a\s+quarter|half|majorities|a\s+majority|most)"
    r"(?:\s+(?:in|out\s+of|of)\s+(?:\d+|ten|them|those|all\s+\w+))?(?:\s+percent)?(?:\s+of\s+[\w\s-]{1,40})?$",
    re.I,
)
_QUANTIFIERS = frozenset("many some most several others few all both each none one two three four five half".split())
_SUBJECT_VERB_WORDS = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|must|did|does|do)\b", re.I)


#: How far before a reporting verb its speaker is looked for, in characters. A speaker phrase
#: has at most 16 words, so this only bounds the work in a very long sentence (one that is a
#: whole article, say), where each verb would otherwise rescan everything before it.
SPEAKER_WINDOW = 2000


# "That person", "That same official": a demonstrative and a noun as the whole subject
_DEMONSTRATIVE_SUBJECT = re.compile(r"(?:That|This)\s+(?:same\s+)?[a-z]+\s*")
# "the independent candidate Tom Vance", "her rival Ann Cole": a role, then a full name
_ROLE_THEN_NAME = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w\-]*\s+){1,4}(?:[A-Z][\w.’'\-]+\s+){1,3}[A-Z][\w’'\-]+")


def _subject_before(sentence: str, cue_start: int, floor: int = 0) -> tuple[int, int] | None:
    """Span of the speaker noun phrase that ends right before a cue at ``cue_start``.

    The phrase starts at the clause start (sentence start, a subordinator, a semicolon, a
    quotation mark or the last comma that does not close an apposition) and loses trailing
    adjuncts ("also", "on Wednesday, April 7", "in a statement"); an apposition (", director
    of ...,") is dropped and kept out of the phrase.
    """
    floor = max(floor, cue_start - SPEAKER_WINDOW)  # bounded work in a very long sentence
    dashed = _DASH_ROLE_BEFORE.search(sentence, floor, cue_start) if "—" in sentence or "–" in sentence or "--" in sentence else None
    if dashed and dashed.start() > floor:  # "Ana Ruiz — a teacher from Dayton — says": the speaker is before the role
        cue_start = dashed.start()
    if "(" in sentence[floor:cue_start] or '"' in sentence[floor:cue_start] or "“" in sentence[floor:cue_start]:
        # asides that hide the clause structure: "Kasich (who has 25 delegates) said", "the star of "The Apprentice," said"
        sentence = sentence[:floor] + _mask_asides(sentence[floor:cue_start]) + sentence[cue_start:]
    if "," in sentence[floor:cue_start] and _PARTICIPLE_ASIDE.search(sentence, floor, cue_start):
        sentence = sentence[:floor] + _PARTICIPLE_ASIDE.sub(lambda m: "," + " " * (len(m.group()) - 1), sentence[floor:cue_start]) + sentence[cue_start:]
    left = sentence[floor:cue_start]
    joined = _AND_THEN_VERB.search(left)
    if joined and not re.match(r"\w+ing\b", sentence[cue_start:]):
        # "Trump went after the governor and called for ...": the verb shares the subject of
        # its clause; when that is the sentence's own subject, the rules for coordinated
        # verbs find it, else ("when Rubio thanked Miami and said") it is found here
        return _joined_subject(sentence, floor, floor + joined.start() + 1)
    stripped = _TRAILING_ADJUNCTS.sub("", left)
    end = floor + len(stripped.rstrip(" ,"))
    segment = sentence[floor:end]
    relative = re.search(r",\s*(?:[^,]*?\s)?(?:who|which|whose|that(?=\s+(?!(?:the|an?|he|she|they|it|we|I|his|her|their|its|this|these)\b)[a-z]))\b[^,]*(?:,\s*(?:[A-Z][\w.\-]*(?:\s+(?:[A-Z][\w.\-]*|and))*|(?:in|on|at|during)\s+[^,]{1,30}|(?:an?|the)\s+[^,]{1,60}))*$", segment) if left.rstrip().endswith(",") else None
    if relative:  # "Ruth Okafor, who chairs the association, told ..."
        end = floor + relative.start()
        segment = sentence[floor:end]
    who = _RELATIVE_AT_END.search(segment)
    if who and not who.group("comma") and who.group("rel") != "who":
        who = None  # "the resolution which said", "asked Rubio which states": "which" without a comma
    if who and who.start() > 0:  # "X, who said ...": the mention is "who", its antecedent X
        if relative_antecedent(sentence, floor + who.start("rel"), floor) is None:
            return None
        return floor + who.start("rel"), floor + who.end("rel")
    # clause start: last quotation mark, subordinator or semicolon in the segment
    start = floor
    for m in re.finditer(r'["“”„«»]|\'\'', segment):
        start = floor + m.end()
    clause_from = _first_clause_end(segment)  # "X and Y said" opens a clause only after a verb
    for m in _CLAUSE_OPENERS.finditer(segment):
        if m.start() == 0 and _DEMONSTRATIVE_SUBJECT.fullmatch(segment):
            continue  # "That person said": a determiner, not a subordinator
        if floor + m.end() > start and m.group().strip().lower() not in ("", "and") or (m.group().strip().lower() == "and" and floor + m.end() > start and clause_from <= m.start()):
            start = max(start, floor + m.end())
    dateline = _DATELINE.match(sentence[start:end])
    if dateline and start + dateline.end() < end:  # "WASHINGTON — Sen. Bernie Sanders said"
        start += dateline.end()
    lead = _LEADING_CONNECTIVE.match(sentence[start:end])
    while lead and lead.end() > 0 and start + lead.end() < end:
        start += lead.end()
        lead = _LEADING_CONNECTIVE.match(sentence[start:end])
    phrase = sentence[start:end]
    # commas: "X, role, said" -> X ; "content, the daily said" -> the daily;
    # "X, of Springfield, Va., said" and "X, at a briefing, said" -> X
    if "," in phrase:
        pieces = list(re.finditer(r"[^,]+", phrase))
        idx = len(pieces) - 1
        while idx > 0 and (_is_adjunct_piece(phrase[pieces[idx].start() : pieces[idx].end()].strip()) or _DURATION.fullmatch(phrase[pieces[idx].start() : pieces[idx].end()].strip()) or (idx >= 2 or _NAME_START.match(phrase[pieces[0].start() : pieces[0].end()].strip()) and not _OPENS_ADJUNCT.match(phrase[pieces[0].start() : pieces[0].end()].strip())) and _PLACE_AFTER_PLACE.fullmatch(phrase[pieces[idx].start() : pieces[idx].end()].strip()) and _FROM_PLACE.search(phrase[pieces[idx - 1].start() : pieces[idx - 1].end()])):
            idx -= 1  # "X, a salesman from Sumter, South Carolina, said": the state is no speaker
        chosen = pieces[idx]
        while idx >= 1:  # "X, chief executive of Y, a consulting firm, said": back over each apposition
            current = phrase[pieces[idx].start() : pieces[idx].end()].strip()
            previous_piece = phrase[pieces[idx - 1].start() : pieces[idx - 1].end()].strip()
            if idx >= 2 and re.fullmatch(r"\d{1,3}", previous_piece) and not re.fullmatch(r"\d{1,3}", current):
                idx -= 1  # "Ana Ruiz, 21, a junior from Reno, said": back over the age to the name
                previous_piece = phrase[pieces[idx - 1].start() : pieces[idx - 1].end()].strip()
            if idx == 2 and _ORG_NOUN_END.search(previous_piece) and _is_apposition(previous_piece) and current[:1].isupper() and _is_name_like(phrase[pieces[0].start() : pieces[0].end()].strip()):
                chosen = pieces[0]  # "Ana Ruiz, the editor of the city's newspaper, The Star, said": the name, not the paper's
                break
            if _is_apposition(current) and not _ADVERB_OR_PARTICIPLE.fullmatch(previous_piece) and (_is_name_like(previous_piece) or _ROLE_THEN_NAME.fullmatch(previous_piece) or (re.match(r"\w+ing\b|who\b|which\b", current) and _is_speaker_phrase(previous_piece))):
                idx -= 1
                while idx > 0 and _is_adjunct_piece(phrase[pieces[idx].start() : pieces[idx].end()].strip()):
                    idx -= 1  # "Sen. Lindsey Graham, R-S.C., a long-shot candidate, said"
                chosen = pieces[idx]
            else:
                break
        start = start + chosen.start()
        end = start + len(phrase[chosen.start() : chosen.end()])
    phrase = sentence[start:end]
    lead = _LEADING_CONNECTIVE.match(phrase.lstrip())
    offset = len(phrase) - len(phrase.lstrip())
    if lead:
        offset += lead.end()
    start += offset
    phrase = sentence[start:end].strip()
    dash = _LEADING_DASH.match(phrase)
    if dash:  # '... ammunition?" - Democrats in Iowa said': the dash closes an aside
        start += len(sentence[start:end]) - len(sentence[start:end].lstrip()) + dash.end()
        phrase = sentence[start:end].strip()
    located = re.search(r"[A-Za-z.]\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*$", phrase)
    if located and phrase[0].isupper() and not _PEOPLE_AT.match(phrase):  # "Zoom Video Communications in the United States"
        phrase = phrase[: located.start() + 1]
        end = start + (len(sentence[start:end]) - len(sentence[start:end].lstrip())) + len(phrase)
    if not phrase:
        return None
    start = start + (len(sentence[start:end]) - len(sentence[start:end].lstrip()))
    end = start + len(phrase)
    contracted = _CONTRACTED_PRONOUN.fullmatch(phrase)
    if contracted:  # "He's argued", "They've said": the pronoun
        phrase = contracted.group(1)
        end = start + len(phrase)
    trailing = re.search(r"\s+(?:first|initially|immediately|swiftly|promptly|quickly|himself|herself|themselves)$", phrase)
    if trailing and _is_speaker_phrase(phrase[: trailing.start()]):  # "She first tweeted"
        phrase = phrase[: trailing.start()]
        end = start + len(phrase)
    adverb = re.match(r"([A-Za-z]+),?\s+(?=\S)", phrase)
    if adverb and adverb.group(1).lower() in _SENTENCE_ADVERBS:  # "Then she added", "Now Bloomberg says"
        start += adverb.end()
        phrase = sentence[start:end]
    after_who = _BARE_RELATIVE_END.search(sentence, floor, start)
    if after_who and after_who.end() == start and after_who.start() > floor and _LOWER_VERB_START.match(phrase):
        # "Democrats in Iowa who watched the debate said": the relative clause is no speaker
        return _subject_before(sentence, after_who.start(), floor)
    if not _is_speaker_phrase(phrase):
        bare = _BARE_RELATIVE_END.search(sentence, floor, start) or _BARE_RELATIVE.search(phrase)
        if bare is not None and bare.re is _BARE_RELATIVE:
            at = start + bare.start()
        else:
            at = bare.start() if bare and bare.end() == start else -1
        if at > floor:
            # "Another voter who asked not to be named said", "The officials whose laws were
            # struck down say": the noun the relative clause is about
            return _subject_before(sentence, at, floor)
        return None
    return start, end


# a relative pronoun without a comma before it, right before the clause it opens: the
# clause is about the noun before it ("Another voter who asked not to be named said")
_BARE_RELATIVE_END = re.compile(r"(?<=[\w’'])\s+(?:who|whose)\s+$")
_BARE_RELATIVE = re.compile(r"(?<=[\w’'])\s+(?:who|whose)\s")
_LEADING_DASH = re.compile(r"(?:--|[-–—])\s+")
# a role phrase that ends with a noun for an organisation, which a name may follow
_ORG_NOUN_END = re.compile(r"\b(?:newspaper|paper|magazine|company|firm|group|organi[sz]ation|agency|network|channel|website|station|union|party|committee|foundation|institute|center|centre|council|association|coalition|campaign|bank|fund)$")
# a lower-case word that opens no noun phrase: the verb of a relative clause ("who watched")
_LOWER_VERB_START = re.compile(r"(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|he|she|they|we|i|you|it|some|many|most|all|both|several|few|one|two|three|four|five)\b)[a-z]")


# "Analysts at Hale Capital", "Researchers at Lakeview University": people named by what they do
# and where, not a name and a place
_PEOPLE_AT = re.compile(r"[A-Z][a-z]+s\s+at\s")
# a piece that opens with a participle, a preposition or a subordinator: no name before a place
_OPENS_ADJUNCT = re.compile(r"(?:[A-Z][a-z]+ing|In|At|On|During|After|Before|From|Since|With|While|When|As|Of)\b")
# "two weeks later", "only a month ago": a time between a speaker and its verb
_DURATION = re.compile(r"(?:only\s+|just\s+|about\s+|some\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:days?|weeks?|months?|years?|hours?|decades?)(?:\s+(?:later|earlier|ago|before))?", re.I)
_NAME_START = re.compile(r"[A-Z][\w.'’\-]*\s+[A-Z]")
# a subordinate clause of a participle between a speaker and its verb: "X, when contacted by Reuters, said"
_PARTICIPLE_ASIDE = re.compile(r",\s*(?:when|while|after|before|if|as|once|though|although)\s+(?:\w+ed|\w+ing|told|asked)\b[^,]{0,60},")
# a verb joined to the one before it: "... went after the governor and [called]"
_AND_THEN_VERB = re.compile(r"\w\s+(?:and|but)\s+(?:(?:also|then|later|again|quickly|repeatedly|[a-z]+ly|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+)?$")
# an acronym written with full stops: "F.A.A.", "U.S.", "A.F.L.-C.I.O."
_DOTTED_ACRONYM = re.compile(r"\b[A-Z]\.(?:-?[A-Z]\.){1,5}")
# "..., a junior from Las Vegas" and then ", Nevada": a place name that completes a place
_FROM_PLACE = re.compile(r"\b(?:from|of|in)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s*$")
_PLACE_AFTER_PLACE = re.compile(r"(?:[A-Z][\w.\-]*\s*){1,3}")
_ASIDE = re.compile(r"\([^()]{1,80}\)|[\"“][^\"“”]{1,60}[\"”]")


def _mask_asides(text: str) -> str:
    """``text`` with brackets and quoted titles ("The Apprentice") blanked out, same length."""

    def blank(m: re.Match) -> str:
        inner = m.group()[1:-1]
        if m.group()[0] != "(":
            found = re.findall(r"[A-Za-z][\w'’\-]*", inner)
            if not (0 < len(found) <= 6 and all(w[0].isupper() for w in found if len(w) > 3)):
                return m.group()  # a quotation, not a title: it keeps its marks
        return " " * len(m.group())

    return _ASIDE.sub(blank, text)


_PAST_FORM = re.compile(r"\b[a-z]\w*ed\b")  # lower case: not "Ted", "Fred"


def _first_clause_end(text: str) -> float:
    """Where the first verb-like word of ``text`` ends (infinity when there is none): the
    text before position ``k`` (``k`` before a word) holds a verb-like word exactly when this
    is at most ``k``. Found in one pass instead of one per "and" (long sentences stay linear)."""
    ends = [m.end() for m in (_SUBJECT_VERB_WORDS.search(text), _PAST_FORM.search(text)) if m]
    return min(ends, default=float("inf"))


def _is_apposition(segment: str) -> bool:
    """A role after a name: lower-case start or an article + role ("director of ...", "a spokesman for")."""
    words = segment.split()
    if not words:
        return False
    first = words[0]
    if re.fullmatch(r"\d{1,3}", segment.strip()):
        return True  # an age: "Quina Jones, 25, said"
    if re.match(r"(?:one|some|many|several|two|three)\s+of\s+(?:the|his|her|their|its|our)\b", segment.strip(), re.I):
        return True  # "Tom Hale, one of the rivals beaten by Cole,"
    if first.lower() in _QUANTIFIERS:
        return False  # "Among Democrats, many said": "many" is the subject, not a role
    if _PARTY_OF.match(segment.strip()):
        return True  # "Shelley Moore Capito, Republican of West Virginia,"
    if _POSSESSIVE_ROLE.match(segment.strip()):
        return True  # "Sanders' campaign manager", "Democracy for America's executive director"
    role = _NAMED_ROLE.match(segment.strip())
    if role and (role.group(1).lower() in _ALL_ROLE_WORDS or role.group(1).lower() in _TYPE_CUES):
        return True  # "South Carolina director for Sanders", "State Department regional security director"
    if first == "the" and words[-1][:1].isupper() and not re.search(r"[’']s?\s", segment) and all(w[:1].isupper() or w in ("of", "for", "and", "on") for w in words[1:]):
        return False  # "Regardless, the State Department said": a name, not a role
    return first[0].islower() and first.lower() not in ("he", "she", "it", "they", "we") or first.lower() in ("a", "an", "the", "this", "that") and len(words) > 1 and words[1][0].islower()


def _is_name_like(segment: str) -> bool:
    """A name (with any title) before an apposition: ends in a capitalised word, no determiner first."""
    words = _PARENTHETICAL.sub("", segment).split()
    if len(words) > 1 and words[0].lower().strip(",") in _SENTENCE_ADVERBS:  # "Then DuPont, two months later, announced"
        words = words[1:]
        segment = " ".join(words)
    if not words or len(words) > 8 or words[0].lower() in ("the", "a", "an", "this", "that", "later", "meanwhile", "however") or words[0].lower() in _NOT_OPENERS or _NOT_SUBJECT_START.match(segment) or _PREPOSITION_START.match(segment):
        return False
    return words[-1][0].isupper() and not _SUBJECT_VERB_WORDS.search(segment)


_PARENTHETICAL = re.compile(r"\s*\([^()]{1,40}\)")
_PARTY_OF = re.compile(r"(?:Republican|Democrat|Democratic|Independent)\s+(?:of|from)\s+[A-Z]")
# a lone adverb or participle opening a sentence is no speaker ("Significantly", "Having")
_ADVERB_OR_PARTICIPLE = re.compile(
    r"[A-Z][a-z]+(?:ally|ently|antly|ously|ively|edly|ingly|fully|ately)|Having|Being|Speaking|Talking|Writing|Asked|Asking|Responding|Appearing|Addressing|Hastily|Notably|Meanwhile|Rather|Instead|Indeed|Sure|Still|Yet|Besides|Otherwise|Moreover|Thus|Hence"
)
_POSSESSIVE_ROLE = re.compile(r"^(?:(?:[A-Z][\w.\-]*|of|for|the|and|&)\s+){0,4}[A-Z][\w.\-]*(?:’s|'s|’|')\s+(?:[A-Za-z][\w\-]*\s+){0,3}[A-Za-z][\w\-]*$")
# a place or an organisation and then a role noun: "South Carolina director for Sanders"
_NAMED_ROLE = re.compile(r"^(?:[A-Z][\w.\-]*\s+){1,4}(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*)(?:\s+(?:for|of|at|to|with)\s+.*)?$")


def _is_speaker_phrase(phrase: str) -> bool:
    """True when a phrase can name a speaker: a pronoun, a name, a role, the media, a determiner phrase."""
    phrase = _PARENTHETICAL.sub("", phrase)  # "Rep. Gwen Moore (D-Wis.)"
    words = phrase.split()
    if not words or len(words) > 16:
        return False
    if _SHARE_OF_PEOPLE.match(phrase):
        return True  # "six in 10", "46 percent of voters", "About four out of 10 voters"
    if _DEMONSTRATIVE_SUBJECT.fullmatch(phrase) and (words[-1] in _ALL_ROLE_WORDS or words[-1] in ("person", "source")):
        return True  # "That person said", "This official said"
    if _NOT_SUBJECT_START.match(phrase) or _PREPOSITION_START.match(phrase) or _ADVERB_OR_PARTICIPLE.fullmatch(phrase) or words[0].lower().strip(",") in _NOT_OPENERS:
        return False
    if phrase.lower() in _PRONOUNS:
        return True
    if _SUBJECT_VERB_WORDS.search(phrase):
        return False
    if any(w.endswith(".") and w not in _SPEAKER_ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        return False
    head = words[-1].lower().strip("'’")
    return phrase[0].isupper() or any(w[0].isupper() for w in words[1:]) or head in _ALL_ROLE_WORDS or _MEDIA_NOUNS.match(phrase) is not None or words[0].lower() in _PHRASE_OPENERS



def _subject_after(sentence: str, pos: int) -> tuple[int, int] | None:
    """Speaker phrase starting at ``pos`` (inverted ``said Peskov``, ``according to X``)."""
    # the full stops of titles and initials end no phrase: "said Sen. Marco Rubio", "James B. Comey"
    masked = _DOTTED_ACRONYM.sub(lambda d: d.group().replace(".", "_"), sentence[pos:])  # "the F.A.A.", "the U.S. Department"
    masked = ABBREVIATION_DOT.sub(lambda d: d.group()[:-1] + "_", masked)
    masked = re.sub(r"(?<=\w),(?=\s+(?:Jr|Sr)\b)", "_", masked)
    m = re.match(r"\s*((?:the\s+|a\s+|an\s+)?[^,.;:!?\"“”()]{1,120}?)(?=\s*(?:[,.;:!?\"“”(]|\s+(?:in|on|at|during|after|before|when|while|that|who|which|of\s+the\s+\w+ing|to\s+\w+)\b|$))", masked)
    if not m:
        return None
    phrase = sentence[pos + m.start(1) : pos + m.end(1)].strip()
    if re.match(r"(?:Jr|Sr)\.", sentence[pos + m.end(1) : pos + m.end(1) + 3]):
        phrase += sentence[pos + m.end(1) : pos + m.end(1) + 3]
    phrase = _TRAILING_ADJUNCTS.sub("", phrase).strip(" ,")
    if not phrase or not _is_speaker_phrase(phrase):
        return None
    start = pos + sentence[pos:].index(phrase)
    return start, start + len(phrase)


_MAIN_SUBJECT = re.compile(
    r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w.'’\-]*|of|the|for|&)(?:\s+(?:[A-Z][\w.'’\-]*|of|the|for|&))*(?:\s+[a-z]+(?:men|women|man|woman|ers|ists|ians|ors|s)\b)?)"
)


# the one-word cues of the speaker types ("mayor", "senator", "professor")
_TYPE_CUES = frozenset(c for cues in table("speaker_types.toml").values() for c in cues if " " not in c)
# a determiner and a role noun opening a sentence: "The mayor", "A White House spokesman"
_ROLE_SUBJECT = re.compile(r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[A-Za-z][\w\-]*\s+){0,3}?(?P<head>[a-z][\w\-]*)\b")
# a dateline ("WASHINGTON —", "ORLANDO (AP) -") or an opening participle or adverb phrase
# ("Speaking Sunday,", "Hastily,") before the subject
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'’]{2,40}(?:,\s*[A-Z][a-z]{1,5}\.)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,20}\))?|[A-Z][\w .'’]{2,30}\s*\((?:AFP|AP|Reuters|UPI|CNN)\))\s*(?:—|–|--|-|:)\s*")
_OPENING_PHRASE = re.compile(r"^(?:[^,]{1,40}\b(?:later|ago|earlier|afterward)\s*|(?:More|Most|Much|Even|Only|Very)\s+[a-z]+ly\b[^,]{0,40}|(?:Just|Shortly|Soon|Moments|Minutes|Hours|Days|Weeks|Months|Years)\s+(?:before|after|later|earlier)\b[^,]{0,60}|(?:[A-Z][a-z]+ing|(?!(?-i:[A-Z][a-z]+ly\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z]))[A-Z][a-z]+ly|In|At|On|During|After|Before|From|Since|With|Later|Earlier|Last|This|On\s+\w+day|Asked|Pressed|Contacted|Reached|Told|Given|Faced|Confronted|Questioned|While|Although|Though|Whereas|When|As|If|Because|Once|Unless|Until|while|although|though|whereas|when|if|because|once|unless|until)\b[^,]{0,80}),\s*")


def _joined_subject(sentence: str, floor: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause that ends at ``end`` with a verb joined by "and", when the
    clause does not open the sentence: after a subordinator ("when Rubio thanked Miami and
    [said]") or an opening phrase ("Eight years ago, he backed X and [said]"); the last comma
    piece that opens with a subject and a verb, or a name before its appositions."""
    clause = sentence[floor:end]
    start = 0
    for m in _CLAUSE_OPENERS.finditer(clause):
        # a reported clause ("X said that Y won and [added]") and a relative clause ("X, who
        # won and [said]") leave the subject outside them
        if m.group().strip().lower() not in ("", "and", "that", "which", "who") and m.end() < len(clause):
            start = max(start, m.end())
    for m in re.finditer(r'["“”;]', clause):
        start = max(start, m.end())
    pieces = [(floor + start + m.start(), floor + start + m.end()) for m in re.finditer(r"[^,]+", clause[start:])]
    for k in range(len(pieces) - 1, -1, -1):
        a, b = pieces[k]
        piece = sentence[a:b].strip()
        if not piece:
            continue
        a += len(sentence[a:b]) - len(sentence[a:b].lstrip())
        if k < len(pieces) - 1 and _is_apposition(piece):
            continue  # "Ana Ruiz, an audience member, said she ... and [asked]"
        span = _main_subject(sentence, a)
        if span is None or span[1] > b:
            continue
        if not sentence[span[1] : b].strip() and (k == len(pieces) - 1 or _is_apposition(piece)):
            continue  # no verb after it
        if start == 0 and k == 0:
            return None  # the sentence's own subject: left to the rules for coordinated verbs
        return span
    return None


# a pronoun and a contracted auxiliary: "He's", "They've", "She'd"
_CONTRACTED_PRONOUN = re.compile(r"([Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|[Yy]ou)['’](?:s|ve|d|ll|re|m)")
# words no speaker phrase ends with: a mention ending in one is a clause cut short
FUNCTION_ENDS = frozenset("the a an and but or nor of to that which who whom as with for by from in on at into down up out they we he she it his her its their our my".split())


# a relative pronoun right before a reporting verb: "Ana Ruiz, who said ..."
_RELATIVE_AT_END = re.compile(r"(?<=\w)(?P<comma>,?)\s+(?P<rel>who|which)\s*$")
RELATIVE_PRONOUNS = frozenset({"who", "which"})


def relative_antecedent(sentence: str, rel_start: int, floor: int = 0) -> tuple[int, int] | None:
    """The antecedent of the relative pronoun at ``rel_start`` ("Sen. Ana Ruiz of Utah, the
    ranking Democrat on the panel, who said" -> "Sen. Ana Ruiz of Utah"): the name before
    it, past an apposition, else the speaker phrase that ends before it."""
    head = sentence[floor:rel_start].rstrip()
    comma = head.endswith(",")
    head = head.rstrip(",").rstrip()
    last_comma = head.rfind(",")
    while comma and last_comma > 0 and (_is_adjunct_piece(head[last_comma + 1 :].strip()) or _PLACE_AFTER_PLACE.fullmatch(head[last_comma + 1 :].strip()) and _FROM_PLACE.search(head[:last_comma])):
        head = head[:last_comma].rstrip()  # "Ana Ruiz, a supporter from Hemet, California, who": the state is no antecedent
        last_comma = head.rfind(",")
    if comma and last_comma > 0 and _is_apposition(head[last_comma + 1 :].strip()) and re.search(r"\b[A-Z][\w'’\-]+$", head[:last_comma]):
        head = head[:last_comma]  # "Sen. Ana Ruiz, the ranking Democrat on the panel, who said"
    run = re.search(r"(?:\b[A-Z][\w.'’\-]*\s+(?:of\s+)?){0,5}[A-Z][\w'’\-]+$", head)
    if run:
        return floor + run.start(), floor + run.end()
    return _subject_before(sentence, floor + len(head), floor)


def _main_subject(sentence: str, start: int = 0) -> tuple[int, int] | None:
    """The noun phrase opening the sentence (or the clause at ``start``), after datelines,
    connectives and opening phrases: the subject a participle shares."""
    m = _DATELINE.match(sentence[start:])
    if m:
        start += m.end()
    opened = False
    for _ in range(6):  # "At a rally in Dover, N.H., on Tuesday, Sen. Ana Ruiz ..."
        rest = sentence[start:]
        m = _OPENING_PHRASE.match(rest) or _LEADING_CONNECTIVE.match(rest) or _OPENING_WORD.match(rest)
        if m is None and opened:
            m = _PLACE_OR_TIME_PIECE.match(rest)
            if m is None and _ENDS_IN_PLACE.search(sentence, 0, start):
                m = _STATE_PIECE.match(rest)  # "Speaking in Salem, New Hampshire, Trump ..."
                if m and m.group(1) not in places():
                    m = None
        m = m or _TIME_LEAD.match(rest) or _OPENING_ADVERB.match(rest)
        if m is None or m.end() == 0:
            break
        if m.re is _OPENING_ADVERB and m.group(1).lower() not in _SENTENCE_ADVERBS:
            break
        word = m.group(0).split(",")[0].strip()
        if m.re is _OPENING_WORD and word.lower() not in _NOT_OPENERS and not word.endswith("ly") and not (opened and word in places() and _ENDS_IN_PLACE.search(sentence, 0, start)):
            break  # "Trump, ...": a name, not an opening word (but "in Ames, Iowa, ..." is a place)
        start += m.end()
        opened = True
    role = _ROLE_SUBJECT.match(sentence, start)
    titled = _ROLE_THEN_TITLED_NAME.match(sentence, role.end()) if role else None
    if titled:  # "the county GOP Chairman Ron Tillis": a title and a name go on after the role noun
        return start, titled.end()
    if role and (role.group("head").lower() in _ALL_ROLE_WORDS or role.group("head").lower() in _TYPE_CUES):  # "The mayor endorsed Jones, saying ..."
        of = _OF_NAME.match(sentence, role.end())  # "A spokesman for Platte River declined ..."
        return start, of.end() if of else role.end()
    m = _MAIN_SUBJECT.match(sentence, start)
    if not m or not m.group("np").strip():
        return None
    phrase = m.group("np").rstrip()
    more = _TITLE_THEN_NAME.match(sentence, start + len(phrase))
    if more and phrase[:1].isupper() and all(_tags(sentence).get(more.start(1) + w.start()) in _NOUN_TAGS for w in re.finditer(r"\b[a-z][\w\-]*", more.group(1))):
        phrase = sentence[start : more.end()]  # "Presumptive Democratic presidential nominee Ana Ruiz"
    if phrase.lower() in ("the", "a", "an"):  # "The port authority closed ..., saying": the nouns up to the verb
        return _determiner_phrase(sentence, start)
    if " " in phrase and phrase.split()[-1].islower() and phrase.split()[-1] not in ("of", "the", "for") and (
        not _is_speaker_phrase(phrase) or _tags(sentence).get(start + len(phrase) - len(phrase.split()[-1])) in ("VBZ", "VBD", "VBP")
    ):
        phrase = phrase.rsplit(None, 1)[0]  # "Ruiz has ...", "Mr. Putin likes to ...": the verb is no part of the subject
    end = start + len(phrase)
    if not _is_speaker_phrase(phrase) or phrase.split()[-1] in ("of", "the", "for", "&"):
        return None
    joined = _AND_NAME.match(sentence, end)
    if joined:  # "Ana Ruiz and Sen. Tom Pell of Iowa stood ...": both are the subject
        other = _main_subject(sentence, joined.end())
        if other and other[0] == joined.end():
            return start, other[1]
    return start, end


# "and" and a capitalised word after a subject: a second name joined to it
_AND_NAME = re.compile(r"(?:\s*\([A-Z][\w.\-]{0,12}\))?\s+and\s+(?=[A-Z][\w.'’\-]*\s)")


# after a role noun, a title and a name of two words or more: " GOP Chairman Ron Tillis"
_ROLE_THEN_TITLED_NAME = re.compile(r"(?:\s+[A-Z][\w.’'\-]*)*\s+[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][\w.’'\-]*)+")
# one opening word and its comma: "Likewise, Trump ...", "Publicly, the nominee ..."
_OPENING_WORD = re.compile(r"^[A-Z][a-z]+\s*,\s*")
# a time without a comma: "A few minutes later they ..."
_TIME_LEAD = re.compile(r"^(?:A\s+few|A|An|One|Two|Three|Several|Some|Many)\s+(?:minutes|hours|days|weeks|months|years|minute|hour|day|week|month|year)\s+(?:later|earlier|ago)\s+(?=\w)")
# a sentence adverb without a comma: "Then Trump wondered ..."
_OPENING_ADVERB = re.compile(r"^([A-Z][a-z]+)\s+(?=[A-Za-z])")
# after an opening phrase, the rest of its place or time: "N.H., ", "on Tuesday, "
_PLACE_OR_TIME_PIECE = re.compile(r"^(?:[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?|[A-Z]\.[A-Z]\.|on\s+[A-Z][a-z]+day|[A-Z][a-z]+day(?:\s+(?:morning|afternoon|evening|night))?)\s*,\s*")
# lower-case title words and then a name: " presidential nominee Ana Ruiz"
_TITLE_THEN_NAME = re.compile(r"((?:\s+[a-z][\w\-]*){1,3})(?:\s+[A-Z][\w.'’\-]*)+")
# an opening phrase that ends in a place ("..., in Salem, "), and the state or country after it
_ENDS_IN_PLACE = re.compile(r"\b(?:in|at|near|from|outside)\s+(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*\s*,\s*$")
_STATE_PIECE = re.compile(r"^([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})\s*,\s*(?=\S)")
# a name after a role noun: " for Platte River", " of the Jupiter Police Department"
_OF_NAME = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|of|for|and))*(?<![a-z]\s)(?<!\sof)(?<!\sfor)(?<!\sand)")
_NOUN_TAGS = frozenset("JJ JJR JJS NN NNS NNP NNPS CD POS".split())


def _determiner_phrase(sentence: str, start: int) -> tuple[int, int] | None:
    """ "The port authority" in "The port authority closed ...": a determiner and the nouns
    and adjectives after it (up to four), as the tagger reads them."""
    tags = _tags(sentence)
    end = None
    for k, m in enumerate(re.finditer(r"[\w’'\-]+", sentence[start:])):
        if k == 0:
            end = start + m.end()
            continue
        if k > 4 or tags.get(start + m.start()) not in _NOUN_TAGS:
            break
        end = start + m.end()
    if end is None or " " not in sentence[start:end]:
        return None
    of = _OF_NAME.match(sentence, end)
    if of:  # "A spokesman for Platte River"
        end = of.end()
    phrase = sentence[start:end]
    return (start, end) if _is_speaker_phrase(phrase) else None


#: An age right after a name ("Quina Jones, 25, a nurse"): the mark of a person quoted as such.
AGE_AFTER = re.compile(r",\s*\d{1,3},")
_APPOSITION = re.compile(
    r",\s*(?:\d{1,3},\s*)?((?:a|an|the|who|which)\b[^,.;]{0,120}|[a-z][^,.;]{0,120}"
    r"|(?:[A-Z][\w.\-]*\s){0,3}[A-Z][\w.\-]*[’'](?:s)?\s[^,.;]{0,120})"
)


# "Ana Ruiz — a teacher from Dayton — says": a role between dashes
_DASH_APPOSITION = re.compile(r"\s*(?:[—–]|--)\s*((?:a|an|the)\s[^,.;—–]{0,120}?)\s*(?:[—–]|--)")
_DASH_ROLE_BEFORE = re.compile(r"\s*(?:[—–]|--)\s*(?:a|an|the)\s[^,.;—–\"“”]{0,120}?\s*(?:[—–]|--)\s*$")


def _apposition_after(text: str, end: int) -> str:
    """The role phrase right after a speaker mention: "Kapital, a business daily, ...".

    After an age ("Mattie Thomas, 66, a retired worker"), or opening with a possessive
    ("Peter Orszag, Obama's budget director", "Jennifer Palmieri, Mrs. Clinton's
    communications director"); the full stop of a title or an initial ends no apposition
    ("a spokesman for Mrs. Clinton").
    """
    window = text[end : end + 160]
    masked = ABBREVIATION_DOT.sub(lambda d: d.group()[:-1] + "_", window) if "." in window else window
    m = _APPOSITION.match(masked) or _DASH_APPOSITION.match(masked)
    return window[m.start(1) : m.end(1)] if m else ""
