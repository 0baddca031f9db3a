"""Pelican's writer, minifying each HTML page on its way to the disk.

Pelican renders a page to text and writes it at once; minifying that text before it is written
spares reading the page back and writing it a second time. A page the minifier fails on is
written as rendered, with a warning. Pelican's ``Writer._open_w`` is the one place every page
goes through (Pelican is pinned, 4.12); ``content_written`` still minifies any page another
writer wrote.

A page that is already on disk (a rebuild, the devserver's preview) is overwritten in place, and
left untouched when its bytes did not change: on this machine's ext4 (mounted ``discard``),
truncating a file or renaming over it frees its blocks, ~4 ms a page, where writing over the
same blocks costs ~0.1 ms (issue 17: a counter's hours rewrite ~430 pages).
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


def overwrite(path: str, data: bytes) -> None:
    """Put ``data`` in the existing file at ``path`` over its own blocks (nothing when it holds
    them already): only a shorter page frees its tail."""
    with open(path, "r+b") as handle:
        if handle.read() == data:
            return
        handle.seek(0)
        handle.write(data)
        handle.truncate()


class _MinifiedOnClose(io.StringIO):
    """Collects what Pelican writes; on a clean close, writes it minified to ``handle`` (or,
    with ``encoding``, over the existing file)."""

    def __init__(self, handle, path: str, root: str, encoding: str | None = None):
        super().__init__()
        self._handle, self._path, self._root, self._encoding = handle, path, root, encoding

    def __exit__(self, kind, error, trace):
        try:
            if kind is None:
                text = minify_page_text(self.getvalue(), self._path, self._root)
                minified_paths.add(os.path.abspath(self._path))
            else:  # Pelican failed while writing: keep what it wrote, as it would have
                text = self.getvalue()
            if self._handle is None:
                overwrite(self._path, text.encode(self._encoding))
            else:
                self._handle.write(text)
        finally:
            if self._handle is not None:
                self._handle.close()
        return super().__exit__(kind, error, trace)


class MinifyingWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        enabled = MinifySettings.from_pelican(self.settings).enabled
        if not enabled or not str(filename).endswith(".html"):
            return super()._open_w(filename, encoding, override)
        root = str(self.output_path)
        fresh = filename not in self._overridden_files and filename not in self._written_files
        if fresh and os.path.isfile(filename) and not os.path.islink(filename):
            # Pelican's own bookkeeping for a first write (writers.py, 4.12), then in place
            if override:
                self._overridden_files.add(filename)
            self._written_files.add(filename)
            return _MinifiedOnClose(None, str(filename), root, encoding)
        return _MinifiedOnClose(super()._open_w(filename, encoding, override), str(filename), root)
