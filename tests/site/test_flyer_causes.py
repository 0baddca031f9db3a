"""A counter that gains closures lengthens every flyer that shows it: the build says so once,
on the counter's file, naming the flyers, and asks no one to shorten a procedure."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.build

PROCEDURE = """Titre: Essai {k}
Resume: Une démarche d'essai.
Theme: etat-civil
Guichets: mairie
Cout: Gratuit
Delai: 1 mois
Verifie-le: 2026-10-15

## Pièces à fournir

{documents}

## Étapes

1. Venez.
2. Repartez.
"""

CLOSURES = """Fermetures: 24/12/2026 au 02/01/2027 : congés
    05/01/2027 : inventaire des archives
    12/01/2027 : formation du personnel
    19/01/2027 : travaux dans le hall
    26/01/2027 : élections professionnelles
    02/02/2027 : réunion de service
"""


def test_a_counter_that_gains_closures_gives_one_warning_naming_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests/site/fixtures/small", content)
    for k in (29, 30, 31):  # documents: each flyer still fits on one side, barely
        documents = "\n".join(f"- Pièce numéro {n} à apporter au guichet" for n in range(k))
        text = PROCEDURE.format(k=k, documents=documents)
        (content / "demarches" / f"essai-{k}.md").write_text(text, encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = run_build(content, out, cache)
    assert first.returncode == 0, first.output
    assert "ne tient" not in first.output, first.output
    mairie = content / "guichets" / "mairie.md"
    text = mairie.read_text(encoding="utf-8")
    mairie.write_text(re.sub(r"^Fermetures: .*\n", CLOSURES, text, flags=re.M), encoding="utf-8")
    second = run_build(content, out, cache)
    assert second.returncode == 0, second.output
    warnings = [w for w in second.output.split("⚠") if "ne tiennent plus" in w or "ne tient" in w]
    assert len(warnings) == 1, second.output
    (warning,) = warnings
    assert warning.strip().startswith("content/guichets/mairie.md")
    assert (
        "« Mairie de Test »" in warning and "3 fiches qui l'indiquent ne tiennent plus" in warning
    )
    assert "6 fermetures à venir" in warning and "il a grandi de" in warning
    for k in (29, 30, 31):
        assert f"content/demarches/essai-{k}.md" in warning
    assert "raccourcissez" not in warning.lower()
    third = run_build(content, out, cache)  # nothing changed: the same single warning
    assert [w for w in third.output.split("⚠") if "ne tien" in w] == warnings
