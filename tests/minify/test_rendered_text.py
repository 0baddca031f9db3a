"""Chromium reads the same text on a minified page as on the page Pelican wrote."""

from __future__ import annotations

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.build


@pytest.mark.browser
def test_minified_pages_read_the_same_in_chromium(small_site, tmp_path, settings_file, browser):
    minified = run_build(small_site, tmp_path / "min")
    plain = run_build(
        small_site, tmp_path / "plain", settings=str(settings_file("GUICHET_MINIFY = False\n"))
    )
    assert minified.returncode == 0 and plain.returncode == 0, minified.output + plain.output
    pages = sorted(p.relative_to(plain.path) for p in plain.path.rglob("*.html"))
    assert len(pages) > 5
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    try:
        for relative in pages:
            a, b = (minified.path / relative), (plain.path / relative)
            assert a.read_bytes() != b.read_bytes() and a.stat().st_size < b.stat().st_size
            texts = []
            for path in (a, b):
                page.goto(path.as_uri())
                texts.append(page.evaluate("document.body.innerText"))
            assert texts[0] == texts[1], relative
            assert len(texts[0]) > 50, relative
    finally:
        context.close()
