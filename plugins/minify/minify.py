"""Minify HTML and CSS text, and rewrite a file in place without ever losing it.

Pure functions: nothing here imports Pelican. The minifier is minify-html (see BENCHMARKS.md for
the comparison with htmlmin): it keeps the space between inline elements and every byte inside
``<pre>`` and ``<textarea>``. Its options are chosen to keep the output valid HTML5 for the W3C
checker and for old browsers: the doctype stays ``<!doctype html>``, attribute values that need
quotes keep them, entities are decoded only where the spec allows (``&#39;`` → ``'``), optional
tags (``</p>``, ``</li>``, ``<head>``) are omitted as HTML has allowed since HTML 4. Tests that
read built pages must parse them, not match the unminified markup.

CSS goes through rcssmin, which only removes comments and whitespace. minify-html's own CSS
minifier (lightningcss, with no browser targets) rewrites ``@media (max-width: 30em)`` into the
range syntax ``(width<=30em)`` that browsers before 2023 ignore, so it stays off, also for
``<style>`` and ``style=""`` in pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import minify_html
import rcssmin

from guichet.atomic import write_atomically

HTML_OPTIONS = {
    "minify_css": False,
    "minify_js": False,
    "keep_comments": False,
    "minify_doctype": False,
    "allow_noncompliant_unquoted_attribute_values": False,
    "allow_removing_spaces_between_attributes": False,
    "allow_optimal_entities": False,
    "keep_closing_tags": False,
    "keep_html_and_head_opening_tags": False,
}
"""Only spec-compliant minification: omitted optional tags are valid HTML since HTML 4."""


class MinifyError(ValueError):
    """The text could not be minified; the caller keeps the original."""


def minify_html_text(html: str) -> str:
    """Minified ``html``: whitespace collapsed outside ``<pre>``, comments and optional tags
    dropped."""
    if not isinstance(html, str):
        raise MinifyError(f"expected text, got {type(html).__name__}")
    return minify_html.minify(html, **HTML_OPTIONS)


def minify_css_text(css: str) -> str:
    """Minified stylesheet: comments and needless whitespace removed, nothing rewritten."""
    if not isinstance(css, str):
        raise MinifyError(f"expected text, got {type(css).__name__}")
    return rcssmin.cssmin(css)


def checked_transform(text: str, transform: Callable[[str], str]) -> str:
    """``transform(text)``, refused (MinifyError) when it is not text or empties a page."""
    result = transform(text)
    if not isinstance(result, str) or (text.strip() and not result.strip()):
        raise MinifyError("the minifier returned nothing")
    return result


def rewrite_file(path: str | os.PathLike, transform: Callable[[str], str]) -> bool:
    """Replace the file at ``path`` by ``transform`` of its text, atomically.

    The new text is written to a temporary file in the same folder and renamed over the original
    only once complete: if ``transform`` raises (or the disk is full), the original file is left
    exactly as it was. Returns True when the file changed, False when it already was minified.
    Errors from ``transform`` propagate after clean-up.
    """
    path = Path(path)
    original = path.read_text(encoding="utf-8")
    try:
        result = checked_transform(original, transform)
    except MinifyError as error:
        raise MinifyError(f"{path.name}: {error}") from None
    if result == original:
        return False
    write_atomically(path, result.encode("utf-8"), path.stat().st_mode & 0o777)
    return True
