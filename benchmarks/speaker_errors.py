"""Where the speaker goes wrong: the matched pairs of ``eval_attribution.py`` whose speaker is
wrong (the strict "speaker right" test), grouped by category, counts first.

Run on demand, on the TRAINING split (the one to look at errors on)::

    python benchmarks/speaker_errors.py [--split train] [--limit N] [--show N] [--category NAME]

Prints to stdout only and writes no file (the texts stay where they are). Categories,
tried in this order for each wrong pair (``gold`` is the annotated speaker mention,
``mention`` the predicted one, ``speaker`` the predicted canonical source):

* ``relative pronoun``: the gold speaker is "who"/"which"/"that";
* ``no mention``: the prediction has no speaker mention (a statement that inherits one);
* ``gold unnamed, other mention``: the gold speaker has no name ("he", "a source") and the
  predicted mention is elsewhere;
* ``group``: the gold speaker joins names with "and" or is a plural noun phrase;
* ``pronoun -> unnamed/unclear`` and ``pronoun -> wrong person``: the predicted mention
  is a pronoun, overlapping the gold speaker (wrongly resolved) or not;
* ``role phrase -> wrong/none``: the predicted mention is a determiner + role noun;
* ``same mention, name cut/partial``: the mentions overlap and the speaker carries some of
  the gold name's words; ``same mention, other name``: they overlap and it carries none;
* ``other mention, same sentence`` / ``other mention, other sentence``: the mentions do
  not overlap.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_attribution import (  # noqa: E402
    RELATIVE_PRONOUNS,
    devdata_path,
    gold_name,
    load_articles,
    load_extractor,
    match,
    name_correct,
    predictions_from_frame,
)

PRONOUNS = frozenset("he she it they we i you him her them us".split())
_ROLE = re.compile(r"^(?:the|a|an|this|that|its|his|her|their)\s", re.I)


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return not re.search(r"[.!?][\"”’']?\s+[A-Z“\"]|\n", text[lo:hi])


def categorise(text: str, pred, gold) -> str:
    gtext = (gold.speaker_text or "").strip()
    name = gold_name(gtext)
    mention = text[pred.speaker_span[0] : pred.speaker_span[1]].strip() if pred.speaker_span else ""
    same = _overlap(pred.speaker_span, gold.speaker_span)
    if gtext.lower() in RELATIVE_PRONOUNS:
        return "relative pronoun"
    if pred.speaker_span is None:
        return "no mention"
    if not name:
        if re.search(r"\band\b", gtext) or (gtext.lower() not in PRONOUNS and re.search(r"s$", gtext)):
            return "gold unnamed group, other mention" if not same else "gold unnamed group"
        return "gold unnamed, other mention"
    if re.search(r"\band\b", gtext):
        return "group"
    if mention.lower() in PRONOUNS:
        if pred.speaker in ("unnamed", "unclear"):
            return f"pronoun -> {pred.speaker}"
        return "pronoun -> wrong person" + ("" if same else " (other mention)")
    if _ROLE.match(mention) and not same:
        return "role phrase -> wrong/none"
    if same:
        words = {w.lower().strip(".’'") for w in re.findall(r"[\w’'.-]+", pred.speaker)}
        if any(w in words for w in name):
            return "same mention, name cut/partial"
        return "same mention, other name"
    if _same_sentence(text, pred.speaker_span[0], gold.speaker_span[0]):
        return "other mention, same sentence"
    return "other mention, other sentence"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--limit", type=int, metavar="N")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N pairs per category")
    parser.add_argument("--category", help="print the pairs of this category only (substring)")
    args = parser.parse_args(argv)
    path = devdata_path(None, args.split)
    if not path.is_file():
        print(f"skipped: devdata not found at {path}")
        return 0
    extract = load_extractor()
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    total = 0
    for article in load_articles(path, args.limit):
        frame = extract(article.text)
        preds = predictions_from_frame(frame)
        pairs, _ = match(preds, article.gold)
        for i, j in pairs:
            pred, gold = preds[i], article.gold[j]
            if gold.speaker_span is None:
                continue
            total += 1
            if name_correct(pred, gold):
                continue
            cat = categorise(article.text, pred, gold)
            counts[cat] += 1
            gs, ge = gold.speaker_span
            ms, me = pred.speaker_span or (-1, -1)
            lo = max(0, min(gs, ms if ms >= 0 else gs, gold.spans[0][0]) - 80)
            hi = min(len(article.text), max(ge, me, gold.spans[0][0] + 60) + 40)
            context = " ".join(article.text[lo:hi].split())
            examples.setdefault(cat, []).append(
                f"  {article.doc_id}@{gold.spans[0][0]} gold={gold.speaker_text!r} "
                f"mention={article.text[ms:me] if ms >= 0 else ''!r} speaker={pred.speaker!r}\n      {context}"
            )
    wrong = sum(counts.values())
    print(f"{total} matched pairs with a gold speaker, {wrong} wrong ({wrong / max(total, 1):.3f})")
    for cat, n in counts.most_common():
        print(f"  {n:5d}  {cat}")
    if args.show:
        for cat, _ in counts.most_common():
            if args.category and args.category not in cat:
                continue
            print(f"\n== {cat}")
            print("\n".join(examples[cat][: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
