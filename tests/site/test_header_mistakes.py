"""Header and list mistakes staff make, in real builds: what residents read is never changed
silently. Either the page and the flyer say exactly what was meant, or the build stops with a
French message naming ``file:line``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import edit, run_build
from tests.html_pages import page

pytestmark = pytest.mark.build

ANNEXE = "guichets/annexe.md"
CARTE = "demarches/carte-identite.md"
ACTE = "demarches/acte-naissance.md"


def hours_rows(site: Path, slug: str) -> list[tuple[str, str]]:
    doc = page(site, f"guichets/{slug}/index.html")
    return [
        (row.select_one("th").text, " ".join(" ".join(row.select_one("td").lines()).split()))
        for row in doc.select("table.hours tr")
    ]


def flyer_text(site: Path, slug: str) -> str:
    result = subprocess.run(
        ["pdftotext", str(site / f"demarches/{slug}/fiche.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(result.stdout.split())


def body_text(site: Path, path: str) -> str:
    return " ".join(page(site, path).select_one("main").text.split())


def write(content: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    (content / name).write_bytes(text.encode(encoding))


def as_notepad(text: str) -> str:
    """What Windows Notepad saves: a byte-order mark and CRLF line endings."""
    return "\ufeff" + text.replace("\n", "\r\n")


ODD_ANNEXE = """Titre: Mairie annexe du Hameau
Adresse: 3 rue du Lavoir
  Le Hameau
\t12340 Val-d'Aurore
Téléphone: +33 5 65 00 98 76

Horaires: mardi : 14h-17h
  jeudi : 9h-12h, 14h-17h sur rendez-vous
  vendredi : sur rendez-vous
   samedi : 9h-12h

Accès: Une marche à l'entrée ; sonnette.
       Parking à 30 mètres.

L'annexe accueille les habitants du hameau.
"""


def test_odd_but_clear_counter_header_builds_exactly(small_site, tmp_path):
    """2-space, tab and 3-space continuations, blank lines between fields, accented names,
    « sur rendez-vous », saved by Windows Notepad."""
    write(small_site, ANNEXE, as_notepad(ODD_ANNEXE))
    edit(small_site / ACTE, "Guichets: mairie, annexe", "Guichets: annexe, mairie")
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    assert hours_rows(build.path, "annexe") == [
        ("Lundi", "Fermé"),
        ("Mardi", "De 14 h à 17 h"),
        ("Mercredi", "Fermé"),
        ("Jeudi", "De 9 h à 12 h et de 14 h à 17 h sur rendez-vous"),
        ("Vendredi", "Sur rendez-vous"),
        ("Samedi", "De 9 h à 12 h"),
        ("Dimanche", "Fermé"),
    ]
    text = body_text(build.path, "guichets/annexe/index.html")
    assert "Parking à 30 mètres" in text
    assert "Le Hameau" in text and "12340 Val-d'Aurore" in text
    assert "L'annexe accueille les habitants du hameau." in text
    for leaked in ("Horaires:", "Accès:", "Téléphone:", "jeudi :"):
        assert leaked not in text
    flyer = flyer_text(build.path, "acte-naissance")
    assert "Jeudi 9 h à 12 h et 14 h à 17 h sur rendez-vous" in flyer
    assert "Vendredi sur rendez-vous" in flyer
    assert "Samedi 9 h à 12 h" in flyer
    assert "Téléphone" not in build.output  # no warning about an unknown field


def test_whole_counter_by_appointment(small_site, tmp_path):
    edit(
        small_site / ANNEXE,
        "Horaires: mardi : 14h-17h\n    samedi : 9h-12h",
        "Horaires: sur rendez-vous",
    )
    edit(small_site / ACTE, "Guichets: mairie, annexe", "Guichets: annexe, mairie")
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    text = body_text(build.path, "guichets/annexe/index.html")
    assert "Horaires : uniquement sur rendez-vous." in text
    assert "uniquement sur rendez-vous" in flyer_text(build.path, "acte-naissance")


def test_blank_lines_between_procedure_fields_lose_nothing(small_site, tmp_path):
    edit(
        small_site / ACTE,
        "Verifie-le: 01/09/2026\nService-en-ligne:",
        "Vérifié-le: 01/09/2026\n\nPopulaire: oui\n\nService-en-ligne:",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    doc = page(build.path, "demarches/acte-naissance/index.html")
    links = [a.get("href") for a in doc.select("main a")]
    assert "https://www.service-public.fr/particuliers/vosdroits/R1406" in links
    text = body_text(build.path, "demarches/acte-naissance/index.html")
    assert "Service-en-ligne" not in text and "Populaire" not in text
    home = body_text(build.path, "index.html")
    assert "Acte de naissance" in home


def test_lists_as_staff_type_them(small_site, tmp_path):
    edit(
        small_site / CARTE,
        "## Pièces à fournir\n- Une photo\n- Un justificatif de domicile\n",
        "## Pièces à fournir\nApportez :\n- Une photo\n- Une pièce d'identité :\n"
        "  - carte d'identité\n  - ou passeport\n- Un justificatif de domicile\n",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    doc = page(build.path, "demarches/carte-identite/index.html")
    nested = doc.select("main li > ul > li")
    assert [" ".join(li.text.split()) for li in nested] == ["carte d'identité", "ou passeport"]
    flyer_page = page(build.path, "demarches/carte-identite/fiche/index.html")
    checklist = flyer_page.select("ul.checklist > li")
    assert [li.text.split(" :")[0] for li in checklist] == [
        "Une photo",
        "Une pièce d'identité",
        "Un justificatif de domicile",
    ]
    assert [li.text for li in flyer_page.select("ul.checklist > li > ul > li")] == [
        "carte d'identité",
        "ou passeport",
    ]
    flyer = flyer_text(build.path, "carte-identite")
    assert "Une photo" in flyer and "carte d'identité" in flyer and "ou passeport" in flyer


def failing(small_site: Path, tmp_path: Path) -> str:
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1, build.output
    assert "Traceback" not in build.output
    assert "Le site n'a pas été construit" in build.output
    return build.output


def test_missing_colon_names_the_line(small_site, tmp_path):
    edit(small_site / CARTE, "Cout: Gratuit", "Cout Gratuit")
    output = failing(small_site, tmp_path)
    assert "content/demarches/carte-identite.md:5" in output
    assert "« Cout Gratuit » n'a pas de deux-points" in output
    assert "« Cout: Gratuit »" in output
    assert "il manque" not in output  # one message, not a cascade


def test_duplicate_field_names_the_line(small_site, tmp_path):
    edit(small_site / CARTE, "Cout: Gratuit", "Cout: Gratuit\nCoût: 25 €")
    output = failing(small_site, tmp_path)
    assert "content/demarches/carte-identite.md:6" in output
    assert "deux fois (déjà à la ligne 5)" in output


def test_every_bad_hours_line_is_named(small_site, tmp_path):
    edit(
        small_site / "guichets/mairie.md",
        "Horaires: lundi : 8h30-12h00, 13h30-17h30\n    du mardi au vendredi : 8h30-12h",
        "Horaires: lundi : 8h30-12h00, 13h30-17h30\n  mardi 8h-12h\n  mercredy : 9h-12h\n"
        "  jeudi : 9h-25h",
    )
    output = failing(small_site, tmp_path)
    for line in (7, 8, 9):
        assert f"content/guichets/mairie.md:{line}" in output
    assert "3 problèmes à corriger" in output


def test_misspelt_field_after_a_blank_line_is_named(small_site, tmp_path):
    edit(small_site / ACTE, "Verifie-le: 01/09/2026\n", "Verifie-le: 01/09/2026\n\nPopulair: oui\n")
    output = failing(small_site, tmp_path)
    assert "content/demarches/acte-naissance.md:9" in output
    assert "ressemble au champ « Populaire »" in output


def test_unreadable_counter_is_one_error(small_site, tmp_path):
    text = (small_site / ANNEXE).read_text(encoding="utf-8")
    write(small_site, ANNEXE, text, encoding="latin-1")
    output = failing(small_site, tmp_path)
    assert "content/guichets/annexe.md" in output
    assert "UTF-8" in output
    assert "n'existe pas" not in output
    assert "1 problème à corriger" in output


def test_too_large_file_is_refused(small_site, tmp_path):
    text = (small_site / CARTE).read_text(encoding="utf-8")
    write(small_site, CARTE, text + ("Un long paragraphe copié. " * 40 + "\n\n") * 250)
    output = failing(small_site, tmp_path)
    assert re.search(r"content/demarches/carte-identite\.md\n +Le fichier fait 2\d\d Ko", output)
    assert "200 Ko" in output
    assert "1 problème à corriger" in output


def test_badly_indented_list_names_the_line(small_site, tmp_path):
    edit(small_site / CARTE, "- Une photo\n- Un justificatif", "- Une photo\n - Un justificatif")
    output = failing(small_site, tmp_path)
    assert "content/demarches/carte-identite.md:11" in output
    assert "décalée de 1 espace" in output


@pytest.mark.parametrize("field", ["Title", "Titre"])
def test_pages_take_english_or_french_names(small_site, tmp_path, field):
    write(
        small_site,
        "pages/infos.md",
        f"{field}: Infos pratiques\n\nRésumé: Tout savoir.\n\nUn texte.\n",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    doc = page(build.path, "infos/index.html")
    assert "Infos pratiques" in doc.select_one("h1").text
    assert "Résumé" not in body_text(build.path, "infos/index.html")


def test_page_header_mistakes_stop_the_build_with_their_line(small_site, tmp_path):
    write(small_site, "pages/infos.md", "Title: Infos\nSummary Tout savoir.\n\nUn texte.\n")
    write(small_site, "pages/enorme.md", "Title: Énorme\n\n" + "Du texte collé. " * 320_000)
    output = failing(small_site, tmp_path)
    assert "content/pages/infos.md:2 — champ « Summary »" in output
    assert "« Summary: Tout savoir. »" in output
    assert re.search(r"content/pages/enorme\.md\n +Le fichier fait 5\d{3} Ko", output)
    assert "Could not process" not in output


def test_hours_line_at_the_margin_is_named(small_site, tmp_path):
    """The first trial's mistake, worse: no indentation at all. Never a silently shorter week."""
    edit(small_site / ANNEXE, "    samedi : 9h-12h", "samedi : 9h-12h")
    output = failing(small_site, tmp_path)
    assert "content/guichets/annexe.md:7 — champ « Horaires »" in output
    assert "« samedi : 9h-12h » suit le champ « Horaires » sans être décalée" in output
    assert "1 problème à corriger" in output
