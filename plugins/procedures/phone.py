"""Phone numbers: parsed and formatted the French way with ``phonenumbers``."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

PHONE_EXAMPLE = "05 65 00 12 34"


@dataclass(frozen=True)
class Phone:
    display: str
    """Written the French way: ``05 65 00 12 34``."""
    uri: str
    """For links: ``tel:+33565001234``."""


def parse_phone(text: str, region: str = "FR") -> Phone:
    """Parse a phone number as staff type it; raise ValueError with a French message."""
    value = text.strip()
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ValueError(f"« {value} » n'est pas un numéro de téléphone.") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"« {value} » n'est pas un numéro de téléphone valide.")
    if phonenumbers.region_code_for_number(number) == region:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    uri = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
    return Phone(display=display, uri=uri.replace("-", ""))
