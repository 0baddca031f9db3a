"""The sanitize plugin's settings: defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read

KEYS = (Key("SANITIZE_FAIL", False, "bool"),)


@dataclass(frozen=True)
class SanitizeSettings:
    fail: bool
    """True: HTML that is not allowed stops the build; False: it is removed with a warning."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SanitizeSettings:
        return cls(fail=bool(read(settings, KEYS)["SANITIZE_FAIL"]))
