"""What no built page may hold, found with an HTML5 parse of the page (shared by tests)."""

from __future__ import annotations

from pathlib import Path

from guichet.publish import script_in
from guichet_plugins.minify.inline import csp_hash, csp_sources
from tests.conftest import ROOT
from tests.html_pages import parse

ALLOWED_STYLES = csp_sources((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"))
"""The theme's stylesheet written into pages: allowed by its hash in the CSP, nothing else."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def hostile_things(page: Path) -> list[str]:
    """What a page must never hold: script, frames, forms, inline style, remote resources."""
    html = page.read_text(encoding="utf-8")
    found = script_in(html)  # the build's and publish's rule: script, on*=, javascript: URLs
    elements = parse(html).select("*")  # as a browser parses it
    for element in elements:
        tag = element.tag.lower()
        attrs = {_local(name): value or "" for name, value in element.element.attrib.items()}
        if tag == "style" and csp_hash("".join(element.element.itertext())) in ALLOWED_STYLES:
            continue  # the theme's own stylesheet, exactly the bytes the CSP allows
        if tag in {"iframe", "object", "embed", "form", "svg", "style", "base", "input"}:
            found.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in attrs:
            found.append("<meta http-equiv>")
        microdata = "itemprop" in attrs and "rel" not in attrs  # schema.org: a URL as data,
        # never fetched (HTML forbids rel with itemprop); the theme's, staff's <link> is removed
        if (
            tag == "link"
            and not microdata
            and (attrs.get("rel") not in ("stylesheet", "icon") or "//" in attrs.get("href", ""))
        ):
            found.append(f"<link {attrs}>")
        for name, value in attrs.items():
            squeezed = "".join(value.split()).lower()
            if name == "style":
                found.append(f"{tag} {name}=")
            if squeezed.startswith("data:"):
                found.append(f"{tag} {name}={value[:20]}")
            if name in ("src", "srcset") and ("//" in value or ".svg" in value.lower()):
                found.append(f"{tag} {name}={value}")
    return found
