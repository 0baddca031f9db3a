"""The notices plugin's settings: defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read

KEYS = (
    Key("GUICHET_NOTICES_PATH", "avis", "str"),
    Key("GUICHET_NOTICE_CLOSURE_DAYS", 14, "int"),
    Key("GUICHET_UNPUBLISHED_NEWS_PATHS", ["actualites"], "list"),
)


@dataclass(frozen=True)
class NoticesSettings:
    folder: str
    """Folder of content/ holding the notices."""
    closure_days: int
    """The main counter's closures starting within this many days are in the banner."""
    news_folders: tuple[str, ...]
    """Folders where a Markdown file is refused (no news: notices instead)."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> NoticesSettings:
        value = read(settings, KEYS)
        return cls(
            folder=value["GUICHET_NOTICES_PATH"],
            closure_days=int(value["GUICHET_NOTICE_CLOSURE_DAYS"]),
            news_folders=tuple(value["GUICHET_UNPUBLISHED_NEWS_PATHS"]),
        )
