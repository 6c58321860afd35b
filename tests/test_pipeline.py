"""Corpus mode: tables, rejects, resume, interruption, parallel and Dask engines, formats."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from analysis import config, sources
from analysis.batch import cli, pipeline
from analysis.batch.pipeline import chunks, output
from analysis.batch.pipeline import run as pipeline_run
from analysis.corpus import Reject, iter_articles, iter_inputs, load_article, load_corpus
from analysis.nlp import nltk_data as nltkdata

SEED_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15"]


def _generated_texts() -> dict[str, str]:
    """Four articles recombined from the seed reports' paragraphs (quotes, names, tone)."""
    paragraphs = [p for article in load_corpus(config.SEEDS_DIR) for p in article.paragraphs["text"]]
    picks = {
        "gen_a": [0, 1, 2, 12, 13],
        "gen_b": [9, 10, 3, 4],
        "gen_c": [17, 18, 5, 6, 7],
        "gen_d": [14, 15, 16, 8, 11],
    }
    return {name: "\n\n".join(paragraphs[i % len(paragraphs)] for i in idx) for name, idx in picks.items()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The two seeds, four generated articles, an empty file and a binary file."""
    folder = tmp_path_factory.mktemp("corpus")
    for article_id in SEED_IDS:
        shutil.copy(config.SEEDS_DIR / f"{article_id}.txt", folder)
    for name, text in _generated_texts().items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


ARTICLE_IDS = ["000_eb875e01c2519c6f", "002_96cf24b8358f7f15", "gen_a", "gen_b", "gen_c", "gen_d"]


@pytest.fixture(scope="module")
def baseline(corpus_dir, tmp_path_factory):
    """Tables of one uninterrupted in-process run (Parquet, chunks of two articles)."""
    out = tmp_path_factory.mktemp("baseline")
    summary = pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    return summary, pipeline.read_tables(out), out


def _assert_same_tables(out, expected: dict[str, pd.DataFrame]) -> None:
    got = pipeline.read_tables(out)
    for kind in pipeline.KINDS:
        pd.testing.assert_frame_equal(got[kind], expected[kind], obj=kind)


def test_every_table_is_written_with_its_documented_columns(baseline, corpus_dir):
    summary, tables, _ = baseline
    assert (summary.done, summary.skipped, summary.rejected, summary.interrupted) == (6, 0, 2, False)
    for kind, columns in pipeline.TABLES.items():
        assert list(tables[kind].columns) == [c for c, _ in columns], kind
    assert tables["articles"]["article"].tolist() == ARTICLE_IDS
    for kind in ("sentences", "sentiment", "entities", "quotes", "frames"):
        assert set(tables[kind]["article"]) == set(ARTICLE_IDS), kind
    # one row per sentence in both sentence tables, and offsets that point into the text
    assert tables["sentiment"][["article", "sentence"]].equals(tables["sentences"][["article", "sentence"]])
    seed = load_article(corpus_dir / f"{SEED_IDS[1]}.txt")
    mine = tables["sentences"][tables["sentences"]["article"] == seed.id]
    assert [seed.text[s:e] for s, e in zip(mine["start"], mine["end"])] == mine["text"].tolist()
    quotes = tables["quotes"][tables["quotes"]["article"] == seed.id].reset_index(drop=True)
    expected = sources.extract_quotes(seed.text)
    assert quotes["speaker"].tolist() == expected["speaker"].tolist()
    assert quotes["fragments"].tolist() == [[list(f) for f in frags] for frags in expected["fragments"]]
    evidence = tables["sentiment"]["evidence"].iloc[0]
    assert all(set(e) == {"entry", "start", "end", "valence"} for e in evidence)


def test_rejects_name_the_file_and_the_reason(baseline):
    rejects = baseline[1]["rejects"]
    assert rejects["source"].tolist() == ["empty.txt", "picture.txt"]
    assert "empty" in rejects["reason"].iloc[0]
    assert "PNG" in rejects["reason"].iloc[1]
    assert rejects["position"].tolist() == sorted(rejects["position"])


def test_a_second_run_skips_every_article_already_done(baseline, corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    calls = []
    real = pipeline.analyze_article
    monkeypatch.setattr(chunks, "analyze_article", lambda article, **kw: calls.append(article.id) or real(article, **kw))
    again = pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    assert calls == []
    assert (again.done, again.skipped, again.rejected) == (0, 6, 2)
    _assert_same_tables(out, baseline[1])  # nothing written twice, rejects included

    extra = shutil.copytree(corpus_dir, tmp_path / "more")
    (extra / "gen_e.txt").write_text("The minister said the plan was a failure. Critics welcomed the news.", encoding="utf-8")
    third = pipeline.run_corpus(extra, out, jobs=1, chunk_size=2)
    assert calls == ["gen_e"] and (third.done, third.skipped) == (1, 6)
    ledger = pd.concat(pd.read_csv(p, sep="\t") for p in sorted((out / pipeline.LEDGER_DIR).glob("part-*.tsv")))
    assert set(ledger["code_version"]) == {pipeline.CODE_VERSION}
    assert ledger["status"].value_counts().to_dict() == {"done": 7, "rejected": 2}


def _files(out):
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def test_an_interrupted_run_leaves_only_complete_chunks_and_resumes(baseline, corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = pipeline.analyze_article
    seen = []

    def stop_after_three(article, **kw):
        if len(seen) == 3:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the second chunk
        seen.append(article.id)
        return real(article, **kw)

    monkeypatch.setattr(chunks, "analyze_article", stop_after_three)
    summary = pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    assert summary.interrupted and summary.done == 2
    files = _files(out)
    assert not [f for f in files if ".tmp" in f]
    assert "_ledger/part-00000.tsv" in files and all("part-00000" in f for f in files)
    assert pipeline.read_table(out, "articles")["article"].tolist() == ARTICLE_IDS[:2]

    monkeypatch.setattr(chunks, "analyze_article", real)
    resumed = pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    assert (resumed.done, resumed.skipped) == (4, 2)
    _assert_same_tables(out, baseline[1])


def test_a_crash_while_writing_leaves_no_partial_file_and_is_cleaned_up(baseline, corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = pipeline._write_part
    writes = []

    def crash_on_the_ninth_part(out_, kind, number, columns, fmt):
        writes.append(kind)
        if len(writes) == 9:  # chunk 1, after some of its tables are in place
            raise OSError("disk full")
        real(out_, kind, number, columns, fmt)

    monkeypatch.setattr(pipeline_run, "_write_part", crash_on_the_ninth_part)
    with pytest.raises(OSError, match="disk full"):
        pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    files = _files(out)
    assert not [f for f in files if ".tmp" in f]
    assert "_ledger/part-00001.tsv" not in files and "sentences/part-00001.parquet" in files
    assert pipeline.read_table(out, "articles")["article"].tolist() == ARTICLE_IDS[:2]  # uncommitted part ignored

    monkeypatch.setattr(pipeline_run, "_write_part", real)
    resumed = pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=2)
    assert any("incomplete chunk file" in note for note in resumed.cleaned)
    assert (resumed.done, resumed.skipped) == (4, 2)
    _assert_same_tables(out, baseline[1])


def _part_bytes(out) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("part-*")) if p.parent.name != pipeline.LEDGER_DIR}


def test_two_jobs_give_the_same_tables_as_one(baseline, corpus_dir, tmp_path):
    summary = pipeline.run_corpus(corpus_dir, tmp_path / "out", jobs=2, chunk_size=2)
    assert summary.done == 6
    _assert_same_tables(tmp_path / "out", baseline[1])
    # the workers encode the part files: byte for byte what one process writes
    assert _part_bytes(tmp_path / "out") == _part_bytes(baseline[2])


@pytest.fixture(scope="module")
def mixed_table(tmp_path_factory):
    """A .jsonl with articles, a malformed line, a Russian article, a text-less one and a duplicate id."""
    texts = _generated_texts()
    rows = [
        json.dumps({"id": "a", "title": "A", "text": texts["gen_a"]}),
        "{not json",
        json.dumps({"id": "ru", "text": "Министр заявил, что переговоры продолжатся в понедельник. Он сказал, что это важно."}),
        json.dumps({"id": "b", "outlet": "TASS", "text": texts["gen_b"]}),
        json.dumps({"id": "footer", "text": "Original url: https://example.org/x"}),
        json.dumps({"id": "a", "text": texts["gen_c"]}),
        json.dumps({"id": "d", "date": "April 8, 2021", "text": texts["gen_d"]}),
    ]
    path = tmp_path_factory.mktemp("mixed") / "mixed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("limit", [None, 2])
def test_workers_clean_and_reject_as_one_process_does(mixed_table, tmp_path, limit):
    one = pipeline.run_corpus(mixed_table, tmp_path / "one", jobs=1, chunk_size=2, limit=limit)
    two = pipeline.run_corpus(mixed_table, tmp_path / "two", jobs=2, chunk_size=2, limit=limit)
    assert (two.done, two.rejected, two.parts) == (one.done, one.rejected, one.parts)
    assert _part_bytes(tmp_path / "two") == _part_bytes(tmp_path / "one")
    rejects = pipeline.read_table(tmp_path / "two", "rejects")
    if limit is None:
        assert one.done == 3 and rejects["id"].tolist() == ["", "ru", "footer", "a"]
        assert "Russian" in rejects["reason"].iloc[1] and "duplicate id 'a'" in rejects["reason"].iloc[3]
    else:  # two articles; the rejects read before the second one are written too
        assert one.done == 2 and rejects["id"].tolist() == ["", "ru"]


def test_reading_then_cleaning_is_what_iter_articles_yields(corpus_dir, mixed_table, tmp_path):
    folder = shutil.copytree(corpus_dir, tmp_path / "manifest")
    (folder / "german.txt").write_text(
        "Der Minister sagte, dass die Gespräche am Montag fortgesetzt werden und dass die Regierung nicht zustimmen wird.",
        encoding="utf-8",
    )
    names = sorted(p.name for p in folder.iterdir()) + ["missing.txt"]
    (folder / "manifest.csv").write_text("id,file,outlet\n" + "".join(f",{n},TASS\n" for n in names), encoding="utf-8")
    for path in (folder, mixed_table, folder / "gen_a.txt"):
        read = list(iter_inputs(path))
        assert [r if isinstance(r, Reject) else r.load() for r in read] == list(iter_articles(path))
    loaded = {item.id: item for item in iter_articles(folder)}
    assert loaded["german"] == Reject("manifest.csv row 9 (german.txt)", loaded["german"].reason, "german")
    assert "German" in loaded["german"].reason and loaded["gen_a"].outlet == "TASS"
    assert loaded["missing"] == Reject("manifest.csv row 11", "file not found: missing.txt", "missing")


def test_the_main_process_of_a_parallel_run_loads_neither_nltk_nor_pandas_nor_pyarrow(baseline, corpus_dir, tmp_path):
    code = f"""
        import json, os, sys
        from analysis.batch import pipeline

        summary = pipeline.run_corpus({str(corpus_dir)!r}, {str(tmp_path / "out")!r}, jobs=2, chunk_size=2)
        executor = pipeline._ProcessExecutor(1)
        pool = executor.submit(os.getenv, "ARROW_DEFAULT_MEMORY_POOL").result()
        executor.close()
        heavy = ["nltk", "pandas", "pyarrow", "numpy", "analysis.nlp.text", "analysis.nlp.nltk_data", "analysis.sentiment"]
        print(json.dumps({{"done": summary.done, "loaded": [m for m in heavy if m in sys.modules], "pool": pool,
                          "main": summary.peak_rss_mib, "worker": summary.worker_peak_rss_mib}}))
    """
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=config.ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["done"] == 6
    assert result["loaded"] == []  # the workers clean, analyse and encode; the main process reads and writes
    assert result["main"] < result["worker"] / 2  # it was as large as a worker
    assert result["pool"] == "system"  # the workers' Arrow allocator (see _ProcessExecutor)
    _assert_same_tables(tmp_path / "out", baseline[1])


def test_a_missing_nltk_package_reported_by_a_worker_keeps_its_message():
    # an exception crossing processes is rebuilt with the arguments its __reduce__ gives:
    # by default its message, which this one would take for the package name
    error = pickle.loads(pickle.dumps(nltkdata.MissingNLTKDataError("stopwords")))
    assert isinstance(error, nltkdata.MissingNLTKDataError) and error.package == "stopwords"
    assert str(error) == str(nltkdata.MissingNLTKDataError("stopwords"))
    assert "'stopwords' (stop words" in str(error)


def test_dask_gives_the_same_tables_as_the_local_engine(baseline, corpus_dir, tmp_path):
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'mediaframes[dask]'")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = pipeline.run_corpus(corpus_dir, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address, chunk_size=2)
    assert summary.done == 6
    _assert_same_tables(tmp_path / "out", baseline[1])


def test_csv_and_parquet_read_back_the_same(baseline, corpus_dir, tmp_path):
    out = tmp_path / "out"
    pipeline.run_corpus(corpus_dir, out, jobs=1, chunk_size=4, format="csv")
    assert not list(out.rglob("*.parquet"))
    _assert_same_tables(out, baseline[1])
    raw = pd.read_csv(next((out / "quotes").glob("part-*.csv")))
    assert isinstance(json.loads(raw["fragments"].iloc[0])[0], list)  # list columns are JSON text
    # and both equal what the per-article function returns in memory
    article = load_article(corpus_dir / "gen_b.txt")
    direct = pipeline.analyze_article(article, position=4).frames()
    for kind, frame in direct.items():
        stored = baseline[1][kind]
        stored = stored[stored["article"] == "gen_b"].reset_index(drop=True)
        pd.testing.assert_frame_equal(stored, frame, obj=kind)


def test_the_other_format_in_the_same_folder_is_refused(baseline, corpus_dir, tmp_path):
    out = tmp_path / "out"
    pipeline.run_corpus(corpus_dir, out, jobs=1, limit=1)
    with pytest.raises(ValueError, match="--format parquet"):
        pipeline.run_corpus(corpus_dir, out, jobs=1, format="csv")


def test_a_failing_analysis_rejects_that_article_only(corpus_dir, tmp_path, monkeypatch):
    real = sources.quote_columns

    def fragile(text, **kw):  # given the article's parse (text and sentences), as the pipeline does
        if text.text.startswith("Zoom will sell"):
            raise ValueError("unbalanced\nsomething")
        return real(text, **kw)

    monkeypatch.setattr(sources, "quote_columns", fragile)
    summary = pipeline.run_corpus(corpus_dir, tmp_path / "out", jobs=1, limit=3)
    assert (summary.done, summary.failed) == (2, 1)
    rejects = pipeline.read_table(tmp_path / "out", "rejects")
    row = rejects[rejects["id"] == SEED_IDS[1]].iloc[0]
    assert row["reason"] == "analysis failed: quotes: ValueError: unbalanced something"
    assert row["source"] == f"{SEED_IDS[1]}.txt"
    assert SEED_IDS[1] not in set(pipeline.read_table(tmp_path / "out", "sentences")["article"])


def test_output_from_other_code_is_redone(corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(output, "CODE_VERSION", "0ld0ld0ld0ld")
    pipeline.run_corpus(corpus_dir, out, jobs=1, limit=2)
    monkeypatch.undo()
    summary = pipeline.run_corpus(corpus_dir, out, jobs=1, limit=2)
    assert (summary.done, summary.skipped) == (2, 0)
    assert any("0ld0ld0ld0ld" in note for note in summary.cleaned)
    assert pipeline.read_table(out, "articles")["article"].tolist() == SEED_IDS


def test_a_duplicate_id_is_rejected(tmp_path):
    table = tmp_path / "articles.jsonl"
    rows = [{"id": "x", "text": "The council approved the budget on Tuesday."}, {"id": "x", "text": "The mayor said it was good news."}]
    table.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = pipeline.run_corpus(table, tmp_path / "out", jobs=1)
    assert (summary.done, summary.rejected) == (1, 1)
    assert "duplicate id 'x'" in pipeline.read_table(tmp_path / "out", "rejects")["reason"].iloc[0]


def test_command_line_writes_tables_and_prints_a_summary(corpus_dir, tmp_path, capsys):
    code = cli.main(["analyze", str(corpus_dir), "--out", str(tmp_path / "out"), "--jobs", "1", "--format", "csv", "--limit", "2"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.startswith("analysed 2 articles (0 skipped: already done; 0 rejected)")
    assert "Where the time went: load" in captured.out and "quotes" in captured.out
    assert "articles/s" in captured.err
    assert (tmp_path / "out" / "quotes" / "part-00000.csv").exists()
    assert cli.main(["analyze", str(corpus_dir), "--out", str(tmp_path / "out"), "--format", "parquet"]) == 2
    assert "--format csv" in capsys.readouterr().err


def test_scored_sentences_match_the_sentiment_module(baseline, corpus_dir):
    from analysis import sentiment

    expected = sentiment.score_articles(load_corpus(corpus_dir), evidence=False)
    pd.testing.assert_frame_equal(pipeline.scored_sentences(baseline[2]), expected)


def test_a_second_run_on_a_busy_folder_is_refused(corpus_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "_lock").write_text(str(os.getppid()))  # a live process holds the folder
    with pytest.raises(ValueError, match="another run"):
        pipeline.run_corpus(corpus_dir, out, jobs=1, limit=1)
    (out / "_lock").write_text("999999999")  # a run that was killed: its lock is stale
    assert pipeline.run_corpus(corpus_dir, out, jobs=1, limit=1).done == 1
    assert not (out / "_lock").exists()


def test_ctrl_c_stops_the_running_workers_at_once():
    """Ctrl-C (close with cancel) ends workers in the middle of a long chunk within seconds."""
    import time

    from analysis.batch.pipeline.executors import _ProcessExecutor

    executor = _ProcessExecutor(1)
    future = executor.submit(time.sleep, 60)
    deadline = time.monotonic() + 60
    while not future.running() and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = list(executor.pool._processes.values())
    assert future.running() and workers
    started = time.monotonic()
    executor.close(cancel=True)
    assert time.monotonic() - started < 10
    assert not any(process.is_alive() for process in workers)
