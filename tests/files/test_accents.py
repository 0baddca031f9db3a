"""Accent folding, one rule for everything compared or named from staff's words."""

from __future__ import annotations

import pytest

from guichet.accents import ascii_only, strip_accents
from guichet.header import fold
from guichet.importers.words import plain
from guichet_plugins.documents.files import suggest_name
from guichet_plugins.images.plan import file_stem
from guichet_plugins.procedures.generator import french_sort_key
from guichet_plugins.procedures.listing import initial
from guichet_plugins.procedures.sections import normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vérifié-le", "Verifie-le"),
        ("Étapes", "Etapes"),
        ("ŒUVRE çà", "ŒUVRE ca"),  # œ has no accent: the reader files it under O (initial)
        ("ﬁche", "fiche"),  # a ligature pasted from a PDF
        ("plain ascii", "plain ascii"),
    ],
)
def test_strip_accents(text, expected):
    assert strip_accents(text) == expected


def test_ascii_only_drops_what_has_no_ascii_letter():
    assert ascii_only("Mairie été « n° 2 »") == "Mairie ete  n 2 "


def test_every_place_that_compares_words_uses_the_same_folding():
    """A heading, a field name, a sort key, an initial, a slug and a file name agree on « é »."""
    assert fold(" Vérifié-LE ") == "verifie-le"
    assert normalise("<b>Pièces</b> à ﬁxer") == "pieces a fixer"
    assert french_sort_key("Élection") == "election"
    assert initial("État civil") == initial("Etat civil") == "E"
    assert plain("Pièces à fournir") == "pieces a fournir"
    assert suggest_name("Cerfa Été.PDF") == "cerfa-ete.pdf"
    assert file_stem("Photos/Mairie été.JPG") == "photos/mairie-ete"
