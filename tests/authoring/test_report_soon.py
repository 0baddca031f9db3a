"""`make verifier` lists the procedures about to go stale (GUICHET_STALE_SOON_DAYS, 30 days)."""

from __future__ import annotations

from datetime import date

import pytest

from guichet.report.checks import stale_on
from guichet_plugins.procedures.dates import is_stale
from tests.authoring.report_run import verifier


@pytest.mark.parametrize(
    ("verified", "expected"),
    [
        (date(2025, 12, 3), date(2026, 12, 4)),  # 10 days after 24 November 2026
        (date(2025, 11, 24), date(2026, 11, 25)),
        (date(2025, 11, 23), None),  # stale already: a finding, not a notice
        (date(2026, 1, 15), None),  # not within 30 days
    ],
)
def test_the_day_a_check_goes_stale_follows_the_builds_rule(verified, expected):
    today = date(2026, 11, 24)
    assert stale_on(verified, today, 12, 30) == expected
    if expected:
        assert is_stale(verified, expected, 12)
        assert not is_stale(verified, date.fromordinal(expected.toordinal() - 1), 12)


def test_verifier_lists_a_procedure_that_goes_stale_in_ten_days(site, tmp_path):
    procedure = site / "demarches" / "acte-naissance.md"
    text = procedure.read_text(encoding="utf-8")
    procedure.write_text(text.replace("Verifie-le: 15/01/2026", "Verifie-le: 03/12/2025"), "utf-8")
    result = verifier(site, tmp_path, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr  # advance notice, not a finding
    expected = (
        "content/demarches/acte-naissance.md — vérifiée le 3 décembre 2025, "
        "à revoir à partir du 4 décembre 2026"
    )
    assert "Démarches à revoir dans les 30 prochains jours" in result.stdout
    assert expected in result.stdout
    assert "carte-identite.md — vérifiée" not in result.stdout
    assert expected in (tmp_path / "rapport/index.html").read_text(encoding="utf-8")
