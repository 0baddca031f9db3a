"""A large town (more procedures than GUICHET_LIST_SPLIT): every list page stays within the
first-view budget, and every procedure stays reachable from A–Z and from the site map.

One real build of a generated town (bench/make_town.py, no photos, no PDFs: 800 flyers would take
minutes and change no list page), with the checks plugin that fails a build over budget.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest

from bench.make_town import make_town
from tests.conftest import ROOT, every_file, run_build, settings_text

pytestmark = pytest.mark.build

PROCEDURES = 800
"""~114 per theme (7 themes): theme pages in two parts with GUICHET_LIST_SPLIT = 80."""
LINK = re.compile(r"""<a\b[^>]*?\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
SETTINGS = settings_text('PLUGINS = [p for p in PLUGINS if p != "guichet_plugins.print"]\n')


@pytest.fixture(scope="module")
def large_town(tmp_path_factory):
    base = tmp_path_factory.mktemp("large-town")
    town = make_town(base / "town", procedures=PROCEDURES, counters=3, photos=0, seed=11)
    settings = base / "settings.py"
    settings.write_text(SETTINGS, encoding="utf-8")
    build = run_build(base / "town" / "guichet", base / "output", settings=str(settings))
    return town, build


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def links(html: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in LINK.finditer(html)]


def crawl(site: Path, start: str, follow: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """Pages reached from ``start`` following links under ``follow``; procedure slugs seen."""
    seen, slugs, queue = {start}, set(), deque([start])
    while queue:
        for href in links(page(site, queue.popleft())):
            match = re.fullmatch(r"/demarches/([^/]+)/", href)
            if match and match.group(1) != "a-z":
                slugs.add(match.group(1))
            if href.startswith(follow) and href.endswith("/") and href not in seen:  # pages,
                # not files (a counter's closures, fermetures.ics)
                seen.add(href)
                queue.append(href)
    return seen, slugs


def test_the_large_town_builds_with_every_page_within_budget(large_town):
    _, build = large_town
    assert build.returncode == 0, build.output
    assert "trop lourde" not in build.output


def test_every_procedure_is_reachable_from_the_a_z_letter_pages(large_town):
    town, build = large_town
    pages, slugs = crawl(build.path, "/demarches/a-z/", ("/demarches/a-z/",))
    assert slugs == set(town.slugs)
    assert len(pages) > 5  # the index, and letters (some in several parts)
    assert "/demarches/a-z/r/2/" in pages  # the synthetic town has ~150 titles starting with R


def test_every_procedure_is_reachable_from_the_site_map_through_theme_pages(large_town):
    town, build = large_town
    site_map = page(build.path, "/plan-du-site/")
    assert not any(re.fullmatch(r"/demarches/(?!a-z/)[^/]+/", h) for h in links(site_map))
    pages, slugs = crawl(build.path, "/plan-du-site/", ("/themes/",))
    assert slugs == set(town.slugs)
    assert any(re.fullmatch(r"/themes/[^/]+/2/", p) for p in pages)  # a theme in two parts


def test_the_index_by_theme_shows_a_few_per_theme_and_links_to_all_of_each(large_town):
    _, build = large_town
    html = page(build.path, "/demarches/")
    assert len(re.findall(r"Toutes les démarches du thème « [^»]+ » \(\d+\)", html)) == 7
    procedure_links = [h for h in links(html) if re.fullmatch(r"/demarches/(?!a-z/)[^/]+/", h)]
    assert len(procedure_links) <= 7 * 5


def test_list_pages_are_labelled_navigations_with_distinct_titles(large_town):
    _, build = large_town
    pages, _ = crawl(build.path, "/demarches/a-z/", ("/demarches/a-z/",))
    theme_pages, _ = crawl(build.path, "/plan-du-site/", ("/themes/",))
    titles = [TITLE.search(page(build.path, url)).group(1) for url in pages | theme_pages]
    assert len(set(titles)) == len(titles)
    letter = page(build.path, "/demarches/a-z/r/2/")
    assert 'aria-label="Démarches par lettre"' in letter
    assert 'aria-label="Pages de la lettre R"' in letter
    assert "<h1>Démarches de A à Z : lettre R, page 2 sur" in letter
    assert re.search(r"aria-current=\"?page\"?>Lettre R, page 2 sur \d", letter)


def test_a_counter_with_many_procedures_lists_them_on_pages_of_its_own(large_town):
    town, build = large_town
    # 3 counters share 800 procedures: each handles ~267, listed beneath the counter's page
    pages, slugs = crawl(build.path, "/guichets/", ("/guichets/",))
    assert slugs == set(town.slugs)
    assert "/guichets/mairie/demarches/2/" in pages
    counter = page(build.path, "/guichets/mairie/")
    assert re.search(r"Les \d+ démarches possibles à ce guichet", counter)
    assert not any(re.fullmatch(r"/demarches/(?!a-z/)[^/]+/", h) for h in links(counter))


def test_list_pages_weigh_less_than_the_first_view_budget(large_town):
    from guichet_plugins.checks.budget import Budgets, SiteChecker

    _, build = large_town
    checker = SiteChecker(build.path, Budgets(), frozenset(), "output")  # the build's rule
    pages, _ = crawl(build.path, "/demarches/a-z/", ("/demarches/a-z/",))
    theme_pages, _ = crawl(build.path, "/plan-du-site/", ("/themes/",))
    counter_pages, _ = crawl(build.path, "/guichets/", ("/guichets/",))
    for url in pages | theme_pages | counter_pages | {"/demarches/", "/plan-du-site/"}:
        view = checker.first_view(build.path / url.lstrip("/") / "index.html")
        assert 0 < view.total <= Budgets().first_view_bytes, url


def test_the_sample_town_keeps_its_full_lists(sample_site):
    slugs = {p.stem for p in (ROOT / "content" / "demarches").glob("*.md")}
    for url in ("/demarches/a-z/", "/demarches/", "/plan-du-site/"):
        html = page(sample_site, url)
        shown = {m.group(1) for h in links(html) if (m := re.fullmatch(r"/demarches/([^/]+)/", h))}
        assert shown - {"a-z"} == slugs, url
        assert "Démarches par lettre" not in html and "Toutes les démarches du thème" not in html
    assert not (sample_site / "demarches" / "a-z" / "a").exists()
    assert not any((sample_site / "guichets").glob("*/demarches"))
    assert "démarches possibles à ce guichet</a>" not in page(sample_site, "/guichets/mairie/")
    assert not any((sample_site / "themes").glob("*/2"))


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
                                    "wcag22aa", "best-practice"]},
    resultTypes: ["violations"],
  });
  return result.violations.map(v => v.id + ": " + v.nodes.slice(0, 3).map(
    n => n.target.join(" ")).join(" | "));
}"""
TARGETS = """() => [...document.querySelectorAll(".letters a")].map(a => {
  const r = a.getBoundingClientRect(); return [a.textContent, r.width, r.height];
})"""


@pytest.mark.browser
@pytest.mark.parametrize(
    "url",
    [
        "/demarches/a-z/",
        "/demarches/a-z/r/2/",
        "/themes/papiers/2/",
        "/guichets/mairie/demarches/",
        "/demarches/",
        "/plan-du-site/",
    ],
)
def test_large_town_list_pages_pass_axe_with_comfortable_targets(large_town, browser, url):
    _, build = large_town

    def serve(route):
        path = route.request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        file = build.path / path
        if file.is_dir() or not path:
            file = file / "index.html"
        kind = "text/css" if file.suffix == ".css" else "text/html"
        route.fulfill(status=200, body=file.read_bytes(), content_type=kind)

    page_ = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page_.route("http://town.test/**", serve)
        page_.goto(f"http://town.test{url}")
        page_.add_script_tag(path=str(AXE))
        assert page_.evaluate(RUN_AXE) == []
        for text, width, height in page_.evaluate(TARGETS):
            assert width >= 24 and height >= 24, text
    finally:
        page_.close()


def test_the_sitemap_lists_every_page_of_the_large_town(large_town):
    """plugins/opendata: the split lists (themes, letters, counters' pages) are in it too."""
    from xml.etree import ElementTree

    _, build = large_town
    root = ElementTree.fromstring((build.path / "sitemap.xml").read_bytes())
    listed = {
        u.text.split("//", 1)[1].split("/", 1)[1] for u in root.iter() if u.tag.endswith("loc")
    }
    for path in every_file(build.path, "index.html"):
        relative = path.parent.relative_to(build.path).as_posix()
        if not relative.endswith("fiche"):
            assert ("" if relative == "." else relative + "/") in listed, relative
