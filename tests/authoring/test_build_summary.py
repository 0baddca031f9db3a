"""The one-line summary at the end of a build: what was built, warnings, time; quiet otherwise."""

from __future__ import annotations

import re

import pytest

from guichet.build import summary
from tests.authoring.report_run import CLEAN
from tests.conftest import run_build

LINE = re.compile(
    r"^✓ Site construit : (.+) ; (.+) ; en (\d+,\d) s(?: \(temps écoulé : (.+)\))?\.$"
)
PHASE = re.compile(r"^(pages|photos|fiches PDF) (\d+,\d) s$")


@pytest.mark.parametrize(
    ("context", "warnings", "parts", "alerts"),
    [
        (
            {"procedures": [1, 2], "counters": [1], "pages": []},
            0,
            "2 démarches, 1 guichet, 0 page",
            "aucun avertissement",
        ),
        (
            {
                "procedures": [1],
                "counters": [1, 2],
                "pages": [1, 2],
                "guichet_image_stats": {"images": 4},
                "guichet_flyer_stats": {"flyers": 1},
            },
            3,
            "1 démarche, 2 guichets, 2 pages, 4 images, 1 fiche PDF",
            "3 avertissements",
        ),
        (
            {"guichet_flyer_stats": {"flyers": 17}},
            1,
            "0 démarche, 0 guichet, 0 page, 17 fiches PDF",
            "1 avertissement",
        ),
    ],
)
def test_summary_counts_in_french(context, warnings, parts, alerts):
    line = summary(context, warnings, 2.04)
    assert LINE.match(line).groups() == (parts, alerts, "2,0", None)
    assert line.endswith("en 2,0 s.")


@pytest.mark.parametrize(
    ("spent", "shown"),
    [
        ({}, None),
        ({"print": 3.2, "images": 0.4}, "pages 1,0 s ; photos 0,4 s ; fiches PDF 3,2 s"),
        ({"print": 0.04}, "pages 4,6 s ; fiches PDF 0,0 s"),
        ({"images": 9.0}, "pages 0,0 s ; photos 9,0 s"),  # never a negative rest
    ],
)
def test_photos_and_pdfs_apart_from_the_pages(spent, shown):
    line = summary({}, 0, 4.64, spent)
    assert LINE.match(line).groups()[2:] == ("4,6", shown)


@pytest.mark.build
def test_clean_build_prints_one_line_only(tmp_path):
    """The clean fixture's counter shows a photo (content/images/mairie.jpg): the images
    plugin counts it, and would stop the build if it were missing."""
    build = run_build(CLEAN, tmp_path / "out")
    assert build.returncode == 0
    lines = build.output.strip().splitlines()
    assert len(lines) == 1
    parts, alerts, total, phases = LINE.match(lines[0]).groups()
    assert (parts, alerts) == (
        "2 démarches, 2 guichets, 1 page, 1 image (1 traitée, 0 en cache), 2 fiches PDF",
        "aucun avertissement",
    )
    # the photos' and PDFs' time apart, the rest called pages; the three add up to the total
    shown = [PHASE.match(phase).groups() for phase in phases.split(" ; ")]
    assert [name for name, _ in shown] == ["pages", "photos", "fiches PDF"]
    seconds = [float(value.replace(",", ".")) for _, value in shown]
    assert abs(sum(seconds) - float(total.replace(",", "."))) <= 0.15


@pytest.mark.build
def test_no_split_without_photos_or_pdfs(tmp_path, settings_file):
    """A build without the images and print plugins (the bench's core variant) says its time
    only."""
    settings = settings_file(
        "PLUGINS = [p for p in PLUGINS"
        " if p not in ('guichet_plugins.images', 'guichet_plugins.print')]\n"
    )
    build = run_build(CLEAN, tmp_path / "out", settings=str(settings))
    line = build.output.strip().splitlines()[-1]
    assert build.returncode == 0, build.output
    assert LINE.match(line).groups()[3] is None


@pytest.mark.build
def test_warnings_are_printed_then_counted(small_site, tmp_path):
    path = small_site / "demarches/carte-identite.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Verifie-le: 2026-10-15", "Verifie-le: 2024-01-01"
        ),
        encoding="utf-8",
    )
    build = run_build(small_site, tmp_path / "out")
    assert build.returncode == 0
    assert "vérifiée le 1er janvier 2024" in build.output
    # the summary goes to stdout, after the warnings (stderr) in a terminal
    summaries = [line for line in build.output.splitlines() if LINE.match(line)]
    shown = build.output.count("⚠ ")
    assert shown >= 2 and len(summaries) == 1 and f"; {shown} avertissements ;" in summaries[0]
