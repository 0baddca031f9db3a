"""The allow-list for HTML written in Markdown, and the sanitiser built on it. Pure: no Pelican.

What a procedure page may hold: text structure (headings, lists, tables, quotes, details), links
and local images. Everything that runs script, loads something from another host or sends data
away is removed: no script, frame, object, form, inline SVG, style, ``on*`` attribute,
``javascript:``/``data:`` URL, nor any image that is not a file of the site. SVG is refused
altogether (inline and as ``<img>``): photos and drawings come as JPEG or PNG.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection
from urllib.parse import urlsplit

import nh3

from guichet import html5

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "address", "b", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
        "ul", "var", "wbr",
    }
)  # fmt: skip
"""Kept as they are (with the attributes below). Any other tag is removed, its text kept."""

REMOVED_WITH_CONTENT = frozenset(
    {
        "script", "noscript", "style", "template", "iframe", "frame", "frameset", "noframes",
        "object", "embed", "applet", "noembed", "svg", "math", "form", "button", "select",
        "textarea", "audio", "video", "canvas", "title",
    }
)  # fmt: skip
"""Removed with everything inside them: their content is script, fallback or form controls."""

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "type"},
    "img": {"src", "alt", "srcset", "sizes", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
}
"""No ``style`` (the theme styles pages; the CSP forbids inline style), no ``rel``/``target``.
Any ``aria-*`` attribute is kept too (accessibility labels)."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes links may use. Relative URLs (and Pelican's ``{static}``/``{filename}``) pass."""

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


def is_local_resource(url: str) -> bool:
    """True for a file of this site (``{static}/images/x.jpg``, ``images/x.jpg``, ``/x.png``).

    False for anything a browser would fetch from another host or that is not a plain file:
    a scheme (``https:``, ``data:``, ``javascript:``), a protocol-relative ``//host`` (also
    written with backslashes), or an SVG file.
    """
    cleaned = _URL_NOISE.sub("", url).replace("\\", "/")
    if not cleaned or cleaned.startswith("//") or _SCHEME.match(cleaned):
        return False
    path = re.split(r"[?#]", cleaned, maxsplit=1)[0].lower()
    return not path.endswith((".svg", ".svgz"))


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a ``srcset`` (``a.jpg 360w, b.jpg 640w`` → ``[a.jpg, b.jpg]``)."""
    return [part.split()[0] for part in srcset.split(",") if part.split()]


def _kept_value(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if is_local_resource(value) else None
    if element == "img" and attribute == "srcset":
        return value if all(is_local_resource(u) for u in srcset_urls(value)) else None
    return value


_raised = threading.local()
"""What ``_filter_attribute`` raised during this thread's current ``clean``."""


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter. nh3 prints what its filter raises and *keeps the value*: here the
    attribute is dropped instead (the safe side) and the exception is raised again once nh3 is
    done (a Ctrl-C landing here stops the build rather than being printed and lost)."""
    try:
        return _kept_value(element, attribute, value)
    except BaseException as error:
        _raised.error = _raised.error or error  # set by _clean before nh3 runs
        return None


def _clean(fragment: str) -> str:
    _raised.error = None
    cleaned = _CLEANER.clean(fragment)
    error, _raised.error = _raised.error, None
    if error is not None:
        raise error
    return cleaned


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(URL_SCHEMES),
    generic_attribute_prefixes={"aria-"},
)


def is_external_link(href: str, own_hosts: Collection[str]) -> bool:
    """An ``http(s)://`` (or ``//``) link to a host that is not this site's."""
    try:
        parts = urlsplit(_URL_NOISE.sub("", href).replace("\\", "/"))
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False
    return (parts.hostname or "") not in {h.lower() for h in own_hosts}


def _finish(cleaned: str, own_hosts: Collection[str]) -> str:
    """nh3's output with every image whose source was refused removed whole, and
    ``rel="external"`` on every link to another host. Read with the HTML5 parser, and written
    back only if it changed: Lexbor serialises as nh3 does, byte for byte (but for a newline
    that starts a ``<pre>``, which browsers drop anyway)."""
    if "<img" not in cleaned and "<a" not in cleaned:  # nh3 writes tags in lowercase
        return cleaned
    tree = html5.fragment(cleaned)
    changed = False
    for image in tree.css("img:not([src])"):
        image.decompose()
        changed = True
    for link in tree.css("a[href]"):
        if is_external_link(link.attributes.get("href") or "", own_hosts):
            link.attrs["rel"] = "external"
            changed = True
    return (tree.inner_html or "") if changed else cleaned


def sanitize_html(fragment: str, own_hosts: Collection[str] = ()) -> str:
    """``fragment`` with only what the allow-list keeps; links to other hosts get
    ``rel="external"``; an image whose source was refused is removed whole."""
    return _finish(_clean(fragment), own_hosts)
