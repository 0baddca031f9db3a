"""Pure parts of the preview: which pages a change touches, and what is laid over a page."""

from __future__ import annotations

from guichet.messages import devserver as msg
from guichet.preview.deps import Owned, Snapshot, pages_to_render, procedure_pages
from guichet.preview.overlay import error_page, save_as_of, with_notice


def town(theme: str = "papiers", counters: tuple[str, ...] = ("mairie",)) -> Snapshot:
    snap = Snapshot(
        procedures={
            "/c/demarches/cni.md": Owned(
                ("demarches/cni/index.html", "demarches/cni/fiche/index.html"), theme, counters
            ),
            "/c/demarches/acte.md": Owned(
                ("demarches/acte/index.html",), "etat-civil", ("annexe",)
            ),
        },
        counters={
            "/c/guichets/mairie.md": Owned((), slug="mairie"),
            "/c/guichets/annexe.md": Owned((), slug="annexe"),
        },
        pages={"/c/pages/aide.md": Owned(("aide/index.html",))},
        theme_pages={
            "papiers": ("themes/papiers/index.html",),
            "etat-civil": ("themes/etat-civil/index.html",),
        },
        counter_pages={
            "mairie": ("guichets/mairie/index.html",),
            "annexe": ("guichets/annexe/index.html",),
        },
    )
    snap.written = frozenset(snap.owned() | {"index.html", "demarches/index.html"})
    return snap


def test_a_procedure_moved_to_another_theme_and_counter_renders_both_sides():
    old, new = town(), town("etat-civil", ("annexe",))
    pages = pages_to_render(["/c/demarches/cni.md"], old, new)
    assert {"themes/papiers/index.html", "themes/etat-civil/index.html"} <= pages
    assert {"guichets/mairie/index.html", "guichets/annexe/index.html"} <= pages
    assert {"demarches/cni/index.html", "index.html", "demarches/index.html"} <= pages
    assert "demarches/acte/index.html" not in pages


def test_a_counter_renders_the_procedures_it_serves_only():
    pages = pages_to_render(["/c/guichets/annexe.md"], town(), town())
    assert {"guichets/annexe/index.html", "demarches/acte/index.html"} <= pages
    assert "demarches/cni/index.html" not in pages
    assert "guichets/mairie/index.html" not in pages


def test_a_page_renders_itself_and_the_shared_pages():
    pages = pages_to_render(["/c/pages/aide.md"], town(), town())
    assert pages == {"aide/index.html", "index.html", "demarches/index.html"}


def test_a_removed_or_unknown_file_renders_everything():
    new = town()
    del new.procedures["/c/demarches/acte.md"]
    assert pages_to_render(["/c/demarches/acte.md"], town(), new) is None
    assert pages_to_render(["/c/images/photo.jpg"], town(), town()) is None


def test_procedure_pages_are_those_waiting_for_a_pdf():
    rendered = {"demarches/cni/index.html", "guichets/mairie/index.html", "index.html"}
    assert procedure_pages(town(), rendered) == {"demarches/cni/index.html"}


def test_the_notice_is_a_plain_line_at_the_top_of_the_main_content():
    page = b"<!doctype html><body><nav>menu</nav><main id=contenu><h1>CNI</h1></main>"
    shown = with_notice(page, msg.PDF_PENDING).decode()
    assert shown.index("<main id=contenu><p") < shown.index("<h1>")
    assert "en cours de préparation" in shown and "<script" not in shown


def test_the_error_page_quotes_the_report_escaped():
    page = error_page("✗ content/demarches/cni.md\n    « <b> » n'est pas une date.").decode()
    assert "« &lt;b&gt; » n'est pas une date." in page
    assert '<html lang="fr">' in page and "<script" not in page


def test_request_paths_map_to_output_files():
    assert save_as_of("/") == "index.html"
    assert save_as_of("/demarches/cni/?x=1") == "demarches/cni/index.html"
    assert save_as_of("/theme/css/guichet.css") == "theme/css/guichet.css"


def test_errors_are_shown_on_the_pages_of_the_file_even_a_new_one():
    from guichet.devserver import _pages_of

    settings = {
        "PATH": "/c",
        "PROCEDURE_PATHS": ["demarches"],
        "PROCEDURE_SAVE_AS": "demarches/{slug}/index.html",
        "PROCEDURE_FLYER_SAVE_AS": "demarches/{slug}/fiche/index.html",
        "COUNTER_PATHS": ["guichets"],
        "COUNTER_SAVE_AS": "guichets/{slug}/index.html",
    }
    assert _pages_of(["/c/guichets/mairie.md"], town(), settings) == {"guichets/mairie/index.html"}
    assert _pages_of(["/c/demarches/neuve.md"], town(), settings) == {
        "demarches/neuve/index.html",
        "demarches/neuve/fiche/index.html",
    }
    assert _pages_of(["/c/images/x.jpg"], None, settings) == set()
    # The town file has no page of its own: its errors are shown on every page (they were
    # shown only in the terminal).
    every = town()
    every.written = frozenset({"index.html", "demarches/cni/index.html", "aide/index.html"})
    assert _pages_of(["/c/commune.md"], every, settings) == set(every.written)
    assert _pages_of(["/c/images/x.jpg"], every, settings) == set()


def test_a_changed_settings_module_is_read_again(tmp_path, monkeypatch):
    import importlib
    import sys

    from guichet.devserver import _forget_modules

    (tmp_path / "reglages_test.py").write_text("LABEL = 'avant'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert importlib.import_module("reglages_test").LABEL == "avant"
    (tmp_path / "reglages_test.py").write_text("LABEL = 'après'\n", encoding="utf-8")
    _forget_modules([str(tmp_path / "reglages_test.py")])
    assert "reglages_test" not in sys.modules
    importlib.invalidate_caches()
    assert importlib.import_module("reglages_test").LABEL == "après"
