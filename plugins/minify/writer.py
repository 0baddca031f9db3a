"""Pelican's writer, minifying each HTML page on its way to the disk.

Pelican renders a page to text and writes it at once; minifying that text before it is written
spares reading the page back and writing it a second time. A page the minifier fails on is
written as rendered, with a warning. Pelican's ``Writer._open_w`` is the one place every page
goes through (Pelican is pinned, 4.12); ``content_written`` still minifies any page another
writer wrote.
"""

from __future__ import annotations

import io
import os

from pelican.writers import Writer

from guichet.messages import Problem, warn
from guichet.messages import minify as msg

from .minify import checked_transform, minify_html_text
from .settings import MinifySettings

minified_paths: set[str] = set()
"""Pages this writer minified (absolute paths), until their ``content_written``."""


def not_minified(path: str | os.PathLike, root: str, error: Exception) -> None:
    """Warn, in French, that the file at ``path`` stays as written."""
    hint = msg.NOT_MINIFIED_HINT.format(error=f"{type(error).__name__}: {error}")
    warn(Problem(source=os.path.relpath(path, root), message=msg.NOT_MINIFIED, hint=hint))


def minify_page_text(text: str, path: str, root: str) -> str:
    """The page's text minified; on any minifier failure, as it is (and a warning)."""
    try:
        return checked_transform(text, minify_html_text)
    except Exception as error:  # any minifier failure: the page is written as rendered
        not_minified(path, root, error)
        return text


class _MinifiedOnClose(io.StringIO):
    """Collects what Pelican writes; on a clean close, writes it minified to ``handle``."""

    def __init__(self, handle, path: str, root: str):
        super().__init__()
        self._handle, self._path, self._root = handle, path, root

    def __exit__(self, kind, error, trace):
        try:
            if kind is None:
                self._handle.write(minify_page_text(self.getvalue(), self._path, self._root))
                minified_paths.add(os.path.abspath(self._path))
            else:  # Pelican failed while writing: keep what it wrote, as it would have
                self._handle.write(self.getvalue())
        finally:
            self._handle.close()
        return super().__exit__(kind, error, trace)


class MinifyingWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override)
        if not MinifySettings.from_pelican(self.settings).enabled or not str(filename).endswith(
            ".html"
        ):
            return handle
        return _MinifiedOnClose(handle, str(filename), str(self.output_path))
