"""The settings Guichet reads: each one declared once, with its default and its type.

Each plugin lists its keys in its ``settings.py`` (``KEYS``) and reads them into one frozen
object with :func:`read`, so a default is written in one place. When the build starts,
:func:`check` looks at every ``GUICHET_*``, ``IMAGES_*``, ``PRINT_*``, ``SANITIZE_*`` and
``PUBLISH_*`` setting: an unknown name is a French warning naming the closest known one, a value
of the wrong type a French error naming the key and what it must be.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from guichet.messages import ContentErrors, Problem, warn
from guichet.messages import settings as msg

PREFIXES = ("GUICHET_", "IMAGES_", "PRINT_", "SANITIZE_", "PUBLISH_")
"""Names Guichet owns: any setting with one of these prefixes must be a known key."""

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "bool": (bool,),
    "str": (str,),
    "list": (list, tuple),
    "dict": (dict,),
    "date": (str, date),
}


@dataclass(frozen=True)
class Key:
    name: str
    default: Any
    kind: str
    """One of ``int``, ``bool``, ``str``, ``list``, ``dict``, ``date``."""
    optional: bool = False
    """None is allowed too (and means what the key's documentation says)."""

    def accepts(self, value: Any) -> bool:
        if value is None:
            return self.optional
        if self.kind == "int" and isinstance(value, bool):
            return False
        return isinstance(value, _TYPES[self.kind])

    def expected(self) -> str:
        text = msg.EXPECTED[self.kind]
        return msg.OR_NONE.format(expected=text) if self.optional else text


def read(settings: Mapping[str, Any], keys: Iterable[Key]) -> dict[str, Any]:
    """Each key's value, its default when the settings leave it out."""
    return {key.name: settings.get(key.name, key.default) for key in keys}


SETTINGS_MODULES = (
    "guichet_plugins.town.settings",
    "guichet_plugins.procedures.settings",
    "guichet_plugins.notices.settings",
    "guichet_plugins.sanitize.settings",
    "guichet_plugins.images.settings",
    "guichet_plugins.opendata.settings",
    "guichet_plugins.print.settings",
    "guichet_plugins.minify.settings",
    "guichet_plugins.precompress.settings",
    "guichet_plugins.checks.settings",
    "guichet.report.settings",
    "guichet.importers.settings",
    "guichet.publish",
)
"""Every module declaring ``KEYS``."""


@cache
def known_keys() -> dict[str, Key]:
    """Every key Guichet reads, by name."""
    found: dict[str, Key] = {}
    for module in SETTINGS_MODULES:
        for key in importlib.import_module(module).KEYS:
            found[key.name] = key
    return found


def check(settings: Mapping[str, Any], source: str) -> None:
    """Warn about unknown Guichet settings; raise ContentErrors for values of the wrong type.
    ``source``: the settings file, as staff name it."""
    known = known_keys()
    errors = []
    for name in sorted(n for n in settings if n.startswith(PREFIXES)):
        key = known.get(name)
        if key is None:
            closest = difflib.get_close_matches(name, known, n=1)
            hint = msg.UNKNOWN_HINT.format(closest=closest[0]) if closest else msg.UNKNOWN_HINT_NONE
            warn(Problem(source, msg.UNKNOWN.format(name=name), name, hint))
        elif not key.accepts(settings[name]):
            text = msg.WRONG_TYPE.format(name=name, value=settings[name], expected=key.expected())
            errors.append(
                Problem(source, text, name, msg.WRONG_TYPE_HINT.format(default=key.default))
            )
    if errors:
        raise ContentErrors(errors)
