"""Choose the entity recogniser's features and settings without looking at the dev split.

Run on demand (one or two minutes per model on a free core)::

    python benchmarks/tune_ner.py [--data ../shared/devdata/ner] [--cv] [--world pos,kind,whole]
                                  [--kinds city_1m,city_100k,...] [--c1 0.3] [--c2 0.05]

Two checks, both on the train split only (``docs/ner_model.md``, "How the features and
settings were chosen"):

- the **tuning slice**: a model learnt from the records the shipped weights may learn from
  (:func:`analysis.nlp.ner_model.training_records`) is measured on the share-alike records of
  ``train.jsonl``, which the shipped weights never learn from;
- with ``--cv``, **3-fold cross-validation** over the shippable news-like train records (GUM,
  re3d; fold = CRC-32 of the record id modulo 3): each fold's model learns from the other two
  folds and the tweets, and is measured on the held-out fold.

Each model is measured through :func:`analysis.entities.extract_entities` (the library's
output, with its rules), lenient F1 with exact F1 in brackets. ``--world`` and ``--kinds``
set :data:`analysis.nlp.ner_features.WORLD_FEATURES` and the kinds of GeoNames places read
(empty ``--world`` for none); ``--save`` keeps the slice model's weights at a path.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _train(records: list[dict], out: Path, params: dict) -> None:
    import pycrfsuite

    from analysis.nlp import ner_model

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for record in records:
        sents = ner_model.sentences_of(record)
        feats = ner_model.document_features([words for words, _ in sents])
        for (_, tags), xseq in zip(sents, feats):
            trainer.append(xseq, list(tags))
    trainer.set_params(params)
    trainer.train(str(out))


def _measure(model_file: Path, records: list[dict]) -> dict:
    import pycrfsuite

    from analysis.entities import extract_entities
    from analysis.nlp import ner_eval, ner_model

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    ner_model.tagger = lambda: tagger  # tag_document reads the module's tagger()
    return ner_eval.score(records, extract_entities)


def _line(name: str, counts: dict, size: int | None = None) -> str:
    from analysis.nlp.ner_eval import LABELS, prf

    cells = [f"{prf(counts['lenient'], lab)[2]:.3f} ({prf(counts['exact'], lab)[2]:.3f})" for lab in (*LABELS, None)]
    weights = f" | {size / 1e6:.1f} MB" if size else ""
    return f"| {name} | " + " | ".join(cells) + weights + " |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "devdata" / "ner")
    parser.add_argument("--cv", action="store_true", help="3-fold cross-validation too")
    parser.add_argument("--no-slice", action="store_true", help="skip the tuning slice")
    parser.add_argument("--world", default=None, help="world-place features (default: as shipped; empty: none)")
    parser.add_argument("--kinds", default="", help="GeoNames kinds read (default: all)")
    parser.add_argument("--c1", type=float, default=None)
    parser.add_argument("--c2", type=float, default=None)
    parser.add_argument("--save", type=Path, default=None, help="keep the slice model here")
    parser.add_argument("--model", type=Path, default=None, help="measure these weights on the slice instead of training")
    parser.add_argument("--rule-kinds", default=None, help="GeoNames kinds the rules add as places where the model found nothing")
    parser.add_argument("--per-kinds", default=None, help="GeoNames kinds the rules retype from person to place")
    parser.add_argument("--no-teams", action="store_true", help="without the rule: a place followed by a plural is a team")
    parser.add_argument("--all-btc", action="store_true", help="all sections of BTC, not only G")
    parser.add_argument("--news-twice", action="store_true", help="the news-like records twice")
    parser.add_argument("--name", default="candidate")
    args = parser.parse_args(argv)

    from analysis.nlp import entities, ner_features, ner_model

    if args.world is not None:
        ner_features.WORLD_FEATURES = frozenset(x for x in args.world.split(",") if x)
    if args.kinds:
        keep = set(args.kinds.split(","))
        ner_features.WORLD_GROUPS = {k: v for k, v in ner_features.WORLD_GROUPS.items() if k in keep}
    if args.per_kinds is not None:
        entities._WORLD_PER_KINDS = frozenset(x for x in args.per_kinds.split(",") if x)
    entities._WORLD_TEAMS = not args.no_teams
    if args.rule_kinds is not None:
        entities._WORLD_RULE_KINDS = frozenset(x for x in args.rule_kinds.split(",") if x)
    params = dict(ner_model.PARAMS)
    if args.c1 is not None:
        params["c1"] = args.c1
    if args.c2 is not None:
        params["c2"] = args.c2
    if args.all_btc:
        ner_model.SOCIAL_PARTS = tuple(("btc", f"section-{x}") for x in "ABEFGH")
    shippable = ner_model.training_records(args.data)
    if args.news_twice:
        shippable = sorted(shippable + [r for r in shippable if r["source"] != "btc"], key=lambda r: r["id"])
    tuning = sorted((r for r in ner_model.read_records(args.data / "train.jsonl") if not ner_model.licence_ok(r["license"])), key=lambda r: r["id"])
    print(f"{args.name}: world={sorted(ner_features.WORLD_FEATURES)} kinds={sorted(ner_features.WORLD_GROUPS)} rules={args.rule_kinds} {params}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_slice:
            t0 = time.time()
            out = args.model or args.save or Path(tmp) / "slice.crfsuite"
            if not args.model:
                _train(shippable, out, params)
            counts = _measure(out, tuning)
            print("tuning slice PER | ORG | LOC | micro | weights", flush=True)
            print(_line(args.name, counts, out.stat().st_size), f"({time.time() - t0:.0f} s)", flush=True)
        if args.cv:
            from collections import Counter

            news = [r for r in shippable if r["source"] != "btc"]
            total = {"exact": Counter(), "lenient": Counter()}
            for fold in range(3):
                held = [r for r in news if zlib.crc32(r["id"].encode()) % 3 == fold]
                held_ids = {r["id"] for r in held}
                learn = [r for r in shippable if r["id"] not in held_ids]
                out = Path(tmp) / f"fold{fold}.crfsuite"
                _train(learn, out, params)
                counts = _measure(out, held)
                for key in total:
                    total[key].update(counts[key])
            print("3-fold CV PER | ORG | LOC | micro", flush=True)
            print(_line(args.name, total), flush=True)


if __name__ == "__main__":
    main()
