"""Precompress the built site for nginx: ``<file>.gz`` (``gzip_static on;``) and ``<file>.br``
(``brotli_static on;``, Debian package libnginx-mod-http-brotli-static) beside every text file.

Each page is compressed in a child process (background.py) as soon as Pelican has written it
(``content_written``, after minify, registered before this plugin), while the next pages are
rendered. At ``finalized`` (after minify's stylesheets, before checks) every text file of the
output is gone through: what the child did from the bytes still there is kept, the rest is
compressed (stylesheets, copied files, a page changed since). With the checks plugin on, the
child also scans each page for it (``plugin.scanned_pages``). Settings:
``GUICHET_PRECOMPRESS`` (True), ``GUICHET_PRECOMPRESS_BROTLI`` (True),
``GUICHET_PRECOMPRESS_BROTLI_QUALITY`` (11), ``GUICHET_PRECOMPRESS_MIN_BYTES`` (256),
``GUICHET_PRECOMPRESS_EXTENSIONS``.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
