"""`make publish` then `make rollback`, typed as the guide says, on a fresh copy of the project:
rollback finds the site where publish put it, without its settings being repeated."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import BUILD_DATE_EPOCH, fresh_copy

pytestmark = pytest.mark.build


def make(repo, *words):
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "COLUMNS": "200"}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(
        ["make", *words], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def rename(repo, name):
    town = repo / "content" / "commune.md"
    lines = town.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = f"Commune: {name}\n"
    lines[1] = f"Nom-du-site: Mairie de {name}\n"
    town.write_text("".join(lines), encoding="utf-8")


def home(folder) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_rollback_after_publish_with_defaults_and_with_another_folder(tmp_path):
    repo = fresh_copy(tmp_path / "guichet")
    rename(repo, "Premier-Nom")
    first = make(repo, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Site publié dans public/" in first.stdout
    rename(repo, "Second-Nom")
    assert make(repo, "publish").returncode == 0
    assert "Mairie de Second-Nom" in home(repo / "public")

    back = make(repo, "rollback")
    assert back.returncode == 0, back.stdout + back.stderr
    assert "Mairie de Premier-Nom" in home(repo / "public")

    # Published elsewhere once (PUBLISH_DIR given), rolled back without repeating it.
    elsewhere = tmp_path / "www"
    assert make(repo, "publish", f"PUBLISH_DIR={elsewhere}").returncode == 0
    rename(repo, "Troisieme-Nom")
    assert make(repo, "publish", f"PUBLISH_DIR={elsewhere}").returncode == 0
    assert "Mairie de Troisieme-Nom" in home(elsewhere)
    again = make(repo, "rollback")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Mairie de Second-Nom" in home(elsewhere)
    assert "Mairie de Premier-Nom" in home(repo / "public")  # untouched
