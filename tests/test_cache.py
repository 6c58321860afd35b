"""The on-disk cache of per-article results: hits, misses, bad files and concurrent writers."""

from __future__ import annotations

import importlib
import multiprocessing
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import cache, codeversion, compare, config, sentiment
from analysis.sources import cached_extract_quotes, extract_quotes

TEXT = '"We will win," Mayor Ana Ruiz said. She called the vote historic.'

FAKE_MODULE = '''
import pandas as pd

CALLS = []


def words(text, *, upper=False):
    """One row per word (a stand-in for an expensive per-article analysis)."""
    CALLS.append(text)
    items = text.split()
    return pd.DataFrame({"word": [w.upper() if upper else w for w in items], "n": range(len(items))})
'''


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDIAFRAMES_CACHE_DIR", str(folder))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    monkeypatch.delenv(cache.LOG_ENV, raising=False)
    return folder


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A module of its own (so its code version can change), with a call counter."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "mf_fake_analysis.py").write_text(FAKE_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(src))
    sys.modules.pop("mf_fake_analysis", None)
    module = importlib.import_module("mf_fake_analysis")
    cache.code_version.cache_clear()
    yield module
    sys.modules.pop("mf_fake_analysis", None)
    cache.code_version.cache_clear()


def _entries(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_a_hit_returns_an_equal_frame_without_calling_the_function_again(cache_dir, fake):
    cached = cache.cached_frame(fake.words)
    first = cached("a b c")
    second = cached("a b c")
    assert fake.CALLS == ["a b c"]
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(second, fake.words("a b c"))
    assert len(_entries(cache_dir)) == 1


def test_a_changed_text_or_option_misses(cache_dir, fake):
    cached = cache.cached_frame(fake.words)
    cached("a b c")
    cached("a b d")
    cached("a b c", upper=True)
    cached("a b c", upper=True)
    assert fake.CALLS == ["a b c", "a b d", "a b c"]
    assert cached("a b c", upper=True)["word"].tolist() == ["A", "B", "C"]
    assert len(_entries(cache_dir)) == 3


def test_a_code_change_misses(cache_dir, fake, tmp_path):
    cached = cache.cached_frame(fake.words)
    cached("a b c")
    cached("a b c")
    assert len(fake.CALLS) == 1
    before = cache.code_version("mf_fake_analysis")
    path = tmp_path / "src" / "mf_fake_analysis.py"
    path.write_text(path.read_text() + "\n# a new version of the code\n", encoding="utf-8")
    cache.code_version.cache_clear()
    assert cache.code_version("mf_fake_analysis") != before
    cached("a b c")
    assert len(fake.CALLS) == 2


def test_the_code_version_covers_the_package_modules_a_function_imports():
    behind = cache.modules_behind("analysis.sources")
    assert {"analysis.sources", "analysis.sources.extract", "analysis.nlp.entities", "analysis.nlp.text", "analysis.nlp.nltk_data", "analysis.config", "analysis.lexicons"} <= set(behind)
    assert "analysis.framing" not in behind and "analysis.batch.report" not in behind
    assert cache.code_version("analysis.sources") != cache.code_version("analysis.nlp.text")


def test_the_code_version_counts_the_word_lists_a_module_reads():
    behind = cache.modules_behind("analysis.sources")
    files = {path.name for path in codeversion._data_files(behind)}
    assert {"reporting_verbs.csv", "speaker_types.toml"} <= files
    assert codeversion._data_files(["analysis.nlp.text"]) == []


def _imports_by_parsing(module: str, path) -> set[str]:
    """The package modules a module imports, read from its syntax tree (the reference)."""
    import ast

    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            parts = package.split(".")
            if node.level > len(parts):
                continue
            base = ".".join(parts[: len(parts) - node.level + 1])
            base = f"{base}.{node.module}" if node.module else base
        elif (node.module or "").split(".")[0] == "analysis":
            base = node.module
        else:
            continue
        for name in [base, *(f"{base}.{a.name}" for a in node.names)]:
            parts = name.split(".")
            names.update(".".join(parts[:i]) for i in range(2, len(parts) + 1))
    return {n for n in names if codeversion._module_file(n) is not None}


def test_the_import_scan_finds_what_parsing_finds_in_every_module_and_in_awkward_forms(tmp_path):
    package = Path(cache.__file__).parent
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert codeversion._local_imports(module) == _imports_by_parsing(module, path), module
    module = tmp_path / "probe.py"  # names are looked up among the package's modules
    module.write_text(
        "from . import (\n    compare,\n    config as cfg,\n)\n"
        "def f():\n    from .corpus import Corpus  # inside a function\n"
        "from analysis.sources import extract_quotes\n"
        "from .nlp.text import split_sentences\n"
        "from .. import plots  # above the package: not one of its modules\n"
        "from .missing import x\n",
        encoding="utf-8",
    )  # fmt: skip
    expected = {"analysis.compare", "analysis.config", "analysis.corpus", "analysis.sources", "analysis.nlp",
                "analysis.nlp.text"}  # fmt: skip
    assert codeversion._local_imports("analysis.probe", module) == expected
    assert _imports_by_parsing("analysis.probe", module) == expected


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"\x80\x05\x95 truncated"])
def test_a_corrupted_file_is_ignored_and_rewritten(cache_dir, fake, damage):
    cached = cache.cached_frame(fake.words)
    expected = cached("a b c")
    [entry] = _entries(cache_dir)
    entry.write_bytes(damage)
    again = cached("a b c")
    assert len(fake.CALLS) == 2
    pd.testing.assert_frame_equal(again, expected)
    cached("a b c")
    assert len(fake.CALLS) == 2  # the rewritten file is read back


def test_a_file_holding_something_else_is_not_trusted(cache_dir, fake):
    import pickle

    cached = cache.cached_frame(fake.words)
    cached("a b c")
    [entry] = _entries(cache_dir)
    entry.write_bytes(pickle.dumps(("mediaframes-cache", "another key", pd.DataFrame({"x": [1]}))))
    assert cached("a b c")["word"].tolist() == ["a", "b", "c"]
    assert len(fake.CALLS) == 2


def test_a_failed_write_leaves_no_partial_file_and_the_result_is_still_returned(cache_dir, fake, monkeypatch):
    def broken_dump(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cache.pickle, "dump", broken_dump)
    frame = cache.cached_frame(fake.words)("a b c")
    assert frame["word"].tolist() == ["a", "b", "c"]
    assert _entries(cache_dir) == []


def test_the_cache_can_be_turned_off(cache_dir, fake, monkeypatch):
    monkeypatch.setenv(cache.DISABLE_ENV, "1")
    cached = cache.cached_frame(fake.words)
    cached("a b c")
    cached("a b c")
    assert len(fake.CALLS) == 2
    assert not cache_dir.exists()


def test_table_options_are_keyed_by_content_and_unknown_options_are_not_cached(cache_dir, fake):
    def count(text, *, table=None, thing=None):
        fake.CALLS.append(text)
        return pd.DataFrame({"n": [len(text)]})

    count.__module__ = "mf_fake_analysis"
    cached = cache.cached_frame(count)
    cached("abc", table=pd.DataFrame({"a": [1, 2]}))
    cached("abc", table=pd.DataFrame({"a": [1, 2]}))
    cached("abc", table=pd.DataFrame({"a": [1, 3]}))
    assert len(fake.CALLS) == 2
    cached("abc", thing=object())
    cached("abc", thing=object())
    assert len(fake.CALLS) == 4


def _write_many(args):
    folder, worker = args
    import os

    os.environ["MEDIAFRAMES_CACHE_DIR"] = folder
    frame = pd.DataFrame({"word": ["x"] * 2000, "n": range(2000)})
    key = "0" * 64
    path = cache.entry_path("concurrent", key)
    for _ in range(30):
        assert cache._store(path, key, frame)
        loaded = cache._load(path, key)
        assert loaded is not None and len(loaded) == 2000  # never a half-written file
    return worker


def test_concurrent_writers_leave_one_whole_file_and_no_partial_files(cache_dir):
    # spawn, not fork: the test process may hold threads (browser driver, kernels) whose locks
    # a forked child would inherit mid-use and wait on forever
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert sorted(pool.map(_write_many, [(str(cache_dir), i) for i in range(8)])) == list(range(8))
    files = _entries(cache_dir)
    assert [p.name for p in files] == ["0" * 64 + ".pkl"]
    assert len(cache._load(files[0], "0" * 64)) == 2000


def test_the_quote_wrapper_gives_what_the_extractor_gives(cache_dir, seed_corpus):
    text = next(iter(seed_corpus)).text
    before = cache.stats.copy()
    fresh = cached_extract_quotes(text)
    again = cached_extract_quotes(text)
    pd.testing.assert_frame_equal(fresh, extract_quotes(text))
    pd.testing.assert_frame_equal(again, fresh)
    assert cache.stats["miss"] - before["miss"] == 1
    assert cache.stats["hit"] - before["hit"] == 1


def test_notebook_helpers_read_quotes_from_the_cache(cache_dir, seed_corpus, tmp_path, monkeypatch):
    log = tmp_path / "cache.log"
    monkeypatch.setenv(cache.LOG_ENV, str(log))
    compare.quotes_by_article(seed_corpus)
    sentiment.voice_quotes(seed_corpus)
    counts = cache.read_log(log)
    assert counts == {"miss": len(seed_corpus), "hit": len(seed_corpus)}


def test_the_cache_folder_follows_the_environment(cache_dir):
    assert config.cache_dir() == cache_dir
    assert cache.entry_path("f", "k").parent == cache_dir / "f"


def test_results_keep_their_offsets(cache_dir):
    cached = cache.cached_frame(extract_quotes)
    for frame in (cached(TEXT), cached(TEXT)):
        assert frame[["speaker", "kind", "quote"]].values.tolist()[0] == ["Ana Ruiz", "direct", "We will win,"]
        assert [TEXT[s:e] for s, e in zip(frame["start"], frame["end"])] == frame["quote"].tolist()


# --------------------------------------------------------------------------- loaded models


def test_an_object_is_built_once_then_read_back_until_a_file_it_reads_changes(cache_dir, fake, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text("one", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"words": frozenset((data / "a.txt").read_text(encoding="utf-8").split())}

    first = cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    again = cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    assert first == again == {"words": frozenset({"one"})} and len(builds) == 1
    assert (cache_dir / "objects" / "probe.pkl").is_file()
    (data / "a.txt").write_text("one two", encoding="utf-8")  # another size: another key
    changed = cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    assert changed == {"words": frozenset({"one", "two"})} and len(builds) == 2
    (data / "b.txt").write_text("", encoding="utf-8")  # a new file in the folder
    cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    assert len(builds) == 3
    src = tmp_path / "src" / "mf_fake_analysis.py"  # the code that builds it
    src.write_text(src.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cache.code_version.cache_clear()
    cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    assert len(builds) == 4
    cache.cached_object("probe", build, files=[data], module="mf_fake_analysis")
    assert len(builds) == 4


def test_a_damaged_or_disabled_object_entry_is_built_again(cache_dir, fake, tmp_path, monkeypatch):
    builds = []

    def build():
        builds.append(1)
        return [1, 2, 3]

    files = [tmp_path / "src" / "mf_fake_analysis.py"]
    cache.cached_object("probe", build, files=files, module="mf_fake_analysis")
    (cache_dir / "objects" / "probe.pkl").write_bytes(b"\x80\x05 truncated")
    assert cache.cached_object("probe", build, files=files, module="mf_fake_analysis") == [1, 2, 3]
    assert len(builds) == 2
    monkeypatch.setenv(cache.DISABLE_ENV, "1")
    cache.cached_object("probe", build, files=files, module="mf_fake_analysis")
    cache.cached_object("probe", build, files=files, module="mf_fake_analysis")
    assert len(builds) == 4
    with pytest.raises(FileNotFoundError):  # not a silent empty key: a missing file is an error of the caller
        cache._file_stamps([tmp_path / "missing"])


def test_models_read_back_equal_the_models_built_from_nltk_data(cache_dir):
    from nltk.corpus import opinion_lexicon

    from analysis import sentiment
    from analysis.nlp import entities, tagging, text

    loaders = (text.punkt_tokenizer, tagging._model, entities._common_words, sentiment.load_opinion_lexicon)
    for func in loaders:
        func.cache_clear()
    try:
        built = tuple(func() for func in loaders)
        assert sorted(p.name for p in (cache_dir / "objects").iterdir()) == [
            "common_words.pkl", "opinion_lexicon.pkl", "punkt_tokenizer.pkl", "tagger_model.pkl",
        ]  # fmt: skip
        for func in loaders:
            func.cache_clear()
        read = tuple(func() for func in loaders)
        assert all(a is not b for a, b in zip(built, read))  # read from disk, not the same objects
        punkt_built, model_built, words_built, lexicon_built = built
        punkt_read, model_read, words_read, lexicon_read = read
        assert lexicon_read == lexicon_built == (frozenset(opinion_lexicon.positive()), frozenset(opinion_lexicon.negative()))
        sample = 'Mr. Peskov said on Jan. 5 that the U.S. plan "will fail." Zoom declined. It was 3 p.m.'
        assert list(punkt_read.span_tokenize(sample)) == list(punkt_built.span_tokenize(sample))
        assert (model_read.matrix == model_built.matrix).all() and model_read.rows == model_built.rows
        assert model_read.labels == model_built.labels and model_read.tagdict == model_built.tagdict
        assert model_read.normalize("1984") == "!YEAR" == model_built.normalize("1984")
        words = ["The", "well-known", "mayor", "said", "in", "2021", "that", "3", "cats", "ran", "."]
        assert tagging._tag(model_read, words) == [t for _, t in tagging.nltk_tagger().tag(words)]
        assert words_read == words_built and "the" in words_read
    finally:
        for func in loaders:
            func.cache_clear()
