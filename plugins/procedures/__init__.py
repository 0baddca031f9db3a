"""Procedures and counters: the content model of a town's portal.

Reads ``content/guichets`` and ``content/demarches``, validates every field with messages staff
can act on, links each procedure to its counters and themes, and writes their pages.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
