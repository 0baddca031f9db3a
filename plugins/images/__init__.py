"""Images: every ``<img>`` of pages, news, procedures and counters, downscaled with Pillow.

Derivatives (several widths, metadata stripped, EXIF orientation applied, sRGB) are written to
``output/images/`` under content-hashed names and cached in ``cache/images/``; each tag gets
``srcset``/``sizes``, ``width``/``height`` and lazy loading. Settings: ``IMAGES_*`` in
``pelicanconf.py``. Problems (missing alt text, missing or unreadable file, remote URL…) stop
the build with French messages naming the page and the image.
"""

import logging

from pelican import signals

from guichet.messages import ContentErrors, Problem
from guichet.messages import images as msg

from .pipeline import run
from .plan import read_settings


def rewrite_images(generators) -> None:
    """After every generator read its content, before anything is written."""
    try:
        config = read_settings(generators[0].settings)
    except ValueError as error:
        problem = Problem(
            msg.SETTINGS_FILE, msg.BAD_SETTINGS.format(error=error), None, msg.BAD_SETTINGS_HINT
        )
        raise ContentErrors([problem]) from None
    generators[0].context["guichet_image_stats"] = run(generators, config)


class _OurAltCheckInstead(logging.Filter):
    """Pelican's reader warns in English about every ``alt=""``, decorative ones included; this
    plugin checks alt text itself (an error in French, decorative images allowed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Empty alt attribute for image")


_ALT_FILTER = _OurAltCheckInstead()


def register():
    logging.getLogger("pelican.readers").addFilter(_ALT_FILTER)
    signals.all_generators_finalized.connect(rewrite_images)
