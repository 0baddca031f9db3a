"""Real builds of a small site: a flyer too long for one side is reported and printed
recto-verso with nothing required left out, PDFs are cached and deterministic, and a change
re-renders only the flyers it touches."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT, run_build
from tests.print.helpers import counter_facts, is_a4, page_text, pdf_reader

pytestmark = pytest.mark.build

LONG = """Titre: Demande très longue
Resume: Une démarche volontairement trop longue pour tenir sur une page.
Theme: etat-civil
Guichets: mairie, annexe
Cout: Gratuit
Delai: 1 mois
Verifie-le: 2026-10-15

## Qui est concerné

{who}

## Pièces à fournir

{documents}

## Étapes

{steps}

## Bon à savoir

{good}
"""


def write_long_procedure(content):
    sentence = "Cette phrase est là pour allonger le texte de la démarche. "
    text = LONG.format(
        who=sentence * 6,
        documents="\n".join(f"- Pièce justificative numéro {n} : {sentence}" for n in range(30)),
        steps="\n".join(f"{n}. Étape numéro {n}. {sentence * 2}" for n in range(1, 26)),
        good=sentence * 10,
    )
    (content / "demarches" / "tres-longue.md").write_text(text, encoding="utf-8")


def flyers_rendered(output: str) -> int:
    """The build summary says how many PDFs it rendered: « 2 fiches PDF », « 0 fiche PDF »."""
    return int(re.search(r"(\d+) fiches? PDF", output).group(1))


def pdfs_in(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The small site plus a very long procedure, built four times:
    first, again unchanged, elsewhere with an empty cache, and after a counter changed."""
    root = tmp_path_factory.mktemp("print-builds")
    content = root / "content"
    shutil.copytree(ROOT / "tests/site/fixtures/small", content)
    write_long_procedure(content)
    out, cache = root / "out", root / "cache"
    first = run_build(content, out, cache)
    assert first.returncode == 0, first.output
    first_pdfs = pdfs_in(out)
    again = run_build(content, out, cache)
    elsewhere = run_build(content, root / "out2", root / "cache2")
    annexe = content / "guichets" / "annexe.md"
    annexe.write_text(
        annexe.read_text(encoding="utf-8").replace("+33 5 65 00 98 76", "05 65 00 98 77"),
        encoding="utf-8",
    )
    changed = run_build(content, out, cache)
    return SimpleNamespace(
        content=content,
        out=out,
        cache=cache,
        first=first,
        first_pdfs=first_pdfs,
        again=again,
        elsewhere=elsewhere,
        changed=changed,
    )


def test_a_long_procedure_is_reported_and_prints_everything_on_one_sheet(builds):
    warning = builds.first.output.split("content/demarches/tres-longue.md", 1)[1]
    warning = warning.split("\n⚠", 1)[0]
    assert "ne tient pas sur une seule face A4" in warning
    assert "« Étapes » est longue" in warning and "25 étapes" in warning  # why
    assert "recto-verso" in warning  # which rule
    assert "www.val-daurore.fr/demarches/tres-longue/" in warning
    reader = pdf_reader(builds.first_pdfs[Path("demarches/tres-longue/fiche.pdf")])
    assert len(reader.pages) == 2 and is_a4(reader) and is_a4(reader, 1)
    text = page_text(reader, 0) + " " + page_text(reader, 1)
    for n in range(30):
        assert f"Pièce justificative numéro {n} :" in text, n
    for n in range(1, 26):
        assert f"Étape numéro {n}." in text, n
    assert "www.val-daurore.fr/demarches/tres-longue/" in text
    phone, postal = counter_facts("mairie", builds.content)  # (the annexe's phone is changed later)
    assert phone in text and postal in text and "Mairie annexe" in text
    html = (builds.out / "demarches/tres-longue/fiche/index.html").read_text(encoding="utf-8")
    assert "flyer-dense" in html  # the printable page shows the same layout


def test_booklet_has_every_page_of_every_flyer(builds):
    booklet = pdf_reader(builds.first_pdfs[Path("demarches/fiches.pdf")])
    assert len(booklet.pages) == 4  # two one-side flyers and a recto-verso one


def test_a_build_with_nothing_changed_renders_no_pdf(builds):
    assert flyers_rendered(builds.first.output) == 3
    assert flyers_rendered(builds.again.output) == 0, builds.again.output
    assert len(builds.first_pdfs) == 4  # three flyers and the booklet


def test_pdfs_are_byte_identical_from_one_build_to_another(builds):
    assert builds.elsewhere.returncode == 0
    assert pdfs_in(builds.elsewhere.path) == builds.first_pdfs


def test_a_changed_counter_rerenders_only_the_flyers_that_show_it(builds):
    assert builds.changed.returncode == 0
    assert flyers_rendered(builds.changed.output) == 2  # not carte-identite: no annexe on it
    changed = pdfs_in(builds.out)
    assert (
        changed[Path("demarches/carte-identite/fiche.pdf")]
        == builds.first_pdfs[Path("demarches/carte-identite/fiche.pdf")]
    )
    text = page_text(pdf_reader(changed[Path("demarches/acte-naissance/fiche.pdf")]))
    assert "05 65 00 98 77" in text
    assert len(list((builds.cache / "print").iterdir())) == 2 * 4  # stale entries removed
