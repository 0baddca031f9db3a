"""The images plugin's settings: defaults here, documented in pelicanconf.py (docs/images.md).
``plan.read_settings`` reads them, with their range checks, into ``plan.Settings``."""

from __future__ import annotations

from guichet.keys import Key

KEYS = (
    Key("IMAGES_WIDTHS", (360, 640, 960), "list"),
    Key("IMAGES_DISPLAY_WIDTH", 640, "int"),
    Key("IMAGES_SIZES", "(max-width: 42em) calc(100vw - 2em), 40em", "str"),
    Key("IMAGES_JPEG_QUALITY", 72, "int"),
    Key("IMAGES_WEBP", True, "bool"),
    Key("IMAGES_WEBP_QUALITY", 70, "int"),
    Key("IMAGES_LOWTECH", False, "bool"),
    Key("IMAGES_MAX_PIXELS", 50_000_000, "int"),
    Key("IMAGES_SOURCE_DIR", "images", "str"),
    Key("IMAGES_OUTPUT_DIR", "images", "str"),
    Key("IMAGES_WORKERS", None, "int", optional=True),
    Key("IMAGES_PROGRESS_FROM", 20, "int"),
)
