"""The Annuaire de l'administration reader: pure, from small records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from guichet.importers.annuaire import (
    check_insee,
    load,
    opening_hours,
    parse_date,
    select,
)
from guichet.importers.errors import ImportFailed

FIXTURES = Path(__file__).parent / "fixtures"


def plage(first, last, start1="", end1="", start2="", end2="", comment=""):
    return {
        "nom_jour_debut": first,
        "nom_jour_fin": last,
        "valeur_heure_debut_1": start1,
        "valeur_heure_fin_1": end1,
        "valeur_heure_debut_2": start2,
        "valeur_heure_fin_2": end2,
        "commentaire": comment,
    }


@pytest.mark.parametrize(
    ("ranges", "lines"),
    [
        (
            [plage("Lundi", "Vendredi", "08:30:00", "12:00:00", "13:30:00", "17:30:00")],
            ["du lundi au vendredi : 8h30-12h00, 13h30-17h30"],
        ),
        (  # split days: the days of one range expanded, a day opened by two entries
            [
                plage("Lundi", "Mercredi", "09:00:00", "12:00:00"),
                plage("Mardi", "Mardi", "14:00:00", "17:00:00"),
            ],
            ["lundi : 9h00-12h00", "mardi : 9h00-12h00, 14h00-17h00", "mercredi : 9h00-12h00"],
        ),
        (
            [plage("Samedi", "Dimanche", "10:00", "12:00")],
            ["samedi, dimanche : 10h00-12h00"],
        ),
        (  # overlapping entries of one day merge
            [plage("Jeudi", "Jeudi", "09:00", "12:00"), plage("Jeudi", "Jeudi", "11:00", "13:00")],
            ["jeudi : 9h00-13h00"],
        ),
        ([plage("Lundi", "Lundi")], []),
        ([plage("Funday", "Funday", "09:00", "10:00")], []),
    ],
)
def test_opening_hours_into_guichet_syntax(ranges, lines):
    assert list(opening_hours(ranges)[0]) == lines


def test_the_hours_written_parse_with_guichet_parser():
    from guichet_plugins.procedures.hours import parse_hours

    lines, _ = opening_hours(
        [
            plage("Lundi", "Vendredi", "08:30:00", "12:00:00", "13:30:00", "17:30:00"),
            plage("Samedi", "Samedi", "09:00:00", "12:00:00"),
        ]
    )
    hours = parse_hours(list(lines))
    assert hours.days[5].text == "de 9 h à 12 h"
    assert hours.days[0].text == "de 8 h 30 à 12 h et de 13 h 30 à 17 h 30"


def test_comments_are_kept_as_notes_with_their_days():
    _, notes = opening_hours(
        [plage("Mardi", "Jeudi", "09:00", "12:00", comment=" Sur rendez-vous ")]
    )
    assert notes == ("du mardi au jeudi : Sur rendez-vous",)


def test_the_dump_selects_by_insee_and_type_with_stray_spaces():
    records = load((FIXTURES / "annuaire-dump.json").read_bytes(), "dump.json")
    selection = select(records, "12345", ("mairie", "ccas"))
    names = [o.name for o in selection.offices]
    assert names == [
        "Mairie - Val-d'Aurore",
        "Centre communal d'action sociale (CCAS) de Val-d'Aurore",
    ]
    mairie = selection.offices[0]
    assert mairie.address == ("1 place de la Mairie", "12340 Val-d'Aurore")
    assert mairie.postal_address == ("Hôtel de ville", "BP 12", "12340 Val-d'Aurore Cedex")
    assert mairie.phone == "05 36 49 10 00"
    assert mairie.email == "accueil@val-daurore.example"
    assert mairie.updated == date(2021, 12, 3)
    assert mairie.access == (
        "Accessible en fauteuil roulant.",
        "Entrée de plain-pied par la rue de l'Église.",
    )
    assert select(records, "99999", ("mairie",)).offices[0].name == "Mairie - Autre-Commune"


def test_api_records_with_json_string_fields():
    records = load((FIXTURES / "annuaire-api.json").read_bytes(), "api.json")
    office = select(records, "12345", ("mairie-annexe",)).offices[0]
    assert office.hours == ("du mardi au jeudi : 9h00-12h00, 14h00-17h00",)
    assert office.email == "annexe@val-daurore.example"
    assert office.access == ("Non accessible en fauteuil roulant.",)
    assert office.updated == date(2026, 10, 2)


def test_a_plain_list_of_api_records_is_read():
    record = {
        "id": "x",
        "nom": "Mairie",
        "pivot": json.dumps([{"type_service_local": "mairie", "code_insee_commune": "12345"}]),
    }
    assert select(load(json.dumps([record]).encode(), "x"), "12345", ("mairie",)).offices


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"{", "n'est pas un fichier JSON lisible"), (b'{"autre": 1}', "aucune liste d'organismes")],
)
def test_what_is_not_the_annuaire_is_refused(data, expected):
    with pytest.raises(ImportFailed) as caught:
        load(data, "x.json")
    assert expected in caught.value.message


@pytest.mark.parametrize("code", ["12345", "2A004", " 2b033 "])
def test_insee_codes(code):
    assert check_insee(code) == code.strip().upper()


@pytest.mark.parametrize("code", ["1234", "123456", "12 345", "AB123"])
def test_bad_insee_codes(code):
    with pytest.raises(ImportFailed, match="code INSEE"):
        check_insee(code)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/12/2021 07:55:01", date(2021, 12, 3)),
        ("2021-12-03T07:55:01+00:00", date(2021, 12, 3)),
        ("31/02/2021", None),
        ("", None),
    ],
)
def test_dates(value, expected):
    assert parse_date(value) == expected
