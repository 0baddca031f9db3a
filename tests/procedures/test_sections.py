"""Sections of a procedure body: list items read with an HTML parser, not a regex."""

from __future__ import annotations

import pytest

from guichet_plugins.procedures.sections import BOX, list_items, with_boxes


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul><li>Un</li><li>Deux</li></ul>", ["Un", "Deux"]),
        (
            "<ul><li>Justificatif de domicile :<ul><li>facture</li><li>quittance</li></ul></li>"
            "<li>Pièce d'identité</li></ul>",
            [
                "Justificatif de domicile :<ul><li>facture</li><li>quittance</li></ul>",
                "Pièce d'identité",
            ],
        ),
        ('<ol><li class="a">Voir <a href="/x/">ici</a></li></ol>', ['Voir <a href="/x/">ici</a>']),
        ("<ul><li>Sans fin<li>Deuxième</ul>", ["Sans fin", "Deuxième"]),
        ("<p>Pas de liste</p>", []),
        ("", []),
    ],
)
def test_list_items_keep_nested_lists_inside_their_item(html, expected):
    assert list_items(html) == expected


def test_a_box_starts_each_document_but_not_the_choices_of_a_sub_list():
    html = (
        "<ul>\n<li>Justificatif :<ul><li>facture</li><li>quittance</li></ul></li>\n"
        "<li>Photo</li>\n</ul>"
    )
    boxed = with_boxes(html)
    assert boxed.count(BOX) == 2
    assert f"<li>{BOX}Justificatif :<ul><li>facture</li>" in boxed
    assert f"<li>{BOX}Photo</li>" in boxed


def test_a_section_without_a_list_is_left_as_it_is():
    assert with_boxes("<p>Rien à apporter.</p>") == "<p>Rien à apporter.</p>"
