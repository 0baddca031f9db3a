"""Notices: pure parsing, then real builds on two dates (SOURCE_DATE_EPOCH, as conftest does)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from guichet_plugins.notices.notices import Notice, banner, closure_notices, parse_notice
from guichet_plugins.procedures.closures import parse_closures
from tests.conftest import ROOT, Build
from tests.html_pages import page as built_page

pytestmark = pytest.mark.build

NOTICE = """Texte: La mairie sera fermée lundi 30 novembre (grève).
Debut: 20/11/2026
Fin: 30/11/2026
Lien: /guichets/mairie/
"""


def test_a_notice_is_active_from_its_start_to_its_end_inclusive():
    notice = parse_notice(NOTICE, "content/avis/greve.md").notice
    assert notice == Notice(
        "La mairie sera fermée lundi 30 novembre (grève).",
        date(2026, 11, 20),
        date(2026, 11, 30),
        "/guichets/mairie/",
        "content/avis/greve.md",
    )
    assert [notice.active(date(2026, 11, d)) for d in (19, 20, 30)] == [False, True, True]
    assert not notice.active(date(2026, 12, 1))


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("Fin: 30/11/2026\n", "", "Fin", "obligatoire"),
        ("Fin: 30/11/2026", "Fin: 31/11/2026", "Fin", "n'est pas une date qui existe"),
        ("Fin: 30/11/2026", "Fin: 10/11/2026", "Fin", "avant la date de début"),
        ("Lien: /guichets/mairie/", "Lien: www.x.fr", "Lien", "ni une page du site"),
        ("Lien: /guichets/mairie/", "Lien: javascript:alert(1)", "Lien", "ni une page du site"),
    ],
)
def test_mistakes_are_reported_with_field_and_line(old, new, field, message):
    parsed = parse_notice(NOTICE.replace(old, new), "content/avis/greve.md")
    assert parsed.notice is None
    assert [(p.field, message in p.message) for p in parsed.errors] == [(field, True)]
    line = 1 if not new else NOTICE.replace(old, new).splitlines().index(new) + 1
    assert parsed.errors[0].source == f"content/avis/greve.md:{line}"


def test_closures_of_the_main_counter_show_within_fourteen_days():
    closures = parse_closures(["24/12/2026 au 02/01/2027 : congés de fin d'année"])
    soon = closure_notices("Mairie", "/guichets/mairie/", closures, date(2026, 12, 10), 14)
    assert [n.text for n in soon] == [
        "Mairie : fermeture exceptionnelle du 24 décembre 2026 au 2 janvier 2027 "
        "(congés de fin d'année)."
    ]
    assert closure_notices("Mairie", "/", closures, date(2026, 12, 9), 14) == []
    assert closure_notices("Mairie", "/", closures, date(2027, 1, 3), 14) == []
    assert banner(soon, date(2027, 1, 2)) == soon and banner(soon, date(2027, 1, 3)) == []


def build_on(day: date, content, output) -> Build:
    epoch = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "COLUMNS": "200"}
    command = [sys.executable, "-m", "guichet", "build", "--content", str(content)]
    command += ["--output", str(output), "--cache", str(output) + "-cache"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    return Build(result.returncode, result.stdout + result.stderr, output)


def banner_text(site, path: str) -> str:
    found = built_page(site, path).select('[aria-label="Avis"]')
    return " ".join(" ".join(node.text.split()) for node in found)


@pytest.fixture(scope="module")
def two_dates(tmp_path_factory):
    import shutil

    folder = tmp_path_factory.mktemp("notices")
    content = folder / "content"
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "small", content)
    (content / "avis").mkdir()
    (content / "avis" / "greve.md").write_text(NOTICE, encoding="utf-8")
    builds = {}
    for day in (date(2026, 11, 24), date(2026, 12, 15)):
        build = build_on(day, content, folder / day.isoformat())
        assert build.returncode == 0, build.output
        builds[day] = build.path
    return builds


PAGES = [
    "index.html",
    "demarches/carte-identite/index.html",
    "guichets/annexe/index.html",
    "404.html",
    "mentions-legales/index.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_notice_is_on_every_page_before_its_end_date(two_dates, path):
    text = banner_text(two_dates[date(2026, 11, 24)], path)
    assert text == "La mairie sera fermée lundi 30 novembre (grève)."
    link = built_page(two_dates[date(2026, 11, 24)], path).select_one('[aria-label="Avis"] a')
    assert link.get("href") == "/guichets/mairie/"


@pytest.mark.parametrize("path", PAGES)
def test_after_its_end_the_notice_is_gone_and_the_coming_closure_shows(two_dates, path):
    text = banner_text(two_dates[date(2026, 12, 15)], path)
    assert "grève" not in text
    assert text == (
        "Mairie de Test : fermeture exceptionnelle du 24 décembre 2026 au 2 janvier 2027 (congés)."
    )


def test_no_banner_at_all_when_nothing_is_announced(sample_site):
    assert built_page(sample_site, "index.html").select('[aria-label="Avis"]') == []
