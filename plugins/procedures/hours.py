"""Opening hours: one parser shared by pages and flyers.

Staff write one line per day or group of days::

    lundi : 8h30-12h00, 13h30-17h30
    du mardi au vendredi : 8h30-12h
    samedi : fermé
    mercredi : sur rendez-vous
    jeudi : 9h-12h, 14h-17h sur rendez-vous
    sur rendez-vous            (alone on its line: the whole counter is by appointment)

Days that are not listed are closed. Every bad line is reported (``HoursErrors``), each with
its index in the list, so that the caller can name the file's line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import time

from guichet.accents import strip_accents

from .fields import LineErrors

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
HOURS_EXAMPLE = "lundi : 8h30-12h00, 13h30-17h30 (une ligne par jour ou groupe de jours)"

_TIME = r"(\d{1,2})\s*(?:h|H|:)\s*(\d{2})?"
_RANGE = re.compile(rf"^(?:de\s+)?{_TIME}\s*(?:-|–|à|a)\s*{_TIME}$")
_DAY_RANGE = re.compile(r"^(?:du\s+)?(\w+)\s*(?:-|–|\sau\s)\s*(\w+)$")
_CLOSED = {"ferme", "fermee", "ferme toute la journee"}
_APPOINTMENT = re.compile(
    r"[\s(]*(?:uniquement\s+|seulement\s+)?sur\s+(?:rendez[\s-]*vous|rdv)(?:\s+uniquement)?[\s).]*$",
    re.IGNORECASE,
)
"""« sur rendez-vous », « (sur RDV) », « uniquement sur rendez-vous »."""
APPOINTMENT_TEXT = "sur rendez-vous"


HoursErrors = LineErrors
"""Every bad line of an hours field: ``problems`` is ``[(index in the lines, message)]``."""


@dataclass(frozen=True)
class TimeRange:
    start: time
    end: time
    appointment: bool = False
    """Only by appointment (« 14h-17h sur rendez-vous »)."""

    @property
    def text(self) -> str:
        suffix = f" {APPOINTMENT_TEXT}" if self.appointment else ""
        return f"{format_time(self.start)} à {format_time(self.end)}{suffix}"


@dataclass(frozen=True)
class DayHours:
    day: str
    """French name of the day, lowercase (``lundi``)."""
    ranges: tuple[TimeRange, ...]
    appointment: bool = False
    """Open by appointment only, at no set time (« mercredi : sur rendez-vous »)."""

    @property
    def is_open(self) -> bool:
        return bool(self.ranges) or self.appointment

    @property
    def text(self) -> str:
        """``de 8 h 30 à 12 h et de 13 h 30 à 17 h 30``, ``sur rendez-vous`` or ``fermé``."""
        if self.appointment and not self.ranges:
            return APPOINTMENT_TEXT
        if not self.ranges:
            return "fermé"
        return " et ".join(f"de {r.text}" for r in self.ranges)


@dataclass(frozen=True)
class WeeklyHours:
    days: tuple[DayHours, ...]
    """Always seven entries, Monday first."""
    appointment: bool = False
    """The whole counter receives by appointment only (a line « sur rendez-vous »)."""

    @property
    def open_days(self) -> tuple[DayHours, ...]:
        return tuple(day for day in self.days if day.is_open)


def format_time(value: time) -> str:
    """``8 h 30``, ``12 h``: French typographic usage."""
    return f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")


def _plain(text: str) -> str:
    return strip_accents(text.lower()).strip()


def _day_index(word: str) -> int:
    plain = _plain(word)
    if plain not in DAYS:
        raise ValueError(f"« {word} » n'est pas un jour de la semaine.")
    return DAYS.index(plain)


def _parse_days(text: str) -> list[int]:
    plain = _plain(text)
    if match := _DAY_RANGE.match(plain):
        first, last = _day_index(match.group(1)), _day_index(match.group(2))
        if last < first:
            raise ValueError(f"« {text.strip()} » : le premier jour doit venir avant le second.")
        return list(range(first, last + 1))
    words = [w for w in re.split(r"\s*(?:,|\bet\b)\s*", plain) if w]
    if not words:
        raise ValueError("il manque le jour avant les deux-points.")
    return [_day_index(w) for w in words]


def _make_time(hour: str, minute: str | None, source: str) -> time:
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        raise ValueError(f"« {source} » n'est pas une heure valide.")
    return time(h, m)


def _appointment(text: str) -> tuple[str, bool]:
    """``text`` without a trailing « sur rendez-vous », and whether it had one."""
    text = text.strip()
    match = _APPOINTMENT.search(text)
    if match is None:
        return text, False
    return text[: match.start()].strip(), True


def _parse_ranges(text: str) -> tuple[tuple[TimeRange, ...], bool]:
    """The ranges of a day, and whether the whole day is by appointment only."""
    plain = _plain(text)
    if plain in _CLOSED:
        return (), False
    rest, whole_day = _appointment(text)
    if whole_day and not rest:
        return (), True
    ranges = []
    for part in re.split(r"\s*(?:,|;|\bet\b)\s*", text.strip()):
        part, appointment = _appointment(part)
        match = _RANGE.match(part.strip())
        if not match:
            raise ValueError(
                f"« {part.strip()} » n'est pas une plage horaire (exemple : 8h30-12h00)."
            )
        start = _make_time(match.group(1), match.group(2), part)
        end = _make_time(match.group(3), match.group(4), part)
        if end <= start:
            raise ValueError(f"« {part.strip()} » : l'heure de fin doit venir après le début.")
        ranges.append(TimeRange(start, end, appointment))
    ranges.sort(key=lambda r: r.start)
    for before, after in itertools.pairwise(ranges):
        if after.start < before.end:
            raise ValueError(f"les plages « {text.strip()} » se chevauchent.")
    return tuple(ranges), False


def parse_hours(lines: list[str]) -> WeeklyHours:
    """Parse the ``Horaires`` lines; raise HoursErrors (a ValueError) naming every bad line."""
    per_day: dict[int, tuple[tuple[TimeRange, ...], bool]] = {}
    problems: list[tuple[int | None, str]] = []
    whole = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if _appointment(line) == ("", True):
            whole = True
            continue
        days_text, colon, ranges_text = line.partition(":")
        # "8:30" also uses a colon: a line like "lundi 8:30-12:00" has no separator.
        if not colon or re.search(r"\d$", days_text):
            problems.append(
                (index, f"La ligne « {line} » doit avoir la forme « jour : horaires ».")
            )
            continue
        try:
            days = _parse_days(days_text)
            found = _parse_ranges(ranges_text)
        except ValueError as error:
            problems.append((index, f"Ligne « {line} » : {error}"))
            continue
        for day in days:
            if day in per_day:
                problems.append((index, f"Le {DAYS[day]} apparaît deux fois (ligne « {line} »)."))
                break
            per_day[day] = found
    if problems:
        raise HoursErrors(problems)
    if not whole and not any(ranges or appointment for ranges, appointment in per_day.values()):
        raise HoursErrors([(None, "Aucun jour d'ouverture n'est indiqué.")])
    return WeeklyHours(
        tuple(DayHours(DAYS[i], *per_day.get(i, ((), False))) for i in range(7)), whole
    )
