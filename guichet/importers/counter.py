"""An ``Office`` of the Annuaire as a counter file, keeping what the town wrote.

Pure. The Annuaire's fields (name, addresses, phone, e-mail, hours, its record id, file and
date) are replaced by each import; ``Fermetures`` (never in the Annuaire), ``Acces`` once
written, and the text after the « ajouts » marker (or the whole text of a file written by
hand) stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guichet.messages import importers as msg
from guichet.messages.procedures import PLACEHOLDER

from . import layers
from .annuaire import Office
from .words import slugify

LOCAL_FIELDS = ("Fermetures", "Acces")
DIRECTORY_FIELDS = (
    "Titre",
    "Adresse",
    "Adresse-postale",
    "Telephone",
    "Courriel",
    "Horaires",
    "Annuaire-date",
)
DIRECTORY_COMMENT = (
    "<!-- TEXTE DE L'ANNUAIRE (Service-Public.gouv.fr / DILA, Licence Ouverte 2.0) : remplacé "
    "à chaque import des guichets. Écrivez vos ajouts après « AJOUTS DE LA MAIRIE ». -->"
)
LOCAL_MARKER = "<!-- AJOUTS DE LA MAIRIE : tout ce qui suit est conservé à chaque import. -->"


def slug_for(office: Office, taken: set[str]) -> str:
    """``mairie`` for the first town hall, the type (``mairie-annexe``) for the first of each
    other type, then the name (``mairie-annexe-de-vaux``)."""
    base = office.kind.replace("_", "-")
    if base not in taken:
        return base
    name = slugify(office.name)
    slug, number = name, 2
    while slug in taken:
        slug = f"{name[:36]}-{number}"
        number += 1
    return slug


@dataclass
class ComposedCounter:
    text: str
    lines: list[str] = field(default_factory=list)
    changes: layers.Changes | None = None


def compose_counter(
    office: Office, file_name: str, existing: layers.ContentFile | None
) -> ComposedCounter:
    lines: list[str] = []
    fields: dict[str, list[str]] = {"Titre": [office.name]}
    fields["Adresse"] = list(office.address) or [f"{PLACEHOLDER} : numéro et rue", "12345 Commune"]
    if not office.address or not office.address[-1][:5].isdigit():
        lines.append(msg.BAD_ADDRESS.format(name=office.name))
    if office.postal_address:
        fields["Adresse-postale"] = list(office.postal_address)
    fields["Telephone"] = [office.phone or f"{PLACEHOLDER} : 05 00 00 00 00"]
    if not office.phone:
        lines.append(msg.BAD_PHONE.format(name=office.name))
    if office.email:
        fields["Courriel"] = [office.email]
    if office.hours:
        fields["Horaires"] = list(office.hours)
    else:
        fields["Horaires"] = [f"{PLACEHOLDER} : lundi : 8h30-12h00, 13h30-17h30"]
        lines.append(msg.NO_HOURS.format(name=office.name))
    fields["Fermetures"] = []
    fields["Acces"] = list(office.access)
    if existing is not None:
        for name in LOCAL_FIELDS:
            if existing.get(name):
                fields[name] = existing.get(name)
        lines.append(msg.COUNTER_KEPT)
    fields["Annuaire-id"] = [office.id]
    fields["Annuaire-fichier"] = [file_name]
    fields["Annuaire-date"] = [office.updated.isoformat()] if office.updated else []
    notes = ""
    if office.hour_notes:
        notes = "Remarques sur les horaires :\n\n" + "\n".join(f"- {n}" for n in office.hour_notes)
        lines.append(msg.HOURS_NOTE.format(notes=" ; ".join(office.hour_notes)))
    local = existing.local if existing else ""
    if notes:
        marker = existing.local_marker if existing and existing.local_marker else LOCAL_MARKER
        text = layers.render(fields, DIRECTORY_COMMENT, notes, marker, local)
    else:  # nothing from the Annuaire in the text: no markers, the text is the town's
        text = (
            layers.render_header(fields) + "\n" + (f"\n{local.strip()}\n" if local.strip() else "")
        )
    changes = None
    if existing is not None:
        changes = layers.compare(
            existing.imported or "", notes, existing.fields, fields, DIRECTORY_FIELDS
        )
    return ComposedCounter(text, lines, changes)
