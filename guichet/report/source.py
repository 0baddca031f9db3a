"""The text of a Markdown file as staff wrote it, in units that keep their line numbers (pure).

Readability findings must point at a line of the ``.md`` file, which the HTML a reader produces
no longer knows. So the body is cut here into the blocks Markdown sees — paragraphs, list items,
headings — one source line at a time, and each line's inline Markdown (``**gras**``, links) is
rendered to plain text with Python-Markdown, as the build renders it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import markdown

from guichet import html5

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_INLINE_MARKUP = re.compile(r"[*_`\[\]<>&!\\{]")

_inline = markdown.Markdown(extensions=["markdown.extensions.extra"], output_format="html")


@dataclass
class Unit:
    """A paragraph, a list item, a heading or a metadata field, with its source lines."""

    kind: str
    """``paragraph``, ``item``, ``heading`` or ``field``."""
    lines: list[tuple[int, str]] = field(default_factory=list)
    """(line number in the file, counting from 1; that line's plain text)."""
    level: int = 0
    """Heading level (``##`` is 2)."""

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.lines if t)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset`` in :attr:`text`."""
        starts, position = [], 0
        for _, text in self.lines:
            if not text:
                continue
            starts.append(position)
            position += len(text) + 1
        numbers = [n for n, t in self.lines if t]
        return numbers[max(bisect_right(starts, offset) - 1, 0)] if numbers else self.first_line


def plain_text(markdown_line: str) -> str:
    """One line of inline Markdown as the reader sees it (no tags, entities decoded)."""
    text = markdown_line.strip()
    if _INLINE_MARKUP.search(text):  # else no tag nor entity (``&`` is markup): text as is
        _inline.reset()
        text = html5.text(_inline.convert(text))  # entities decoded once, comments left out
    return text.replace("\xa0", " ").strip()


def split_metadata(lines: list[str]) -> tuple[dict[str, int], int]:
    """Field key (lowercase, no accents) → line number; and the index of the first body line.

    The build's own rules (guichet/header.py): any indentation continues a value, blank lines
    may separate fields.
    """
    from guichet.header import read_header
    from guichet_plugins.procedures.validation import COUNTER_FIELDS, PROCEDURE_FIELDS

    header = read_header("\n".join(lines), frozenset((*COUNTER_FIELDS, *PROCEDURE_FIELDS)))
    return header.lines, header.body_line - 1


def body_units(lines: list[str], start: int = 0) -> list[Unit]:
    """Paragraphs, list items and headings of the body (``lines[start:]``)."""
    units: list[Unit] = []
    current: Unit | None = None
    in_comment = in_fence = False
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            current = None
            continue
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            current = None
            continue
        if in_fence or stripped.startswith("|"):
            continue
        if not stripped:
            current = None
            continue
        if match := _HEADING.match(line):
            units.append(Unit("heading", [(number, plain_text(match.group(2)))], len(match[1])))
            current = None
        elif match := _ITEM.match(line):
            current = Unit("item", [(number, plain_text(match.group(1)))])
            units.append(current)
        elif current is not None:
            current.lines.append((number, plain_text(line)))
        else:
            current = Unit("paragraph", [(number, plain_text(line))])
            units.append(current)
    return [u for u in units if u.text]
