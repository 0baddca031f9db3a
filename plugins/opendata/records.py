"""Procedures and counters as rows of open data: pure functions of the validated content.

The field names are the data's contract (documented in the schema files beside the data and
in docs/content-model.md): French, lowercase, ASCII, stable.
"""

from __future__ import annotations

from typing import Any

from guichet import html5

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def plain_text(html: str) -> str:
    """An HTML fragment (a list item) as its reader sees the text, on one line."""
    return " ".join(html5.text(html).split())


def absolute(base: str, url: str) -> str:
    return f"{base}/{url.lstrip('/')}"


def procedure_record(procedure: Any, base: str) -> dict:
    data = procedure.data
    national = data.national
    return {
        "slug": procedure.slug,
        "titre": data.title,
        "resume": data.summary,
        "theme": data.theme,
        "theme_libelle": procedure.theme.label,
        "url": absolute(base, procedure.url),
        "fiche_pdf": absolute(base, procedure.pdf_url),
        "guichets": [c.slug for c in procedure.counters],
        "cout": data.cost,
        "delai": data.delay,
        "verifie_le": data.verified.isoformat(),
        "service_en_ligne": data.online_service,
        "populaire": data.popular,
        "pieces_a_fournir": [plain_text(item) for item in procedure.documents],
        "etapes": [plain_text(item) for item in procedure.steps],
        "fiche_nationale": national.id if national else None,
        "fiche_nationale_mise_a_jour": national.updated.isoformat() if national else None,
        "fiche_nationale_url": national.url if national else None,
    }


def osm_hours(hours: Any) -> str:
    """Weekly hours in OpenStreetMap's ``opening_hours`` syntax (``Mo-Fr 08:30-12:00``)."""
    groups: list[tuple[int, int, str]] = []
    for index, day in enumerate(hours.days):
        if not day.ranges:
            continue
        spans = ",".join(f"{r.start:%H:%M}-{r.end:%H:%M}" for r in day.ranges)
        if groups and groups[-1][2] == spans and groups[-1][1] == index - 1:
            groups[-1] = (groups[-1][0], index, spans)
        else:
            groups.append((index, index, spans))
    parts = []
    for first, last, spans in groups:
        days = OSM_DAYS[first] if first == last else f"{OSM_DAYS[first]}-{OSM_DAYS[last]}"
        if last == first + 1:
            days = f"{OSM_DAYS[first]},{OSM_DAYS[last]}"
        parts.append(f"{days} {spans}")
    return "; ".join(parts)


def counter_record(counter: Any, base: str, ics_url: str | None) -> dict:
    data = counter.data
    directory = data.directory
    return {
        "slug": counter.slug,
        "nom": data.title,
        "url": absolute(base, counter.url),
        "adresse": list(data.address.lines),
        "code_postal": data.address.postal_code,
        "commune": data.address.town,
        "adresse_postale": list(data.postal_address.lines) if data.postal_address else None,
        "telephone": data.phone.display,
        "telephone_international": data.phone.uri.removeprefix("tel:"),
        "courriel": data.email,
        "horaires": [
            {
                "jour": day.day,
                "plages": [
                    {"debut": f"{r.start:%H:%M}", "fin": f"{r.end:%H:%M}"} for r in day.ranges
                ],
            }
            for day in data.hours.days
        ],
        "horaires_osm": osm_hours(data.hours),
        "fermetures": [
            {"debut": c.start.isoformat(), "fin": c.end.isoformat(), "motif": c.reason}
            for c in data.closures
        ],
        "fermetures_ics": ics_url,
        "acces": list(data.access),
        "demarches": [p.slug for p in counter.procedures],
        "annuaire_id": directory.id if directory else None,
    }
