"""The benchmark at a tiny size: the synthetic town is valid, and every figure is produced.

No timing thresholds: only that each figure exists, is positive where it must be, and that ratios
and targets are computed (or "n/a" with a reason when a plugin is not configured).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from bench import builds, figures, report, run
from bench.make_town import make_town
from bench.photos import camera_jpeg
from tests.conftest import run_build, tree_digest

SMALL_PHOTO = (640, 480)


def body(path: Path) -> str:
    """A Markdown file without its metadata header."""
    return path.read_text(encoding="utf-8").split("\n\n", 1)[1]


@pytest.mark.build
def test_town_builds_with_guichet_without_content_warnings(tmp_path):
    make_town(tmp_path / "town", procedures=8, counters=3, photos=2, photo_size=SMALL_PHOTO)
    build = run_build(tmp_path / "town" / "guichet", tmp_path / "out")
    assert build.returncode == 0, build.output
    assert "8 démarches, 3 guichets" in build.output
    assert "content/demarches" not in build.output and "content/guichets" not in build.output
    assert len(list((tmp_path / "out" / "demarches").glob("*/fiche/index.html"))) == 8


def test_town_is_deterministic_and_same_body_for_both_tools(tmp_path):
    first = make_town(tmp_path / "a", 6, 2, 2, seed=7, photo_size=SMALL_PHOTO)
    make_town(tmp_path / "b", 6, 2, 2, seed=7, photo_size=SMALL_PHOTO)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    for slug in first.slugs:
        guichet = tmp_path / "a" / "guichet" / "demarches" / f"{slug}.md"
        plain = tmp_path / "a" / "pelican" / "demarches" / f"{slug}.md"
        assert body(guichet) == body(plain)
        header = plain.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert [line.split(":")[0] for line in header.splitlines()] == [
            "Title",
            "Date",
            "Slug",
            "Summary",
            "Category",
        ]
        assert 550 <= len(body(guichet).split()) <= 800
    photos = sorted((tmp_path / "a" / "guichet" / "images").glob("*.jpg"))
    assert [p.name for p in photos] == ["photo-0000.jpg", "photo-0001.jpg"]
    assert "![Photo 1 du guichet" in body(
        tmp_path / "a" / "guichet" / "demarches" / f"{first.slugs[0]}.md"
    )


def test_camera_photo_is_camera_sized_and_weighs_like_one():
    data = camera_jpeg(1)
    assert Image.open(io.BytesIO(data)).size == (4000, 3000)
    assert 2_000_000 <= len(data) <= 5_000_000


FULL = ["procedures", "sanitize", "images", "print", "minify", "precompress", "checks"]


@pytest.mark.parametrize(
    ("variant", "plugins"),
    [
        ("core", ["procedures", "sanitize", "minify", "precompress", "checks"]),
        ("core+images", ["procedures", "sanitize", "images", "minify", "precompress", "checks"]),
        ("core+print", ["procedures", "sanitize", "print", "minify", "precompress", "checks"]),
        ("all", FULL),
    ],
)
def test_variants_leave_out_only_the_heavy_plugins(variant, plugins):
    assert builds.variant_plugins(variant, FULL) == (plugins, "")


def test_peak_memory_is_the_builds_own_not_the_benchmarks():
    ballast = bytearray(200 * 1024 * 1024)
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page: resident
    measure = builds.measure([sys.executable, "-c", "print('ok')"])
    assert measure.ok
    assert 1 < measure.peak_mib < 100
    assert measure.cpu_seconds > 0
    del ballast


def test_variant_with_an_absent_plugin_says_why():
    got, reason = builds.variant_plugins("core+print", ["procedures", "minify"])
    assert got is None
    assert "print" in reason


@pytest.fixture(scope="module")
def tiny_bench(tmp_path_factory):
    """The whole benchmark once, tiny: 5 procedures, 2 small photos, 1 run, sizes 5 and 10."""
    work = tmp_path_factory.mktemp("bench")
    code = run.main(
        [
            *("--procedures", "5", "--photos", "2", "--photo-size", "640x480"),
            *("--runs", "1", "--scales", "5,10", "--work", str(work / "work")),
            *("--json", str(work / "results.json"), "--report", str(work / "BENCHMARKS.md")),
        ]
    )
    assert code == 0
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    return results, (work / "BENCHMARKS.md").read_text(encoding="utf-8")


@pytest.mark.build
@pytest.mark.slow
def test_every_build_figure_is_measured(tiny_bench):
    results, _ = tiny_bench
    variants = results["main"]["variants"]
    for name in ("plain", "core", "all"):
        assert variants[name]["reason"] == "", variants[name]["reason"]
        for kind in ("cold", "noop", "edit"):
            (entry,) = variants[name][kind]
            assert entry["seconds"] > 0 and entry["cpu_seconds"] > 0 and entry["peak_mib"] > 10
        site = variants[name]["site"]
        assert site["files"] > 0 and site["bytes"] > 0 and site["html_pages"] > 5
        assert site["first_view_median"] > 0 and site["first_view_max"] > 0
        assert site["procedure_first_view_median"] > 0
    for name in ("core", "all"):
        assert variants[name]["cold"][0]["phases"]["write_s"] > 0
    for name in ("plain", "core"):  # plain Pelican loads the observing bench_stats plugin too
        (cold,) = variants[name]["cold"]
        assert cold["phases"]["read_s"] > 0 and cold["cpu_split"]["own_s"] > 0
    assert variants["plain"]["cold"][0]["cpu_split"]["children_s"] == 0  # one process
    for name, plugin in (("core+images", "images"), ("core+print", "print")):
        if plugin in results["base_plugins"]:
            assert variants[name]["cold"][0]["seconds"] > 0, variants[name]["reason"]
        else:
            assert plugin in variants[name]["reason"]


@pytest.mark.build
@pytest.mark.slow
def test_ratios_scaling_and_profile_are_computed(tiny_bench):
    results, _ = tiny_bench
    derived = results["derived"]
    for key in ("cold", "noop", "edit", "cpu", "noop_cpu", "edit_cpu", "peak_mib", "all_cold"):
        assert derived["ratios"][key] > 0
    for key in ("files", "bytes", "first_view_median", "first_view_max"):
        assert derived["site_ratios"]["core"][key] > 0
    for name in ("plain", "core"):
        scaling = derived["scaling"][name]
        assert [s["procedures"] for s in scaling["sizes"]] == [5, 10]
        assert all(s["cold"] > 0 and s["ms_per_procedure"] > 0 for s in scaling["sizes"])
        assert len(scaling["segments"]) == 1
    profile = results["profile"]
    assert len(profile["cumulative"]) == 20 and len(profile["tottime"]) == 20
    assert any("pelican" in row["function"] for row in profile["cumulative"])
    assert len(derived["targets"]) == 8
    for target in derived["targets"]:
        assert target["status"] in {"met", "missed", "n/a"}
        assert target["value"], target  # a figure, or the reason it is n/a


@pytest.mark.build
@pytest.mark.slow
def test_report_has_every_section_and_keeps_hand_written_ones(tiny_bench, tmp_path):
    results, text = tiny_bench
    for heading in (
        "### Targets (issues 6, 13 and 17)",
        "Where core's time goes against plain Pelican",
        "### Build time and memory (median)",
        "### Caching: what each build redid",
        "### Output and page weight (after a cold build)",
        "### Scaling",
        "### Profile of the cold core build (cProfile)",
        "## Theme weights",
        "## Minifier comparison",
        "## nginx requests per second",
    ):
        assert heading in text
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(text.replace("_To be written by the lead (theme branch)._", "Hand table."))
    report.write(path, results)
    rewritten = path.read_text(encoding="utf-8")
    assert "Hand table." in rewritten
    assert rewritten.count(report.BEGIN) == 1 and rewritten.count(report.END) == 1


@pytest.mark.build
@pytest.mark.slow
def test_report_warns_when_a_cold_build_did_no_image_work(tiny_bench):
    results, _ = tiny_bench
    results = json.loads(json.dumps(results))  # a copy: the fixture is shared
    cold = results["main"]["variants"]["all"]["stats"]["cold"]
    cold["image_stats"] = {"images": 2, "processed": 0}
    cold["flyer_stats"] = {"flyers": 5}
    results["derived"] = figures.derive(results)
    text = report.render(results)
    assert "The cold build decoded no image" in text
    assert "rendered no PDF" not in text


@pytest.mark.build
@pytest.mark.slow
def test_heavy_variants_build_cold_only_heavy_runs_times_but_all_is_rebuilt_every_run(tmp_path):
    town = make_town(tmp_path / "town", 3, 2, 1, photo_size=SMALL_PHOTO)
    main = run.bench_main(
        tmp_path / "town", tmp_path / "work", 2, builds.base_plugins(), town, heavy_runs=1
    )
    variants = main["variants"]
    assert [len(variants[name]["cold"]) for name in ("plain", "core")] == [2, 2]
    assert [len(variants[name]["cold"]) for name in run.HEAVY_VARIANTS] == [1, 1, 1]
    assert len(variants["all"]["noop"]) == len(variants["all"]["edit"]) == 2
    assert variants["all"]["reason"] == ""
    assert "checks left out" not in variants["core"]["note"]  # photos copied: budget lifted


@pytest.mark.build
@pytest.mark.slow
def test_preview_figures_are_measured_and_reported(tiny_bench):
    results, text = tiny_bench
    for town in ("town", "sample"):
        figures_ = results["preview"][town]
        assert len(figures_["procedure"]) == 1 and figures_["procedure"][0] > 0
        assert len(figures_["counter"]) == 1 and figures_["counter"][0] > 0
        assert figures_["counter_pages"] >= 2  # the counter's page and a procedure's
    assert "## Preview: from a file saved to its new bytes served" in text
    assert text.count("<!-- bench:preview:begin -->") == 1
