"""The town's file, content/commune.md: pure parsing, then real builds renaming the town."""

from __future__ import annotations

import gzip
import shutil
import subprocess

import pikepdf
import pytest

from guichet_plugins.town.commune import LABELS, parse_town_file
from guichet_plugins.town.header import fold, read_header
from tests.conftest import ROOT, run_build
from tests.html_pages import page as built_page

FIXTURE = ROOT / "tests" / "site" / "fixtures" / "small"
SAMPLE = (ROOT / "content" / "commune.md").read_text(encoding="utf-8")


def test_the_sample_town_file_gives_every_setting_the_templates_read():
    parsed = parse_town_file(SAMPLE, "content/commune.md", ["mairie", "ccas"])
    assert parsed.errors == []
    assert parsed.settings["GUICHET_TOWN"] == "Val-d'Aurore"
    assert parsed.settings["SITENAME"] == parsed.settings["AUTHOR"] == "Mairie de Val-d'Aurore"
    assert parsed.settings["GUICHET_PUBLIC_URL"] == "https://www.val-daurore.fr"
    assert parsed.settings["GUICHET_MAIN_COUNTER"] == "mairie"
    assert parsed.settings["GUICHET_ACCESSIBILITY_STATUS"] == "partiellement conforme"
    assert list(parsed.settings["GUICHET_THEMES"])[:2] == ["papiers", "etat-civil"]
    assert parsed.settings["GUICHET_THEMES"]["etat-civil"] == "État civil et famille"


def test_field_names_ignore_case_and_accents_and_values_any_indentation():
    assert fold("Accessibilité") == fold("accessibilite") == "accessibilite"
    text = "Commune: A\nThèmes: a : A\n  b : B\n\tc : C\n\nTexte libre: pas lu\n"
    fields, problems = read_header(text, LABELS)
    assert [(f.key, f.line, f.values) for f in fields] == [
        ("commune", 1, ((1, "A"),)),
        ("themes", 2, ((2, "a : A"), (3, "b : B"), (4, "c : C"))),
    ]
    assert problems == []


def test_a_field_name_with_a_space_is_reported_with_its_line_and_the_fix():
    fields, problems = read_header("Commune: A\nAdresse du site: https://x.fr\n", LABELS)
    assert [f.key for f in fields] == ["commune"]
    assert [p.line for p in problems] == [2]
    assert "Adresse-du-site: https://x.fr" in problems[0].hint


def test_the_site_name_defaults_to_the_town_hall():
    text = SAMPLE.replace("Nom-du-site: Mairie de Val-d'Aurore\n", "")
    assert parse_town_file(text, "c.md").settings["SITENAME"] == "Mairie de Val-d'Aurore"


BAD = [
    ("Commune: Val-d'Aurore\n", "Commune", "Le champ « Commune » est obligatoire", ""),
    (
        "Adresse-du-site: https://www.val-daurore.fr",
        "Adresse-du-site",
        "adresse complète",
        "Adresse-du-site: www.val-daurore.fr",
    ),
    (
        "Guichet-principal: mairie",
        "Guichet-principal",
        "Le guichet « mairi » n'existe pas",
        "Guichet-principal: mairi",
    ),
    (
        "Accessibilite: partiellement conforme",
        "Accessibilite",
        "n'est pas un état",
        "Accessibilite: conforme",
    ),
    (
        "    social : Solidarité",
        "Themes",
        "ne convient pas pour une adresse web",
        "    Social et CCAS : Solidarité",
    ),
    (
        "    social : Solidarité",
        "Themes",
        "doit avoir la forme « clé : libellé »",
        "    Solidarité",
    ),
    (
        "    social : Solidarité",
        "Themes",
        "Le thème « papiers » est écrit deux fois",
        "    papiers : Encore",
    ),
]


@pytest.mark.parametrize(("old", "field", "message", "new"), BAD)
def test_each_mistake_names_the_line_the_field_and_the_fix(old, field, message, new):
    text = SAMPLE.replace(old, new)
    assert text != SAMPLE
    errors = parse_town_file(text, "content/commune.md", ["mairie"]).errors
    assert len(errors) == 1, errors
    error = errors[0]
    assert error.field == field and message in error.message
    assert error.hint
    if new:
        line = text.splitlines().index(new) + 1
        assert error.source == f"content/commune.md:{line}"


def test_an_unknown_field_suggests_the_right_one():
    errors = parse_town_file(SAMPLE + "", "c.md").errors
    assert errors == []
    errors = parse_town_file(SAMPLE.replace("Accessibilite:", "Accesibilite:"), "c.md").errors
    assert any("Vouliez-vous écrire « Accessibilite »" in e.hint for e in errors)


# -- real builds -----------------------------------------------------------------------------

TOWN = """Commune: {name}
Adresse-du-site: https://www.{host}.fr
Guichet-principal: mairie
Accessibilité: non conforme
Thèmes: etat-civil : État civil et famille
    papiers : Papiers d'identité
    objets-trouves : Objets trouvés
"""


def write_town(content, name, host):
    (content / "commune.md").write_text(TOWN.format(name=name, host=host), encoding="utf-8")


def site_text(site) -> str:
    """Every word a resident can read: pages (and their .gz), PDF text and PDF metadata."""
    parts = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml", ".txt", ".css"):
            parts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".gz":
            parts.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        elif path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
            parts.append(text.stdout)
            with pikepdf.open(path) as pdf:
                parts += [str(v) for v in pdf.docinfo.values()]
                with pdf.open_metadata() as xmp:
                    parts += [str(v) for v in xmp.values()]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """The small site built as « Saint-Avant-sur-Test », then renamed in commune.md only."""
    folder = tmp_path_factory.mktemp("town")
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    procedure = content / "demarches" / "acte-naissance.md"
    text = procedure.read_text(encoding="utf-8")
    procedure.write_text(text.replace("Theme: etat-civil", "Theme: objets-trouves"), "utf-8")
    write_town(content, "Saint-Avant-sur-Test", "saint-avant")
    out, cache = folder / "out", folder / "cache"
    before = run_build(content, out, cache)
    assert before.returncode == 0, before.output
    old_text = site_text(out)
    write_town(content, "Nouvelle-Rive", "nouvelle-rive")
    after = run_build(content, out, cache)
    assert after.returncode == 0, after.output
    return old_text, out


@pytest.mark.build
def test_the_old_name_was_everywhere_before(renamed):
    old_text, _ = renamed
    assert old_text.count("Saint-Avant-sur-Test") > 10
    assert "www.saint-avant.fr" in old_text


@pytest.mark.build
def test_renaming_the_town_leaves_no_old_name_in_pages_flyers_or_pdf_metadata(renamed):
    _, site = renamed
    text = site_text(site)
    assert "Saint-Avant" not in text and "saint-avant" not in text
    assert "Mairie de Nouvelle-Rive" in text and "www.nouvelle-rive.fr" in text
    with pikepdf.open(site / "demarches" / "fiches.pdf") as booklet:
        assert booklet.docinfo["/Author"] == "Mairie de Nouvelle-Rive"
        assert "Mairie de Nouvelle-Rive" in str(booklet.docinfo["/Title"])
    with pikepdf.open(site / "demarches" / "carte-identite" / "fiche.pdf") as flyer:
        assert flyer.docinfo["/Author"] == "Mairie de Nouvelle-Rive"
    # On paper a link to the site prints its short address: the build wrote the new host into
    # the print stylesheet before it was minified and compressed.
    sheet = site / "theme" / "css" / "impression.css"
    assert '" (www.nouvelle-rive.fr" attr(href)' in sheet.read_text(encoding="utf-8")
    assert gzip.decompress(sheet.with_name("impression.css.gz").read_bytes()) == sheet.read_bytes()


@pytest.mark.build
def test_a_new_theme_appears_in_menus_theme_pages_and_flyers(renamed):
    _, site = renamed
    index = built_page(site, "demarches/index.html")
    assert "Objets trouvés" in [h.text.strip() for h in index.select("main h2")]
    for page in ("index.html", "plan-du-site/index.html"):  # the home page's theme menu, site map
        links = {a.text.strip(): a.get("href") for a in built_page(site, page).select("main a")}
        assert links.get("Objets trouvés") == "/themes/objets-trouves/", (page, links)
    order = [h.text.strip() for h in index.select("main h2")]
    assert order.index("Papiers d'identité") < order.index("Objets trouvés")  # file order
    theme = built_page(site, "themes/objets-trouves/index.html")
    assert theme.select_one("h1").text.strip().startswith("Objets trouvés")
    assert "Acte de naissance" in theme.select_one("main").text
    flyer = subprocess.run(
        ["pdftotext", str(site / "demarches/acte-naissance/fiche.pdf"), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert "Fiche pratique · Objets trouvés" in flyer
    footer = built_page(site, "index.html").select_one("footer").text
    assert "Accessibilité : non conforme" in footer


@pytest.mark.build
def test_a_broken_town_file_stops_the_build_with_file_and_line(small_site, tmp_path):
    write_town(small_site, "Test", "test")
    path = small_site / "commune.md"
    path.write_text(path.read_text().replace("Guichet-principal: mairie", "Guichet-principal: x"))
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1
    assert "content/commune.md:3 — champ « Guichet-principal »" in build.output
    assert "Le guichet « x » n'existe pas" in build.output and "Traceback" not in build.output
