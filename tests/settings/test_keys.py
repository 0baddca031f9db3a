"""Every setting declared once, with its default and type: the code's defaults are the ones
pelicanconf.py documents, and each plugin's settings object reads them."""

from __future__ import annotations

import runpy
from datetime import date

import pytest

from guichet.keys import PREFIXES, Key, known_keys
from guichet.report.collect import site_urls
from guichet_plugins.precompress.settings import PrecompressSettings
from guichet_plugins.procedures.settings import ProceduresSettings
from tests.conftest import ROOT

SAMPLE_TOWN_VALUES = {"GUICHET_TOWN_FALLBACK", "GUICHET_IMPORT_THEMES"}
"""Set in pelicanconf.py for the sample town, not defaults (the file says so beside them)."""
FILLED_BY_THE_TOWN = {
    "GUICHET_TOWN",
    "GUICHET_PUBLIC_URL",
    "GUICHET_MAIN_COUNTER",
    "GUICHET_ACCESSIBILITY_STATUS",
    "GUICHET_THEMES",
    "GUICHET_TOWN_SOURCE",
}
"""Read from content/commune.md when the build starts (plugins/town), never set in a file."""


def _ours(values: dict) -> dict:
    return {name: value for name, value in values.items() if name.startswith(PREFIXES)}


def test_pelicanconf_documents_the_defaults_of_the_code():
    documented = _ours(runpy.run_path(str(ROOT / "pelicanconf.py")))
    known = known_keys()
    assert set(documented) - set(known) == set()
    different = {
        name: (value, known[name].default)
        for name, value in documented.items()
        if name not in SAMPLE_TOWN_VALUES and value != known[name].default
    }
    assert different == {}
    assert all(known[name].accepts(value) for name, value in documented.items())


def test_every_key_is_documented_in_a_settings_file():
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    published = _ours(runpy.run_path(str(ROOT / "publishconf.py")))
    undocumented = {
        name
        for name in known_keys()
        if name not in published and f"\n{name} = " not in text and name not in FILLED_BY_THE_TOWN
    }
    assert undocumented == set()
    assert all(name in text for name in FILLED_BY_THE_TOWN - {"GUICHET_TOWN_SOURCE"})


def test_publishing_overrides_only_what_it_documents():
    published = _ours(runpy.run_path(str(ROOT / "publishconf.py")))
    assert published["GUICHET_PRECOMPRESS_BROTLI_QUALITY"] == 11
    assert PrecompressSettings.from_pelican(published).brotli_quality == 11
    assert PrecompressSettings.from_pelican({}).brotli_quality == 5  # pelicanconf's, documented


@pytest.mark.parametrize(
    ("key", "value", "accepted"),
    [
        (Key("A", 12, "int"), 6, True),
        (Key("A", 12, "int"), "6", False),
        (Key("A", 12, "int"), True, False),  # a bool is no number of months
        (Key("A", 12, "int"), None, False),
        (Key("A", None, "int", optional=True), None, True),
        (Key("A", True, "bool"), 1, False),
        (Key("A", [], "list"), ("a",), True),
        (Key("A", [], "list"), "a", False),
        (Key("A", {}, "dict"), {"a": 1}, True),
        (Key("A", None, "date", optional=True), date(2026, 11, 24), True),
        (Key("A", None, "date", optional=True), "2026-11-24", True),
    ],
)
def test_types(key, value, accepted):
    assert key.accepts(value) is accepted


def test_settings_objects_take_defaults_for_what_is_left_out():
    assert ProceduresSettings.from_pelican({}).stale_months == 12
    assert ProceduresSettings.from_pelican({"GUICHET_STALE_MONTHS": 6}).stale_months == 6


def test_the_report_names_the_booklet_where_the_settings_put_it():
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    settings["GUICHET_THEMES"] = {}
    urls = site_urls(settings, [], [], [])
    assert "/demarches/fiches.pdf" in urls
    settings["PRINT_BOOKLET_URL"] = "fiches/toutes.pdf"
    assert "/fiches/toutes.pdf" in site_urls(settings, [], [], [])
