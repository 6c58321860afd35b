"""One visual style for every figure, and deterministic saving.

Plot helpers take a DataFrame and ``ax=None``, draw, and return the Axes. Colours come from
the Okabe–Ito palette, which stays distinguishable with the common forms of colour-vision
deficiency; each outlet keeps one colour everywhere (:func:`outlet_colors`).
:func:`save_figure` writes PNG files with fixed metadata, so the same input gives the same
bytes.

Importing this package imports pyplot (outside a notebook kernel it picks the ``Agg``
backend first), so it must be imported inside the kernel that shows the figures. The
modules, one per question:

- :mod:`.style`: palette, house style, outlet colours, labels and notes;
- :mod:`.save`: :func:`save_figure`;
- :mod:`.lengths`: report lengths (01_corpus);
- :mod:`.framing`: Fightin' Words and the frame profile (02_framing);
- :mod:`.tone`: tone along the report, by voice, towards targets (03_sentiment);
- :mod:`.sources`: share of voice by speaker type (04_sources);
- :mod:`.side_by_side`: speaker types and narration against quotes (05_side_by_side);
- :mod:`.many_reports`: small multiples, one panel per outlet;
- :mod:`.agreement`: how far coders agree (07_coding_agreement).

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import sys

import matplotlib

if "ipykernel" not in sys.modules:  # in a notebook keep the inline backend, so figures show
    matplotlib.use("Agg", force=False)

from ..tables import use_readable_tables  # noqa: E402

# plots is first imported inside the kernel (never by a preloading process, see
# analysis.batch.kernels): from here on the kernel shows DataFrames as readable tables
use_readable_tables()

from .agreement import plot_agreement  # noqa: E402
from .framing import Z_95, plot_fightin_words, plot_frame_profile  # noqa: E402
from .lengths import MANY_LENGTHS, lengths_figure, plot_length_spread, plot_lengths  # noqa: E402
from .many_reports import (  # noqa: E402
    distinctive_figure,
    panel_grid,
    plot_share_of_voice_by_outlet,
    plot_tone_timeline_by_outlet,
    plot_top_terms,
)
from .save import save_figure  # noqa: E402
from .side_by_side import plot_narration_vs_quotes, plot_voice_types, side_by_side_figure  # noqa: E402
from .sources import TYPE_COLORS, plot_share_of_voice, type_legend  # noqa: E402
from .style import (  # noqa: E402
    DPI,
    HOUSE_STYLE,
    NEUTRAL,
    PALETTE,
    add_source_line,
    article_label,
    outlet_colors,
    use_house_style,
)
from .tone import COMPOUND_AXIS_LABEL, plot_tone_by_voice, plot_tone_timeline, plot_tone_towards  # noqa: E402

__all__ = [
    "COMPOUND_AXIS_LABEL",
    "plot_agreement",
    "DPI",
    "HOUSE_STYLE",
    "NEUTRAL",
    "PALETTE",
    "TYPE_COLORS",
    "Z_95",
    "add_source_line",
    "article_label",
    "distinctive_figure",
    "outlet_colors",
    "panel_grid",
    "plot_fightin_words",
    "plot_frame_profile",
    "MANY_LENGTHS",
    "lengths_figure",
    "plot_length_spread",
    "plot_lengths",
    "plot_narration_vs_quotes",
    "plot_share_of_voice",
    "plot_share_of_voice_by_outlet",
    "plot_tone_by_voice",
    "plot_tone_timeline",
    "plot_tone_timeline_by_outlet",
    "plot_tone_towards",
    "plot_top_terms",
    "plot_voice_types",
    "save_figure",
    "side_by_side_figure",
    "type_legend",
    "use_house_style",
]
