"""Session-wide test settings, applied before any kernel starts.

Notebook checks (nbval, papermill) write their figures to a scratch folder, so running the
tests never rewrites the committed ``figures/``.
"""

import os
import tempfile

os.environ.setdefault("MEDIAFRAMES_FIGURES_DIR", tempfile.mkdtemp(prefix="mediaframes-figures-"))
os.environ.setdefault("MPLBACKEND", "Agg")
