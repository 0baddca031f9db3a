"""The minify plugin's settings: defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read

KEYS = (
    Key("GUICHET_MINIFY", True, "bool"),
    Key("GUICHET_STYLESHEET", "inline", "str"),
)


@dataclass(frozen=True)
class MinifySettings:
    enabled: bool
    """Minify every HTML page and stylesheet written to the output."""
    stylesheet: str
    """How pages get the theme's stylesheet (``inline``: in each page, allowed by its hash)."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> MinifySettings:
        value = read(settings, KEYS)
        return cls(enabled=bool(value["GUICHET_MINIFY"]), stylesheet=value["GUICHET_STYLESHEET"])
