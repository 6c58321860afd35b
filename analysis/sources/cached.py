"""Attributed statements kept in the on-disk cache (:mod:`analysis.cache`).

Several notebooks read the statements of the same article; computed once per article text
and code version, they are read back afterwards.
"""

from __future__ import annotations

import pandas as pd

from ..cache import cached_frame
from .extract import extract_quotes


def cached_extract_quotes(text: str, *, resolve_pronouns: bool = True) -> pd.DataFrame:
    """:func:`extract_quotes`, read from the cache when text and code are unchanged.

    Example:
        >>> cached_extract_quotes('"We will win," Mayor Ana Ruiz said.')["speaker"].tolist()
        ['Ana Ruiz']
    """
    return cached_frame(extract_quotes)(text, resolve_pronouns=resolve_pronouns)
