"""Temporary alias of :mod:`analysis.present.display` while the layout moves (removed when nothing imports it)."""

import sys

from .present import display as _module

sys.modules[__name__] = _module
