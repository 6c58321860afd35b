"""Direct quotes: quotation marks attributed to the speaker and cue next to them, and
interview transcript turns (``PENCE: ...``).

A quote is attributed from the words right after it (``," the spokesman said``), right
before it (``Peskov said: "``, ``According to X, "``) or continues the quote before it
(``"A," she said. "B."``); short quoted phrases with no attribution are scare quotes.
"""

from __future__ import annotations

import re

import pandas as pd

from ..lexicons import words
from ..nlp import text as textmod
from ..nlp import tokens as nlp_tokens
from .adjuncts import _LEADING_CONNECTIVE
from .cues import PARTICIPLE_OPENING, _cue_at
from .marks import _MARKS, QuoteSpan
from .records import _Row
from .speakers import _SUBJECT_VERB_WORDS, _is_speaker_phrase, _main_subject, _subject_after, _subject_before
from .tokens import _sentence_of, _sentence_start_before
from .verbs import lemma


def _direct_quotes(text: str, quotes: list[QuoteSpan], sent_spans) -> list[_Row]:
    """Attributed quotes, in text order; marks each attributed :class:`QuoteSpan` as such."""
    rows: list[_Row] = []
    previous: _Row | None = None
    previous_close = -1
    for q in quotes:
        sid = _sentence_of(q.start, sent_spans)
        s_start = sent_spans[sid][0]
        last_sid = _sentence_of(max(q.close - 1, q.start), sent_spans)
        s_end = sent_spans[min(last_sid + (1 if q.close >= sent_spans[last_sid][1] - 1 else 0), len(sent_spans) - 1)][1]
        n_words = len(nlp_tokens.words(text[q.start : q.end]))
        row = _attribute_after(text, q, s_end, sid) or _attribute_before(text, q, s_start, sid)
        same_cue = row is not None and previous is not None and row.cue_start == previous.cue_start
        if (same_cue or row is None) and previous is not None and _only_attribution_between(text, previous_close, q.open, previous) and not _is_title(text[q.start : q.end]):
            # "A," she said. "B." is one statement in two fragments
            previous.end = q.end
            previous.fragments += _content_fragments(text, q)
            previous.pattern += " + continued quote"
            q.attributed = True
            previous_close = q.close
            continue
        if row is None:
            if not _is_title(text[q.start : q.end]):
                previous = None  # a programme's title ('on "Meet the Press."') leaves the quote before open
            continue
        if n_words < 3 and row.pattern.split(" (")[0] not in ("quote, speaker cue", "quote, cue speaker", "speaker cue: quote"):
            continue
        q.attributed = True
        row.fragments = row.fragments or _content_fragments(text, q)
        rows.append(row)
        previous, previous_close = row, q.close
    return rows


# the first paragraph of a text that is a headline with its source before a colon
_HEADLINE_TURN = re.compile(r"^(?P<name>[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4}?)\s*:\s+(?=[A-Z\"“‘'])")
_TURN = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?=\S)")
# labels that open a paragraph with a colon but name no speaker ("NOTE:", "PHOTO:")
_NOT_SPEAKERS = frozenset(words("non_speaker_labels.txt"))


def _transcript_turns(text: str, ents: pd.DataFrame | dict[str, list], sent_spans, quotes: list[QuoteSpan], paragraphs: list[tuple[int, int]] | None = None) -> list[_Row]:
    """Interview transcripts: a paragraph opening with ``NAME:`` is that person speaking
    (``paragraphs``: the :func:`analysis.nlp.text.paragraph_spans` of ``text``, when known)."""
    rows = []
    persons = {name for name, label in zip(ents["text"], ents["label"]) if label == "PERSON"}
    surnames = {p.split()[-1] for p in persons}

    def known_speaker(name: str) -> bool:  # a label in capitals, a person named in the text, or their surname
        if name.lower() in _NOT_SPEAKERS:
            return False
        return name.isupper() and len(name) > 1 or name in persons or name.split()[-1] in surnames

    for k, (ps, pe) in enumerate(textmod.paragraph_spans(text) if paragraphs is None else paragraphs):
        m = _TURN.match(text[ps:pe])
        headline = False
        if m and not known_speaker(m.group("name")):
            m = None
        if k == 0 and not m:  # a headline "Clinton camp: ...", "Poll: ...", "NY Daily News: ..."
            m = _HEADLINE_TURN.match(text[ps:pe])
            headline = m is not None and m.group("name").lower() not in _NOT_SPEAKERS and _is_speaker_phrase(m.group("name"))
        if not m or (k == 0 and not headline and m.re is _HEADLINE_TURN):
            continue
        start = ps + m.end()
        end = ps + len(text[ps:pe].rstrip())
        if not _has_words(text[start:end]):
            continue  # "Clinton: 547.": a tally, not a turn
        if any(q.attributed and q.start < end and start < q.end for q in quotes):
            continue
        sid = _sentence_of(start, sent_spans)
        if headline:
            end = ps + len(text[ps:pe].rstrip(" .\n"))
        kind, pattern = ("indirect", "headline X: statement") if headline else ("direct", "transcript turn")
        rows.append(_Row(start, end, kind, ":", ps + m.end("name"), ps + m.end("name") + 1, (ps + m.start("name"), ps + m.end("name")), sid, 0.7 if headline else 0.8, pattern))
    return rows


_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_LINE = re.compile(r"[^\n]+")


def _has_words(text: str) -> bool:
    """At least one word of two letters: a number alone ("Sanders: 46.") says nothing."""
    return _TWO_LETTERS.search(text) is not None


def _content_fragments(text: str, q: QuoteSpan) -> list[tuple[int, int]]:
    """Content pieces of a quote: one per paragraph, without continuation marks."""
    pieces = []
    for m in _LINE.finditer(text[q.start : q.end]):
        s, e = q.start + m.start(), q.start + m.end()
        while s < e and (text[s] in _MARKS or text[s].isspace() or text[s : s + 2] in ("''", "``")):
            s += 2 if text[s : s + 2] in ("''", "``") else 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
    return pieces or [(q.start, q.end)]


_NEW_CLAUSE = re.compile(r"^\s+\w+ing\b|,\s+(?:but|and|although|though|while|as|when)\s+(?:he|she|they|it|I|we)\b|[.!?]\s+(?:But|And|Then|He|She|They|It)\s+\w+\s+\w+")


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _is_title(quoted: str) -> bool:
    """A short quoted title, every longer word capitalised ("Meet the Press", "Shark Tank"):
    a programme or a book named in the attribution, not more of the quote."""
    found = _TITLE_WORD.findall(quoted)
    return 0 < len(found) <= 6 and all(w[0].isupper() for w in found if len(w) > 3) and quoted.rstrip()[-1:] not in "?!"


# a paraphrase that goes on after the previous quote's cue ("..., adding that"), unless it is
# a relative clause about the speaker
_PARAPHRASE = re.compile(r",\s*(?:\w+ly\s+)?(?:adding|saying|noting|telling|arguing|explaining|insisting|asking|claiming|stressing|warning)\b|\bthat\b")
_RELATIVE = re.compile(r"\s*,?\s*(?:who|which)\b")


def _only_attribution_between(text: str, a: int, b: int, previous: _Row) -> bool:
    """True when only the previous quote's attribution stands between two quotes."""
    between = text[a + 1 : b]
    after_cue = text[previous.cue_end : b]
    paraphrase = _PARAPHRASE.search(after_cue) and not _RELATIVE.match(after_cue)
    # a new clause after the attribution: the next quote belongs to it, not to the first quote
    # ('he said introducing Clinton as a "...', '..., but he was shocked by the "...', 'he said as X booed. But he ...')
    new_clause = _NEW_CLAUSE.search(after_cue)
    # a next paragraph that opens with the quote goes on with the same speaker ('... ," she said.\n\n"B."')
    paragraph_ok = "\n\n" not in between or (between.count("\n\n") == 1 and not between.rsplit("\n\n", 1)[1].strip() and between.rsplit("\n\n", 1)[0].rstrip().endswith("."))
    return previous.cue_start > a and previous.cue_end <= b and paragraph_ok and len(between.split()) <= 40 and not paraphrase and not new_clause


# the end of a quote and what follows it
_CLOSES_SENTENCE_PART = re.compile(r"[,?!…—–-][’'‘]?$|\.\.\.$")
_COMMA_FIRST = re.compile(r"\s*,")
_DASH = re.compile(r"\s*(?:[―—–]|--)\s*")
_NEXT_QUOTE_OR_PARAGRAPH = re.compile(r'["“”„«»]|\'\'|\n\n')
_ONLY_STOP = re.compile(r"\s*[.?!]\s*$")
_STOP_FIRST = re.compile(r"\s*[.!?]")
# the words before a quote that lead into it ("..., said", "... that")
_LEADS_INTO_QUOTE = re.compile(r"[:,]\s*$|\b(?:that|saying|said|says)\s*$")


# a written text after its quote: '," it read.', '," reads a sign.', '," the banner read.'
# ("read" is a cue only here, right after a quote: elsewhere it is mostly reading)
_READS = re.compile(r"(?<=\s)reads?\b(?=\s+(?:the|a|an|one|another|its|his|her|their)\s|\s*[.,])|(?<=\bit\s)read\b|(?<=\bit\s)reads\b")


def _reads_cue(tail: str) -> re.Match | None:
    """ "read(s)" after a quote, within its first few words (:data:`_READS`)."""
    m = _READS.search(tail, 0, 60)
    return m if m and len(tail[: m.start()].split()) <= 4 else None


# the cues that open an inverted attribution right after a closing mark without a comma
_INVERTED_CUE_FORMS = re.compile(r"(?:said|says|added|adds|wrote|writes|asked|asks)$")


def _attribute_after(text: str, q: QuoteSpan, s_end: int, sid: int) -> _Row | None:
    """The speaker and cue right after a quote (``," the spokesman said``, ``," said Peskov``, ``― Name``)."""
    tail_start = q.close + 1
    tail = text[tail_start : max(s_end, tail_start)]
    closes_sentence_part = _CLOSES_SENTENCE_PART.search(text[q.start : q.end]) or _COMMA_FIRST.match(tail)
    dash = _DASH.match(tail)
    if dash:
        span = _subject_after(tail, dash.end())
        if span is None:
            return None
        return _Row(q.start, q.end, "direct", tail[dash.start() : dash.end()].strip(), tail_start + dash.start(), tail_start + dash.end(), (tail_start + span[0], tail_start + span[1]), sid, 0.85, "quote, dash speaker")
    nxt = _NEXT_QUOTE_OR_PARAGRAPH.search(tail)
    if nxt:
        tail = tail[: nxt.start()]
    if not tail.strip() or tail.lstrip()[:1] in ".?!" and _ONLY_STOP.match(tail) is not None:
        return None
    if _STOP_FIRST.match(tail):
        return None
    cue = _cue_at(tail[:160]) or _reads_cue(tail)
    if not cue or cue.start() > 120:
        return None
    before_cue = tail[: cue.start()]
    if not closes_sentence_part and (before_cue.strip() or not _INVERTED_CUE_FORMS.match(cue.group())):
        return None  # '"..." said Ana Ruiz': a cue right after the mark needs no comma
    cue_start, cue_end = tail_start + cue.start(), tail_start + cue.end()
    if before_cue.strip(" ,"):
        span = _subject_before(tail, cue.start())
        if span is None or tail[: span[0]].strip(" ,") != "":
            return None
        mention = (tail_start + span[0], tail_start + span[1])
        pattern = "quote, speaker cue"
    else:
        span = _subject_after(tail, cue.end())
        if span is None:
            return None
        mention = (tail_start + span[0], tail_start + span[1])
        pattern = "quote, cue speaker"
    row = _Row(q.start, q.end, "direct", text[cue_start:cue_end], cue_start, cue_end, mention, sid, 0.95, pattern)
    s_start = _sentence_start_before(text, q.open)
    lead = text[s_start : q.open]
    if lead.strip() and not _LEADS_INTO_QUOTE.search(lead) and "\n\n" not in lead:
        # 'using the levy ''is the wrong tool,'' said Mr. Hale': the statement starts earlier
        connective = _LEADING_CONNECTIVE.match(lead)
        row.start = s_start + (connective.end() if connective else 0)
        row.kind, row.pattern = "partial", pattern + " (quote ends a paraphrase)"
        row.fragments = [(row.start, q.end + (1 if text[q.end : q.end + 1] in _MARKS else 0))]
    return row


# a sentence that ends with its reporting verb and no content: "Sam Lau said in a statement."
_CUE_THEN_STOP = re.compile(
    r"\b(?P<cue>said|says|added|adds|wrote|writes|stated|states|told\s+(?:reporters|journalists|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}))"
    r"(?:\s+(?:in|on|at|during|via|after|before|to|through)\s+[^.;:!?\"“”,]{1,60}|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?\.$"
)


def _attribute_sentence_before(text: str, q: QuoteSpan, prev_end: int, sid: int) -> _Row | None:
    """A quote right after a sentence that ends with its cue ("X said in a statement. "...")."""
    sent_start = _sentence_start_before(text, prev_end - 1)
    if "\n\n" in text[sent_start:prev_end]:
        sent_start = text.rindex("\n\n", sent_start, prev_end) + 2
    sentence = text[sent_start:prev_end]
    m = _CUE_THEN_STOP.search(sentence)
    if not m or any(ch in sentence for ch in _MARKS):
        return None
    span = _subject_before(sentence, m.start("cue"))
    if span is None or sentence[: span[0]].strip(" ,"):
        return None
    cue_end = m.start("cue") + len(m.group("cue").split()[0])
    return _Row(q.start, q.end, "direct", sentence[m.start("cue") : cue_end], sent_start + m.start("cue"), sent_start + cue_end, (sent_start + span[0], sent_start + span[1]), sid, 0.8, "speaker cue. quote")


# a name after a dash or "More from" and before the colon that opens a quote
_DASH_NAME_COLON = re.compile(r"(?:\s[-–—]\s+|\b(?:[Mm]ore\s+)?[Ff]rom\s+)(?P<name>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and))*)\s*:$")


# what stands right before a quote: a cue, "Said X:", "according to X,", "quoted X as saying"
_CUE_END = re.compile(r"\b(?:said|says|added|adds|told|tells|wrote|writes)\s*$")
_INVERTED = re.compile(r"\s*(?P<cue>Said|Says|Added|Adds|Wrote|Writes|Asked)\s+(?P<spk>[^:,]{2,80}?)\s*[:,]\s*$")
_ACCORDING_TO_END = re.compile(r"\b[Aa]ccording\s+to\s+(.+?),\s*$")
_QUOTED_AS_SAYING_END = re.compile(r"\bquoted\s+((?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,5}?)\s+as\s+saying$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_CLAUSE_STOP = re.compile(r"[.;!?]")
_THAT_END = re.compile(r"\bthat\s*$")
# a document issued right before its quoted text: "released the following statement:"
_ISSUED_STATEMENT_END = re.compile(r"\b(?:issued|released|put\s+out|posted|sent(?:\s+out)?|offered|gave)\s+(?:the\s+following|this|a|an|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}?(?:statement|message|response|tweet|note|reply)(?:\s+(?:on|to|in|after)\s+[^:,;]{1,40})?$")
# a cue and its comma right before a participle: '"...," he said, adding, "..."'
_PRIOR_CUE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|told\s+[\w.]+)\s*,\s*(?:\w+ly\s+)?$")
# a past tense or an auxiliary inside a phrase: a clause, not a speaker
_VERB_IN_PHRASE = re.compile(r"\b(?:[a-z]+ed|is|was|were|has|had|have|will|would|said|says|told|tells|wrote|writes)\b")


def _attribute_before(text: str, q: QuoteSpan, s_start: int, sid: int) -> _Row | None:
    """The speaker and cue right before a quote (``Peskov said: "``, ``According to X, "``)."""
    head = text[s_start : q.open]
    if "\n\n" in head:
        head = head[head.rindex("\n\n") + 2 :]
        s_start = q.open - len(head)
    stripped = head.rstrip()
    if not stripped.endswith((":", ",")) and not _CUE_END.search(stripped):
        # a paragraph that is only a quote, after a paragraph that introduced it with a colon
        prev = text[: q.open].rstrip()
        if head.strip() == "" and prev.endswith(":"):
            intro_start = prev.rfind("\n\n") + 2 if "\n\n" in prev else 0
            return _attribute_before(text, QuoteSpan(len(prev), q.close, q.start, q.end), intro_start, sid)
        if head.strip() == "" and prev.endswith("."):
            return _attribute_sentence_before(text, q, len(prev), sid)
        return None
    inverted = _INVERTED.match(head)
    if inverted:
        span = _subject_after(head, inverted.start("spk"))
        if span:
            return _Row(q.start, q.end, "direct", inverted["cue"], s_start + inverted.start("cue"), s_start + inverted.end("cue"), (s_start + span[0], s_start + span[1]), sid, 0.9, "cue speaker: quote")
    label = _DASH_NAME_COLON.search(stripped)
    if label and _subject_after(stripped, label.start("name")) == (label.start("name"), label.end("name")):
        # "Polls were early - Ana Ruiz: "...", "More from Ruiz: "...": a name as the label of a quote
        return _Row(q.start, q.end, "direct", ":", s_start + label.end("name"), s_start + label.end("name") + 1, (s_start + label.start("name"), s_start + label.end("name")), sid, 0.8, "label - speaker: quote")
    m = _ACCORDING_TO_END.search(head)
    if m:
        span = _subject_after(head, m.start(1))
        if span:
            return _Row(q.start, q.end, "direct", "according to", s_start + m.start(), s_start + m.start() + len("according to"), (s_start + span[0], s_start + span[1]), sid, 0.9, "according to X, quote")
    after_close = text[q.close + 1 : q.close + 3].lstrip()
    if after_close[:1].isalpha() and after_close[:1].islower():
        return None  # 'he said "budget reforms" and the ...': quoted words inside a paraphrase
    body = stripped.rstrip(":,").rstrip()
    issued = _ISSUED_STATEMENT_END.search(body)
    if issued:  # "the mayor released the following statement:": the subject of "released"
        span = _subject_before(head, issued.start())
        if span is not None:
            return _Row(q.start, q.end, "direct", issued.group().strip(), s_start + issued.start(), s_start + issued.end(), (s_start + span[0], s_start + span[1]), sid, 0.85, "speaker issued a statement: quote")
    quoted = _QUOTED_AS_SAYING_END.search(body)
    if quoted:
        return _Row(q.start, q.end, "direct", "quoted", s_start + quoted.start(), s_start + quoted.start() + 6, (s_start + quoted.start(1), s_start + quoted.end(1)), sid, 0.9, "X quoted Y as saying: quote")
    cues = list(_WORD.finditer(body))
    for cm in reversed(cues[-6:]):
        base = lemma(cm.group())
        if not base or base in ("reportedly", "presumably", "allegedly", "apparently"):
            continue
        after_cue = body[cm.end() :]
        if after_cue.strip() and (len(after_cue.split()) > 8 or _SUBJECT_VERB_WORDS.search(after_cue) or _CLAUSE_STOP.search(after_cue.replace("U.S.", "US"))):
            continue
        span = _subject_before(head, cm.start())
        if cm.group().lower().endswith("ing") and PARTICIPLE_OPENING.search(head, 0, cm.start()) and (span is None or _VERB_IN_PHRASE.search(head, *span)):
            # 'The mayor thanked the voters, saying, "..."': the participle shares the subject
            # of its clause, which is no phrase with a verb in it
            prior = _PRIOR_CUE.search(head, 0, cm.start())
            main = _subject_before(head, prior.start()) if prior else _main_subject(head)  # '"...," he said, adding, "..."'
            if main is not None and main[1] < cm.start() and not _VERB_IN_PHRASE.search(head, *main):
                span = main
        if span is None:
            continue
        kind = "partial" if _THAT_END.search(body) else "direct"
        return _Row(q.start, q.end, kind, cm.group(), s_start + cm.start(), s_start + cm.end(), (s_start + span[0], s_start + span[1]), sid, 0.9, "speaker cue: quote")
    return None
