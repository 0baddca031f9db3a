"""Notices (content/avis/): a banner on every page while they are active, and the main counter's
exceptional closures within GUICHET_NOTICE_CLOSURE_DAYS, chosen by the build date.

Read once every content is read (``all_generators_finalized``, before any page is written) into
``guichet_notices`` in the templates' context (theme/templates/includes/notices.html). Also stops
the build when news are written in a folder the site does not publish.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
