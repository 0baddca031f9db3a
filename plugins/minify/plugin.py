"""The Pelican side of the minify plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pelican import signals

from .inline import theme_style
from .minify import minify_css_text, minify_html_text, rewrite_file
from .settings import MinifySettings
from .writer import MinifyingWriter, minified_paths, not_minified


def minify_file(path: str | os.PathLike, transform: Callable[[str], str], root: str) -> bool:
    """Minify one file in place; on failure keep it and warn. Returns True when minified."""
    try:
        return rewrite_file(path, transform)
    except Exception as error:  # any minifier failure: the written page stays as it is
        not_minified(path, root, error)
        return False


def minifying_writer(pelican) -> type[MinifyingWriter]:
    return MinifyingWriter


def minify_page(path: str, context: dict) -> None:
    if os.path.abspath(path) in minified_paths:
        minified_paths.discard(os.path.abspath(path))
        return  # minified on its way to the disk
    if MinifySettings.from_pelican(context).enabled and path.endswith(".html"):
        minify_file(path, minify_html_text, context.get("OUTPUT_PATH", os.curdir))


def minify_stylesheets(pelican) -> None:
    minified_paths.clear()  # pages of a build that failed half-way, in a long-running process
    if not MinifySettings.from_pelican(pelican.settings).enabled:
        return
    for path in sorted(Path(pelican.output_path).rglob("*.css")):
        if path.is_file():
            minify_file(path, minify_css_text, pelican.output_path)


def give_style(generator) -> None:
    """``guichet_style`` (an InlineStyle, or None when the sheet is linked) for the templates."""
    settings = generator.settings
    strategy = MinifySettings.from_pelican(settings).stylesheet
    generator.env.globals["guichet_style"] = theme_style(settings["THEME"], strategy)
    generator.env.globals["guichet_stylesheet_strategy"] = strategy


def register():
    signals.generator_init.connect(give_style)
    signals.get_writer.connect(minifying_writer)
    signals.content_written.connect(minify_page)
    signals.finalized.connect(minify_stylesheets)
