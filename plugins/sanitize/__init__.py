"""Sanitise the HTML of every page: nothing that runs script or reaches another host.

At ``content_object_init``, the ``_content`` (and an HTML ``summary``) of every content object
(pages, articles, procedures, counters) goes through :func:`policy.sanitize_html`; each removal
is a French warning naming the file, or, with ``SANITIZE_FAIL = True``, an error that stops the
build once every file has been read (at ``all_generators_finalized``). Pelican's ``{static}`` and
``{filename}`` placeholders are kept: they are replaced later, when the page is written.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
