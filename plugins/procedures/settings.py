"""The procedures plugin's settings: defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.header import MAX_BYTES
from guichet.keys import Key, read

STALE_MONTHS = 12
"""GUICHET_STALE_MONTHS's default."""

KEYS = (
    Key("GUICHET_STALE_MONTHS", STALE_MONTHS, "int"),
    Key("GUICHET_TODAY", None, "date", optional=True),
    Key(
        "GUICHET_RESERVED_SLUGS",
        ["a-z", "fiche", "fiches", "index", "themes", "images", "theme"],
        "list",
    ),
    Key("GUICHET_READ_WORKERS", None, "int", optional=True),
    Key("GUICHET_LIST_SPLIT", 80, "int"),
    Key("GUICHET_LIST_PREVIEW", 5, "int"),
    # read by guichet/reader.py, the reader of every Markdown file
    Key("GUICHET_MAX_FILE_BYTES", MAX_BYTES, "int"),
    Key("GUICHET_EXTRA_FIELDS", (), "list"),
)


@dataclass(frozen=True)
class ProceduresSettings:
    stale_months: int
    """A procedure verified longer ago than this is « à revoir » (dates.is_stale)."""
    reserved_slugs: frozenset[str]
    read_workers: int | None
    """Processes converting Markdown on a cold build; None: one per core."""
    list_split: int
    list_preview: int

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ProceduresSettings:
        value = read(settings, KEYS)
        return cls(
            stale_months=int(value["GUICHET_STALE_MONTHS"]),
            reserved_slugs=frozenset(value["GUICHET_RESERVED_SLUGS"]),
            read_workers=value["GUICHET_READ_WORKERS"],
            list_split=int(value["GUICHET_LIST_SPLIT"]),
            list_preview=int(value["GUICHET_LIST_PREVIEW"]),
        )
