"""Precompress the built site for nginx: ``<file>.gz`` (``gzip_static on;``) and ``<file>.br``
(``brotli_static on;``, Debian package libnginx-mod-http-brotli-static) beside every text file.

Runs at ``finalized``, after minify (registered before it) and before checks. Settings:
``GUICHET_PRECOMPRESS`` (True), ``GUICHET_PRECOMPRESS_BROTLI`` (True),
``GUICHET_PRECOMPRESS_BROTLI_QUALITY`` (11), ``GUICHET_PRECOMPRESS_MIN_BYTES`` (256),
``GUICHET_PRECOMPRESS_EXTENSIONS``.
"""

from __future__ import annotations

from pelican import signals

from .compress import GZIP, brotli_encoding, precompress_tree

DEFAULT_EXTENSIONS = (".html", ".css", ".xml", ".txt", ".svg")


def precompress_output(pelican) -> None:
    settings = pelican.settings
    if not settings.get("GUICHET_PRECOMPRESS", True):
        return
    encodings = [GZIP]
    if settings.get("GUICHET_PRECOMPRESS_BROTLI", True):
        quality = int(settings.get("GUICHET_PRECOMPRESS_BROTLI_QUALITY", 11))
        encodings.append(brotli_encoding(quality))
    precompress_tree(
        pelican.output_path,
        extensions=settings.get("GUICHET_PRECOMPRESS_EXTENSIONS", DEFAULT_EXTENSIONS),
        encodings=encodings,
        min_bytes=int(settings.get("GUICHET_PRECOMPRESS_MIN_BYTES", 256)),
    )


def register():
    signals.finalized.connect(precompress_output)
