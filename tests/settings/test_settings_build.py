"""A town's settings file checked when the build starts, through the real command."""

from __future__ import annotations

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.build


def test_an_unknown_setting_is_a_warning_with_the_closest_name(settings_file, small_site, tmp_path):
    settings = settings_file("GUICHET_STALE_MONTH = 6\nIMAGES_WIDHTS = (320,)\n")
    build = run_build(small_site, tmp_path / "out", settings=str(settings))
    assert build.returncode == 0, build.output
    assert "Le réglage GUICHET_STALE_MONTH n'est lu par aucune partie de Guichet" in build.output
    assert "Vouliez-vous écrire GUICHET_STALE_MONTHS ?" in build.output
    assert "Vouliez-vous écrire IMAGES_WIDTHS ?" in build.output
    assert "reglages.py" in build.output  # the file to correct
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_setting_of_the_wrong_type_stops_the_build(settings_file, small_site, tmp_path):
    settings = settings_file('GUICHET_STALE_MONTHS = "douze"\nSANITIZE_FAIL = "oui"\n')
    build = run_build(small_site, tmp_path / "out", settings=str(settings))
    assert build.returncode == 1, build.output
    assert "Le réglage GUICHET_STALE_MONTHS vaut 'douze' : il faut un nombre entier" in build.output
    assert "Le réglage SANITIZE_FAIL vaut 'oui' : il faut True ou False" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "out" / "index.html").exists()
