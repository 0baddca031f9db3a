"""Shared fixtures: real builds of the sample town and of small sites, through the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE_EPOCH = "1795478400"  # 2026-11-24: the sample town's "today", so pages are stable


def settings_text(extra: str = "", base: str = "pelicanconf.py") -> str:
    """A settings file that starts from the project's ``base`` settings, then sets ``extra``."""
    return (
        "from guichet.settings import inherit\n"
        f"globals().update(inherit({str(ROOT / base)!r}))\n" + extra
    )


@pytest.fixture
def settings_file(tmp_path):
    """Write a settings file (see :func:`settings_text`) into the test's folder; its path."""

    def write(extra: str = "", base: str = "pelicanconf.py", name: str = "reglages.py") -> Path:
        path = tmp_path / name
        path.write_text(settings_text(extra, base), encoding="utf-8")
        return path

    return write


@dataclass
class Build:
    returncode: int
    output: str
    """stdout and stderr together, as staff see them in their terminal."""
    path: Path
    """The output folder."""


def run_build(
    content: Path, output: Path, cache: Path | None = None, settings: str = "pelicanconf.py"
) -> Build:
    """Build ``content`` into ``output`` with the real command (`python -m guichet build`)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "COLUMNS": "200"}
    cache = cache or output.parent / (output.name + "-cache")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "guichet",
            "build",
            "--settings",
            settings,
            "--content",
            str(content),
            "--output",
            str(output),
            "--cache",
            str(cache),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, output)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Build:
    """The bundled sample town, built once for the whole test run."""
    out = tmp_path_factory.mktemp("sample") / "output"
    build = run_build(ROOT / "content", out)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def sample_site(sample_build) -> Path:
    """Output folder of the sample town."""
    return sample_build.path


@pytest.fixture
def small_site(tmp_path):
    """A copy of the small valid fixture site, to break on purpose in a test."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "small", content)
    return content


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the whole run. Never skipped: a missing
    browser is a failure (`make test` installs it when running as root)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: run `make test` as root, or install chromium"
    )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def pelican_signals():
    """Pelican's signals given back as they were: a build run inside the test's process connects
    the plugins' receivers to these module-level signals, where they would act in every later
    test of that process (the minify writer's tests, say)."""
    import weakref

    import blinker
    from pelican import signals

    named = [s for s in vars(signals).values() if isinstance(s, blinker.Signal)]
    before = {id(s): set(s.receivers) for s in named}
    yield
    for signal in named:
        for key in set(signal.receivers) - before[id(signal)]:
            receiver = signal.receivers.get(key)
            if isinstance(receiver, weakref.ref):
                receiver = receiver()
            if receiver is not None:
                signal.disconnect(receiver)
