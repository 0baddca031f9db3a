"""What the schema.org templates need, computed once: pure functions used as Jinja filters."""

from __future__ import annotations

from typing import Any

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schema_hours(hours: Any) -> list[dict]:
    """One OpeningHoursSpecification per time range, with every day it applies to: a town hall
    open 8:30–12:00 from Monday to Friday is one item with five ``dayOfWeek``, not five items
    (fewer bytes in every page)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for index, day in enumerate(hours.days):
        for r in day.ranges:
            key = (f"{r.start:%H:%M}", f"{r.end:%H:%M}")
            grouped.setdefault(key, []).append(SCHEMA_DAYS[index])
    return [
        {"days": days, "opens": opens, "closes": closes}
        for (opens, closes), days in sorted(grouped.items())
    ]
