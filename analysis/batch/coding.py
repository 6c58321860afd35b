"""``python -m analysis coding-sheet`` and ``python -m analysis agreement``: a coding exercise
for a class, from the command line (:mod:`analysis.compare.coding`). Light at import: the
parser is built by every command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import config


def _coding_sheet(args: argparse.Namespace) -> int:
    from .. import compare
    from ..compare import coding

    try:
        selection = compare.select(corpus=args.corpus or "", articles=args.articles or ())
        written = coding.write_sheet(coding.coding_units(selection), args.out)
    except (ValueError, KeyError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    print("give the students the first file; keep the .key file (the suite's answers) for the comparison")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..compare import coding

    try:
        codes = coding.read_sheets([*args.sheets, *([args.key] if args.key else [])])
        texts = coding.sheet_texts(args.sheets[0])
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    summary = coding.agreement(codes)
    if summary.empty:
        print("error: fewer than two coders: give two or more filled sheets, or one and --key", file=sys.stderr)
        return 2
    disagreed = coding.disagreements(codes, texts=texts)
    with pd.option_context("display.max_colwidth", 60, "display.width", 160):
        print(summary.round(3).to_string(index=False))
        print(f"\n{len(disagreed)} units where coders disagree")
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        summary.to_csv(out / "agreement.csv", index=False)
        disagreed.to_csv(out / "disagreements.csv", index=False)
        print(f"wrote {out / 'agreement.csv'} and {out / 'disagreements.csv'}")
    return 0


def add_commands(sub) -> None:
    """Add the two commands to the ``python -m analysis`` sub-parsers ``sub``."""
    p = sub.add_parser("coding-sheet", help="write a coding sheet (.xlsx or .csv) of the selected reports for students, and its key")
    p.add_argument("--corpus", help=f"folder, manifest, .csv or .jsonl to load (default: {config.SEEDS_DIR})")
    p.add_argument("--articles", nargs="+", metavar="ID", help="article ids to code (default: all)")
    p.add_argument("--out", required=True, help="the sheet to write: NAME.xlsx, or NAME.csv for one CSV file per sheet")
    p.set_defaults(func=_coding_sheet)

    p = sub.add_parser("agreement", help="how far filled coding sheets agree (percent agreement, Krippendorff's alpha)")
    p.add_argument("sheets", nargs="+", help="filled sheets, one per coder (named after the file)")
    p.add_argument("--key", help="the key written with the sheet (NAME.key.xlsx): compares each coder with the suite")
    p.add_argument("--out", help="folder to write agreement.csv and disagreements.csv to")
    p.set_defaults(func=_agreement)
