"""The importers' settings (``make importer-fiche``, ``make importer-guichets``): defaults here,
documented in pelicanconf.py."""

from __future__ import annotations

from guichet.keys import Key

DEFAULT_PIVOTS = {
    "mairie": ["mairie"],
    "ccas": ["ccas"],
    "mairie_annexe": ["mairie-annexe"],
}
"""A fiche's « Où s'adresser » (its ``PivotLocal``) → the town's counter(s)."""

KEYS = (
    Key("GUICHET_IMPORT_PIVOTS", DEFAULT_PIVOTS, "dict"),
    Key("GUICHET_IMPORT_THEMES", {}, "dict"),
    Key("GUICHET_IMPORT_DEFAULT_THEME", None, "str", optional=True),
)
