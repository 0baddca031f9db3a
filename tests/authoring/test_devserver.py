"""`make devserver`: rebuilds on change; a content error is shown on the edited page and keeps
the last good build online for the others."""

from __future__ import annotations

import time
from html import unescape

import pytest

from tests.conftest import ROOT
from tests.devserver_run import Devserver

pytestmark = pytest.mark.build


def test_devserver_rebuilds_and_keeps_last_good_build(small_site, tmp_path):
    server = Devserver(ROOT / "pelicanconf.py", small_site, tmp_path / "out", tmp_path / "cache")
    try:
        seen = server.wait_for("Aperçu du site")
        assert "Carte d'identité" in unescape(server.get_text("/demarches/carte-identite/"))

        source = small_site / "demarches/carte-identite.md"
        good = source.read_text(encoding="utf-8")
        time.sleep(0.5)
        source.write_text(good.replace("Verifie-le: 2026-10-15", "Verifie-le: bientôt"), "utf-8")
        seen = server.wait_for("dernière version correcte", after=seen)
        assert any("« bientôt » n'est pas une date" in line for line in server.lines)
        page = unescape(server.get_text("/demarches/carte-identite/"))
        assert "« bientôt » n'est pas une date" in page  # the edited page shows the problem
        assert "Acte de naissance" in unescape(
            server.get_text("/demarches/")
        )  # the rest stays online

        source.write_text(good.replace("Titre: Carte d'identité", "Titre: Carte CNI"), "utf-8")
        server.wait_for("Aperçu à jour", after=seen)
        assert "Carte CNI" in server.get_text("/demarches/carte-identite/")
    finally:
        server.stop()
