"""What each kind of page shows, on the built sample town (and one small build with a PDF)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, run_build
from tests.theme.pages import html_files, is_flyer

PROCEDURES = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))
CSS = ROOT / "theme" / "static" / "css" / "guichet.css"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def position(html: str, pattern: str) -> int:
    match = re.search(pattern, html)
    assert match, pattern
    return match.start()


def test_home_shows_procedures_themes_and_how_to_come_without_internet(sample_site):
    html = read(sample_site, "index.html")
    assert "<h1>Mairie de Val-d&#39;Aurore</h1>" in html
    assert 'href="/demarches/carte-identite/"' in html  # "Populaire: oui"
    assert 'href="/demarches/domiciliation/"' not in html  # not popular: in its theme only
    assert 'href="/themes/etat-civil/"' in html
    offline = html[position(html, 'id="sans-internet"') :]
    assert 'href="tel:+33536491000"' in offline
    assert "1 place de la Mairie" in offline
    assert "<caption>Horaires d'ouverture" in offline
    assert offline.count('<th scope="row">') == 7


def test_every_page_links_to_the_accessibility_statement(sample_site):
    for path in html_files(sample_site):
        if not is_flyer(path):
            html = path.read_text(encoding="utf-8")
            assert '<a href="/accessibilite/">Accessibilité : partiellement conforme</a>' in html, (
                path
            )


def test_procedure_is_a_start_page_with_the_offline_way_beside_the_online_one(sample_site):
    online = 0
    for slug in PROCEDURES:
        html = read(sample_site, f"demarches/{slug}/index.html")
        h1 = position(html, "<h1>")
        assert position(html, r'<p class="lead">') > h1
        assert re.search(r'</h1>\s*<p class="lead">', html), slug  # the summary comes first
        documents = position(html, r'<div class="checklist">\s*<ul>')
        steps = position(html, r'<div class="steps">\s*<ol>')
        offline = position(html, r'<section class="offline"')
        assert h1 < documents < steps < offline, slug
        if "Service-en-ligne:" in (ROOT / f"content/demarches/{slug}.md").read_text("utf-8"):
            online += 1
            assert re.search(
                r'<section class="online".*?</section>\s*<section class="offline"', html, re.S
            )
        assert re.search(r'Vérifié le <time datetime="\d{4}-\d\d-\d\d">\d', html), slug
        assert f'<a href="/demarches/{slug}/fiche/">Imprimer la fiche</a>' in html
        assert "Télécharger la fiche" not in html  # no PDF without the print plugin
    assert online >= 3


def test_hours_are_a_table_with_one_row_per_day(sample_site):
    html = read(sample_site, "guichets/mairie/index.html")
    table = re.search(r'<table class="hours">.*?</table>', html, re.S).group(0)
    days = re.findall(r'<th scope="row">(\w+)</th>', table)
    assert days == ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    assert "De 8\u00a0h\u00a030 à 12\u00a0h<br>et de 13\u00a0h\u00a030 à 17\u00a0h\u00a030" in table
    assert "<td>Fermé</td>" in table


def test_counter_page_shows_access_closures_and_procedures_handled(sample_site):
    html = read(sample_site, "guichets/mairie-annexe/index.html")
    assert "<h2>Accès</h2>" in html and "une rampe est installée" in html
    assert 'href="/demarches/listes-electorales/"' in html
    assert 'href="/demarches/passeport/"' not in html  # the annex has no fingerprint device
    assert "fermeture d&#39;été" not in html  # August 2026: over at the build date
    mairie = read(sample_site, "guichets/mairie/index.html")
    assert "Du 24 décembre 2026 au 2 janvier 2027 : congés de fin d&#39;année" in mairie
    assert "Armistice" not in mairie  # 11 November 2026, before the build date


def test_site_map_links_every_page_of_the_menu_and_footer(sample_site):
    html = read(sample_site, "plan-du-site/index.html")
    for slug in PROCEDURES:
        assert f'href="/demarches/{slug}/"' in html
    for url in ["/demarches/", "/demarches/a-z/", "/guichets/", "/guichets/ccas/"]:
        assert f'href="{url}"' in html
    for url in ["/themes/papiers/", "/accessibilite/", "/mentions-legales/"]:
        assert f'href="{url}"' in html


def test_breadcrumbs_end_with_the_current_page(sample_site):
    html = read(sample_site, "demarches/passeport/index.html")
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", "/demarches/", "/themes/papiers/"]
    assert '<li aria-current="page">Passeport</li>' in crumbs


def test_not_found_page_is_french_and_works_at_any_depth(sample_site):
    html = read(sample_site, "404.html")
    assert "<h1>Page introuvable</h1>" in html
    assert not re.search(r'(href|src)="(?!/|#|https?:|tel:|mailto:)', html)  # only absolute paths


def test_pdf_link_shows_its_size_when_the_print_plugin_sets_it(small_site, tmp_path):
    """A stand-in for the ``print`` plugin sets ``procedure.pdf_size``, as its contract says."""
    plugin = tmp_path / "plugins" / "fake_print"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        "from pelican import signals\n\n\n"
        "def set_sizes(generators):\n"
        "    for generator in generators:\n"
        "        for procedure in getattr(generator, 'procedures', []):\n"
        "            procedure.pdf_size = 12_345\n\n\n"
        "def register():\n"
        "    signals.all_generators_finalized.connect(set_sizes)\n"
    )
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PLUGIN_PATHS = [*PLUGIN_PATHS, {str(plugin.parent)!r}]\n"
        "PLUGINS = [*PLUGINS, 'fake_print']\n"
    )
    build = run_build(small_site, tmp_path / "out", settings=str(settings))
    assert build.returncode == 0, build.output
    html = (build.path / "demarches/carte-identite/index.html").read_text(encoding="utf-8")
    assert (
        '<a href="/demarches/carte-identite/fiche.pdf" type="application/pdf">'
        "Télécharger la fiche (PDF, 12 Ko)</a>"
    ) in html
    assert '<a href="/demarches/carte-identite/fiche/">Imprimer la fiche</a>' in html


def test_stylesheet_is_small_and_needs_nothing_an_old_browser_lacks():
    css = CSS.read_text(encoding="utf-8")
    minified = re.sub(r"\s*([{}:;,>])\s*", r"\1", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert len(minified.strip().encode()) < 4096
    assert "img{max-width:100%;height:auto}" in minified
    for forbidden in ["var(--", "display:grid", "@import", "@font-face", "url(", "!important"]:
        assert forbidden not in minified, forbidden
    assert "@media print{" in minified
    assert 'a[href^="http"]:after' in minified and "attr(href)" in minified
    assert re.search(r"@media print\{[^@]*\.site-nav[^{]*\{display:none", minified)


def test_menu_marks_the_current_section(sample_site):
    def current(path: str) -> list[str]:
        menu = re.search(r'<nav class="site-nav".*?</nav>', read(sample_site, path), re.S).group(0)
        return re.findall(r'<a href="([^"]+)" aria-current="page">', menu)

    assert current("demarches/passeport/index.html") == ["/demarches/"]
    assert current("guichets/ccas/index.html") == ["/guichets/"]
    assert current("plan-du-site/index.html") == ["/plan-du-site/"]
    assert current("index.html") == []
