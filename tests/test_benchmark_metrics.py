"""The measuring code of the benchmarks: the examples in its docstrings hold.

The figures in ``docs/`` are only as good as the functions that count them, e.g. the strict
"speaker right" test's reading of a gold speaker's name (``gold_name``).
"""

from __future__ import annotations

import doctest
import importlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("module", ["eval_attribution"])
def test_docstring_examples_hold(module):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        mod = importlib.import_module(module)
        failed, tried = doctest.testmod(mod)
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert tried >= 8
    assert failed == 0


def test_the_name_test_reads_the_person_not_the_affiliation_or_the_description():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from eval_attribution import gold_name
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert gold_name("Rosa Delgado of the Harbor Policy Institute") == ["rosa", "delgado"]
    assert gold_name("Filmmaker Rosa Delgado") == ["rosa", "delgado"]
    assert gold_name("Rosa Delgado — a nurse from Pine Hollow —") == ["rosa", "delgado"]
    assert gold_name("Clark County Registrar of Voters Rosa Delgado") == ["rosa", "delgado"]
    # unchanged: descriptions have no name, and organisations keep theirs
    assert gold_name("the senator from Vermont") == []
    assert gold_name("supporters of Rosa Delgado") == []
    assert gold_name("The Martin Luther Foundation") == ["martin", "luther", "foundation"]
