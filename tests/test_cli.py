"""The command line's own start-up: what it imports, and the kernel server it starts first."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from analysis import config
from analysis.batch import cli, kernels


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=config.ROOT, timeout=120)


def test_deferred_module_is_imported_at_its_first_use_and_works_as_the_real_one():
    done = _python(
        """
        import sys
        from analysis.batch import cli
        assert cli._defer_import("rfc3987_syntax", ("is_valid_syntax",))
        import nbformat, jsonschema
        from nbformat.v4 import new_notebook
        nbformat.validate(new_notebook())  # notebooks are validated without the real module
        assert type(sys.modules["rfc3987_syntax"]).__name__ == "_DeferredModule"
        assert "rfc3987_syntax.syntax_helpers" not in sys.modules
        checker = jsonschema.FormatChecker()
        print(checker.conforms("https://example.org/caf\u00e9", "iri"), checker.conforms("not an iri at all", "iri"))
        print(type(sys.modules["rfc3987_syntax"]).__name__, "rfc3987_syntax.syntax_helpers" in sys.modules)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "module", "True"]


def test_nothing_is_deferred_when_already_imported_or_not_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "mediaframes_test_module", object())
    assert not cli._defer_import("mediaframes_test_module", ("f",))
    assert not cli._defer_import("mediaframes_no_such_module", ("f",))
    assert "mediaframes_no_such_module" not in sys.modules


def test_report_command_starts_the_kernel_server_and_hands_it_to_the_batch(monkeypatch):
    from analysis.batch import report

    servers, seen = [], {}
    monkeypatch.setattr(kernels, "batch_server", lambda *, use_cache: servers.append(use_cache) or f"server {len(servers)}")
    monkeypatch.setattr(report, "run_batch", lambda **kwargs: seen.update(kwargs) or pd.DataFrame({"status": ["ok"]}))
    assert cli.main(["report", "--no-cache", "--only", "00_start_here"]) == 0
    assert servers == [False] and seen["kernel_server"] == "server 1" and seen["use_cache"] is False

    seen.clear()
    assert cli.main(["report", "--new-kernels", "--only", "00_start_here"]) == 0
    assert servers == [False]  # no second server
    assert seen["kernel_server"] is None and seen["warm_kernels"] is False


@pytest.mark.skipif(not kernels.can_fork(), reason="kernels are forked only where the platform allows it")
def test_batch_server_gives_its_kernels_the_inline_backend_and_the_cache_setting(monkeypatch):
    envs = []
    monkeypatch.setattr(kernels, "KernelServer", lambda *, env: envs.append(env) or "server")
    monkeypatch.setenv(config.NO_CACHE_ENV, "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    assert kernels.batch_server(use_cache=True) == "server"
    assert kernels.batch_server(use_cache=False) == "server"
    assert [env["MPLBACKEND"] for env in envs] == [kernels.INLINE_BACKEND] * 2
    assert config.NO_CACHE_ENV not in envs[0] and envs[1][config.NO_CACHE_ENV] == "1"


def test_analyze_command_main_process_stays_without_nltk_and_pandas(tmp_path):
    """With workers, the command's own process only reads inputs and writes files."""
    done = _python(
        f"""
        import sys
        from analysis.batch import cli
        code = cli.main(["analyze", {str(config.SEEDS_DIR)!r}, "--out", {str(tmp_path / "out")!r}, "--jobs", "2"])
        print(code, [m for m in ("nltk", "pandas", "pyarrow") if m in sys.modules])
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"
    assert sorted(p.name for p in (tmp_path / "out" / "articles").glob("part-*")) == ["part-00000.parquet"]


def test_train_and_evaluate_name_the_missing_development_data(tmp_path, capsys):
    from analysis.batch import cli

    assert cli.main(["evaluate", "ner", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no development data" in err and str(tmp_path / "ner") in err
    assert cli.main(["train", "no-such-model"]) == 2
    assert "choose from" in capsys.readouterr().err
