"""PRINT_WORKERS: None or a whole number; anything else is a French message, not a traceback."""

from __future__ import annotations

import pytest

from guichet.messages import ContentErrors
from guichet_plugins.print.pipeline import read_settings


def settings(tmp_path, workers):
    return {
        "THEME": str(tmp_path / "theme"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "PRINT_WORKERS": workers,
    }


@pytest.mark.parametrize("workers", [None, 1, 2, 8])
def test_workers_none_or_a_whole_number(tmp_path, workers):
    assert read_settings(settings(tmp_path, workers)).workers == workers


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_other_workers_values_are_explained_in_french(tmp_path, workers):
    with pytest.raises(ContentErrors) as raised:
        read_settings(settings(tmp_path, workers))
    (problem,) = raised.value.problems
    assert problem.source == "pelicanconf.py" and problem.field == "PRINT_WORKERS"
    assert "il faut None" in problem.message and "PRINT_WORKERS" in problem.hint
