"""Temporary alias of :mod:`analysis.nlp.nltk_data` while the layout moves (removed when nothing imports it)."""

import sys

from .nlp import nltk_data as _module

sys.modules[__name__] = _module
