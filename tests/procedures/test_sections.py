"""Sections of a procedure body: list items read with an HTML parser, not a regex."""

from __future__ import annotations

import pytest
from procedures.sections import list_items


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
