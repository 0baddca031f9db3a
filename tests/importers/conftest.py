"""The sample town with national fiches and Annuaire counters imported, built once per module."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, run_build
from tests.importers.import_helpers import FIXTURES, guichet


@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """The sample town with two fiches and its counters imported, then built."""
    base = tmp_path_factory.mktemp("imported")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    runs = {
        "guichets": guichet(
            "importer-guichets",
            str(FIXTURES / "annuaire-dump.json"),
            "--insee",
            "12345",
            "--types",
            "mairie,ccas",
            "-c",
            str(content),
        ),
        "annexe": guichet(
            "importer-guichets",
            str(FIXTURES / "annuaire-api.json"),
            "--insee",
            "12345",
            "--types",
            "mairie_annexe",
            "-c",
            str(content),
        ),
        "F1341": guichet(
            "importer-fiche",
            str(FIXTURES / "F1341.xml"),
            "--slug",
            "cni-majeur",
            "-c",
            str(content),
        ),
        "F870": guichet("importer-fiche", str(FIXTURES), "--fiche", "F870", "-c", str(content)),
    }
    for name, run in runs.items():
        assert run.returncode == 0, (name, run.stdout, run.stderr)
    build = run_build(content, base / "output")
    assert build.returncode == 0, build.output
    return content, build, runs
