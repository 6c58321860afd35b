"""Parameters a user gives the batch, the papermill way: ``-p NAME VALUE`` and ``-f params.yaml``.

A value given with ``-p`` is read as papermill's command line reads it (``True``, ``False``,
``None``, an integer, a decimal number, else the text itself), and a value that opens with
``[`` or ``{`` as YAML (so JSON too): ``-p TARGETS '["Ada Byrne", "Harbour Board"]'``. A
``-f`` file is a YAML mapping of names to values, read before the ``-p`` values (which win).
Each notebook gets the parameters its ``parameters`` cell declares; a name that no notebook
of the batch declares is reported once.

The selection itself (``ARTICLES``, ``CORPUS``, ``FIGURES_DIR``) is given with the report
command's own options (``--articles``, ``--corpus``, ``--out``), so that the index page
lists what the notebooks ran on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

#: Parameters the batch sets from its own options; ``-p`` refuses them, naming the option.
BATCH_OPTIONS = {"ARTICLES": "--articles", "CORPUS": "--corpus", "FIGURES_DIR": "--out"}


def _yaml_loader():
    """A safe YAML loader that keeps dates as text (papermill's ``NoDatesSafeLoader``)."""
    import yaml

    class NoDatesSafeLoader(yaml.SafeLoader):
        pass

    NoDatesSafeLoader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return NoDatesSafeLoader


def parse_value(text: str):
    """A ``-p`` value as papermill reads it, with lists and mappings read as YAML or JSON.

    >>> parse_value("3"), parse_value("0.5"), parse_value("None"), parse_value("Harbour Board")
    (3, 0.5, None, 'Harbour Board')
    >>> parse_value('["Ada Byrne", "ferry"]')
    ['Ada Byrne', 'ferry']

    Raises:
        ValueError: a value opening with ``[`` or ``{`` that is not valid YAML.
    """
    import yaml

    if text == "True":
        return True
    if text == "False":
        return False
    if text == "None":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    if text.lstrip().startswith(("[", "{")):
        try:
            return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 (a safe loader)
        except yaml.YAMLError as err:
            raise ValueError(f"cannot read {text!r} as a list or mapping: {str(err).splitlines()[0]}") from None
    return text


def read_parameters_file(path: str | Path) -> dict:
    """The parameters in a YAML file (a mapping of names to values; an empty file gives none).

    Raises:
        ValueError: the file is missing, is not YAML, or does not hold a mapping.
    """
    import yaml

    path = Path(path)
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_yaml_loader())  # noqa: S506
    except OSError as err:
        raise ValueError(f"cannot read the parameters file {path}: {err.strerror or err}") from None
    except yaml.YAMLError as err:
        raise ValueError(f"the parameters file {path} is not YAML: {str(err).splitlines()[0]}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ValueError(
            f"the parameters file {path} must map names to values (NAME: value), not hold a {type(loaded).__name__}"
        )
    return {str(k): v for k, v in loaded.items()}


def user_parameters(pairs: Iterable[tuple[str, str]] = (), files: Iterable[str | Path] = ()) -> dict:
    """The parameters of ``-f`` files (in order) and then of ``-p NAME VALUE`` pairs.

    Raises:
        ValueError: a file cannot be read, a value cannot be parsed, or a name is one the
            batch sets from its own options (:data:`BATCH_OPTIONS`).
    """
    params: dict = {}
    for path in files:
        params.update(read_parameters_file(path))
    for name, value in pairs:
        params[name] = parse_value(value)
    for name in params:
        if name in BATCH_OPTIONS:
            raise ValueError(
                f"the parameter {name} is set by the report command: use {BATCH_OPTIONS[name]} instead of -p {name}"
            )
        if not name.isidentifier():
            raise ValueError(f"{name!r} is no parameter name (names look like TARGETS or NGRAM)")
    return params


def undeclared(params: Mapping, declared: Iterable[Iterable[str]]) -> list[str]:
    """The names of ``params`` that none of the ``declared`` name sets holds, in given order."""
    known = set().union(*(set(names) for names in declared))
    return [name for name in params if name not in known]


def fit_declared(value, type_name: str):
    """``value`` made to fit the declared type: a single text given for a ``list`` parameter
    becomes a one-item list (``-p TERMS ferry``), anything else is passed as it is.

    >>> fit_declared("ferry", "list"), fit_declared(["a"], "list"), fit_declared("x", "str")
    (['ferry'], ['a'], 'x')
    """
    if type_name == "list" and isinstance(value, str):
        return [value]
    return value
