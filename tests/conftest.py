"""Shared fixtures: real builds of the sample town and of small sites, through the real CLI.

Two tiers (README, "Tests"): ``make test-fast`` runs what needs neither a full build in a
subprocess nor Chromium (markers ``build`` and ``browser`` excluded); ``make test`` runs all.
A test is marked ``build`` or ``browser`` by the fixtures it uses (even through other fixtures)
or by a mark of its own; in the fast tier an unmarked test that builds or opens Chromium fails,
naming the marker it lacks (:func:`starts_a_build`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE_EPOCH = "1795478400"  # 2026-11-24: the sample town's "today", so pages are stable
FAST = "GUICHET_TESTS_FAST"
"""Set by ``make test-fast``: a build in a subprocess then fails the test that starts it."""

BUILDING_FIXTURES = {"sample_build", "served_site", "imported"}
"""Fixtures that run a full build: a test using one (even through another fixture) is ``build``."""


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BUILDING_FIXTURES:
            item.add_marker(pytest.mark.build)
        if "browser" in names:
            item.add_marker(pytest.mark.browser)


def starts_a_build(marker: str = "build") -> None:
    """Called before a build (or a devserver, or Chromium) starts: refused in the fast tier."""
    if os.environ.get(FAST):
        pytest.fail(
            f"this test needs a full build or a browser: mark it `{marker}` "
            f"(pytestmark = pytest.mark.{marker}) so that `make test-fast` leaves it out",
            pytrace=False,
        )


def tree_digest(folder: Path) -> dict[str, str]:
    """Each file under ``folder`` (relative POSIX path) → the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def every_file(folder: Path, pattern: str) -> list[Path]:
    """The files under ``folder`` matching ``pattern``, sorted; at least one (a loop over them
    that runs zero times would pass without checking anything)."""
    files = sorted(p for p in folder.rglob(pattern) if p.is_file())
    assert files, f"no {pattern} under {folder}"
    return files


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in a file; ``old`` must be there (a changed fixture fails)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


VENV_SOURCES = ("requirements.txt", "requirements-dev.txt", "pyproject.toml")
"""What the Makefile installs ``.venv`` from: a copy's must be older than the shared ``.venv``, or
``make`` in the copy installs again, pointing the shared editable install at the copy."""


def fresh_copy(target: Path) -> Path:
    """The project's files as a fresh clone has them (tracked, plus new files not ignored), with
    a link to the checkout's ``.venv`` and ``node_modules``, which ``make`` then leaves alone."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)
    for name in VENV_SOURCES:
        os.utime(target / name, (0, 0))
    return target


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
    starts_a_build()
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

    starts_a_build("browser")
    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: run `make test` as root, or install chromium"
    )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(sample_site):
    """The sample town on 127.0.0.1, for the whole run: its base address."""
    from tests.browsing import served

    with served(sample_site) as base:
        yield base


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
