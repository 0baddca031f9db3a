"""The Pelican side of the town plugin: the signals it hooks (see ``__init__.py``)."""

from pelican import signals

from .load import apply_town


def read_town(pelican) -> None:
    apply_town(pelican.settings)


def register():
    signals.initialized.connect(read_town)
