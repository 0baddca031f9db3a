"""The HTML report opens in a browser with no axe-core violation (WCAG 2.2 AA, best practice)."""

from __future__ import annotations

import pytest

from tests.authoring.report_run import CLEAN, FORTY_WORDS, verifier
from tests.conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


@pytest.mark.browser
def test_html_report_has_no_accessibility_violation(browser, tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CLEAN, content)
    path = content / "demarches/carte-identite.md"
    text = path.read_text(encoding="utf-8").replace(
        "Toute personne de nationalité française.", FORTY_WORDS
    )
    path.write_text(text + "\n![image](images/x.jpg)\n", encoding="utf-8")
    verifier(content, tmp_path)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.goto((tmp_path / "rapport/index.html").as_uri())
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")  # reflow
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
        )
        assert [v["id"] for v in result["violations"]] == []
        assert "Phrase de 40 mots" in page.inner_text("main")
    finally:
        page.close()
