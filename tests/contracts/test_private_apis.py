"""Every private API of Pelican, blinker, CPython and WeasyPrint that Guichet still uses, pinned
on the real object: an upgrade that changes one fails here, by name, instead of a build going
wrong somewhere else. Each test says where the use is; remove the test with the use."""

from __future__ import annotations

import inspect
import threading
from pathlib import Path

import pytest
from jinja2 import Template
from pelican import signals
from pelican.contents import Content
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer


def settings(tmp_path: Path, **more) -> dict:
    return {
        **DEFAULT_CONFIG,
        "PATH": str(tmp_path),
        "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SITEURL": "",
        **more,
    }


def content(tmp_path: Path, html: str = "<p>Texte</p>", cls=Content, **metadata) -> Content:
    return cls(
        html,
        metadata={"title": "Titre", "slug": "titre", **metadata},
        settings=settings(tmp_path),
        source_path=str(tmp_path / "titre.md"),
        context={"localsiteurl": ""},
    )


def test_writer_opens_every_page_through_open_w(tmp_path):
    """plugins/minify/writer.py: MinifyingWriter overrides ``Writer._open_w(filename, encoding,
    override)``, the one place every page Pelican writes goes through."""
    opened = []

    class Probe(Writer):
        def _open_w(self, filename, encoding, override=False):
            opened.append((str(filename), encoding, override))
            return super()._open_w(filename, encoding, override)

    conf = settings(tmp_path)
    writer = Probe(conf["OUTPUT_PATH"], settings=conf)
    writer.write_file("a/index.html", Template("<p>{{ word }}</p>"), {"word": "bonjour"})
    written = tmp_path / "out/a/index.html"
    assert written.read_text(encoding="utf-8") == "<p>bonjour</p>"
    assert opened == [(str(written), "utf-8", False)]


def test_urls_are_expanded_through_expand_settings(tmp_path):
    """plugins/procedures/contents.py: CachedURLs overrides ``Content._expand_settings(key,
    klass)``, which Pelican's ``url`` and ``save_as`` call on every access."""
    asked = []

    class Procedure(Content):
        def _expand_settings(self, key, klass=None):
            asked.append((key, klass))
            return super()._expand_settings(key, klass)

    made = Procedure(
        "<p>x</p>",
        metadata={"title": "T", "slug": "cni"},
        settings={**settings(tmp_path), "PROCEDURE_URL": "demarches/{slug}/"},
    )
    assert made.url == "demarches/cni/"
    assert made._expand_settings("url") == "demarches/cni/"
    assert ("url", None) in asked


def test_content_keeps_its_html_in_content_and_renders_it_memoised(tmp_path):
    """plugins/sanitize, documents and images rewrite ``content._content`` (sanitize also
    ``_summary``, which Pelican writes back over ``metadata["summary"]``); their problems go to
    ``content._context``; images drops what Pelican's ``memoized`` ``get_content`` kept
    (``.cache``, keyed by the object first): plugins/images/pipeline.py ``_forget_rendered``."""
    from guichet_plugins.images.pipeline import _forget_rendered

    made = content(tmp_path, "<p>avant</p>", summary="<p>résumé</p>")
    assert made._content == "<p>avant</p>"
    assert made._summary == "<p>résumé</p>"
    assert made._context == {"localsiteurl": ""}
    assert made.content == "<p>avant</p>"
    assert any(key[0] is made for key in made.get_content.cache)
    made._content = "<p>après</p>"
    assert made.content == "<p>avant</p>"  # memoised: why the images plugin forgets it
    _forget_rendered(made)
    assert made.content == "<p>après</p>"
    made._summary = "<p>autre</p>"  # sanitize keeps it as metadata["summary"]: Pelican copies
    made.refresh_metadata_intersite_links()  # it back when links are resolved
    assert made.metadata["summary"] == "<p>autre</p>"


def test_readers_cache_maps_each_file_to_its_stamp_and_reading(tmp_path):
    """plugins/procedures/plugin.py ``forget_old_readings`` goes through ``Readers._cache``:
    path → (file stamp, (HTML, metadata)); prefetch.py asks ``get_cached_data(path, None)``
    and stands in for ``Readers.readers[fmt]``, whose ``read(path)`` ``read_file`` calls."""
    page = tmp_path / "page.md"
    page.write_text("Title: Une page\n\nDu *texte*.\n", encoding="utf-8")
    conf = settings(tmp_path, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
    readers = Readers(conf, cache_name="Contract")
    assert readers.get_cached_data(str(page), None) is None
    read = []

    class Standin:
        def __init__(self, reader):
            self.reader = reader

        def read(self, path):
            read.append(path)
            return self.reader.read(path)

        def __getattr__(self, name):
            return getattr(self.reader, name)

    reader = readers.readers["md"]
    readers.readers["md"] = Standin(reader)
    found = readers.read_file(str(tmp_path), "page.md")
    readers.readers["md"] = reader
    assert read == [str(page)]
    assert isinstance(readers._cache, dict)
    _stamp, (html, metadata) = readers._cache[str(page)]
    assert html == found._content == "<p>Du <em>texte</em>.</p>"
    assert metadata["title"] == "Une page"
    assert readers.get_cached_data(str(page), None) == (html, metadata)
    del readers._cache[str(page)]
    assert readers.get_cached_data(str(page), None) is None


def test_pelican_gets_its_writer_from_get_writer(tmp_path):
    """guichet/preview/engine.py swaps ``Pelican._get_writer`` on the instance: ``run`` asks it
    for the writer every page is written with."""
    from pelican import Pelican
    from pelican.settings import read_settings

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages/a.md").write_text("Title: A\n\nTexte.\n", encoding="utf-8")
    conf = read_settings(
        override={
            "PATH": str(tmp_path),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "ARTICLE_PATHS": [],
            "PAGE_PATHS": ["pages"],
            "PLUGINS": [],
            "THEME": str(Path(inspect.getfile(Pelican)).parent / "themes/simple"),
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "STATIC_PATHS": [],
        }
    )
    pelican = Pelican(conf)
    original, written = pelican._get_writer, []

    def writer():
        made = original()
        real = made.write_file
        made.write_file = lambda name, *a, **k: (written.append(name), real(name, *a, **k))[1]
        return made

    pelican._get_writer = writer
    pelican.run()
    assert "pages/a.html" in written
    assert (tmp_path / "out/pages/a.html").is_file()


def test_signal_receivers_are_a_dict_whose_values_are_called(pelican_signals):
    """guichet/build.py ``timed_plugins`` replaces entries of blinker's ``Signal.receivers``
    (receiver id → the receiver or a weak reference to it) to time each plugin, then puts
    them back."""
    heard = []

    def receiver(sender):
        heard.append(("plain", sender))

    signals.finalized.connect(receiver)
    try:
        (receiver_id,) = [k for k, v in signals.finalized.receivers.items() if _is(v, receiver)]
        held = signals.finalized.receivers[receiver_id]
        signals.finalized.receivers[receiver_id] = lambda sender: heard.append(("timed", sender))
        signals.finalized.send("site")
        signals.finalized.receivers[receiver_id] = held
        signals.finalized.send("site")
    finally:
        signals.finalized.disconnect(receiver)
    assert heard == [("timed", "site"), ("plain", "site")]


def _is(held, receiver) -> bool:
    import weakref

    return (held() if isinstance(held, weakref.ref) else held) is receiver


def test_threading_says_when_the_interpreter_is_shutting_down():
    """guichet/processes.py reads ``threading._SHUTTING_DOWN`` (no KeyboardInterrupt raised
    while the command is already ending)."""
    assert threading._SHUTTING_DOWN is False


def test_weasyprint_pages_have_their_page_box():
    """tests/print/test_fetcher.py reads ``Page._page_box`` (the laid-out boxes) to see which
    stylesheet a render used."""
    import weasyprint

    document = weasyprint.HTML(string="<h1 style='font-size: 30pt'>Titre</h1>").render()
    h1 = document.pages[0]._page_box.children[0].children[0].children[0]
    assert h1.element_tag == "h1"
    assert h1.style["font_size"] == pytest.approx(40)
