"""schema.org microdata on procedure and counter pages, checked against the pinned vocabulary
and against what the page says (sample town, built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, every_file
from tests.html_pages import page
from tests.opendata.microdata import Item, items, problems

SAMPLE_PAGES = sorted(
    str(p.relative_to(ROOT / "content"))
    for p in (ROOT / "content").glob("*/*.md")
    if p.parent.name in ("demarches", "guichets")
)


def page_items(site: Path, relative: str) -> list[Item]:
    return items((site / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", SAMPLE_PAGES)
def test_every_item_is_valid_schema_org(sample_site, source):
    folder, name = source.split("/")
    found = page_items(sample_site, f"{folder}/{name.removesuffix('.md')}/index.html")
    assert len(found) == 1
    assert problems(found[0]) == []


def test_the_vocabulary_checker_can_fail():
    bad = items(
        '<div itemscope itemtype="https://schema.org/ServiceChannel">'
        '<meta itemprop="opens" content="08:00">'
        '<div itemprop="serviceLocation" itemscope itemtype="https://schema.org/PostalAddress"></div>'
        '<link itemprop="serviceUrl" href="https://x.fr/"></div>'
        '<div itemscope itemtype="https://schema.org/OpeningHoursSpecification">'
        '<link itemprop="dayOfWeek" href="https://schema.org/Caturday"></div>'
        '<div itemscope itemtype="https://schema.org/Unicorn"></div>'
    )
    assert problems(bad[0]) == [
        "ServiceChannel.opens: not a property of ServiceChannel",
        "ServiceChannel.serviceLocation: PostalAddress is not in its range ['Place']",
    ]
    assert problems(bad[1]) == [
        "OpeningHoursSpecification.dayOfWeek: « https://schema.org/Caturday » is not a DayOfWeek"
    ]
    assert problems(bad[2]) == ["Unicorn: type not in the vocabulary"]


def test_a_procedure_is_a_government_service_with_one_channel_per_way(sample_site):
    (service,) = page_items(sample_site, "demarches/carte-identite/index.html")
    shown = page(sample_site, "demarches/carte-identite/index.html")
    assert service.type == "https://schema.org/GovernmentService"
    assert service.one("name") == shown.select_one("h1").text
    assert service.one("description") == shown.select_one("p.lead").text
    assert service.one("url") == "https://www.val-daurore.fr/demarches/carte-identite/"
    assert service.one("serviceOperator").one("name") == "Mairie de Val-d'Aurore"
    channels = service.values("availableChannel")
    names = [c.one("name") for c in channels]
    assert names == [
        "Au guichet : Mairie de Val-d'Aurore",
        "Par téléphone : Mairie de Val-d'Aurore",
        "Par courrier : Mairie de Val-d'Aurore",
        "En ligne",
    ]
    office = channels[0].one("serviceLocation")
    assert office.type == "https://schema.org/GovernmentOffice"
    assert office.one("address").one("postalCode") == "12340"
    assert channels[1].one("servicePhone").one("telephone") == "+33536491000"
    assert channels[2].one("servicePostalAddress").one("streetAddress") == "1 place de la Mairie"
    assert channels[3].one("serviceUrl") == "https://ants.gouv.fr/"


def opening(item: Item) -> dict[str, list[tuple[str, str]]]:
    days: dict[str, list[tuple[str, str]]] = {}
    for spec in item.values("openingHoursSpecification"):
        for day in spec.values("dayOfWeek"):
            days.setdefault(day.removeprefix("https://schema.org/"), []).append(
                (spec.one("opens"), spec.one("closes"))
            )
    return {day: sorted(ranges) for day, ranges in days.items()}


def test_counter_hours_and_closures_match_the_page(sample_site):
    (office,) = page_items(sample_site, "guichets/mairie/index.html")
    assert office.type == "https://schema.org/GovernmentOffice"
    assert opening(office) == {
        "Monday": [("08:30", "12:00"), ("13:30", "17:30")],
        "Tuesday": [("08:30", "12:00")],
        "Wednesday": [("08:30", "12:00"), ("13:30", "17:30")],
        "Thursday": [("08:30", "12:00"), ("13:30", "17:30")],
        "Friday": [("08:30", "12:00"), ("13:30", "17:30")],
        "Saturday": [("09:00", "12:00")],
    }
    special = [
        (s.one("validFrom"), s.one("validThrough"), s.one("opens"), s.one("closes"))
        for s in office.values("specialOpeningHoursSpecification")
    ]
    # the upcoming closures on 2026-11-24 (the Armistice is over): closed all day
    assert special == [
        ("2026-12-24", "2027-01-02", "00:00", "00:00"),
        ("2027-05-07", "2027-05-07", "00:00", "00:00"),
    ]


def test_microdata_is_hidden_and_adds_no_script(sample_site):
    shown = page(sample_site, "guichets/mairie/index.html")
    holder = shown.select_one("[itemscope]")
    assert holder.get("hidden") is not None
    for path in every_file(sample_site, "*.html"):
        assert "<script" not in path.read_text(encoding="utf-8").lower(), path
