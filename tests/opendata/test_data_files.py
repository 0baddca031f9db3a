"""/donnees/*.json|csv, the iCalendar closures, sitemap.xml and robots.txt of the sample town,
read back with standard libraries and compared with what the pages say."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from xml.etree import ElementTree

import jsonschema
import pytest
from icalendar import Calendar

from tests.conftest import every_file
from tests.html_pages import page

BASE = "https://www.val-daurore.fr/"


def load(site, name):
    return json.loads((site / "donnees" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["demarches", "guichets"])
def test_json_matches_its_published_schema(sample_site, name):
    data = load(sample_site, f"{name}.json")
    schema = load(sample_site, f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["licence"] == "Licence Ouverte 2.0 (Etalab)"
    assert data["date"] == "2026-11-24"
    assert data["schema"] == f"{BASE}donnees/{name}.schema.json"


def test_the_schema_can_refuse(sample_site):
    data = load(sample_site, "guichets.json")
    data["guichets"][0]["horaires"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load(sample_site, "guichets.schema.json"))


def test_procedures_json_says_what_the_pages_say(sample_site):
    records = {r["slug"]: r for r in load(sample_site, "demarches.json")["demarches"]}
    assert len(records) == len(list((sample_site / "demarches").glob("*/fiche.pdf")))
    card = records["carte-identite"]
    shown = page(sample_site, "demarches/carte-identite/index.html")
    assert card["titre"] == shown.select_one("h1").text
    shown_items = [li.text.removeprefix("☐ ") for li in shown.select(".checklist li")]  # the box
    assert card["pieces_a_fournir"] == shown_items
    assert card["etapes"] == [li.text for li in shown.select(".steps li")]
    assert card["guichets"] == ["mairie"]
    assert card["url"] == f"{BASE}demarches/carte-identite/"
    assert card["service_en_ligne"] == "https://ants.gouv.fr/"
    assert card["fiche_nationale"] is None


@pytest.mark.parametrize("name", ["demarches", "guichets"])
def test_csv_has_the_fields_of_its_table_schema(sample_site, name):
    text = (sample_site / "donnees" / f"{name}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    schema = load(sample_site, f"{name}.csv.schema.json")
    assert list(rows[0]) == [f["name"] for f in schema["fields"]]
    assert schema["primaryKey"] == "slug"
    records = load(sample_site, f"{name}.json")[name]
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    for field in schema["fields"]:
        if field.get("constraints", {}).get("required"):
            assert all(row[field["name"]] for row in rows), field["name"]


def test_counters_csv_hours_and_closures(sample_site):
    text = (sample_site / "donnees" / "guichets.csv").read_text(encoding="utf-8")
    mairie = next(r for r in csv.DictReader(io.StringIO(text, newline="")) if r["slug"] == "mairie")
    assert mairie["horaires_osm"] == (
        "Mo 08:30-12:00,13:30-17:30; Tu 08:30-12:00; We-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00"
    )
    assert "2026-12-24/2027-01-02 congés de fin d'année" in mairie["fermetures"]
    assert mairie["telephone_international"] == "+33536491000"
    assert mairie["fermetures_ics"] == f"{BASE}guichets/mairie/fermetures.ics"


def test_closures_ics_is_rfc5545_and_matches_the_page(sample_site):
    raw = (sample_site / "guichets" / "mairie" / "fermetures.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    assert b"DTSTART;VALUE=DATE:20261224" in raw
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len({str(e["UID"]) for e in events}) == len(events) == 3
    for event in events:
        assert event["DTSTAMP"].dt.date() == date(2026, 11, 24)
    spans = [
        (e["DTSTART"].dt, e["DTEND"].dt - timedelta(days=1), str(e["SUMMARY"])) for e in events
    ]
    assert (
        date(2026, 12, 24),
        date(2027, 1, 2),
        "Mairie de Val-d'Aurore fermé : congés de fin d'année",
    ) in spans
    shown = page(sample_site, "guichets/mairie/index.html")
    link = shown.select_one("p.calendar a")
    assert link.text == "Ajouter à mon agenda"
    assert link.get("href").endswith("/guichets/mairie/fermetures.ics")


def test_sitemap_lists_every_page_and_robots_points_to_it(sample_site):
    root = ElementTree.fromstring((sample_site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert len(urls) == len(set(urls))
    for path in every_file(sample_site, "index.html"):
        relative = path.parent.relative_to(sample_site).as_posix()
        url = BASE if relative == "." else f"{BASE}{relative}/"
        if "/fiche" in url:  # flyers are print versions of the procedure pages
            continue
        assert url in urls, url
    lastmod = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in root.findall("s:url", ns)
    }
    assert lastmod[f"{BASE}demarches/carte-identite/"] == "2026-10-15"
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()
