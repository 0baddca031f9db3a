"""The French guide, followed literally on a fresh copy of the project.

The guide marks what a test must do with HTML comments (invisible once rendered) just before a
fenced block: ``<!-- test: commande -->`` (run it, it succeeds), ``<!-- test: commande qui
échoue -->`` (run it, it fails), ``<!-- test: sortie -->`` (these lines are in what the last
command printed), ``<!-- test: fichier PATH -->`` (what staff save in PATH once filled in).
Commands run with ``make`` as staff type them; the copy links the shared ``.venv`` (no install).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import BUILD_DATE_EPOCH, ROOT, fresh_copy

GUIDE = ROOT / "docs/guide-redaction.md"
STEP = re.compile(r"<!-- test: (.+?) -->\n```(\w+)\n(.*?)```", re.S)


def guide_steps() -> list[tuple[str, str]]:
    return [(kind.strip(), body) for kind, _lang, body in STEP.findall(GUIDE.read_text("utf-8"))]


def test_guide_marks_a_complete_walkthrough():
    kinds = [kind for kind, _ in guide_steps()]
    assert kinds.count("commande") >= 3
    failing = kinds.index("commande qui échoue")
    filled = next(i for i, k in enumerate(kinds) if k.startswith("fichier "))
    assert kinds[0] == "commande" and failing < filled < len(kinds) - 1
    assert kinds[failing + 1] == "sortie"


def test_every_command_of_the_guide_is_a_make_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split())
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(commands) >= 6
    for command in commands:
        words = command.split()
        assert words[0] == "make" and words[1] in phony, command


@pytest.mark.build
@pytest.mark.slow
def test_following_the_guide_literally_creates_validates_and_builds(tmp_path):
    repo = fresh_copy(tmp_path / "guichet")
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "COLUMNS": "200"}
    env.pop("MAKEFLAGS", None)
    last_output = ""
    for kind, body in guide_steps():
        if kind.startswith("fichier "):
            path = repo / kind.removeprefix("fichier ").strip()
            new_notice = path.parent.name == "avis"  # a notice is a file staff create
            assert path.is_file() or new_notice, f"earlier commands should have created {path}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        elif kind == "sortie":
            for line in body.splitlines():
                assert line in last_output, (line, last_output)
        else:
            result = subprocess.run(
                body.strip(),
                shell=True,
                cwd=repo,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            last_output = result.stdout + result.stderr
            assert "Traceback" not in last_output
            if kind == "commande":
                assert result.returncode == 0, (body, last_output)
            else:
                assert result.returncode != 0, (body, last_output)

    page = repo / "output/demarches/livret-famille/index.html"
    assert "Livret de famille : en obtenir un second" in page.read_text(encoding="utf-8")
    assert (repo / "output/demarches/livret-famille/fiche/index.html").is_file()
    assert "livret-famille.md" in (repo / "rapport/index.html").read_text(encoding="utf-8")
    assert not (repo / "output/rapport").exists()
    # Part 9 (a theme added in commune.md), part 12 (a notice), part 15 (published).
    published = (repo / "public/demarches/livret-famille/index.html").read_text(encoding="utf-8")
    assert "La mairie sera fermée le lundi 30 novembre après-midi" in published
    assert "mediatheque : Médiathèque" in (repo / "content/commune.md").read_text("utf-8")


ERROR = re.compile(r"<!-- test: erreur -->\n```text\n(.*?)```", re.S)
MISTAKES = {
    # The mistakes behind the guide's part 13, each message copied from a real build.
    "demarches/mariage.md": [
        ("Guichets: mairie\n", "Guichets: mairie-principale\n"),
        ("Verifie-le: 2026-05-20", "Verifie-le: 31/09/2026"),
    ],
    "demarches/pacs.md": [("Cout: ", "Cout ")],
    "demarches/passeport.md": [
        ("## Étapes", "## Etapes a suivre"),
        ("Theme: papiers", "Theme: Papiers d identité"),
    ],
    "guichets/mairie.md": [
        ("    mardi : 8h30-12h00", "    mardi : 8h30 à midi"),
        ("    samedi : 9h-12h", "    samedi 9h-12h"),
        ("Telephone: 05 36 49 10 00", "Telephone: 05 36 49 10"),
        ("Fermetures: 11/11/2026 : Armistice", "Fermetures: 11 novembre : Armistice"),
    ],
    # Over a year before the sample's "today" (2026-11-24), whatever date the sample has now.
    "demarches/certificat-urbanisme.md": [
        (re.compile(r"^Verifie-le: .*$", re.M), "Verifie-le: 2025-06-12"),
    ],
}


@pytest.mark.build
def test_the_guides_error_messages_are_what_the_build_prints(tmp_path):
    from tests.conftest import run_build

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for name, changes in MISTAKES.items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            if isinstance(old, re.Pattern):
                text, count = old.subn(new, text, count=1)
                assert count == 1, (name, old.pattern)
            else:
                assert old in text, (name, old)
                text = text.replace(old, new, 1)
            assert new in text, (name, new)
        path.write_text(text, encoding="utf-8")
    build = run_build(content, tmp_path / "out")
    assert build.returncode == 1
    blocks = ERROR.findall(GUIDE.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    for block in blocks:
        for line in filter(None, block.splitlines()):
            assert line in build.output, line


GUIDE_MISTAKES = {
    # Part 16's messages for what is read outside procedures and counters, each from a real build.
    "erreur-document": (
        "demarches/domiciliation.md",
        "documents/demande-domiciliation.pdf",
        "documents/demande-domicilation.pdf",
    ),
    "erreur-commune": (
        "commune.md",
        "Accessibilite: partiellement conforme",
        "Accessibilite: conforme",
    ),
}


@pytest.mark.build
@pytest.mark.parametrize("marker", sorted(GUIDE_MISTAKES))
def test_the_guides_town_and_document_messages_are_what_the_build_prints(marker, tmp_path):
    from tests.conftest import run_build

    name, old, new = GUIDE_MISTAKES[marker]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    build = run_build(content, tmp_path / "out")
    assert build.returncode == 1
    block = re.search(
        rf"<!-- test: {marker} -->\n```text\n(.*?)```", GUIDE.read_text("utf-8"), re.S
    )
    for line in filter(None, block.group(1).splitlines()):
        assert line in build.output, (line, build.output)


def test_the_guide_explains_every_town_and_notice_field():
    from guichet_plugins.notices.notices import LABELS as NOTICE_FIELDS
    from guichet_plugins.town.commune import LABELS as TOWN_FIELDS

    guide = GUIDE.read_text(encoding="utf-8")
    for label in [*TOWN_FIELDS.values(), *NOTICE_FIELDS.values()]:
        assert f"| `{label}` |" in guide, label
        assert f"{label}: " in guide, label


def test_the_guide_explains_every_field():
    from guichet_plugins.procedures.validation import COUNTER_FIELDS, PROCEDURE_FIELDS

    guide = GUIDE.read_text(encoding="utf-8")
    for label in [*PROCEDURE_FIELDS.values(), *COUNTER_FIELDS.values()]:
        assert f"| `{label}` |" in guide, label
        assert f"{label}: " in guide, label  # with an example


def test_the_guide_marks_decorative_images_as_the_build_does():
    """One convention: the title the images plugin (and the report) read, never a class."""
    from guichet.decorative import is_decorative

    guide = GUIDE.read_text("utf-8")
    titles = re.findall(r'!\[\]\(images/[^)\s]+ "([^"]+)"\)', guide)
    assert titles and all(is_decorative(title) for title in titles)
    assert "{: ." not in guide
