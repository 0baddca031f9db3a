"""Read a ``Champ: valeur`` header with line numbers. Pure: no Pelican, no Markdown.

The same style as counters and procedures: one field a line, continuation lines indented, the
header ends at the first blank line. Field names are matched without case or accents
(``Accessibilité`` is ``accessibilite``). Until the shared forgiving header reader (issue 12)
is merged, content/commune.md is read with this small function.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FIELD = re.compile(r"^([^\s:][^:]*?)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Field:
    key: str
    """Lowercase, accents removed: ``accessibilite``."""
    label: str
    """As staff wrote it: ``Accessibilité``."""
    line: int
    """1-based line of the field name."""
    values: tuple[tuple[int, str], ...]
    """Every non-empty line of the value with its line number (first line included)."""

    @property
    def text(self) -> str:
        return " ".join(value for _, value in self.values)


@dataclass(frozen=True)
class Stray:
    """A line in the header that is neither a field nor an indented continuation."""

    line: int
    text: str


def fold(name: str) -> str:
    """``Adresse du site`` → ``adresse-du-site``: lowercase, no accents, spaces as dashes."""
    plain = unicodedata.normalize("NFD", name.strip().casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", plain)


def read_header(text: str) -> tuple[list[Field], list[Stray]]:
    """The fields of ``text``'s header, in order, and the lines that could not be read."""
    fields: list[Field] = []
    strays: list[Stray] = []
    current: tuple[str, str, int, list[tuple[int, str]]] | None = None

    def close() -> None:
        if current:
            key, label, line, values = current
            fields.append(Field(key, label, line, tuple(values)))

    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not raw.strip():
            if fields or current:
                break
            continue
        if raw[0] in " \t":
            if current is None:
                strays.append(Stray(number, raw.strip()))
            else:
                current[3].append((number, raw.strip()))
            continue
        match = _FIELD.match(raw)
        if not match:
            strays.append(Stray(number, raw.strip()))
            continue
        close()
        label, value = match.group(1).strip(), match.group(2).strip()
        current = (fold(label), label, number, [(number, value)] if value else [])
    close()
    return fields, strays
