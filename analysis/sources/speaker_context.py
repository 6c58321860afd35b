"""Where a source's role is written around its name, and who runs for office in an article.

:func:`role_phrase` keeps the appositions after a name that tell its role or home ("a nurse
from Dayton", "who heads the union") and drops the clauses that only look like one
("adding ...", "the Post reported"); :func:`running_names` finds the people an article shows
running for office anywhere ("Kasich's campaign", "nominee Tim Kaine"). Both feed
:func:`analysis.sources.speaker_types.speaker_type`.
"""

from __future__ import annotations

import re

from ..lexicons import table
from .tokens import _words_of
from .verbs import lemma

# the first word of an apposition that is no role but a clause ("noted the ...", "adding ...")
_CLAUSE_START = frozenset(
    "two three four five six seven eight nine ten several many some both other others "
    "however though too also then meanwhile instead according as along is are was were has have had will would can could "
    "you're you’re i'm i’m he's he’s she's she’s they're they’re we're we’re it's it’s "
    "did does if unlike when while because although since but and or so after before than drawn seen known given taken "
    "shown".split()
)
# a verb before any "who": the phrase is a clause ("the two million members of the union would ...")
_FINITE = re.compile(r"^(?:(?!\bwho\b|\bwhich\b|\bthat\b).)*?\b(?:would|will|could|should|might|must|can|cannot|may|is|are|was|were|has|have|had)\b")
# words in -ing that open a role ("managing director", "visiting fellow")
_ROLE_ING = frozenset(
    "managing acting leading founding outgoing incoming visiting ranking presiding polling consulting "
    "governing ruling reigning sitting longstanding working striking prosecuting defending".split()
)
# "who is executive director of ...", "who was a nurse": the role after the verb
_WHO_IS = re.compile(
    r"who\s+(?:(?P<now>is|has\s+been|serves\s+as|is\s+now|now\s+serves\s+as|works\s+as|now\s+works\s+as)"
    r"|was|had\s+been|served\s+as|worked\s+as|once\s+served\s+as)\s+(?:also\s+|now\s+)?"
)
# relative clauses that tell a source's role or home ("who heads the union", "who lives nearby")
_WHO_ROLE = re.compile(
    r"who\s+(?:now\s+|also\s+)?(?:heads|headed|leads|led|runs|ran|founded|co-founded|oversees|directs|owns|chairs|represents|"
    r"works|worked|has\s+worked|has\s+been\s+working|teaches|taught|studies|studied|advises|advised|manages|managed|"
    r"lives|lived|has\s+lived|grew|moved|traveled|travelled|drove|came|comes|is\s+from|was\s+born|"
    r"voted|votes|caucused|plans\s+to\s+vote|will\s+vote|attended|attends|"
    r"reported|reports|covers|covered|hosts|hosted|anchors|edits|writes\s+(?:for|a\s+column)|"
    r"lost\s+(?:his|her|their|a)\s+(?:[\w\-]+\s+)?(?:son|daughter|child|children|husband|wife|mother|father|sister|brother|"
    r"parents?|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?|relatives?|family|home|job|house)|"
    r"survived)\b"
    # "who appraises properties for the firm Hale & Cole": what a body the source works for does
    r"|who\s+(?:also\s+)?[a-z]+s\s+(?:[\w\-]+\s+){0,4}?(?:for|at|with)\s+(?=(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){0,4}(?:firm|company|[A-Z]))"
)
# relative clauses of an ordinary person quoted as such ("who voted for Ruiz twice", "who attended the rally")
# "who lost her son in the shooting", "who survived the attack": a relative or a witness, as ordinary people are quoted
VOTER = re.compile(
    r"who\s+(?:also\s+|once\s+)?(?:voted|votes|caucused|plans\s+to\s+vote|will\s+vote|attended|attends|survived"
    r"|lost\s+(?:his|her|their|a)\s+(?:[\w\-]+\s+)?(?:son|daughter|child|children|husband|wife|mother|father|sister|brother|"
    r"parents?|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?|relatives?|family|home|job|house))\b"
)
# relative clauses of a journalist ("who reported that ...", "who hosts a radio show")
JOURNALIST = re.compile(r"who\s+(?:also\s+|first\s+)?(?:reported|reports|covers|covered|hosts|hosted|anchors|edits|writes\s+(?:for|a\s+column))\b")
# irregular past forms of reporting verbs that close a clause ("the airline said Thursday")
_SAID = frozenset("said told wrote spoke".split())
# reporting verbs in the present that close a clause ("the union's members say")
_SAY = frozenset("say says argue argues note notes warn warns believe believe insist insists".split())
_VERB_THEN_OBJECT = re.compile(r"^[a-z]+ed\s+(?:the|that|they|he|she|it|his|her|their|to|a|an|[A-Z])|^[a-z]+\s+(?:it|him|her|them|this|us|me)\b")


def role_phrase(apposition: str) -> str:
    """``apposition`` when it reads as a role or a relative clause about the source's role or
    home, else "" ("adding ...", "however", "noted the department had ...": a clause of the
    sentence; "who said he expects ...": a clause about something else). "who is (a) ..." is
    read as the role it names.

    >>> role_phrase("a waitress at a diner"), role_phrase("adding that the vote was close")
    ('a waitress at a diner', '')
    >>> role_phrase("who is executive director of the Hale Fund"), role_phrase("who said he expects a deal")
    ('executive director of the Hale Fund', '')
    >>> role_phrase("who served as mayor of Dayton"), role_phrase("who works as a cashier")
    ('former mayor of Dayton', 'a cashier')
    >>> role_phrase("who was listed on the slate"), role_phrase("who is running for mayor")
    ('', '')
    >>> role_phrase("who was to travel to Dayton")
    ''
    >>> role_phrase("the airline said Thursday"), role_phrase("the airline's spokesman")
    ('', "the airline's spokesman")
    """
    text = apposition.strip()
    if text.startswith("who "):
        role = _WHO_IS.match(text)
        if role:  # "who was a nurse", "who served as secretary of state": what the source was
            rest = text[role.end() :]
            first = rest.split(None, 1)[0].lower() if rest.strip() else ""
            if not first or first == "to" or (first.endswith(("ed", "en", "ing")) and first not in _ROLE_ING) or lemma(first):
                return ""  # "who was listed on the slate", "who is running for mayor": a clause, not a role
            return rest if role.group("now") else "former " + re.sub(r"^(?:a|an|the)\s+", "", rest)
        return apposition if _WHO_ROLE.match(text) else ""
    first = text.split(None, 1)[0] if text else ""
    plain = first.lower().strip(".,’'")
    if not plain or plain in _CLAUSE_START or _VERB_THEN_OBJECT.match(text):
        return ""
    if first[:1].islower() and (lemma(plain) or (plain.endswith("ing") and plain not in _ROLE_ING)):
        return ""
    tokens = text.split()
    if _FINITE.match(text) or (len(tokens) <= 6 and any((t.endswith(("ed", "s")) or t in _SAID) and lemma(t.lower()) for t in tokens[1:])):
        return ""  # "the Post reported", "the airline said Thursday": a clause
    if len(tokens) > 1 and tokens[-1].lower() in _SAY:
        return ""  # "the union's members say": a clause that reports what others say
    return apposition


_NAME = r"[A-Z][\w'’\-]+"
_INITIALS = r"(?:(?:Sens?\.|Govs?\.|Reps?\.|Dr\.|Mr\.|Mrs\.|Ms\.|former|[A-Z][\w.'’\-]*)\s+){0,3}"
_RUNNING_NAME = re.compile(
    # "Pence's campaign", "Sanders supporters", "the Kasich campaign"
    rf"\b({_NAME})(?:[’']s?)?\s+(?=(?:presidential\s+|Senate\s+|primary\s+|re-?election\s+)?"
    r"(?:campaign|candidacy|bid|running\s+mate|supporters|backers|rally|rallies|delegates|voters|surrogates?)\b)"
    # "nominee Tim Kaine", "Democratic front-runner Hillary Clinton", "rival Bernie Sanders"
    rf"|\b(?i:candidate|nominee|hopeful|contender|front-?runner|challenger|rival|running\s+mate)s?,?\s+{_INITIALS}({_NAME})"
    # "Jill Stein, the Green Party candidate"
    rf"|\b({_NAME}),\s+(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}(?:candidate|nominee|hopeful|contender|front-?runner|challenger)\b"
    # "Christie has been busy campaigning in Iowa" (not "campaigning for": a surrogate, below)
    rf"|\b({_NAME})\s+(?:has\s+been\s+|is\s+|was\s+|were\s+|had\s+been\s+)?(?:busy\s+|out\s+|still\s+)?campaigning\b(?!\s+(?:for|with|on\s+behalf))"
    # "Clark, a retired general, is a surrogate for ..."
    rf"|\b({_NAME})(?:,[^,;.]{{0,120}},)?\s+(?:is|was|has\s+been)\s+(?:a|an|one)\s+(?:[\w\-]+\s+){{0,2}}surrogates?\b"
    # "Gov. Ann Cole is joining her running mate ..."
    rf"|\b({_NAME})(?=(?:\s+[a-z]+){{0,3}}\s+(?:his|her)\s+running\s+mate\b)"
    # "Mrs. Cole said on the stump", "Hale told voters on the campaign trail", "Hale's stump speech"
    rf"|\b({_NAME})(?:[’']s?\s+stump\s+speech|\s+(?:[a-z]+\s+){{0,8}}?on\s+the\s+(?:stump|campaign\s+trail)\b)"
    # "voted for Kasich", "his endorsement of Ted Cruz"
    rf"|\b(?:vot(?:e|es|ed|ing)\s+for|endors(?:e|es|ed|ing)|endorsement\s+of|back(?:s|ed|ing)|support(?:s|ed|ing))\s+{_INITIALS}({_NAME})"
)
# "Kasich, Bush and other GOP candidates": every name of the list
_CANDIDATE_LIST = re.compile(
    rf"((?:{_NAME},\s+){{0,6}}{_NAME}),?\s+and\s+(?:other|fellow|rival)\s+(?:[A-Z][\w.]*\s+)?(?:presidential\s+)?"
    r"(?:candidates|hopefuls|contenders|rivals|nominees)\b"
)


def running_names(text: str) -> frozenset[str]:
    """The lower-case last names the text shows running for office anywhere ("Kasich's
    campaign", "nominee Tim Kaine", "voted for Stein").

    >>> sorted(running_names("Voters at the Hale campaign office cheered. Rival Ann Cole said no."))
    ['cole', 'hale']
    >>> sorted(running_names("Hale's running mate, Ohio Gov. Ann Cole, spoke."))
    ['cole', 'hale']
    >>> sorted(running_names("Hale, Cole and other GOP candidates spoke."))
    ['cole', 'hale']
    >>> sorted(running_names("Gov. Ann Cole has been busy campaigning in Iowa. Tom Hale, a retired general, is a surrogate for her."))
    ['cole', 'hale']
    >>> sorted(running_names("Mrs. Cole said on the stump last year that banks must pay. Hale's stump speech is short."))
    ['cole', 'hale']
    """
    found = set()
    for m in _RUNNING_NAME.finditer(text):
        name = next((g for g in m.groups() if g), "")
        found.add(re.sub(r"[’']s?$", "", name).lower())
    for m in _CANDIDATE_LIST.finditer(text):
        found.update(name.strip().lower() for name in m.group(1).split(","))
    return frozenset(found)


# an apposition that says where a person lives or comes from ("who lives in Reno", "a nurse from Ohio")
_RESIDENT = re.compile(
    r"(?:who\s+(?:lives|lived|has\s+lived|grew\s+up|moved|traveled|travelled|drove|came|is\s+from|was\s+born)"
    r"|(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?:based|living)\s+in\s+[A-Z]"
    r"|(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?:from|of)\s+[A-Z]|(?:a|an)\s+\d{1,3}-year-old)"
)


# "Brian Meza, 22," or "John and Brian Meza, 22 and 19,": a full name with an age, anywhere in the article
_AGED_NAME = re.compile(r"\b([A-Z][\w’'.\-]+)\s+(?:[A-Z][\w’'.\-]+\s+){0,2}?([A-Z][\w’'\-]+),\s+\d{1,2}(?:\s+and\s+\d{1,2})?,\s")
# "62-year-old Brenda Hale", "17-year-old Tom Cole echoed": an age before a full name (not "the 74-year-old Tom Hale")
_AGED_BEFORE = re.compile(r"(?<![Tt]he\s)\b\d{1,3}-year-old\s+([A-Z][\w’'.\-]+)\s+(?:[A-Z][\w’'.\-]+\s+){0,2}([A-Z][\w’'\-]+)\b")
# "Tom Hale of Laconia, N.H.,": a full name with a home town and an abbreviated state
_HOMED_NAME = re.compile(
    r"\b([A-Z][\w’'.\-]+)\s+(?:[A-Z][\w’'.\-]+\s+){0,2}?([A-Z][\w’'\-]+)\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+[A-Z][a-z]{0,4}\.(?:\s?[A-Z]\.)?[,\s]"
)
# "Ann Cole is one of those factory workers", "Ann Cole was among the voters": one of a crowd of ordinary people
_ONE_OF_CROWD = re.compile(
    r"\b([A-Z][\w’'\-]+)\s+(?:is|was)\s+(?:one\s+of|among)\s+(?:the\s+|those\s+|many\s+|several\s+|thousands\s+of\s+)?"
    r"(?:[\w\-]+\s+){0,3}?(?:workers|voters|residents|students|supporters|attendees|protesters|protestors|parents|"
    r"retirees|veterans|fans|neighbors|neighbours|shoppers|volunteers|employees)\b"
)


def _aged_or_homed(text: str) -> list[re.Match]:
    """The full names the text gives an age ("Ann Cole, 52,", "52-year-old Ann Cole") or a home
    town ("Ann Cole of Laconia, N.H."), as matches whose groups 1 and 2 are the first and last names."""
    return [*_AGED_NAME.finditer(text), *_AGED_BEFORE.finditer(text), *_HOMED_NAME.finditer(text)]


def ordinary_names(text: str) -> frozenset[str]:
    """The lower-case last names the text introduces anywhere as ordinary people: with an age
    after or before the full name or a home town with its state (``_aged_or_homed``), or as one
    of a crowd of workers, voters, residents ...

    >>> sorted(ordinary_names("Brothers Tom and Al Hale, 22 and 19, came. Ann Cole is one of those factory workers."))
    ['cole', 'hale']
    >>> sorted(ordinary_names("On Feb. 10, 2016, Sen. Ann Cole spoke. Tom Hale is one of the candidates."))
    []
    """
    found = {m.group(2) for m in _aged_or_homed(text)} | {m.group(1) for m in _ONE_OF_CROWD.finditer(text)}
    return frozenset(re.sub(r"[’']s?$", "", name).lower() for name in found)


def ordinary_first_names(text: str) -> dict[str, frozenset[str]]:
    """For each last name of :func:`ordinary_names`, the lower-case first names the article
    gives it with an age ("Ivanka Hale, 34," -> {"hale": {"ivanka"}}); empty when it gives
    none ("Ann Cole is one of those factory workers"), so that another person of the family
    named without an age ("Tom Hale") is not taken for an ordinary person too.

    >>> ordinary_first_names("Ivanka Hale, 34, spoke. Ann Cole is one of those factory workers.")
    {'cole': frozenset(), 'hale': frozenset({'ivanka'})}
    """
    firsts: dict[str, set[str]] = {name: set() for name in ordinary_names(text)}
    for m in _aged_or_homed(text):
        surname = re.sub(r"[’']s?$", "", m.group(2)).lower()
        if surname in firsts and m.group(1) != m.group(2):
            firsts[surname].add(m.group(1).lower())
    for m in _ONE_OF_CROWD.finditer(text):  # a crowd member named by the last name: any first name
        firsts[re.sub(r"[’']s?$", "", m.group(1)).lower()] = set()
    return {name: frozenset(first) for name, first in sorted(firsts.items())}


_PERSONAL = table("speaker_personal.toml")


def _phrases(words) -> str:
    return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# "my mom", "our kids", "I voted", "I'm voting", "I saw": a source speaking of its own life
_PERSONAL_QUOTE = re.compile(
    rf"\b(?:[Mm]y|[Oo]ur)\s+(?:{_phrases(_PERSONAL['my'])})\b|\bI(?:\s+[a-z]+ly)?(?:\s+|(?=['’]))(?:{_phrases(_PERSONAL['i'])})\b"
)


def personal_quote(quote: str) -> bool:
    """True when a source's quoted words speak of its own life in the first person: family,
    home, job, money, vote, or what it saw (``analysis/lexicons/speaker_personal.toml``).

    >>> personal_quote("My van is twelve years old and I still live with my dad."), personal_quote("I'm voting for her.")
    (True, True)
    >>> personal_quote("I saw people running."), personal_quote("We will win this state, and I will lead.")
    (True, False)
    """
    return bool(_PERSONAL_QUOTE.search(quote))


# a sentence opening right before a name: after a full stop (and a closing quote) or a line break
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")
# what a sentence says of the person who opens it: "is the union's treasurer", "has lived in Dayton"
_PREDICATE = re.compile(
    r",?\s+(?:\d{1,3},\s+)?(?:(?:is|is\s+now|is\s+also)\s+(?P<role>(?:the|a|an)\s+[^.;:!?\"“”()]{3,100})"
    r"|(?P<life>(?:has\s+|have\s+)?(?:lives|lived|works|worked|owns|runs|grew\s+up|moved|teaches|studies)\b[^.;:!?\"“”()]{0,100})"
    # "Ann Cole, a nurse, was elected mayor of Dayton": the office she holds now
    r"|(?:(?:a|an)\s+[^,.;:!?\"“”()]{1,40},\s+)?(?:was|has\s+been|is)\s+(?:elected|re-elected|reelected|appointed|named|sworn\s+in)\s+(?:as\s+)?(?P<office>(?:the\s+)?[a-z][^.;:!?\"“”(),]{2,60}))"
)


def predicate_role(text: str, start: int, end: int) -> str:
    """The role or home a sentence opening with the name at ``[start, end)`` gives its person,
    read as an apposition ("Ann Cole is the union's treasurer." -> "the union's treasurer";
    "Ann Cole has lived in Dayton for 30 years." -> "who has lived in Dayton for 30 years"),
    else "". A phrase with no word that types anyone ("is a fighter") is no role.

    >>> t = "It rained. Ann Cole is the union's treasurer. Tom Hale has lived in Dayton for years."
    >>> predicate_role(t, 11, 19), predicate_role(t, 46, 54)
    ("the union's treasurer", 'who has lived in Dayton for years')
    >>> predicate_role("Ann Cole is a fighter.", 0, 8), predicate_role("He said Ann Cole is the treasurer.", 8, 16)
    ('', '')
    >>> predicate_role("Ann Cole, a nurse, was elected mayor of Dayton last week.", 0, 8)
    'mayor of Dayton'

    """
    if not _SENTENCE_OPEN.search(text, max(0, start - 4), start) and start:
        return ""
    m = _PREDICATE.match(text, end)
    if not m:
        return ""
    if m.group("life"):
        return "who " + m.group("life").strip()
    if m.group("office"):  # "was elected mayor of Dayton last week": the office, not when
        office = re.sub(r"\s+(?:last|this|on|in|by|after|since)\b.*$", "", m.group("office").strip())
        return office if _types_someone(office) and not re.match(r"(?:the\s+)?(?:former|acting|interim)\b", office) else ""
    return m.group("role").strip() if _types_someone(m.group("role")) else ""


def _types_someone(phrase: str) -> bool:
    from .speaker_types import _type_of_words  # the type cues live there (it imports this module)

    return _type_of_words(_words_of(phrase)) != "other"


_ELECTION_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, table("speaker_titles.toml")["election_words"]), key=len, reverse=True)) + r")\b", re.I
)
#: Election words per 1,000 words from which an article is an election story (``election_story``).
ELECTION_DENSITY = 8.0


def election_story(text: str) -> bool:
    """True when the article is about an election: it uses the words of one (campaign,
    candidates, primary, voters, GOP ...; ``election_words`` in speaker_titles.toml) at least
    :data:`ELECTION_DENSITY` times per 1,000 words, and three times at least.

    >>> election_story("The campaign said the candidate won the primary; GOP voters cheered.")
    True
    >>> election_story("The plant will close in May, the company said, and 300 workers will lose their jobs.")
    False
    """
    words, found = len(text.split()), len(_ELECTION_WORD.findall(text))
    return found >= 3 and found * 1000 / words >= ELECTION_DENSITY


def headline_names(text: str) -> frozenset[str]:
    """The lower-case capitalised words of the article's headline: the lines before its first
    blank line (a title and a subtitle) when they are short (at most 40 words), as news texts
    open ("Hale wins the primary."), else none.

    >>> sorted(headline_names("Hale wins the Ohio primary;\\nCole concedes.\\n\\nTom Hale won on Tuesday."))
    ['cole', 'hale', 'ohio']
    >>> headline_names("A long first paragraph " + "with many words " * 20 + "ends here.")
    frozenset()
    """
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    if len(first.split()) > 40:
        return frozenset()
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][\w\-]+", first)) - {"the", "a", "an"}


def _phrase_pattern(phrases) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.I)


_TITLE_LISTS = table("speaker_titles.toml")
_ANONYMITY = _phrase_pattern(_TITLE_LISTS["anonymity"])
_ANONYMOUS_DESCRIPTION = _phrase_pattern(_TITLE_LISTS["anonymous_descriptions"])


def anonymous(sentence: str, mention: str) -> bool:
    """True when the article marks a source it does not name as anonymous on purpose: the
    sentence of its statement says so ("who spoke on condition of anonymity", "who was not
    authorized to speak publicly"), or the phrase naming it does ("two people familiar with
    the talks", "a person close to the family", "sources").

    >>> anonymous("An official, who asked not to be named, said the wall had cracked.", "An official")
    True
    >>> anonymous("People familiar with the plan said it would pass.", "People familiar with the plan")
    True
    >>> anonymous("An official at the agency said the wall had cracked.", "An official at the agency")
    False
    """
    return bool(_ANONYMITY.search(sentence) or _ANONYMITY.search(mention) or _ANONYMOUS_DESCRIPTION.search(mention))
