"""`make verifier` lists the flyers the last build printed on more than one side or with their
free text shortened, with the cause, from the record the build left in its cache folder
(print-causes.json); before any build it says to build first."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.authoring.report_run import verifier
from tests.conftest import run_build
from tests.print.cases import write_cases

FIRST = "Fiches imprimées : construisez le site d'abord : make html"
TITLE = "Fiches imprimées sur plus d'une face (d'après la dernière construction)"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", "".join(parser.parts))


def test_before_any_build_the_report_says_to_build_first(site, tmp_path):
    result = verifier(site, tmp_path, "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert FIRST in result.stdout
    assert FIRST in page_text(tmp_path / "rapport/index.html")


@pytest.mark.build
def test_after_a_build_the_report_lists_each_flyer_on_two_sides_with_its_cause(tmp_path):
    content = write_cases(tmp_path)
    cache = tmp_path / "cache"
    build = run_build(content, tmp_path / "out", cache)
    assert build.returncode == 0, build.output
    result = verifier(content, tmp_path, "--cache", str(cache))
    out = result.stdout
    expected = [
        "content/demarches/vingt-pieces.md — Vingt pièces et quinze étapes : 2 pages ; la fiche "
        "est imprimée en recto-verso (rien n'est retiré). Cause : la partie « Pièces à fournir » "
        "est longue (",
        "content/demarches/six-guichets.md — Six guichets : 2 pages ; la fiche est imprimée en "
        "recto-verso en petits caractères d'un bout à l'autre (rien n'est retiré). Cause : elle "
        "indique 6 guichets (",
        "content/demarches/sections-longues.md — De longues sections en plus : 2 pages ; la fiche "
        "est imprimée en recto-verso, et le texte libre (« Introduction », « Tarifs », "
        "« Recours ») réduit à sa première phrase, avec l'adresse où lire la suite. Cause : la "
        "partie « Tarifs » est longue (",
        "content/demarches/bon-a-savoir-long.md — Un long Bon à savoir : 2 pages ;",
    ]
    html = page_text(tmp_path / "rapport/index.html")
    for line in [TITLE, *expected]:
        assert line in out, out
        assert line in html
    assert (
        "sont abrégés sur papier et renvoient à www.val-daurore.fr/demarches/sections-longues/"
        in (out)
    )
    assert FIRST not in out and "Le contenu a changé" not in out
    # A flyer that fits on one side is not listed.
    assert "carte-identite.md — Carte" not in out.split(TITLE)[1].split("\n\n")[0]
    assert "20 pièces" in out  # what the build's warning gives: the count of documents

    later = build_time(cache) + 60
    os.utime(content / "demarches" / "vingt-pieces.md", (later, later))
    again = verifier(content, tmp_path, "--cache", str(cache))
    assert "Le contenu a changé depuis cette construction : relancez make html" in again.stdout


def build_time(cache: Path) -> float:
    return (cache / "print-causes.json").stat().st_mtime
