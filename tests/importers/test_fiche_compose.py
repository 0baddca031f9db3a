"""From a read fiche to a procedure file: the town's choices and its layer (pure)."""

from __future__ import annotations

from pathlib import Path

from guichet.importers import layers
from guichet.importers.dila import read_sheet
from guichet.importers.fiche import COST_UNKNOWN, Choices, compose

FIXTURES = Path(__file__).parent / "fixtures"
CHOICES = Choices(
    themes={"papiers": "Papiers", "etat-civil": "État civil"},
    theme_map={"papiers - citoyennete - elections": "papiers"},
    default_theme="etat-civil",
    pivots={"mairie": ("mairie",)},
    counters=frozenset({"mairie", "ccas"}),
    main_counter="mairie",
)


def fiche(name="F1341.xml"):
    return read_sheet((FIXTURES / name).read_bytes(), name)


def test_theme_mapping_and_fields():
    result = compose(fiche(), CHOICES, None)
    parsed = layers.parse(result.text)
    assert parsed.first("Theme") == "papiers"
    assert parsed.first("Guichets") == "mairie"
    assert parsed.first("Cout") == "25 €"
    assert parsed.first("Service-en-ligne") == "https://ants.gouv.fr/"
    assert parsed.first("Fiche-url").endswith("/F1341")
    assert parsed.local == ""
    assert result.changes is None


def test_pivots_to_no_counter_give_the_main_counter_and_say_so():
    choices = Choices(**{**CHOICES.__dict__, "pivots": {"mairie": ("hotel-de-ville",)}})
    result = compose(fiche(), choices, None)
    assert layers.parse(result.text).first("Guichets") == "mairie"
    assert any("le guichet principal « mairie » est indiqué" in line for line in result.lines)
    assert "- [Mairie](https://lannuaire.service-public.fr/" in result.text  # cited instead


def test_no_theme_match_gives_the_default_theme_and_says_so():
    result = compose(fiche("F870.xml"), CHOICES, None)
    assert layers.parse(result.text).first("Theme") == "etat-civil"
    assert any("thème « etat-civil » mis par défaut" in line for line in result.lines)
    assert layers.parse(result.text).first("Cout") == COST_UNKNOWN


def test_the_towns_fields_and_text_survive_and_changes_are_listed():
    first = compose(fiche(), CHOICES, None).text
    first = first.replace("Guichets: mairie", "Guichets: mairie, ccas")
    first += "\n## Bon à savoir\n\nÀ la mairie, le samedi.\n"
    again = compose(fiche("F1341-v2.xml"), CHOICES, layers.parse(first))
    parsed = layers.parse(again.text)
    assert parsed.first("Guichets") == "mairie, ccas"
    assert parsed.local.endswith("## Bon à savoir\n\nÀ la mairie, le samedi.")
    assert again.changes.added == ("Carte perdue ou volée",)
    assert again.changes.removed == ("Délai",)
    assert ("Fiche-mise-a-jour", "2026-09-14", "2026-11-20") in again.changes.fields
