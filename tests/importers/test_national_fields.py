"""``Fiche-nationale`` relaxes the documents/steps rules only where the fiche lacks them."""

from __future__ import annotations

from datetime import date

from guichet_plugins.procedures.validation import check_procedure

THEMES = {"papiers": "Papiers"}
BASE = {
    "titre": "Carte",
    "resume": "Demander une carte.",
    "theme": "papiers",
    "guichets": "mairie",
    "cout": "Gratuit",
    "delai": "2 semaines",
    "verifie-le": "2026-10-01",
}
NATIONAL = {
    "fiche-nationale": "F1341",
    "fiche-mise-a-jour": "2026-10-01",
    "fiche-url": "https://www.service-public.fr/particuliers/vosdroits/F1341",
}


def check(meta, html="<p>Texte.</p>"):
    return check_procedure(meta, html, "x.md", THEMES, {"mairie"}, date(2026, 11, 24))


def messages(result):
    return [p.message for p in result.errors]


def test_a_hand_made_procedure_still_needs_documents_and_steps():
    assert any("Pièces à fournir" in m for m in messages(check(BASE)))


def test_an_imported_fiche_without_those_sections_builds():
    result = check({**BASE, **NATIONAL})
    assert result.errors == ()
    assert result.data.national.id == "F1341"
    assert result.data.national.updated == date(2026, 10, 1)


def test_an_imported_section_without_a_list_is_still_an_error():
    result = check({**BASE, **NATIONAL}, "<h2>Pièces à fournir</h2><p>Rien.</p>")
    assert any("doit contenir une liste" in m for m in messages(result))


def test_a_bad_fiche_number_or_missing_companion_field_is_an_error():
    assert any(
        "F1341" in m for m in messages(check({**BASE, **NATIONAL, "fiche-nationale": "1341"}))
    )
    partial = {**BASE, "fiche-nationale": "F1341"}
    assert any("Fiche-mise-a-jour" in m for m in messages(check(partial)))


def test_no_unknown_field_warning_for_the_import_fields():
    assert not [w for w in check({**BASE, **NATIONAL}).warnings if "n'est pas connu" in w.message]
