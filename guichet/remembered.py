"""Entries remembered between builds in one JSON file of the cache: read back only when the file
carries the same stamp (a format version, the source of the code that made them…).

A missing, damaged or differently stamped file is no entries; a cache that cannot be written
only costs the next build the work again. Never an error: this is a cache.
"""

from __future__ import annotations

import json
from pathlib import Path

from guichet.atomic import write_atomically


def load_entries(file: Path, stamp: tuple[str, object], key: str) -> dict:
    """The ``key`` entries of ``file`` when its ``stamp[0]`` field is ``stamp[1]``; else {}."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get(stamp[0]) == stamp[1] and isinstance(data.get(key), dict):
            return data[key]
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def save_entries(file: Path, stamp: tuple[str, object], key: str, entries: dict) -> None:
    """Write ``entries`` under ``key`` with ``stamp``, sorted (same entries, same bytes)."""
    payload = json.dumps({stamp[0]: stamp[1], key: entries}, indent=0, sort_keys=True)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, payload.encode("utf-8"))
    except OSError:
        pass
