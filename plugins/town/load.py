"""Find content/commune.md and put the town into the settings. No Pelican: the build (through
the plugin), ``make verifier`` and ``make demarche`` all call :func:`apply_town`."""

from __future__ import annotations

import os
from pathlib import Path

from guichet.messages import ContentErrors, Problem
from guichet.messages import procedures as content_msg
from guichet.messages import town as msg

from .commune import parse_town_file
from .settings import TownSettings


def town_file(settings: dict) -> tuple[Path, Path]:
    """The town file to read, and where it was looked for first (``PATH``/GUICHET_TOWN_FILE).

    A content folder without its own town file (a test's or a benchmark's) gets
    GUICHET_TOWN_FALLBACK, the bundled sample town's; the project's own content folder never
    does, since its fallback is the very file that is missing.
    """
    content = Path(settings["PATH"])
    conf = TownSettings.from_pelican(settings)
    wanted, fallback = content / conf.file, conf.fallback
    if not wanted.is_file() and fallback and Path(fallback).is_file():
        return Path(fallback), wanted
    return wanted, wanted


def _shown(path: Path, content: Path) -> str:
    """``content/commune.md``: as staff see it from the project folder."""
    return os.path.relpath(path.resolve(), content.resolve().parent)


def _counter_slugs(settings: dict) -> list[str]:
    content = Path(settings["PATH"])
    slugs = []
    for folder in settings.get("COUNTER_PATHS", ["guichets"]):
        slugs += [p.stem for p in (content / folder).glob("*.md") if not p.name.startswith(".")]
    return slugs


def apply_town(settings: dict) -> dict:
    """Fill the town's settings from its file; raise ContentErrors (French) on any problem."""
    content = Path(settings["PATH"])
    path, wanted = town_file(settings)
    if not path.is_file():
        raise ContentErrors([Problem(_shown(wanted, content), msg.NO_FILE, None, msg.NO_FILE_HINT)])
    shown = _shown(path, content) if path == wanted else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problem = Problem(shown, content_msg.NOT_UTF8, None, content_msg.NOT_UTF8_HINT)
        raise ContentErrors([problem]) from None
    parsed = parse_town_file(text, shown, _counter_slugs(settings))
    if parsed.errors:
        raise ContentErrors(parsed.errors)
    settings.update(parsed.settings)
    settings["GUICHET_TOWN_SOURCE"] = str(path)
    return settings
