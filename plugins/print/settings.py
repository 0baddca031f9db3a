"""The print plugin's settings: defaults here, documented in pelicanconf.py. The plugin reads
them with the paths of the build into ``pipeline.PrintSettings``."""

from __future__ import annotations

from guichet.keys import Key

BOOKLET = "demarches/fiches.pdf"
KEYS = (
    Key("PRINT_BOOKLET_URL", BOOKLET, "str"),
    Key("PRINT_BOOKLET_SAVE_AS", BOOKLET, "str"),
    Key("PRINT_WORKERS", None, "int", optional=True),
)
