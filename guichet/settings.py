"""Settings as a command outside the build sees them: the settings file, then the town's file.

``make verifier``, ``make demarche`` and the importers read the settings without running
Pelican; the town's name, main counter and themes live in ``content/commune.md`` (plugins/town),
so each of them needs both. Raises ``ContentErrors`` (French) when the town file is wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path


def town_settings(settings_file: str, override: dict | None = None) -> dict:
    """Pelican's settings from ``settings_file`` with ``override``, and the town applied."""
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override=override or {})
    # The plugins hold the pure validators; Pelican puts PLUGIN_PATHS on sys.path only when it
    # loads plugins, which these commands do not do.
    for path in reversed(settings["PLUGIN_PATHS"]):
        if str(Path(path).resolve()) not in sys.path:
            sys.path.insert(0, str(Path(path).resolve()))
    from town.load import apply_town

    return apply_town(settings)
