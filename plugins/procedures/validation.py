"""Validation of counters and procedures: metadata in, typed data and French problems out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from guichet import html5
from guichet.header import HEADING_LINES_KEY, PROBLEMS_KEY
from guichet.messages import Problem
from guichet.messages import procedures as msg

from .address import ADDRESS_EXAMPLE, Address, parse_address
from .closures import CLOSURE_EXAMPLE, Closure, parse_closures
from .dates import DATE_EXAMPLE, format_date_fr, is_stale, parse_date
from .fields import PELICAN_KEYS, FieldReader, parse_email, parse_list, parse_url, parse_yes_no
from .hours import HOURS_EXAMPLE, WeeklyHours, parse_hours
from .phone import PHONE_EXAMPLE, Phone, parse_phone
from .sections import HEADINGS, list_items, normalise, split_sections
from .settings import STALE_MONTHS

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 40
SUMMARY_MAX = 200

COUNTER_FIELDS = {
    "titre": "Titre",
    "adresse": "Adresse",
    "telephone": "Telephone",
    "courriel": "Courriel",
    "horaires": "Horaires",
    "fermetures": "Fermetures",
    "acces": "Acces",
    "adresse-postale": "Adresse-postale",
    "annuaire-id": "Annuaire-id",
    "annuaire-fichier": "Annuaire-fichier",
    "annuaire-date": "Annuaire-date",
}
PROCEDURE_FIELDS = {
    "titre": "Titre",
    "resume": "Resume",
    "theme": "Theme",
    "guichets": "Guichets",
    "cout": "Cout",
    "delai": "Delai",
    "verifie-le": "Verifie-le",
    "service-en-ligne": "Service-en-ligne",
    "populaire": "Populaire",
    "formulaires": "Formulaires",
    "fiche-nationale": "Fiche-nationale",
    "fiche-mise-a-jour": "Fiche-mise-a-jour",
    "fiche-url": "Fiche-url",
}
NATIONAL_ID = re.compile(r"^[FNR][0-9]{1,6}$")


@dataclass(frozen=True)
class CounterData:
    title: str
    address: Address
    phone: Phone
    email: str | None
    hours: WeeklyHours
    closures: tuple[Closure, ...]
    access: tuple[str, ...]
    postal_address: Address | None = None
    """Where letters go, when it is not the counter's own address (Annuaire « Adresse postale »)."""
    directory: DirectorySource | None = None
    """Set when the counter was imported from the Annuaire de l'administration (issue 18)."""


@dataclass(frozen=True)
class DirectorySource:
    """The Annuaire de l'administration record a counter came from: credited on its page."""

    id: str
    file: str
    updated: date | None


@dataclass(frozen=True)
class NationalSource:
    """The service-public.fr fiche an imported procedure comes from (``Fiche-nationale``)."""

    id: str
    updated: date
    url: str


@dataclass(frozen=True)
class ProcedureData:
    title: str
    summary: str
    theme: str
    counters: tuple[str, ...]
    cost: str
    delay: str
    verified: date
    online_service: str | None
    popular: bool
    forms: tuple[str, ...] = ()
    """``Formulaires`` lines as written (``[texte](documents/x.pdf)``): plugins/documents."""
    national: NationalSource | None = None
    """Set for a fiche imported from service-public.fr: the rules for hand-made procedures
    (a documents list, a steps list) then apply only to the sections the fiche has."""


@dataclass(frozen=True)
class Checked:
    data: Any
    """CounterData / ProcedureData, or None when there are errors."""
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def check_slug(slug: str, source: str, reserved: frozenset[str] = frozenset()) -> list[Problem]:
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        return [Problem(source, msg.BAD_SLUG.format(name=slug), None, msg.BAD_SLUG_HINT)]
    if slug in reserved:
        return [Problem(source, msg.RESERVED_SLUG.format(name=slug), None, msg.BAD_SLUG_HINT)]
    return []


def check_counter(meta: Mapping[str, Any], source: str) -> Checked:
    if not _written(meta):
        return Checked(None, (Problem(source, msg.EMPTY_FILE, None, msg.EMPTY_FILE_HINT),), ())
    fields = FieldReader(meta, source, COUNTER_FIELDS)
    fields.header_problems()
    title = fields.text("titre", "Mairie de Val-d'Aurore")
    address = fields.parsed("adresse", parse_address, ADDRESS_EXAMPLE, multiline=True)
    phone = fields.parsed("telephone", parse_phone, PHONE_EXAMPLE)
    email = fields.parsed("courriel", parse_email, "accueil@mairie.fr", required=False)
    hours = fields.parsed("horaires", parse_hours, HOURS_EXAMPLE, multiline=True)
    closures = fields.parsed(
        "fermetures", parse_closures, CLOSURE_EXAMPLE, required=False, multiline=True
    )
    postal = fields.parsed(
        "adresse-postale", parse_address, ADDRESS_EXAMPLE, required=False, multiline=True
    )
    directory = _check_directory(fields)
    for key in ("courriel", "acces"):
        if key not in meta:
            fields.warning(key, msg.MISSING_OPTIONAL.format(field=COUNTER_FIELDS[key]))
    fields.report_unknown()
    data = None
    if not fields.errors:
        data = CounterData(
            title=title,
            address=address,
            phone=phone,
            email=email,
            hours=hours,
            closures=closures or (),
            access=tuple(fields.lines("acces")),
            postal_address=postal,
            directory=directory,
        )
    return Checked(data, tuple(fields.errors), tuple(fields.warnings))


def check_procedure(
    meta: Mapping[str, Any],
    html: str,
    source: str,
    themes: Mapping[str, str],
    counters: set[str],
    today: date,
    stale_months: int = STALE_MONTHS,
) -> Checked:
    if not _written(meta) and not html.strip():
        return Checked(None, (Problem(source, msg.EMPTY_FILE, None, msg.EMPTY_FILE_HINT),), ())
    fields = FieldReader(meta, source, PROCEDURE_FIELDS)
    fields.header_problems()
    title = fields.text("titre", "Carte nationale d'identité")
    summary = fields.text("resume", "Demander ou renouveler sa carte d'identité.")
    if summary and len(summary) > SUMMARY_MAX:
        fields.warning("resume", msg.LONG_SUMMARY.format(length=len(summary), limit=SUMMARY_MAX))
    theme = _check_theme(fields, themes)
    counter_slugs = _check_counters(fields, counters)
    cost = fields.text("cout", "Gratuit")
    delay = fields.text("delai", "2 à 4 semaines")
    verified = fields.parsed("verifie-le", parse_date, DATE_EXAMPLE)
    if verified:
        _check_freshness(fields, verified, today, stale_months)
    online = fields.parsed("service-en-ligne", parse_url, "https://www.service-public.fr/", False)
    popular = fields.parsed("populaire", parse_yes_no, "oui", required=False)
    national = _check_national(fields)
    _check_sections(fields, html, national is not None)
    fields.report_unknown()
    data = None
    if not fields.errors:
        data = ProcedureData(
            title=title,
            summary=summary,
            theme=theme,
            counters=counter_slugs,
            cost=cost,
            delay=delay,
            verified=verified,
            online_service=online,
            popular=bool(popular),
            forms=tuple(fields.lines("formulaires")),
            national=national,
        )
    return Checked(data, tuple(fields.errors), tuple(fields.warnings))


def _written(meta: Mapping[str, Any]) -> bool:
    """Whether staff wrote any field (Pelican adds a few of its own)."""
    return PROBLEMS_KEY in meta or any(key not in PELICAN_KEYS for key in meta)


def _check_theme(fields: FieldReader, themes: Mapping[str, str]) -> str | None:
    known = ", ".join(themes)
    value = fields.text("theme", next(iter(themes), "etat-civil"))
    if value is None:
        return None
    key = value.strip().lower()
    if key not in themes:
        fields.error(
            "theme",
            msg.UNKNOWN_THEME.format(value=value),
            msg.UNKNOWN_THEME_HINT.format(known=known),
        )
        return None
    return key


def _check_counters(fields: FieldReader, counters: set[str]) -> tuple[str, ...] | None:
    slugs = fields.parsed("guichets", parse_list, "mairie, mairie-annexe")
    if slugs is None:
        return None
    known = ", ".join(sorted(counters)) or "aucun"
    unknown = [s for s in slugs if s not in counters]
    for slug in unknown:
        hint = msg.UNKNOWN_COUNTER_HINT.format(known=known)
        fields.error("guichets", msg.UNKNOWN_COUNTER.format(value=slug), hint)
    return None if unknown else tuple(dict.fromkeys(slugs))


def _check_freshness(fields: FieldReader, verified: date, today: date, months: int) -> None:
    if verified > today:
        fields.warning("verifie-le", msg.FUTURE_DATE.format(date=format_date_fr(verified)))
    elif is_stale(verified, today, months):
        fields.warning(
            "verifie-le",
            msg.STALE.format(date=format_date_fr(verified), months=months),
            msg.STALE_HINT,
        )


def _check_national(fields: FieldReader) -> NationalSource | None:
    """``Fiche-nationale`` and its two companions, written by ``importer-fiche``."""
    if "fiche-nationale" not in fields.meta:
        return None
    ident = fields.text("fiche-nationale", "F1341")
    if ident and not NATIONAL_ID.match(ident):
        fields.error("fiche-nationale", msg.BAD_NATIONAL_ID.format(value=ident))
        ident = None
    updated = fields.parsed("fiche-mise-a-jour", parse_date, DATE_EXAMPLE)
    url = fields.parsed(
        "fiche-url", parse_url, "https://www.service-public.fr/particuliers/vosdroits/F1341"
    )
    if ident and updated and url:
        return NationalSource(ident, updated, url)
    return None


def _check_directory(fields: FieldReader) -> DirectorySource | None:
    """``Annuaire-id`` and its two companions, written by ``importer-guichets``."""
    if "annuaire-id" not in fields.meta:
        return None
    ident = fields.text("annuaire-id", "e6a8b5a0-0000-0000-0000-000000000000")
    name = fields.text("annuaire-fichier", "annuaire.json")
    updated = fields.parsed("annuaire-date", parse_date, DATE_EXAMPLE, required=False)
    return DirectorySource(ident, name, updated) if ident and name else None


def _check_sections(fields: FieldReader, html: str, national: bool = False) -> None:
    found = split_sections(html, comments=False)  # the scaffold's notes hold placeholders
    lines = {
        normalise(text): line
        for text, line in reversed(fields.meta.get(HEADING_LINES_KEY, {}).items())
    }

    def line_of(section) -> int | None:
        return lines.get(normalise(section.heading)) if section.heading else None

    for section in found:
        if msg.PLACEHOLDER in section.html:
            heading = html5.text(section.heading).strip() or "début du texte"
            fields.error(
                None,
                msg.BODY_NOT_FILLED.format(heading=heading),
                msg.BODY_NOT_FILLED_HINT,
                line=line_of(section),
            )
    sections = {s.key: s for s in found}
    for key in ("documents", "steps"):
        heading = HEADINGS[key]
        if key not in sections:
            if national:  # an imported fiche: only the sections it has are checked
                continue
            fields.error(
                None,
                msg.MISSING_SECTION.format(heading=heading),
                msg.MISSING_SECTION_HINT.format(heading=heading),
            )
        elif not list_items(sections[key].html):
            fields.error(
                None,
                msg.EMPTY_LIST_SECTION.format(heading=heading),
                msg.EMPTY_LIST_SECTION_HINT,
                line=line_of(sections[key]),
            )
