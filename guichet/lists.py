"""Lists as staff type them, made into what Python-Markdown reads (pure, no Pelican).

Staff follow what every other editor does (CommonMark): a list may start right under a paragraph,
and a sub-list is indented by 2 spaces (or more) under its item. Python-Markdown wants a blank
line before a list and 4 spaces per level; text pasted from a word processor keeps its « • »
or « – » bullets. ``normalise_lists`` rewrites the body's list lines so that Python-Markdown
builds the lists staff meant, and names the lines whose structure is ambiguous (a list line
indented by a single space under an item, a list line with no space after its bullet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guichet.messages import procedures as msg

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•◦▪–—]|\d{1,9}[.)])[ \t]+(?P<text>\S.*)$")
WORD_BULLETS = frozenset("•◦▪–—")
"""Bullets a word processor puts in front of pasted list items (« • », « – »): the list staff
meant, written with Markdown's « - »."""
_GLUED = re.compile(r"^[ \t]*(?P<marker>[-•◦▪–—]|\d{1,9}[.)])(?=[^\W\d_])")
"""A list line whose marker has no space after it (« -Un chèque », « 3.Venez »): Markdown would
glue it to the item above. ``*`` is left out: « *Attention* » is emphasis."""
FENCE = re.compile(r"^\s*(```|~~~)")
"""A line opening or closing a fenced block (its lines are not Markdown to read)."""
_BLOCK_START = re.compile(r"^\s*(#|\||<|>|```|~~~)")
"""Lines after which a list needs no blank line (headings, tables, HTML, quotes, fences)."""


@dataclass(frozen=True)
class ListProblem:
    line: int
    message: str
    hint: str


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def normalise_lists(lines: list[str], first_line: int = 1) -> tuple[list[str], list[ListProblem]]:
    """The body's lines with lists rewritten for Python-Markdown, and the problems found.

    ``first_line``: line of the file the body starts at (for messages).
    """
    out: list[str] = []
    problems: list[ListProblem] = []
    levels: list[int] = []
    """Indentation (columns) of the items of each open list level, outermost first."""
    in_fence = False
    previous = ""
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            levels = []
        if in_fence or FENCE.match(line):
            out.append(line)
            previous = line
            continue
        item = _ITEM.match(line)
        numbered = item is not None and item.group("marker")[0].isdigit()
        if numbered and not levels and previous.strip() and item.group("marker")[:-1] != "1":
            item = None  # CommonMark: only « 1. » starts a numbered list under a paragraph
        if item:
            width = _width(item.group("indent"))
            if not levels:
                if previous.strip() and not _BLOCK_START.match(previous):
                    out.append("")  # a list right under a paragraph
                levels = [width]
            elif width >= levels[-1] + 2:
                levels.append(width)
            else:
                if width == levels[-1] + 1:
                    problems.append(
                        ListProblem(
                            first_line + index,
                            msg.BAD_LIST_INDENT.format(line=line.strip(), spaces=width),
                            msg.BAD_LIST_INDENT_HINT,
                        )
                    )
                while len(levels) > 1 and width < levels[-1] - 1:
                    levels.pop()
            depth = len(levels) - 1
            marker = "-" if item.group("marker") in WORD_BULLETS else item.group("marker")
            out.append(" " * (4 * depth) + marker + " " + item.group("text"))
            previous = line
            continue
        if levels and line.strip():
            glued = _GLUED.match(line)
            if glued:
                marker = glued.group("marker")
                problems.append(
                    ListProblem(
                        first_line + index,
                        msg.GLUED_ITEM.format(line=line.strip(), marker=marker),
                        msg.GLUED_ITEM_HINT.format(
                            marker=marker, fixed=line.strip().replace(marker, marker + " ", 1)
                        ),
                    )
                )
            if line[:1] in (" ", "\t"):  # more text of the current item
                out.append(" " * (4 * len(levels)) + line.strip())
                previous = line
                continue
            if _BLOCK_START.match(line):  # a heading, a table, HTML: the list is over
                levels = []
            elif previous.strip():  # a lazy continuation line of the item's paragraph
                out.append(line)
                previous = line
                continue
            levels = []  # after a blank line, text at the margin ends the list
        out.append(line)
        previous = line
    return out, problems
