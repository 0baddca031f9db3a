"""The open-data plugin's pure functions."""

from __future__ import annotations

import csv
import io

import pytest

from guichet_plugins.opendata.records import osm_hours, plain_text
from guichet_plugins.opendata.schema import schema_hours
from guichet_plugins.opendata.sitemap import robots_txt, sitemap_xml
from guichet_plugins.opendata.tables import PROCEDURES, csv_file
from guichet_plugins.procedures.hours import parse_hours


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["du lundi au vendredi : 8h30-12h"], "Mo-Fr 08:30-12:00"),
        (["lundi : 9h-12h", "mercredi : 9h-12h"], "Mo 09:00-12:00; We 09:00-12:00"),
        (["samedi : 9h-12h", "dimanche : 9h-12h"], "Sa,Su 09:00-12:00"),
        (["mardi : 9h-12h, 14h-17h"], "Tu 09:00-12:00,14:00-17:00"),
    ],
)
def test_osm_hours(lines, expected):
    assert osm_hours(parse_hours(lines)) == expected


def test_schema_hours_groups_days_by_range():
    hours = parse_hours(["du lundi au mardi : 8h30-12h, 14h-17h", "samedi : 8h30-12h"])
    assert schema_hours(hours) == [
        {"days": ["Monday", "Tuesday", "Saturday"], "opens": "08:30", "closes": "12:00"},
        {"days": ["Monday", "Tuesday"], "opens": "14:00", "closes": "17:00"},
    ]


def test_plain_text_of_a_list_item():
    assert plain_text("Un <strong>timbre</strong> &amp; une photo&nbsp;") == "Un timbre & une photo"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Pi&egrave;ce d&#8217;identit&eacute; en cours de validit&eacute;&hellip;",
         "Pièce d’identité en cours de validité…"),
        ('Un justificatif <abbr title="daté de moins de 3 mois > dépôt">récent</abbr>',
         "Un justificatif récent"),
        ("Une photo<!-- format -> 35 x 45 mm --> d’identité", "Une photo d’identité"),
        ("Le formulaire &amp;lt;cerfa&amp;gt;", "Le formulaire &lt;cerfa&gt;"),
    ],
)  # fmt: skip
def test_open_data_holds_the_text_residents_read(item, expected):
    assert plain_text(item) == expected


def test_csv_quotes_and_joins_lists():
    record = {f.name: "" for f in PROCEDURES.fields}
    record.update(
        slug="a", titre='Dire "oui", puis ; signer', etapes=["un", "deux"], populaire=True
    )
    rows = list(csv.reader(io.StringIO(csv_file(PROCEDURES, [record]), newline="")))
    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["titre"] == 'Dire "oui", puis ; signer'
    assert values["etapes"] == "un ; deux"
    assert values["populaire"] == "true"


def test_sitemap_escapes_and_robots():
    xml = sitemap_xml([("https://x.fr/?a=1&b=2", "2026-01-01"), ("https://x.fr/b/", None)])
    assert "<loc>https://x.fr/?a=1&amp;b=2</loc><lastmod>2026-01-01</lastmod>" in xml
    assert "<url><loc>https://x.fr/b/</loc></url>" in xml
    assert robots_txt("https://x.fr/sitemap.xml").endswith("Sitemap: https://x.fr/sitemap.xml\n")
