"""``python -m analysis docs``: the documents made from the word lists stay in step with them."""

from __future__ import annotations

import shutil
import subprocess
import sys

from analysis import config
from analysis.batch import docs


def _copy_docs(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in docs.DOCUMENTS:
        shutil.copy(config.ROOT / name, tmp_path / name)
    return tmp_path


def test_the_committed_docs_match_their_word_lists():
    assert docs.stale_docs() == {}, "run: python -m analysis docs"


def test_a_stale_verb_table_is_found_and_rewritten_leaving_the_prose_alone(tmp_path):
    root = _copy_docs(tmp_path)
    path = root / "docs" / "sources.md"
    original = path.read_text(encoding="utf-8")
    begin = original.index(docs.BEGIN) + len(docs.BEGIN)
    damaged = original[:begin] + "\n| neutral (1) | say |" + original[begin:]
    path.write_text(damaged.replace("\n\n", "\n\nA hand-written note.\n\n", 1), encoding="utf-8")
    assert list(docs.stale_docs(root)) == [path]
    assert docs.write_docs(root) == [path]
    rewritten = path.read_text(encoding="utf-8")
    assert "| neutral (1) | say |" not in rewritten
    assert "A hand-written note." in rewritten  # only the generated section is replaced
    assert docs.stale_docs(root) == {}
    assert not list((root / "docs").glob("*.partial"))


def test_a_changed_framing_document_is_regenerated_whole(tmp_path):
    root = _copy_docs(tmp_path)
    path = root / "docs" / "framing_rules.md"
    path.write_text("edited by hand\n", encoding="utf-8")
    assert docs.write_docs(root) == [path]
    assert path.read_text(encoding="utf-8") == (config.ROOT / "docs" / "framing_rules.md").read_text(encoding="utf-8")


def test_sources_doc_without_markers_is_refused(tmp_path):
    root = _copy_docs(tmp_path)
    (root / "docs" / "sources.md").write_text("# Sources\n\nno table here\n", encoding="utf-8")
    try:
        docs.stale_docs(root)
    except ValueError as err:
        assert "BEGIN generated" in str(err)
    else:
        raise AssertionError("a sources doc without markers was accepted")


def test_the_command_checks_and_says_so():
    done = subprocess.run([sys.executable, "-m", "analysis", "docs", "--check"], capture_output=True, text=True, cwd=config.ROOT)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True)
    assert "docs" in listed.stdout
