"""Scans remembered between builds (plugins/checks/memo.py): an unchanged page is not parsed
again, and a remembered page still fails the build for what it holds."""

from __future__ import annotations

import json

from guichet_plugins.checks.budget import Budgets, SiteChecker, gzip_size
from guichet_plugins.checks.memo import ScanMemo, from_data, to_data
from guichet_plugins.checks.scan import scan_html

RICH = (
    '<!doctype html><html lang=fr><title>t</title><link rel=stylesheet href="/theme/s.css">'
    '<script src="https://cdn.example.net/x.js"></script><a href="javascript:go()" onclick="x()">'
    'a</a><img srcset="a-360.jpg 360w, a-640.jpg 640w" src="a-640.jpg" alt="">'
    '<img src="b.png" alt=""><div style="background:url(https://pix.example.org/p.gif)"></div>'
)


def test_a_scan_survives_the_round_trip_through_json():
    found = scan_html(RICH)
    assert found.scripts == 1 and found.images and found.resources and found.handlers
    assert from_data(json.loads(json.dumps(to_data(found)))) == found


def test_an_unchanged_page_is_not_parsed_by_the_next_build(tmp_path):
    file = tmp_path / "scans.json"
    first = ScanMemo(file)
    assert first.scan(RICH.encode(), gzip_size) == (scan_html(RICH), gzip_size(RICH.encode()))
    first.save()
    second = ScanMemo(file)
    assert second.scan(RICH.encode(), gzip_size) == (scan_html(RICH), gzip_size(RICH.encode()))
    assert (first.scanned, second.scanned) == (1, 0)
    changed = (RICH + "<p>x</p>").encode()
    assert second.scan(changed, gzip_size)[1] == gzip_size(changed)
    assert second.scanned == 1


def test_the_file_keeps_only_the_last_build_and_forgets_another_scanner(tmp_path):
    file = tmp_path / "scans.json"
    first = ScanMemo(file)
    first.scan(b"<p>a</p>", gzip_size), first.scan(b"<p>b</p>", gzip_size)
    first.save()
    second = ScanMemo(file)
    second.scan(b"<p>b</p>", gzip_size)
    second.save()
    assert len(json.loads(file.read_text())["pages"]) == 1
    data = json.loads(file.read_text())
    file.write_text(json.dumps({**data, "scanner": "another"}))
    third = ScanMemo(file)
    third.scan(b"<p>b</p>", gzip_size)
    assert third.scanned == 1


def test_a_damaged_file_or_entry_means_scanning_again(tmp_path):
    file = tmp_path / "scans.json"
    for text in ("{not json", "[]", '{"scanner": 1}'):
        file.write_text(text)
        memo = ScanMemo(file)
        assert memo.scan(RICH.encode(), gzip_size)[0] == scan_html(RICH)
        assert memo.scanned == 1
    memo = ScanMemo(file)
    memo.scan(RICH.encode(), gzip_size)
    memo.save()
    data = json.loads(file.read_text())
    for entry in data["pages"].values():
        entry["scan"] = {"stylesheets": []}  # missing fields
    file.write_text(json.dumps(data))
    memo = ScanMemo(file)
    assert memo.scan(RICH.encode(), gzip_size)[0] == scan_html(RICH)
    assert memo.scanned == 1


def test_a_remembered_page_still_breaks_its_budgets(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "s.css").write_text("body{margin:0}")
    (tmp_path / "index.html").write_text(RICH)
    file = tmp_path / "cache" / "scans.json"
    reports = []
    for _ in range(2):
        memo = ScanMemo(file)
        checker = SiteChecker(
            tmp_path, Budgets(), frozenset({"www.val-daurore.fr"}), "output", memo
        )
        reports.append(checker.check_site())
        memo.save()
    assert reports[0] and reports[0] == reports[1]
    assert memo.scanned == 0
