"""Hostile input: nothing read from outside the corpus, no article lost, no batch down.

Each case checks the named reject (or message), that every good article is still there, and
that nothing outside the corpus folder was read. The articles are short invented texts.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import config
from analysis.batch import pipeline
from analysis.corpus import load_corpus, looks_like_html

SECRET = "TOP-SECRET-TOKEN-7d41"  # written outside every corpus folder: it must never be read


def _article(n: int) -> str:
    return (
        f"Story {n}: the town council met on Tuesday to discuss the budget for the new library. "
        "The mayor said the project would open next spring, and residents asked about parking "
        "near the river. Several members of the council said that the cost had grown since the "
        "plan was first shown to the public last year."
    )


@pytest.fixture
def outside(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET} " + _article(0), encoding="utf-8")
    return secret


def _no_secret(corpus) -> None:
    for article in corpus:
        assert SECRET not in article.text and SECRET not in article.headline


# --------------------------------------------------------------------------- confinement


def test_a_manifest_reads_only_regular_files_inside_its_folder(tmp_path, outside):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "sub" / "nested.txt").write_text(_article(2), encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    (folder / "inner_link.txt").symlink_to(folder / "good.txt")
    (folder / "a_folder.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    rows = [
        ("good", "good.txt"), ("nested", "sub/nested.txt"), ("inner", "inner_link.txt"),
        ("dotdot", "../secret.txt"), ("absolute", str(outside)), ("link", "link.txt"),
        ("proc", "/proc/self/status"), ("dir", "a_folder.txt"), ("fifo", "pipe.txt"),
        ("etc", "../../../../../../etc/passwd"),
    ]  # fmt: skip
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "file"])
        writer.writerows(rows)
    corpus = load_corpus(folder)
    assert corpus.ids == ["good", "nested", "inner"]
    reasons = {r.id: r.reason for r in corpus.rejected}
    for article_id in ("dotdot", "absolute", "link", "proc", "etc"):
        assert reasons[article_id].startswith("outside the corpus folder"), (article_id, reasons[article_id])
    assert reasons["dir"].startswith("not a regular file") and reasons["fifo"].startswith("not a regular file")
    _no_secret(corpus)


def test_a_folder_does_not_follow_links_out_of_itself(tmp_path, outside):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "evil.txt").symlink_to(outside)
    corpus = load_corpus(folder)
    assert corpus.ids == ["good"]
    assert [r.reason.split(":")[0] for r in corpus.rejected] == ["outside the corpus folder"]
    _no_secret(corpus)


def test_a_link_inside_the_folder_is_read_once_under_its_own_name(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "zlink.txt").symlink_to(folder / "empty.txt")
    corpus = load_corpus(folder)
    assert corpus.ids == ["alias", "good"]
    assert sorted(r.source for r in corpus.rejected) == ["empty.txt", "zlink.txt"]


# --------------------------------------------------------------------------- row isolation


def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _good_line(n: int) -> bytes:
    return json.dumps({"id": f"a{n}", "text": _article(n)}).encode()


@pytest.mark.parametrize(
    "bad, reason",
    [
        ('{"id": "x", "text": "caf\xe9 au lait and more"}'.encode("cp1252"), "not UTF-8"),
        (b'{"id": "x", "n": ' + b"9" * 5000 + b', "text": "t"}', "digits"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"id": "x", "text": NaN}', "not valid JSON"),
        (b'{"id": "x", "text": "unterminated', "malformed JSON line"),
        (b'["a list", "not an object"]', "not a JSON object"),
    ],
)
def test_one_bad_jsonl_line_is_one_reject_and_the_rest_loads(tmp_path, bad, reason):
    lines = [_good_line(n) for n in range(1, 4)] + [bad] + [_good_line(n) for n in range(4, 7)]
    corpus = load_corpus(_jsonl(tmp_path / "in.jsonl", lines))
    assert corpus.ids == [f"a{n}" for n in range(1, 7)]
    assert len(corpus.rejected) == 1
    assert corpus.rejected[0].source == "in.jsonl line 4" and reason in corpus.rejected[0].reason


def _csv(path: Path, rows: list[list[str]], encodings: dict[int, str] | None = None) -> Path:
    lines = []
    for i, row in enumerate([["id", "text"], *rows]):
        text = _csv_line(row)
        lines.append(text.encode((encodings or {}).get(i, "utf-8")))
    path.write_bytes(b"".join(lines))
    return path


def _csv_line(row: list[str]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def test_one_row_that_is_not_utf8_is_one_reject_and_the_rest_loads(tmp_path):
    rows = [[f"c{n}", _article(n)] for n in range(1, 6)]
    rows[1][1] = rows[1][1].replace("library", "caf\u00e9 library")
    corpus = load_corpus(_csv(tmp_path / "in.csv", rows, encodings={2: "cp1252"}))
    assert corpus.ids == ["c1", "c3", "c4", "c5"]
    [reject] = corpus.rejected
    assert reject.source == "in.csv row 3" and "not UTF-8" in reject.reason


def test_a_table_in_cp1252_throughout_is_refused_row_by_row_without_a_crash(tmp_path):
    rows = [[f"c{n}", _article(n).replace("library", "caf\u00e9")] for n in range(1, 4)]
    path = _csv(tmp_path / "in.csv", rows, encodings={i: "cp1252" for i in range(4)})
    corpus = load_corpus(path)
    assert corpus.ids == [] and len(corpus.rejected) == 3
    assert all("not UTF-8" in r.reason for r in corpus.rejected)
    done = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(path)], capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "3 rejected" in done.stderr


def test_a_long_text_field_loads_and_so_do_the_rows_after_it(tmp_path):
    long_text = " ".join([_article(9)] * 700)  # about 200,000 characters: over csv's default field limit
    assert len(long_text) > 131_072
    rows = [["c1", _article(1)], ["long", long_text], ["c3", _article(3)]]
    corpus = load_corpus(_csv(tmp_path / "in.csv", rows))
    assert corpus.ids == ["c1", "long", "c3"] and not corpus.rejected


# --------------------------------------------------------------------------- prose is not HTML


@pytest.mark.parametrize("tag", ["<script>", "<style>", "<svg width='10'>", "<html>", "</body>"])
def test_prose_that_mentions_a_tag_is_kept_whole(tmp_path, tag):
    text = (
        f"Web developers argue about whether the {tag} tag belongs in email. " + _article(1) + " "
        + _article(2) + f" Critics wrote that a {tag} element in a message is a risk."
    )  # fmt: skip
    assert looks_like_html(text) is False
    (tmp_path / "prose.txt").write_text(text, encoding="utf-8")
    [article] = load_corpus(tmp_path).articles
    assert article.text.endswith("is a risk.") and tag in article.text


def test_a_page_whose_markup_starts_late_is_still_read_as_a_page(tmp_path):
    page = (
        "<!-- " + "saved page " * 2500 + "-->\n<!DOCTYPE html><html><head><title>Budget</title>"
        "<script>var tracker = 'LEAK-SCRIPT';</script><style>.x{color:red}</style></head><body>"
        f"<article><p>{_article(1)}</p><p>{_article(2)}</p></article></body></html>"
    )
    assert page.index("<!DOCTYPE") > 20_000 and looks_like_html(page)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = load_corpus(tmp_path).articles
    assert "LEAK-SCRIPT" not in article.text and "color:red" not in article.text
    assert article.text.startswith("Story 1:")


# --------------------------------------------------------------------------- resume and lock


def test_resuming_a_finished_run_writes_no_reject_twice(tmp_path):
    rows = [{"id": f"d{n % 3}", "text": _article(n)} for n in range(6)]  # ids d0 d1 d2 twice each
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = pipeline.run_corpus(source, out, jobs=1, format="csv")
    assert (first.done, first.rejected) == (3, 3)
    before = pipeline.read_table(out, "rejects")
    for _ in range(2):
        again = pipeline.run_corpus(source, out, jobs=1, format="csv")
        assert again.done == 0 and again.skipped == 3
    after = pipeline.read_table(out, "rejects")
    assert len(before) == 3 and after.equals(before)


@pytest.mark.slow
def test_simultaneous_starts_never_both_write(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"s{n}", "text": _article(n)}) for n in range(4)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "analyze", str(source), "--out", str(out), "--jobs", "1", "--format", "csv"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    for code, err in results:
        assert code == 0 or (code == 2 and "another run" in err), err
    articles = pipeline.read_table(out, "articles")
    assert sorted(articles["article"]) == ["s0", "s1", "s2", "s3"]  # each once: no run wrote over another
    assert not (out / "_lock").exists() and not list(out.glob("._lock-*"))
    assert config.ROOT.exists()


def _hold_the_lock(out: str, barrier, log: str) -> None:
    from analysis.batch.pipeline import output

    barrier.wait()
    try:
        with output._locked(Path(out)):
            with open(log, "a") as fh:
                fh.write(f"in {os.getpid()}\n")
            import time

            time.sleep(0.05)
            with open(log, "a") as fh:
                fh.write(f"out {os.getpid()}\n")
    except ValueError:
        pass


def test_the_lock_admits_one_run_at_a_time_under_simultaneous_starts(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    out, log = tmp_path / "out", tmp_path / "log"
    out.mkdir()
    for _ in range(5):  # rounds of 16 processes released at the same instant
        barrier = context.Barrier(16)
        workers = [context.Process(target=_hold_the_lock, args=(str(out), barrier, str(log))) for _ in range(16)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
            assert worker.exitcode == 0
    events = log.read_text().split()[::2]
    assert events and "".join(events) == "inout" * (len(events) // 2)  # never two "in" in a row
    assert not (out / "_lock").exists()


# --------------------------------------------------------------------------- line endings, control characters


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_any_line_ending_gives_every_row_and_a_true_progress_count(tmp_path, ending):
    from analysis.batch.pipeline import count_inputs

    lines = [_good_line(n) for n in range(1, 4)]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes(ending.join(lines) + ending)
    assert load_corpus(jsonl).ids == ["a1", "a2", "a3"] and count_inputs(jsonl) == 3
    table = tmp_path / "in.csv"
    table.write_bytes(ending.join(_csv_line(r).rstrip("\n").encode() for r in [["id", "text"], ["c1", _article(1)], ["c2", _article(2)]]) + ending)
    assert load_corpus(table).ids == ["c1", "c2"] and count_inputs(table) == 2


def test_control_characters_in_ids_and_metadata_are_never_printed_or_kept(tmp_path):
    rows = [
        {"id": "ok\x1b[2J\x00", "title": "Bridge\x1b]0;owned\x07 closes", "outlet": "Daily\x00 News", "text": _article(1)},
        {"id": "gone\x1b[31m", "text": ""},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = load_corpus(source)
    [article], [reject] = corpus.articles, corpus.rejected
    for value in (article.id, article.headline, article.outlet, reject.id, reject.source, reject.reason):
        assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value), repr(value)
    assert article.id == "ok [2J" and article.outlet == "Daily News"
    done = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(source)], capture_output=True, text=True)
    assert "\x1b" not in done.stdout + done.stderr and "\x00" not in done.stdout + done.stderr


# --------------------------------------------------------------------------- bounded work per article


def test_the_clause_check_found_in_one_pass_agrees_with_the_check_of_every_prefix():
    from analysis.sources.speakers import _CLAUSE_OPENERS, _PAST_FORM, _SUBJECT_VERB_WORDS, _first_clause_end

    def _looks_like_clause_before(text: str) -> bool:  # the check of every prefix it replaced
        return bool(_SUBJECT_VERB_WORDS.search(text)) or bool(_PAST_FORM.search(text))

    texts = [
        "Smith and Jones", "the council met and Smith", "Ana Ruiz, who has led and won, and the mayor",
        "He walked and talked and the aide", "islands and edges and Ted and", "", "and",
    ]  # fmt: skip
    for text in texts:
        end = _first_clause_end(text)
        for m in _CLAUSE_OPENERS.finditer(text):
            assert (end <= m.start()) == _looks_like_clause_before(text[: m.start()]), (text, m.start())


def test_sentence_initial_from_the_first_word_index_agrees_with_the_token_scan():
    import random

    from analysis.nlp.entities import _first_word, _sentence_initial

    def reference(tokens, index):
        before = [t for t, _, _ in tokens[:index]]
        return not before or all(not t[0].isalnum() for t in before) or before[-1] in ('"', "“", "‘", ":", "'", "``")

    rng = random.Random(0)
    pieces = ['"', "“", ":", "'", "(", "-", "The", "said", "Ana", "9", ","]
    for _ in range(3000):
        tokens = [(rng.choice(pieces), 0, 0) for _ in range(rng.randint(1, 8))]
        for index in range(len(tokens)):
            assert _sentence_initial(tokens, index, _first_word(tokens)) == reference(tokens, index)


def test_one_very_long_sentence_is_analysed_with_its_direct_quotes_and_no_reported_speech():
    from analysis.batch.pipeline import analyze_article
    from analysis.corpus import Article
    from analysis.sources.reported import MAX_REPORTED_SENTENCE

    quote = '"We will rebuild the bridge," Mayor Ana Ruiz said. '
    run_on = "The council met and the mayor said the plan works and " * 400 + "that was all."
    assert len(run_on) > MAX_REPORTED_SENTENCE and run_on.count(".") == 1
    result = analyze_article(Article(id="long", text=quote + run_on))
    assert not result.error
    assert result.tables["quotes"]["speaker"] == ["Ana Ruiz"]  # the direct quote; none inside the run-on
    assert len(result.tables["sentences"]["sentence"]) == 2


# --------------------------------------------------------------------------- clear messages


def test_a_full_disk_is_one_clear_line_and_leaves_resumable_output(tmp_path, monkeypatch, capsys):
    import errno

    from analysis.batch import cli
    from analysis.batch.pipeline import run as runmod

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"f{n}", "text": _article(n)}) for n in range(4)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    real, calls = runmod._write_part, []

    def full_disk(folder, kind, number, content, fmt):
        calls.append(number)
        if number >= 1:
            raise OSError(errno.ENOSPC, "No space left on device", str(folder / kind))
        return real(folder, kind, number, content, fmt)

    monkeypatch.setattr(runmod, "_write_part", full_disk)
    code = cli.main(["analyze", str(source), "--out", str(out), "--jobs", "1", "--chunk-size", "2", "--format", "csv"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "error: no space left on the disk while writing" in err and "run the same command again" in err
    assert not (out / "_lock").exists() and not [p for p in out.rglob("*") if ".tmp" in p.name]
    monkeypatch.setattr(runmod, "_write_part", real)
    assert cli.main(["analyze", str(source), "--out", str(out), "--jobs", "1", "--chunk-size", "2", "--format", "csv"]) == 0
    assert sorted(pipeline.read_table(out, "articles")["article"]) == ["f0", "f1", "f2", "f3"]


def _session_members(sid: int) -> list[int]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # field 6 of stat: the session id
            members.append(int(stat.parent.name))
    return members


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_killing_the_command_leaves_no_worker_behind(tmp_path):
    import signal
    import time

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"k{n}", "text": _article(n) * 20}) for n in range(3000)) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "analysis", "analyze", str(source), "--out", str(tmp_path / "out"), "--jobs", "2", "--chunk-size", "20"]
    main = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(_session_members(main.pid)) < 4 and time.monotonic() < deadline:  # main, fork server, 2 workers
        time.sleep(0.2)
    assert len(_session_members(main.pid)) >= 4, "the workers never started"
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 20
    while _session_members(main.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _session_members(main.pid)
    for pid in left:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left running after the command was killed: {left}"


def test_a_report_on_a_corpus_with_no_usable_article_says_so_before_running_anything(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "report"
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--corpus", str(folder), "--out", str(out), "--only", "01_corpus", "--new-kernels"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "error: no usable article in" in done.stderr and "2 input(s) rejected" in done.stderr
    assert not list(out.glob("*.ipynb")) if out.exists() else True


def test_an_article_over_its_time_limit_is_a_reject_and_the_run_goes_on(tmp_path, monkeypatch):
    import time

    from analysis import sources

    real = sources.quote_columns

    def stuck_on_one(doc, **options):
        if "Story 2:" in doc.text:
            for _ in range(200):  # 10 s unless stopped
                time.sleep(0.05)
        return real(doc, **options)

    from analysis.batch.pipeline import analyze_article
    from analysis.corpus import Article

    assert not analyze_article(Article(id="warm", text=_article(0))).error  # models loaded before the clock runs
    monkeypatch.setattr(sources, "quote_columns", stuck_on_one)
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"t{n}", "text": _article(n)}) for n in range(1, 5)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = pipeline.run_corpus(source, out, jobs=1, format="csv", time_limit=2)
    rejects = pipeline.read_table(out, "rejects")
    assert (summary.done, summary.failed) == (3, 1), rejects.to_dict("records")
    assert rejects["id"].tolist() == ["t2"]
    assert rejects["reason"].tolist() == ["analysis failed: took longer than 2 s (stopped in quotes)"]
    assert sorted(pipeline.read_table(out, "articles")["article"]) == ["t1", "t3", "t4"]


def test_the_time_limit_leaves_no_alarm_behind():
    import signal

    from analysis.batch.pipeline import analyze_article
    from analysis.corpus import Article

    before = signal.getsignal(signal.SIGALRM)
    result = analyze_article(Article(id="a", text=_article(1)), time_limit=30)
    assert not result.error and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_a_selection_with_every_input_rejected_says_so_by_name(tmp_path):
    from analysis import compare

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(compare.NoUsableArticle, match=r"no usable article in .*: 2 inputs rejected; the first: binary.txt"):
        compare.select(corpus=tmp_path)


@pytest.mark.slow
def test_the_corpus_notebook_lists_the_rejects_when_every_input_is_rejected(tmp_path, run_notebook):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    _, text = run_notebook("01_corpus", CORPUS=str(folder), FIGURES_DIR=str(tmp_path / "figures"))
    assert "0 articles" in text and "empty.txt" in text and "empty file" in text
    assert (tmp_path / "figures" / "01_lengths.png").stat().st_size > 0
