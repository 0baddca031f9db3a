"""A counter's exceptional closures as an iCalendar file (RFC 5545), with ``icalendar``.

Pure: one all-day event per closure (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the last
closed day, as RFC 5545 wants), a stable ``UID`` per closure (the counter, the dates) so a
calendar that subscribed updates its events instead of doubling them, and ``DTSTAMP`` the build
date (byte-stable builds). ``icalendar`` folds long lines at 75 octets and writes CRLF.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event

PRODID = "-//Guichet//Fermetures des guichets//FR"


def closures_calendar(counter: Any, host: str, site_name: str, stamp) -> bytes:
    """``stamp``: the build date (a date); ``host``: the site's domain, for the UIDs."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Fermetures – {counter.data.title}")
    calendar.add("x-wr-timezone", "Europe/Paris")
    dtstamp = datetime.combine(stamp, time(0, 0), tzinfo=UTC)
    for closure in counter.data.closures:
        event = Event()
        event.add(
            "uid", f"fermeture-{counter.slug}-{closure.start:%Y%m%d}-{closure.end:%Y%m%d}@{host}"
        )
        event.add("dtstamp", dtstamp)
        event.add("dtstart", closure.start)
        event.add("dtend", closure.end + timedelta(days=1))
        event.add("summary", f"{counter.data.title} fermé : {closure.reason}")
        event.add("description", f"{site_name} : {counter.data.title} est fermé {closure.text}.")
        event.add("location", ", ".join(counter.data.address.lines))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Fermeture"])
        calendar.add_component(event)
    return calendar.to_ical()
