"""Reported speech: statements introduced by a reporting verb without quotation marks.

A reporting verb with a subject and content (``X said that ...``, ``X urged Y to ...``,
``..., the daily said``), ``according to X``, relative clauses (``what it says is``),
participles (``, adding that``), coordinated verbs (``... but has said she will``),
agentless passives (``It was noted that``) and news-report nouns (``reports that``).
"""

from __future__ import annotations

import re
from functools import partial

from .adjuncts import _LEADING_CONNECTIVE
from .content import _CONTENT_BEFORE_OK, _content_after, _content_before, _parenthetical
from .cues import _DOCUMENT_BEFORE, _WITH_SUBJECT, PARTICIPLE_OPENING, PASSIVE_BEFORE, Cue, _find_cues
from .marks import QuoteSpan
from .noun_subject import _apposed_subject, _noun_subject
from .records import _Row
from .roles import _PRONOUNS
from .speaker_types import INTERVIEWER
from .speakers import _is_speaker_phrase, _main_subject, _subject_after, _subject_before
from .tokens import _has_finite_verb
from .verbs import REPORTING_VERBS, lemma

#: Reported speech is not looked for inside a sentence longer than this (characters, about
#: 1,600 words; a news sentence is a few hundred characters). The rules look back and ahead
#: from every reporting verb, so their work grows with the square of a sentence's length:
#: a text that is one very long sentence would otherwise take minutes. Direct quotes in it
#: are still found.
MAX_REPORTED_SENTENCE = 10_000


# where a clause or a piece of one ends, right before a cue or a subject ("..., adding", "..., but")
_COMMA_END = re.compile(r",\s*$")
_COMMA_ADVERB_END = re.compile(r",\s*(?:\w+ly\s+)?$")
_CLAUSE_OPENING_END = re.compile(r"(?:,\s*(?:\b(?:after|before|as|while|when|because|since|but|and|which|who|where|although|though|whereas)\s+)?|\b(?:after|before|as|while|when|because|since|but|and|which|who|where|although|though|whereas)\s+|[;:]\s*)$", re.I)
# a quotation, its speaker and cue, then "and" before a second cue: '"...," he said on Monday, and '
_QUOTE_THEN_SPEAKER = re.compile(r"\s*[\"“][^\"“”]+[,!?][\"”]\s+(he|she|they|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\s+(?:said|told|added|wrote)\b[^\"“”]*?,?\s+(?:but|and)\s+$")
_COORDINATED_END = re.compile(r"\b(?:but|and)\s+(?:(?:has|have|had|also|later|then|will|would|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+){0,2}$")
_RELATIVE_SUBJECT_END = re.compile(r"\b(?:what|which|who|that)\s+((?:the\s+)?[\w.'’]+(?:\s+[\w.'’]+){0,3}?)\s+(?:also\s+)?$")
# what follows a cue or a source
_SPACES = re.compile(r"\s*")
_COMMA = re.compile(r",\s*")
_COMMA_FIRST = re.compile(r"\s*,")
_THAT_OR_TO = re.compile(r"(?:that|to)\b")
_AS_SAYING = re.compile(r"\s+as\s+saying\s+(?:that\s+)?")
_QUOTED_AS_SAYING = re.compile(r"\s+((?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,5}?)\s+as\s+saying\b")
_ONLY_ADJUNCTS = re.compile(r"[\s,]*(?:(?:in|on|at|during|to|after|before|as|when|while)\b.*)?[.!?\"”]*\s*", re.S)
_NOT_A_SOURCE = re.compile(r"(?:which|what|whom|who|this|that|it|plan|schedule|script|form)\b", re.I)
# the attribution of the next statement, which ends a news-report noun's content
_NEXT_ATTRIBUTION = re.compile(r",\s+(?:the\s+|a\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,4}\s+(?:urged|said|told|added|reported)\b|\s+after\s+\w+\s+(?:reported|said)\b")


def _reported_speech(text: str, quotes: list[QuoteSpan], sent_spans, direct: list[_Row]) -> list[_Row]:
    """Reported statements, sentence by sentence, leaving out cues used by ``direct`` quotes or inside them."""
    rows: list[_Row] = []
    used_cues = {r.cue_start for r in direct}
    attributed = [(q.start, q.end) for q in quotes if q.attributed]
    previous_sentence_row: _Row | None = None
    for sid, (s_start, s_end) in enumerate(sent_spans):
        sentence = text[s_start:s_end]
        if len(sentence) > MAX_REPORTED_SENTENCE:
            continue  # bounded work: no reported speech is looked for in a sentence this long
        # cues of direct quotes are taken, and cues inside a direct quote belong to the quoted
        # speaker's words, not to attribution
        taken = partial(_taken, s_start, used_cues, attributed)
        cues = [c for c in _find_cues(sentence, taken) if not taken(c.start)]
        sentence_rows: list[_Row] = []
        found: list[tuple[Cue, _Row]] = []
        # direct quotes attributed in this sentence: a participle after them shares their
        # speaker ('"...," Smith said, adding that ...')
        quoted_here = [r for r in direct if s_start <= r.cue_start < s_end and r.mention is not None] if cues else []
        for cue in cues:  # first pass: which cues make a statement at all
            row = _one_reported(text, sentence, s_start, sid, cue, len(sentence), [*quoted_here, *(r for _, r in found)], previous_sentence_row)
            if row is not None:
                found.append((cue, row))
        for k, (cue, row) in enumerate(found):  # second pass: a later statement ends the one before
            later = [c for c, _ in found[k + 1 :] if REPORTING_VERBS.get(c.lemma) != "belief"]  # "said she stayed silent because she did not think ...": a belief goes on the statement
            if later:
                stop = _next_clause_start(sentence, later[0])
                if s_start + stop < row.end:
                    row = _one_reported(text, sentence, s_start, sid, cue, stop, [*quoted_here, *sentence_rows], previous_sentence_row) or row
            sentence_rows.append(row)
        sentence_rows = _without_nested(text, sentence_rows, quotes, quoted_here)
        sentence_rows += _agentless(text, sentence, s_start, sid, rows + sentence_rows, previous_sentence_row)
        sentence_rows += _noun_reports(text, sentence, s_start, sid)
        sentence_rows += _asked(sentence, s_start, sid, sentence_rows)
        for row in sentence_rows:
            if any(q.start < row.end and row.start < q.end and not q.attributed for q in quotes):
                row.kind = "partial"
        rows += sentence_rows
        if sentence_rows:
            previous_sentence_row = sentence_rows[-1]
    return rows


def _taken(s_start: int, used_cues: set[int], attributed: list[tuple[int, int]], offset: int) -> bool:
    """A word at ``offset`` in the sentence is the cue of a direct quote or inside an attributed quote."""
    at = s_start + offset
    return at in used_cues or any(a <= at < b for a, b in attributed)


#: Speakers whose belief verbs are the writer's (or a quoted speaker's) own words, not a
#: source's reported stance: "I think", "we hope", "you feel".
_FIRST_AND_SECOND_PERSON = frozenset({"i", "we", "you"})


def _without_nested(text: str, rows: list[_Row], quotes: list[QuoteSpan], direct: list[_Row]) -> list[_Row]:
    """``rows`` without the statements that lie inside another statement's content ("X said
    that Y told him ...": what X said; the outer statement carries it whole), and without the
    belief statements ("thinks", "hopes", ``belief`` in :data:`REPORTING_VERBS`) that are no
    source's stance: inside quotation marks (part of the quote), said by "I", "we" or "you",
    or with their verb inside another statement ("X said she hopes ...")."""
    def inside(row: _Row, other: _Row) -> bool:  # the verb of ``row`` in the content of ``other``
        return other is not row and other.start <= row.cue_start < other.end

    def outer(other: _Row, row: _Row) -> bool:  # of two statements each inside the other, the later verb's ("A expects B, X said")
        return not inside(other, row) or other.cue_start > row.cue_start

    kept = []
    for row in rows:
        if any(inside(row, other) and row.end <= other.end + 2 and outer(other, row) for other in (*rows, *direct)):
            continue  # a statement inside another one's content: what the outer source said
        if REPORTING_VERBS.get(lemma(row.cue.split()[0]) or "") == "belief":
            mention = text[row.mention[0] : row.mention[1]].lower() if row.mention else ""
            if mention in _FIRST_AND_SECOND_PERSON or any(q.start <= row.cue_start < q.end for q in quotes):
                continue
            if any(inside(row, other) and outer(other, row) for other in (*rows, *direct)):
                continue
        kept.append(row)
    return kept


def _next_clause_start(sentence: str, cue: Cue) -> int:
    """Where the clause of the next cue begins, so the previous content stops there."""
    if cue.participle:
        m = _COMMA_ADVERB_END.search(sentence[: cue.start])
        return m.start() if m else cue.start
    if cue.lemma == "according to":
        m = _COMMA_END.search(sentence[: cue.start])
        return m.start() if m else cue.start
    span = _subject_before(sentence, cue.start)
    if span is None:
        return cue.start
    before = sentence[: span[0]]
    m = _CLAUSE_OPENING_END.search(before)
    return m.start() if m else len(sentence)


#: After ``according to X`` inside a clause: a comma (past an apposition without a verb) and
#: the rest of the clause ("Among the causes, according to Ana Ruiz, an economist, are ...").
_ACCORDING_INNER = re.compile(r"\s*(?:,\s*(?:an?|the|another|who|which)\b[^,.;:]{0,80})?,\s*(?=[\w“\"‘'])")


#: the phrase after "according to" up to a comma or the end of the sentence ("according to
#: unofficial results", "according to state law"): any noun phrase names the source there
_ACCORDING_SOURCE = re.compile(r"\s*((?:the\s+|a\s+|an\s+)?[A-Za-z](?:[^,;:!?\"“”().]|\.(?=[\w\-]))*?)(?=\s*(?:[,;:!?\"“”(]|\.(?![\w\-])|$)|\s+(?:\w+ed\s+)?(?:in|on|at|during|after|before|since|when|while|that|who|which)\b)")


def _according_source(sentence: str, pos: int) -> tuple[int, int] | None:
    """The source named after "according to" when it is no speaker phrase of its own."""
    m = _ACCORDING_SOURCE.match(sentence, pos)
    if not m or not 1 <= len(m.group(1).split()) <= 12 or _NOT_A_SOURCE.match(m.group(1)):
        return None
    return m.start(1), m.end(1)


# "according to a poll published on Sunday by the Tolland Gazette": a finding and who made it
_EVIDENCE_BY = re.compile(
    r"(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+|fresh\s+)?(?:poll|survey|study|report|analysis|review|audit|count|tally|estimate)"
    r"\b[^,;:\"“”()]{0,60}?\bby\s+(?:the\s+)?([A-Z][\w&’'\-]*(?:\s+(?:[A-Z][\w&’'.\-]*|of|and|for|&))*)"
)


def _evidence_author(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of whoever made the poll, study or report named after "according to", when the
    sentence names them ("a poll published on Sunday by the Tolland Gazette"); else ``span``."""
    m = _EVIDENCE_BY.match(sentence, span[0])
    if not m:
        return span
    end = m.end(1)
    while sentence[end - 1] in ".’'" or sentence[m.start(1) : end].endswith((" of", " and", " for")):
        end = sentence.rfind(" ", m.start(1), end) if sentence[end - 1] not in ".’'" else end - 1
    return m.start(1), end


def _one_reported(text, sentence, s_start, sid, cue: Cue, stop: int, sentence_rows: list[_Row], previous_row) -> _Row | None:
    """The statement ``cue`` introduces, its content ending before ``stop``, or None."""
    cue_start, cue_end = s_start + cue.start, s_start + cue.end
    if cue.lemma == "according to":
        span = _subject_after(sentence, cue.end) or _according_source(sentence, cue.end)
        if span is None:
            return None
        span = _evidence_author(sentence, span)
        mention = (s_start + span[0], s_start + span[1])
        after = sentence[span[1] :]
        lead = _LEADING_CONNECTIVE.match(sentence)
        c_start = lead.end() if lead else 0
        before = sentence[c_start : cue.start]
        inner = _ACCORDING_INNER.match(after) if before.rstrip().endswith(",") else None
        if _COMMA_FIRST.match(after) and cue.start < 3 + len(_SPACES.match(sentence).group()) or not before.strip(" ,"):
            comma = _ACCORDING_INNER.match(after) or _COMMA.search(after[:80])  # "According to a poll out Thursday, ..."
            c_start = span[1] + comma.end() if comma else span[1]
            c_end = len(sentence.rstrip(" .!?"))
        elif inner and len(sentence) - span[1] - inner.end() > 15 and _has_finite_verb(after[inner.end() :]):
            # "Among the causes, according to the report, are ...": the whole sentence
            c_end = len(sentence.rstrip(" .!?"))
            row = _Row(s_start + c_start, s_start + c_end, "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "according to X, inside the clause")
            row.fragments = [(s_start + c_start, s_start + c_start + len(before.rstrip(" ,"))), (s_start + span[1] + inner.end(), s_start + c_end)]
            return row
        else:
            c_end = len(sentence[: cue.start].rstrip(" ,"))
        if c_end - c_start < 3:
            return None
        return _Row(s_start + c_start, s_start + c_end, "indirect", cue.text, cue_start, cue_end, mention, sid, 0.9, "according to X")
    if cue.passive:
        # "was quoted as saying" / "is said to" -> speaker is the grammatical subject
        span = _subject_before(sentence, PASSIVE_BEFORE.search(sentence[: cue.start]).start())
        if span is None or sentence[span[0] : span[1]].lower() in ("it", "this"):
            return None
        content = _content_after(sentence, Cue(cue.start, cue.end, "say" if cue.lemma == "quote" else cue.lemma, cue.text), stop)
        if content is None:
            m = _AS_SAYING.match(sentence[cue.end :])
            if not m:
                return None
            content = (cue.end + m.end(), len(sentence.rstrip(" .")), "clause")
        return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + span[0], s_start + span[1]), sid, 0.8, "passive with subject")
    # participle: ", adding that" -> the subject of the main clause
    if cue.participle:
        content = _content_after(sentence, cue, stop)
        if content is None:
            return None
        prior = [r for r in sentence_rows if r.cue_start < cue_start]
        own = _WITH_SUBJECT.search(sentence, 0, cue.start)
        document = _DOCUMENT_BEFORE.search(sentence, 0, cue.start)
        issuer = _subject_before(sentence, document.start()) if document else None
        noun = None if issuer is not None or PARTICIPLE_OPENING.search(sentence, 0, cue.start) else _noun_subject(sentence, cue.start, any_noun=True)
        if issuer is not None:
            mention = (s_start + issuer[0], s_start + issuer[1])  # "The agency issued a statement saying"
        elif noun is not None:
            mention = (s_start + noun[0], s_start + noun[1])  # "evidence suggesting that ...", "an item saying that ..."
        elif own and _is_speaker_phrase(own.group("np")) and not sentence[: cue.start].rstrip().endswith(","):
            mention = (s_start + own.start("np"), s_start + own.end("np"))  # "with 47 percent of voters saying"
        elif prior:
            mention = max(prior, key=lambda r: r.cue_start).mention
        else:
            subject = _main_subject(sentence)
            if subject is None or subject[1] > cue.start:
                return None
            mention = (s_start + subject[0], s_start + subject[1])
        return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.8, "participle")
    # relative clauses: "what it says is", "which it argued is"
    rel = _RELATIVE_SUBJECT_END.search(sentence[: cue.start])
    if rel and _is_speaker_phrase(rel.group(1)) and (rel.group(1).lower() in _PRONOUNS or rel.group(1)[0].isupper() or rel.group(1).lower().startswith("the ")):
        c_start = cue.end + len(_SPACES.match(sentence[cue.end :]).group())
        c_end = len(sentence[:stop].rstrip(" .!?,;"))
        if sentence[c_start:c_end].count('"') % 2 == 1:
            c_end = len(sentence[:stop].rstrip(" !?,;"))
        if c_end - c_start >= 2 and not _THAT_OR_TO.match(sentence[c_start:]):
            return _Row(s_start + c_start, s_start + c_end, "indirect", cue.text, cue_start, cue_end, (s_start + rel.start(1), s_start + rel.end(1)), sid, 0.75, "relative clause")
    span = _subject_before(sentence, cue.start)
    if cue.lemma == "quote":
        obj = _QUOTED_AS_SAYING.match(sentence[cue.end :])
        if not obj:
            return None
        mention = (s_start + cue.end + obj.start(1), s_start + cue.end + obj.end(1))
        content = _content_after(sentence, cue, stop)
        if content is not None and sentence[content[0] : content[1]].split()[0].lower() not in ("after", "in", "on", "when", "while", "following", "during"):
            return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "X quoted Y as saying")
        before = _content_before(sentence, span)
        if before is None:
            return None
        return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "content, X quoted Y as saying")
    if span is None:
        left = sentence[: cue.start]
        # "content, noted NBC's Dante Chinni."
        if _COMMA_END.search(left):
            after = _subject_after(sentence, cue.end)
            rest = sentence[after[1] :] if after else ""
            if after and (_ONLY_ADJUNCTS.fullmatch(rest) or (_COMMA_FIRST.match(rest) and not _has_finite_verb(rest)) or _APPOSITION_AFTER.match(rest)):
                before = _content_before(sentence, (cue.start, cue.end))
                if before is not None:
                    return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, (s_start + after[0], s_start + after[1]), sid, 0.8, "content, cue speaker")
        # "X has encouraged ... but has said she will"
        if _COORDINATED_END.search(left):
            subject = _main_subject(sentence)
            quoted = _QUOTE_THEN_SPEAKER.match(left)
            if quoted:  # '"...," he said on Monday, and said ...': the speaker of the quotation
                subject = quoted.span(1)
            content = _content_after(sentence, cue, stop)
            if subject is not None and content is not None and subject[1] < cue.start:
                return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + subject[0], s_start + subject[1]), sid, 0.75, "coordinated verb")
        # "Scott Morris, a former official who ..., said that ...": the subject before an apposition
        lead = _LEADING_CONNECTIVE.match(sentence)
        apposed = _apposed_subject(sentence, cue.start, start=lead.end() if lead else 0)
        content = _content_after(sentence, cue, stop) if apposed is not None else None
        if content is not None and content[2] in ("that", "clause", "question"):
            return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + apposed[0], s_start + apposed[1]), sid, 0.75, f"speaker, apposition, cue {content[2]}")
        # "..., hacking specialists say the data ...": a noun phrase read from its tags
        noun = _noun_subject(sentence, cue.start)
        content = _content_after(sentence, cue, stop) if noun is not None else None
        if content is not None and content[2] in ("that", "clause", "question") and cue.lemma != "call":
            return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, (s_start + noun[0], s_start + noun[1]), sid, 0.7, f"noun phrase cue {content[2]}")
        return None
    mention = (s_start + span[0], s_start + span[1])
    parenthetical = _parenthetical(sentence, span, cue, stop)
    if parenthetical is not None:
        (a, b), (c, d) = parenthetical
        row = _Row(s_start + a, s_start + d, "indirect", cue.text, cue_start, cue_end, mention, sid, 0.8, "parenthetical attribution")
        row.fragments = [(s_start + a, s_start + b), (s_start + c, s_start + d)]
        return row
    content = _content_after(sentence, cue, stop)
    after = sentence[cue.end : stop]
    if content is None or (content[2] == "clause" and _CONTENT_BEFORE_OK.match(after) and sentence[: span[0]].strip(" ,")):
        before = _content_before(sentence, span)
        if before is not None and _CONTENT_BEFORE_OK.match(after):
            return _Row(s_start + before[0], s_start + before[1], "indirect", cue.text, cue_start, cue_end, mention, sid, 0.85, "content, speaker cue")
        if content is None:
            return None
    confidence = 0.9 if content[2] == "that" else 0.8
    return _Row(s_start + content[0], s_start + content[1], "indirect", cue.text, cue_start, cue_end, mention, sid, confidence, f"speaker cue {content[2]}")


# after "content, said X": an apposition or a relative clause about X (", a professor at ...",
# ", who serves as ..."), not a clause of the writer's
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:who|whose|an?\s|the\s|[a-z][\w\-]*\s+(?:of|for|at|to|with)\s)")


_AGENTLESS = re.compile(
    r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:also\s+|further\s+|later\s+)?"
    r"(?P<cue>noted|emphasized|emphasised|stressed|reported|said|stated|announced|added|specified|clarified|claimed|alleged|suggested|believed|understood|explained|pointed\s+out|learned|learnt|underlined|recalled|argued|indicated|confirmed)\s+that\s+",
)


def _agentless(text, sentence, s_start, sid, rows: list[_Row], previous_row: _Row | None) -> list[_Row]:
    """``It was noted that ...``: statements that take the source of the statement before them (same paragraph)."""
    out = []
    if "that" not in sentence:
        return out  # no match possible: the test costs less than the search
    for m in _AGENTLESS.finditer(sentence):
        c_start = m.end()
        c_end = len(sentence.rstrip(" .!?"))
        same_paragraph = previous_row is not None and "\n\n" not in text[previous_row.end : s_start + m.start()]
        owner = rows[-1] if rows else previous_row if same_paragraph else None
        row = _Row(s_start + c_start, s_start + c_end, "indirect", m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"), None, sid, 0.6 if owner else 0.5, "agentless passive")
        if owner is not None:
            row.speaker, row.speaker_kind = "@inherit", ""
            row.mention = owner.mention
            row.pattern = "agentless passive (source of the statement before)"
        out.append(row)
    return out


_NOUN_REPORTS = re.compile(
    r"\b(?:over|amid|after|following|despite|denied|dismissed|confirmed)\s+(?P<spk>(?:(?:media|news|press|earlier|recent|unconfirmed|initial)\s+)?reports?)\s+(?P<cue>that)\s+"
)


def _noun_reports(text, sentence, s_start, sid) -> list[_Row]:
    """``over reports that ...``: statements of "the media"."""
    out = []
    if "report" not in sentence:
        return out  # no match possible
    for m in _NOUN_REPORTS.finditer(sentence):
        c_start = m.end()
        rest = sentence[c_start:]
        stop = _NEXT_ATTRIBUTION.search(rest)
        c_end = c_start + len((rest[: stop.start()] if stop else rest).rstrip(" .!?,"))
        mention = None
        out.append(_Row(s_start + c_start, s_start + c_end, "indirect", m.group("spk").split()[-1], s_start + m.start("spk"), s_start + m.end("spk"), mention, sid, 0.6, "news-report noun"))
        out[-1].speaker, out[-1].speaker_kind = "the media", "group"
    return out


#: "When asked whether ...", ", asked about ...": a question put to the source by an
#: interviewer the report does not name; the content is the question or its topic.
_ASKED = re.compile(
    r"(?:\b[Ww]hen(?:ever)?\s+(?:(?:he|she|they|I|we)\s+(?:was|were)\s+)?|,\s+|^)(?:first\s+|later\s+|again\s+|repeatedly\s+)?"
    r"(?P<cue>[Aa]sked)\s+(?:(?:[a-z]+ly|again|later|repeatedly|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|by\s+(?P<by>(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}))\s+){0,2}"
    r"(?:about\s+|(?=(?:whether|if|what|which|who|whom|why|how|where|when)\s))"
    r"(?P<content>[^,;:.?!\"“”]{3,300})"
)


def _asked(sentence, s_start, sid, rows: list[_Row]) -> list[_Row]:
    """``When asked whether ...``: the question of an interviewer the report does not name."""
    out = []
    if "sked" not in sentence:
        return out  # no "asked" or "Asked": no match possible
    for m in _ASKED.finditer(sentence):
        c_start, c_end = s_start + m.start("content"), s_start + m.end("content")
        if any(r.start < c_end and c_start < r.end for r in rows):
            continue
        if m.group("by"):  # "Asked by Ana Ruiz whether ...": the interviewer is named
            mention = (s_start + m.start("by"), s_start + m.end("by"))
            out.append(_Row(c_start, c_end, "indirect", m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"), mention, sid, 0.7, "question of a named interviewer"))
            continue
        row = _Row(c_start, c_end, "indirect", m.group("cue"), s_start + m.start("cue"), s_start + m.end("cue"), None, sid, 0.6, "question of an unnamed interviewer")
        row.speaker, row.speaker_kind = INTERVIEWER, ""
        out.append(row)
    return out
