"""Images: every ``<img>`` of pages, news, procedures and counters, downscaled with Pillow.

Derivatives (several widths, metadata stripped, EXIF orientation applied, sRGB) are written to
``output/images/`` under content-hashed names and cached in ``cache/images/``; each tag gets
``srcset``/``sizes``, ``width``/``height`` and lazy loading. Settings: ``IMAGES_*`` in
``pelicanconf.py``. Problems (missing alt text, missing or unreadable file, remote URL…) stop
the build with French messages naming the page and the image. Decoding starts before Pelican
reads the content (``early.py``): a cold build does not wait for every page to be read.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
