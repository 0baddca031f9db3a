"""Dated exceptional closures: ``24/12/2026 au 02/01/2027 : congés de fin d'année``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import format_date_fr, parse_date
from .fields import LineErrors

CLOSURE_EXAMPLE = "24/12/2026 au 02/01/2027 : congés de fin d'année"

_LINE = re.compile(r"^(?:du\s+)?(\S+)(?:\s+(?:au|-|–)\s+(\S+))?\s+:\s+(.+)$")


@dataclass(frozen=True)
class Closure:
    start: date
    end: date
    reason: str

    @property
    def text(self) -> str:
        """``du 24 décembre 2026 au 2 janvier 2027`` or ``le 11 novembre 2026``."""
        if self.start == self.end:
            return f"le {format_date_fr(self.start)}"
        return f"du {format_date_fr(self.start)} au {format_date_fr(self.end)}"


def parse_closures(lines: list[str]) -> tuple[Closure, ...]:
    """Parse the ``Fermetures`` lines, sorted by start date; raise LineErrors (a ValueError)
    naming every bad line."""
    closures = []
    problems: list[tuple[int | None, str]] = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            problems.append((index, f"La ligne « {line} » doit avoir la forme « date : motif »."))
            continue
        first, last, reason = match.groups()
        try:
            start = parse_date(first)
            end = parse_date(last) if last else start
        except ValueError as error:
            problems.append((index, f"Ligne « {line} » : {error}"))
            continue
        if end < start:
            problems.append(
                (index, f"Ligne « {line} » : la date de fin est avant la date de début.")
            )
            continue
        closures.append(Closure(start, end, reason.strip()))
    if problems:
        raise LineErrors(problems)
    return tuple(sorted(closures, key=lambda c: (c.start, c.end)))


def upcoming(closures: tuple[Closure, ...], today: date) -> tuple[Closure, ...]:
    """Closures that are not over on ``today``."""
    return tuple(c for c in closures if c.end >= today)
