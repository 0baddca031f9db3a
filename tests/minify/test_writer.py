"""The writer that minifies pages on their way to the disk (plugins/minify/writer.py)."""

from __future__ import annotations

import os

from jinja2 import Template

import guichet_plugins.minify.writer as writer_module
from guichet_plugins.minify.minify import minify_html_text
from guichet_plugins.minify.plugin import minify_page
from guichet_plugins.minify.writer import MinifyingWriter, minified_paths
from tests.minify.samples import PAGE, fails

SETTINGS = {"GUICHET_MINIFY": True, "PAGINATED_TEMPLATES": {}}
RENDERED = Template(PAGE).render()  # Jinja drops the last newline


def write(tmp_path, name: str, settings: dict = SETTINGS) -> str:
    writer = MinifyingWriter(str(tmp_path), settings=settings)
    writer.write_file(name, Template(PAGE), {"localsiteurl": None})
    return (tmp_path / name).read_text(encoding="utf-8")


def test_a_page_reaches_the_disk_minified_and_is_not_read_again(tmp_path):
    page = tmp_path / "demarches" / "x" / "index.html"
    assert write(tmp_path, "demarches/x/index.html") == minify_html_text(PAGE)
    assert os.path.abspath(page) in minified_paths
    mtime = page.stat().st_mtime_ns
    minify_page(str(page), {"GUICHET_MINIFY": True, "OUTPUT_PATH": str(tmp_path)})
    assert os.path.abspath(page) not in minified_paths
    assert page.stat().st_mtime_ns == mtime


def test_other_files_and_minify_turned_off_are_written_as_rendered(tmp_path):
    assert write(tmp_path, "feeds/all.xml") == RENDERED
    off = {**SETTINGS, "GUICHET_MINIFY": False}
    assert write(tmp_path, "index.html", off) == RENDERED


def test_a_failing_minifier_writes_the_page_as_rendered_with_a_warning(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setattr(writer_module, "minify_html_text", fails)
    assert write(tmp_path, "demarches/y/index.html") == RENDERED
    assert "demarches/y/index.html" in caplog.text
    assert "n'a pas pu être allégé" in caplog.text


def test_a_page_already_on_disk_is_written_over_with_exactly_the_new_bytes(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>" + "ancienne page, plus longue que la nouvelle " * 200, encoding="utf-8")
    inode = page.stat().st_ino
    assert write(tmp_path, "index.html") == minify_html_text(PAGE)  # shorter: no old tail left
    assert page.stat().st_ino == inode  # the same file, written over in place


def test_a_page_whose_bytes_did_not_change_is_left_untouched(tmp_path):
    page = tmp_path / "index.html"
    write(tmp_path, "index.html")
    os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    assert write(tmp_path, "index.html") == minify_html_text(PAGE)
    assert page.stat().st_mtime_ns == 1_000_000_000


def test_a_page_written_twice_in_one_build_still_needs_override(tmp_path):
    import pytest
    from pelican.writers import FileOverwriteFailedError

    (tmp_path / "index.html").write_text("old", encoding="utf-8")
    writer = MinifyingWriter(str(tmp_path), settings=SETTINGS)
    writer.write_file("index.html", Template(PAGE), {"localsiteurl": None})
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("index.html", Template(PAGE), {"localsiteurl": None})
