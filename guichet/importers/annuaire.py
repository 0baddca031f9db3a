"""Read the Annuaire de l'administration (service-public.fr, JSON) into ``Office`` records.

Pure. Two shapes are read: the data.gouv.fr dump (``{"service": [...]}``, nested fields as
lists, ``code_insee_commune`` a string or a list, values with stray spaces) and the API's
records (a list, or ``{"results": [...]}``, nested fields as JSON strings).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from guichet.messages import importers as msg

from .errors import ImportFailed
from .words import plain

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
NESTED = ("pivot", "adresse", "telephone", "plage_ouverture", "adresse_courriel", "site_internet")
ACCESS = {
    "acc": "Accessible en fauteuil roulant.",
    "dem": "Accessible en fauteuil roulant avec l'aide d'une personne (sur demande).",
    "nacc": "Non accessible en fauteuil roulant.",
}
"""``accessibilite`` codes of the Annuaire's addresses, in words."""
_INSEE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})")
_DATE_FR = re.compile(r"^(\d{2})/(\d{2})/(\d{4})")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Office:
    """One Annuaire record, in the terms of a counter file."""

    id: str
    name: str
    kind: str
    """The ``type_service_local`` that selected it (``mairie``)."""
    address: tuple[str, ...]
    postal_address: tuple[str, ...]
    phone: str
    email: str
    hours: tuple[str, ...]
    """``Horaires`` lines in Guichet's syntax (``lundi : 8h30-12h00, 13h30-17h30``)."""
    hour_notes: tuple[str, ...]
    access: tuple[str, ...]
    updated: date | None


@dataclass
class Selection:
    offices: list[Office] = field(default_factory=list)
    kinds_seen: set[str] = field(default_factory=set)
    """Every type of the town's records, to name them when the asked ones are not there."""


def load(data: bytes, source: str) -> list[dict]:
    """The records of a dump or an API export; ImportFailed in French otherwise."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFailed(
            msg.NOT_JSON.format(path=source, error=error), msg.NOT_JSON_HINT
        ) from None
    records = parsed
    if isinstance(parsed, dict):
        records = parsed.get("service", parsed.get("results", parsed.get("records")))
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ImportFailed(msg.NOT_ANNUAIRE.format(path=source), msg.NOT_JSON_HINT)
    return [
        _decoded(r.get("fields", r) if isinstance(r.get("fields"), dict) else r) for r in records
    ]


def _decoded(record: dict) -> dict:
    """The API gives nested fields as JSON text: decode them to the dump's lists."""
    out = dict(record)
    for key in NESTED:
        value = out.get(key)
        if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                continue
            out[key] = value if isinstance(value, list) else [value]
    return out


def check_insee(code: str) -> str:
    value = code.strip().upper()
    if not _INSEE.match(value):
        raise ImportFailed(msg.BAD_INSEE.format(value=code))
    return value


def select(records: Iterable[dict], insee: str, kinds: tuple[str, ...]) -> Selection:
    """The town's records whose type is one of ``kinds`` (``mairie``, ``ccas``…), in file order."""
    wanted = {_kind(k) for k in kinds}
    selection = Selection()
    for record in records:
        for pivot in _list(record.get("pivot")) or [{}]:
            if not isinstance(pivot, dict):
                continue
            codes = pivot.get("code_insee_commune") or record.get("code_insee_commune") or []
            codes = [
                str(c).strip().upper() for c in (codes if isinstance(codes, list) else [codes])
            ]
            if insee not in codes:
                continue
            kind = _kind(
                str(pivot.get("type_service_local") or record.get("type_service_local") or "")
            )
            selection.kinds_seen.add(kind)
            if kind in wanted:
                selection.offices.append(office(record, kind))
                break
    return selection


def _kind(value: str) -> str:
    return plain(value).replace(" ", "_")


def _list(value) -> list:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _clean(value) -> str:
    return " ".join(str(value or "").split())


def office(record: dict, kind: str) -> Office:
    physical, postal = _addresses(_list(record.get("adresse")))
    phones = [
        _clean(t.get("valeur")) for t in _list(record.get("telephone")) if isinstance(t, dict)
    ]
    emails = [
        _clean(e.get("valeur") if isinstance(e, dict) else e)
        for e in _list(record.get("adresse_courriel"))
    ]
    hours, notes = opening_hours(_list(record.get("plage_ouverture")))
    return Office(
        id=_clean(record.get("id")),
        name=_clean(record.get("nom")),
        kind=kind,
        address=physical,
        postal_address=postal if postal != physical else (),
        phone=next((p for p in phones if p), ""),
        email=next((e for e in emails if e), ""),
        hours=hours,
        hour_notes=notes,
        access=_access(record),
        updated=parse_date(_clean(record.get("date_modification"))),
    )


def _addresses(entries: list) -> tuple[tuple[str, ...], tuple[str, ...]]:
    physical: tuple[str, ...] = ()
    postal: tuple[str, ...] = ()
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        lines = address_lines(entry)
        kind = plain(_clean(entry.get("type_adresse")))
        if kind == "adresse" and not physical:
            physical = lines
        elif kind == "adresse postale" and not postal:
            postal = lines
    return physical or postal, postal


def address_lines(entry: dict) -> tuple[str, ...]:
    """Address lines: ``complement1``/``2``, ``numero_voie``, ``service_distribution``, then
    ``code_postal nom_commune``."""
    lines = [
        _clean(entry.get(k))
        for k in ("complement1", "complement2", "numero_voie", "service_distribution")
    ]
    town = f"{_clean(entry.get('code_postal'))} {_clean(entry.get('nom_commune'))}".strip()
    return tuple(line for line in [*lines, town] if line)


def _access(record: dict) -> tuple[str, ...]:
    notes = []
    for entry in _list(record.get("adresse")):
        if isinstance(entry, dict) and plain(_clean(entry.get("type_adresse"))) == "adresse":
            code = plain(_clean(entry.get("accessibilite")))
            if code in ACCESS:
                notes.append(ACCESS[code])
            if _clean(entry.get("note_accessibilite")):
                notes.append(_clean(entry.get("note_accessibilite")))
    top = record.get("accessibilite")
    for value in _list(top):
        text = _clean(value.get("valeur") if isinstance(value, dict) else value)
        if text:
            notes.append(ACCESS.get(plain(text), text))
    return tuple(dict.fromkeys(notes))


def _time(value) -> str | None:
    match = _TIME.match(_clean(value))
    if not match:
        return None
    return f"{int(match.group(1))}h{match.group(2)}"


def opening_hours(ranges: list) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``plage_ouverture`` → ``Horaires`` lines and the notes (``commentaire``) per day.

    Each entry covers ``nom_jour_debut`` to ``nom_jour_fin`` with up to two time ranges; the
    days are expanded (several entries may open the same day), then consecutive days with the
    same ranges are written as one line (``du lundi au vendredi : …``).
    """
    per_day: dict[int, list[tuple[str, str]]] = {}
    notes: list[str] = []
    for entry in ranges:
        if not isinstance(entry, dict):
            continue
        first, last = _day(entry.get("nom_jour_debut")), _day(entry.get("nom_jour_fin"))
        if first is None:
            continue
        last = first if last is None or last < first else last
        spans = []
        for n in (1, 2):
            start, end = (
                _time(entry.get(f"valeur_heure_debut_{n}")),
                _time(entry.get(f"valeur_heure_fin_{n}")),
            )
            if start and end and _minutes(end) > _minutes(start):
                spans.append((start, end))
        for day in range(first, last + 1):
            per_day.setdefault(day, [])
            per_day[day] += [s for s in spans if s not in per_day[day]]
        comment = _clean(entry.get("commentaire"))
        if comment:
            notes.append(f"{_days_text(first, last)} : {comment}")
    lines = []
    day = 0
    while day < 7:
        spans = sorted(per_day.get(day, []), key=lambda s: _minutes(s[0]))
        if not spans:
            day += 1
            continue
        end = day
        while (
            end + 1 < 7 and sorted(per_day.get(end + 1, []), key=lambda s: _minutes(s[0])) == spans
        ):
            end += 1
        ranges_text = ", ".join(f"{a}-{b}" for a, b in _merged(spans))
        lines.append(f"{_days_text(day, end)} : {ranges_text}")
        day = end + 1
    return tuple(lines), tuple(notes)


def _merged(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping ranges from two entries of the same day, as one."""
    out: list[tuple[str, str]] = []
    for start, end in spans:
        if out and _minutes(start) <= _minutes(out[-1][1]):
            if _minutes(end) > _minutes(out[-1][1]):
                out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def _minutes(value: str) -> int:
    hours, _, minutes = value.partition("h")
    return int(hours) * 60 + int(minutes or 0)


def _day(value) -> int | None:
    word = plain(_clean(value))
    return DAYS.index(word) if word in DAYS else None


def _days_text(first: int, last: int) -> str:
    if first == last:
        return DAYS[first]
    if last == first + 1:
        return f"{DAYS[first]}, {DAYS[last]}"
    return f"du {DAYS[first]} au {DAYS[last]}"


def parse_date(value: str) -> date | None:
    """``03/12/2021 07:55:01`` (dump) or ``2021-12-03T07:55:01+00:00`` (API)."""
    try:
        if match := _DATE_FR.match(value):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if match := _DATE_ISO.match(value):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None
