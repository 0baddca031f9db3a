"""Budgets over an output folder written by hand: each broken budget names the file."""

from __future__ import annotations

import gzip
import random

import pytest

from guichet_plugins.checks.budget import (
    Budgets,
    SiteChecker,
    file_at,
    gzip_size,
    served_gzip_size,
    site_path,
    url_of,
)

HEAD = '<!doctype html><html lang=fr><title>t</title><link rel=stylesheet href="/theme/s.css">'


def noise(size: int) -> str:
    """Text gzip cannot shrink much: words drawn at random, reproducibly."""
    rng = random.Random(size)
    return " ".join(f"{rng.getrandbits(40):x}" for _ in range(size // 11))


def output(tmp_path, pages: dict[str, str], css: str = "body{margin:0}"):
    for name, html in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    (tmp_path / "theme").mkdir(exist_ok=True)
    (tmp_path / "theme" / "s.css").write_text(css, encoding="utf-8")
    return tmp_path


def check(root, **budgets):
    checker = SiteChecker(root, Budgets(**budgets), frozenset({"www.val-daurore.fr"}), "output")
    return checker.check_site()


@pytest.mark.parametrize(
    ("relpath", "url"),
    [
        ("index.html", "/"),
        ("demarches/passeport/index.html", "/demarches/passeport/"),
        ("404.html", "/404.html"),
    ],
)
def test_url_of(relpath, url):
    assert url_of(relpath) == url


def local_file(url: str, base: str, root, hosts):
    path = site_path(url, base, hosts)
    return None if path is None else file_at(path, root.resolve())


def test_local_file_resolves_same_site_urls_only(tmp_path):
    root = output(tmp_path, {"demarches/x/index.html": HEAD})
    sheet = (tmp_path / "theme" / "s.css").resolve()
    base = "/demarches/x/index.html"
    hosts = frozenset({"www.val-daurore.fr"})
    assert local_file("/theme/s.css", base, root, hosts) == sheet
    assert local_file("../../theme/s.css?v=2", base, root, hosts) == sheet
    assert local_file("https://www.val-daurore.fr/theme/s.css", base, root, hosts) == sheet
    assert local_file("https://cdn.example.net/theme/s.css", base, root, hosts) is None
    assert local_file("/../../etc/passwd", base, root, hosts) is None
    assert local_file("/theme/absent.css", base, root, hosts) is None


def test_light_site_passes(tmp_path):
    root = output(tmp_path, {"index.html": HEAD + "<p>Bonjour</p>"})
    assert check(root) == []


def test_heavy_page_is_named_with_its_weight(tmp_path):
    heavy = HEAD + f"<p>{noise(40_000)}</p>"
    root = output(tmp_path, {"index.html": HEAD, "demarches/longue/index.html": heavy})
    problems = check(root)
    assert [p.source for p in problems] == ["output/demarches/longue/index.html"]
    message = problems[0].message
    assert "/demarches/longue/" in message and "14,6 Ko" in message
    assert "GUICHET_BUDGET_FIRST_VIEW_BYTES" in message
    assert problems[0].hint


def test_stylesheet_weight_counts_in_the_first_view(tmp_path):
    page = HEAD + "<p>Bonjour</p>"
    root = output(tmp_path, {"index.html": page}, css=f"/*{noise(40_000)}*/")
    css_gz = gzip_size((root / "theme" / "s.css").read_bytes())
    assert css_gz > 14_600
    assert len(check(root)) == 1
    assert check(root, first_view_bytes=css_gz + gzip_size(page.encode())) == []


def test_imported_stylesheet_counts_too(tmp_path):
    root = output(tmp_path, {"index.html": HEAD}, css='@import "extra.css";')
    (root / "theme" / "extra.css").write_text(f"/*{noise(40_000)}*/", encoding="utf-8")
    assert len(check(root)) == 1


PAGE = (HEAD + f"<p>{noise(3_000)}</p>").encode()
FAST = gzip.compress(PAGE, compresslevel=1, mtime=0)
"""gzip -1: a .gz of the right bytes, of another size than gzip -9's."""


@pytest.mark.parametrize(
    ("beside", "size"),
    [
        (FAST, len(FAST)),  # the .gz nginx will send holds the page: its size counts
        (None, gzip_size(PAGE)),
        (gzip.compress(PAGE[:-1], mtime=0), gzip_size(PAGE)),  # stale: one byte short
        (gzip.compress(PAGE + b"<p>", mtime=0), gzip_size(PAGE)),  # stale: longer
        (FAST + gzip.compress(b"x", mtime=0), gzip_size(PAGE)),  # a second member
        (FAST[:-8], gzip_size(PAGE)),  # truncated
        (b"not gzip at all", gzip_size(PAGE)),
    ],
)
def test_gzip_size_comes_from_the_gz_only_when_it_holds_the_page(tmp_path, beside, size):
    page = tmp_path / "index.html"
    page.write_bytes(PAGE)
    if beside is not None:
        (tmp_path / "index.html.gz").write_bytes(beside)
    assert len(FAST) != gzip_size(PAGE)
    assert served_gzip_size(page, PAGE) == size


def test_a_stale_small_gz_does_not_hide_a_heavy_page(tmp_path):
    heavy = HEAD + f"<p>{noise(40_000)}</p>"
    root = output(tmp_path, {"index.html": heavy})
    (root / "index.html.gz").write_bytes(gzip.compress(HEAD.encode(), mtime=0))  # last build's
    problems = check(root)
    assert [p.source for p in problems] == ["output/index.html"]


def test_a_stylesheet_linked_from_every_page_counts_on_every_page(tmp_path):
    heavy_css = f"/*{noise(40_000)}*/"
    pages = {"index.html": HEAD, "a/index.html": HEAD, "a/b/index.html": HEAD}
    problems = check(output(tmp_path, pages, css=heavy_css))
    assert sorted(p.source for p in problems) == [f"output/{name}" for name in sorted(pages)]


IMG = (
    '<img alt="Mairie" src="/images/m-640.jpg" '
    'srcset="/images/m-320.jpg 320w, /images/m-640.jpg 640w">'
)


@pytest.mark.parametrize(("small", "problems"), [(39_000, 0), (41_000, 1)])
def test_image_candidate_for_360px(tmp_path, small, problems):
    root = output(tmp_path, {"demarches/x/index.html": HEAD + IMG})
    (root / "images").mkdir()
    (root / "images" / "m-320.jpg").write_bytes(b"\xff" * small)
    (root / "images" / "m-640.jpg").write_bytes(b"\xff" * 90_000)  # larger screens: not checked
    found = check(root)
    assert len(found) == problems
    if problems:
        assert "output/images/m-320.jpg" in found[0].message
        assert "320 px" in found[0].message and "40,0 Ko" in found[0].message
        assert found[0].source == "output/demarches/x/index.html"


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<body onload="x()">', "<body onload>"),
        ('<a href="javascript:x()">x</a>', "javascript:"),
        ('<img src="https://tracker.example.net/p.gif" alt="">', "tracker.example.net"),
        ('<link rel="stylesheet" href="//fonts.example.org/c.css">', "fonts.example.org"),
    ],
)
def test_script_and_other_hosts_fail(tmp_path, html, words):
    root = output(tmp_path, {"index.html": HEAD + html})
    problems = check(root)
    assert len(problems) == 1
    assert problems[0].source == "output/index.html"
    assert words in problems[0].message
    assert "permis" in problems[0].message or "autre site" in problems[0].message


def test_own_public_host_is_this_site(tmp_path):
    html = HEAD + '<img src="https://www.val-daurore.fr/images/a.jpg" alt="">'
    assert check(output(tmp_path, {"index.html": html})) == []


def test_stylesheet_fetching_another_host_is_named_once(tmp_path):
    css = "@font-face{font-family:f;src:url(https://fonts.example.org/f.woff2)}"
    root = output(tmp_path, {"index.html": HEAD, "a/index.html": HEAD}, css=css)
    problems = check(root)
    assert [p.source for p in problems] == ["output/theme/s.css"]
    assert "fonts.example.org" in problems[0].message
