"""make publish: build beside the published folder, check, swap in; never break the live site."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BUILD_DATE_EPOCH, ROOT, edit, tree_digest

pytestmark = pytest.mark.build

TEST_PLUGINS = ROOT / "tests" / "publish" / "fixtures" / "plugins"


def publish_command(content: Path, public: Path, *extra: str, settings="publishconf.py"):
    return [
        sys.executable,
        "-m",
        "guichet",
        "publish",
        "--settings",
        str(settings),
        "--content",
        str(content),
        "--dir",
        str(public),
        "--cache",
        str(public.parent / "cache"),
        *extra,
    ]


ENV = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "COLUMNS": "200"}


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)


def publish(content: Path, public: Path, *extra: str, settings="publishconf.py"):
    return run(publish_command(content, public, *extra, settings=settings))


def rollback(public: Path, *extra: str):
    command = [sys.executable, "-m", "guichet", "rollback", "--dir", str(public), *extra]
    return run(command)


def hidden_leftovers(public: Path) -> list[str]:
    return sorted(p.name for p in public.parent.glob(f".{public.name}.nouveau-*"))


@pytest.fixture
def published(small_site, tmp_path):
    """The small site published once into tmp/public."""
    public = tmp_path / "public"
    result = publish(small_site, public)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Site publié" in result.stdout
    return public


def test_publish_builds_the_site_into_the_published_folder(published):
    assert (published / "index.html").is_file()
    assert (published / "demarches" / "carte-identite" / "index.html").is_file()
    assert oct(published.stat().st_mode & 0o777) == "0o755"  # readable by the web server
    assert hidden_leftovers(published) == []


def test_a_content_error_leaves_the_published_site_byte_identical(small_site, published):
    before = tree_digest(published)
    edit(small_site / "guichets/mairie.md", "Telephone: 05 65 00 12 34", "Telephone: 05 65 00")
    result = publish(small_site, published)
    assert result.returncode == 1
    assert "Rien n'a été publié" in result.stderr
    assert "content/guichets/mairie.md" in result.stderr
    assert tree_digest(published) == before
    assert not published.with_name("public.precedent").exists()
    assert hidden_leftovers(published) == []


def test_publish_keeps_the_previous_version_and_rollback_swaps_back(small_site, published):
    first = tree_digest(published)
    edit(small_site / "demarches/carte-identite.md", "Cout: Gratuit", "Cout: 25 euros")
    result = publish(small_site, published)
    assert result.returncode == 0, result.stderr
    second = tree_digest(published)
    assert second != first
    previous = published.with_name("public.precedent")
    assert tree_digest(previous) == first
    result = rollback(published)
    assert result.returncode == 0, result.stderr
    assert "version précédente est de nouveau en ligne" in result.stdout
    assert tree_digest(published) == first
    assert tree_digest(previous) == second
    assert rollback(published).returncode == 0  # and back again
    assert tree_digest(published) == second


def test_unchanged_files_keep_their_date_so_browsers_keep_their_copy(small_site, published):
    dates = {p: p.stat().st_mtime_ns for p in published.rglob("*") if p.is_file()}
    time.sleep(0.02)
    edit(small_site / "demarches/carte-identite.md", "Cout: Gratuit", "Cout: 25 euros")
    assert publish(small_site, published).returncode == 0
    changed = sorted(
        str(p.relative_to(published))
        for p in published.rglob("*")
        if p.is_file() and p.stat().st_mtime_ns != dates.get(p)
    )
    assert "demarches/carte-identite/index.html" in changed
    assert "index.html" not in changed and "guichets/mairie/index.html" not in changed
    assert len(changed) < len(dates) / 2


def test_rollback_without_a_previous_version_says_so(published):
    result = rollback(published)
    assert result.returncode == 1
    assert "pas de version précédente" in result.stderr
    assert (published / "index.html").is_file()


STALLS = [  # SIGKILL leaves no chance to clean up: tried at the worst moment, before the swap
    (signal.SIGKILL, "finalized"),
    (signal.SIGTERM, "all_generators_finalized"),
    (signal.SIGTERM, "finalized"),
]


@pytest.mark.parametrize("sig, point", STALLS, ids=[f"{s.name}-{p}" for s, p in STALLS])
def test_a_killed_build_leaves_the_published_site_byte_identical(
    small_site, published, tmp_path, settings_file, sig, point
):
    before = tree_digest(published)
    marker = tmp_path / "stalled"
    settings = settings_file(
        f"PLUGIN_PATHS = [{str(TEST_PLUGINS)!r}]\nPLUGINS = PLUGINS + ['stall']\n"
        f"STALL_AT = {point!r}\nSTALL_MARKER = {str(marker)!r}\n",
        base="publishconf.py",
    )
    edit(small_site / "demarches/carte-identite.md", "Cout: Gratuit", "Cout: 25 euros")
    process = subprocess.Popen(
        publish_command(small_site, published, settings=settings),
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the build never reached the stall point"
            time.sleep(0.05)
        if point == "finalized":  # every page of the new version was written, not yet swapped
            (staging,) = published.parent.glob(".public.nouveau-*")
            assert (staging / "demarches/carte-identite/index.html").is_file()
        process.send_signal(sig)
        _out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode != 0
    assert tree_digest(published) == before
    assert not published.with_name("public.precedent").exists()
    if sig == signal.SIGTERM:
        assert "Publication interrompue" in err
        assert hidden_leftovers(published) == []  # cleaned up on the way out
    result = publish(small_site, published)  # the next publish works, and sweeps leftovers
    assert result.returncode == 0, result.stderr
    assert hidden_leftovers(published) == []
    assert "25 euros" in (published / "demarches/carte-identite/index.html").read_text()


def test_a_page_with_script_is_never_published(small_site, published, settings_file):
    before = tree_digest(published)
    settings = settings_file(
        f"PLUGIN_PATHS = [{str(TEST_PLUGINS)!r}]\nPLUGINS = PLUGINS + ['inject_script']\n",
        base="publishconf.py",
    )
    result = publish(small_site, published, settings=settings)
    assert result.returncode == 1
    assert "✗ demarches/index.html" in result.stderr
    assert "contient <script>" in result.stderr
    assert "Rien n'a été publié" in result.stderr
    assert tree_digest(published) == before
    assert hidden_leftovers(published) == []


def test_a_second_publish_at_the_same_time_is_refused(small_site, published):
    before = tree_digest(published)
    with open(published.parent / ".public.verrou", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = publish(small_site, published)
    assert result.returncode == 1
    assert "Une autre publication est en cours" in result.stderr
    assert tree_digest(published) == before


def test_rsync_uploads_and_later_sends_only_changed_files(small_site, published, tmp_path):
    remote = tmp_path / "serveur" / "www"
    remote.mkdir(parents=True)
    (remote / "vieux-fichier.html").write_text("à supprimer")
    result = publish(small_site, published, "--rsync", f"{remote}/")
    assert result.returncode == 0, result.stderr
    assert f"Envoyé vers {remote}/" in result.stdout
    assert tree_digest(remote) == tree_digest(published)
    inodes = {p.relative_to(remote): p.stat().st_ino for p in remote.rglob("*") if p.is_file()}

    edit(small_site / "demarches/carte-identite.md", "Cout: Gratuit", "Cout: 25 euros")
    result = publish(small_site, published, "--rsync", f"{remote}/")
    assert result.returncode == 0, result.stderr
    assert tree_digest(remote) == tree_digest(published)
    rewritten = sorted(
        str(p.relative_to(remote))
        for p in remote.rglob("*")
        if p.is_file() and inodes.get(p.relative_to(remote)) != p.stat().st_ino
    )
    changed = sorted(
        path
        for path, digest in tree_digest(published).items()
        if digest != tree_digest(published.with_name("public.precedent")).get(path)
    )
    assert rewritten == changed
    assert "demarches/carte-identite/index.html" in changed
    assert len(changed) < len(inodes) / 2  # deterministic output: most files did not change


def test_a_failed_upload_is_reported_in_french(small_site, tmp_path):
    result = publish(small_site, tmp_path / "public", "--rsync", "/nonexistent/dir/deep/")
    assert result.returncode == 1
    assert "L'envoi vers /nonexistent/dir/deep/ a échoué" in result.stderr
    assert (tmp_path / "public" / "index.html").is_file()  # the local publish did happen
