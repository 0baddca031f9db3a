"""Minify every HTML page as it is written, and every stylesheet once the site is built.

Pages: Pelican's writer is replaced (``get_writer``) by one that minifies each page's text
before writing it (writer.py); a page written otherwise is minified at ``content_written``,
which gives each written file's path. Stylesheets: the theme's CSS is copied by Pelican's
static generator (on every build, without a signal), so it is minified at ``finalized``, before
precompress and checks (registered after this plugin). A file that cannot be minified is kept
as written, with a warning: never an empty page.

The theme's stylesheet is also given to the templates as ``guichet_style`` (inline.py), to be
written into each page: ``GUICHET_STYLESHEET`` (default « inline »; « link », « split »).

Setting: ``GUICHET_MINIFY`` (default True).

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
