"""The library's layout: packages by step of the data flow, imports in one direction.

These tests read the source (no imports), so they hold for every module, including code
that is only imported lazily inside a function.
"""

from __future__ import annotations

import ast
import statistics
from pathlib import Path

import pytest

from analysis import config, lexicons

PACKAGE = config.ROOT / "analysis"
#: The steps of the data flow, in order: a package may import only packages before it
#: (and itself). Top-level modules (config, cache, codeversion, the entities alias) come first.
ORDER = ["config", "codeversion", "cache", "lexicons", "nlp", "entities", "corpus", "sources", "sentiment",
         "framing", "compare", "present", "batch"]  # fmt: skip


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()
#: The package itself and ``python -m analysis`` (which starts the command line) stand above the steps.
ENTRY = ("analysis", "analysis.__main__")


def _imports(module: str, path: Path) -> set[str]:
    """Every ``analysis`` module ``module`` imports: import statements anywhere in it (also
    inside functions) and ``importlib.import_module`` calls with a literal or f-string name."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            names.update([base, *(f"{base}.{alias.name}" for alias in node.names)])
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.add(arg.value)
            elif isinstance(arg, ast.JoinedStr):  # f"{__package__}.sources"
                text = "".join(v.value if isinstance(v, ast.Constant) else "analysis" for v in arg.values)
                names.add(text)
    return {name for name in names if name in MODULES and name != "analysis"}


def _step(module: str) -> str:
    """The package (or top-level module) of ``analysis`` that ``module`` belongs to."""
    return module.split(".")[1]


def test_at_least_five_packages_by_step_of_the_data_flow():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert {"corpus", "nlp", "lexicons", "sentiment", "sources", "framing", "compare", "present", "batch"} <= packages
    steps = {_step(m) for m in MODULES if m not in ENTRY}
    assert steps <= set(ORDER), sorted(steps - set(ORDER))


def test_imports_go_one_way_along_the_data_flow():
    wrong = []
    for module, path in MODULES.items():
        if module in ENTRY:
            continue
        for target in _imports(module, path):
            if ORDER.index(_step(target)) > ORDER.index(_step(module)):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_nothing_outside_batch_imports_batch():
    outside = [
        f"{module} imports {target}"
        for module, path in MODULES.items()
        if module not in ENTRY and _step(module) != "batch"
        for target in _imports(module, path)
        if _step(target) == "batch"
    ]
    assert not outside, "\n".join(outside)


def test_imports_between_packages_are_acyclic():
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        if module in ENTRY:
            continue
        graph.setdefault(_step(module), set()).update(
            _step(t) for t in _imports(module, path) if _step(t) != _step(module)
        )
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_modules_are_small():
    sizes = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in MODULES.items()}
    big = {m: n for m, n in sizes.items() if n > 700}
    assert not big, big
    assert statistics.median(sizes.values()) <= 250


def test_word_lists_are_data_files_with_a_header_that_says_how_to_add_an_entry():
    files = lexicons.names()
    assert len(files) >= 5
    for name in files:
        lines = lexicons.read_text(name).splitlines()
        head = lines[: next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))]
        comment = " ".join(line.lstrip("# ").lower() for line in head)
        assert comment, f"{name} starts with no comment"
        assert "add" in comment, f"{name}: its header does not say how to add an entry"


def test_a_missing_word_list_is_named():
    with pytest.raises(FileNotFoundError, match="no_such_list.txt"):
        lexicons.words("no_such_list.txt")


def test_word_lists_load_with_comments_dropped():
    months = lexicons.words("months.txt")
    assert months[0] == "january" and len(months) == 12
    assert not any(line.startswith("#") for name in lexicons.names() if name.endswith(".txt")
                   for line in lexicons.words(name))  # fmt: skip
