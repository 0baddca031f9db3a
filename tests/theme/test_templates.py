"""What each kind of page shows, on the built sample town (and one small build with a PDF)."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.html_pages import Node, page, parse
from tests.theme.pages import html_files, is_flyer

PROCEDURES = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))
CSS = ROOT / "theme" / "static" / "css" / "guichet.css"


def hrefs(node: Node) -> list[str]:
    """Every ``href`` below ``node``, in document order."""
    return [found.get("href") for found in node.select("[href]")]


def texts(node: Node, selector: str) -> list[str]:
    return [found.text for found in node.select(selector)]


def test_home_shows_procedures_themes_and_how_to_come_without_internet(sample_site):
    home = page(sample_site, "index.html")
    assert "Mairie de Val-d'Aurore" in texts(home, "h1")
    assert "/demarches/carte-identite/" in hrefs(home)  # "Populaire: oui"
    assert "/demarches/domiciliation/" not in hrefs(home)  # not popular: in its theme only
    assert "/themes/etat-civil/" in hrefs(home)
    offline = home.select_one("section[aria-labelledby=sans-internet]")
    assert "tel:+33536491000" in hrefs(offline)
    assert "1 place de la Mairie" in offline.text
    # The hours table is named by the paragraph above it (old browsers draw a caption below).
    (table,) = offline.select("table.hours")
    name = table.get("aria-labelledby")
    assert len(offline.select(f"p#{name} + table.hours")) == 1  # right above the table
    assert offline.select_one(f"p#{name}").text.startswith("Horaires d'ouverture")
    assert offline.select("caption") == []
    assert len(offline.select("th[scope=row]")) == 7


def test_every_page_links_to_the_accessibility_statement(sample_site):
    for path in html_files(sample_site):
        if not is_flyer(path):
            links = parse(path.read_text(encoding="utf-8")).select('a[href="/accessibilite/"]')
            assert "Accessibilité : partiellement conforme" in [a.text for a in links], path


def test_procedure_is_a_start_page_with_the_offline_way_beside_the_online_one(sample_site):
    online = 0
    for slug in PROCEDURES:
        doc = page(sample_site, f"demarches/{slug}/index.html")
        h1 = doc.select_one("h1").position()
        assert doc.select_one("p.lead").position() > h1
        assert doc.select("h1 + p.lead"), slug  # the summary comes first
        documents = doc.select_one("div.checklist > ul:first-child").position()
        steps = doc.select_one("div.steps > ol:first-child").position()
        offline = doc.select_one("section.offline").position()
        assert h1 < documents < steps < offline, slug
        if "Service-en-ligne:" in (ROOT / f"content/demarches/{slug}.md").read_text("utf-8"):
            online += 1
            assert doc.select("section.online + section.offline")
        verified = [
            time
            for time in doc.select("time[datetime]")
            if re.fullmatch(r"\d{4}-\d\d-\d\d", time.get("datetime")) and time.text[:1].isdigit()
        ]
        assert any(f"Vérifié le {time.text}" in time.parent.text for time in verified), slug
        assert "Imprimer la fiche" in texts(doc, f'a[href="/demarches/{slug}/fiche/"]')
        pdf = doc.select_one(f'a[href="/demarches/{slug}/fiche.pdf"][type="application/pdf"]')
        size = (sample_site / f"demarches/{slug}/fiche.pdf").stat().st_size
        assert pdf.text == f"Télécharger la fiche (PDF, {max(1, round(size / 1024))} Ko)", slug
    assert online >= 3


def test_hours_are_a_table_with_one_row_per_day(sample_site):
    table = page(sample_site, "guichets/mairie/index.html").select_one("table.hours")
    days = texts(table, "th[scope=row]")
    assert days == ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    assert ["De 8\u00a0h\u00a030 à 12\u00a0h", "et de 13\u00a0h\u00a030 à 17\u00a0h\u00a030"] in [
        td.lines() for td in table.select("td")
    ]
    assert "Fermé" in texts(table, "td")


def test_counter_page_shows_access_closures_and_procedures_handled(sample_site):
    annex = page(sample_site, "guichets/mairie-annexe/index.html")
    assert "Accès" in texts(annex, "h2") and "une rampe est installée" in annex.text
    assert "/demarches/listes-electorales/" in hrefs(annex)
    assert "/demarches/passeport/" not in hrefs(annex)  # the annex has no fingerprint device
    assert "fermeture d'été" not in annex.text  # August 2026: over at the build date
    mairie = page(sample_site, "guichets/mairie/index.html")
    assert "Du 24 décembre 2026 au 2 janvier 2027 : congés de fin d'année" in mairie.text
    assert "Armistice" not in mairie.text  # 11 November 2026, before the build date


def test_site_map_links_every_page_of_the_menu_and_footer(sample_site):
    links = hrefs(page(sample_site, "plan-du-site/index.html"))
    for slug in PROCEDURES:
        assert f"/demarches/{slug}/" in links
    for url in ["/demarches/", "/demarches/a-z/", "/guichets/", "/guichets/ccas/"]:
        assert url in links
    for url in ["/themes/papiers/", "/accessibilite/", "/mentions-legales/"]:
        assert url in links


def test_breadcrumbs_end_with_the_current_page(sample_site):
    crumbs = page(sample_site, "demarches/passeport/index.html").select_one("nav.breadcrumbs")
    assert hrefs(crumbs) == ["/", "/demarches/", "/themes/papiers/"]
    assert "Passeport" in texts(crumbs, "li[aria-current=page]")


def test_not_found_page_is_french_and_works_at_any_depth(sample_site):
    doc = page(sample_site, "404.html")
    assert "Page introuvable" in texts(doc, "h1")
    urls = [node.get(name) for name in ("href", "src") for node in doc.select(f"[{name}]")]
    assert urls  # only absolute paths:
    assert [url for url in urls if not re.match(r"/|#|https?:|tel:|mailto:", url)] == []


def test_stylesheet_is_small_and_needs_nothing_an_old_browser_lacks():
    css = CSS.read_text(encoding="utf-8")
    minified = re.sub(r"\s*([{}:;,>])\s*", r"\1", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert len(minified.strip().encode()) < 5000  # written into every page (issue 16)
    assert "img{max-width:100%;height:auto}" in minified
    for forbidden in ["var(--", "display:grid", "@import", "@font-face", "url(", "!important"]:
        assert forbidden not in minified, forbidden
    assert "@media print{" in minified
    assert 'a[href^="http"]:after' in minified and "attr(href)" in minified
    assert re.search(r"@media print\{[^@]*\.site-nav[^{]*\{display:none", minified)
    assert "@media screen and (prefers-color-scheme:dark){" in minified
    assert "</" not in minified  # it would end the <style> element it is written into


def test_menu_marks_the_current_section(sample_site):
    def current(path: str) -> list[str]:
        menu = page(sample_site, path).select_one("nav.site-nav")
        return [a.get("href") for a in menu.select("a[href][aria-current=page]")]

    assert current("demarches/passeport/index.html") == ["/demarches/"]
    assert current("guichets/ccas/index.html") == ["/guichets/"]
    assert current("plan-du-site/index.html") == ["/plan-du-site/"]
    assert current("index.html") == []
