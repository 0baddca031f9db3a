"""The data files: ``demarches.json|csv`` and ``guichets.json|csv``, each with its schema.

Pure: records in, file texts out. Every field is described once (``PROCEDURE_FIELDS``,
``COUNTER_FIELDS``); the JSON Schema of the ``.json`` file and the Table Schema
(frictionless, https://specs.frictionlessdata.io/table-schema/) of the ``.csv`` file are both
made from that description. In the CSV, a list is written as its items joined by `` ; ``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

LIST_SEPARATOR = " ; "


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    """``string``, ``boolean``, ``date``, ``uri``, ``list`` (of strings), ``object`` (JSON only)."""
    description: str
    required: bool = True


PROCEDURE_FIELDS = (
    Field("slug", "string", "Identifiant de la démarche (fin de son adresse web)."),
    Field("titre", "string", "Titre de la démarche."),
    Field("resume", "string", "Résumé en une phrase."),
    Field("theme", "string", "Clé du thème."),
    Field("theme_libelle", "string", "Nom du thème."),
    Field("url", "uri", "Page de la démarche."),
    Field("fiche_pdf", "uri", "Fiche pratique à imprimer (PDF, une page A4)."),
    Field("guichets", "list", "Guichets où faire la démarche (leurs identifiants, voir guichets)."),
    Field("cout", "string", "Coût, en toutes lettres."),
    Field("delai", "string", "Délai, en toutes lettres."),
    Field("verifie_le", "date", "Date de la dernière vérification du contenu."),
    Field("service_en_ligne", "uri", "Service officiel en ligne, s'il existe.", False),
    Field("populaire", "boolean", "Démarche parmi les plus demandées."),
    Field("pieces_a_fournir", "list", "Pièces à fournir, une par élément."),
    Field("etapes", "list", "Étapes, dans l'ordre."),
    Field("fiche_nationale", "string", "Numéro de la fiche service-public.fr d'origine.", False),
    Field("fiche_nationale_mise_a_jour", "date", "Date de cette fiche nationale.", False),
    Field("fiche_nationale_url", "uri", "Adresse de cette fiche nationale.", False),
)
COUNTER_FIELDS = (
    Field("slug", "string", "Identifiant du guichet (fin de son adresse web)."),
    Field("nom", "string", "Nom du guichet."),
    Field("url", "uri", "Page du guichet."),
    Field(
        "adresse", "list", "Adresse, une ligne par élément (la dernière : code postal et commune)."
    ),
    Field("code_postal", "string", "Code postal."),
    Field("commune", "string", "Commune."),
    Field("adresse_postale", "list", "Adresse pour le courrier, si elle diffère.", False),
    Field("telephone", "string", "Téléphone, écrit à la française."),
    Field("telephone_international", "string", "Téléphone au format international (E.164)."),
    Field("courriel", "string", "Adresse de courriel.", False),
    Field("horaires", "object", "Horaires : sept jours, lundi d'abord, avec leurs plages."),
    Field("horaires_osm", "string", "Horaires au format opening_hours d'OpenStreetMap."),
    Field("fermetures", "object", "Fermetures exceptionnelles : début, fin (incluse), motif."),
    Field("fermetures_ics", "uri", "Les fermetures au format iCalendar (agenda).", False),
    Field("acces", "list", "Informations d'accès (accessibilité, stationnement)."),
    Field("demarches", "list", "Démarches possibles à ce guichet (leurs identifiants)."),
    Field("annuaire_id", "string", "Identifiant dans l'Annuaire de l'administration.", False),
)

_JSON_TYPES = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "uri": {"type": "string", "format": "uri"},
    "list": {"type": "array", "items": {"type": "string"}},
}
_OBJECT_TYPES = {
    "horaires": {
        "type": "array",
        "minItems": 7,
        "maxItems": 7,
        "items": {
            "type": "object",
            "required": ["jour", "plages"],
            "properties": {
                "jour": {"type": "string"},
                "plages": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["debut", "fin"],
                        "properties": {
                            "debut": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                            "fin": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                        },
                    },
                },
            },
        },
    },
    "fermetures": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["debut", "fin", "motif"],
            "properties": {
                "debut": {"type": "string", "format": "date"},
                "fin": {"type": "string", "format": "date"},
                "motif": {"type": "string"},
            },
        },
    },
}
_TABLE_TYPES = {
    "string": "string",
    "boolean": "boolean",
    "date": "date",
    "uri": "string",
    "list": "string",
    "object": "string",
}


@dataclass(frozen=True)
class Dataset:
    name: str
    """``demarches`` or ``guichets``: the file names and the JSON key of the list."""
    title: str
    fields: tuple[Field, ...]


PROCEDURES = Dataset("demarches", "Démarches", PROCEDURE_FIELDS)
COUNTERS = Dataset("guichets", "Guichets et horaires", COUNTER_FIELDS)


def json_schema(dataset: Dataset, url: str) -> dict:
    items = {
        "type": "object",
        "required": [f.name for f in dataset.fields],
        "additionalProperties": False,
        "properties": {},
    }
    for f in dataset.fields:
        kind = _OBJECT_TYPES[f.name] if f.kind == "object" else dict(_JSON_TYPES[f.kind])
        if not f.required:
            kind = {"anyOf": [kind, {"type": "null"}]}
        items["properties"][f.name] = {"description": f.description, **kind}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": url,
        "title": dataset.title,
        "type": "object",
        "required": ["titre", "producteur", "licence", "licence_url", "date", dataset.name],
        "properties": {
            "titre": {"type": "string"},
            "producteur": {"type": "string"},
            "licence": {"type": "string"},
            "licence_url": {"type": "string", "format": "uri"},
            "date": {"type": "string", "format": "date", "description": "Date de la construction."},
            "schema": {"type": "string", "format": "uri"},
            dataset.name: {"type": "array", "items": items},
        },
    }


def table_schema(dataset: Dataset, licence: str, licence_url: str) -> dict:
    fields = []
    for f in dataset.fields:
        entry = {"name": f.name, "type": _TABLE_TYPES[f.kind], "description": f.description}
        if f.kind == "uri":
            entry["format"] = "uri"
        if f.kind in ("list", "object"):
            entry["description"] += " Plusieurs valeurs : séparées par « ; »."
        if f.required:
            entry["constraints"] = {"required": True}
        fields.append(entry)
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
        "title": dataset.title,
        "licenses": [{"title": licence, "path": licence_url}],
        "fields": fields,
        "primaryKey": "slug",
        "missingValues": [""],
    }


def json_file(dataset: Dataset, records: list[dict], header: dict) -> str:
    return json.dumps({**header, dataset.name: records}, ensure_ascii=False, indent=1) + "\n"


def _csv_value(name: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "horaires":
        return LIST_SEPARATOR.join(
            f"{d['jour']} " + ",".join(f"{p['debut']}-{p['fin']}" for p in d["plages"])
            for d in value
            if d["plages"]
        )
    if name == "fermetures":
        return LIST_SEPARATOR.join(f"{c['debut']}/{c['fin']} {c['motif']}" for c in value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_file(dataset: Dataset, records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow([f.name for f in dataset.fields])
    for record in records:
        writer.writerow([_csv_value(f.name, record[f.name]) for f in dataset.fields])
    return out.getvalue()
