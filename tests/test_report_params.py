"""Parameters given to the batch the papermill way: -p NAME VALUE and -f params.yaml."""

from __future__ import annotations

import pytest

from analysis.batch import cli
from analysis.batch.report import params


@pytest.mark.parametrize(
    ("text", "value"),
    [("True", True), ("False", False), ("None", None), ("12", 12), ("0.25", 0.25), ("Harbour Board", "Harbour Board"),
     ('["Orla Fenwick", "Quill"]', ["Orla Fenwick", "Quill"]), ("[ferry, bridge]", ["ferry", "bridge"]),
     ("{a: 1}", {"a": 1}), ("2026-10-12", "2026-10-12")],
)  # fmt: skip
def test_a_value_is_read_as_papermill_reads_it_and_lists_as_yaml(text, value):
    assert params.parse_value(text) == value


def test_a_broken_list_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot read"):
        params.parse_value("[ferry")


def test_file_values_come_first_and_p_values_win(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("TARGETS: [Fenwick, Quill]\nNGRAM: 2\npublished: 2026-10-12\n", encoding="utf-8")
    got = params.user_parameters([("NGRAM", "1")], [path])
    assert got == {"TARGETS": ["Fenwick", "Quill"], "NGRAM": 1, "published": "2026-10-12"}


@pytest.mark.parametrize(
    ("content", "message"),
    [("- a\n- b\n", "must map names"), ("A: [\n", "not YAML")],
)
def test_a_parameters_file_that_is_no_mapping_is_refused(tmp_path, content, message):
    path = tmp_path / "p.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        params.read_parameters_file(path)


def test_a_missing_parameters_file_is_named(tmp_path):
    with pytest.raises(ValueError, match="missing.yaml"):
        params.read_parameters_file(tmp_path / "missing.yaml")


def test_the_selection_is_given_with_the_commands_own_options():
    with pytest.raises(ValueError, match="--corpus"):
        params.user_parameters([("CORPUS", "stories.csv")])


def test_undeclared_names_and_single_values_for_lists():
    assert params.undeclared({"TARGETS": [], "TYPO": 1}, [{"TARGETS"}, {"NGRAM"}]) == ["TYPO"]
    assert params.fit_declared("bridge", "list") == ["bridge"]
    assert params.fit_declared("bridge", "str") == "bridge"


def test_the_report_command_reads_p_and_f(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr("analysis.batch.report.run_batch", lambda **kw: seen.update(kw) or _ok())
    path = tmp_path / "p.yaml"
    path.write_text("NGRAM: 2\n", encoding="utf-8")
    code = cli.main(["report", "--new-kernels", "-f", str(path), "-p", "TERMS", '["bridge"]', "-p", "NGRAM", "1"])
    assert code == 0
    assert seen["parameters"] == {"NGRAM": 1, "TERMS": ["bridge"]}


def test_the_report_command_refuses_a_bad_value_with_one_line(capsys):
    code = cli.main(["report", "--new-kernels", "-p", "TERMS", "[bridge"])
    assert code == 2
    assert capsys.readouterr().err.startswith("error: cannot read")


def _ok():
    import pandas as pd

    return pd.DataFrame({"status": ["ok"]})
