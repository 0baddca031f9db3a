"""Pure parts of the benchmark: page weight of an output folder, and targets from medians."""

from __future__ import annotations

import gzip
import re

import pytest

from bench import figures
from bench.sitestats import site_stats
from guichet_plugins.checks.budget import gzip_size


def test_first_view_counts_html_and_linked_css_with_imports(tmp_path):
    css = b"@import url('/theme/more.css');\nbody { color: #222; }\n"
    more = b"p { margin: 0 }\n" * 20
    html = b'<html><link rel="stylesheet" href="/theme/main.css"><p>bonjour</p></html>'
    lone = b'<html><link rel="stylesheet" href="/theme/gone.css"><p>x</p></html>'
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.css").write_bytes(css)
    (tmp_path / "theme" / "more.css").write_bytes(more)
    (tmp_path / "demarches" / "a-1").mkdir(parents=True)
    (tmp_path / "demarches" / "a-1" / "index.html").write_bytes(html)
    (tmp_path / "lone.html").write_bytes(lone)
    stats = site_stats(tmp_path, re.compile(r"demarches/[a-z0-9-]+-\d+/index\.html"))
    full = gzip_size(html) + gzip_size(css) + gzip_size(more)
    assert stats.files == 4
    assert stats.html_pages == 2
    assert stats.first_view_max == full
    assert stats.first_view_max_page == "demarches/a-1/index.html"
    assert stats.procedure_first_view_median == full
    assert stats.missing_css == ["theme/gone.css"]
    assert gzip_size(html) == len(gzip.compress(html, 9, mtime=0))


def test_first_view_counts_precompressed_files_as_served(tmp_path):
    """The ``.gz`` nginx sends counts, when it holds the file (the build's rule); a stale one
    does not."""
    html = b'<html><link rel="stylesheet" href="/s.css"><p>bonjour</p></html>'
    css = b"p { margin: 0 }"
    packed_html = gzip.compress(html, 1, mtime=0)
    (tmp_path / "index.html").write_bytes(html)
    (tmp_path / "index.html.gz").write_bytes(packed_html)
    (tmp_path / "s.css").write_bytes(css)
    (tmp_path / "s.css.gz").write_bytes(b"x" * 500)  # not the stylesheet: not what is sent
    stats = site_stats(tmp_path, re.compile(r"none"))
    assert stats.first_view_max == len(packed_html) + gzip_size(css)
    assert stats.html_pages == 1 and stats.files == 4


def results_with(all_noop: float, images_noop: int | None, flyers_noop: int | None) -> dict:
    """Minimal raw results: medians of one run each."""

    def runs(seconds):
        return [{"seconds": seconds, "cpu_seconds": seconds, "peak_mib": 60.0, "phases": None}]

    def variant(cold, noop, edit, stats=None):
        return {
            "plugins": [],
            "reason": "",
            "cold": runs(cold),
            "noop": runs(noop),
            "edit": runs(edit),
            "stats": stats or {},
        }

    noop_stats = {
        "image_stats": None if images_noop is None else {"images": 200, "processed": images_noop},
        "flyer_stats": None if flyers_noop is None else {"flyers": flyers_noop},
    }
    return {
        "params": {"procedures": 1000, "photos": 200},
        "main": {
            "variants": {
                "plain": variant(4.0, 3.0, 3.0),
                "core": variant(4.4, 1.0, 1.0),
                "core+images": variant(24.4, 0, 0),
                "core+print": variant(50.0, 0, 0),
                "all": variant(70.0, all_noop, 5.0, {"noop": noop_stats}),
            }
        },
        "scaling": [
            {"procedures": 100, "variants": {"core": {"cold": runs(1.0), "reason": ""}}},
            {"procedures": 1000, "variants": {"core": {"cold": runs(4.4), "reason": ""}}},
            {"procedures": 5000, "variants": {"core": {"cold": runs(20.0), "reason": ""}}},
        ],
    }


def statuses(results: dict) -> dict[str, str]:
    return {t["target"].split(" (")[0]: t["status"] for t in figures.derive(results)["targets"]}


@pytest.mark.parametrize(
    ("noop", "images", "flyers", "expected_speed", "expected_counts"),
    [
        (7.0, 0, 0, "met", "met"),
        (30.0, 0, 0, "missed", "met"),
        (7.0, 3, 0, "met", "missed"),
        (7.0, 0, 1000, "met", "missed"),
        (7.0, None, None, "met", "n/a"),
    ],
)
def test_noop_targets(noop, images, flyers, expected_speed, expected_counts):
    got = statuses(results_with(noop, images, flyers))
    assert got["no-op rebuild ≤ 0.3× cold build"] == expected_speed
    assert got["no-op rebuild decodes 0 images and renders 0 PDFs"] == expected_counts


def test_costs_ratios_and_growth_from_medians():
    derived = figures.derive(results_with(7.0, 0, 0))
    assert derived["images_cost"]["seconds"] == pytest.approx(20.0)
    assert derived["pdf_cost"]["seconds"] == pytest.approx(45.6)
    assert derived["ratios"]["cold"] == pytest.approx(1.1)
    segments = derived["scaling"]["core"]["segments"]
    assert [s["to"] for s in segments] == [1000, 5000]
    assert segments[-1]["exponent"] == pytest.approx(0.941, abs=0.001)
    got = statuses(results_with(7.0, 0, 0))
    assert got["Guichet without images and PDFs ≤ 1.2× plain Pelican"] == "met"
    assert got["200 photos processed cold ≤ 25.0 s"] == "met"
    assert got["all flyer PDFs and the booklet for 1000 procedures ≤ 20.0 s"] == "missed"  # 45.6 s
    assert got["growth no worse than linear"] == "met"


@pytest.mark.parametrize(("print_cold", "expected"), [(24.3, "met"), (24.5, "missed")])
def test_the_pdf_target_is_20_seconds_per_1000_procedures(print_cold, expected):
    results = results_with(7.0, 0, 0)
    results["main"]["variants"]["core+print"]["cold"][0]["seconds"] = print_cold  # core: 4.4 s
    got = statuses(results)
    assert got["all flyer PDFs and the booklet for 1000 procedures ≤ 20.0 s"] == expected


@pytest.mark.parametrize(
    ("wall_5000", "cpu_5000", "expected"),
    [
        (20.0, 20.0, "met"),  # 4.4 s → 20 s for 5× the procedures: exponent 0.94
        (60.0, 20.0, "met"),  # a burst of load on the wall clock only
        (20.0, 60.0, "missed"),  # the work itself grew faster than the site
    ],
)
def test_growth_target_reads_cpu_time(wall_5000, cpu_5000, expected):
    results = results_with(7.0, 0, 0)
    (entry,) = results["scaling"][2]["variants"]["core"]["cold"]
    entry["seconds"], entry["cpu_seconds"] = wall_5000, cpu_5000
    assert statuses(results)["growth no worse than linear"] == expected
