"""How PDFs are made, in one place: part of every cache key."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from pathlib import Path

TEMPLATE = Path(__file__).with_name("flyer.typ")
"""The Typst template of a flyer (renders content.FlyerContent)."""

PDF_STANDARDS = ["ua-1"]
"""Tagged PDF/UA-1: title, language and structure for screen readers."""

TIMESTAMP = 0
"""The date written in every PDF (1970-01-01): the same flyer always gives the same bytes."""

FONT_PATHS = (Path("/usr/share/fonts/truetype/dejavu"),)
"""DejaVu Sans (Debian's fonts-dejavu-core, on every machine of this project and in
tools/system-deps.sh), read from its folder: no system font discovery. Without it Typst falls
back on the fonts built into it, and the build goes on."""

PAGE_HEIGHT_MM = 297.0
MARGIN_Y_MM = 10.0
"""A4, and the top and bottom margins of flyer.typ."""

SAFETY_MM = 4
"""Room kept free at the bottom of every flyer: browsers lay the printable page out a little
differently."""

FRONT_SAFETY_MM = 20
"""Room kept free at the foot of the front of a recto-verso flyer (before « Suite au verso »):
a browser lays the flyer page's head out taller than Typst (17 mm more in Chromium, measured on
a front of six counters), and the front's last counter must not go over to the back there (a
third page). A front fuller than this takes the next level (smaller type, then flowing)."""


@cache
def engine_version() -> str:
    """A new Typst, template, fonts or code of this plugin may give other PDFs: new keys."""
    code = [p.read_text("utf-8") for p in sorted(TEMPLATE.parent.glob("*.py"))]
    fonts = sorted(
        f"{p.name}:{p.stat().st_size}"
        for folder in FONT_PATHS
        if folder.is_dir()
        for p in folder.iterdir()
    )
    return (
        f"typst {version('typst')} {PDF_STANDARDS} {TIMESTAMP} {TEMPLATE.read_text('utf-8')} "
        f"{fonts} {code}"
    )
