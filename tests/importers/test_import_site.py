"""Import national fiches and the Annuaire into a copy of the sample town, build it, read the
pages and flyers as residents do; re-import a newer fiche; bad input writes nothing."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, run_build, tree_digest
from tests.html_pages import page
from tests.importers.import_helpers import FIXTURES, guichet, hours_of, pdf_text


def test_the_import_says_what_it_mapped_and_what_it_could_not(imported):
    _, _, runs = imported
    out = runs["F870"].stdout
    assert "Partie « Conditions » de la fiche → « Qui est concerné »" in out
    assert "Partie « Comment faire » de la fiche → « Étapes »" in out
    assert "Partie « Après le recensement » gardée telle quelle" in out
    assert "Élément « FAQ » inconnu (2 fois)" in out
    assert "« csnj », qui ne correspond à aucun guichet" in out
    assert "Thème « etat-civil » choisi d'après le thème de la fiche" in out
    assert "La fiche n'indique pas de coût" in out


def test_an_imported_fiche_builds_and_reads_as_a_procedure(imported):
    content, build, _ = imported
    procedure = page(build.path, "demarches/cni-majeur/index.html")
    text = procedure.text
    assert "Carte d'identité d'une personne majeure" in procedure.select_one("h1").text
    assert "Source : service-public.fr (DILA), fiche F1341 mise à jour le 14 septembre 2026" in text
    link = procedure.select_one("p.source a")
    assert link.get("href") == "https://www.service-public.fr/particuliers/vosdroits/F1341"
    documents = [li.text.removeprefix("☐ ") for li in procedure.select(".checklist > ul > li")]
    assert "Une photo d'identité de moins de 6 mois" in documents
    steps = [li.text for li in procedure.select(".steps > ol > li")]
    assert steps[0] == "Faites une pré-demande en ligne."
    # the national structure is kept where it maps to no section of the project
    headings = [h.text for h in procedure.select("h2, h3")]
    assert "Tarifs selon la situation" in headings
    assert "Le jour du rendez-vous" in headings
    table = procedure.select_one("table:not(.hours)")
    assert [th.text for th in table.select("th")] == ["Situation", "Prix"]
    assert "25 € en timbre fiscal" in table.text
    assert procedure.select_one("abbr[title=tabac-presse]").text == "tabac"
    assert "Allô Service public (Par téléphone : 39 39)" in text  # a national contact block
    facts = procedure.select_one("dl.facts").text
    assert "25 €" in facts and "Quelques semaines selon la période" in facts
    assert "ants.gouv.fr" in procedure.select_one("section.online").text
    assert "Mairie - Val-d'Aurore" in procedure.select_one("section.offline").text
    header = (content / "demarches" / "cni-majeur.md").read_text(encoding="utf-8")
    assert "Verifie-le: 2026-09-14" in header and "Fiche-nationale: F1341" in header


def test_cases_situations_and_tables_of_a_3_4_fiche(imported):
    _, build, _ = imported
    procedure = page(build.path, "demarches/recensement-citoyen-obligatoire-ou/index.html")
    headings = [h.text for h in procedure.select("h2, h3, h4")]
    for title in ("Vous êtes né français", "Vous êtes devenu français", "Entre 16 et 25 ans"):
        assert title in headings
    assert "Vous résidez à l'étranger" in headings
    cells = [td.text for td in procedure.select("table:not(.hours) td")]
    assert "Dans l'année | après" in cells
    assert "Une question fréquente reste lisible." in procedure.text


@pytest.mark.parametrize("slug", ["cni-majeur", "recensement-citoyen-obligatoire-ou"])
def test_imported_flyers_are_one_a4_sheet(imported, slug):
    from pypdf import PdfReader

    reader = PdfReader(imported[1].path / "demarches" / slug / "fiche.pdf")
    assert 1 <= len(reader.pages) <= 2  # the fiche's own chapters are printed too: recto-verso
    for sheet in reader.pages:
        box = sheet.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_flyer_of_an_imported_fiche_prints_the_chapters_kept_as_they_are(imported):
    _, build, _ = imported
    text = pdf_text(build.path / "demarches" / "cni-majeur" / "fiche.pdf")
    assert "Vous devez présenter :" in text  # a note before the documents
    assert "Le jour du rendez-vous La mairie relève vos empreintes." in text  # within the steps
    assert "La carte d'identité d'une personne majeure est valable 15 ans." in text  # intro
    assert "Tarifs selon la situation" in text  # a chapter of its own, with its table
    assert "Perte ou vol 25 € en timbre fiscal" in text


def test_the_flyer_of_an_imported_fiche_names_its_source(imported):
    _, build, _ = imported
    text = pdf_text(build.path / "demarches" / "cni-majeur" / "fiche.pdf")
    assert "Source : service-public.fr (DILA), fiche F1341 mise à jour le 14 septembre 2026" in text
    assert "Une photo d'identité de moins de 6 mois" in text
    assert "Prenez rendez-vous en mairie." in text
    assert "05 36 49 10 00" in text


def test_imported_counters_keep_closures_and_credit_the_annuaire(imported):
    content, build, runs = imported
    counter = page(build.path, "guichets/mairie/index.html")
    text = counter.text
    assert "Service-Public.gouv.fr / DILA, Annuaire de l'administration" in text
    assert "fichier annuaire-dump.json, fiche mise à jour le 3 décembre 2021" in text
    assert "congés de fin d'année" in text  # Fermetures kept from the town's file
    assert "Hôtel de ville" in counter.select_one("p.postal").text
    assert "Permanence état civil uniquement" in text  # an Annuaire comment, as a note
    hours = hours_of(counter)
    assert hours["Vendredi"] == "De 8 h 30 à 12 h et de 13 h 30 à 17 h 30"
    assert hours["Dimanche"] == "Fermé"
    ccas = page(build.path, "guichets/ccas/index.html")
    ccas_hours = hours_of(ccas)
    assert ccas_hours["Mardi"] == "De 9 h à 12 h et de 14 h à 17 h"  # two entries, one day
    assert ccas_hours["Jeudi"] == "De 14 h à 18 h"
    annexe = (content / "guichets" / "mairie-annexe.md").read_text(encoding="utf-8")
    assert "Horaires: du mardi au jeudi : 9h00-12h00, 14h00-17h00" in annexe  # API strings
    assert "Fermetures: 03/08/2026 au 21/08/2026 : fermeture d'été" in annexe
    assert "~ champ Telephone : « 05 36 49 10 10 » → « 05 36 49 10 30 »" in runs["annexe"].stdout


def test_reimport_keeps_the_local_layer_and_prints_the_changes(imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported[0], content)
    target = content / "demarches" / "cni-majeur.md"
    text = target.read_text(encoding="utf-8")
    text = text.replace("Cout: 25 €", "Cout: Gratuit (25 € en cas de perte ou de vol)")
    text += "\n## Étapes\n\n1. Apportez votre dossier complet à l'accueil de la mairie.\n"
    text += "\n## Bon à savoir\n\nLa mairie de Val-d'Aurore prend les rendez-vous le samedi.\n"
    target.write_text(text, encoding="utf-8")

    run = guichet("importer-fiche", str(FIXTURES / "F1341-v2.xml"), "-c", str(content))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "cni-majeur.md a été mis à jour à partir de la fiche F1341" in out
    assert "+ partie ajoutée : « Carte perdue ou volée »" in out
    assert "− partie retirée : « Délai »" in out
    assert "~ partie modifiée : « Pièces à fournir »" in out
    assert "~ champ Verifie-le : « 2026-09-14 » → « 2026-11-20 »" in out

    updated = target.read_text(encoding="utf-8")
    assert "Cout: Gratuit (25 € en cas de perte ou de vol)" in updated
    assert "Apportez votre dossier complet" in updated
    assert "Un justificatif de domicile de moins d'un an" in updated
    build = run_build(content, tmp_path / "output")
    assert build.returncode == 0, build.output
    procedure = page(build.path, "demarches/cni-majeur/index.html")
    steps = [li.text for li in procedure.select(".steps li")]
    assert "Apportez votre dossier complet à l'accueil de la mairie." in steps
    assert "Faites une pré-demande en ligne." in steps
    assert "prend les rendez-vous le samedi" in procedure.text
    assert "mise à jour le 20 novembre 2026" in procedure.select_one("p.source").text
    flyer = pdf_text(build.path / "demarches" / "cni-majeur" / "fiche.pdf")
    assert "Apportez votre dossier complet" in flyer

    again = guichet("importer-fiche", str(FIXTURES / "F1341-v2.xml"), "-c", str(content))
    assert again.returncode == 0 and "rien n'a changé" in again.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["importer-fiche", str(FIXTURES / "pas-du-xml.xml")], "n'est pas un fichier XML lisible"),
        (
            ["importer-fiche", str(FIXTURES / "F1341-schema-3.2.xml")],
            "suit la version 3.2 du schéma de la DILA : seules les versions 3.3 et 3.4",
        ),
        (
            ["importer-fiche", str(FIXTURES / "F1341-sans-titre.xml")],
            "n'a pas de titre (élément dc:title)",
        ),
        (["importer-fiche", str(FIXTURES / "absent.xml")], "n'existe pas"),
        (["importer-fiche", str(FIXTURES)], "est un dossier : indiquez la fiche"),
        (["importer-fiche", str(FIXTURES / "F1341.xml"), "--theme", "sport"], "Le thème « sport »"),
        (
            ["importer-guichets", str(FIXTURES / "annuaire-dump.json"), "--insee", "54321"],
            "Aucun organisme de type mairie pour la commune 54321",
        ),
        (
            ["importer-guichets", str(FIXTURES / "annuaire-dump.json"), "--insee", "12340x"],
            "n'est pas un code INSEE",
        ),
        (
            ["importer-guichets", str(FIXTURES / "F1341.xml"), "--insee", "12345"],
            "n'est pas un fichier JSON lisible",
        ),
    ],
)
def test_bad_input_gives_a_french_message_and_writes_nothing(tmp_path, args, expected):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    before = tree_digest(content)
    run = guichet(*args, "-c", str(content))
    assert run.returncode == 1
    assert expected in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert tree_digest(content) == before


def test_a_file_whose_markers_were_deleted_is_not_touched(imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported[0], content)
    target = content / "demarches" / "cni-majeur.md"
    text = target.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("<!-- ")]
    target.write_text("\n".join(lines), encoding="utf-8")
    before = target.read_bytes()
    run = guichet("importer-fiche", str(FIXTURES / "F1341-v2.xml"), "-c", str(content))
    assert run.returncode == 1
    assert "les repères « TEXTE NATIONAL » et « AJOUTS DE LA MAIRIE » ont disparu" in run.stderr
    assert target.read_bytes() == before


def test_imported_pages_carry_valid_schema_org(imported):
    from tests.opendata.microdata import items, problems

    _, build, _ = imported
    for relative in (
        "demarches/cni-majeur/index.html",
        "demarches/recensement-citoyen-obligatoire-ou/index.html",
        "guichets/mairie/index.html",
        "guichets/mairie-annexe/index.html",
    ):
        (item,) = items((build.path / relative).read_text(encoding="utf-8"))
        assert problems(item) == [], relative
    (service,) = items((build.path / "demarches/cni-majeur/index.html").read_text("utf-8"))
    post = [c for c in service.values("availableChannel") if c.values("servicePostalAddress")]
    assert post[0].one("servicePostalAddress").one("streetAddress") == "Hôtel de ville, BP 12"


def test_the_types_present_are_named_when_the_asked_one_is_not(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    run = guichet(
        "importer-guichets",
        str(FIXTURES / "annuaire-dump.json"),
        "--insee",
        "12345",
        "--types",
        "france_services",
        "-c",
        str(content),
    )
    assert run.returncode == 1
    assert "Types présents pour cette commune : ccas, mairie." in run.stderr


def test_open_data_carries_the_national_sources(imported):
    import json

    _, build, _ = imported
    procedures = json.loads((build.path / "donnees" / "demarches.json").read_text("utf-8"))
    card = next(p for p in procedures["demarches"] if p["slug"] == "cni-majeur")
    assert card["fiche_nationale"] == "F1341"
    assert card["fiche_nationale_mise_a_jour"] == "2026-09-14"
    assert card["etapes"][0] == "Faites une pré-demande en ligne."
    counters = json.loads((build.path / "donnees" / "guichets.json").read_text("utf-8"))
    mairie = next(c for c in counters["guichets"] if c["slug"] == "mairie")
    assert mairie["annuaire_id"] == "b7c1e2f0-1111-4a2b-9c3d-000000000001"
    assert mairie["adresse_postale"] == ["Hôtel de ville", "BP 12", "12340 Val-d'Aurore Cedex"]
    sitemap = (build.path / "sitemap.xml").read_text("utf-8")
    assert "guichets/mairie/</loc><lastmod>2021-12-03</lastmod>" in sitemap
