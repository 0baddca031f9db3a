"""Helpers of the import tests: the real CLI, text of a PDF, hours as read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_DATE_EPOCH, ROOT

FIXTURES = Path(__file__).parent / "fixtures"


def guichet(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    return subprocess.run(
        [sys.executable, "-m", "guichet", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def hours_of(counter) -> dict[str, str]:
    """Day → its hours as read aloud (``De 8 h 30 à 12 h et de 13 h 30 à 17 h 30``)."""
    return {
        tr.select_one("th").text: " ".join(tr.select_one("td").lines()).replace("\u00a0", " ")
        for tr in counter.select("table.hours tr")
    }
