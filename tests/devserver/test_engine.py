"""The incremental engine: after an edit, every page that changed is rendered again, and each
page it renders has the bytes a full build writes (without PDFs, which follow in the background).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from guichet.preview.deps import pages_to_render
from guichet.preview.engine import Engine
from tests.conftest import BUILD_DATE_EPOCH, ROOT, run_build, settings_text

pytestmark = pytest.mark.build

NO_PDF_SETTINGS = settings_text('PLUGINS = [p for p in PLUGINS if p != "guichet_plugins.print"]\n')


def pages(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html") if p.is_file()
    }


@pytest.fixture
def town(tmp_path, monkeypatch, pelican_signals):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    settings = tmp_path / "no_pdf.py"
    settings.write_text(NO_PDF_SETTINGS, encoding="utf-8")
    engine = Engine(str(settings), tmp_path / "preview", str(content), tmp_path / "cache")
    first = engine.run(lambda snapshot: None)  # every page, as the devserver's first build
    assert first.ok, first.report
    return content, settings, engine, tmp_path


def full_build(content: Path, settings: Path, output: Path) -> dict[str, bytes]:
    build = run_build(content, output, settings=str(settings))
    assert build.returncode == 0, build.output
    return pages(output)


EDITS = {
    "procedure": (
        "demarches/carte-identite.md",
        "Titre: Carte nationale d'identité",
        "Titre: Carte d'identité (CNI)",
    ),
    "counter": ("guichets/mairie.md", "8h30-12h00", "9h00-12h00"),
    "page": ("pages/accessibilite.md", "Title: Déclaration", "Title: La déclaration"),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_an_edit_renders_every_changed_page_with_a_full_builds_bytes(town, kind):
    content, settings, engine, tmp = town
    name, old_text, new_text = EDITS[kind]
    before = full_build(content, settings, tmp / "before")
    source = content / name
    text = source.read_text(encoding="utf-8")
    assert old_text in text
    source.write_text(text.replace(old_text, new_text, 1), encoding="utf-8")

    old = engine.snapshot
    path = os.path.abspath(source)
    outcome = engine.run(lambda new: pages_to_render([path], old, new))
    assert outcome.ok, outcome.report
    after = full_build(content, settings, tmp / "after")

    changed = {page for page in after if before.get(page) != after[page]}
    assert changed, "the edit changes no page: the test would prove nothing"
    assert changed <= outcome.rendered
    assert len(outcome.rendered) < len(after)  # not a full render
    served = pages(tmp / "preview")
    for page in outcome.rendered:
        assert served[page] == after[page], page


def test_a_content_error_is_reported_in_french_and_nothing_is_written(town):
    content, _settings, engine, tmp = town
    source = content / "demarches" / "carte-identite.md"
    text = source.read_text(encoding="utf-8")
    page = tmp / "preview" / "demarches" / "carte-identite" / "index.html"
    kept = page.read_bytes()
    source.write_text(text.replace("Verifie-le: ", "Verifie-le: bientôt ", 1), encoding="utf-8")
    old = engine.snapshot
    outcome = engine.run(lambda new: pages_to_render([str(source)], old, new))
    assert not outcome.ok
    assert "content/demarches/carte-identite.md" in outcome.report
    assert "Le site n'a pas été construit" in outcome.report
    assert page.read_bytes() == kept


def test_a_new_procedure_renders_its_pages_and_every_list_it_joins(town):
    content, settings, engine, tmp = town
    before = full_build(content, settings, tmp / "before")
    model = (content / "demarches" / "carte-identite.md").read_text(encoding="utf-8")
    source = content / "demarches" / "passeport-urgent.md"
    source.write_text(
        model.replace("Titre: Carte nationale d'identité", "Titre: Passeport en urgence", 1),
        encoding="utf-8",
    )
    old = engine.snapshot
    outcome = engine.run(lambda new: pages_to_render([str(source)], old, new))
    assert outcome.ok, outcome.report
    after = full_build(content, settings, tmp / "after")
    changed = {page for page in after if before.get(page) != after[page]}
    assert "demarches/passeport-urgent/index.html" in changed
    assert changed <= outcome.rendered
    served = pages(tmp / "preview")
    for page in outcome.rendered:
        assert served[page] == after[page], page


def test_a_removed_counter_is_an_error_for_the_procedures_that_still_name_it(town):
    """Validation is remembered between runs by its arguments: the counters that exist are one
    of them, so unchanged procedures are checked again when a counter goes."""
    content, _settings, engine, _tmp = town
    (content / "guichets" / "ccas.md").unlink()
    outcome = engine.run(lambda new: None)
    assert not outcome.ok
    assert "content/demarches/aide-ccas.md" in outcome.report
    assert "content/demarches/domiciliation.md" in outcome.report


def test_the_functions_a_preview_run_remembers_are_the_ones_the_build_calls():
    """A renamed module or function would silently stop being remembered (and the preview of a
    1,000-procedure town would pay ~0.9 s of CPU more on every edit, as it once did)."""
    import importlib

    from guichet.preview.engine import MEMOISED

    for module_name, function_name in MEMOISED:
        module = importlib.import_module(module_name)
        assert callable(getattr(module, function_name, None)), (module_name, function_name)


def test_a_preview_run_leaves_the_open_data_files_to_the_full_build(town):
    content, _, engine, tmp_path = town
    data = tmp_path / "preview" / "donnees" / "guichets.json"  # as the full build left it
    data.parent.mkdir(exist_ok=True)
    data.write_text('{"guichets": "de la construction complète"}', encoding="utf-8")
    before = data.read_bytes()
    edited = content / "guichets/mairie.md"
    text = edited.read_text(encoding="utf-8")
    assert "8h30-12h00" in text
    edited.write_text(text.replace("8h30-12h00", "9h00-12h00"), encoding="utf-8")
    old = engine.snapshot
    outcome = engine.run(lambda new: pages_to_render([str(edited)], old, new))
    assert outcome.ok, outcome.report
    assert "guichets/mairie/index.html" in outcome.rendered
    assert data.read_bytes() == before  # the background full build writes the new one
    page = (tmp_path / "preview" / "guichets" / "mairie" / "index.html").read_text("utf-8")
    assert "De 9\u00a0h à 12\u00a0h" in page
    assert "/guichets/mairie/fermetures.ics" in page  # the counters' open data annotations


def test_runs_with_nothing_to_render_render_nothing_again_and_again(town):
    """Every page is named to the preview's writer on every run, the ones it skips included
    (flyer pages too): a page left unnamed would look new to the next run and be rendered again."""
    _content, _settings, engine, _tmp = town
    for _ in range(3):
        outcome = engine.run(lambda snapshot: set())
        assert outcome.ok, outcome.report
        assert outcome.rendered == set()
