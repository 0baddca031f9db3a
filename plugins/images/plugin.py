"""The Pelican side of the images plugin: the signals it hooks (see ``__init__.py``)."""

import logging

from pelican import signals

from guichet.messages import ContentErrors, Problem
from guichet.messages import images as msg

from .early import EarlyStart
from .pipeline import run
from .plan import read_settings

_early: EarlyStart | None = None
"""Processes started on this build's images while its content is read (see early.py)."""


def start_early(generator) -> None:
    """As the first generator of a build is made, before any page is read: start decoding the
    images the content seems to use."""
    global _early
    if _early is not None and _early.context is generator.context:
        return
    if _early is not None:  # a build run earlier in this process stopped before its image step
        _early.close()
        _early = None
    settings = generator.settings
    try:
        early = EarlyStart(settings, read_settings(settings))
    except (ValueError, KeyError):
        return  # bad settings: the image step reports them
    early.context = generator.context
    _early = early
    try:
        early.scan()
    except Exception:  # only a head start: the image step does everything itself anyway
        logging.getLogger(__name__).debug("early start of the images failed", exc_info=True)


def rewrite_images(generators) -> None:
    """After every generator read its content, before anything is written."""
    global _early
    early, _early = _early, None
    try:
        config = read_settings(generators[0].settings)
    except ValueError as error:
        if early is not None:
            early.close()
        problem = Problem(
            msg.SETTINGS_FILE, msg.BAD_SETTINGS.format(error=error), None, msg.BAD_SETTINGS_HINT
        )
        raise ContentErrors([problem]) from None
    if early is not None and not early.fits(generators[0].settings, config):
        early.close()
        early = None
    generators[0].context["guichet_image_stats"] = run(generators, config, early)


class _OurAltCheckInstead(logging.Filter):
    """Pelican's reader warns in English about every ``alt=""``, decorative ones included; this
    plugin checks alt text itself (an error in French, decorative images allowed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Empty alt attribute for image")


_ALT_FILTER = _OurAltCheckInstead()


def register():
    logging.getLogger("pelican.readers").addFilter(_ALT_FILTER)
    signals.generator_init.connect(start_early)
    signals.all_generators_finalized.connect(rewrite_images)
