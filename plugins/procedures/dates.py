"""Dates as staff write them, and as residents read them (French, without system locales)."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from functools import lru_cache

from babel.dates import format_date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FRENCH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

DATE_EXAMPLE = "15/10/2026 ou 2026-10-15"


def parse_date(text: str) -> date:
    """Parse ``15/10/2026`` or ``2026-10-15``; raise ValueError with a French message."""
    value = text.strip()
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _FRENCH.match(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(f"« {value} » n'est pas une date.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"« {value} » n'est pas une date qui existe.") from None


@lru_cache(maxsize=4096)
def format_date_fr(day: date) -> str:
    """``15 octobre 2026`` (``1er`` for the first of the month, as French usage wants).

    Memoised: a big town asks for the same few dates thousands of times, and Babel is slow.
    """
    text = format_date(day, format="d MMMM y", locale="fr_FR")
    return "1er" + text[1:] if day.day == 1 else text


def is_stale(verified: date, today: date, months: int) -> bool:
    """Checked more than ``months`` months ago: on ``today`` the same day of the month
    ``months`` months later is still fresh, the day after is not. The build's warning, the
    report (``make verifier``) and its « bientôt à revoir » list all use this rule."""
    elapsed = (today.year - verified.year) * 12 + today.month - verified.month
    return elapsed > months or (elapsed == months and today.day > verified.day)


def build_date(settings: dict | None = None) -> date:
    """The date the site is built for: GUICHET_TODAY, else SOURCE_DATE_EPOCH, else today.

    Pages only show what is true at build time (upcoming closures, stale checks), so two builds on
    the same day give the same bytes; tests and reproducible builds pin the date.
    """
    if settings and settings.get("GUICHET_TODAY"):
        configured = settings["GUICHET_TODAY"]
        return configured if isinstance(configured, date) else parse_date(str(configured))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
