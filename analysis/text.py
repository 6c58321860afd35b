"""Temporary alias of :mod:`analysis.nlp.text` while the layout moves (removed when nothing imports it)."""

import sys

from .nlp import text as _module

sys.modules[__name__] = _module
