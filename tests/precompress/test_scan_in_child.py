"""With the checks on, precompress's child scans each page as it compresses it: the checks get,
for those bytes, exactly the entry they would have computed, and find the same problems."""

from __future__ import annotations

from pathlib import Path

from guichet_plugins.checks.budget import Budgets, SiteChecker, served_gzip_size
from guichet_plugins.checks.memo import ScanMemo, entry_for, from_data
from guichet_plugins.precompress.background import Background

PAGE = (
    '<!doctype html><html lang="fr"><title>Carte</title><link rel="stylesheet" href="/s.css">'
    + "<p>La mairie délivre les cartes d'identité sur rendez-vous.</p>" * 40
    + '<img src="https://ailleurs.example/photo.jpg" alt="Photo"><script>alert(1)</script>'
)


def site(tmp_path: Path) -> list[Path]:
    (tmp_path / "s.css").write_text("p{color:#111}" * 30, encoding="utf-8")
    pages = []
    for n in range(3):
        page = tmp_path / f"demarche-{n}" / "index.html"
        page.parent.mkdir()
        page.write_text(PAGE + f"<p>{n}</p>", encoding="utf-8")
        pages.append(page)
    return pages


def test_the_child_scans_pages_as_the_checks_would(tmp_path):
    background = Background()
    pages = site(tmp_path)
    for page in pages:
        background.submit(str(page), 5, 256, scan=True)
    background.finish()
    assert len(background.scans) == len(pages)
    for page in pages:
        data = page.read_bytes()
        key, entry = entry_for(data, lambda same, page=page: served_gzip_size(page, same))
        found = background.scans[key]  # through JSON: lists where the scan has tuples
        assert from_data(found["scan"]) == from_data(entry["scan"])
        assert found["gzip"] == entry["gzip"]


def test_the_checks_find_the_same_problems_from_the_childs_scans(tmp_path):
    background = Background()
    for page in site(tmp_path):
        background.submit(str(page), 5, 256, scan=True)
    background.finish()
    checker = SiteChecker(tmp_path, Budgets(), frozenset(), "output", ScanMemo(None))
    own = checker.check_site()
    memo = ScanMemo(None, background.scans)
    from_child = SiteChecker(tmp_path, Budgets(), frozenset(), "output", memo).check_site()
    assert memo.scanned == 0  # nothing parsed again
    assert from_child == own
    assert any("ailleurs.example" in p.message for p in own)


def test_without_the_checks_the_child_scans_nothing(tmp_path):
    background = Background()
    for page in site(tmp_path):
        background.submit(str(page), 5, 256)
    background.finish()
    assert background.scans == {}
