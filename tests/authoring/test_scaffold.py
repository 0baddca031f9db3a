"""`make demarche`: a new procedure from the template; never overwrites; builds once filled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date

import pytest

from guichet.scaffold import procedure_template
from tests.conftest import ROOT, run_build
from tests.html_pages import page


def fill(text: str) -> str:
    """What a member of staff does: replace every placeholder line with real text."""
    replacements = {
        r"Resume: .*": "Resume: Faire une démarche de test.",
        r"Theme: .*": "Theme: papiers",
        r"Cout: .*": "Cout: Gratuit",
        r"Delai: .*": "Delai: Une semaine",
        r"À REMPLIR : qui peut.*": "Toute personne majeure.",
        r"- À REMPLIR.*": "- Une pièce d'identité",
        r"1\. À REMPLIR.*": "1. Venez à la mairie.",
        r"À REMPLIR : ce qu'il faut.*": "Rien de plus.",
    }
    for pattern, value in replacements.items():
        text = re.sub(pattern, value, text)
    assert "À REMPLIR" not in re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return text


def scaffold(settings, slug, title):
    return subprocess.run(
        [sys.executable, "-m", "guichet", "demarche", slug, title, "--settings", str(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_for(settings_file, content):
    return settings_file(f"PATH = {str(content)!r}\n")


def test_template_is_pure_and_lists_themes():
    text = procedure_template("Test", {"papiers": "P", "social": "S"}, "mairie", date(2026, 1, 2))
    assert text.startswith("Titre: Test\n")
    assert "papiers, social" in text and "Guichets: mairie" in text
    assert "Verifie-le: 2026-01-02" in text


@pytest.mark.build
def test_new_procedure_fails_clearly_until_filled_then_builds(small_site, tmp_path, settings_file):
    result = scaffold(settings_for(settings_file, small_site), "test-nouveau", "Démarche de test")
    assert result.returncode == 0, result.stderr
    created = small_site / "demarches/test-nouveau.md"
    assert created.is_file() and "a été créé" in result.stdout

    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1
    for field in ("Resume", "Theme", "Cout", "Delai"):
        assert f"« {field} » n'est pas encore rempli" in build.output
    assert "Pièces à fournir" in build.output and "Traceback" not in build.output

    created.write_text(fill(created.read_text(encoding="utf-8")), encoding="utf-8")
    build = run_build(small_site, tmp_path / "out2")
    assert build.returncode == 0, build.output
    text = page(build.path, "demarches/test-nouveau/index.html").text
    assert "Démarche de test" in text and "Mode d'emploi" not in text  # the template's help


def test_scaffold_never_overwrites(small_site, settings_file):
    existing = small_site / "demarches/carte-identite.md"
    before = existing.read_bytes()
    result = scaffold(settings_for(settings_file, small_site), "carte-identite", "Autre")
    assert result.returncode == 1
    assert "existe déjà" in result.stderr
    assert existing.read_bytes() == before


def test_scaffold_refuses_a_bad_file_name(small_site, settings_file):
    result = scaffold(settings_for(settings_file, small_site), "Carte Identité", "Carte")
    assert result.returncode == 1
    assert "ne convient pas pour une adresse web" in result.stderr
    assert not list((small_site / "demarches").glob("Carte*"))


def test_scaffold_names_what_is_missing(small_site, settings_file):
    settings = settings_for(settings_file, small_site)
    no_slug = scaffold(settings, "", "Carte")
    assert no_slug.returncode == 1 and "Indiquez le nom du fichier" in no_slug.stderr
    no_title = scaffold(settings, "carte-grise", " ")
    assert no_title.returncode == 1 and "Indiquez le titre" in no_title.stderr
    assert not (small_site / "demarches/carte-grise.md").exists()


def test_scaffold_helper_exists_in_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demarche:", makefile, re.M)
    assert shutil.which("make")
