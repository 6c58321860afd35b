"""Temporary alias of :mod:`analysis.nlp.tagging` while the layout moves (removed when nothing imports it)."""

import sys

from .nlp import tagging as _module

sys.modules[__name__] = _module
