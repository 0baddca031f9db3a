"""Each content mistake stops a real build with a French message naming the file, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit, run_build, tree_digest

pytestmark = pytest.mark.build


def test_small_site_builds(small_site, tmp_path):
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    assert (build.path / "demarches/acte-naissance/index.html").is_file()


def break_missing_field(content: Path) -> None:
    edit(content / "demarches/carte-identite.md", "Cout: Gratuit\n", "")


def break_unknown_counter(content: Path) -> None:
    edit(content / "demarches/carte-identite.md", "Guichets: mairie", "Guichets: mairie-centrale")


def break_hours(content: Path) -> None:
    edit(content / "guichets/mairie.md", "lundi : 8h30-12h00", "lundi : 8h30 à midi")


def break_phone(content: Path) -> None:
    edit(content / "guichets/mairie.md", "Telephone: 05 65 00 12 34", "Telephone: 05 65 00")


def break_date(content: Path) -> None:
    edit(content / "demarches/carte-identite.md", "Verifie-le: 2026-10-15", "Verifie-le: 15 oct.")


def break_duplicate_slug(content: Path) -> None:
    (content / "demarches/autre").mkdir()
    source = content / "demarches/carte-identite.md"
    (content / "demarches/autre/carte-identite.md").write_bytes(source.read_bytes())


def break_empty_file(content: Path) -> None:
    (content / "demarches/vide.md").write_text("", encoding="utf-8")


def break_encoding(content: Path) -> None:
    text = (content / "demarches/carte-identite.md").read_text(encoding="utf-8")
    (content / "demarches/latin.md").write_bytes(text.encode("latin-1"))


CASES = [
    (break_missing_field, "demarches/carte-identite.md", "« Cout » est obligatoire"),
    (break_unknown_counter, "demarches/carte-identite.md", "« mairie-centrale » n'existe pas"),
    (break_hours, "guichets/mairie.md", "n'est pas une plage horaire"),
    (break_phone, "guichets/mairie.md", "n'est pas un numéro de téléphone"),
    (break_date, "demarches/carte-identite.md", "« 15 oct. » n'est pas une date"),
    (break_duplicate_slug, "demarches/autre/carte-identite.md", "est déjà utilisée"),
    (break_empty_file, "demarches/vide.md", "Le fichier est vide"),
    (break_encoding, "demarches/latin.md", "n'est pas enregistré en UTF-8"),
]


@pytest.mark.parametrize("breaker, file, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_content_fails_with_french_message(small_site, tmp_path, breaker, file, message):
    breaker(small_site)
    before = tree_digest(small_site)
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1, build.output
    assert f"content/{file}" in build.output
    assert message in build.output
    assert "Le site n'a pas été construit" in build.output
    assert "Traceback" not in build.output
    assert tree_digest(small_site) == before  # a build never modifies the content


def test_every_problem_is_listed_in_one_build(small_site, tmp_path):
    break_hours(small_site)
    break_date(small_site)
    break_empty_file(small_site)
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1
    assert "3 problèmes à corriger" in build.output
    for file in ("guichets/mairie.md", "demarches/carte-identite.md", "demarches/vide.md"):
        assert f"content/{file}" in build.output


def test_failed_build_writes_no_page(small_site, tmp_path):
    break_phone(small_site)
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1
    assert not list(build.path.rglob("*.html"))


def test_warnings_do_not_stop_the_build(small_site, tmp_path):
    edit(
        small_site / "demarches/carte-identite.md",
        "Verifie-le: 2026-10-15",
        "Verifie-le: 2024-01-10",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    assert "content/demarches/carte-identite.md" in build.output
    assert "plus de 12 mois" in build.output


def test_a_plugin_that_cannot_load_fails_the_build(small_site, tmp_path, settings_file):
    settings = settings_file("PLUGINS = PLUGINS + ['does_not_exist']\n")
    build = run_build(small_site, tmp_path / "out", settings=str(settings))
    assert build.returncode == 1
    assert "does_not_exist" in build.output
    assert "Traceback" not in build.output


def test_hidden_files_are_not_content(small_site, tmp_path):
    """Found by trying the preview as staff: Emacs's lock file (a dangling link named
    ``.#passeport.md``, there while a file has unsaved changes) stopped the build with « Le
    fichier ne peut pas être lu », and a draft put aside as ``.brouillon.md`` was read too."""
    (small_site / "demarches/.#carte-identite.md").symlink_to("agent@mairie.1234:1700000000")
    (small_site / "demarches/.brouillon.md").write_text("Titre: Brouillon\n", encoding="utf-8")
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    assert "brouillon" not in build.output.lower() and "Cannot" not in build.output
    assert not list((tmp_path / "out").rglob("*brouillon*"))


def test_a_missing_field_names_the_line_where_the_header_ends(small_site, tmp_path):
    """Found by trying the preview as staff: « ✗ content/demarches/passeport.md — champ
    « Resume » » said nothing of where to write it; the line is the one after the header."""
    procedure = small_site / "demarches/carte-identite.md"
    edit(procedure, "Cout: Gratuit\n", "")
    lines = procedure.read_text(encoding="utf-8").split("\n")
    end = next(n for n, line in enumerate(lines, 1) if not line.strip())  # the header's end
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1, build.output
    assert f"content/demarches/carte-identite.md:{end} — champ « Cout »" in build.output
