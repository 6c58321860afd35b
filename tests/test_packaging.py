"""The repository's promises: one dependency list, two README commands, CI runs the tests."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from analysis import config


def _pyproject_requirements() -> dict[str, str]:
    data = tomllib.loads((config.ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + [r for extra in data["project"]["optional-dependencies"].values() for r in extra]
    return dict(_split(r) for r in reqs)


def _environment_requirements() -> dict[str, str]:
    lines = (config.ROOT / "environment.yml").read_text().splitlines()
    start = lines.index("dependencies:")
    reqs = {}
    for line in lines[start + 1 :]:
        m = re.match(r"^\s+-\s+([^#\s]+)\s*$", line)
        if m:
            name, spec = _split(m.group(1))
            if name != "python":
                reqs[name] = spec
    return reqs


def _split(requirement: str) -> tuple[str, str]:
    m = re.match(r"^([A-Za-z0-9_.\-]+)(.*)$", requirement.strip())
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_python_version_agrees():
    data = tomllib.loads((config.ROOT / "pyproject.toml").read_text())
    assert "3.11" in data["project"]["requires-python"]
    assert "python=3.11" in (config.ROOT / "environment.yml").read_text()


def test_ci_runs_exactly_the_readme_test_command_after_the_lint_check():
    readme = (config.ROOT / "README.md").read_text()
    ci = (config.ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make report" in readme and "make lint" in readme
    assert [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))] == ["make lint", "make test"]


def test_lint_is_configured_and_installed_by_the_set_up():
    data = tomllib.loads((config.ROOT / "pyproject.toml").read_text())
    assert data["tool"]["ruff"]["lint"]["select"]
    assert any(dep.startswith("ruff") for dep in data["project"]["optional-dependencies"]["test"])
    assert "lint:" in (config.ROOT / "Makefile").read_text()


def test_command_line_lists_its_subcommands():
    done = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True)
    for sub in ("setup", "report", "analyze"):
        assert sub in done.stdout


def test_notebooks_have_a_parameters_cell_with_documented_upper_case_values():
    import nbformat

    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        for line in tagged[0].source.splitlines():
            assert re.match(r"^[A-Z][A-Z0-9_]*: \w+ = .+  # .+$", line), f"{path.name}: {line}"
