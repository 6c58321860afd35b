"""Named entities (PERSON, ORGANIZATION, LOCATION, DATE) with character offsets.

A trained recogniser proposes the names and their types (:mod:`analysis.nlp.ner_model`: a
CRF over readable features, trained on openly licensed annotated text; data card
``docs/ner_model.md``); rules then write them as journalists write them:

- titles and honorifics stay out of a person's name ("Sen. Marco Rubio" -> "Marco Rubio",
  "FBI Director James B. Comey" -> "James B. Comey"); middle initials and suffixes stay in
  ("Martin Luther King Jr.");
- phrases that are never names ("FULL TEXT") and a sentence-initial function word ("Also")
  are dropped; named days ("Election Day") and dates ("Wednesday, April 7") are DATE;
- a name the word lists vouch for (a place in the gazetteers or among the world places of
  ``world_places.csv`` and ``world_regions.csv``, a well-known organisation, a name ending in
  an organisation cue word, an acronym) that the model left out is added, and a surname
  alone is the person named in full elsewhere in the text (not when that "person" has no
  first name and ends in a world place: "Old Oakland");
- a world place the model took for a person is a place ("Isfahan"; not after a title, not
  a first name), and a place followed by a plural that the model took for a place is a
  team ("Pittsburgh Pirates");
- each mention gets a ``canonical`` name: the longest name in the text that it abbreviates
  ("Peskov" -> "Dmitry Peskov"), with acronyms, dotted forms and aliases joined
  ("F.B.I." / "FBI", "DOJ" / "Justice Department", "U.S." / "United States";
  ``analysis/lexicons/entity_aliases.csv``).

The rule-based recogniser that came before the model is :func:`rule_entities` (kept for
comparison: ``python -m analysis evaluate ner``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..lexicons import csv_rows, table, words
from . import ner_rules
from .ner_features import token_spans
from .ner_lists import (  # noqa: F401  (names other modules read from here)
    CONNECTORS,
    EXTRA_PLACES,
    FIRM_AND_PAPER_ENDS,
    FUNCTION_WORDS,
    HOLIDAYS,
    HONORIFICS,
    KNOWN_ORGS,
    LEADING_DROP,
    LOC_CUES,
    MODEL_ORG_CUES,
    MONTHS,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_CUES,
    ORG_NAME_ENDS,
    PERSON_TITLES,
    WEEKDAYS,
    common_words,
    demonyms,
    first_names,
    is_common,
    name_genders,
    places,
    world_places,
)
from .parsed import ParsedText, parse

ENTITY_COLUMNS = ["text", "label", "start", "end", "canonical", "sentence"]
_FUNCTION_WORDS = FUNCTION_WORDS  # the name analysis.sources reads
_common_words = common_words  # the name the cache tests clear
_first_word = ner_rules.first_word_index  # the rules' sentence-start test, under its old names
_sentence_initial = ner_rules.sentence_initial
_LABELS = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
_TRAILING = frozenset(["'s", "’s", "'", "’", ",", ".", "-", "--", ":", ";", "(", ")", '"', "''", "``"])
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}$|[A-Z]{2,6}$")
#: Two acronyms joined by a hyphen: one organisation ("A.F.L.-C.I.O.", "AFL-CIO"; not "US-UK").
_JOINED_ACRONYMS = re.compile(r"(?:[A-Z]\.){2,}(?:-(?:[A-Z]\.){2,})+$|[A-Z]{3,6}(?:-[A-Z]{3,6})+$")


def _title_words(words: list[str]) -> int:
    """Number of title words before a person's name ("Sen.", "Attorney General", "FBI
    Director", "Democrat", "Press Secretary of the ..."): at least one name word is left."""
    dem = demonyms()
    n = 0
    while n < len(words) - 1 and (words[n] in PERSON_TITLES or words[n] in HONORIFICS or words[n] in dem or (n and words[n] in CONNECTORS)):
        n += 1
    # "FBI Director", "Transport Minister": a capitalised word or two before an honorific
    for j in range(n + 1, min(n + 3, len(words) - 1)):
        if words[j] in HONORIFICS and words[j] not in NAME_SUFFIXES and not any(w in first_names() for w in words[n:j]):
            n = j + 1
            break
    while n and words[n - 1] in CONNECTORS:
        n -= 1
    return n or leading_job_words(words)


def leading_job_words(words: list[str]) -> int:
    """How many words before a person's full name say their job ("Curator Lina Ortmann",
    "Crew Manager Ana Kovac"): one or two capitalised common words, no first names or places,
    the last formed like a word for a person's job (:data:`JOB_ENDING`), then a known first
    name and a capitalised surname; else 0.

    >>> leading_job_words("Curator Lina Ortmann".split()), leading_job_words("Boston Red Sox".split())
    (1, 0)
    """
    for k in (1, 2):
        if k + 2 <= len(words) and words[k] in first_names() and words[k + 1][:1].isupper() and JOB_ENDING.search(words[k - 1]) and all(
            w[:1].isupper() and w not in first_names() and w not in places() and is_common(w, common_words()) for w in words[:k]
        ):
            return k
    return 0


#: How the word for a person's job ends: "Curator", "Visitor", "Manager", "Pharmacist", "Student".
JOB_ENDING = re.compile(r"(?:[^aeiou]or|er|ist|ian|ant|ent|man|woman|ess|ee)$")


def extract_entities(text: str | ParsedText) -> pd.DataFrame:
    """Entity mentions in ``text`` with character offsets.

    Args:
        text: any text, or its :class:`analysis.nlp.parsed.ParsedText` (an article's
            ``parsed``), whose sentences are then used; offsets refer to the text.

    Returns:
        DataFrame with columns ``text, label, start, end, canonical, sentence``: ``label`` is
        PERSON, ORGANIZATION, LOCATION or DATE; ``canonical`` is the name of the entity the
        mention refers to (the longest form in the text; see the module docstring).

    Example:
        >>> extract_entities("Kremlin spokesman Dmitry Peskov spoke in Moscow.")[["text", "label"]].values.tolist()
        [['Kremlin', 'ORGANIZATION'], ['Dmitry Peskov', 'PERSON'], ['Moscow', 'LOCATION']]
    """
    return entity_frame(entity_columns(text))


def entity_columns(text: str | ParsedText) -> dict[str, list]:
    """:func:`extract_entities` as plain lists, one per column of :data:`ENTITY_COLUMNS`
    (offsets and sentence numbers as Python ints): the same mentions in the same order,
    without building a DataFrame (corpus mode and the attribution rules read the lists)."""
    from .ner_model import bio_spans, tag_document

    doc = parse(text)
    text = doc.text
    sids, starts, ends = doc.sentence_bounds
    spans = [token_spans(text[s:e]) for s, e in zip(starts, ends)]
    words = [[text[s + a : s + b] for a, b in sp] for s, sp in zip(starts, spans)]
    tags = tag_document(words)
    per_sentence = []
    for ws, tg in zip(words, tags):
        found = []
        for first, last, label in bio_spans(tg):
            found.extend(_clean(ws, first, last, label))
        dates = _dates(ws)
        found = dates + [f for f in found if not _inside_date(f, dates)]
        per_sentence.append(_list_names(ws, found))
    # a surname alone, where the model missed it, is the person named in full elsewhere
    surnames = {ws[b - 1] for ws, found in zip(words, per_sentence) for a, b, lab in found if lab == "PERSON" and b - a > 1 and ws[b - 1][:1].isupper() and ws[b - 1] not in NAME_SUFFIXES and not _place_surname(ws[a:b])}
    rows = []
    for sid, s0, sp, ws, found in zip(sids, starts, spans, words, per_sentence):
        if surnames:
            busy = {i for a, b, _ in found for i in range(a, b)}
            found = found + [(i, i + 1, "PERSON") for i, w in enumerate(ws) if w in surnames and i not in busy]
        for first, last, label in sorted(found):
            rows.append((text[s0 + sp[first][0] : s0 + sp[last - 1][1]], label, s0 + sp[first][0], s0 + sp[last - 1][1], sid))
    labels = _surnames_are_people({"text": [r[0] for r in rows], "label": [r[1] for r in rows]}, places=True)
    rows = [(r[0], lab, *r[2:]) for r, lab in zip(rows, labels)]
    things = common_acronyms(text)
    if things:
        rows = [r for r in rows if r[0] not in things]
    return _columns(rows)


#: An acronym in brackets, "(CEO)", "(ROVs)"; the words spelling it out are read before it.
_DEFINED = re.compile(r"\(([A-Z]{2,6})s?\)")
_SKIPPED_IN_ACRONYMS = frozenset(["of", "and", "the", "for", "on", "in", "to", "a", "an", "&"])


def common_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text spells out in lower case, which name things, not someone:
    "improvised explosive devices (IEDs)", "a chief executive officer (CEO)"; not
    "Federal Bureau of Investigation (FBI)"."""
    found = set()
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        before = text[max(0, m.start() - 160) : m.start()]
        if not before[-1:].isspace():
            continue
        words = before.split()[-9:]
        parts = [p for w in words for p in w.strip("\"“”‘’()[],.;:").split("-") if p and p.lower() not in _SKIPPED_IN_ACRONYMS]
        tail = parts[-len(acronym) :]
        if len(tail) == len(acronym) and "".join(p[0] for p in tail).upper() == acronym and all(p[0].islower() for p in tail):
            found.update((acronym, acronym + "s"))
    return frozenset(found)


def rule_entities(text: str | ParsedText) -> pd.DataFrame:
    """The rule-based recogniser alone (before the trained model), same columns."""
    rows = ner_rules.rule_rows(parse(text))
    found = {"text": [r[0] for r in rows], "label": [r[1] for r in rows]}
    labels = _surnames_are_people(found)
    return entity_frame(_columns([(r[0], lab, *r[2:]) for r, lab in zip(rows, labels)], canonical=False))


def _columns(rows: list[tuple], canonical: bool = True) -> dict[str, list]:
    """The entity table's columns from ``(text, label, start, end, sentence)`` rows: each
    mention once, in text order, with its canonical name."""
    rows = sorted(set(rows), key=lambda r: (r[2], r[3]))
    found = {"text": [r[0] for r in rows], "label": [r[1] for r in rows]}
    names = (canonical_names(found) if canonical else link_short_forms(found)) if rows else []
    return {**found, "start": [r[2] for r in rows], "end": [r[3] for r in rows], "canonical": names, "sentence": [r[4] for r in rows]}


def entity_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The entity table (columns :data:`ENTITY_COLUMNS`) from :func:`entity_columns`."""
    if not columns["text"]:  # typed empty columns (object text, int64 offsets)
        return pd.DataFrame({c: pd.Series([], dtype="int64" if c in ("start", "end", "sentence") else None) for c in ENTITY_COLUMNS})

    def ints(name: str) -> np.ndarray:
        return np.fromiter(columns[name], dtype="int64", count=len(columns[name]))

    # built from plain columns in one step (the dict in column order): a Series per column
    # costs as much as the recogniser
    data = {"text": columns["text"], "label": columns["label"], "start": ints("start"), "end": ints("end"), "canonical": columns["canonical"], "sentence": ints("sentence")}
    return pd.DataFrame(data)


def _clean(words: list[str], first: int, last: int, label: str) -> list[tuple[int, int, str]]:
    """The model's span ``words[first:last]`` as a name: titles out, junk dropped."""
    if label == "MISC":
        return []
    out = []
    # leading articles and titles; lower-case words and connectors the model ran into a name
    # ("public health at Lakeview University"), but not the particles of a name ("de Gaulle")
    while first < last and (words[first] in LEADING_DROP or words[first].lower() == "the" or _cannot_open_name(words[first])):
        first += 1
    first_word = _first_word_of(words)
    if first < last and (first == first_word or words[first - 1] in _OPENERS) and last - first > 1 and words[first].lower() in FUNCTION_WORDS:
        first += 1  # "Among Democrats"
    if label == "PER" and first < last:
        n = _title_words(words[first:last])
        for i in range(first, first + n):  # "Kremlin spokesman", "U.S. President", "FBI Director": names in the role
            if words[i] in ("U.S.", "US", "UK", "U.K.") or (words[i] in places() and words[i] not in demonyms()):
                out.append((i, i + 1, "LOCATION"))
            elif words[i] in KNOWN_ORGS or _ACRONYM.match(words[i]):
                out.append((i, i + 1, "ORGANIZATION"))
        first += n
        # "King Jr." at a sentence end: the suffix belongs to the name
        if last < len(words) and words[last] in NAME_SUFFIXES:
            last += 1
    while last > first and (words[last - 1] in _TRAILING or words[last - 1] in CONNECTORS):
        last -= 1
    if first >= last:
        return out
    name = " ".join(words[first:last])
    if name in NOT_NAMES or name.upper() == name and all(is_common(w, common_words()) for w in words[first:last] if w.isalpha()) and len(words[first:last]) > 1:
        return out
    if name in HOLIDAYS:
        return [*out, (first, last, "DATE")]
    if all(w in demonyms() for w in words[first:last]):
        return out  # a nationality ("Russian"), not a place
    if first == first_word and last - first == 1 and words[first].lower() in FUNCTION_WORDS:
        return out  # "Also", "Among"
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words[first:last]):
        return out
    if label == "ORG" and last - first >= 4:
        found = _person_of_body(words, first, last)
        if found:  # "Ana Kovac of Tolland Fire and Rescue Service": a person, then the body she speaks for
            person, at = found
            body = at + 1 + (words[at + 1].lower() == "the")
            return [*out, (person, at, "PERSON"), (body, last, "ORGANIZATION")]
    if last < len(words) and words[last] in FIRM_AND_PAPER_ENDS:
        last, label = last + 1, "ORG"  # "the Marsh Valley Courier", "Rydal Plastics": the model left the last word out
    if _ORG_ENDS and label in ("LOC", "PER") and last - first > 1 and words[last - 1] in ORG_NAME_ENDS and words[last - 1] not in LOC_CUES:
        label = "ORG"  # "Harbour Town Swim Club", "Hale Brothers Ltd.": a body named after its town or founder
    if _WORLD_TEAMS and label == "LOC" and _place_and_plural(words[first:last]):
        label = "ORG"  # "Pittsburgh Pirates", "Boston Red Sox": a team named after its town
    if label == "PER" and _WORLD_PER_KINDS and world_places().get(name) in _WORLD_PER_KINDS and words[first] not in first_names() and not (first and (words[first - 1] in HONORIFICS or words[first - 1] in PERSON_TITLES)) and not (last < len(words) and _reports(words[last])):
        label = "LOC"  # a world place the model took for a person ("Isfahan"), not "Clinton said"
    elif label == "LOC" and last - first == 1 and world_places().get(name) in _TOWN_KINDS and last < len(words) and _reports(words[last]) and not (first and words[first - 1].lower() in _PLACE_PREPOSITIONS):
        label = "PER"  # "Bolton said": a surname that is also a town's name; not "Moscow said"
    # the project's own lists win: "Kommersant" is a newspaper, "CIS" a region
    out.append((first, last, "ORGANIZATION" if name in KNOWN_ORGS else "LOCATION" if name in EXTRA_PLACES else _LABELS[label]))
    return out


def _person_of_body(words: list[str], first: int, last: int) -> tuple[int, int] | None:
    """Where the person starts and the index of "of", in a span the model read as one
    organisation that is a person's name and the body they work for ("Ana Kovac of Tolland Fire
    and Rescue Service", "Crew Manager Ana Kovac of ..."): up to two job words (see
    :func:`_title_words`), a known first name, one or two more capitalised words that end no
    organisation's name, then "of" and a capitalised name; else None."""
    jobs = _title_words(words[first:last]) if words[first] not in first_names() else 0
    if jobs > 2 or words[first + jobs] not in first_names():
        return None
    first += jobs
    for at in (first + 2, first + 3):
        if at + 1 < last and words[at] == "of" and all(w[:1].isupper() and w not in ORG_NAME_ENDS for w in words[first + 1 : at]) and not any(
            " ".join(words[first:k]) in world_places() for k in range(first + 1, at + 1)
        ):  # not "Nova Scotia House of Assembly"
            rest = words[at + 2] if words[at + 1].lower() == "the" and at + 2 < last else words[at + 1]
            return (first, at) if rest[:1].isupper() else None
    return None


def _place_and_plural(parts: list[str]) -> bool:
    """A place's name followed by one or two capitalised words, the last a plural that is no
    place cue word ("Pittsburgh Pirates", "Boston Red Sox", not "Falkland Islands")."""
    if len(parts) < 2 or not parts[-1].endswith("s") or parts[-1] in LOC_CUES or parts[-1] in demonyms() or " ".join(parts) in world_places():
        return False
    for k in range(len(parts) - 1, max(0, len(parts) - 3) - 1, -1):
        if k and " ".join(parts[:k]) in world_places():
            return all(w[:1].isupper() for w in parts[k:])
    return False


def _first_word_of(words: list[str]) -> int:
    for i, w in enumerate(words):
        if w[:1].isalnum():
            return i
    return len(words)


def _dates(words: list[str]) -> list[tuple[int, int, str]]:
    """Weekdays, and months with the day after them ("April 7"); "May" only before a number."""
    out = []
    for i, w in enumerate(words):
        if w in WEEKDAYS or (w in MONTHS and ((w in _FULL_MONTHS and w != "May") or (i + 1 < len(words) and words[i + 1][:1].isdigit()))):
            end = i + 1 + (w in MONTHS and i + 1 < len(words) and words[i + 1][:1].isdigit())
            out.append((i, end, "DATE"))
        elif w in HOLIDAYS:
            out.append((i, i + 1, "DATE"))
        elif w in _HOLIDAY_FIRST_WORDS and i + 1 < len(words) and f"{w} {words[i + 1]}" in HOLIDAYS:
            out.append((i, i + 2, "DATE"))
    return out


def _inside_date(span: tuple[int, int, str], dates: list[tuple[int, int, str]]) -> bool:
    return any(a <= span[0] < b for a, b, _ in dates)


def _list_names(words: list[str], taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``taken`` (the model's names) with the names the word lists vouch for where the model
    found nothing: a capitalised run ending in an organisation cue word ("Justice
    Department"; it joins a name right before it: "Zoom" + "Video Communications"), a
    well-known organisation, a place in the gazetteers, an acronym ("DOJ", "F.B.I.")."""
    out = _listed_phrases(words, list(taken))
    busy = {i for a, b, _ in out for i in range(a, b)}
    if sum(w.isupper() for w in words) > len(words) / 2:
        return out  # a headline in capitals
    i, n, first_word = 0, len(words), _first_word_of(words)
    while i < n:
        if not words[i][:1].isupper() or i in busy:
            i += 1
            continue
        j = i + 1
        while j < n and j not in busy and (words[j][:1].isupper() or (words[j] in ("of", "for", "&") and j + 1 < n and words[j + 1][:1].isupper())):
            j += 1
        first = i + (words[i] in LEADING_DROP or ((i == first_word or words[i - 1] in _OPENERS) and words[i].lower() in FUNCTION_WORDS))
        run = words[first:j]
        name = " ".join(run)
        if not run or name in NOT_NAMES or name in HOLIDAYS or run[0] in MONTHS or run[0] in WEEKDAYS:
            pass
        elif (run[-1] in ORG_CUES and (len(run) > 1 or _name_before(out, words, first))) or name in KNOWN_ORGS:
            before = _name_before(out, words, first) if first == i and run[-1] in ORG_CUES else None
            if before:  # "Zoom" + "Video Communications", "Eastfield Residents" + "’ Association"
                out.remove(before)
                first = before[0]
            out.append((first, j, "ORGANIZATION"))
        elif name in places() and name not in demonyms() and not (first == first_word and name.lower() in _STOP):
            out.append((first, j, "LOCATION"))
        elif _WORLD_RULE_KINDS and world_places().get(name) in _WORLD_RULE_KINDS and run[0] not in first_names() and not (first == first_word and is_common(run[0], common_words())):
            out.append((first, j, "LOCATION"))  # a world place ("Isfahan")
        elif _speaks(words, j) and (len(run) > 1 or (run[0].isalpha() and not is_common(run[0], common_words()))) and not all(w in PERSON_TITLES for w in run):
            # a name the model left out before "said" or an apposition ("Kapital, a business
            # daily, reported"): typed as the rule-based recogniser types it
            out.append((first, j, ner_rules.classify(run) or "ORGANIZATION"))
        elif len(run) == 1 and run[0].isalpha() and run[0] not in PERSON_TITLES and not is_common(run[0], common_words()) and _acts_alone(words, run, first, j):
            out.append((first, j, "PERSON"))
        else:  # "F.B.I. Director": an acronym in a run
            out.extend((k, k + 1, "ORGANIZATION") for k in range(first, j) if (_ACRONYM.match(words[k]) and sum(c.isalpha() for c in words[k]) <= 5 or _JOINED_ACRONYMS.match(words[k])) and words[k] not in NOT_NAMES and words[k] not in NAME_SUFFIXES)
        i = j
    return out


#: The kinds of world places (``world_places.csv``, ``world_regions.csv``) that the rules add as places where the
#: model found no name (see the data card).
_WORLD_RULE_KINDS = frozenset(["continent", "country", "us_state", "us_county", "city_1m", "city_100k", "city", "region", "water", "land"])
#: The kinds of world places that are places where the model says person (see the data card).
_WORLD_PER_KINDS = _WORLD_RULE_KINDS
#: The kinds of world places whose one-word name before a reporting verb is a person's
#: surname ("Bolton said"); capitals, countries and states speaking stand for governments.
_TOWN_KINDS = frozenset(["city", "city_100k", "us_county"])
_PLACE_PREPOSITIONS = frozenset(["in", "at", "from", "to", "near", "of"])
#: Whether a "place" or "person" ending in an organisation cue word is an organisation (see the data card).
_ORG_ENDS = True
#: Lower-case words that stay inside a name ("de Gaulle"): the particles of ``speaker_titles.toml``.
_NAME_PARTICLES = frozenset(table("speaker_titles.toml")["particles"])


def _cannot_open_name(word: str) -> bool:
    """A word that cannot open a name: all lower case ("eBay" may) or a connector, unless it is a
    particle of a name ("de", "van", "al-")."""
    return (word.islower() or word in CONNECTORS) and word not in _NAME_PARTICLES and not word.startswith(("al-", "el-"))


#: Whether a place's name followed by a plural is a team (see the data card).
_WORLD_TEAMS = True
_FULL_MONTHS = frozenset(m.capitalize() for m in words("months.txt"))
#: The first words of the named days of more than one word ("Election" of "Election Day").
_HOLIDAY_FIRST_WORDS = frozenset(h.partition(" ")[0] for h in HOLIDAYS if " " in h)
_SPEECH = frozenset(["said", "says", "told", "added", "expressed", "urged", "warned", "wrote", "noted", "argued", "stressed", "explained", "insisted", "replied", "asked"])


def _name_before(spans: list[tuple[int, int, str]], words: list[str], first: int) -> tuple[int, int, str] | None:
    """The name that ends right before ``words[first]`` (or before a possessive apostrophe there)."""
    ends = {first, first - 1} if first and words[first - 1] in ("'", "’") and words[first - 2].endswith("s") else {first}
    return next((span for span in spans if span[1] in ends and span[2] != "DATE"), None)


#: The listed forms of the reporting verbs (``reporting_verb_forms.csv``).
_REPORTING_FORMS = frozenset(row["form"] for row in csv_rows("reporting_verb_forms.csv"))


def _reports(word: str) -> bool:
    """``word`` is a form of a common reporting verb ("said", "told", "says")."""
    return word in _SPEECH or word in _REPORTING_FORMS


def _acts_alone(words: list[str], run: list[str], first: int, j: int) -> bool:
    """A sentence that opens with a single word that is no dictionary word, followed by a
    verb ("Byrne agreed", "Ortiz shut the bridge"): a surname the model missed at the start
    of a sentence. The verb is told by the part-of-speech tagger (run only in this case)."""
    if len(run) != 1 or first != _first_word_of(words) or j >= len(words) or not words[j].islower():
        return False
    from .ner_model import dictionary_tags
    from .tagging import tag_words

    tag = dictionary_tags([words[j]])[0]  # the tagger's dictionary settles frequent words
    return (tag if tag != "?" else tag_words(words)[j]).startswith(("VBD", "VBZ", "MD"))


def _speaks(words: list[str], j: int) -> bool:
    """``words[j:]`` starts with a reporting verb, or with an apposition (", a ...") that a
    reporting verb follows ("Kapital, a business daily, reported"; not "Goa, the capital").
    Without that verb the apposition rule lost 0.3 points of F1 on the held-out part of the
    NER train split (see ``docs/ner_model.md``)."""
    if j < len(words) and _reports(words[j]):
        return True
    return j + 2 < len(words) and words[j] == "," and words[j + 1] in ("a", "an", "the") and any(_reports(w) or w in _REPORTED for w in words[j + 3 :])


#: Regular forms of reporting verbs that may follow an apposition (the irregular ones are in
#: ``reporting_verb_forms.csv``).
_REPORTED = frozenset(["reported", "reports", "announced", "announces", "stated", "states", "claimed", "claims", "confirmed", "confirms", "quoted", "cited", "according"])


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word names of the project's lists, by first word: (words, label), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for names, label in ((EXTRA_PLACES, "LOCATION"), (KNOWN_ORGS, "ORGANIZATION")):
        for name in sorted(names):
            parts = tuple(name.split())
            if len(parts) > 1:
                index.setdefault(parts[0], []).append((parts, label))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_PHRASES = _phrase_index()


def _listed_phrases(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The multi-word names of the project's lists ("Commonwealth of Independent States")
    replace the model's names they overlap."""
    for i, w in enumerate(words):
        for parts, label in _PHRASES.get(w, ()):
            if tuple(words[i : i + len(parts)]) == parts:
                j = i + len(parts)
                spans = [s for s in spans if s[1] <= i or s[0] >= j] + [(i, j, label)]
                break
    return spans


_STOP = FUNCTION_WORDS | {"may", "will", "can", "page", "home", "deal", "bath", "reading", "nice", "mobile", "split", "hope"}
_OPENERS = frozenset([".", "!", "?", ":", '"', "“", "‘", "``", "(", "--", "—"])


def _surnames_are_people(entities: pd.DataFrame | dict[str, list], places: bool = False) -> list[str]:
    """A one-word mention that is the last word of a person named in the text is that person
    (with ``places``, not when that person's name is a place's, :func:`_place_surname`)."""
    surnames = {t.split()[-1] for t, lab in zip(entities["text"], entities["label"]) if lab == "PERSON" and " " in t and not (places and _place_surname(t.split()))}
    return ["PERSON" if (" " not in t and t in surnames) else lab for t, lab in zip(entities["text"], entities["label"])]


def _place_surname(parts: list[str]) -> bool:
    """A person's name that ends in a GeoNames place and starts with no first name ("Old
    Oakland"): its last word alone is no evidence of a person."""
    return bool(_WORLD_PER_KINDS) and world_places().get(parts[-1]) in _WORLD_PER_KINDS and parts[0] not in first_names()


def link_short_forms(entities: pd.DataFrame | dict[str, list]) -> list[str]:
    """For each mention, the longest mention of the same label that it abbreviates.

    ``entities`` has columns (or keys) ``text`` and ``label``.

    A short form abbreviates a longer name when its words are the longer name's first words
    ("Zoom" / "Zoom Video Communications") or, for people, its last word ("Peskov").
    """
    # longest first; names of equal length in order of first mention (a fixed order, so
    # the result never depends on how Python happens to order a set)
    names = sorted(dict.fromkeys(zip(entities["text"], entities["label"])), key=lambda x: -len(x[0]))
    out = []
    for mention, label in zip(entities["text"], entities["label"]):
        words = mention.split()
        best = mention
        for name, name_label in names:
            if len(name) <= len(best) or name_label != label:
                continue
            other = name.split()
            if other[: len(words)] == words or (label == "PERSON" and other[-len(words) :] == words):
                best = name
        out.append(best)
    return out


#: alias (lower case, full stops dropped) -> the name it stands for (``entity_aliases.csv``).
ALIASES: dict[str, str] = {row["alias"].replace(".", ""): row["name"] for row in csv_rows("entity_aliases.csv")}


def entity_key(name: str) -> str:
    """What two forms of one name share: lower case, no full stops, "the" and aliases resolved
    ("F.B.I." and "FBI" -> "fbi"; "U.S." -> "united states"; an acronym of a longer name is
    resolved by :func:`canonical_names`)."""
    key = " ".join(name.lower().replace(".", "").split())
    key = key[4:] if key.startswith("the ") else key
    key = ALIASES.get(key, key)
    return ALIASES.get(key, key)


def _acronym(name: str) -> str:
    """The initials of a name of two or more capitalised words ("Federal Bureau of Investigation" -> "fbi")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def canonical_names(entities: pd.DataFrame | dict[str, list]) -> list[str]:
    """:func:`link_short_forms`, then one name for the forms of one entity: dotted and plain
    acronyms ("F.B.I." / "FBI"), aliases ("DOJ" / "Justice Department"), an acronym and the
    name it abbreviates. The canonical name is the longest form in the text."""
    linked = link_short_forms(entities)
    groups: dict[str, str] = {}
    for name, label in zip(linked, entities["label"]):
        if label == "DATE":
            continue
        key = entity_key(name)
        if len(name) > len(groups.get(key, "")):
            groups[key] = name
    for name in list(groups.values()):  # "FBI" joins "Federal Bureau of Investigation"
        acronym = _acronym(name)
        if acronym and acronym in groups and len(name) > len(groups[acronym]):
            groups[acronym] = name
    return [name if label == "DATE" else groups.get(entity_key(name), name) for name, label in zip(linked, entities["label"])]
