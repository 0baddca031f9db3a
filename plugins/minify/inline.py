"""The theme's stylesheet, written into each page so that it paints from the HTML alone.

On a slow link a linked stylesheet costs a second round trip before the first paint (Slow 3G:
4.2 s against 2.2 s for a page without one, BENCHMARKS.md « Premier affichage »). The whole
sheet is ~1.5 KB gzip, so it goes into a ``<style>`` element of every page, minified the same
way whatever ``GUICHET_MINIFY`` says: its bytes, and so the ``'sha256-…'`` source that
deploy/nginx.conf's Content-Security-Policy allows, change only when the stylesheet does.
Pure functions; the plugin (``__init__.py``) gives the result to the templates.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .minify import minify_css_text

STYLESHEET = Path("static") / "css" / "guichet.css"
"""The theme's screen stylesheet, relative to the theme folder."""
FOLD = "/* -- first screen ends here -- */"
"""Marker in the stylesheet: what comes before it is the critical part (strategy « split »)."""
STRATEGIES = ("inline", "link", "split")
"""``GUICHET_STYLESHEET``: the whole sheet in each page (default), a ``<link>`` in the head (the
old way), or the part before FOLD in the page and the sheet linked at the end of ``<body>``.
The last two are kept for the bench (bench/fcp.py), which measures all three."""
CSP_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'")


@dataclass(frozen=True)
class InlineStyle:
    text: str
    """What goes between ``<style>`` and ``</style>``, byte for byte."""

    @property
    def csp_source(self) -> str:
        """The CSP source expression that allows exactly this text: ``'sha256-…'``."""
        return csp_hash(self.text)


def csp_hash(text: str) -> str:
    """``'sha256-<base64>'`` of the UTF-8 bytes of ``text``, as CSP Level 2 computes it."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_style(css: str, critical_only: bool = False) -> InlineStyle:
    """The minified stylesheet (or its part before FOLD) to write into pages."""
    if critical_only:
        css = css.split(FOLD, 1)[0]
    text = minify_css_text(css)
    if "</" in text:
        raise ValueError("a stylesheet written into pages must not contain « </ »")
    return InlineStyle(text)


def theme_style(theme: str | Path, strategy: str = "inline") -> InlineStyle | None:
    """The theme's inline style for ``strategy``; None when the sheet is only linked."""
    if strategy not in STRATEGIES:
        raise ValueError(f"GUICHET_STYLESHEET must be one of {STRATEGIES}, not {strategy!r}")
    if strategy == "link":
        return None
    css = (Path(theme) / STYLESHEET).read_text(encoding="utf-8")
    return inline_style(css, critical_only=strategy == "split")


def csp_sources(config: str) -> list[str]:
    """The ``'sha256-…'`` sources of a web server configuration's style-src."""
    match = re.search(r"style-src ([^;\"]*)", config)
    return CSP_SOURCE.findall(match.group(1)) if match else []
