"""Attribution patterns of English news reporting, one short text per case.

A table-driven battery for :func:`analysis.sources.extract_quotes`. Every text below is
invented (names, organisations and events alike) and written in one of the styles the
suite must read: wire copy (AP, Reuters), British newspapers, and English translations
of Russian-language reports. Each case lists every attributed statement the text holds,
written by hand.

Conventions fixed by this file (the extractor is held to them):

1. **One row per statement, even when an attribution splits it.** ``"A," X said. "B."``
   and ``"A," X said, "B."`` give ONE row whose ``fragments`` column lists the two quoted
   pieces (``start, end`` span both; ``quote`` joins them with " … "), as annotated
   attribution corpora such as PolNeAR record a discontinuous quote.
2. **A quotation continued across paragraphs** (the paragraph ends without a closing
   mark, the next one opens with a fresh opening mark) is ONE row whose span runs from
   the first word after the first opening mark to the last word before the closing mark.
3. **Content spans** (``start, end``): a direct quote is what lies inside the quotation
   marks, without them. Indirect speech is the reported clause, without the
   complementiser "that" and without sentence-final punctuation; the infinitive after
   "vowed"/"urged" is content. A partial quote (quoted words inside paraphrase) is one
   row of kind ``partial`` whose content is the whole reported clause, quoted words and
   their marks included (PolNeAR's "mixed" attributions are read the same way).
4. **Channels are not speakers.** "The Vestnik daily quoted X as saying ..." is one row
   for X with cue "quoted"; "X told the newspaper that ..." is one row for X with cue
   "told".
5. **Canonical speaker**: the full name at first mention with titles and roles removed
   ("Finance Minister Anna Kovac" -> "Anna Kovac"; "Press Secretary of the Governor Pavel
   Orlov" -> "Pavel Orlov"); organisations as named. Pronouns ("she", "according to
   him", "it") and role phrases ("the minister", "the company", "the spokesman for the
   head of state") resolve to the entity named earlier. Speakers are compared ignoring
   case, surrounding punctuation and a leading "the".
6. **Unnamed sources**: when no named person or organisation resolves, the row's
   ``named`` is False and ``speaker`` is ``"unnamed"`` (or ``"unattributed"``) or the
   phrase as written. ``speaker_type`` still records the affiliation the phrase states
   ("a senior official" -> government, "the media" -> media, "representatives of several
   universities" -> academic) and is ``"unnamed"`` when it states none ("sources",
   "a spokesman", "It was noted that"). Agentless passives ("It was noted that ...")
   have ``speaker_start == speaker_end == -1``.
7. **speaker_type** comes from the source's affiliation: ``government`` (ministers,
   ministries, mayors, councillors, the Kremlin, presidential spokespeople),
   ``politics`` (legislators such as senators, candidates, parties, campaigns),
   ``company``, ``media`` (newspapers, agencies, broadcasters), ``academic``
   (universities, institutes, economists and scientists speaking as experts),
   ``civil_society`` (unions, charities, campaign groups, residents' associations),
   ``citizen`` (witnesses, voters, students, residents quoted as such), ``unnamed``. A person's type is the type of the body they speak for.
8. **Cue** is the reporting expression as it appears ("said", "told", "according to",
   "quoted", "noted", "insisted"); a predicted cue matches when it equals or contains the
   expected one, ignoring case ("also noted" matches "noted"). Its connotation is read
   through ``analysis.sources.cue_connotation(cue)``: ``neutral``, ``loaded`` or
   ``hedged``; where a case names a connotation, the predicted cue must have it.
9. **No attribution, no rows.** A text without attribution gives an empty frame with the
   same columns, in the same order, as a non-empty result (the nine documented ones at
   least). Scare quotes, quoted titles and nicknames with no speaker, "was told to",
   "according to plan", "all told" are not attributions.

Matching (:func:`_matches`): a predicted row matches an expected statement when the
speaker, the kind and the cue agree as above and the predicted span ``text[start:end]``
overlaps the expected content by at least 0.8 of the longer of the two spans, after
quotation marks, spaces and trailing punctuation are trimmed from both. Expected
statements are matched one-to-one, and a text must yield no rows beyond those listed.
For every matched row, ``quote`` holds ``text[start:end]`` and the speaker mention span
``speaker_start, speaker_end`` overlaps the occurrence the case names ("Anna Kovac",
"she", "the minister"; where the same word occurs twice, the one nearest the content),
or is -1/-1 where the case names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

REQUIRED_COLUMNS = [
    "speaker",
    "speaker_type",
    "kind",
    "cue",
    "quote",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
]
KINDS = {"direct", "indirect", "partial"}
SPEAKER_TYPES = {"government", "politics", "company", "media", "academic", "civil_society", "citizen", "unnamed"}
MIN_OVERLAP = 0.8
#: Characters trimmed from both ends of a span before spans are compared.
QUOTE_MARKS = "\"'“”‘’«»„"
TRAILING = ".,;:!?…—–-"


# --------------------------------------------------------------------------- helpers


class _Unnamed:
    """Sentinel for a source that names no person or organisation."""

    def __repr__(self) -> str:
        return "UNNAMED"


UNNAMED = _Unnamed()


@dataclass(frozen=True)
class Mention:
    """Where the speaker mention of a statement is: the ``nth`` whole-word ``text``.

    ``optional`` allows the extractor to give -1/-1 instead (a vague agent such as
    "Initial reporting" may or may not count as a mention).
    """

    text: str
    nth: int = 0
    optional: bool = False


def maybe(text: str, nth: int = 0) -> Mention:
    """A mention the extractor may report or leave at -1/-1."""
    return Mention(text, nth, optional=True)


@dataclass(frozen=True)
class Statement:
    """One expected attributed statement."""

    speaker: str | _Unnamed
    kind: str
    cue: str
    content: str | tuple[str, ...]  # a tuple lists the fragments of a split quote
    mention: Mention | None  # None: the text has no speaker mention (-1/-1)
    speaker_type: str | None = None  # None: not asserted
    connotation: str | None = None  # None: not asserted


def st(
    speaker: str | _Unnamed,
    kind: str,
    cue: str,
    content: str,
    mention: str | tuple[str, int] | Mention | None,
    *,
    type: str | None = None,  # noqa: A002 - reads well in the table
    connotation: str | None = None,
) -> Statement:
    """Build a :class:`Statement`; ``mention`` may be a string or ``(string, nth)``."""
    if isinstance(mention, str):
        mention = Mention(mention)
    elif isinstance(mention, tuple):
        mention = Mention(*mention)
    return Statement(speaker, kind, cue, content, mention, type, connotation)


def _norm_name(name: object) -> str:
    """Casefold, collapse spaces, drop surrounding punctuation and a leading 'the'."""
    s = " ".join(str(name).split()).casefold().strip(QUOTE_MARKS + TRAILING + " ")
    return re.sub(r"^the\s+", "", s)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quotation marks and spaces, and trailing punctuation."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS + TRAILING):
        end -= 1
    return start, end


def _span_of(text: str, content: str) -> tuple[int, int]:
    start = text.index(content)
    return start, start + len(content)


def _mention_span(text: str, mention: Mention) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(mention.text)}(?!\w)", text)]
    return hits[mention.nth]


def _overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer <= 0:
        return 0.0
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / longer


def _int(value: object) -> int:
    return int(value)  # numpy integers and plain ints alike; NaN/None raise


def _speaker_ok(row: dict, exp: Statement) -> bool:
    predicted = _norm_name(row["speaker"])
    if exp.speaker is UNNAMED:
        if predicted in {"unnamed", "unattributed"} or (predicted == "media" and exp.speaker_type == "media"):
            return True
        if exp.mention is None or not predicted:
            return False
        phrase = _norm_name(exp.mention.text)
        return re.search(rf"(?<!\w){re.escape(predicted)}(?!\w)", phrase) is not None
    return predicted == _norm_name(exp.speaker)


def _matches(text: str, row: dict, exp: Statement) -> bool:
    """True when a predicted row is the expected statement (see the module docstring)."""
    if str(row["kind"]) != exp.kind or not _speaker_ok(row, exp):
        return False
    if exp.cue.casefold() not in str(row["cue"]).casefold():
        return False
    if isinstance(exp.content, tuple):
        predicted_fragments = [_trim(text, _int(a), _int(b)) for a, b in row["fragments"]]
        if len(predicted_fragments) != len(exp.content):
            return False
        return all(
            _overlap_ratio(p, _trim(text, *_span_of(text, c))) >= MIN_OVERLAP
            for p, c in zip(predicted_fragments, exp.content)
        )
    predicted = _trim(text, _int(row["start"]), _int(row["end"]))
    expected = _trim(text, *_span_of(text, exp.content))
    return _overlap_ratio(predicted, expected) >= MIN_OVERLAP


def _describe(text: str, rows: list[dict]) -> str:
    """The predicted rows, one line each, for assertion messages."""
    if not rows:
        return "  (no rows)"

    def span(a: object, b: object) -> str | None:
        try:
            a, b = int(a), int(b)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None
        return text[a:b] if a >= 0 else None

    return "\n".join(
        f"  speaker={r.get('speaker')!r} type={r.get('speaker_type')!r} "
        f"kind={r.get('kind')!r} cue={r.get('cue')!r} "
        f"mention={span(r.get('speaker_start'), r.get('speaker_end'))!r} "
        f"content={span(r.get('start'), r.get('end'))!r}"
        for r in rows
    )


def _extract(text: str):
    from analysis.sources import extract_quotes  # imported here so the file always collects

    return extract_quotes(text)


# --------------------------------------------------------------------------- the table

D, I, P = "direct", "indirect", "partial"  # noqa: E741 (I for indirect, as in the table below)
GOV, CO, MEDIA, ACAD, CIVIL, ANON, POLITICS, CITIZEN = (
    "government",
    "company",
    "media",
    "academic",
    "civil_society",
    "unnamed",
    "politics",
    "citizen",
)

DIRECT_STRAIGHT = [
    pytest.param(
        'Finance Minister Anna Kovac said: "The budget will be balanced by the end of next year."',
        [st("Anna Kovac", D, "said", "The budget will be balanced by the end of next year.",
            "Anna Kovac", type=GOV, connotation="neutral")],
        id="straight-before-colon",
    ),
    pytest.param(
        'Speaking after the vote, union leader Marek Dolan said, "Our members are ready to stay '
        'out for as long as it takes."',
        [st("Marek Dolan", D, "said",
            "Our members are ready to stay out for as long as it takes.", "Marek Dolan",
            type=CIVIL)],
        id="straight-before-comma-ap",
    ),
    pytest.param(
        '"We have no plans to raise the fuel tax this winter," Anna Kovac said on Tuesday.',
        [st("Anna Kovac", D, "said", "We have no plans to raise the fuel tax this winter",
            "Anna Kovac")],
        id="straight-after",
    ),
    pytest.param(
        '"Nobody was hurt, and the building has been evacuated," fire department spokeswoman '
        "Carla Ruiz said Tuesday.",
        [st("Carla Ruiz", D, "said", "Nobody was hurt, and the building has been evacuated",
            "Carla Ruiz")],
        id="straight-after-ap-day",
    ),
    pytest.param(
        '"The water is safe to drink," said Ivo Maric, the city\'s public health director.',
        [st("Ivo Maric", D, "said", "The water is safe to drink", "Ivo Maric", type=GOV)],
        id="straight-inverted",
    ),
    pytest.param(
        '"The talks were difficult," said Marek Dolan, the union negotiator. "But we reached a '
        'deal that both sides can live with."',
        [
            st("Marek Dolan", D, "said",
               ("The talks were difficult", "But we reached a deal that both sides can live with."),
               "Marek Dolan"),
        ],
        id="straight-middle-two-sentences",
    ),
    pytest.param(
        'Mayor Ilse Brandt visited the embankment on Sunday. "If the river rises another metre," '
        'Brandt said, "the old town will flood by morning."',
        [
            st("Ilse Brandt", D, "said",
               ("If the river rises another metre", "the old town will flood by morning."), ("Brandt", 1)),
        ],
        id="straight-middle-one-sentence",
    ),
    pytest.param(
        '"Prices rose faster than we expected. Wages did not keep up. That is the problem we '
        'have to solve," central bank governor Piotr Nowicki told reporters.',
        [st("Piotr Nowicki", D, "told",
            "Prices rose faster than we expected. Wages did not keep up. That is the problem we "
            "have to solve", "Piotr Nowicki", type=GOV, connotation="neutral")],
        id="straight-several-sentences",
    ),
    pytest.param(
        'Jonas Berg, founder of the furniture maker Berg & Lund, told the Ledger: "We are not for '
        'sale. Not now, and not next year."',
        [st("Jonas Berg", D, "told", "We are not for sale. Not now, and not next year.",
            "Jonas Berg", type=CO)],
        id="straight-before-told-colon",
    ),
    pytest.param(
        '"We will appeal the ruling. The court ignored the evidence we presented.\n\n'
        '"We expect to win in the higher court," lawyer Dana Whitfield said outside the '
        "courthouse.",
        [st("Dana Whitfield", D, "said",
            'We will appeal the ruling. The court ignored the evidence we presented.\n\n'
            '"We expect to win in the higher court', "Dana Whitfield")],
        id="straight-continued-paragraph",
    ),
]

DIRECT_CURLY = [
    pytest.param(
        "Interior Minister Tomas Varga said: “Border checks will stay in place until the end of "
        "the month.”",
        [st("Tomas Varga", D, "said",
            "Border checks will stay in place until the end of the month.", "Tomas Varga",
            type=GOV)],
        id="curly-before-colon",
    ),
    pytest.param(
        "“We did everything the regulator asked of us,” said Helena Fisk, chief executive of "
        "Nordvik Telecom.",
        [st("Helena Fisk", D, "said", "We did everything the regulator asked of us",
            "Helena Fisk", type=CO)],
        id="curly-inverted",
    ),
    pytest.param(
        "“We will not sign this agreement in its current form,” Foreign Minister Elena Petrova "
        "told the Baltic News Agency.",
        [st("Elena Petrova", D, "told", "We will not sign this agreement in its current form",
            "Elena Petrova", type=GOV)],
        id="curly-after-told-agency",
    ),
    pytest.param(
        "Helena Fisk, chief executive of Nordvik Telecom, spoke after the board meeting on "
        "Thursday. “The factory will stay open,” Fisk said. “Every job at the plant is safe for "
        "now.”",
        [
            st("Helena Fisk", D, "said",
               ("The factory will stay open", "Every job at the plant is safe for now."), ("Fisk", 1)),
        ],
        id="curly-middle-two-sentences",
    ),
    pytest.param(
        "Transport Minister Rafal Zielinski opened the new rail link on Friday. “The schedule is "
        "tight. The money is there. The political will is there too,” the minister said.",
        [st("Rafal Zielinski", D, "said",
            "The schedule is tight. The money is there. The political will is there too",
            "the minister", type=GOV)],
        id="curly-several-sentences-role",
    ),
    pytest.param(
        "“It is the worst harvest I can remember,” says Pavel Hruby, who has farmed in the "
        "valley for forty years.",
        [st("Pavel Hruby", D, "says", "It is the worst harvest I can remember", "Pavel Hruby")],
        id="curly-inverted-present",
    ),
    pytest.param(
        "“This road has been a danger to children for eleven years,” said Ruth Okafor, who chairs "
        "the Eastfield Residents’ Association.",
        [st("Ruth Okafor", D, "said", "This road has been a danger to children for eleven years",
            "Ruth Okafor", type=CIVIL)],
        id="curly-inverted-apposition",
    ),
    pytest.param(
        "Lina Sorensen, the harbour master, stood on the quay as the boats came back.\n\n"
        "“The first wave hit the pier just after midnight. We moved the boats we could reach.\n\n"
        "“By two in the morning the water was in the streets,” she said.",
        [st("Lina Sorensen", D, "said",
            "The first wave hit the pier just after midnight. We moved the boats we could reach."
            "\n\n“By two in the morning the water was in the streets", "she")],
        id="curly-continued-paragraph-after",
    ),
    pytest.param(
        "Ruth Okafor, who chairs the Eastfield Residents’ Association, told the council:\n\n"
        "“We have waited eleven years for this road to be repaired.\n\n"
        "“Our patience has run out, and we will take the council to court.”",
        [st("Ruth Okafor", D, "told",
            "We have waited eleven years for this road to be repaired.\n\n"
            "“Our patience has run out, and we will take the council to court.", "Ruth Okafor")],
        id="curly-continued-paragraph-before",
    ),
    pytest.param(
        "Councillor Gareth Pryce, who leads the transport committee, defended the plan on "
        "Tuesday. ‘We are confident the scheme will pay for itself within five years,’ he said. "
        "Mr Pryce added: ‘Nobody wants higher bills, but the roads must be repaired.’",
        [
            st("Gareth Pryce", D, "said",
               "We are confident the scheme will pay for itself within five years", "he",
               type=GOV),
            st("Gareth Pryce", D, "added",
               "Nobody wants higher bills, but the roads must be repaired.", "Mr Pryce",
               type=GOV),
        ],
        id="british-single-curly",
    ),
    pytest.param(
        "Deputy Energy Minister Igor Sobol spoke at an industry forum in Kazan on Friday. The "
        "Northline News Agency quoted him as saying: “Exports to Asia will make up for the losses "
        "in Europe.”",
        [st("Igor Sobol", D, "quoted", "Exports to Asia will make up for the losses in Europe.",
            "him", type=GOV)],
        id="curly-quoted-as-saying-direct",
    ),
]

MESSY = [
    pytest.param(
        "Deputy Prime Minister Oleg Sokolov on Tuesday visited the grain terminal in Azovsk.\n\n"
        "“Of course, we regret that the partners have chosen this path. But the terms were known "
        "in advance, and all the contracts will be fulfilled, ”the deputy prime minister said.",
        [st("Oleg Sokolov", D, "said",
            "Of course, we regret that the partners have chosen this path. But the terms were "
            "known in advance, and all the contracts will be fulfilled",
            "the deputy prime minister", type=GOV)],
        id="messy-closing-mark-after-space-curly",
    ),
    pytest.param(
        'Mayor Ilse Brandt inspected the bridge on Monday.\n\n"Repairs are on schedule, and the '
        'bridge will reopen to traffic in June, "Brandt said.',
        [st("Ilse Brandt", D, "said",
            "Repairs are on schedule, and the bridge will reopen to traffic in June",
            ("Brandt", 1))],
        id="messy-closing-mark-after-space-straight",
    ),
    pytest.param(
        "Energy Minister Viktor Lanskoy met regional governors on Thursday.\n\n"
        "“We have enough reserves for the winter, there will be no shortages, the prices will "
        "remain stable,” he said is he.",
        [st("Viktor Lanskoy", D, "said",
            "We have enough reserves for the winter, there will be no shortages, the prices will "
            "remain stable", ("he", 0), type=GOV)],
        id="messy-garbled-tail-curly",
    ),
    pytest.param(
        "Prosecutor General Marina Volkova met journalists in the capital on Monday.\n\n"
        '"The investigation is continuing, and we will report its results in due course," she '
        "said is she.",
        [st("Marina Volkova", D, "said",
            "The investigation is continuing, and we will report its results in due course",
            ("she", 0))],
        id="messy-garbled-tail-straight",
    ),
    pytest.param(
        "Interior Ministry spokeswoman Olga Verina on Wednesday answered questions about the "
        "registry.\n\n“The registry will be closed for maintenance until Friday. Applications "
        "filed before then remain valid, ”Verina said.",
        [st("Olga Verina", D, "said",
            "The registry will be closed for maintenance until Friday. Applications filed before "
            "then remain valid", ("Verina", 1), type=GOV)],
        id="messy-closing-mark-after-space-surname",
    ),
]

INDIRECT = [
    pytest.param(
        "Finance Minister Anna Kovac said on Monday that the government would cut spending on new "
        "roads by a fifth.",
        [st("Anna Kovac", I, "said", "the government would cut spending on new roads by a fifth",
            "Anna Kovac", type=GOV, connotation="neutral")],
        id="indirect-that",
    ),
    pytest.param(
        "Central bank governor Piotr Nowicki said the bank would keep interest rates unchanged "
        "until at least March.",
        [st("Piotr Nowicki", I, "said",
            "the bank would keep interest rates unchanged until at least March", "Piotr Nowicki",
            type=GOV)],
        id="indirect-no-that",
    ),
    pytest.param(
        "The central bank expects inflation to slow in the second half of the year, Governor "
        "Piotr Nowicki said on Wednesday.",
        [st("Piotr Nowicki", I, "said",
            "The central bank expects inflation to slow in the second half of the year",
            "Piotr Nowicki")],
        id="indirect-clause-first-reuters",
    ),
    pytest.param(
        "Inflation is likely to peak in the spring before easing slowly, said Tomas Brandt, an "
        "economist at the Lindqvist Institute.",
        [st("Tomas Brandt", I, "said",
            "Inflation is likely to peak in the spring before easing slowly", "Tomas Brandt",
            type=ACAD)],
        id="indirect-clause-first-inverted",
    ),
    pytest.param(
        "The ferry will not run until the storm has passed, harbour master Lina Sorensen told "
        "reporters.",
        [st("Lina Sorensen", I, "told", "The ferry will not run until the storm has passed",
            "Lina Sorensen", connotation="neutral")],
        id="indirect-clause-first-told",
    ),
    pytest.param(
        "The new terminal will handle two million passengers a year, according to Skyport "
        "Holdings, the airport operator.",
        [st("Skyport Holdings", I, "according to",
            "The new terminal will handle two million passengers a year", "Skyport Holdings",
            type=CO)],
        id="indirect-according-to-after",
    ),
    pytest.param(
        "According to the Ministry of Health, more than 3,000 people were admitted to hospital "
        "with the virus last week.",
        [st("Ministry of Health", I, "according to",
            "more than 3,000 people were admitted to hospital with the virus last week",
            "Ministry of Health", type=GOV)],
        id="indirect-according-to-before",
    ),
    pytest.param(
        "Prosecutor Marina Volkova told the court that the defendant had moved the money to a "
        "shell company abroad.",
        [st("Marina Volkova", I, "told",
            "the defendant had moved the money to a shell company abroad", "Marina Volkova")],
        id="indirect-told-someone-that",
    ),
    pytest.param(
        "The Vestnik daily quoted Deputy Energy Minister Igor Sobol as saying that gas exports "
        "would fall by a tenth this year.",
        [st("Igor Sobol", I, "quoted", "gas exports would fall by a tenth this year",
            "Igor Sobol", type=GOV)],
        id="indirect-quoted-as-saying",
    ),
    pytest.param(
        "Nordvik Telecom said in a statement that it had repaired the fault that left thousands of "
        "customers without a signal.",
        [st("Nordvik Telecom", I, "said",
            "it had repaired the fault that left thousands of customers without a signal",
            "Nordvik Telecom", type=CO)],
        id="indirect-said-in-a-statement",
    ),
    pytest.param(
        "Foreign Minister Elena Petrova told the Baltic News Agency on Sunday that the embassy "
        "would reopen before the end of the year.",
        [st("Elena Petrova", I, "told", "the embassy would reopen before the end of the year",
            "Elena Petrova", type=GOV)],
        id="indirect-told-agency-that",
    ),
    pytest.param(
        "Professor Lena Marsh, who led the study at the University of Kestrel, noted that rural "
        "areas had been hit hardest by the closures.",
        [st("Lena Marsh", I, "noted", "rural areas had been hit hardest by the closures",
            "Lena Marsh", type=ACAD, connotation="neutral")],
        id="indirect-noted",
    ),
    pytest.param(
        "Defence Minister Jan Horak insisted that no troops would be sent abroad this year.",
        [st("Jan Horak", I, "insisted", "no troops would be sent abroad this year", "Jan Horak",
            type=GOV, connotation="loaded")],
        id="indirect-insisted",
    ),
    pytest.param(
        "Nordvik Telecom admitted on Friday that the personal data of some 40,000 customers had "
        "been exposed.",
        [st("Nordvik Telecom", I, "admitted",
            "the personal data of some 40,000 customers had been exposed", "Nordvik Telecom",
            type=CO, connotation="loaded")],
        id="indirect-admitted",
    ),
    pytest.param(
        "Pavel Hruby, chairman of the Southern Farmers’ Union, complained that the drought "
        "subsidies had arrived six months late.",
        [st("Pavel Hruby", I, "complained", "the drought subsidies had arrived six months late",
            "Pavel Hruby", type=CIVIL, connotation="loaded")],
        id="indirect-complained",
    ),
    pytest.param(
        "President Alma Reyes vowed to rebuild every school damaged in the earthquake.",
        [st("Alma Reyes", I, "vowed", "to rebuild every school damaged in the earthquake",
            "Alma Reyes", type=GOV, connotation="loaded")],
        id="indirect-vowed-infinitive",
    ),
    pytest.param(
        "Rebel commander Aziz Tahir claimed that his fighters had taken control of the airport "
        "on Sunday.",
        [st("Aziz Tahir", I, "claimed",
            "his fighters had taken control of the airport on Sunday", "Aziz Tahir",
            connotation="loaded")],
        id="indirect-claimed",
    ),
    pytest.param(
        "Health Minister Sofia Lind urged parents to vaccinate their children before the school "
        "year starts.",
        [st("Sofia Lind", I, "urged",
            "parents to vaccinate their children before the school year starts", "Sofia Lind",
            type=GOV, connotation="loaded")],
        id="indirect-urged",
    ),
    pytest.param(
        "Defence lawyer Dana Whitfield argued that the fine was out of all proportion and should "
        "be halved.",
        [st("Dana Whitfield", I, "argued",
            "the fine was out of all proportion and should be halved", "Dana Whitfield",
            connotation="loaded")],
        id="indirect-argued",
    ),
    pytest.param(
        "The Global Grain Council warned that bread prices could rise sharply if the drought "
        "continued into the autumn.",
        [st("Global Grain Council", I, "warned",
            "bread prices could rise sharply if the drought continued into the autumn",
            "Global Grain Council")],
        id="indirect-warned-organisation",
    ),
]

PARTIAL = [
    pytest.param(
        'Senator Ruth Alder said the plan was "dead on arrival" in its current form.',
        [st("Ruth Alder", P, "said", 'the plan was "dead on arrival" in its current form',
            "Ruth Alder", type=POLITICS)],
        id="partial-straight",
    ),
    pytest.param(
        "Opposition leader Kamil Nowak said the election had been “neither free nor fair” and "
        "should be held again.",
        [st("Kamil Nowak", P, "said",
            "the election had been “neither free nor fair” and should be held again",
            "Kamil Nowak")],
        id="partial-curly",
    ),
    pytest.param(
        "Velora Systems said in a statement on Thursday that its lawyers were “reviewing every "
        "contract in the region” and would not comment further.",
        [st("Velora Systems", P, "said",
            "its lawyers were “reviewing every contract in the region” and would not comment "
            "further", "Velora Systems", type=CO)],
        id="partial-said-in-statement",
    ),
    pytest.param(
        "Tomas Brandt, an economist at the Lindqvist Institute, said the rate rise was “a blunt "
        "instrument for a delicate problem”.",
        [st("Tomas Brandt", P, "said",
            "the rate rise was “a blunt instrument for a delicate problem”", "Tomas Brandt",
            type=ACAD)],
        id="partial-mark-before-period",
    ),
]

PASSIVE_UNNAMED = [
    pytest.param(
        "It was noted that the new customs rules would apply to all imports from January.",
        [st(UNNAMED, I, "noted", "the new customs rules would apply to all imports from January",
            None, type=ANON)],
        id="passive-it-was-noted",
    ),
    pytest.param(
        "It was emphasized that the exercises had been planned long in advance and were not "
        "directed against any country.",
        [st(UNNAMED, I, "emphasized",
            "the exercises had been planned long in advance and were not directed against any "
            "country", None, type=ANON)],
        id="passive-it-was-emphasized",
    ),
    pytest.param(
        "It was reported that two ministers had offered to resign over the scandal.",
        [st(UNNAMED, I, "reported", "two ministers had offered to resign over the scandal", None,
            type=ANON)],
        id="passive-it-was-reported",
    ),
    pytest.param(
        "On Monday, the media reported that the steelworks had stopped paying its suppliers.",
        [st(UNNAMED, I, "reported", "the steelworks had stopped paying its suppliers",
            "the media", type=MEDIA)],
        id="agentless-the-media-reported",
    ),
    pytest.param(
        "Initial reporting suggested that the fire had started in a storage room on the ground "
        "floor.",
        [st(UNNAMED, I, "suggested",
            "the fire had started in a storage room on the ground floor",
            maybe("Initial reporting"), type=MEDIA, connotation="hedged")],
        id="agentless-initial-reporting",
    ),
    pytest.param(
        "Representatives of several provincial universities told the Vestnik daily that their "
        "research grants had been frozen since March.",
        [st(UNNAMED, I, "told", "their research grants had been frozen since March",
            "Representatives of several provincial universities", type=ACAD)],
        id="agentless-representatives-told",
    ),
    pytest.param(
        "Sources close to the negotiations said the two sides were close to a deal on grain "
        "exports.",
        [st(UNNAMED, I, "said", "the two sides were close to a deal on grain exports",
            "Sources close to the negotiations", type=ANON)],
        id="unnamed-sources-said",
    ),
    pytest.param(
        "A senior official, speaking on condition of anonymity, said the decision had been taken "
        "at the highest level.",
        [st(UNNAMED, I, "said", "the decision had been taken at the highest level",
            "A senior official", type=ANON)],  # marked anonymous: unnamed whatever the role
        id="unnamed-senior-official",
    ),
    pytest.param(
        "Witnesses said the lorry had been travelling at high speed when it left the road.",
        [st(UNNAMED, I, "said", "the lorry had been travelling at high speed when it left the road",
            "Witnesses", type=CITIZEN)],
        id="unnamed-witnesses",
    ),
    pytest.param(
        "A spokesman said: ‘We are reviewing the footage and will take appropriate action.’",
        [st(UNNAMED, D, "said", "We are reviewing the footage and will take appropriate action.",
            "A spokesman", type=ANON)],
        id="unnamed-spokesman-direct-british",
    ),
]

RESOLUTION = [
    pytest.param(
        "Finance Minister Anna Kovac presented the draft budget to parliament on Monday. She said "
        "the deficit would shrink to 2 percent of GDP next year. According to her, pensions will "
        "rise in line with inflation.",
        [
            st("Anna Kovac", I, "said", "the deficit would shrink to 2 percent of GDP next year",
               "She", type=GOV),
            st("Anna Kovac", I, "according to", "pensions will rise in line with inflation",
               "her", type=GOV),
        ],
        id="resolve-she-according-to-her",
    ),
    pytest.param(
        "Foreign Minister Elena Petrova arrived in Vienna on Tuesday for a second round of talks. "
        'The minister told reporters that a ceasefire was "within reach" but not yet agreed.',
        [st("Elena Petrova", P, "told", 'a ceasefire was "within reach" but not yet agreed',
            "The minister", type=GOV)],
        id="resolve-the-minister-partial",
    ),
    pytest.param(
        "Press Secretary of the Governor Pavel Orlov on Wednesday visited the site of the "
        "collapsed bridge. According to him, the repairs will take at least three months. He also "
        "noted that a temporary ferry crossing would be organised for residents.",
        [
            st("Pavel Orlov", I, "according to", "the repairs will take at least three months",
               "him", type=GOV),
            st("Pavel Orlov", I, "noted",
               "a temporary ferry crossing would be organised for residents", "He", type=GOV),
        ],
        id="resolve-translated-him-he",
    ),
    pytest.param(
        "Kremlin spokesman Yegor Plotnikov said on Thursday that the president had no plans to "
        "travel abroad this month. The spokesman for the head of state noted, however, that "
        "the schedule could change at short notice.",
        [
            st("Yegor Plotnikov", I, "said",
               "the president had no plans to travel abroad this month", "Yegor Plotnikov",
               type=GOV),
            st("Yegor Plotnikov", I, "noted", "the schedule could change at short notice",
               "The spokesman for the head of state", type=GOV),
        ],
        id="resolve-spokesman-for-head-of-state",
    ),
    pytest.param(
        "Kremlin spokesman Yegor Plotnikov on Monday held his daily call with journalists.\n\n"
        "“We regret this decision, but it will not change our plans,” the Kremlin spokesman said.",
        [st("Yegor Plotnikov", D, "said",
            "We regret this decision, but it will not change our plans",
            "the Kremlin spokesman", type=GOV)],
        id="resolve-the-kremlin-spokesman",
    ),
    pytest.param(
        "Halvorsen Shipping cancelled two of its routes to the Baltic on Thursday. The company "
        "said higher fuel costs had made the routes unprofitable. It added that no jobs would be "
        "lost.",
        [
            st("Halvorsen Shipping", I, "said",
               "higher fuel costs had made the routes unprofitable", "The company", type=CO),
            st("Halvorsen Shipping", I, "added", "no jobs would be lost", "It", type=CO),
        ],
        id="resolve-the-company-it",
    ),
    pytest.param(
        "Brightline Software will open an office in Warsaw next year. The U.S. company said in a "
        "statement that it would hire about 200 engineers there.",
        [st("Brightline Software", I, "said", "it would hire about 200 engineers there",
            "The U.S. company", type=CO)],
        id="resolve-the-us-company",
    ),
    pytest.param(
        "Kapital, a business daily, reported on Monday that the steelworks would be sold to a "
        "foreign investor. The newspaper said the sale could be announced as early as next week.",
        [
            st("Kapital", I, "reported", "the steelworks would be sold to a foreign investor",
               "Kapital", type=MEDIA),
            st("Kapital", I, "said", "the sale could be announced as early as next week",
               "The newspaper", type=MEDIA),
        ],
        id="resolve-the-newspaper",
    ),
    pytest.param(
        "Tomas Brandt, an economist at the Lindqvist Institute, has studied the housing market "
        "for two decades. “Prices will fall, but not as fast as buyers hope,” the economist said.",
        [st("Tomas Brandt", D, "said", "Prices will fall, but not as fast as buyers hope",
            "the economist", type=ACAD)],
        id="resolve-the-economist",
    ),
    pytest.param(
        "Marta Lind, chief executive of Halvorsen Shipping, said the company would not cut wages. "
        "Lind told analysts that the order book was full until 2027.",
        [
            st("Marta Lind", I, "said", "the company would not cut wages", "Marta Lind", type=CO),
            st("Marta Lind", I, "told", "the order book was full until 2027", ("Lind", 1),
               type=CO),
        ],
        id="resolve-surname",
    ),
    pytest.param(
        "Finance Minister Anna Kovac said the tax cut would pay for itself through higher growth. "
        "Opposition leader Kamil Nowak said the figures did not add up. “Our forecasts are "
        "cautious,” she said.",
        [
            st("Anna Kovac", I, "said", "the tax cut would pay for itself through higher growth",
               "Anna Kovac"),
            st("Kamil Nowak", I, "said", "the figures did not add up", "Kamil Nowak"),
            st("Anna Kovac", D, "said", "Our forecasts are cautious", "she"),
        ],
        id="resolve-two-speakers-she",
    ),
    pytest.param(
        "The Eastfield Residents’ Association has collected 4,000 signatures against the new "
        "incinerator. The group said the plant would double traffic on the estate.",
        [st("Eastfield Residents’ Association", I, "said",
            "the plant would double traffic on the estate", "The group", type=CIVIL)],
        id="resolve-the-group",
    ),
]

SPEAKER_TYPES_EXTRA = [
    pytest.param(
        "Dr Ana Morales, a virologist at the University of Valdera, said the new variant spread "
        "faster but did not cause more severe illness.",
        [st("Ana Morales", I, "said",
            "the new variant spread faster but did not cause more severe illness", "Ana Morales",
            type=ACAD)],
        id="type-academic-virologist",
    ),
    pytest.param(
        "Clean Rivers Now, an environmental campaign group, said in a statement that the permit "
        "should never have been granted.",
        [st("Clean Rivers Now", I, "said", "the permit should never have been granted",
            "Clean Rivers Now", type=CIVIL)],
        id="type-civil-campaign-group",
    ),
    pytest.param(
        "The Harbour Gazette reported on Friday that the port authority would be sold to a "
        "private operator.",
        [st("Harbour Gazette", I, "reported",
            "the port authority would be sold to a private operator", "Harbour Gazette",
            type=MEDIA)],
        id="type-media-gazette",
    ),
    pytest.param(
        "The Northline News Agency reported that the ministry had ordered an audit of all "
        "regional airports.",
        [st("Northline News Agency", I, "reported",
            "the ministry had ordered an audit of all regional airports", "Northline News Agency",
            type=MEDIA)],
        id="type-media-agency",
    ),
    pytest.param(
        "“Demand has never been stronger,” Marta Lind, chief executive of Halvorsen Shipping, "
        "told shareholders.",
        [st("Marta Lind", D, "told", "Demand has never been stronger", "Marta Lind", type=CO)],
        id="type-company-chief-executive",
    ),
]

ATTRIBUTION_CASES = (
    DIRECT_STRAIGHT
    + DIRECT_CURLY
    + MESSY
    + INDIRECT
    + PARTIAL
    + PASSIVE_UNNAMED
    + RESOLUTION
    + SPEAKER_TYPES_EXTRA
)

NO_ATTRIBUTION = [
    pytest.param(
        "Heavy rain closed three roads in the north of the county on Sunday. Repairs are "
        "expected to take a week.",
        id="plain-narrative",
    ),
    pytest.param(
        'The ministry\'s "reform" of the tax code has stalled since the spring.',
        id="scare-quotes-straight",
    ),
    pytest.param(
        "The so-called “reform” of the pension system has stalled since the spring.",
        id="scare-quotes-curly",
    ),
    pytest.param("He was told to leave.", id="was-told-to-leave"),
    pytest.param(
        "The festival opens on Friday with “The Long Winter”, a film about a fishing village.",
        id="title-in-quotes",
    ),
    pytest.param(
        "The launch went according to plan, and the satellite reached orbit on Tuesday.",
        id="according-to-plan",
    ),
    pytest.param(
        "All told, the repairs to the stadium cost 4 million euros.", id="all-told"
    ),
    pytest.param(
        "Vasquez, known to fans as “the Hammer”, won the title in 2018.", id="nickname-quotes"
    ),
]

CONNOTATIONS = [
    ("said", "neutral"),
    ("told", "neutral"),
    ("noted", "neutral"),
    ("complained", "loaded"),
    ("vowed", "loaded"),
    ("admitted", "loaded"),
    ("insisted", "loaded"),
    ("claimed", "loaded"),
    ("urged", "loaded"),
    ("argued", "loaded"),
    ("suggested", "hedged"),
    ("reportedly", "hedged"),
    ("presumably", "hedged"),
]


# --------------------------------------------------------------------------- tests


def _all_statements():
    for param in ATTRIBUTION_CASES:
        text, expected = param.values
        for k, exp in enumerate(expected):
            yield pytest.param(param.id, text, exp, id=f"{param.id}-{k}")


@pytest.mark.parametrize("case_id, text, exp", list(_all_statements()))
def test_table_is_well_formed(case_id, text, exp):
    """Each expected content and mention occurs in its text exactly where the case says."""
    pieces = exp.content if isinstance(exp.content, tuple) else (exp.content,)
    for piece in pieces:
        assert text.count(piece) == 1, f"{case_id}: content must occur exactly once"
    assert exp.kind in KINDS
    assert exp.speaker_type is None or exp.speaker_type in SPEAKER_TYPES
    if exp.mention is not None:
        pattern = rf"(?<!\w){re.escape(exp.mention.text)}(?!\w)"
        hits = [m.span() for m in re.finditer(pattern, text)]
        assert len(hits) > exp.mention.nth, f"{case_id}: mention {exp.mention.text!r} not found"
        content = _span_of(text, pieces[0])

        def gap(span):
            return max(span[0] - content[1], content[0] - span[1], 0)

        nearest = min(hits, key=gap)
        assert gap(hits[exp.mention.nth]) == gap(nearest), (
            f"{case_id}: in these cases the mention is the occurrence nearest the content"
        )
    if exp.speaker is UNNAMED:
        assert exp.speaker_type in SPEAKER_TYPES


@pytest.mark.parametrize("text, expected", ATTRIBUTION_CASES)
def test_attribution(text, expected):
    df = _extract(text)
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    assert not missing, f"missing columns {missing}"
    rows = df.to_dict("records")
    for row in rows:
        start, end = _int(row["start"]), _int(row["end"])
        assert 0 <= start < end <= len(text), f"bad content offsets {start}, {end}"
        ss, se = _int(row["speaker_start"]), _int(row["speaker_end"])
        assert (ss, se) == (-1, -1) or 0 <= ss < se <= len(text), f"bad speaker offsets {ss}, {se}"
        assert row["kind"] in KINDS

    unused = list(range(len(rows)))
    for exp in expected:
        found = next((i for i in unused if _matches(text, rows[i], exp)), None)
        assert found is not None, (
            f"expected {exp.speaker!r} {exp.kind} cue={exp.cue!r} content={exp.content!r}\n"
            f"predicted:\n{_describe(text, rows)}"
        )
        unused.remove(found)
        row = rows[found]
        start, end = _int(row["start"]), _int(row["end"])
        fragments = [(_int(a), _int(b)) for a, b in row["fragments"]]
        assert all(start <= a < b <= end for a, b in fragments), "fragments lie inside start, end"
        assert " ".join(str(row["quote"]).split()) == " ".join(" … ".join(text[a:b] for a, b in fragments).split()), (
            "the quote column must hold the fragments' text"
        )
        ss, se = _int(row["speaker_start"]), _int(row["speaker_end"])
        if exp.mention is None:
            assert (ss, se) == (-1, -1), f"no speaker mention expected, got {text[ss:se]!r}"
        elif not (exp.mention.optional and (ss, se) == (-1, -1)):
            want = _mention_span(text, exp.mention)
            got = text[ss:se] if ss >= 0 else None
            assert ss >= 0 and _overlap_ratio((ss, se), want) > 0, (
                f"speaker mention should be {exp.mention.text!r} at {want}, "
                f"got {got!r} at {(ss, se)}"
            )
        if exp.speaker_type is not None:
            assert row["speaker_type"] == exp.speaker_type
        assert bool(row["named"]) is (exp.speaker is not UNNAMED), "named says whether a named source resolved"
        if exp.connotation is not None:
            from analysis.sources import cue_connotation

            assert cue_connotation(str(row["cue"])) == exp.connotation
    extra = [rows[i] for i in unused]
    assert not extra, f"unexpected rows:\n{_describe(text, extra)}"


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_attribution_gives_empty_frame_with_documented_columns(text):
    empty = _extract(text)
    assert len(empty) == 0, f"unexpected rows:\n{_describe(text, empty.to_dict('records'))}"
    assert set(REQUIRED_COLUMNS) <= set(empty.columns)
    reference = _extract('"The budget will be balanced," Anna Kovac said.')
    assert list(empty.columns) == list(reference.columns)


@pytest.mark.parametrize("verb, expected", CONNOTATIONS, ids=[v for v, _ in CONNOTATIONS])
def test_cue_connotation(verb, expected):
    from analysis.sources import cue_connotation

    assert cue_connotation(verb) == expected
