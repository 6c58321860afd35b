"""Command line: ``python -m analysis {setup,report,analyze}``."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import types
from pathlib import Path

from .. import config
from . import kernels


def _setup(args: argparse.Namespace) -> int:
    from ..nlp import nltk_packages as nltkpackages
    from . import setup_check
    from .kernel_config import write_kernel_config

    if args.quiet_kernels:
        status = write_kernel_config()
        if status == "written":
            print("Kernels of this environment now leave out two alarming log lines (etc/ipython/ipython_kernel_config.py).")
        elif status != "present":
            print(f"Kernel configuration {status}; kernels may log 'running over TCP without encryption'.", file=sys.stderr)
    if not (args.mirror or args.target) and setup_check.ready_in_usual_places():
        # the common case, every run of make report and make test: found without NLTK
        print(_ready_line(len(nltkpackages.PACKAGES), installed=0))
        return 0
    from . import setup as nltksetup

    table = nltksetup.ensure(
        mirror=Path(args.mirror) if args.mirror else None,
        target=Path(args.target) if args.target else None,
        download=not args.no_download,
    )
    changed = table[table["status"] != "present"]
    for row in changed.itertuples():
        print(f"  {row.package}: {row.status}")
    missing = table.loc[table["status"] == "missing", "package"].tolist()
    if missing:
        print(
            "NLTK data still missing: " + ", ".join(missing) + ". Give a local copy with "
            "NLTK_DATA_MIRROR=/path/to/nltk_data, or run where the NLTK downloader can reach "
            "its server.",
            file=sys.stderr,
        )
        return 1
    print(_ready_line(len(table), installed=len(changed)))
    return 0


def _ready_line(packages: int, *, installed: int) -> str:
    return f"NLTK data ready ({packages} packages; {installed} installed now)."


class _DeferredModule(types.ModuleType):
    """Stands in for a module until it is used, then imports it (see :func:`_defer_import`)."""

    def __init__(self, name: str, functions: tuple[str, ...]):
        super().__init__(name)
        for function in functions:  # names taken with ``from module import name``
            setattr(self, function, self._deferred(function))

    def _module(self) -> types.ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def _deferred(self, function: str):
        def call(*args, **kwargs):
            return getattr(self._module(), function)(*args, **kwargs)

        call.__name__ = function
        return call

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system probing (``__path__``...): not a use
            raise AttributeError(name)
        return getattr(self._module(), name)


def _defer_import(name: str, functions: tuple[str, ...]) -> bool:
    """Import module ``name`` only when it is first used, if it is installed and not yet imported.

    ``jsonschema``, which ``nbformat`` imports to validate notebooks, imports
    ``rfc3987_syntax`` at once when it is installed (it checks the "iri" string format,
    which the notebook schema never uses), and that module builds a full grammar parser
    as it is imported: 0.8 s of the report command's start. Deferred, it is built only if
    an "iri" is ever checked; until then ``functions`` stand in for the module's own.
    """
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return False
    sys.modules[name] = _DeferredModule(name, functions)
    return True


def _report(args: argparse.Namespace) -> int:
    # the kernel server imports the notebooks' libraries while this process imports its own
    server = None if args.new_kernels else kernels.batch_server(use_cache=not args.no_cache)
    _defer_import("rfc3987_syntax", ("is_valid_syntax",))
    from ..corpus import UnknownArticleError
    from .report import run_batch
    from .report.params import user_parameters

    try:
        parameters = user_parameters(args.parameters or (), args.parameters_file or ())
        results = run_batch(
            articles=args.articles, corpus=args.corpus, only=args.only, out=args.out,
            show_code=args.show_code, in_place=args.in_place, use_cache=not args.no_cache, jobs=args.jobs,
            warm_kernels=not args.new_kernels, kernel_server=server, parameters=parameters,
        )  # fmt: skip
    except (UnknownArticleError, ValueError) as err:
        if server is not None:
            server.close()
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {_os_error(err, args.out)}", file=sys.stderr)
        return 2
    return 0 if (results["status"] == "ok").all() else 1


def _os_error(err: OSError, out: str | None) -> str:
    """One line for a failed write or read (a full disk, a read-only or missing folder)."""
    import errno

    where = f" {err.filename}" if err.filename else (f" {out}" if out else "")
    if err.errno == errno.ENOSPC:
        return f"no space left on the disk while writing{where}; free some space and run the same command again"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write{where}: permission denied or read-only; choose another folder with --out"
    return f"{err.strerror or err}{where}"


def _analyze(args: argparse.Namespace) -> int:
    from ..corpus import Reject, iter_articles

    if args.out:
        return _analyze_corpus(args)
    n_ok = n_bad = 0
    for item in iter_articles(args.input):
        if isinstance(item, Reject):
            n_bad += 1
            print(f"rejected {item.source}: {item.reason}", file=sys.stderr)
        else:
            n_ok += 1
            print(f"{item.id}\t{item.n_words} words\t{item.outlet or '-'}\t{item.headline or '-'}")
    print(f"{n_ok} articles loaded, {n_bad} rejected", file=sys.stderr)
    return 0 if n_ok else 1


def _analyze_corpus(args: argparse.Namespace) -> int:
    from .pipeline import run_corpus

    try:
        summary = run_corpus(
            args.input, args.out, format=args.format, jobs=args.jobs, engine=args.engine,
            scheduler=args.scheduler, limit=args.limit, chunk_size=args.chunk_size, progress=sys.stderr,
            time_limit=args.time_limit or None,
        )  # fmt: skip
    except (ValueError, RuntimeError, ImportError, LookupError) as err:
        # imported only now: this process needs neither NLTK nor pandas while workers analyse
        from ..nlp.nltk_data import MissingNLTKDataError

        if isinstance(err, LookupError) and not isinstance(err, MissingNLTKDataError):
            raise
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {_os_error(err, args.out)}", file=sys.stderr)
        print("the chunks written before it are complete; the same command resumes from them", file=sys.stderr)
        return 2
    print(summary.line())
    if summary.interrupted:
        print("interrupted: the chunks written so far are complete; run the same command again to resume", file=sys.stderr)
        return 130
    return 0 if summary.done or summary.skipped else 1


def _docs(args: argparse.Namespace) -> int:
    from .docs import stale_docs, write_docs

    if args.check:
        stale = stale_docs()
        for path in stale:
            print(f"out of date: {path.relative_to(config.ROOT)} (run: python -m analysis docs)", file=sys.stderr)
        return 1 if stale else 0
    written = write_docs()
    for path in written:
        print(f"wrote {path.relative_to(config.ROOT)}")
    if not written:
        print("the generated docs already match the word lists")
    return 0


def _models_command(args: argparse.Namespace, *, evaluate: bool) -> int:
    """``train`` (write each model's weights) or ``evaluate`` (print its dev figures)."""
    from . import models

    unknown = [name for name in args.models if name not in models.MODELS]
    if unknown:
        print(f"error: no model {unknown[0]!r}; choose from {', '.join(models.MODELS)}", file=sys.stderr)
        return 2
    for name in args.models or list(models.MODELS):
        try:
            result = models.evaluate(name, args.data) if evaluate else models.train(name, args.data)
        except models.MissingDevData as err:
            print(f"{'skipped' if evaluate else 'error'}: {err}", file=sys.stderr)
            return 2
        print(f"## {models.MODELS[name][1]} ({name})\n\n{result}\n" if evaluate else f"wrote {result}")
    return 0


def _train(args: argparse.Namespace) -> int:
    return _models_command(args, evaluate=False)


def _evaluate(args: argparse.Namespace) -> int:
    return _models_command(args, evaluate=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Compare how news reports frame a story, what tone they take and whose voices they carry.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{setup,report,analyze,docs,train,evaluate,coding-sheet,agreement}")

    p = sub.add_parser("setup", help="install missing NLTK data (local mirror first, else NLTK's downloader)")
    p.add_argument("--mirror", help="local NLTK data folder to copy from (default: $NLTK_DATA_MIRROR or ../shared/nltk_data)")
    p.add_argument("--target", help="folder to install into (default: first $NLTK_DATA entry or .nltk_data/)")
    p.add_argument("--no-download", action="store_true", help="never use the network")
    p.add_argument(
        "--quiet-kernels", action="store_true",
        help="also configure this environment's Jupyter kernels to leave out two log lines that alarm readers "
        "('Kernel is running over TCP without encryption', 'KeyboardInterrupt caught in kernel'); make setup does",
    )  # fmt: skip
    p.set_defaults(func=_setup)

    p = sub.add_parser("report", help="execute every notebook with papermill and export HTML reports")
    p.add_argument("--articles", nargs="+", metavar="ID", help="article ids to compare (default: all)")
    p.add_argument("--corpus", help=f"folder, manifest, .csv or .jsonl to load (default: {config.SEEDS_DIR})")
    p.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="run only these notebooks (e.g. 01_corpus)")
    p.add_argument("--out", help=f"output folder (default: {config.REPORTS_DIR}); figures go to OUT/figures")
    p.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    p.add_argument("--in-place", action="store_true", help="also store executed notebooks back in notebooks/")
    p.add_argument("--no-cache", action="store_true", help="recompute every analysis instead of reusing cached results (.cache/)")
    p.add_argument("--jobs", type=int, metavar="N", help="notebooks run at once, each in its own kernel (default: two per CPU; 1: one after the other)")
    p.add_argument("--new-kernels", action="store_true", help="start every kernel as a new process instead of forking it from a server with the libraries loaded")
    p.add_argument(
        "-p", "--parameters", nargs=2, action="append", metavar=("NAME", "VALUE"),
        help="a notebook parameter, as papermill's -p (repeatable), given to every notebook that declares it; "
        "lists as YAML or JSON: -p TARGETS '[\"Ada Byrne\", \"Harbour Board\"]'",
    )  # fmt: skip
    p.add_argument("-f", "--parameters-file", action="append", metavar="FILE", help="a YAML file of parameters (NAME: value), read before -p (repeatable)")
    p.set_defaults(func=_report)

    p = sub.add_parser(
        "analyze",
        help="run every per-article analysis over a corpus into tables (--out); without --out, list its articles and rejects",
    )
    p.add_argument("input", help="folder of .txt files, a manifest, a .csv or a .jsonl")
    p.add_argument("--out", metavar="DIR", help="write one table per kind here (articles, sentences, sentiment, entities, quotes, frames, rejects); a re-run resumes")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet", help="table format (default: parquet)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="run on this machine, or on Dask (optional extra: mediaframes[dask])")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: address of a running Dask scheduler (default: start a local cluster)")
    p.add_argument("--limit", type=int, metavar="N", help="analyse only the first N articles")
    p.add_argument("--chunk-size", type=int, default=200, metavar="N", help="articles per output part and per commit (default: 200)")
    p.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS", help="an article taking longer becomes a reject and the run goes on (default: 60; 0: no limit)")
    p.set_defaults(func=_analyze)

    p = sub.add_parser("docs", help="regenerate the docs made from the word lists in analysis/lexicons (framing rules, reporting verbs)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each document that is out of date")
    p.set_defaults(func=_docs)

    from .coding import add_commands
    from .models import MODELS

    add_commands(sub)

    for name, func, what in (("train", _train, "retrain"), ("evaluate", _evaluate, "measure on the dev split")):
        p = sub.add_parser(name, help=f"{what} the trained models ({', '.join(MODELS)}) from the development data")
        p.add_argument("models", nargs="*", metavar="MODEL", help=f"which models (default: all): {', '.join(MODELS)}")
        p.add_argument("--data", type=Path, metavar="DIR", help="development data folder (default: ../shared/devdata or $MEDIAFRAMES_DEVDATA)")
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
