"""Budgets checked on the built site, every page, every build: the build fails when one breaks.

Runs at ``finalized``, registered last (after minify and precompress), on what nginx will serve.
Settings: ``GUICHET_BUDGET_FIRST_VIEW_BYTES`` (14600), ``GUICHET_BUDGET_IMAGE_BYTES`` (40000),
``GUICHET_BUDGET_IMAGE_WIDTH`` (360). Hosts of ``SITEURL`` and ``GUICHET_PUBLIC_URL`` count as
this site. Scans of unchanged pages are remembered in ``CACHE_PATH/checks/scans.json``; pages the
precompress plugin's child scanned while compressing them are not parsed again.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
