"""What kind of source speaks: media, academic, civil society, company, politics, government, citizen.

The types and their cue words are data (``analysis/lexicons/speaker_types.toml``, which
describes each type). A source's titles decide first ("Sen." politics, "FBI Director"
government, see :func:`analysis.sources.names.title_types`), then its appositions read as
titles (:func:`apposition_type`), then the head word of an organisation's name ("... Group",
"... University"), then the cue words of its name, mentions and appositions, checked in file
order (a cue of several words before any single word: a "security guard" is a citizen). A
source the article shows running for office anywhere (:func:`running_names`: "Pence's
campaign", "nominee Tim Kaine", "voted for Kasich") speaks as a candidate. A place speaking
is its government; a source with no name is ``unnamed``. What no evidence types: a person
described around the name ("Ann Cole of Dayton", "who lives nearby") is an ordinary person
quoted, a citizen; a person named bare ("Tom Hale said") is decided in
:mod:`analysis.sources.records` from the whole article: in an election story (its words,
:func:`analysis.sources.speaker_context.election_story`) one its headline names is a
politician; one quoted from what they wrote is a journalist; else the type the story's other
named people have most often, politicians counting twice (:func:`story_type`), except that
outside an election story a person named bare beside officials, experts, journalists or
activists (who come with their role) is an ordinary person; when the story types nobody, a
politician in an election story and a citizen elsewhere; a role the source no longer holds ("a former broadcast journalist", "Former
Secretary of State") types nobody, the role held now ("now director of ...") does; an
organisation named bare is a company; ``other`` is also kept for the roles listed as such
(artists, athletes, celebrities).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import table
from ..nlp.ner_lists import places
from .names import ORG_TITLES, first_name_genders, title_types
from .names import PARTY_LABELS as PARTY_WORDS
from .speaker_context import _RESIDENT, _WHO_ROLE, JOURNALIST, VOTER
from .tokens import _words_of

_LEXICON = table("speaker_types.toml")
#: Speaker types, with the words in a source's name or role that decide them, checked in
#: this order (the first matching type wins). A country speaking is its government.
#: Read from ``analysis/lexicons/speaker_types.toml``.
SPEAKER_TYPES: dict[str, tuple[str, ...]] = {name: tuple(cues) for name, cues in _LEXICON.items() if name != "other"}
#: Roles that make a source ``other`` whatever else is unknown ("actress", "singer").
OTHER_ROLES: frozenset[str] = frozenset(_LEXICON.get("other", ()))
UNNAMED = "unnamed"
#: The speaker of a question put by an interviewer the report does not name ("when asked ...").
INTERVIEWER = "the interviewer"
CANDIDACY: tuple[str, ...] = tuple(table("speaker_titles.toml")["candidacy"])
#: Words that show a source runs for office whatever else it is ("former tech executive
#: Carly Fiorina", "McCain challenger Kelli Ward"): they make a company, academic, government
#: or untyped source politics.
RUNNING: frozenset[str] = frozenset(table("speaker_titles.toml")["running"])
#: Put among a source's words when an age follows its name ("Donna Lages, 39, a waitress"):
#: a named person with an age and no other type is an ordinary person quoted, a citizen.
AGE_MARK = "__age__"
#: Put among a source's words when a place follows its name ("Ann Cole of Dayton"): a named
#: person with a home town and no other type is an ordinary person quoted, a citizen.
PLACE_MARK = "__place__"
#: Put among a source's words when its own quoted words speak of its life in the first person
#: ("my mom", "I voted", "I saw the truck"; :func:`analysis.sources.speaker_context.personal_quote`):
#: a named person with nothing else that types them is an ordinary person quoted, a citizen.
PERSONAL_MARK = "__personal__"
#: What :func:`speaker_type` gives a person named with nothing that types them when the caller
#: leaves the choice to the story (``bare=BARE``): :func:`story_type` then decides.
BARE = "__bare__"
#: Every type a source can get, in display order.
ALL_TYPES: tuple[str, ...] = (*SPEAKER_TYPES, "other", UNNAMED)
#: The last word of an organisation's name -> the type it shows ("Fox Networks Group" company).
ORG_HEADS: dict[str, str] = {w: t for t, words in table("speaker_org_heads.toml").items() for w in words}


_CITIZEN_CUES = frozenset(SPEAKER_TYPES.get("citizen", ()))
_PARTY_NAMES = frozenset("democrat democrats democratic republican republicans gop".split())
# per type, its one-word cues as a set and its cues of several words as word tuples
_CUES = [
    (name, frozenset(c for c in cues if " " not in c), [tuple(c.split()) for c in cues if " " in c])
    for name, cues in SPEAKER_TYPES.items()
]
# per type, its cues of several words by their first word (looked up from the few words of a source)
_MULTI_BY_FIRST: list[tuple[str, dict[str, list[tuple[str, ...]]]]] = []
for _name, _single, _multi in _CUES:
    _index: dict[str, list[tuple[str, ...]]] = {}
    for _cue in _multi:
        _index.setdefault(_cue[0], []).append(_cue[1:])
    _MULTI_BY_FIRST.append((_name, _index))


def _multi_word_type(words: set[str] | frozenset[str], skip: str | None = None) -> str | None:
    """The first type (in :data:`SPEAKER_TYPES` order, ``skip`` left out) with a cue of
    several words all among ``words``."""
    for type_name, index in _MULTI_BY_FIRST:
        if type_name == skip:
            continue
        for word in words:
            rests = index.get(word)
            if rests and any(all(part in words for part in rest) for rest in rests):
                return type_name
    return None


def _type_of_words(words: set[str] | frozenset[str]) -> str:
    """The first type with a cue of several words all among ``words``, else the first type
    with a one-word cue among them, else ``other``."""
    found = _multi_word_type(words)
    if found:
        return found
    for type_name, single, _multi in _CUES:
        if not single.isdisjoint(words):
            return type_name
    return "other"


def _type_of_titles(title_types: list[str] | tuple[str, ...]) -> str | None:
    """The type most of a source's titles point to (ties: the earlier type in :data:`SPEAKER_TYPES`)."""
    if not title_types:
        return None
    order = list(SPEAKER_TYPES)
    return max(sorted(set(title_types), key=order.index), key=lambda t: (title_types.count(t), -order.index(t)))


_ORG_SPLIT = re.compile(r"\s+(?:of|for|on|at|in)\s+|\s*&\s*|\s+and\s+")


def org_type(name: str) -> str | None:
    """The type the head word of an organisation's name shows, or None.

    The head is the last word before "of", "for" or "&" ("Peterson Institute for
    International Economics", "Compass Point Research & Trading"), else the first word
    ("University of Michigan").

    >>> org_type("Fox Networks Group"), org_type("Peterson Institute for International Economics")
    ('company', 'academic')
    >>> org_type("University of Michigan"), org_type("Tom Hale")
    ('academic', None)
    """
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "American Federation of Teachers (AFT)"
    inner, at, outer = name.partition(" at ")
    if at and (outer[:1].isupper() or (outer.startswith("the ") and outer[4:5].isupper())):
        found = org_type(outer)  # "the history department at the University of Marlow"
        if found:
            return found
        name = inner
    parts = [p.split() for p in _ORG_SPLIT.split(name.strip()) if p.strip()]
    if not parts:
        return None
    words = _words_of(name)
    found = _multi_word_type(words)  # "Northline News Agency": a cue of several words first
    if found:
        return found
    for word in (parts[0][-1], parts[-1][-1] if len(parts) > 1 else "", parts[0][0]):
        if word == "Group":
            return "company"  # "Fox Networks Group"; a lower-case "group" is any kind of body
        if word == "Club":
            return "civil_society"  # "Sierra Club", "Harbour Town Swim Club" (a "Country Club" is a company, above); "the club's" is any club
        head = word.strip(".,’'").lower().rsplit("-", 1)[-1]  # "Sun-Times" is a "Times"
        found = ORG_HEADS.get(head)
        if found and head in _ANY_BODY_HEADS:  # "Lowland Relief Network": the other words say what kind of network
            by_words = _type_of_words(words - {head, word.lower()})
            return by_words if by_words != "other" else found
        if found:
            return found
    return None


# heads that many kinds of body take: a broadcaster's "network" is also a charity's
_ANY_BODY_HEADS = frozenset(("network", "networks"))

# an apposition's head ("a Republican pollster", "Mrs. Clinton's communications director")
# and the organisation it names ("spokesman for World Relief", "analyst at RBC Capital Markets")
_POSSESSOR = re.compile(r"^((?:[A-Z][\w.\-]*\s){0,4}[A-Z][\w.\-]*|the\s+(?:[A-Z][\w.\-]*\s){0,3}[a-z][\w\-]*)[’'](?:s)?\s+(.*)$")
_HEAD_END = re.compile(r"\s+(?:who|whose|which|that|during|since|when|where|was|is|has|had|said|says|told|and\s+(?:a|an|the|one)|whom|raised|born|originally|attending|studying|living|working|raising|waiting|standing|holding)\b.*$")
# words of a title any organisation has ("national press secretary", "executive director")
_GENERIC = ORG_TITLES | frozenset("analyst and managing deputy assistant executive senior press national communications public affairs relations interim acting founder co-founder cofounder".split())
_OF_ORG = re.compile(r"\s+(?:of|at|for|with|from|to|on)\s+(?:the\s+)?")
_NOT_HEAD = frozenset("a an the longtime veteran top senior local well-known prominent now then".split())
# titles of those who run a business (at a newspaper or network too: they speak for the firm)
_EXECUTIVE = frozenset("president chairman chairwoman chief executive ceo head owner vice".split())
# titles of those who judge a business from outside it: at a firm, they speak for the firm
_MARKET_WATCHERS = frozenset("analyst analysts economist strategist".split())


@lru_cache(maxsize=4096)
def apposition_type(apposition: str) -> str | None:
    """The type an apposition after a name gives, or None (see :func:`_apposition_type`).

    A role the source no longer holds ("a former broadcast journalist", "a retired general",
    "who served as mayor") says what it was, not as what it speaks: no type, unless it is a
    political one ("a former senator") or an ordinary person's ("a retired teacher").

    >>> apposition_type("a former broadcast journalist"), apposition_type("a retired Navy admiral")
    (None, None)
    >>> apposition_type("a former state senator"), apposition_type("a retired teacher")
    ('politics', 'citizen')
    """
    found = _apposition_type(apposition)
    if _CHALLENGER.search(apposition):
        return "politics"  # "a chemistry teacher who is challenging Sen. Ann Cole": a candidate, whatever the job
    who = apposition.find(" who ")
    if found in (None, "citizen") and who > 0:  # "an adoptee who founded the advocacy organization Hale Kin"
        by_clause = _apposition_type(apposition[who + 1 :])
        if by_clause not in (None, "citizen", "other"):
            found = by_clause
    second = _SECOND_ROLE.search(apposition)
    if found != "politics" and second and not _BARE_PARTY.match(second.group(1)) and _apposition_type(second.group(1)) == "politics":
        return "politics"  # "a lobbyist and a Republican former congressman": the political role decides
    if found not in (None, "politics", "citizen"):
        head = _OF_ORG.split(_HEAD_END.sub("", apposition.strip()), maxsplit=1)[0]
        if _FORMER.search(head):
            return None
    return found


# "who is challenging Rep. Cole", "who is running for mayor", "who is seeking re-election": a candidate
_CHALLENGER = re.compile(r"\bwho\s+(?:is|was)\s+(?:now\s+)?(?:challenging|running\s+(?:for|against)|seeking\s+(?:re-?election|the\s+\w+\s+nomination|office))\b")
# the second role of two joined by "and" ("a lobbyist and a Republican former congressman")
_SECOND_ROLE = re.compile(r"^(?:a|an|the)\s(?:[\w\-’']+\s){1,4}?and\s((?:a|an)\s[^,;]+)")
_FORMER = re.compile(r"\b(?:former|retired|onetime|one-time|erstwhile)\s|\bex-", re.I)


def _apposition_type(apposition: str) -> str | None:
    """The type an apposition after a name gives, or None.

    Its head noun is read as a title ("a Republican pollster" politics, "a law professor"
    academic); a title any organisation has ("spokesman for World Relief", "analyst at
    RBC Capital Markets", "Mrs. Clinton's communications director") leaves the type to the
    organisation or person it names, when that has one; an executive of a newspaper or
    network speaks for a business.

    >>> apposition_type("a Republican pollster who ran the poll"), apposition_type("a law professor at Yale")
    ('politics', 'academic')
    >>> apposition_type("spokesman for the American Civil Liberties Union"), apposition_type("a spokesman for Tom Hale")
    ('civil_society', None)
    >>> apposition_type("a campaign spokesman"), apposition_type("chairman of Fox Networks")
    ('politics', 'company')

    A role no word types, after "a" ("a plumbing contractor", "a retired Postal Service letter
    carrier"), or one whose last word is an ordinary person's ("a bank employee"), is an
    ordinary person's.

    >>> apposition_type("a plumbing contractor"), apposition_type("a PNC bank employee")
    ('citizen', 'citizen')

    A relative clause gives the type of the body it names ("who heads the Hale Union"), or
    an ordinary person's when it tells where the source lives.

    >>> apposition_type("who heads the Hale Union"), apposition_type("who lives near the Hale Capital tower")
    ('civil_society', 'citizen')
    >>> apposition_type("who voted for Hale twice"), apposition_type("who reported that the deal was off")
    ('citizen', 'media')
    >>> apposition_type("who runs a bakery by the landing"), apposition_type("who heads a union of teachers")
    ('citizen', 'civil_society')
    """
    text = apposition.strip()
    affiliation = _AFFILIATION_ONLY.match(text)
    if affiliation is None and _HOME_TAG.match(text) and org_type(_HOME_TAG.sub("", text)):
        affiliation = _AFFILIATION_BARE.match(text)  # "of Tolland Fire and Rescue Service": a body, not a home town
    if affiliation:  # "of the Marlow Policy Institute": the body named decides
        body = re.sub(r"^the\s+", "", affiliation.group(1))
        found = org_type(body) or _type_of_words(_words_of(body))
        return None if found == "other" else found
    if _COUNSEL.fullmatch(text):  # British court reports: "Simon Achebe KC, prosecuting,"
        return "government" if text.startswith(("prosecuting", "for the prosecution", "for the Crown")) else "other"
    if _LEGISLATOR.match(text):
        return "politics"  # "a member of parliament for the Centre party", "a member of Congress": a legislator
    if _VOTER_LABEL.match(text):
        return "citizen"  # "a registered Democrat", "a self-described independent": how voters are described
    if text.startswith("who "):
        if _RESIDENT.match(text) or VOTER.match(text):
            return "citizen"  # "who lives nearby", "who voted for Hale twice"
        if JOURNALIST.match(text):
            return "media"  # "who reported that ...", "who hosts a radio show"
        role = _WHO_ROLE.match(text)
        rest = text[role.end() :].strip() if role else ""
        body = re.sub(r"^(?:at|for|in|with)\s+", "", rest)
        if role and _EMPLOYED.match(text) and (_SOME_BODY.match(body) or _A_SITE.match(body)):
            return "citizen"  # "who works at a heating company", "at a Walmart store": an employee, quoted as such
        if role and _SOME_BODY.match(rest) and _type_of_words(_words_of(rest)) == "other":
            return "citizen"  # "who runs a bakery by the landing": like "a bakery owner", an ordinary person's job
        by_body = (org_type(rest) or _type_of_words(_words_of(rest) - _CITIZEN_CUES)) if rest else "other"
        return None if by_body == "other" else by_body
    text = re.sub(r"^one\s+of\s+", "", _HEAD_END.sub("", text))  # "one of the site's best-known journalists"
    possessor = _POSSESSOR.match(text)
    if possessor:
        org, head = possessor.group(1), _OF_ORG.split(possessor.group(2), maxsplit=1)[0]  # "President Ruiz's envoy to the talks"
    else:
        parts = _OF_ORG.split(text, maxsplit=1)
        head, org = parts[0], parts[1] if len(parts) > 1 else ""
    head = _IN_PLACE.sub("", head)  # "a lawyer in Orlando": the role, not where it is held
    raw_words = [(w.strip(".,’'").lower(), w) for w in head.split()]
    # leave out articles and modifiers ("a longtime", "veteran analyst"), but not the last word ("a Navy veteran")
    kept = [(w, raw) for i, (w, raw) in enumerate(raw_words) if w and (w not in _NOT_HEAD or (i == len(raw_words) - 1 and w not in _ARTICLES))]
    words = tuple(w for w, _raw in kept)
    if not words or len(words) > 8:
        return None
    common = {w for w, raw in kept if raw[:1].islower()}  # the role and kind, not the name of a body
    if _SOME_BODY.match(org):
        org = ""  # "the owner of a shopping center": a body no name gives, an ordinary person's job
    by_org = (org_type(org) or _type_of_words(_words_of(org))) if org else "other"
    if org[:1].isupper() and not _PARTY_NAMES.isdisjoint(_words_of(org)):
        by_org = "politics"  # "chair of the Marsh County GOP committee": a party body
    if words[-1] in ("member", "members") and "board" not in words and "civil_society" in (by_org, _type_of_words(set(words[:-1]))):
        return "citizen"  # "a member of the machinists' union", "a union member": the rank and file, as ordinary people
    if by_org == "media" and not _EXECUTIVE.isdisjoint(words) and "media" not in title_types(words):
        return "company"  # "chairman of Fox Networks": the business side of an outlet (not "the editor in chief of ...")
    if by_org == "company" and not (_MARKET_WATCHERS | _EXECUTIVE).isdisjoint(words):
        return "company"  # "an analyst at Harwick Capital Markets", "president and publisher of Hale Publishing"
    specific = tuple(w for w in words if w not in _GENERIC)
    if _ARTICLE.match(text) and not org and words in (("secretary",), ("assistant",), ("receptionist",)):
        return "citizen"  # "a secretary": an office job, not a minister
    by_head = _type_of_titles(title_types(specific)) if specific else None
    if by_head in ("government", "academic") and words[-1] in _BODY_TITLES and by_org not in ("other", by_head):
        by_head = by_org  # "a minister with the Hale Church", "a trustee of the Hale Fund", "a principal at Hale Capital"
    if words[-1] in _PUPILS and by_org in ("academic", "other") and (org or len(words) > 1 or words[-1] not in ("junior", "senior")):
        return "citizen"  # "a junior at Ashcombe High School", "a university student": a pupil is no school's voice
    if by_head and len(specific) > 1:  # "an activist investor": the head noun, not its modifier
        last = _type_of_titles(title_types(specific[-1:])) or _type_of_words({specific[-1]})
        if last not in (by_head, "other", "citizen"):
            by_head = last
    by_phrase = _multi_word_type(words)
    if by_phrase and by_head and by_phrase != by_head and len(words) > 2:
        by_head = by_phrase  # "a sales representative": a cue of several words before a one-word title
    proper = " ".join(raw for _w, raw in kept[:-1] if raw[:1].isupper())
    if proper and words[-1] in _EXPERTS:  # "a Border Patrol tunneling expert": the expert of that body
        by_proper = org_type(proper) or _type_of_words(_words_of(proper))
        if by_proper in ("government", "company", "media", "civil_society"):
            return by_proper
    if by_head is None and specific and specific[-1] in _CITIZEN_CUES and by_org == "other":
        by_head = "citizen"  # "a PNC bank employee": the last word is the role
    if by_head is None and specific:
        by_words = _type_of_words(set(specific) - _CITIZEN_CUES)
        if by_words == "other" and by_org == "other":  # "president and general manager": a title of several words, generic ones included
            by_words = _multi_word_type(words, skip="citizen") or "other"
        if by_words == "other" and not _CITIZEN_CUES.isdisjoint(specific) and not _CITIZEN_CUES.intersection(specific) <= _NO_LONGER:
            by_words = "citizen"  # "a waitress", but "the city's deputy manager" is government
        by_head = None if by_words == "other" else by_words  # "a campaign spokesman", "a bank clerk"
        if by_head == "company" and _type_of_words(common) in ("other", "citizen") and not _CITIZEN_CUES.isdisjoint(common):
            by_head = "citizen"  # "a retired Postal Service letter carrier"
    if by_head == "citizen" and specific and specific[-1] in _CITIZEN_CUES:
        return "citizen"  # "an independent voter", "a Republican retiree": an ordinary person quoted
    if (by_head in (None, "academic", "company", "citizen") and not PARTY_WORDS.isdisjoint(words)) or (
        by_head == "civil_society" and not _PARTY_NAMES.isdisjoint(words)
    ):
        return "politics"  # "a Republican donor", "a Republican expert on messaging", "a Republican activist"
    if by_head is None and specific and specific[-1] in OTHER_ROLES and by_org in ("other", "company"):
        return "other"  # "a lawyer for hedge funds", "a Boca Raton lawyer": a lawyer for clients
    if by_head is None and by_org == "other" and org[:1].isupper() and len(org) > 2 and not (_EXECUTIVE | _MARKET_WATCHERS).isdisjoint(words) and "director" not in words[-1:]:
        return "company"  # "vice chairman of G-III": the head of a body no word types runs a firm
    if by_head is None and by_org == "other" and _ARTICLE.match(text) and specific and specific[-1] == words[-1] and common and specific[-1] not in STAFF_ROLES | OTHER_ROLES:
        return "citizen"  # "a plumbing contractor", "a small-business owner": an ordinary person's job
    if by_head is None:  # a title any organisation has: the organisation named decides, if anything does
        return None if by_org == "other" else by_org
    return by_head


_ARTICLES = frozenset("a an the".split())
# an apposition that is only an organisation tag ("of the Marlow Policy Institute", "at the Hale Fund")
_AFFILIATION_ONLY = re.compile(r"^(?:of|at|with)\s+(the\s+[A-Z].*)$")
# counsel in court: "prosecuting" acts for the state, "defending" for a client
_COUNSEL = re.compile(r"prosecuting|defending|for\s+the\s+(?:prosecution|defen[cs]e|Crown)")
# "a member of parliament", "a Labour member of the state assembly", "a member of the House"
_LEGISLATOR = re.compile(
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}members?\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w\-]*|state|national|federal)\s+)?"
    r"(?:[Pp]arliament|Congress|House|[Aa]ssembly|[Ll]egislature|Senate|Bundestag|Knesset|Duma)\b"
)
_AFFILIATION_BARE = re.compile(r"^(?:of|at|with)\s+([A-Z].*)$")
# "who works at ...": an employee of the body named after it
_EMPLOYED = re.compile(r"who\s+(?:also\s+|now\s+)?(?:works|worked|has\s+worked|has\s+been\s+working)\b")
# one site of a named firm ("a Walmart store", "a Crumb & Co. shop"): who works there is a worker, not the firm's voice
_A_SITE = re.compile(
    r"(?:a|an)\s+(?:[A-Z][\w.&’'\-]*\s+|&\s+){1,4}(?:shop|store|branch|plant|factory|warehouse|restaurant|outlet|site|depot|"
    r"mine|farm|supermarket|mill|bakery|cafe|café|hotel|call\s+center|distribution\s+center)\b"
)
# "in Orlando", "in the Boca Raton office" closing a role: where it is held
_IN_PLACE = re.compile(
    r"\s+in\s+(?:the\s+|a\s+)?(?:[A-Z]|(?:county|city|state|country|region|area|town|nation|world|valley|district)\b).*$"
)
# titles that a body of any kind has, not only the state ("a trustee of the Hale Fund"): the body decides
_BODY_TITLES = frozenset("minister secretary trustee trustees superintendent registrar treasurer clerk principal member".split())
# pupils and students: at a school they speak for themselves, not for it
_PUPILS = frozenset("student students pupil pupils junior juniors senior seniors sophomore sophomores freshman freshmen undergraduate undergraduates".split())
# head nouns of those who speak as experts of the body named before them ("a Border Patrol expert")
_EXPERTS = frozenset("expert experts specialist specialists analyst analysts economist researcher scientist".split())
_ARTICLE = re.compile(r"(?:a|an)\s", re.I)
# a body named by a common noun after "a" ("of a shopping center", "at a local diner")
_SOME_BODY = re.compile(r"(?:a|an)\s+[a-z]")
# words before a role that say the source no longer holds it ("a former broadcast journalist")
_NO_LONGER = frozenset("former retired ex onetime one-time erstwhile".split())
# "a registered Democrat", "a lifelong Republican", "an independent": a party label as voters are described
_VOTER_LABEL = re.compile(
    r"^(?:a|an)\s+(?:(?:registered|lifelong|self-described|self-identified|undecided)\s+(?:Republican|Democrat|independent|Independent|Libertarian)s?"
    r"|independent|Independent)(?:\s+(?:who|and)\b.*)?$"
)
# "a Republican", "an independent", "a lifelong Democrat": a party label alone, what a voter says of
# himself as often as a politician
_BARE_PARTY = re.compile(
    r"^(?:a|an)\s+(?:lifelong\s+|registered\s+|longtime\s+|staunch\s+|nominal\s+|self-described\s+|conservative\s+|moderate\s+)?"
    r"(?:Republican|Democrat|independent|Independent|Libertarian)(?:\s+(?:who|and)\b.*)?$"
)


#: Roles of people who speak for someone else: left for :mod:`.records` to type by their principal.
STAFF_ROLES = frozenset("spokesman spokeswoman spokesperson aide aides adviser advisor staffer director secretary volunteer".split())
_MAY_RUN = ("company", "academic", "government", "media", "other")


def speaker_type(
    name: str,
    words: set[str] | frozenset[str] = frozenset(),
    *,
    is_place: bool = False,
    title_types: list[str] | tuple[str, ...] = (),
    appositions: list[str] | tuple[str, ...] = (),
    kind: str = "",
    runs: bool = False,
    named: bool = True,
    bare: str = "other",
) -> str:
    """Type of a source from its titles, its name and the role words used for it (see :data:`SPEAKER_TYPES`).

    ``kind`` is ``person``, ``thing`` (an organisation) or ``group`` when known; ``runs``
    says the article shows the source running for office (:func:`running_names`); a source
    that is not ``named`` (a descriptive phrase, "sources close to the talks") gets no
    default type: ``other`` when nothing types it.

    >>> speaker_type("Dmitry Peskov", {"kremlin", "spokesman"}), speaker_type("Kommersant")
    ('government', 'media')
    >>> speaker_type("Marco Rubio", title_types=["politics"]), speaker_type("Ana Ruiz", {"student"})
    ('politics', 'citizen')
    >>> speaker_type("Tom Hale", {"tom", "hale"}, kind="person"), speaker_type("Ann Cole", {PLACE_MARK}, kind="person")
    ('other', 'citizen')
    >>> speaker_type("Tom Hale", {"tom", "hale"}, kind="person", bare=BARE) == BARE
    True

    A place speaking is its government; one word taken for a place that the gazetteers do not
    know is rather an organisation.

    >>> speaker_type("Ohio", is_place=True), speaker_type("Brixlane", is_place=True)
    ('government', 'company')
    """
    if name == UNNAMED:
        return UNNAMED
    if is_place and _person_marks(words, appositions):
        is_place, kind = False, "person"  # "Hala Agha, who organized the event", taken for a place
    if is_place and " " in name.strip() and ORG_HEADS.get(name.split()[-1].lower()) not in (None, "government"):
        is_place, kind = False, "thing"  # "Las Vegas Sun", "Ocean County College": a body named after its place
    if is_place and (" " in name.strip() or name.strip() in places()):
        return "government"
    if is_place:  # one word the gazetteers do not know as a place ("Statista"): an organisation
        kind = "thing"
    every = set(words) | _words_of(name)
    if kind == "person":
        every -= _PLATFORMS  # "Hale's Twitter account": where a person writes, not a firm they speak for
    home = [a for a in appositions if _HOME_TAG.match(a) and not org_type(_HOME_TAG.sub("", a))]
    if home:  # "Tom Hale, 18, from Marsh County": where a person lives, not a county office
        appositions = [a for a in appositions if a not in home]
        every = (every - set().union(*map(_words_of, home))) | {PLACE_MARK}
    placed = {w for a in appositions for m in _IN_COUNTY.finditer(a) for w in _words_of(m.group(1))}
    if placed:  # "a Hale volunteer in Marsh County": where the role is held, not a county office
        every = every - placed
    by_title = _type_of_titles([t for t in title_types if t != "party"]) or _type_of_titles(["politics"] if "party" in title_types else [])
    if by_title == "government" and (runs or _running(every)):
        return "politics"  # a governor running for office speaks as a candidate
    if by_title in ("government", "company") and "former" in every:
        by_title = None  # "Former Secretary of State Ann Cole", "former tech executive Ann Cole": as what does she speak now?
    appositions = tuple(dict.fromkeys(appositions))  # one phrase counts once, however often it was met
    now = _type_of_titles([t for t in (apposition_type(r) for r in map(_now_role, appositions) if r) if t and t != "other"])
    if now:  # "former Rep. Ann Cole, now director of the Hale Center": the role she holds now
        by_title = now
    said_other = False
    if by_title is None:
        official = _type_of_words(every - _PARTY_NAMES) == "government" and any(_BARE_PARTY.match(a.strip()) for a in appositions)
        if official:  # "County Recorder Ann Cole, a Republican": the official's party, not a political role
            every = every - _PARTY_NAMES
        if AGE_MARK in every or any(map(_resident, appositions)) or official:  # "Ann Cole, 52, a Republican": a voter
            appositions = tuple(a for a in appositions if not _BARE_PARTY.match(a.strip()))
        weak = [a for a in appositions if VOTER.match(a) or _SUPPORTER.match(a)]  # "who attended the rally": says nothing of a role
        typed = [apposition_type(a) for a in appositions if a not in weak]
        by_title = _type_of_titles([t for t in typed if t and t != "other"])
        said_other = by_title is None and "other" in typed  # "a lawyer in Orlando"
        if by_title is None and weak and not said_other:  # "City Council president Ann Cole, who attended the rally"
            by_role = _type_of_words(every - _words_of(name) - set().union(*map(_words_of, weak)))
            by_title = by_role if by_role not in ("other", "citizen") else "citizen"
    if by_title == "citizen" and kind == "thing":
        by_title = None  # "Helix Therapeutics, a start-up that ...": a body is no ordinary person
    if said_other and AGE_MARK not in every and not runs and RUNNING.isdisjoint(every):
        return "other"
    if by_title is None and kind != "thing" and (AGE_MARK in every or any(map(_resident, appositions))):
        by_title = "citizen"  # "Ann Cole, 52,", "Ann Cole, who lives nearby", "Ann Cole, a nurse from Dayton"
    if by_title is None and name[:1].isupper() and (kind == "thing" or not _has_first_name(name)):
        by_title = org_type(name)
    found = by_title or _type_of_words(every)
    if not by_title and found in ("civil_society", "company", "academic", "other") and not _PARTY_HEADS.isdisjoint(every):
        found = "politics"  # "Dan Ortiz of the Green Union party": a party's name ends in "party"
    if found in ("government", "company") and not by_title and "former" in every:
        found = "other"  # "who served as secretary of state": a former official speaks as something else
    if found in _MAY_RUN and not RUNNING.isdisjoint(every) and kind != "thing":
        return "politics"  # a candidate speaks as a candidate
    if runs and (found in _MAY_RUN or (found == "citizen" and AGE_MARK not in every)) and kind != "thing":
        return "politics"  # the article shows the source running for office
    if found != "other" or not OTHER_ROLES.isdisjoint(every) or not named:
        return found
    personal = PERSONAL_MARK in every and STAFF_ROLES.isdisjoint(every)  # an aide's "my husband": typed by whom she serves
    if kind != "thing" and (AGE_MARK in every or PLACE_MARK in every or personal or any(map(_resident, appositions))):
        return "citizen"  # "Ann Cole, 52,", "Ann Cole of Dayton", "Ann Cole, who lives nearby", "my mom says"
    if kind == "thing":
        return "company"  # an organisation no word types: most often a firm
    if (kind == "person" or " " in name.strip()) and STAFF_ROLES.isdisjoint(every - ({"secretary"} if "former" in every else set())):
        return bare  # a person named bare: nothing in the article says what they are (a former secretary of state: no one's staff)
    return found  # staff of someone ("a spokesman for Tom Hale"): typed by whom they speak for


# "in Marsh County", "from Pike County" inside a role phrase: a place
_IN_COUNTY = re.compile(r"\b(?:in|from)\s+((?:[A-Z][\w.’'\-]*\s+){1,3}(?:County|Parish|Township|Borough))\b")
# brands of the platforms people post on: words of a firm only when they name the source itself
_PLATFORMS = frozenset("twitter facebook instagram youtube".split())
# the word that ends a party's name ("the Green Union party", "the Labor Party's")
_PARTY_HEADS = frozenset(("party", "party's", "party’s", "parties"))
# "from Pike County", "of Dayton": a home town after a name (not "of the Hale Institute")
_HOME_TAG = re.compile(r"^(?:from|of|in)\s+(?=[A-Z])(?!The\s)")
# "a longtime Clinton supporter": how a voter is described, but also an official's politics
_SUPPORTER = re.compile(r"^(?:a|an)\s+(?:[\w\-’']+\s+){0,3}(?:supporter|backer|fan|admirer)s?(?:\s+(?:of|for)\s+[^,;]{1,60})?$")
# "now director of ...", "... and currently president of ...", "who is now a program officer ...": the role held now
_NOW = re.compile(r"(?:^|\bwho\s+(?:is|serves\s+as)\s+|,?\s+and\s+|,\s+)(?:now|currently)\s+(?:serves\s+as\s+|is\s+)?(.+)$")


def _now_role(apposition: str) -> str | None:
    """The role an apposition says the source holds now, or None.

    >>> _now_role("a former senator and currently president of the Hale Fund"), _now_role("a nurse")
    ('president of the Hale Fund', None)
    """
    m = _NOW.search(apposition)
    return m.group(1) if m else None


def _resident(apposition: str) -> bool:
    """True when the apposition says where a person lives or comes from, and its head names
    no role that types them ("a nurse from Dayton", "who lives nearby"; not "a former mayor of
    Nice" or "a broker based in Tampa").

    >>> _resident("a nurse from Dayton"), _resident("a former mayor of Nice"), _resident("a broker based in Tampa")
    (True, False, False)
    """
    if not _RESIDENT.match(apposition):
        return False
    if apposition.startswith("who "):
        return True
    head = re.split(r"\s+(?:from|of|based|living)\s", apposition, maxsplit=1)[0]
    return not _FORMER.search(head) and _type_of_words(_words_of(head)) in ("other", "citizen")


def _person_marks(words, appositions) -> bool:
    """True when a source taken for a place is described as a person: an age after its name,
    a relative clause ("who organized the event"), or a role ("a cook at the Taj")."""
    if AGE_MARK in words or any(a.startswith("who ") for a in appositions):
        return True
    return any(apposition_type(a) not in (None, "government") for a in appositions)


def _has_first_name(name: str) -> bool:
    """True when ``name`` opens with a first name of NLTK's lists ("Tom Hale", not "Geological Survey")."""
    return name.split()[0] in first_name_genders() if " " in name else False


def _running(words: set[str]) -> bool:
    """True when the words show a candidacy (``candidacy`` in speaker_titles.toml)."""
    return any(all(part in words for part in cue.split()) for cue in CANDIDACY)


def story_type(types: list[str]) -> str:
    """The type of a person the story names with nothing that types them: the type its other
    named people have most often (``types``, one per person), ``other`` when none is typed.

    A source named bare ("Tom Hale said") is most likely of the kind the story mostly quotes;
    when two types tie the story does not tell, and the type is ``other``. Politicians count twice: reporters
    introduce experts, officials and ordinary people by their role, while the people they name
    with no introduction in a story that quotes politicians are most often politicians too
    (the candidates themselves).

    >>> story_type(["politics", "government", "politics"]), story_type(["citizen"]), story_type([])
    ('politics', 'citizen', 'other')
    >>> story_type(["academic", "politics"]), story_type(["academic", "academic", "academic", "politics"])
    ('politics', 'academic')
    """
    typed = [t for t in types if t in ALL_TYPES and t not in ("other", UNNAMED)]
    if not typed:
        return "other"
    weight = {t: typed.count(t) * (2 if t == "politics" else 1) for t in set(typed)}
    best = max(weight.values())
    leaders = [t for t in weight if weight[t] == best]
    return leaders[0] if len(leaders) == 1 else "other"  # a tie: the story does not tell
