"""Minify HTML and CSS text, and rewrite a file in place without ever losing it.

Pure functions: nothing here imports Pelican. The minifier is minify-html (see BENCHMARKS.md for
the comparison with htmlmin): it keeps the space between inline elements and every byte inside
``<pre>`` and ``<textarea>``. Its options keep the output valid HTML5 for the W3C checker and
readable by old parsers: the doctype stays ``<!doctype html>``, entities are decoded only where
the spec allows (``&#39;`` → ``'``), and every tag stays: end tags (``</p>``, ``</li>``,
``</dd>``, ``</td>``…) and the ``<html>``, ``<head>``, ``<body>`` start tags. HTML allows
leaving them out, but NetSurf 3.10 then draws the « Sans internet » block inside the « En
ligne » box and w3m indents every line after « Coût » one step deeper (issue 16); minify-html
also left a stray ``</head>`` without its start tag. minify-html drops the quotes around any
value HTML5 reads unquoted (``href=/demarches/``); HTML 4 allowed unquoted values only of
letters, digits and ``-._:``, so :func:`quote_attributes` puts the quotes back around the
others. Tests that read built pages must parse them, not match the unminified markup.

CSS goes through rcssmin, which only removes comments and whitespace. minify-html's own CSS
minifier (lightningcss, with no browser targets) rewrites ``@media (max-width: 30em)`` into the
range syntax ``(width<=30em)`` that browsers before 2023 ignore, so it stays off, also for
``<style>`` and ``style=""`` in pages.
"""

from __future__ import annotations

import os
import re
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
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
}
"""Only spec-compliant minification, with every end tag kept for pre-HTML5 parsers."""

# Regexes, not the parser: minify-html's own output, on every page (a measured hot path).
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")
_ATTRIBUTE = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?|\s*/""")
_ITEMS = re.compile(r"</li>(?=<li[\s>])")
_HTML4_UNQUOTED = re.compile(r"[A-Za-z0-9._:-]+")
_RAW_TEXT = ("script", "style", "textarea", "title")
_BOOLEAN = frozenset(
    {
        *("allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls"),
        *("default", "defer", "disabled", "formnovalidate", "hidden", "inert", "ismap"),
        *("itemscope", "loop", "multiple", "muted", "nomodule", "novalidate", "open"),
        *("playsinline", "readonly", "required", "reversed", "selected"),
    }
)
"""Attributes written by name alone; any other one minify-html leaves bare (``alt``) was an
empty value, written out again as ``alt=""``."""


class MinifyError(ValueError):
    """The text could not be minified; the caller keeps the original."""


def minify_html_text(html: str) -> str:
    """Minified ``html``: whitespace collapsed outside ``<pre>``, comments and optional tags
    dropped."""
    if not isinstance(html, str):
        raise MinifyError(f"expected text, got {type(html).__name__}")
    return spaced_items(quote_attributes(minify_html.minify(html, **HTML_OPTIONS)))


def spaced_items(html: str) -> str:
    """One space between list items (``</li> <li>``), as the unminified page had a line break:
    between inline-block items (the footer's links, the letters of A–Z) that space is drawn and
    read (« Mentions légales Plan du site », not « Mentions légalesPlan du site »); between
    block items it changes nothing."""
    return _ITEMS.sub("</li> ", html)


def quote_attributes(html: str) -> str:
    """``html`` with double quotes around each unquoted attribute value that HTML 4 did not
    allow unquoted (anything but letters, digits and ``-._:``): ``href=/a/`` → ``href="/a/"``,
    and ``=""`` after an emptied attribute that is not boolean (``alt`` → ``alt=""``).
    Text, quoted values and the content of ``<style>``, ``<script>``, ``<textarea>`` and
    ``<title>`` are left as they are. Values minify-html leaves unquoted never hold ``"``.

    One regular expression finds each start tag that may need quotes (and skips raw text); the
    tags whose values are all quoted or HTML 4 safe are skipped within the same expression, and
    a tag's rewriting is remembered by its text, since pages share most of their tags (the
    menu, the footer, the breadcrumbs): BENCHMARKS.md, issue 17."""
    return _START_TAG.sub(_quoted_tag, html)


_ANY_ATTRIBUTE = r"""(?:\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?|\s*/)"""
""":data:`_ATTRIBUTE` without its groups."""
_RAW_NAME = rf"(?i:{'|'.join(_RAW_TEXT)})(?![A-Za-z0-9])"
_KEPT_TAG = (
    rf"<(?!{_RAW_NAME})[A-Za-z][A-Za-z0-9]*+"
    r"""(?:\s+[^\s"'>/=]+=(?:"[^"]*"|'[^']*'|[A-Za-z0-9._:-]++(?![^\s>])))*+\s*+/?(?=>)"""
)
"""A start tag :func:`_quote_tag` leaves as it is: every value quoted or HTML 4 safe, no bare
attribute, not a raw-text element."""
_START_TAG = re.compile(
    rf"(?P<kept>(?:[^<]++|<(?![A-Za-z])|{_KEPT_TAG})*+)"
    rf"(?:<(?P<raw>{_RAW_NAME}){_ANY_ATTRIBUTE}*+(?P<text>.*?)(?=</(?i:(?P=raw))|\Z)"
    rf"|<[A-Za-z][A-Za-z0-9]*+{_ANY_ATTRIBUTE}*+|\Z)",
    re.DOTALL,
)
"""The text and kept tags before the next start tag that may change, then that tag with its
attributes, as :data:`_TAG` then :data:`_ATTRIBUTE` read them (for a raw-text element, its text
too, up to its end tag)."""
_quoted_tags: dict[str, str] = {}


def _quoted_tag(match: re.Match) -> str:
    kept, start = match["kept"], match.end("kept")
    if match.group("raw") is not None:  # <style>, <title>…: the tag, then its text as it is
        return kept + _quote_tag(match.string[start : match.start("text")]) + match["text"]
    tag = match.string[start : match.end()]
    quoted = _quoted_tags.get(tag)
    if quoted is None:
        if len(_quoted_tags) > 50_000:  # a long-running devserver
            _quoted_tags.clear()
        quoted = _quoted_tags[tag] = _quote_tag(tag) if tag else ""
    return kept + quoted


def _quote_tag(tag: str) -> str:
    """One start tag (``<name`` and its attributes), its values quoted as HTML 4 needs."""
    position = _TAG.match(tag).end()
    out = [tag[:position]]
    while (attribute := _ATTRIBUTE.match(tag, position)) and attribute.end() > position:
        value = attribute.group(2)
        if attribute.group(1) and value is None and attribute.group(1).lower() not in _BOOLEAN:
            out.append(f'{attribute.group(0)}=""')
        elif value and value[0] not in "\"'" and not _HTML4_UNQUOTED.fullmatch(value):
            out.append(f'{tag[position : attribute.start(2)]}"{value}"')
        else:
            out.append(attribute.group(0))
        position = attribute.end()
    out.append(tag[position:])
    return "".join(out)


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
