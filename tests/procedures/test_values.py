from datetime import date

import pytest

from guichet_plugins.procedures.address import parse_address
from guichet_plugins.procedures.closures import parse_closures, upcoming
from guichet_plugins.procedures.dates import format_date_fr, parse_date
from guichet_plugins.procedures.phone import parse_phone


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-10-15", date(2026, 10, 15)),
        ("15/10/2026", date(2026, 10, 15)),
        (" 1/2/2027 ", date(2027, 2, 1)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [("hier", "n'est pas une date"), ("31/02/2026", "qui existe"), ("2026/10/15", "pas une date")],
)
def test_parse_date_rejects(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2026, 10, 15), "15 octobre 2026"),
        (date(2027, 1, 1), "1er janvier 2027"),
        (date(2026, 8, 3), "3 août 2026"),
    ],
)
def test_format_date_fr_without_locales(day, text):
    assert format_date_fr(day) == text


@pytest.mark.parametrize(
    "text, display, uri",
    [
        ("05 65 00 12 34", "05 65 00 12 34", "tel:+33565001234"),
        ("0565001234", "05 65 00 12 34", "tel:+33565001234"),
        ("+33 5 65 00 12 34", "05 65 00 12 34", "tel:+33565001234"),
        ("05.65.00.12.34", "05 65 00 12 34", "tel:+33565001234"),
        ("+32 2 555 12 34", "+32 2 555 12 34", "tel:+3225551234"),
    ],
)
def test_parse_phone(text, display, uri):
    phone = parse_phone(text)
    assert (phone.display, phone.uri) == (display, uri)


@pytest.mark.parametrize("text", ["05 65", "pas de numéro", "01 23 45 67 89 10 11"])
def test_parse_phone_rejects(text):
    with pytest.raises(ValueError, match="numéro de téléphone"):
        parse_phone(text)


def test_parse_address():
    address = parse_address(["1 place de la Mairie", "", "12340 Val-d'Aurore"])
    assert address.lines == ("1 place de la Mairie", "12340 Val-d'Aurore")
    assert (address.postal_code, address.town) == ("12340", "Val-d'Aurore")


@pytest.mark.parametrize(
    "lines, message",
    [
        (["1 place de la Mairie"], "au moins deux lignes"),
        (["1 place", "Val-d'Aurore"], "code postal à 5 chiffres"),
    ],
)
def test_parse_address_rejects(lines, message):
    with pytest.raises(ValueError, match=message):
        parse_address(lines)


def test_closures_sorted_and_filtered():
    closures = parse_closures(
        [
            "24/12/2026 au 02/01/2027 : fêtes",
            "2026-11-11 : Armistice",
            "du 01/08/2026 au 15/08/2026 : été",
        ]
    )
    assert [c.reason for c in closures] == ["été", "Armistice", "fêtes"]
    assert [c.reason for c in upcoming(closures, date(2026, 11, 24))] == ["fêtes"]
    assert closures[1].text == "le 11 novembre 2026"
    assert closures[2].text == "du 24 décembre 2026 au 2 janvier 2027"


@pytest.mark.parametrize(
    "line, message",
    [
        ("24/12/2026", "date : motif"),
        ("32/12/2026 : x", "n'est pas une date"),
        ("02/01/2027 au 24/12/2026 : x", "fin est avant"),
    ],
)
def test_closures_reject(line, message):
    with pytest.raises(ValueError, match=message):
        parse_closures([line])
