from datetime import date

import markdown
import pytest

from guichet_plugins.procedures.validation import check_counter, check_procedure, check_slug

THEMES = {"papiers": "Papiers d'identité", "etat-civil": "État civil"}
TODAY = date(2026, 11, 24)
BODY = "<h2>Pièces à fournir</h2><ul><li>Photo</li></ul><h2>Étapes</h2><ol><li>Venir</li></ol>"
PROCEDURE = {
    "titre": "Carte d'identité",
    "resume": "Demander une carte.",
    "theme": "papiers",
    "guichets": "mairie",
    "cout": "Gratuit",
    "delai": "3 semaines",
    "verifie-le": "2026-10-15",
}
COUNTER = {
    "titre": "Mairie",
    "adresse": ["1 place de la Mairie", "12340 Val-d'Aurore"],
    "telephone": "05 65 00 12 34",
    "courriel": "accueil@example.fr",
    "horaires": ["lundi : 8h30-12h"],
    "acces": "De plain-pied",
}


def procedure(meta=None, body=BODY, **changes):
    fields = {**PROCEDURE, **changes} if meta is None else meta
    fields = {k: v for k, v in fields.items() if v is not None}
    return check_procedure(fields, body, "content/demarches/x.md", THEMES, {"mairie"}, TODAY)


def test_valid_procedure_gives_data_and_no_problem():
    checked = procedure()
    assert checked.errors == () and checked.warnings == ()
    assert checked.data.counters == ("mairie",)
    assert checked.data.verified == date(2026, 10, 15)
    assert checked.data.popular is False


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"titre": None}, "Titre", "obligatoire et il manque"),
        ({"resume": ""}, "Resume", "est vide"),
        ({"theme": "sport"}, "Theme", "« sport » n'existe pas"),
        ({"guichets": "mairie, ccas"}, "Guichets", "« ccas » n'existe pas"),
        ({"verifie-le": "octobre"}, "Verifie-le", "n'est pas une date"),
        ({"service-en-ligne": "www.ants.gouv.fr"}, "Service-en-ligne", "adresse web complète"),
        ({"populaire": "peut-être"}, "Populaire", "« oui » ou « non »"),
    ],
)
def test_each_mistake_names_field_and_gives_example(changes, field, message):
    checked = procedure(**changes)
    assert checked.data is None
    [problem] = checked.errors
    assert problem.source == "content/demarches/x.md"
    assert problem.field == field
    assert message in problem.message
    assert problem.hint  # every error says how to fix it


def test_every_problem_is_reported_not_just_the_first():
    checked = procedure(titre=None, theme="sport", guichets="nulle-part", body="")
    fields = sorted(p.field or "" for p in checked.errors)
    assert fields == ["", "", "Guichets", "Theme", "Titre"]  # two missing sections


def test_stale_and_unknown_fields_are_warnings():
    checked = procedure(**{"verifie-le": "2025-10-01", "telephonne": "x"})
    assert checked.errors == ()
    messages = " ".join(p.message + p.hint for p in checked.warnings)
    assert "plus de 12 mois" in messages
    assert "« Telephonne » n'est pas connu" in messages


def test_unknown_field_suggests_the_close_one():
    checked = procedure(**{"verifie_le": "2026-10-15", "verifie-le": None})
    assert any("Verifie-le" in p.hint for p in checked.warnings)


def test_documents_section_must_be_a_list():
    checked = procedure(
        body="<h2>Pièces à fournir</h2><p>Rien</p><h2>Étapes</h2><ol><li>a</li></ol>"
    )
    [problem] = checked.errors
    assert "doit contenir une liste" in problem.message


def test_valid_counter():
    checked = check_counter(COUNTER, "content/guichets/mairie.md")
    assert checked.errors == () and checked.warnings == ()
    assert checked.data.phone.display == "05 65 00 12 34"
    assert checked.data.address.postal_code == "12340"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"telephone": "12"}, "Telephone", "numéro de téléphone"),
        ({"horaires": ["lundi 8h-12h"]}, "Horaires", "jour : horaires"),
        ({"adresse": ["Val-d'Aurore"]}, "Adresse", "deux lignes"),
        ({"courriel": "accueil.mairie.fr"}, "Courriel", "pas une adresse de courriel"),
        ({"fermetures": ["demain : grève"]}, "Fermetures", "n'est pas une date"),
    ],
)
def test_counter_mistakes(changes, field, message):
    checked = check_counter({**COUNTER, **changes}, "content/guichets/mairie.md")
    [problem] = checked.errors
    assert (problem.field, message in problem.message) == (field, True)


def test_missing_optional_counter_fields_are_warnings():
    meta = {k: v for k, v in COUNTER.items() if k not in {"courriel", "acces"}}
    checked = check_counter(meta, "content/guichets/mairie.md")
    assert checked.errors == ()
    assert {p.field for p in checked.warnings} == {"Courriel", "Acces"}


@pytest.mark.parametrize(
    "slug", ["Carte-Identite", "carte_identite", "carte identité", "a" * 41, "-x"]
)
def test_bad_slugs(slug):
    assert check_slug(slug, "content/demarches/x.md")


def test_reserved_slug():
    assert "réservé" in check_slug("a-z", "x", frozenset({"a-z"}))[0].message


def test_empty_file():
    assert "vide" in procedure(meta={}, body="").errors[0].message


def rendered(text):
    """A body as the reader hands it to validation: Markdown rendered, not yet sanitised."""
    md = markdown.Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
        output_format="html5",
    )
    return md.convert(text)


def test_a_note_in_a_comment_of_a_heading_does_not_hide_the_section():
    body = rendered(
        "## Pièces à fournir <!-- liste à revoir -> accueil -->\n\n- Photo\n\n"
        "## Étapes\n\n1. Venez à la mairie."
    )
    assert procedure(body=body).errors == ()


@pytest.mark.parametrize(
    "commented",
    [
        "<!--\n<h2>Pièces à fournir</h2>\n<ul><li>Photo</li></ul>\n-->",
        "<!--\n## Pièces à fournir\n\n- Photo\n-->",
    ],
)
def test_a_section_left_in_a_comment_is_missing(commented):
    body = rendered(f"{commented}\n\n## Étapes\n\n1. Venez à la mairie.")
    [problem] = procedure(body=body).errors
    assert problem.message == "La partie « Pièces à fournir » manque dans le texte de la démarche."


def test_placeholders_in_comments_are_notes_but_not_in_the_text():
    body = rendered(
        "<!-- À REMPLIR : les notes -> restent -->\n\n## Pièces à <em>fournir</em>\n\n"
        "- À REMPLIR\n\n## Étapes\n\n1. Venez.<!-- À REMPLIR -->"
    )
    [problem] = procedure(body=body).errors
    assert problem.message == (
        "Le texte contient encore « À REMPLIR » dans la partie « Pièces à fournir »."
    )
