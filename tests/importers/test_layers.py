"""A content file as two layers (the import's and the town's): pure."""

from __future__ import annotations

from guichet.importers import layers


def test_parse_render_round_trip():
    fields = {"Titre": ["A"], "Adresse": ["1 rue", "12345 Ville"], "Vide": []}
    text = layers.render(
        fields,
        "<!-- TEXTE NATIONAL x -->",
        "## Un\n\nnational",
        "<!-- AJOUTS DE LA MAIRIE y -->",
        "## Deux\n\nlocal",
    )
    parsed = layers.parse(text)
    assert parsed.fields == {"Titre": ["A"], "Adresse": ["1 rue", "12345 Ville"]}
    assert parsed.imported == "## Un\n\nnational"
    assert parsed.local == "## Deux\n\nlocal"
    assert parsed.local_marker == "<!-- AJOUTS DE LA MAIRIE y -->"


def test_a_hand_written_file_is_all_local():
    parsed = layers.parse("Titre: Mairie\nTelephone: 05\n\nNotre texte.\n")
    assert parsed.imported is None
    assert parsed.local == "Notre texte."
    assert parsed.first("titre") == "Mairie"


def test_compare_names_added_removed_changed_parts_and_fields():
    old = "intro\n\n## A\n\na\n\n## B\n\nb"
    new = "intro\n\n## A\n\na2\n\n## C\n\nc"
    changes = layers.compare(old, new, {"Titre": ["x"]}, {"Titre": ["y"]}, ("Titre",))
    assert changes.added == ("C",)
    assert changes.removed == ("B",)
    assert changes.changed == ("A",)
    assert changes.fields == (("Titre", "x", "y"),)
    assert not layers.compare(old, old, {}, {}, ()).any
