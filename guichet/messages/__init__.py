"""Messages to communication staff: one place, in French, one module per concern.

Every content problem is a :class:`Problem` naming the file, the field, what is wrong and how to
fix it. Blocking problems are raised together as :class:`ContentErrors` (the build stops and
prints them all, without a traceback); softer ones are logged with :func:`warn`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

logger = logging.getLogger("guichet")


@dataclass(frozen=True)
class Problem:
    """One thing staff must (error) or should (warning) fix in the content."""

    source: str
    """File the problem is in, relative to the project (``content/demarches/x.md``)."""
    message: str
    """What is wrong, in plain French."""
    field: str | None = None
    """Metadata field (as staff write it, e.g. ``Horaires``) or page element."""
    hint: str = ""
    """How to fix it, ideally with an example of what is expected."""

    @property
    def file(self) -> str:
        """``source`` without its line: ``content/demarches/x.md``."""
        path, _, line = self.source.rpartition(":")
        return path if path and line.isdigit() else self.source

    def render(self) -> str:
        where = self.source + (f" — champ « {self.field} »" if self.field else "")
        lines = [where, f"    {self.message}"]
        if self.hint:
            lines.append(f"    {self.hint}")
        return "\n".join(lines)


def _order(problem: Problem) -> tuple:
    """By file, then by line (``x.md:9`` before ``x.md:10``), then field and message."""
    line = problem.source[len(problem.file) + 1 :] or "0"
    return (problem.file, int(line), problem.field or "", problem.message)


class ContentErrors(Exception):
    """Blocking content problems: the build stops and lists every one of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_order)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        title = (
            "Le site n'a pas été construit : 1 problème à corriger."
            if count == 1
            else f"Le site n'a pas été construit : {count} problèmes à corriger."
        )
        body = "\n\n".join(f"✗ {p.render()}" for p in self.problems)
        return f"{title}\n\n{body}\n"


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``1 démarche``, ``3 démarches``, ``0 image`` (French: 0 and 1 are singular)."""
    word = singular if number <= 1 else (plural or singular + "s")
    return f"{number} {word}"


def warn(problem: Problem) -> None:
    """Log a problem that does not stop the build."""
    logger.warning("⚠ %s", problem.render())
