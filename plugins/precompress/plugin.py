"""The Pelican side of the precompress plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

from pelican import signals

from guichet_plugins import PACKAGE

from .background import Background, encodings_for
from .compress import precompress_tree
from .settings import PrecompressSettings

_background = Background()
_scanned: tuple[object, dict[str, dict]] | None = None
"""The build (its Pelican object) whose pages the child scanned, and the scans."""


def scanned_pages(pelican) -> dict[str, dict]:
    """This plugin's hand-off to the checks (run next): the scans of the pages its child
    compressed in the build of ``pelican`` (plugins/checks/memo.py), empty when it did not run."""
    return _scanned[1] if _scanned is not None and _scanned[0] is pelican else {}


def precompress_page(path: str, context: dict) -> None:
    conf = PrecompressSettings.from_pelican(context)
    if conf.enabled and path.lower().endswith(conf.extensions):
        scan = f"{PACKAGE}.checks" in context.get("PLUGINS", ())
        _background.submit(path, conf.brotli_quality, conf.min_bytes, scan)


def precompress_output(pelican) -> None:
    global _scanned
    done = _background.finish()
    _scanned = (pelican, _background.scans)
    conf = PrecompressSettings.from_pelican(pelican.settings)
    if not conf.enabled:
        return
    precompress_tree(
        pelican.output_path,
        extensions=conf.extensions,
        encodings=encodings_for(conf.brotli_quality),
        min_bytes=conf.min_bytes,
        done=done,
    )


def register():
    signals.content_written.connect(precompress_page)
    signals.finalized.connect(precompress_output)
