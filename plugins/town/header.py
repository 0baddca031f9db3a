"""The ``Champ: valeur`` header of the town's file and of notices, through the one header reader
of every content file (guichet/header.py: any indentation, blank lines, names without case or
accents, every problem with its line). Pure: no Pelican, no Markdown.

This module only gives the town's and the notices' parsers the shape they read: fields in the
order written, each value line with its line number.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from guichet.header import HeaderProblem, fold
from guichet.header import read_header as read_content_header

__all__ = ["Field", "HeaderProblem", "fold", "read_header"]


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


def read_header(text: str, labels: dict[str, str]) -> tuple[list[Field], list[HeaderProblem]]:
    """The fields of ``text``'s header, in order, and the problems the reader found.

    ``labels``: every field of this kind of file (folded key → name as the guide writes it).
    """
    known: Collection[str] = labels
    header = read_content_header(text, known=known, labels=labels, strict=True)
    fields = [
        Field(
            item.key,
            item.name,
            item.line,
            tuple(
                (line, value)
                for line, value in zip(item.value_lines, item.values, strict=True)
                if value
            ),
        )
        for item in sorted(header.fields.values(), key=lambda f: f.line)
    ]
    return fields, header.problems
