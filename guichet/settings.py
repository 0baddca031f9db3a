"""Settings as a command outside the build sees them: the settings file, then the town's file.

``make verifier``, ``make demarche`` and the importers read the settings without running
Pelican; the town's name, main counter and themes live in ``content/commune.md`` (plugins/town),
so each of them needs both. Raises ``ContentErrors`` (French) when the town file is wrong.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any


def inherit(settings_file: str | Path) -> dict[str, Any]:
    """The settings (upper-case names) ``settings_file`` defines, for another settings file to
    start from: ``globals().update(inherit(path))`` (what ``from pelicanconf import *`` did,
    without needing the file's folder on the import path)."""
    values = runpy.run_path(str(settings_file))
    return {name: value for name, value in values.items() if name.isupper()}


def town_settings(settings_file: str, override: dict | None = None) -> dict:
    """Pelican's settings from ``settings_file`` with ``override``, and the town applied."""
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override=override or {})
    from guichet_plugins.town.load import apply_town

    return apply_town(settings)
