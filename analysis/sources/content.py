"""What is reported: the content after a cue (a that-clause, a clause, an infinitive, a
noun phrase or a topic), before it ("..., the daily said"), or around it
("PRE, X said, POST").

Which verbs take which kind of content is data
(``analysis/lexicons/reporting_verb_complements.toml``).
"""

from __future__ import annotations

import re

from ..lexicons import table
from ..nlp import tagging
from ..nlp.tokens import token_spans
from .adjuncts import _ADVERBS, _LEADING_CONNECTIVE, _TIME_ADJUNCT
from .cues import Cue
from .tokens import _has_finite_verb as _tagged_finite_verb
from .verbs import lemma

_COMPLEMENTS = table("reporting_verb_complements.toml")
# verbs that take a person object before the content ("urged companies to", "told reporters that")
_OBJECT_VERBS = frozenset(_COMPLEMENTS["object_verbs"])
# verbs that report with an infinitive ("vowed to"): the object verbs and these
_INFINITIVE_VERBS = _OBJECT_VERBS | frozenset(_COMPLEMENTS["infinitive_verbs"])
# verbs too often used for non-speech to count without a content clause right after them
_NEEDS_CLAUSE = frozenset(_COMPLEMENTS["needs_clause"])
# ... except that these report a clause without "that"
_BARE_CLAUSE_VERBS = frozenset(_COMPLEMENTS["bare_clause_verbs"])
# verbs whose content can be a noun phrase ("cited a poll showing ...")
_OBJECT_CONTENT_VERBS = frozenset(_COMPLEMENTS["object_content_verbs"])
# verbs that report a proposition named by a noun ("clarified information about ...")
_TOPIC_VERBS = frozenset(_COMPLEMENTS["topic_verbs"])
# verbs whose content can be a gerund phrase ("reported spending $6 million")
_GERUND_VERBS = frozenset(_COMPLEMENTS["gerund_verbs"])
_GERUND = re.compile(r"(?:not\s+|never\s+)?(?!(?:during|nothing|something|anything|everything|morning|evening|thing|bring|king|spring|string|ring|wing|sing)\b)[a-z]{2,}ing\s+\S")
# a noun naming a proposition: "information about", "reports that"
_TOPIC_OBJECT = re.compile(r"(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:information|details|data|news|reports?|claims?|plans?|decision|allegations?|rumou?rs?|accusations?)\s+(?:about|on|of|that|regarding|concerning)\b", re.I)
# what may follow a cue when the content stands before it: an addressee, an adjunct, the end
_CONTENT_BEFORE_OK = re.compile(
    r"^\s*(?:(?:reporters|journalists|me|us|him|her|them|the\s+\w+(?:\s+\w+)?|an?\s+\w+(?:\s+\w+)?|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})\s*(?=[.!?,]|$|\s+(?:in|on|at|after|before|during|when|while|earlier|later|last|this)\b))?"
    r"\s*(?:[.!?]|,|(?:in|on|at|after|before|during|following|when|while|late|early|last|this|earlier|to\s+reporters|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b|$)"
)


# a contrast clause with its own subject after a comma ends the content: ", but she said ..."
_CONTRAST_CLAUSE = re.compile(r",\s+(?:but|although|though|whereas|while)\s+(?:he|she|they|it|we|I|the\s+\w+|[A-Z][\w’'\-]+)\s+(?!\w+ing\b)\w+")
# "called him a liar", "calling them rapists", "called it divisive": a pronoun and what it is
# called (not a particle, a preposition or a time: "called him back", "called her on Monday")
_CALL_NAME = re.compile(
    r"(?:it|him|her|them)\s+(?:an?\s|[\"“'‘]|(?!(?:back|up|out|off|in|on|at|to|from|for|over|after|before|about|with|and|but|or|last|this|that|yesterday|today|tonight|again|early|late|later|twice|once|himself|herself|themselves)\b)[a-z][\w\-]*\b)",
)
# the addressee of an object verb, up to its content: "told reporters that", "urged Comey not to"
_OBJECT_THEN_CONTENT = re.compile(r"(?:(?!that\b|to\b|as\b|not\b|never\b)[\w.'’\-]+\s+){1,10}?(?=that\b|(?:not\s+|never\s+)?to\b|as\s+saying\b|about\b|:|(?:whether|if|why|how)\s)")
# ... and, after "told", "assured" ..., a clause without "that" opened by a subject pronoun
# ("told The Ledger she would run")
_BARE_OBJECT_CLAUSE_VERBS = frozenset({"tell", "assure", "inform", "remind", "warn"})
_OBJECT_THEN_CLAUSE = re.compile(
    r"(?:(?!that\b|to\b|as\b|not\b|never\b|he\b|she\b|they\b|we\b|I\b)[\w.'’\-]+\s+){1,6}?"
    r"(?=that\b|(?:not\s+|never\s+)?to\b|as\s+saying\b|about\b|:|(?:whether|if|why|how)\s|(?:he|she|they|we|I)(?:\s|[’']))"
)
# verbs of evidence, which report a clause without "that" only when its verb comes early
_EVIDENCE_VERBS = frozenset({"show", "find"})
# an addressee named before a clause without "that" ("told the Gazette the pier ...")
_NAMED_ADDRESSEE = re.compile(r"(?:reporters|journalists|me|us|him|her|them|(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s+(?=[a-z])")
_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire"})


# what stands between a cue and its content: times, adverbs, the medium ("in a statement",
# "on Twitter"), the audience ("to reporters"); after an addressee, times only
_ADJUNCTS_AFTER_CUE = re.compile(rf"(?:(?:{_TIME_ADJUNCT}|{_ADVERBS}|however|though|too|nevertheless|meanwhile|instead|in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+){{0,3}}(?:statement|interview|email|post|letter|tweet|briefing|speech|message)(?:\s+(?:carried|published|posted)\s+by\s+[\w.]+)?|on\s+(?:Twitter|Facebook|Telegram|television|TV|radio)|to\s+reporters|to\s+journalists|in\s+a\s+press\s+release|at\s+a\s+[\w\s]{{0,30}}?(?:briefing|conference|meeting))[\s,]*)+", re.I)
_TIMES = re.compile(rf"(?:(?:{_TIME_ADJUNCT})[\s,]*)+", re.I)
# a cue's adjuncts up to a comma: "PRE, X said on Monday, POST"
_ADJUNCTS_THEN_COMMA = re.compile(rf"(?:\s+(?:{_TIME_ADJUNCT}|{_ADVERBS}))*\s*,\s*", re.I)
# the words that open a content (or show there is none)
_SPACE_COMMA = re.compile(r"\s*(?:,\s*)?")
_DETOUR_BEFORE_THAT = re.compile(r"(?:at|in|on|of|during|after|before|following|from|with|while|to)\b[^.;:\"“”]{0,80}?(?=\bthat\s)")
_CALL_ON = re.compile(r"(?:for|on|upon)\s+")
_ASK_FOR = re.compile(r"for\s+")
# "asked for anonymity", "asked not to be named / identified": no statement, the terms of one
_ANONYMITY_REQUEST = re.compile(r"(?:for\s+(?:anonymity|confidentiality|privacy)|(?:that\s+(?:his|her|their)\s+name\s+)?not\s+(?:to\s+)?be\s+(?:named|identified|quoted))\b")
_AS_SAYING = re.compile(r"as\s+saying\s*(?:that\s+)?")
_THAT_OR_COLON = re.compile(r"(?:that|:)\s*")
_QUESTION_WORD = re.compile(r"(?:whether|if|why|how)\s")
_INFINITIVE = re.compile(r"(?:not\s+|never\s+)?to\s+\w")
_ABOUT = re.compile(r"(?:[a-z]+ly\s+)?(?:about|of)\s+")
# a preposition after the cue opens no content ("spoke about", "said of him"), unless "about"
# or "over" is a quantity ("said about 40 people had been inside", "said over half of them")
_PREPOSITION = re.compile(
    r"(?:about|of|on|at|for|over)\s(?!(?<=about\s|.over\s)(?:\d|(?:a|an)\s+(?:third|quarter|half|fifth|tenth|dozen|hundred|thousand|million)\b|"
    r"half\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b))"
)
_REGRET_AT = re.compile(r"(?:at|over|about|that|for)\s+")
_LETTER = re.compile(r"[A-Za-z]")
_PRONOUN_OBJECT = re.compile(r"(?:it|this|that|them|him|her|so|nothing|something)\b", re.I)
_ACCUSED_OF = re.compile(r"\w+\s+of\s")
_COMMA_END = re.compile(r",\s*$")
# what opens no reported clause: a passive agent ("described by the president"), or an
# object pronoun and then a particle or preposition ("reported it to the FBI")
_NO_CLAUSE_START = re.compile(r"by\s|(?:it|them|him)\s+(?:to|from|into|off|out|back|up|down)\b")


def _content_after(sentence: str, cue: Cue, stop: int) -> tuple[int, int, str] | None:
    """Content of reported speech after a cue: that-clause, clause, or infinitive."""
    rest = sentence[cue.end : stop]
    offset = cue.end
    m = _SPACE_COMMA.match(rest)
    i = m.end()
    # skip adjuncts and, for object verbs, the addressee
    adjunct = _ADJUNCTS_AFTER_CUE.match(rest[i:])
    if adjunct:
        i += adjunct.end()
    detour = _DETOUR_BEFORE_THAT.match(rest[i:])
    if detour and cue.lemma not in _OBJECT_VERBS:  # "said at an event in Marlow that"
        i += detour.end()  # now at "that", which the step below consumes
    if cue.lemma == "ask" and _ANONYMITY_REQUEST.match(rest[i:]):
        return None  # "who asked for anonymity as ...", "asked not to be named": how a source is kept anonymous
    call_on = _CALL_ON.match(rest[i:]) if cue.lemma == "call" else _ASK_FOR.match(rest[i:]) if cue.lemma == "ask" else None
    if call_on:  # "called for a ban", "called on Congress to act", "asked for a recount": what follows is the content
        i += call_on.end()
    elif cue.lemma in _OBJECT_VERBS and cue.lemma not in ("accuse", "call"):  # "accused him of ...", "called it a sham": the object is content
        # the addressee ends before a negation, which belongs to the content ("urged Comey not to")
        obj = (_OBJECT_THEN_CLAUSE if cue.lemma in _BARE_OBJECT_CLAUSE_VERBS else _OBJECT_THEN_CONTENT).match(rest[i:])
        if obj is None and cue.lemma == "tell":  # "told the Gazette the pier would reopen"
            obj = _NAMED_ADDRESSEE.match(rest[i:])
            obj = obj if obj and _looks_like_clause(rest[i + obj.end() :]) else None
        if obj:
            i += obj.end()
            adjunct = _TIMES.match(rest[i:])
            if adjunct:
                i += adjunct.end()
    if cue.lemma == "quote":
        said = _AS_SAYING.match(rest[i:])
        if not said:
            return None
        i += said.end()
    that = _THAT_OR_COLON.match(rest[i:])
    kind = "that"
    if cue.lemma == "quote":
        pass  # "quoted X as saying (that)": the content follows
    elif cue.lemma in _QUESTION_VERBS and _QUESTION_WORD.match(rest[i:]):
        kind = "question"  # "asked Clinton whether she would release the transcripts"
    elif that:
        i += that.end()
    elif _INFINITIVE.match(rest[i:]) and cue.lemma in _INFINITIVE_VERBS:
        kind = "infinitive"
    elif call_on:
        kind = "object"
    elif cue.lemma in ("speak", "talk"):
        about = _ABOUT.match(rest[i:])  # "talked glowingly about"
        if not about:
            return None
        i += about.end()
        kind = "object"
    elif _PREPOSITION.match(rest[i:]) and cue.lemma not in ("express regret",):
        return None
    elif cue.lemma == "express regret":
        at = _REGRET_AT.match(rest[i:])
        if at:
            i += at.end()
        kind = "object"
    elif cue.lemma in _GERUND_VERBS and _GERUND.match(rest[i:]):
        kind = "object"  # "reported spending $6 million", "denied having met him"
    else:
        kind = "clause"
        if cue.lemma in _NEEDS_CLAUSE and cue.lemma not in _OBJECT_CONTENT_VERBS and cue.lemma not in _BARE_CLAUSE_VERBS:
            return None
    content = rest[i:]
    contrast = _CONTRAST_CLAUSE.search(content)
    if contrast and content[: contrast.start()].count('"') % 2 == 0 and content[: contrast.start()].count("“") == content[: contrast.start()].count("”"):
        content = content[: contrast.start()]  # "..., but she said she reserves the right": the writer's clause
    content = _DANGLING_CONJUNCTION.sub("", _trim_writer_tail(content))
    start = offset + i
    end = start + len(content.rstrip(" ,;:.!?"))
    if end - start < 3 or not _LETTER.search(sentence[start:end]):
        return None
    if kind == "clause" and _NO_CLAUSE_START.match(sentence, start):
        return None  # "described by the president", "reported it to the FBI"
    if kind == "clause" and cue.lemma in _EVIDENCE_VERBS and not _has_finite_verb(sentence[start:end], within=6):
        return None  # "the poll found a split, with ...": a finding named, not a clause
    if kind == "clause" and not _looks_like_clause(sentence[start:end]):
        # "clarified information about the suspension": a proposition named by a noun
        if cue.lemma in _TOPIC_VERBS and _TOPIC_OBJECT.match(sentence[start:end]):
            kind = "topic"
        elif cue.lemma in _OBJECT_CONTENT_VERBS and len(sentence[start:end].split()) >= 2 and (not _PRONOUN_OBJECT.match(sentence[start:end]) or (cue.lemma == "accuse" and _ACCUSED_OF.match(sentence[start:end])) or (cue.lemma == "call" and _CALL_NAME.match(sentence[start:end]))):
            kind = "object"  # "cited a poll showing ...", "called the plan a disaster"
        else:
            return None
    # a closing quotation mark that belongs to a partial quote stays in the content
    if end < len(sentence) and sentence[end : end + 2].strip(" .") in ('"', "”") and sentence[start:end].count('"') % 2 == 1:
        end = end + sentence[end:].index(sentence[end:].strip(" .")[0]) + 1
    return start, end, kind


# where the reported content ends and the writer's own words resume: a line break; a new
# clause with a pronoun subject after a comma (", and he railed against ..."), or after a
# dash (" - and her management was ..."); the speaker's next verb ("... and said that")
_WRITER_TAIL = re.compile(
    r"\n"
    r"|,\s+(?:and|but|yet)\s+(?:he|she|they|we|I)\s+(?!\w+ing\b)\w+"
    r"|\s(?:[-–—]|--)\s+(?:and|but)\s"
    r"|(?:,\s*|\s+)(?:and|but)\s+(?:also\s+|then\s+|later\s+|has\s+|have\s+|had\s+)?(?P<verb>[a-z]+(?:ed|s))\b"
)


# a conjunction left at the end where the next statement was cut off ("... is safe and")
_DANGLING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or)\s*$")


def _trim_writer_tail(content: str) -> str:
    """``content`` up to the first place where the writer's words resume (:data:`_WRITER_TAIL`)."""
    for m in _WRITER_TAIL.finditer(content):
        verb = m.group("verb")
        if verb is not None and not _is_speaker_verb(verb):
            continue
        before = content[: m.start()]
        if before.count('"') % 2 == 0 and before.count("“") == before.count("”") and len(before.split()) >= 2:
            return before
    return content


def _is_speaker_verb(word: str) -> bool:
    """A verb form the speaker of the statement may go on with: a reporting verb or a past tense."""
    return lemma(word) is not None


def _has_finite_verb(text: str, **options) -> bool:
    """:func:`.tokens._has_finite_verb` with curly apostrophes read as straight ones, so that
    "doesn’t" and "they’re" are tagged as the verbs they are."""
    return _tagged_finite_verb(text.replace("’", "'"), **options)


# a clause of two words: a pronoun and an auxiliary or modal ("she could", "he would not")
_SHORT_CLAUSE = re.compile(r"(?:he|she|they|it|we|I|you)\s+(?:would|could|will|can|should|might|may|must|did|does|do|had|has|have|was|were|is|are)(?:n['’]t|\s+not)?\W*$", re.I)


_VERB_THEN_COMPLEMENT = re.compile(r"\b([a-z]+(?:s|ed))\s+(?:to\s+[\"“]?[a-z]|that\s)")


def _subject_adverb_verb(text: str) -> bool:
    """A noun or pronoun, adverbs, then a verb the tagger left without tense ("voters almost
    always end up", "she jokingly referred"): the adverbs hide the verb's subject from it."""
    words = [text[s:e] for s, e in token_spans(text.replace("’", "'"))]
    tags = tagging.tag_prefix(words, 20)
    for i in range(2, len(tags)):
        if tags[i] in ("VB", "VBN", "VBP", "VBD") and tags[i - 1].startswith("RB"):
            j = i - 1
            while j > 0 and tags[j].startswith("RB"):
                j -= 1
            if tags[j].startswith("NN") or tags[j] == "PRP":
                return True
    return False


def _looks_like_clause(text: str) -> bool:
    """Three words or more with a finite verb among the first twenty tokens, or a pronoun and
    an auxiliary ("he would")."""
    if len(text.split()) < 3:
        return _SHORT_CLAUSE.match(text) is not None
    if _has_finite_verb(text, within=20, past_after_subject=True):
        return True
    if _subject_adverb_verb(text):
        return True
    # a reporting or belief verb the tagger read as a noun: "the governor plans to support"
    return any(lemma(m.group(1)) for m in _VERB_THEN_COMPLEMENT.finditer(text, 0, 160))


def _parenthetical(sentence: str, span: tuple[int, int], cue: Cue, stop: int):
    """``PRE, speaker cue, POST``: the statement is PRE and POST around the attribution."""
    before = sentence[: span[0]]
    comma = _COMMA_END.search(before)
    after = _ADJUNCTS_THEN_COMMA.match(sentence[cue.end : stop])
    if not comma or not after:
        return None
    post_start = cue.end + after.end()
    post_end = len(sentence[:stop].rstrip(" .!?"))
    lead = _LEADING_CONNECTIVE.match(sentence)
    pre_start = lead.end() if lead and lead.end() < comma.start() else 0
    pre, post = sentence[pre_start : comma.start()], sentence[post_start:post_end]
    if not pre.strip() or len(post.split()) < 2 or not _has_finite_verb(post):
        return None
    return (pre_start, comma.start()), (post_start, post_end)


def _content_before(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Reported clause placed before its attribution: "Zoom will sell ..., the daily said"."""
    if span is None:
        return None
    left = sentence[: span[0]]
    m = _COMMA_END.search(left)
    if not m:
        return None
    start = 0
    lead = _LEADING_CONNECTIVE.match(sentence)
    if lead and lead.end() < m.start():
        start = lead.end()
    end = m.start()
    if len(sentence[start:end].split()) < 3 or not _has_finite_verb(sentence[start:end], within=40):
        return None
    return start, end
