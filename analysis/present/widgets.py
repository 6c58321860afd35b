"""Interactive controls for JupyterLab: pick reports and a term, see the evidence update.

The computation lives in :func:`term_view`, a plain function that tests and papermill runs
call directly; :func:`term_explorer` only wraps it in ipywidgets controls, so a notebook
that shows the explorer still runs unattended (the controls are then inert and the default
view is printed).
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus


def term_view(corpus: Corpus, term: str, *, articles: list[str] | None = None, window: int = 50) -> pd.DataFrame:
    """Every mention of ``term`` in the chosen reports, with its sentence tone.

    Returns the keyword-in-context rows of :func:`analysis.framing.kwic` for the chosen
    articles plus the VADER ``compound`` of the sentence each mention is in.
    """
    from .. import framing, sentiment

    chosen = corpus.select(list(articles) if articles else None)
    columns = ["article", "sentence", "left", "term", "right", "compound", "start", "end"]
    if not term.strip() or not len(chosen):
        return pd.DataFrame(columns=columns)
    sentences = chosen.sentences()
    hits = framing.kwic(sentences, term, window=window)
    if hits.empty:
        return pd.DataFrame(columns=columns)
    scores = sentiment.score_frame(sentences, evidence=False)[["article", "sentence", "compound"]]
    merged = hits.merge(scores, on=["article", "sentence"], how="left")
    merged["compound"] = merged["compound"].round(3)
    return merged[columns].reset_index(drop=True)


def term_explorer(corpus: Corpus, *, term: str = "", articles: list[str] | None = None):
    """A JupyterLab control: choose reports and type a term (``term``: the one to start with);
    the table below updates.

    Returns the ipywidgets container (display it as the last line of a cell).
    """
    import ipywidgets as widgets
    from IPython.display import display

    labels = {a.id: f"{a.outlet or a.id} ({a.id})" for a in corpus}
    chooser = widgets.SelectMultiple(
        options=[(label, article_id) for article_id, label in labels.items()],
        value=tuple(articles or corpus.ids), description="Reports", rows=min(6, len(labels)),
    )  # fmt: skip
    box = widgets.Text(value=term, description="Term", continuous_update=False)
    out = widgets.Output()

    def refresh(*_):
        out.clear_output()
        with out:
            display(term_view(corpus, box.value, articles=list(chooser.value)))

    chooser.observe(refresh, names="value")
    box.observe(refresh, names="value")
    refresh()
    return widgets.VBox([widgets.HBox([chooser, box]), out])
