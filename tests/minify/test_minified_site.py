"""The built sites are minified and still valid HTML for the W3C checker."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import ROOT, run_build

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_sample_pages_and_stylesheets_are_minified(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!doctype html><html lang=fr>"), page
        assert "\n<" not in text and "<!--" not in text, page
    for sheet in sample_site.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        assert css and "\n" not in css.strip() and "/*" not in css, sheet


@pytest.mark.slow
def test_minified_pages_have_no_html_errors(small_site, tmp_path):
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0, build.output
    pages = sorted(str(p) for p in build.path.rglob("*.html"))
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr)["messages"]
    assert messages == [], messages
    assert len(pages) > 5
