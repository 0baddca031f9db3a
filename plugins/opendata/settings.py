"""The open-data plugin's settings and their defaults, read once per build."""

from __future__ import annotations

from dataclasses import dataclass

from guichet.keys import Key
from guichet.keys import read as read_keys

KEYS = (
    Key("GUICHET_OPENDATA", True, "bool"),
    Key("GUICHET_OPENDATA_DIR", "donnees", "str"),
    Key("GUICHET_OPENDATA_LICENCE", "Licence Ouverte 2.0 (Etalab)", "str"),
    Key(
        "GUICHET_OPENDATA_LICENCE_URL",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "str",
    ),
    Key("GUICHET_CLOSURES_ICS_SAVE_AS", "guichets/{slug}/fermetures.ics", "str"),
    Key("GUICHET_SITEMAP", True, "bool"),
    Key("GUICHET_ROBOTS", True, "bool"),
)


@dataclass(frozen=True)
class OpenData:
    enabled: bool
    folder: str
    licence: str
    licence_url: str
    ics_save_as: str
    sitemap: bool
    robots: bool
    public_url: str
    """``GUICHET_PUBLIC_URL`` without a trailing slash: absolute links in the data files."""


def read(settings: dict) -> OpenData:
    value = read_keys(settings, KEYS)
    return OpenData(
        enabled=bool(value["GUICHET_OPENDATA"]),
        folder=str(value["GUICHET_OPENDATA_DIR"]).strip("/"),
        licence=value["GUICHET_OPENDATA_LICENCE"],
        licence_url=value["GUICHET_OPENDATA_LICENCE_URL"],
        ics_save_as=value["GUICHET_CLOSURES_ICS_SAVE_AS"],
        sitemap=bool(value["GUICHET_SITEMAP"]),
        robots=bool(value["GUICHET_ROBOTS"]),
        public_url=str(settings.get("GUICHET_PUBLIC_URL") or settings.get("SITEURL") or "").rstrip(
            "/"
        ),
    )
