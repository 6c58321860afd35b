"""Public alias of :mod:`analysis.nlp.entities`: ``analysis.entities.extract_entities`` is a stable name."""

import sys

from .nlp import entities as _module

sys.modules[__name__] = _module
