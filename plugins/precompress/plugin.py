"""The Pelican side of the precompress plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

from pelican import signals

from guichet_plugins import PACKAGE

from .background import Background
from .compress import GZIP, Encoding, brotli_encoding, precompress_tree

DEFAULT_EXTENSIONS = (".html", ".css", ".xml", ".txt", ".svg")

_background = Background()
_scanned: tuple[object, dict[str, dict]] | None = None
"""The build (its Pelican object) whose pages the child scanned, and the scans."""


def scanned_pages(pelican) -> dict[str, dict]:
    """This plugin's hand-off to the checks (run next): the scans of the pages its child
    compressed in the build of ``pelican`` (plugins/checks/memo.py), empty when it did not run."""
    return _scanned[1] if _scanned is not None and _scanned[0] is pelican else {}


def brotli_quality(settings: dict) -> int | None:
    """Brotli's quality, or None when no ``.br`` is wanted."""
    if not settings.get("GUICHET_PRECOMPRESS_BROTLI", True):
        return None
    return int(settings.get("GUICHET_PRECOMPRESS_BROTLI_QUALITY", 11))


def encodings_from(settings: dict) -> list[Encoding]:
    quality = brotli_quality(settings)
    return [GZIP] if quality is None else [GZIP, brotli_encoding(quality)]


def extensions_from(settings: dict) -> tuple[str, ...]:
    extensions = settings.get("GUICHET_PRECOMPRESS_EXTENSIONS", DEFAULT_EXTENSIONS)
    return tuple(e.lower() for e in extensions)


def precompress_page(path: str, context: dict) -> None:
    if context.get("GUICHET_PRECOMPRESS", True) and path.lower().endswith(extensions_from(context)):
        min_bytes = int(context.get("GUICHET_PRECOMPRESS_MIN_BYTES", 256))
        scan = f"{PACKAGE}.checks" in context.get("PLUGINS", ())
        _background.submit(path, brotli_quality(context), min_bytes, scan)


def precompress_output(pelican) -> None:
    global _scanned
    done = _background.finish()
    _scanned = (pelican, _background.scans)
    settings = pelican.settings
    if not settings.get("GUICHET_PRECOMPRESS", True):
        return
    precompress_tree(
        pelican.output_path,
        extensions=extensions_from(settings),
        encodings=encodings_from(settings),
        min_bytes=int(settings.get("GUICHET_PRECOMPRESS_MIN_BYTES", 256)),
        done=done,
    )


def register():
    signals.content_written.connect(precompress_page)
    signals.finalized.connect(precompress_output)
