"""The notebook files of a batch: which ones run, their titles and parameters, and the
executed copy made the same bytes run after run (no run metadata, widgets or split output)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ... import config


def list_notebooks(folder: Path = config.NOTEBOOKS_DIR, only: list[str] | None = None) -> list[Path]:
    """Notebooks in run order (by name); ``only`` picks some by name or stem.

    Raises:
        ValueError: naming any ``only`` entry that matches no notebook.
    """
    notebooks = sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.endswith(".failed.ipynb"))
    if not only:
        return notebooks
    chosen, unknown = [], []
    for name in only:
        stem = Path(name).stem
        match = [p for p in notebooks if p.stem == stem or p.stem.startswith(stem + "_") or p.name == name]
        (chosen.extend(match) if match else unknown.append(name))
    if unknown:
        known = ", ".join(p.stem for p in notebooks)
        raise ValueError(f"no notebook named {', '.join(unknown)} in {folder}. Notebooks: {known}")
    return sorted(set(chosen))


def notebook_title(path: Path) -> str:
    """The first heading of the notebook's first markdown cell ("" when there is none).

    >>> notebook_title(config.NOTEBOOKS_DIR / "01_corpus.ipynb")
    '01 · The corpus: which reports are we comparing?'
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            for line in cell.source.splitlines():
                m = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
                if m:
                    return m.group(1)
            return ""
    return ""


def notebook_parameters(path: Path) -> set[str]:
    """Names declared in the notebook's ``parameters`` cell."""
    import papermill

    return set(papermill.inspect_notebook(str(path)).keys())


def notebook_parameter_types(path: Path) -> dict[str, str]:
    """Name -> declared type (``"list"``, ``"str"``...; ``"None"`` when not declared) of each
    parameter of the notebook's ``parameters`` cell."""
    import papermill

    return {name: str(p.get("inferred_type_name") or "None") for name, p in papermill.inspect_notebook(str(path)).items()}


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def without_widgets(nb):
    """The notebook without interactive widget outputs and widget state.

    A static HTML page cannot run widgets; their outputs would only add scripts and a
    placeholder. Notebooks show the same result as a plain output next to the controls.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if WIDGET_MIME not in o.get("data", {})]
    return nb


def merge_streams(outputs: list) -> list:
    """Outputs with each run of printed text to the same stream joined into one output.

    A kernel sends printed text in pieces as its buffer is flushed, so one ``print`` may
    arrive as one output or two depending on timing; joined, the notebook is the same
    whatever the timing (the page shows the same text either way).
    """
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


#: Id of the cell papermill inserts with the injected parameters (papermill draws a random one).
INJECTED_CELL_ID = "injected-parameters"


def strip_run_metadata(notebook_path: Path):
    """Remove papermill's timings, run metadata and widget state (random model ids), give
    the injected-parameters cell a fixed id instead of papermill's random one, and join
    printed text split by the timing of the kernel's flushes (:func:`merge_streams`), so
    executed notebooks and their pages regenerate to the same bytes. Returns the notebook
    as written."""
    import nbformat

    nb = without_widgets(nbformat.read(notebook_path, as_version=4))
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell.id = INJECTED_CELL_ID
        if cell.get("outputs"):
            cell.outputs = merge_streams(cell.outputs)
    tmp = notebook_path.with_name(notebook_path.name + ".partial")
    nbformat.write(nb, tmp)
    os.replace(tmp, notebook_path)
    return nb
