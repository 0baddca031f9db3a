"""The precompress plugin's settings: defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read

KEYS = (
    Key("GUICHET_PRECOMPRESS", True, "bool"),
    Key("GUICHET_PRECOMPRESS_BROTLI", True, "bool"),
    Key("GUICHET_PRECOMPRESS_BROTLI_QUALITY", 5, "int"),
    Key("GUICHET_PRECOMPRESS_MIN_BYTES", 256, "int"),
    Key(
        "GUICHET_PRECOMPRESS_EXTENSIONS",
        [".html", ".css", ".xml", ".txt", ".svg", ".json", ".csv", ".ics"],
        "list",
    ),
)


@dataclass(frozen=True)
class PrecompressSettings:
    enabled: bool
    brotli_quality: int | None
    """Brotli's quality, or None when no ``.br`` is wanted."""
    min_bytes: int
    extensions: tuple[str, ...]
    """Lowercase."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> PrecompressSettings:
        value = read(settings, KEYS)
        return cls(
            enabled=bool(value["GUICHET_PRECOMPRESS"]),
            brotli_quality=int(value["GUICHET_PRECOMPRESS_BROTLI_QUALITY"])
            if value["GUICHET_PRECOMPRESS_BROTLI"]
            else None,
            min_bytes=int(value["GUICHET_PRECOMPRESS_MIN_BYTES"]),
            extensions=tuple(e.lower() for e in value["GUICHET_PRECOMPRESS_EXTENSIONS"]),
        )
