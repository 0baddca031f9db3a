"""What no built page may hold, found with a parse of the page (shared by several tests)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Everything(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def hostile_things(page: Path) -> list[str]:
    """What a page must never hold: script, frames, forms, inline style, remote resources."""
    parser = _Everything()
    parser.feed(page.read_text(encoding="utf-8"))
    found = []
    for tag, attrs in parser.tags:
        if tag in {"script", "iframe", "object", "embed", "form", "svg", "style", "base", "input"}:
            found.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in attrs:
            found.append("<meta http-equiv>")
        if tag == "link" and (attrs.get("rel") != "stylesheet" or "//" in attrs.get("href", "")):
            found.append(f"<link {attrs}>")
        for name, value in attrs.items():
            squeezed = "".join(value.split()).lower()
            if name.startswith("on") or name == "style":
                found.append(f"{tag} {name}=")
            if squeezed.startswith(("javascript:", "data:")):
                found.append(f"{tag} {name}={value[:20]}")
            if name in ("src", "srcset") and ("//" in value or ".svg" in value.lower()):
                found.append(f"{tag} {name}={value}")
    return found
