"""The town's host in the print stylesheet: on paper, a link to one of the site's pages prints
its short address (« Mairie (www.val-daurore.fr/guichets/mairie/) »), as the flyer does, not a
path nobody can type. Links in pages are root-relative (``SITEURL`` is empty: they work on any
host name), so the stylesheet cannot find the host in the page: the theme's print stylesheet
writes HOST_MARK where it goes, and the build writes the host of ``GUICHET_PUBLIC_URL`` there
in its output copy, every build (Pelican copies the theme's files afresh each time). No Pelican.
"""

from __future__ import annotations

import re
from pathlib import Path

HOST_MARK = "GUICHET-HOST"
"""In theme/static/css/impression.css, inside a CSS string."""
PRINT_STYLESHEET = Path("css") / "impression.css"
"""Below the theme's static folder of the output (``THEME_STATIC_DIR``)."""


def site_host(public_url: str | None) -> str:
    """``www.val-daurore.fr`` from ``https://www.val-daurore.fr/``; "" without an address (site
    links then print their path alone)."""
    return re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", (public_url or "").strip()).rstrip("/")


def css_string(text: str) -> str:
    """``text`` safe inside a double-quoted CSS string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def write_host(stylesheet: Path, public_url: str | None) -> bool:
    """Write the site's host in place of HOST_MARK in ``stylesheet``; True when it changed."""
    try:
        text = stylesheet.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    if HOST_MARK not in text:
        return False
    stylesheet.write_text(text.replace(HOST_MARK, css_string(site_host(public_url))), "utf-8")
    return True
