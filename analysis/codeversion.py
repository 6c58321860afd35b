"""Which source files a result depends on, and one hash of them: the *code version*.

A cached result (:mod:`analysis.cache`) and a corpus-mode table (:mod:`analysis.batch.pipeline`)
are keyed by the code that made them: the module that computes them, every module of this
package it imports (found by following its ``from ... import`` lines, also those inside
functions) and the word lists of :mod:`analysis.lexicons` when they are read. Light on
purpose: no pandas or NLTK, so the batch's main process can ask for it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

_PACKAGE = __package__
_PACKAGE_DIR = Path(__file__).resolve().parent


#: ``from .x import ...``, ``from . import a, b``, ``from analysis[.x] import ...`` at any indent.
_IMPORT_FROM = re.compile(
    r"^[ \t]*from[ \t]+(?P<base>\.+|" + re.escape(_PACKAGE) + r"\b)(?P<module>[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#;]*)",
    re.MULTILINE,
)


def _module_file(module: str) -> Path | None:
    """The source file of ``module`` of this package (``pkg/__init__.py`` for a package)."""
    base = _PACKAGE_DIR.joinpath(*module.split(".")[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _local_imports(module: str, path: Path | None = None) -> set[str]:
    """Names of the ``analysis`` modules that ``module`` imports (also inside functions).

    A scan of the ``from ... import`` lines rather than a parse of the whole module (which
    costs a tenth of a second for the package, in every new process that reads the cache);
    a match inside a string can only add a module, which makes a key change more often,
    never less. A module in a subpackage also counts the packages above it (importing it
    runs their ``__init__``).
    """
    path = path or _module_file(module)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for match in _IMPORT_FROM.finditer(path.read_text(encoding="utf-8")):
        base, sub = match["base"], match["module"].lstrip(".")
        if base.startswith("."):
            parts = package.split(".")
            if len(base) - 1 >= len(parts):
                continue  # above this package
            prefix = ".".join(parts[: len(parts) - (len(base) - 1)])
        else:
            prefix = _PACKAGE
        if sub:
            prefix = f"{prefix}.{sub}"
        names.add(prefix)
        for item in match["names"].strip("() \t\n").split(","):
            name = item.split(" as ")[0].strip()
            if name.isidentifier():
                names.add(f"{prefix}.{name}")  # kept only when it is a module
    found = set()
    for name in names:
        parts = name.split(".")
        found.update(".".join(parts[:i]) for i in range(2, len(parts) + 1))
    return {n for n in found if _module_file(n) is not None}


def modules_behind(module: str) -> list[str]:
    """``module`` and every module of this package that it imports, directly or not.

    >>> modules_behind("analysis.nlp.text")
    ['analysis.cache', 'analysis.config', 'analysis.nlp', 'analysis.nlp.nltk_data', 'analysis.nlp.nltk_packages', 'analysis.nlp.text']
    """
    seen, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_local_imports(name) - seen)
    return sorted(seen)


def _data_files(modules: list[str]) -> list[Path]:
    """The data files read by ``modules``: all of ``analysis/lexicons`` (word lists and the
    trained models in ``models/``) when it is among them."""
    if f"{_PACKAGE}.lexicons" not in modules:
        return []
    folder = _PACKAGE_DIR / "lexicons"
    models = folder / "models"
    found = [p for p in folder.iterdir() if p.suffix in (".txt", ".toml", ".csv")]
    if models.is_dir():
        found += [p for p in models.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(found)


def source_digest(module: str) -> str:
    """SHA-256 (hex) of the files behind ``module``: :func:`modules_behind` and their word lists.

    For a module outside this package, the hash of its own source file.

    >>> len(source_digest("analysis.nlp.text"))
    64
    """
    if module == _PACKAGE or module.startswith(f"{_PACKAGE}."):
        behind = modules_behind(module)
        files = [_module_file(name) for name in behind] + _data_files(behind)
    else:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin or not Path(spec.origin).is_file():
            raise TypeError(f"no source file for module {module}")
        files = [Path(spec.origin)]
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(_PACKAGE_DIR) if path.is_relative_to(_PACKAGE_DIR) else path.name
        digest.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
