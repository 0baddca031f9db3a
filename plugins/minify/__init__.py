"""Minify every HTML page as it is written, and every stylesheet once the site is built.

Pages: Pelican's ``content_written`` signal gives each written file's path. Stylesheets: the
theme's CSS is copied by Pelican's static generator (on every build, without a signal), so it
is minified at ``finalized``, before precompress and checks (registered after this plugin).
A file that cannot be minified is kept as written, with a warning: never an empty page.

Setting: ``GUICHET_MINIFY`` (default True).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pelican import signals

from guichet.messages import Problem, warn
from guichet.messages import minify as msg

from .minify import minify_css_text, minify_html_text, rewrite_file


def minify_file(path: str | os.PathLike, transform: Callable[[str], str], root: str) -> bool:
    """Minify one file in place; on failure keep it and warn. Returns True when minified."""
    try:
        return rewrite_file(path, transform)
    except Exception as error:  # any minifier failure: the written page stays as it is
        source = os.path.relpath(path, root)
        hint = msg.NOT_MINIFIED_HINT.format(error=f"{type(error).__name__}: {error}")
        warn(Problem(source=source, message=msg.NOT_MINIFIED, hint=hint))
        return False


def minify_page(path: str, context: dict) -> None:
    if context.get("GUICHET_MINIFY", True) and path.endswith(".html"):
        minify_file(path, minify_html_text, context.get("OUTPUT_PATH", os.curdir))


def minify_stylesheets(pelican) -> None:
    if not pelican.settings.get("GUICHET_MINIFY", True):
        return
    for path in sorted(Path(pelican.output_path).rglob("*.css")):
        if path.is_file():
            minify_file(path, minify_css_text, pelican.output_path)


def register():
    signals.content_written.connect(minify_page)
    signals.finalized.connect(minify_stylesheets)
