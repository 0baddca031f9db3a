"""What a built page asks the browser to run or fetch, read with an HTML5 parser (Lexbor, via
selectolax: a C parser, some 15 times faster here than tinyhtml5, a pure-Python one).

Pure functions: nothing here imports Pelican or reads files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from guichet.html5 import elements, leading_text, tag_id

SCRIPT_TAG, STYLE_TAG = tag_id("script"), tag_id("style")
"""Lexbor's numbers for these tags, in any namespace (``<svg><script>`` too): cheaper than
reading each element's name."""

URL_ATTRIBUTES = {
    "src": None,  # img, iframe, embed, audio, video, source, track, input type=image, script
    "poster": None,
    "data": {"object"},
    "action": {"form"},
    "formaction": None,
    "ping": None,
    "background": None,
    "href": {"image", "use", "feimage", "base"},  # SVG, and <base> (moves every relative URL)
    "xlink:href": {"image", "use", "feimage"},
}
"""Attributes that make the browser fetch (or send to) a URL, and the tags they do it on."""

RESOURCE_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "apple-touch-icon-precomposed",
    "mask-icon",
    "manifest",
    "preload",
    "prefetch",
    "modulepreload",
    "preconnect",
    "dns-prefetch",
    "prerender",
}
"""``<link rel>`` values that fetch or connect; ``canonical``, ``alternate``… only name a URL."""

_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CSS_IMPORT_ANY = re.compile(
    r"""@import\s+(?:url\(\s*["']?([^"')\s]*)["']?\s*\)|"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
_CONTROL = re.compile(r"[\x00-\x20]+")


@dataclass
class Resource:
    where: str
    """How the page asks for it: ``<img src>``, ``<link rel=stylesheet>``, ``<style> url()``."""
    url: str


@dataclass
class Image:
    where: str
    candidates: list[tuple[str, int | None]]
    """(URL, width in px from a ``w`` descriptor, or None)."""


@dataclass
class PageScan:
    stylesheets: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    scripts: int = 0
    handlers: list[str] = field(default_factory=list)
    """``<a onclick>``: event-handler attributes, as tag and attribute."""
    javascript_urls: list[str] = field(default_factory=list)
    """Where a ``javascript:`` URL is, as tag and attribute."""


def parse_srcset(value: str) -> list[tuple[str, int | None]]:
    """``a.jpg 320w, b.jpg 640w`` → [("a.jpg", 320), ("b.jpg", 640)]; x descriptors → None."""
    candidates = []
    for part in value.split(","):
        words = part.split()
        if not words:
            continue
        width = None
        if len(words) > 1 and words[1].lower().endswith("w") and words[1][:-1].isdigit():
            width = int(words[1][:-1])
        candidates.append((words[0], width))
    return candidates


def pick_candidate(candidates: list[tuple[str, int | None]], target: int) -> str | None:
    """The candidate whose width is closest to ``target`` px (the smaller on a tie); without
    widths, the first one (the 1x image)."""
    widths = [(abs(w - target), w, url) for url, w in candidates if w is not None]
    if widths:
        return min(widths)[2]
    return candidates[0][0] if candidates else None


def css_urls(css: str) -> list[str]:
    """Every URL a stylesheet (or ``style`` attribute) fetches: ``url()`` and ``@import``."""
    found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    found += [next(g for g in m.groups() if g is not None) for m in _CSS_IMPORT.finditer(css)]
    return [url.strip() for url in found if url.strip()]


def css_imports(css: str) -> list[str]:
    """Stylesheets a stylesheet pulls in with ``@import`` (``url()`` form included)."""
    return [
        next(g for g in m.groups() if g is not None).strip() for m in _CSS_IMPORT_ANY.finditer(css)
    ]


def is_javascript(url: str) -> bool:
    """True for ``javascript:`` URLs, however spelled (browsers strip controls and spaces)."""
    return _CONTROL.sub("", url).lower().startswith("javascript:")


def host_of(url: str) -> str | None:
    """The host an absolute or scheme-relative URL points to; None for same-site URLs
    (relative, root-relative, ``data:``, ``mailto:``, ``tel:``, fragments)."""
    cleaned = _CONTROL.sub("", url)
    parts = urlsplit(cleaned)
    if parts.netloc:
        return parts.hostname or parts.netloc
    return None


class _Scanner:
    def __init__(self) -> None:
        self.scan = PageScan()

    def feed(self, html: str) -> None:
        # As a browser parses it (HTML5): see guichet.html5 for comments such as ``<!-->``.
        for node in elements(html):
            attributes = node.attributes
            if not attributes:  # most elements: only a bare <script> or <style> matters
                kind = node.tag_id
                if kind == SCRIPT_TAG:
                    self.scan.scripts += 1
                elif kind == STYLE_TAG:
                    self._element("style", [], leading_text(node))
                continue
            tag = node.tag.lower()  # SVG's feImage
            attrs = [(name.lower(), value) for name, value in attributes.items()]
            self._element(tag, attrs, leading_text(node) if tag == "style" else "")

    def _element(self, tag: str, attrs: list[tuple[str, str | None]], text: str) -> None:
        scan = self.scan
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            scan.scripts += 1
        if tag == "style":
            scan.resources += [Resource("<style> url()", u) for u in css_urls(text)]
        for name, value in values.items():
            if name.startswith("on"):
                scan.handlers.append(f"<{tag} {name}>")
            if ":" in value and name != "style" and is_javascript(value):
                scan.javascript_urls.append(f"<{tag} {name}>")
            tags = URL_ATTRIBUTES.get(name, ())
            if name in URL_ATTRIBUTES and (tags is None or tag in tags):
                for url in value.split() if name == "ping" else [value.strip()]:
                    scan.resources.append(Resource(f"<{tag} {name}>", url))
        if "style" in values:
            scan.resources += [Resource(f"<{tag} style>", u) for u in css_urls(values["style"])]
        if "srcset" in values:
            candidates = parse_srcset(values["srcset"])
            scan.resources += [Resource(f"<{tag} srcset>", url) for url, _ in candidates]
            # <source media=…> is art direction for other screens: not the 360 px image
            if tag == "img" or (tag == "source" and "media" not in values):
                scan.images.append(Image(f"<{tag} srcset>", candidates))
        elif tag == "img" and values.get("src"):
            scan.images.append(Image("<img src>", [(values["src"].strip(), None)]))
        if tag == "iframe" and "srcdoc" in values:  # a document inside the page
            reader = type(self)()  # the same reader, for the document inside
            reader.feed(values["srcdoc"])
            inner = reader.scan
            scan.scripts += inner.scripts
            scan.handlers += inner.handlers
            scan.javascript_urls += inner.javascript_urls
            scan.resources += inner.resources
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & RESOURCE_RELS:
                href = values.get("href", "").strip()
                kind = "stylesheet" if "stylesheet" in rels else "/".join(sorted(rels))
                scan.resources.append(Resource(f"<link rel={kind}>", href))
                if "stylesheet" in rels:
                    scan.stylesheets.append(href)


def scan_html(html: str) -> PageScan:
    """Scripts, event handlers, ``javascript:`` URLs, stylesheets, images and every URL the
    page makes the browser fetch."""
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.scan
