"""The devserver in a real process on a free port: each edit is served with a full build's
bytes, an invalid edit shows the French error page on the edited page only, and stopping the
devserver leaves no process behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest

from guichet.messages import devserver as msg
from tests.conftest import ROOT, run_build, settings_text
from tests.devserver_run import Devserver

pytestmark = pytest.mark.build

MONDAY_AT_9 = re.compile(r"Lundi(</th>)?<td>De 9")
"""The mairie's Monday row once its hours start at 9 (end tags kept or not by the minifier)."""

SETTINGS = settings_text()


def html_pages(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}


def url_of(page: str) -> str:
    return "/" + page.removesuffix("index.html")


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    settings = tmp_path / "conf.py"
    settings.write_text(SETTINGS, encoding="utf-8")
    server = Devserver(settings, content, tmp_path / "out", tmp_path / "cache")
    try:
        server.wait_for("Aperçu du site")
        yield server, content, settings, tmp_path
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def served_equals_full_build(server, content, settings, reference: Path) -> None:
    build = run_build(content, reference, settings=str(settings))
    assert build.returncode == 0, build.output
    full = html_pages(reference)
    for page, data in sorted(full.items()):
        assert server.get(url_of(page)) == data, page


def test_each_edit_is_served_with_a_full_builds_bytes(site):
    server, content, settings, tmp = site
    seen = 0
    steps = [
        (content / "demarches/carte-identite.md", "Titre: Carte nationale", "Titre: La carte"),
        (content / "guichets/mairie.md", "lundi : 8h30-12h00", "lundi : 9h00-12h00"),
        (content / "commune.md", "papiers : Papiers d'identité", "papiers : Papiers et identité"),
        (content / "pages/accessibilite.md", "Title: Déclaration", "Title: La déclaration"),
    ]
    for number, (path, old, new) in enumerate(steps):
        time.sleep(0.3)
        edit(path, old, new)
        seen = server.wait_for("Aperçu à jour", after=seen)
        seen = server.wait_for(msg.FULL_BUILD_READY, after=seen)
        served_equals_full_build(server, content, settings, tmp / f"reference-{number}")
    assert "La carte" in server.get("/demarches/carte-identite/").decode()
    assert MONDAY_AT_9.search(server.get("/guichets/mairie/").decode())
    assert "Papiers et identité" in server.get("/themes/papiers/").decode()


def test_a_procedure_page_says_its_pdf_is_coming_until_it_is_made(site):
    server, content, _settings, _tmp = site
    edit(content / "demarches/carte-identite.md", "Titre: Carte nationale", "Titre: La carte")
    seen = server.wait_for("Aperçu à jour")
    page = server.get("/demarches/carte-identite/").decode()
    # The background build may already be done on a fast machine: then the line is gone.
    done = any(msg.FULL_BUILD_READY in line for line in server.lines[seen:])
    assert "La carte" in page
    assert done or "la fiche PDF de cette démarche est en cours de préparation" in page
    server.wait_for(msg.FULL_BUILD_READY, after=seen)
    page = server.get("/demarches/carte-identite/").decode()
    assert "en cours de préparation" not in page
    assert "Télécharger la fiche (PDF" in page


def test_an_invalid_edit_shows_the_french_error_page_and_keeps_the_others(site):
    server, content, _settings, _tmp = site
    other = server.get("/demarches/")
    edit(content / "demarches/carte-identite.md", "Verifie-le: 2026-10-15", "Verifie-le: bientôt")
    seen = server.wait_for("dernière version correcte")
    terminal = "".join(server.lines[:seen])
    page = server.get("/demarches/carte-identite/").decode()
    assert "Cette page n'a pas pu être mise à jour" in page
    assert "« bientôt » n'est pas une date" in page
    assert "« bientôt » n'est pas une date" in terminal
    assert "<script" not in page
    assert server.get("/demarches/") == other
    edit(content / "demarches/carte-identite.md", "Verifie-le: bientôt", "Verifie-le: 2026-10-15")
    server.wait_for("Aperçu à jour", after=seen)
    assert "Cette page n'a pas pu" not in server.get("/demarches/carte-identite/").decode()


def processes() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, command line) of every live process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if stat[0] != "Z":
            found[int(entry.name)] = (int(stat[1]), command)
    return found


def descendants(pid: int) -> set[int]:
    table, found, todo = processes(), set(), [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, _command) in table.items():
            if ppid == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def still_alive(pids: set[int], marker: str) -> set[int]:
    table = processes()
    return {p for p in pids if p in table} | {
        p for p, (_ppid, command) in table.items() if marker in command and p != os.getpid()
    }


def stop_and_check(server: Devserver, how: signal.Signals, marker: str) -> None:
    family = descendants(server.process.pid)
    assert any("guichet build" in processes().get(p, (0, ""))[1] for p in family)
    server.process.send_signal(how)
    server.process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while still_alive(family, marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert still_alive(family, marker) == set()


def wait_for_workers(server: Devserver, count: int = 3) -> None:
    """Until the devserver has a build with workers (or a while has passed)."""
    deadline = time.monotonic() + 60
    while len(descendants(server.process.pid)) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_stopping_the_devserver_during_a_background_build_leaves_no_process(site, how):
    server, content, _settings, tmp = site
    edit(content / "guichets/mairie.md", "lundi : 8h30-12h00", "lundi : 9h00-12h00")
    server.wait_for("Aperçu à jour")  # the background build (PDFs) starts now
    wait_for_workers(server)
    stop_and_check(server, how, str(tmp / "out"))
    time.sleep(0.5)  # what the stopped devserver printed last has been read
    printed = "".join(server.lines)
    assert "a échoué" not in printed  # stopped by staff: nothing failed
    assert "Commande interrompue" not in printed  # the stopped background build's own words
    if how != signal.SIGKILL:
        assert msg.STOPPED in printed


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_stopping_the_devserver_during_its_first_build_leaves_no_process(tmp_path, how):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    server = Devserver(ROOT / "pelicanconf.py", content, tmp_path / "out", tmp_path / "cache")
    try:
        wait_for_workers(server)
        stop_and_check(server, how, str(tmp_path / "out"))
    finally:
        if server.process.poll() is None:
            server.process.kill()


def test_an_error_a_saved_file_causes_in_another_is_shown_on_that_file_s_page(site):
    """Deleting a counter breaks the procedures that name it: their pages say why, not only the
    terminal (the problems' files carry their line, « acte-naissance.md:4 »)."""
    server, content, _settings, _tmp = site
    (content / "guichets/mairie-annexe.md").unlink()
    server.wait_for("dernière version correcte")
    shown = server.get("/demarches/acte-naissance/").decode()
    assert "Cette page n'a pas pu être mise à jour" in shown
    assert "« mairie-annexe » n'existe pas" in shown


def test_a_file_saved_while_another_has_errors_is_shown_once_they_are_fixed(site):
    server, content, _settings, _tmp = site
    broken = content / "demarches/carte-identite.md"
    edit(broken, "Verifie-le: 2026-10-15", "Verifie-le: bientôt")
    seen = server.wait_for("dernière version correcte")
    time.sleep(0.3)
    edit(content / "guichets/mairie.md", "lundi : 8h30-12h00", "lundi : 9h00-12h00")
    seen = server.wait_for("dernière version correcte", after=seen)
    other = "/demarches/acte-naissance/"  # served by the counter, not by the broken procedure
    assert not MONDAY_AT_9.search(server.get(other).decode())  # still the last good version
    # The broken file's page still says why (it showed its last good version, no error), and
    # the page of the file just saved names the file to fix, not itself.
    for page in ("/demarches/carte-identite/", "/guichets/mairie/"):
        shown = server.get(page).decode()
        assert "Cette page n'a pas pu être mise à jour" in shown, page
        assert "content/demarches/carte-identite.md" in shown, page
    time.sleep(0.3)
    edit(broken, "Verifie-le: bientôt", "Verifie-le: 2026-10-15")
    seen = server.wait_for("Aperçu à jour", after=seen)
    assert MONDAY_AT_9.search(server.get(other).decode())
    assert not any(
        msg.FULL_BUILD_READY in line for line in server.lines[seen:]
    )  # not the full build
