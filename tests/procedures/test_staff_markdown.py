"""A procedure's body as staff type it, read by the build's own reader (guichet/reader.py):
slips of the hand and text pasted from a word processor give what the writer meant."""

from __future__ import annotations

from pelican.settings import read_settings

from guichet.reader import FieldsReader
from tests.conftest import ROOT

HEADER = """Titre: Carte d'identité
Resume: Demander ou renouveler la carte.
Theme: etat-civil
Guichets: mairie
Cout: Gratuit
Delai: 3 semaines
Verifie-le: 2026-10-15

"""


def read_body(tmp_path, body: str) -> str:
    content = tmp_path / "content"
    (content / "demarches").mkdir(parents=True)
    source = content / "demarches" / "carte.md"
    source.write_text(HEADER + body, encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    html, _ = FieldsReader(settings).read(str(source))
    return html


def test_a_paragraph_indented_by_a_tab_or_four_spaces_stays_a_paragraph(tmp_path):
    html = read_body(
        tmp_path,
        "## Bon à savoir\n\nLa carte est gratuite.\n\n"
        "    Venez chercher votre carte dans les 3 mois.\n\n\tSinon, elle est détruite.\n",
    )
    assert "<pre" not in html and "<code" not in html
    assert "<p>Venez chercher votre carte dans les 3 mois.</p>" in html
    assert "<p>Sinon, elle est détruite.</p>" in html


def test_text_indented_under_an_item_stays_in_it(tmp_path):
    html = read_body(tmp_path, "## Étapes\n\n1. Remplir le formulaire\n\n    en majuscules.\n")
    assert "<pre" not in html
    assert "<li>\n<p>Remplir le formulaire</p>\n<p>en majuscules.</p>\n</li>" in html


def test_a_fenced_block_is_still_kept_as_written(tmp_path):
    html = read_body(tmp_path, "## Bon à savoir\n\n```\nCODE  123\n```\n")
    assert "<pre><code>CODE  123\n</code></pre>" in html


def test_bullets_pasted_from_a_word_processor_make_a_list(tmp_path):
    html = read_body(
        tmp_path,
        "## Bon à savoir\n\nOù acheter le timbre :\n• sur timbres.impots.gouv.fr\n"
        "• chez un buraliste\n– au centre des impôts\n",
    )
    assert "<p>Où acheter le timbre :</p>" in html
    assert (
        "<ul>\n<li>sur timbres.impots.gouv.fr</li>\n<li>chez un buraliste</li>\n"
        "<li>au centre des impôts</li>\n</ul>"
    ) in html
    assert "•" not in html and "–" not in html


def test_a_dash_inside_a_sentence_is_left_alone(tmp_path):
    html = read_body(tmp_path, "## Bon à savoir\n\nOuvert le samedi – sauf en août.\n")
    assert "<p>Ouvert le samedi – sauf en août.</p>" in html


def test_a_section_without_its_list_is_named_with_the_line_of_its_heading(tmp_path):
    from datetime import date

    from guichet_plugins.procedures.validation import check_procedure

    content = tmp_path / "content"
    (content / "demarches").mkdir(parents=True)
    source = content / "demarches" / "carte.md"
    source.write_text(
        HEADER + "## Pièces à fournir\n\n- Une photo\n\n## *Étapes*\n\nVenez au guichet.\n",
        encoding="utf-8",
    )
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    html, meta = FieldsReader(settings).read(str(source))
    checked = check_procedure(
        meta,
        html,
        "content/demarches/carte.md",
        {"etat-civil": "État civil"},
        {"mairie"},
        date(2026, 11, 1),
    )
    (problem,) = checked.errors
    assert problem.source == "content/demarches/carte.md:13"  # the line of « ## *Étapes* »
    assert "Étapes" in problem.message
