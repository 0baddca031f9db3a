"""The header reader (guichet/header.py) on good and odd headers, as staff type them."""

from __future__ import annotations

import pytest

from guichet.header import fold, metadata, read_header, side_metadata
from guichet_plugins.procedures.validation import COUNTER_FIELDS, PROCEDURE_FIELDS

COUNTER = frozenset(COUNTER_FIELDS)
PROCEDURE = frozenset(PROCEDURE_FIELDS)


def test_plain_header_gives_what_the_meta_extension_gave():
    text = "Titre: Mairie\nAdresse: 1 place\n    12340 Val\nTelephone: 05 00\n\nTexte.\n"
    header = read_header(text, COUNTER)
    assert metadata(header.fields) == {
        "titre": "Mairie",
        "adresse": ["1 place", "12340 Val"],
        "telephone": "05 00",
    }
    assert header.body == "Texte.\n"
    assert header.body_line == 6
    assert header.lines == {"titre": 1, "adresse": 2, "telephone": 4}
    assert header.problems == []


@pytest.mark.parametrize("indent", [" " * n for n in range(1, 9)] + ["\t", " \t", "\t\t"])
def test_any_indentation_continues_a_value(indent):
    text = f"Horaires: mardi : 14h-17h\n{indent}jeudi : 9h-12h\n{indent}vendredi : 9h-12h\n\nTexte."
    header = read_header(text, COUNTER)
    assert header.fields["horaires"].values == [
        "mardi : 14h-17h",
        "jeudi : 9h-12h",
        "vendredi : 9h-12h",
    ]
    assert header.fields["horaires"].value_lines == [1, 2, 3]
    assert header.body == "Texte."
    assert header.problems == []


def test_value_may_start_on_the_next_line():
    header = read_header("Horaires:\n  lundi : 9h-12h\n  mardi : 9h-12h\n", COUNTER)
    assert metadata(header.fields)["horaires"] == ["", "lundi : 9h-12h", "mardi : 9h-12h"]


def test_blank_lines_between_fields_lose_nothing():
    text = (
        "Titre: Acte\n\nResume: Obtenir un acte.\n\n\nService-en-ligne: https://x.fr/a\n"
        "Populaire: oui\n\n## Étapes\n\n1. Faire\n"
    )
    header = read_header(text, PROCEDURE)
    assert metadata(header.fields) == {
        "titre": "Acte",
        "resume": "Obtenir un acte.",
        "service-en-ligne": "https://x.fr/a",
        "populaire": "oui",
    }
    assert header.lines["populaire"] == 7
    assert header.body.startswith("## Étapes")
    assert header.body_line == 9
    assert header.problems == []


def test_blank_line_inside_a_multi_line_value_loses_nothing():
    text = "Horaires: lundi : 9h-12h\n\n    mardi : 9h-12h\nAcces: Rampe\n\nTexte."
    header = read_header(text, COUNTER)
    assert header.fields["horaires"].values == ["lundi : 9h-12h", "mardi : 9h-12h"]
    assert header.fields["horaires"].value_lines == [1, 3]
    assert header.fields["acces"].values == ["Rampe"]


@pytest.mark.parametrize(
    "written, key",
    [
        ("Vérifié-le", "verifie-le"),
        ("VERIFIE-LE", "verifie-le"),
        ("Téléphone", "telephone"),
        ("Accès", "acces"),
        ("Résumé", "resume"),
        ("Délai", "delai"),
        ("Coût", "cout"),
        ("Thème", "theme"),
    ],
)
def test_names_match_without_case_or_accents(written, key):
    assert fold(written) == key
    header = read_header(f"Titre: X\n{written}: valeur\n\nTexte.", COUNTER | PROCEDURE)
    assert metadata(header.fields)[key] == "valeur"
    assert header.fields[key].name == written


def test_space_before_the_colon_is_fine():
    header = read_header("Titre : Mairie\nTéléphone : 05 00\n", COUNTER)
    assert metadata(header.fields) == {"titre": "Mairie", "telephone": "05 00"}


def test_crlf_and_bom_from_windows_notepad():
    text = "\ufeffTitre: Mairie\r\nHoraires: lundi : 9h-12h\r\n  mardi : 9h-12h\r\n\r\nTexte.\r\n"
    header = read_header(text, COUNTER)
    assert metadata(header.fields) == {
        "titre": "Mairie",
        "horaires": ["lundi : 9h-12h", "mardi : 9h-12h"],
    }
    assert header.body == "Texte.\n"
    assert "\r" not in header.body


def test_old_mac_line_endings():
    header = read_header("Titre: A\rCout: Gratuit\r\rTexte.", PROCEDURE)
    assert metadata(header.fields) == {"titre": "A", "cout": "Gratuit"}


def test_missing_colon_is_an_error_with_its_line_and_the_fix():
    text = "Titre: Acte\nCout Gratuit\nDelai: 2 jours\n\nTexte."
    header = read_header(text, PROCEDURE, {"cout": "Cout"})
    assert [p.line for p in header.problems] == [2]
    problem = header.problems[0]
    assert "« Cout Gratuit » n'a pas de deux-points" in problem.message
    assert "« Cout: Gratuit »" in problem.hint
    assert problem.field == "Cout"
    # the fields after it are not lost
    assert metadata(header.fields) == {"titre": "Acte", "delai": "2 jours"}
    assert "Cout" not in header.body


def test_missing_colon_after_a_blank_line_is_an_error_too():
    header = read_header("Titre: Acte\n\nCout Gratuit\n\nTexte.", PROCEDURE)
    assert [p.line for p in header.problems] == [3]
    assert header.body == "Texte."


def test_missing_colon_on_the_first_line():
    header = read_header("Titre Acte\nCout: Gratuit\n\nTexte.", PROCEDURE)
    assert [p.line for p in header.problems] == [1]
    assert metadata(header.fields) == {"cout": "Gratuit"}


def test_duplicate_field_is_an_error_naming_both_lines():
    header = read_header("Titre: A\nCout: Gratuit\nCoût: 25 €\n\nTexte.", PROCEDURE)
    assert [p.line for p in header.problems] == [3]
    assert "deux fois (déjà à la ligne 2)" in header.problems[0].message
    assert metadata(header.fields)["cout"] == "Gratuit"


def test_misspelt_field_after_a_blank_line_is_not_published_silently():
    header = read_header(
        "Titre: A\n\nPopulair: oui\n\nTexte.", PROCEDURE, {"populaire": "Populaire"}
    )
    assert [p.line for p in header.problems] == [3]
    assert "ressemble au champ « Populaire »" in header.problems[0].message


def test_known_field_in_the_first_paragraph_of_the_text_is_an_error():
    text = "Titre: A\n\nVoici le texte\nAcces: rampe\n\nTexte."
    header = read_header(text, COUNTER, {"acces": "Acces"})
    assert [p.line for p in header.problems] == [4]
    assert "elle serait publiée telle quelle" in header.problems[0].message


def test_text_with_a_colon_is_still_text():
    text = "Titre: A\n\nAttention : la mairie ferme à midi.\n\nNota: rien.\n"
    header = read_header(text, PROCEDURE)
    assert header.problems == []
    assert header.body.startswith("Attention : la mairie")


def test_a_web_address_is_not_a_field():
    header = read_header("Titre: A\n\nhttps://www.service-public.fr/ pour tout savoir.", PROCEDURE)
    assert header.body.startswith("https://")


def test_text_right_after_the_header_without_blank_line():
    header = read_header("Titre: A\nL'annexe accueille les habitants.\n", COUNTER)
    assert metadata(header.fields) == {"titre": "A"}
    assert header.body == "L'annexe accueille les habitants.\n"
    assert header.problems == []


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff", "   \n"])
def test_empty_files(text):
    header = read_header(text, COUNTER)
    assert header.fields == {} and header.problems == []


def test_no_header():
    header = read_header("## Titre\n\nTexte.", PROCEDURE)
    assert header.fields == {} and header.body.startswith("## Titre")


def test_without_known_fields_any_field_after_a_blank_line_continues_the_header():
    header = read_header("Title: A\n\nSummary: B\n\nTexte.")
    assert metadata(header.fields) == {"title": "A", "summary": "B"}


def test_side_metadata_carries_lines_and_problems():
    header = read_header("Titre: A\nCout Gratuit\n", PROCEDURE)
    side = side_metadata(header)
    assert side["guichet-lines"] == {"titre": 1}
    assert side["guichet-value-lines"] == {"titre": [1]}
    assert side["guichet-problems"][0][0] == 2


def test_space_in_a_field_name_is_named_with_the_fix():
    header = read_header("Titre: A\nVerifie le: 2026-01-01\n\nTexte.", PROCEDURE)
    assert [p.line for p in header.problems] == [2]
    assert "« Verifie le » contient une espace" in header.problems[0].message
    assert "« Verifie-le: 2026-01-01 »" in header.problems[0].hint


def test_strict_a_line_at_the_margin_under_a_field_is_an_error_and_loses_nothing():
    text = "Titre: A\nHoraires: lundi : 9h-12h\nmardi : 9h-12h\nAcces: Rampe\n\nTexte."
    header = read_header(text, COUNTER, strict=True)
    assert [p.line for p in header.problems] == [3]
    assert "suit le champ « Horaires » sans être décalée" in header.problems[0].message
    assert header.fields["horaires"].values == ["lundi : 9h-12h", "mardi : 9h-12h"]
    assert metadata(header.fields)["acces"] == "Rampe"


def test_strict_text_without_blank_line_after_the_header_is_an_error():
    header = read_header("Titre: A\nL'annexe accueille les habitants.\n", COUNTER, strict=True)
    assert [p.line for p in header.problems] == [2]
    assert "laissez une ligne vide avant" in header.problems[0].hint


def test_strict_keeps_a_misspelt_field_as_a_field_for_its_warning():
    header = read_header("Titre: A\nTelephonne: 05 00\n\nTexte.", COUNTER, strict=True)
    assert header.problems == []
    assert metadata(header.fields)["telephonne"] == "05 00"


def test_an_unknown_name_that_cuts_the_header_off_is_named_with_its_line():
    text = "Titre: Mairie\nTelephone: 05 36 49 10 00\n\nPopulair: oui\nCourriel: a@b.fr\n"
    header = read_header(text, COUNTER, COUNTER_FIELDS, strict=True)
    lines = {p.line: p.message for p in header.problems}
    assert "« Populair » n'est le nom d'aucun champ" in lines[4]
    assert "Courriel" in lines[5]  # and the field it pushed into the text


def test_an_unknown_field_like_line_alone_in_the_text_is_left_as_text():
    text = "Titre: Mairie\nTelephone: 05 36 49 10 00\n\nAttention: fermé le lundi.\n"
    assert read_header(text, COUNTER, COUNTER_FIELDS, strict=True).problems == []


def test_readings_carry_the_stamp_of_the_rules_that_made_them():
    from guichet.header import RULES_KEY, rules_stamp

    side = side_metadata(read_header("Titre: Mairie\n", COUNTER, COUNTER_FIELDS))
    assert side[RULES_KEY] == rules_stamp() and len(rules_stamp()) == 16
