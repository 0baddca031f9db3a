"""Real builds that break a budget: exit 1, a French message naming the page, no traceback."""

from __future__ import annotations

import random

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.build


def settings_with_template(settings_file, overrides, name: str, template: str) -> str:
    """A settings file for the project's settings plus one overriding theme template."""
    overrides.mkdir()
    (overrides / name).write_text(template, encoding="utf-8")
    return str(settings_file(f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"))


def test_too_heavy_procedure_fails_the_build(small_site, tmp_path):
    rng = random.Random(5)
    paragraphs = "\n\n".join(
        " ".join(f"mot{rng.getrandbits(32):x}" for _ in range(60)) for _ in range(120)
    )
    page = small_site / "demarches/carte-identite.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n## Bon à savoir\n\n" + paragraphs + "\n",
        encoding="utf-8",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 1, build.output
    assert "Traceback" not in build.output
    assert "demarches/carte-identite/index.html" in build.output
    assert "La page /demarches/carte-identite/ est trop lourde" in build.output
    assert "budget de 14,6 Ko" in build.output
    assert "acte-naissance" not in build.output  # light pages are not named


def test_script_and_external_resource_in_a_template_fail_the_build(
    small_site, tmp_path, settings_file
):
    template = (
        '{% extends "base.html" %}{% block content %}<h1>Page introuvable</h1>'
        '<script src="https://cdn.example.net/stats.js"></script>'
        '<img src="https://tracker.example.net/pixel.gif" alt="">{% endblock %}'
    )
    settings = settings_with_template(settings_file, tmp_path / "overrides", "404.html", template)
    build = run_build(small_site, tmp_path / "out", settings=settings)
    assert build.returncode == 1, build.output
    assert "Traceback" not in build.output
    assert "404.html" in build.output
    assert "élément(s) <script> : aucun script n'est permis" in build.output
    assert "tracker.example.net" in build.output and "cdn.example.net" in build.output
