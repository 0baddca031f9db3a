"""The Pelican side of the town plugin: the signals it hooks (see ``__init__.py``)."""

from pathlib import Path

from pelican import signals

from .load import apply_town
from .stylesheet import PRINT_STYLESHEET, write_host


def read_town(pelican) -> None:
    apply_town(pelican.settings)


def host_in_print_stylesheet(pelican) -> None:
    """Once the theme's files are copied, before they are minified, compressed and checked (the
    plugins registered after this one)."""
    settings = pelican.settings
    static = Path(pelican.output_path) / settings.get("THEME_STATIC_DIR", "theme")
    write_host(static / PRINT_STYLESHEET, settings.get("GUICHET_PUBLIC_URL"))


def register():
    signals.initialized.connect(read_town)
    signals.finalized.connect(host_in_print_stylesheet)
