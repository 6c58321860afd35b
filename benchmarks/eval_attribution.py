"""Measure ``analysis.sources.extract_quotes`` on real news with hand-annotated attributions.

Run on demand, not in CI::

    python benchmarks/eval_attribution.py [--split dev|train] [--limit N] [--show-misses N] [--json]

The data is the development split of PolNeAR (Newell, Margolin & Ruths 2018), read from
``$ATTRIBUTION_DEVDATA`` or ``../shared/devdata/attribution/polnear_dev.jsonl`` next to
the repository; ``--split train`` reads its training split (``polnear_train.jsonl``, the
one to look at misses on) and scores the speaker types on the training table
``benchmarks/gold_speaker_types_train.csv``. When the file is missing the script says so and exits 0. The texts stay
where they are: this script prints to stdout only and writes no file.

Method (see ``benchmarks/README.md``):

* ``extract_quotes`` runs on each article's raw ``text``; its ``start, end`` offsets
  are compared with the gold content spans.
* Predictions and gold attributions are matched one-to-one by content-span overlap:
  overlapping characters divided by the length of the longer span, at least 0.3 (the
  Gender Gap Tracker's criterion), pairs taken greedily from the best overlap down. A
  discontinuous gold span counts only its own fragments, not the words between them.
* Precision, recall and F1 are reported over all attributions and over the gold
  attributions whose cue is a reporting expression (:func:`is_reporting_cue`).
  Predictions are never filtered: for the reporting-cue figures a prediction matched to
  a non-reporting gold attribution counts neither for nor against, and every unmatched
  prediction is a false positive.
* Speaker accuracy, over matched pairs whose gold attribution has a speaker span:
  *strict* when the predicted mention span (``speaker_start, speaker_end``) overlaps the
  gold speaker span; *lenient* when it does, or when the predicted canonical ``speaker``
  contains the head word (last capitalised word) of the gold speaker text.
  *Speaker right* (the strict test the documentation quotes): the predicted canonical
  ``speaker`` carries every word of the gold speaker's name (:func:`gold_name`: the
  capitalised run ending at the head word, titles and initials left out, so "FBI Director
  James B. Comey" needs "James" and "Comey"); when the gold speaker has no name (a pronoun,
  "a source") the mention spans must overlap. A second figure also counts a gold speaker
  that is a relative pronoun ("Christie, who said ...", where PolNeAR marks "who") as found
  when the predicted mention is its antecedent (ends right before it); the first figure
  stays the one compared with earlier runs.
* Speaker types: the hand-checked table ``benchmarks/gold_speaker_types.csv`` (article id,
  speaker name, type; coding rules at its top) is scored too, see :func:`score_types`: a
  gold source is *found* when a predicted canonical speaker of that article carries all
  the words of its name (or the gold name carries all of the prediction's, sharing the
  surname); *type right* when that speaker's ``speaker_type`` equals the gold type.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speaker_type_gold import find_speaker, load_gold_types, score_types  # noqa: E402,F401

ROOT = Path(__file__).resolve().parents[1]
GOLD_TYPES = ROOT / "benchmarks" / "gold_speaker_types.csv"
#: The hand-typed speakers of each split.
GOLD_TYPES_BY_SPLIT = {"dev": GOLD_TYPES, "train": ROOT / "benchmarks" / "gold_speaker_types_train.csv"}
DATA_DIR = ROOT.parent / "shared" / "devdata" / "attribution"
DEFAULT_DEVDATA = DATA_DIR / "polnear_dev.jsonl"
ENV_VAR = "ATTRIBUTION_DEVDATA"
MIN_OVERLAP = 0.3
REQUIRED_COLUMNS = ("speaker", "kind", "start", "end", "speaker_start", "speaker_end")
#: Gold ``kind`` values mapped onto the extractor's vocabulary.
GOLD_KIND = {"direct": "direct", "mixed": "partial", "indirect": "indirect"}

#: Reporting expressions: verbs (and a few nouns) of saying, with the forms met in news.
#: A gold cue is a reporting cue when one of its words is listed here or it contains a
#: colon or a dash (``Pence: ...``, ``"..." ― Name``). The verbs are those the issue names
#: plus the common newswire verbs of saying. Verbs of belief, intention,
#: perception and evidence ("believes", "wants", "plans", "polls show", "found") and
#: evaluative acts whose object is a target rather than a proposition ("attacked",
#: "criticized", "praised") are left out on purpose: PolNeAR annotates them, and they
#: are reported under "other cues".
REPORTING_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "according": ("according",),
    "report": ("report", "reports", "reported", "reporting"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "add": ("add", "adds", "added", "adding"),
    "note": ("note", "notes", "noted", "noting"),
    "state": ("state", "states", "stated", "stating", "statement", "statements"),
    "announce": ("announce", "announces", "announced", "announcing", "announcement"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "ask": ("ask", "asks", "asked", "asking"),
    "quote": ("quote", "quotes", "quoted", "quoting"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "deny": ("deny", "denies", "denied", "denying"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "describe": ("describe", "describes", "described", "describing"),
    "call": ("call", "calls", "called", "calling"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "respond": ("respond", "responds", "responded", "responding"),
    "reply": ("reply", "replies", "replied", "replying"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "mention": ("mention", "mentions", "mentioned", "mentioning"),
    "comment": ("comment", "comments", "commented", "commenting"),
    "cite": ("cite", "cites", "cited", "citing"),
    "promise": ("promise", "promises", "promised", "promising"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "urge": ("urge", "urges", "urged", "urging"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "emphasize": (
        "emphasize", "emphasizes", "emphasized", "emphasizing",
        "emphasise", "emphasises", "emphasised", "emphasising",
    ),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "contend": ("contend", "contends", "contended", "contending"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "repeat": ("repeat", "repeats", "repeated", "repeating"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "post": ("post", "posts", "posted", "posting"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "point": ("point", "points", "pointed", "pointing"),  # "pointed out"
    "disclose": ("disclose", "discloses", "disclosed", "disclosing"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "echo": ("echo", "echoes", "echoed", "echoing"),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "propose": ("propose", "proposes", "proposed", "proposing"),
    "question": ("question", "questions", "questioned", "questioning"),
    "indicate": ("indicate", "indicates", "indicated", "indicating"),
    "interview": ("interview", "interviews"),
    "remark": ("remark", "remarks", "remarked"),
}
REPORTING_WORDS = frozenset(form for forms in REPORTING_FORMS.values() for form in forms)
PUNCTUATION_CUES = frozenset(":―—–")  # colon and dashes; "--" is checked as a pair
#: Capitalised words that are not the head of a name (pronouns, determiners).
NOT_HEAD_WORDS = frozenset(
    "the a an he she it they we i you his her its their our my this that these those "
    "mr mrs ms dr".split()
)


def is_reporting_cue(cue: str) -> bool:
    """True when ``cue`` holds a reporting word from :data:`REPORTING_FORMS`, a colon or a dash.

    >>> is_reporting_cue("According to"), is_reporting_cue("said:"), is_reporting_cue("wants")
    (True, True, False)
    """
    if "--" in cue or any(ch in PUNCTUATION_CUES for ch in cue):
        return True
    return any(word in REPORTING_WORDS for word in re.findall(r"[a-z]+", cue.lower()))


#: Words skipped when a cue without a reporting word is grouped by its first word.
CUE_FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with by from about as over against is was are were be been being "
    "am has have had having will would can could may might must should shall do does did not also "
    "s t n it he she they we i you who that which this".split()
)
FORM_LEMMA = {form: lemma for lemma, forms in REPORTING_FORMS.items() for form in forms}


def cue_lemma(cue: str) -> str:
    """The lemma of a gold cue's first reporting word, else its first word that is not an
    auxiliary, article or preposition, lower-cased.

    >>> cue_lemma("told reporters"), cue_lemma("According to"), cue_lemma("has endorsed"), cue_lemma("")
    ('tell', 'according', 'endorsed', '(none)')
    """
    words = re.findall(r"[a-z]+", cue.lower())
    for word in words:
        if word in FORM_LEMMA:
            return FORM_LEMMA[word]
    content = [w for w in words if w not in CUE_FUNCTION_WORDS]
    if content or words:
        return (content or words)[0]
    return cue.strip() or "(none)"


def misses_by_cue(misses: list[Miss], top: int) -> str:
    """Counts of missed gold attributions grouped by the lemma of their cue, most frequent first
    (counts only, no text)."""
    counts: dict[tuple[str, bool], int] = {}
    for m in misses:
        key = (cue_lemma(m.cue), m.reporting)
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    lines = [f"missed gold attributions by cue lemma ({len(misses)} misses; top {len(ranked)}):"]
    lines += [f"  {n:6d}  {lemma}{'' if rep else '  [other cue]'}" for (lemma, rep), n in ranked]
    return "\n".join(lines)


def head_word(speaker: str) -> str | None:
    """The last capitalised word of a speaker mention, possessive removed, or None.

    >>> head_word("Hillary Clinton’s campaign"), head_word("Sen. Ana Ruiz (D-NM)"), head_word("he")
    ('Clinton', 'Ruiz', None)
    """
    speaker = re.sub(r"\([^)]*\)", " ", speaker)  # "Sen. Tim Kaine (D-VA)"
    words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w’'.-]+", speaker)]
    caps = [w.strip(".-’'") for w in words if w[:1].isupper() and w.lower() not in NOT_HEAD_WORDS]
    caps = [w for w in caps if w]
    return caps[-1] if caps else None


# --------------------------------------------------------------------------- data


@dataclass
class Gold:
    spans: list[tuple[int, int]]  # the content fragments, merged and sorted
    kind: str  # direct / partial / indirect
    cue: str
    reporting: bool
    speaker_span: tuple[int, int] | None
    speaker_text: str | None

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.spans)

    @property
    def hull(self) -> tuple[int, int]:
        return self.spans[0][0], self.spans[-1][1]


@dataclass
class Prediction:
    start: int
    end: int
    kind: str
    speaker: str
    speaker_span: tuple[int, int] | None

    @property
    def valid(self) -> bool:
        return 0 <= self.start < self.end


@dataclass
class Article:
    doc_id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        elif e > s:
            merged.append((s, e))
    return merged


def load_articles(path: Path, limit: int | None = None) -> list[Article]:
    """Read the JSON-lines devdata file (see ``../shared/devdata/README.md``)."""
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and len(articles) >= limit:
                break
            doc = json.loads(line)
            article = Article(doc["doc_id"], doc["text"])
            for q in doc["quotes"]:
                spans = q.get("quote_spans") or [[q["quote_start"], q["quote_end"]]]
                spans = _merge([(int(s), int(e)) for s, e in spans])
                if not spans:
                    continue
                has_speaker = None not in (q.get("speaker_start"), q.get("speaker_end"))
                article.gold.append(
                    Gold(
                        spans=spans,
                        kind=GOLD_KIND.get(q.get("kind", ""), q.get("kind", "")),
                        cue=q.get("cue") or "",
                        reporting=is_reporting_cue(q.get("cue") or ""),
                        speaker_span=(
                            (q["speaker_start"], q["speaker_end"]) if has_speaker else None
                        ),
                        speaker_text=q.get("speaker") if has_speaker else None,
                    )
                )
            articles.append(article)
    return articles


def _as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return -1


def predictions_from_frame(df) -> list[Prediction]:
    """Turn the extractor's DataFrame into :class:`Prediction` objects."""
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise SystemExit(f"error: extract_quotes returned no column(s) {', '.join(missing)}")
    out = []
    for row in df.to_dict("records"):
        ss, se = _as_int(row["speaker_start"]), _as_int(row["speaker_end"])
        out.append(
            Prediction(
                start=_as_int(row["start"]),
                end=_as_int(row["end"]),
                kind=str(row["kind"]),
                speaker="" if row["speaker"] is None else str(row["speaker"]),
                speaker_span=(ss, se) if 0 <= ss < se else None,
            )
        )
    return out


# --------------------------------------------------------------------------- matching


def overlap_ratio(pred: Prediction, gold: Gold) -> float:
    """Characters shared by the prediction and the gold fragments over the longer span."""
    if not pred.valid:
        return 0.0
    shared = sum(max(0, min(pred.end, e) - max(pred.start, s)) for s, e in gold.spans)
    longer = max(pred.end - pred.start, gold.length)
    return shared / longer if longer else 0.0


def match(preds: list[Prediction], golds: list[Gold]) -> tuple[list[tuple[int, int]], list[float]]:
    """One-to-one greedy matching by best overlap (at least :data:`MIN_OVERLAP`).

    Returns the matched ``(prediction index, gold index)`` pairs and, for each gold
    attribution, the best overlap any prediction reached (to rank misses).
    """
    candidates = []
    best = [0.0] * len(golds)
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            r = overlap_ratio(p, g)
            best[j] = max(best[j], r)
            if r >= MIN_OVERLAP:
                candidates.append((-r, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs, best


#: Words that stand before a name in a gold speaker mention and are not part of the name:
#: titles, honorifics, party labels and roles ("FBI Director James Comey" -> "James Comey").
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr rev sen senator rep representative gov governor lt gen president "
    "vice director secretary attorney general chairman chairwoman chair spokesman spokeswoman "
    "judge justice mayor minister speaker leader candidate nominee democrat democratic "
    "republican gop former u.s. us sir press house white campaign manager adviser professor "
    "prof officer agent commissioner chief executive ceo ambassador reporter correspondent "
    "anchor host columnist editor billionaire businessman archbishop bishop rabbi pastor "
    "chancellor congressman congresswoman assemblyman assemblywoman councilman councilwoman "
    "moderator journalist admiral rear sgt sergeant capt captain col colonel lieutenant sheriff".split()
)


def gold_name(speaker: str) -> list[str]:
    """The name words of a gold speaker mention (lower case), or [] when it holds no name.

    The run of capitalised words (and initials) that ends at :func:`head_word`, without the
    titles before it; single initials are left out (they may be written or not).

    >>> gold_name("FBI Director James B. Comey"), gold_name("Stacy Baker of Columbia"), gold_name("the Florida senator")
    (['james', 'comey'], ['stacy', 'baker'], [])
    >>> gold_name("Secretary of State John Kerry"), gold_name("Rear Admiral Ann Lee"), gold_name("German Chancellor Angela Merkel")
    (['john', 'kerry'], ['ann', 'lee'], ['angela', 'merkel'])
    >>> gold_name("A court document filed Thursday"), gold_name("Ann Lee on Friday")
    ([], ['ann', 'lee'])
    >>> gold_name("Ann Lee of the Urban Institute"), gold_name("Ann Lee — a nurse from Big Rock —"), gold_name("Comedian Ann Lee")
    (['ann', 'lee'], ['ann', 'lee'], ['ann', 'lee'])
    >>> gold_name("Oak County Supervisor of Elections Ann Lee"), gold_name("Okafor of the Nurses Union")
    (['ann', 'lee'], ['okafor'])
    """
    speaker = re.sub(r"\([^)]*\)", " ", speaker)
    # the name stands before an apposition or a relative clause: "Jeff Weaver, Sanders' campaign manager"
    first = re.split(r",|\s(?:who|which|whose)\s", speaker)[0]
    if re.search(r"[A-Z]", first):
        speaker = first
    # ... or before a dash: "Ann Lee — a nurse from Big Rock —"
    first = re.split(r"\s?(?:—|--)\s?", speaker)[0].strip()
    if first[-1:].isalpha() and first.split()[-1][:1].isupper():
        speaker = first
    speaker = re.split(r"[’']s\s+(?=[A-Z])", speaker)[-1]  # "the Washington Post’s Ishaan Tharoor"
    speaker = re.sub(r"^.*\bSecretary\s+of\s+State\s+(?=[A-Z])", "", speaker)  # the office, not the name
    speaker = re.sub(r"\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*$", "", speaker)  # "a document filed Thursday"
    # "Ann Lee of the Urban Institute": the affiliation is not the name (but "Supervisor of
    # Elections Ann Lee" is an office before it)
    speaker = speaker.strip()
    affiliation = _AFFILIATION.search(speaker)
    if affiliation and affiliation.group(1)[:1].isupper() and _ends_in_person(affiliation.group(0)):
        pass  # "Supervisor of Elections Ann Lee": an office before the name
    elif affiliation and _names_someone(affiliation.group(1), affiliation.start(1) == 0):
        speaker = speaker[: affiliation.end(1)]
    else:  # "the senator from Vermont" is a description
        speaker = re.sub(r"\s+(?:of|from|in)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*$", "", speaker.strip())
    last = re.findall(r"[\w’'.-]+", speaker)[-1:] or [""]
    if last[0][:1].islower():
        return []  # a description: "the Florida senator", "a woman in Worcester"
    head = head_word(speaker)
    if not head:
        return []
    words = [re.sub(r"[’']s$", "", w).strip(".-’',") for w in re.findall(r"[\w’'.-]+", speaker)]
    words = [w for w in words if w]
    idx = max(i for i, w in enumerate(words) if w == head)
    run = [words[idx]]
    for w in reversed(words[:idx]):
        if not w[:1].isupper() or w.lower() in TITLE_WORDS or w.lower() in NOT_HEAD_WORDS:
            break
        run.insert(0, w)
    # a title or description written in capitals before the name ("Comedian Ann Lee",
    # "Maricopa County Recorder Ann Lee"): the name starts at its first name
    names = _first_names()
    start = next((i for i, w in enumerate(run[:-1]) if w in names), 0)
    if start and run[start - 1] not in names and run[-1].lower() not in TITLE_WORDS and run[-1] not in _org_cues():
        run = run[start:]
    return [w.lower() for w in run if len(w) > 1]


#: " of the Urban Institute" at the end of a speaker mention (group 1: the word before it).
_AFFILIATION = re.compile(r"([\w.’'-]+)\s+(?:of|from|in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)?[A-Z][\w.’'-]*)*\s*$")


def _ends_in_person(words: str) -> bool:
    """``words`` end with a first name and a surname ("... Elections Ann Lee")."""
    last = words.split()[-2:]
    return len(last) == 2 and last[0] in _first_names() and last[1][:1].isupper() and last[1] not in _org_cues()


def _names_someone(word: str, opens: bool) -> bool:
    """``word``, before "of the ...", ends a name: capitalised, no organisation word, and
    no common word opening the mention ("Leaders of the ...")."""
    from analysis.nlp.ner_lists import common_words, is_common

    return word[:1].isupper() and word not in _org_cues() and not (opens and is_common(word, common_words()))


@lru_cache(maxsize=1)
def _org_cues() -> frozenset[str]:
    """Organisation and place cue words ("Institute", "County"): no surname."""
    from analysis.nlp.ner_lists import LOC_CUES, ORG_CUES

    return frozenset(ORG_CUES) | frozenset(LOC_CUES)



def _first_names() -> frozenset[str]:
    from analysis.nlp.ner_lists import first_names

    return first_names()


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def name_correct(pred: Prediction, gold: Gold, text: str | None = None) -> bool:
    """The strict test: the canonical speaker carries every word of the gold speaker's name.

    For a gold speaker without a name (a pronoun, "a source", "officials") the predicted
    mention span must overlap the gold one instead. With ``text``, a gold speaker that is a
    relative pronoun ("X, who said ...") also counts as found when the predicted mention is
    its antecedent: it ends right before the pronoun, with at most a comma between.
    """
    name = gold_name(gold.speaker_text or "")
    if not name:
        if pred.speaker_span is None or gold.speaker_span is None:
            return False
        (ps, pe), (gs, ge) = pred.speaker_span, gold.speaker_span
        if text is not None and (gold.speaker_text or "").strip().lower() in RELATIVE_PRONOUNS and pe <= gs and not text[pe:gs].strip(" ,"):
            return True
        return min(pe, ge) > max(ps, gs)
    words = {w.lower().strip(".’'") for w in re.findall(r"[\w’'.-]+", pred.speaker)}
    words |= {re.sub(r"[’']s$", "", w) for w in words}
    return all(w in words for w in name)


def speaker_correct(pred: Prediction, gold: Gold) -> tuple[bool, bool]:
    """(strict, lenient) speaker agreement for a matched pair whose gold has a speaker."""
    strict = False
    if pred.speaker_span is not None and gold.speaker_span is not None:
        (ps, pe), (gs, ge) = pred.speaker_span, gold.speaker_span
        strict = min(pe, ge) > max(ps, gs)
    lenient = strict
    head = head_word(gold.speaker_text or "")
    if not lenient and head:
        words = {w.lower() for w in re.findall(r"\w+", pred.speaker)}
        lenient = head.lower() in words
    return strict, lenient


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Miss:
    doc_id: str
    offset: int
    kind: str
    cue: str
    reporting: bool
    best_overlap: float
    snippet: str
    length: int


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def evaluate(articles: list[Article], extract) -> tuple[dict, list[Miss]]:
    """Run ``extract`` on every article and score it; return the summary and the misses."""
    overall, reporting = Counts(), Counts()
    other_found = other_total = 0
    kind_found = {k: 0 for k in GOLD_KIND.values()}
    kind_total = {k: 0 for k in GOLD_KIND.values()}
    kind_agree = 0
    spk_n = spk_strict = spk_lenient = spk_name = spk_antecedent = 0
    named_n = named_right = 0
    n_pred = invalid = split_fragments = errors = 0
    misses: list[Miss] = []
    elapsed = 0.0

    for article in articles:
        t0 = time.perf_counter()
        try:
            preds = predictions_from_frame(extract(article.text))
        except SystemExit:
            raise
        except Exception as exc:  # one bad article must not stop the run
            errors += 1
            print(f"warning: extract_quotes failed on {article.doc_id}: "
                  f"{type(exc).__name__}: {exc}", file=sys.stderr)
            preds = []
        elapsed += time.perf_counter() - t0

        n_pred += len(preds)
        invalid += sum(not p.valid for p in preds)
        pairs, best = match(preds, article.gold)
        matched_p = {i for i, _ in pairs}
        matched_g = {j: i for i, j in pairs}

        unmatched_p = [p for i, p in enumerate(preds) if i not in matched_p]
        overall.tp += len(pairs)
        overall.fp += len(unmatched_p)
        reporting.fp += len(unmatched_p)
        hulls = [article.gold[j].hull for j in matched_g]
        split_fragments += sum(
            any(p.valid and s <= p.start and p.end <= e for s, e in hulls) for p in unmatched_p
        )

        for j, g in enumerate(article.gold):
            found = j in matched_g
            kind_total[g.kind] = kind_total.get(g.kind, 0) + 1
            if g.reporting:
                reporting.tp += found
                reporting.fn += not found
            else:
                other_total += 1
                other_found += found
            if not found:
                overall.fn += 1
                snippet = " … ".join(article.text[s:e] for s, e in g.spans)
                misses.append(Miss(article.doc_id, g.spans[0][0], g.kind, g.cue, g.reporting,
                                   best[j], " ".join(snippet.split())[:80], g.length))
                continue
            kind_found[g.kind] = kind_found.get(g.kind, 0) + 1
            pred = preds[matched_g[j]]
            kind_agree += pred.kind == g.kind
            if g.speaker_span is not None:
                strict, lenient = speaker_correct(pred, g)
                spk_n += 1
                spk_strict += strict
                spk_lenient += lenient
                right = name_correct(pred, g)
                spk_name += right
                spk_antecedent += name_correct(pred, g, article.text)
                if gold_name(g.speaker_text or ""):
                    named_n += 1
                    named_right += right

    n_gold = sum(len(a.gold) for a in articles)
    summary = {
        "articles": len(articles),
        "gold": n_gold,
        "gold_reporting_cue": reporting.tp + reporting.fn,
        "predictions": n_pred,
        "predictions_invalid_span": invalid,
        "errors": errors,
        "overall": overall.scores(),
        "reporting_cue": reporting.scores(),
        "other_cue_recall": _ratio(other_found, other_total),
        "other_cue_gold": other_total,
        "recall_by_kind": {k: _ratio(kind_found.get(k, 0), kind_total.get(k, 0))
                           for k in GOLD_KIND.values()},
        "gold_by_kind": {k: kind_total.get(k, 0) for k in GOLD_KIND.values()},
        "kind_agreement": _ratio(kind_agree, overall.tp),
        "speaker_accuracy": {"strict": _ratio(spk_strict, spk_n),
                             "lenient": _ratio(spk_lenient, spk_n), "pairs": spk_n,
                             "name": _ratio(spk_name, spk_n),
                             "name_antecedent": _ratio(spk_antecedent, spk_n),
                             "name_named_gold": _ratio(named_right, named_n),
                             "named_gold_pairs": named_n},
        "unmatched_predictions_inside_matched_gold": split_fragments,
        "extract_seconds": round(elapsed, 3),
        "articles_per_second": round(len(articles) / elapsed, 2) if elapsed else 0.0,
    }
    misses.sort(key=lambda m: (not m.reporting, m.best_overlap, -m.length))
    return summary, misses


# --------------------------------------------------------------------------- output


def format_report(summary: dict, misses: list[Miss], show: int, path: Path, types_file: Path = GOLD_TYPES) -> str:
    o, r = summary["overall"], summary["reporting_cue"]
    k, n = summary["recall_by_kind"], summary["gold_by_kind"]
    s = summary["speaker_accuracy"]
    lines = [
        f"PolNeAR ({path}): {summary['articles']} articles, {summary['gold']} gold "
        f"attributions ({summary['gold_reporting_cue']} with a reporting cue), "
        f"{summary['predictions']} predictions",
        f"extract_quotes: {summary['extract_seconds']:.1f} s, "
        f"{summary['articles_per_second']:.2f} articles/s"
        + (f", {summary['errors']} article(s) failed" if summary["errors"] else ""),
        "",
        f"match: content overlap / longer span >= {MIN_OVERLAP}, one-to-one, greedy",
        f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}",
    ]
    for label, c in (("all attributions", o), ("reporting cue", r)):
        lines.append(f"{label:22}{c['precision']:7.3f}{c['recall']:7.3f}{c['f1']:7.3f}"
                     f"{c['tp']:7d}{c['fp']:7d}{c['fn']:7d}")
    lines += [
        f"other cues (recall only): {summary['other_cue_recall']:.3f} "
        f"of {summary['other_cue_gold']}",
        "recall by kind: " + ", ".join(f"{kind} {k[kind]:.3f} (n={n[kind]})" for kind in k),
        f"kind agreement on matched pairs: {summary['kind_agreement']:.3f}",
        f"speaker accuracy on {s['pairs']} matched pairs with a gold speaker: "
        f"mention span {s['strict']:.3f}, lenient (span or head word) {s['lenient']:.3f}",
        f"speaker right, strict (canonical speaker carries the gold name; mention span when the "
        f"gold speaker has no name): {s['name']:.3f}; on the {s['named_gold_pairs']} pairs whose "
        f"gold speaker has a name: {s['name_named_gold']:.3f}; the same with a relative pronoun "
        f"('X, who said') found when the mention is its antecedent: {s['name_antecedent']:.3f}",
        f"unmatched predictions inside a matched gold span (e.g. split quotes): "
        f"{summary['unmatched_predictions_inside_matched_gold']}",
    ]
    t = summary.get("types")
    if t:
        lines.append(
            f"speaker types ({types_file.name}): {t['found']} of {t['rows']} hand-typed sources "
            f"found; type right on {t['accuracy_found']:.3f} of those found "
            f"({t['accuracy_all']:.3f} of all rows); confusions (gold->predicted): "
            + (", ".join(f"{k} {v}" for k, v in list(t["confusions"].items())[:8]) or "none")
        )
    if summary["predictions_invalid_span"]:
        lines.append(f"predictions with an invalid span: {summary['predictions_invalid_span']}")
    if show and misses:
        lines += ["", f"{min(show, len(misses))} worst misses (reporting cues first, then the "
                      "lowest best overlap, then the longest):"]
        for m in misses[:show]:
            tag = "" if m.reporting else " [other cue]"
            lines.append(f"  {m.doc_id}@{m.offset} {m.kind:8} cue={m.cue!r} "
                         f"best={m.best_overlap:.2f}{tag}\n      {m.snippet}")
    return "\n".join(lines)


def devdata_path(cli_value: str | None, split: str | None = None) -> Path:
    """``--devdata``, else ``--split``'s file next to the repo, else ``$ATTRIBUTION_DEVDATA``,
    else the development split next to the repo."""
    if cli_value:
        return Path(cli_value)
    if split:
        return DATA_DIR / f"polnear_{split}.jsonl"
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DEVDATA)


def load_extractor():
    """Import ``analysis.sources.extract_quotes`` (lazily, so ``--help`` always works)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from analysis.sources import extract_quotes

    return extract_quotes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score analysis.sources.extract_quotes against the PolNeAR development "
        "split (content-span overlap >= 0.3 of the longer span, one-to-one).",
        epilog=f"Data: --devdata, else ${ENV_VAR}, else {DEFAULT_DEVDATA}. "
        "Exits 0 with a 'skipped' message when the file is missing.",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N articles")
    parser.add_argument("--show-misses", type=int, default=10, metavar="N",
                        help="print the N worst missed attributions (default 10; 0 for none)")
    parser.add_argument("--misses-by-cue", type=int, default=0, metavar="N",
                        help="print the N most frequent cue lemmas of the missed gold "
                        "attributions, with counts only (default 0: none)")
    parser.add_argument("--json", action="store_true",
                        help="print only a JSON summary of numbers (no text, no misses)")
    parser.add_argument("--no-types", action="store_true",
                        help=f"do not score speaker types on {GOLD_TYPES.name}")
    parser.add_argument("--split", choices=sorted(GOLD_TYPES_BY_SPLIT),
                        help="which PolNeAR split to read from next to the repository (default "
                        f"dev, or ${ENV_VAR}); train also scores the types on "
                        f"{GOLD_TYPES_BY_SPLIT['train'].name}")
    parser.add_argument("--devdata", metavar="PATH", help=f"data file (overrides --split and ${ENV_VAR})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.limit is not None and args.limit < 1:
        build_parser().error("--limit must be at least 1")
    path = devdata_path(args.devdata, args.split)
    types_file = GOLD_TYPES_BY_SPLIT[args.split or ("train" if "train" in path.name else "dev")]
    if not path.is_file():
        print(f"skipped: devdata not found at {path} (set {ENV_VAR} to its location)")
        return 0
    try:
        extract = load_extractor()
    except ImportError as exc:
        print(f"error: cannot import analysis.sources.extract_quotes: {exc}", file=sys.stderr)
        return 1
    articles = load_articles(path, args.limit)
    summary, misses = evaluate(articles, extract)
    if types_file.is_file() and not args.no_types:
        summary["types"] = score_types(articles, extract, load_gold_types(types_file))
    if args.json:
        print(json.dumps(summary, indent=2, sort_keys=True))
    else:
        print(format_report(summary, misses, max(0, args.show_misses), path, types_file))
        if args.misses_by_cue > 0:
            print()
            print(misses_by_cue(misses, args.misses_by_cue))
    return 0


if __name__ == "__main__":
    sys.exit(main())
