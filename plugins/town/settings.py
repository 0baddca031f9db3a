"""The town plugin's settings: where the town's file is, and the settings it fills.

Defaults here, documented in pelicanconf.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read

KEYS = (
    Key("GUICHET_TOWN_FILE", "commune.md", "str"),
    Key("GUICHET_TOWN_FALLBACK", None, "str", optional=True),
    # Filled from content/commune.md when the build starts (plugins/town/commune.py):
    Key("GUICHET_TOWN", None, "str", optional=True),
    Key("GUICHET_PUBLIC_URL", None, "str", optional=True),
    Key("GUICHET_MAIN_COUNTER", None, "str", optional=True),
    Key("GUICHET_ACCESSIBILITY_STATUS", None, "str", optional=True),
    Key("GUICHET_THEMES", None, "dict", optional=True),
    Key("GUICHET_TOWN_SOURCE", None, "str", optional=True),
)


@dataclass(frozen=True)
class TownSettings:
    file: str
    """The town's file, inside the content folder (PATH)."""
    fallback: str | None
    """Read when a content folder has no town file of its own: the sample town."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> TownSettings:
        value = read(settings, KEYS)
        return cls(file=value["GUICHET_TOWN_FILE"], fallback=value["GUICHET_TOWN_FALLBACK"])
