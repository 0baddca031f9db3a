"""The town's host in the print stylesheet (plugins/town/stylesheet.py): written by the build
in place of the theme's mark, so that a link to the site prints « www.ville.fr/guichets/x/ »."""

from __future__ import annotations

from guichet_plugins.town.stylesheet import HOST_MARK, site_host, write_host
from tests.conftest import ROOT

THEME_SHEET = ROOT / "theme" / "static" / "css" / "impression.css"


def test_the_host_is_the_public_address_without_scheme_or_slash():
    assert site_host("https://www.val-daurore.fr/") == "www.val-daurore.fr"
    assert site_host("http://mairie.example:8080") == "mairie.example:8080"
    assert site_host(None) == site_host("") == ""


def test_the_theme_marks_where_the_host_goes_in_site_links(tmp_path):
    assert f'content: " ({HOST_MARK}" attr(href) ")"' in THEME_SHEET.read_text(encoding="utf-8")
    sheet = tmp_path / "impression.css"
    sheet.write_text(THEME_SHEET.read_text(encoding="utf-8"), encoding="utf-8")
    assert write_host(sheet, "https://www.val-daurore.fr")
    text = sheet.read_text(encoding="utf-8")
    assert HOST_MARK not in text and '" (www.val-daurore.fr" attr(href)' in text
    assert not write_host(sheet, "https://www.ailleurs.fr")  # written once per copy
    assert not write_host(tmp_path / "absente.css", "https://www.val-daurore.fr")


def test_a_strange_address_cannot_break_out_of_the_css_string(tmp_path):
    sheet = tmp_path / "impression.css"
    sheet.write_text(f'a:after{{content:" ({HOST_MARK}" attr(href)}}', encoding="utf-8")
    write_host(sheet, 'https://x.fr/"}body{display:none}\\')
    assert sheet.read_text(encoding="utf-8") == (
        'a:after{content:" (x.fr/\\"}body{display:none}\\\\" attr(href)}'
    )
