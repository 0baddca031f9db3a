"""Postal addresses: the last line is ``<postal code> <town>``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LAST_LINE = re.compile(r"^(?:(?:F|FR)-?)?(\d{5})\s+(\S.*)$")

ADDRESS_EXAMPLE = "1 place de la Mairie / 12340 Val-d'Aurore (une ligne par ligne d'adresse)"


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...]
    postal_code: str
    town: str


def parse_address(lines: list[str]) -> Address:
    """Check a postal address written one line per line; raise ValueError in French."""
    cleaned = tuple(line.strip() for line in lines if line.strip())
    if len(cleaned) < 2:
        raise ValueError(
            "L'adresse doit tenir sur au moins deux lignes : la rue, puis le code postal et "
            "la commune."
        )
    match = _LAST_LINE.match(cleaned[-1])
    if not match:
        raise ValueError(
            f"La dernière ligne de l'adresse (« {cleaned[-1]} ») doit commencer par le code "
            "postal à 5 chiffres, suivi de la commune."
        )
    return Address(lines=cleaned, postal_code=match.group(1), town=match.group(2))
