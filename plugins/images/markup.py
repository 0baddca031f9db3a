"""Find the ``<img>`` tags of an HTML fragment and write their replacements. Pure, no Pelican.

Alt text convention (documented in docs/images.md): every image needs a text alternative
(``![Façade de la mairie](images/mairie.jpg)``). A purely decorative image is marked by its
title: ``![](images/frise.png "décoratif")`` gives ``alt=""`` and no title.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from guichet.decorative import is_decorative

MANAGED = frozenset({"src", "srcset", "sizes", "width", "height", "loading", "decoding", "alt"})
"""Attributes the plugin writes itself; any other attribute of the tag is kept."""


@dataclass(frozen=True)
class ImgTag:
    """A start tag: ``<img>`` (or ``<a>``, see :func:`find_links`) and where it is."""

    start: int
    end: int
    attrs: dict[str, str | None]

    @property
    def src(self) -> str:
        return (self.attrs.get("src") or "").strip()

    @property
    def decorative(self) -> bool:
        return is_decorative(self.attrs.get("title"))

    @property
    def alt(self) -> str | None:
        """The text alternative; ``""`` for a decorative image; None when it is missing."""
        if self.decorative:
            return ""
        text = (self.attrs.get("alt") or "").strip()
        return text or None


class _Finder(HTMLParser):
    def __init__(self, text: str, wanted: str):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.tags: list[ImgTag] = []
        self._line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(index + 1)

    def handle_starttag(self, tag, attrs):
        if tag != self.wanted:
            return
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        raw = self.get_starttag_text() or ""
        self.tags.append(ImgTag(start, start + len(raw), dict(attrs)))

    handle_startendtag = handle_starttag


def _find(text: str, wanted: str) -> list[ImgTag]:
    if f"<{wanted}" not in text.lower():
        return []
    finder = _Finder(text, wanted)
    finder.feed(text)
    finder.close()
    return finder.tags


def find_images(text: str) -> list[ImgTag]:
    """Every ``<img>`` tag of ``text``, in order, with its position and attributes."""
    return _find(text, "img")


def find_links(text: str) -> list[ImgTag]:
    """Every ``<a>`` start tag with an ``href`` (a link may lead to an image)."""
    return [tag for tag in _find(text, "a") if tag.attrs.get("href")]


def render_link(tag: ImgTag, url: str) -> str:
    """The ``<a>`` start tag with its ``href`` replaced."""
    pairs = [(name, url if name == "href" else value) for name, value in tag.attrs.items()]
    return f"<a{_attributes(pairs)}>"


def replace_tags(text: str, replacements: Iterable[tuple[ImgTag, str]]) -> str:
    """``text`` with each tag's span replaced by its new markup."""
    out, position = [], 0
    for tag, markup in sorted(replacements, key=lambda pair: pair[0].start):
        out.append(text[position : tag.start])
        out.append(markup)
        position = tag.end
    out.append(text[position:])
    return "".join(out)


@dataclass(frozen=True)
class Candidate:
    url: str
    width: int
    height: int


def srcset(candidates: Sequence[Candidate]) -> str:
    return ", ".join(f"{c.url} {c.width}w" for c in sorted(candidates, key=lambda c: c.width))


def _escape(value: str) -> str:
    """Attribute value inside double quotes (apostrophes stay readable)."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _attributes(pairs: Iterable[tuple[str, str | None]]) -> str:
    parts = []
    for name, value in pairs:
        if value is None:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{_escape(value)}"')
    return "".join(parts)


def render(
    tag: ImgTag,
    main: Sequence[Candidate],
    fallback: Candidate,
    sizes: str,
    lazy: bool,
    webp: Sequence[Candidate] = (),
    full_link: tuple[str, str] | None = None,
) -> str:
    """The markup replacing ``tag``: an ``<img>`` with ``srcset``, ``sizes``, ``width``/``height``
    (those of ``fallback``, its ``src``), inside a ``<picture>`` when WebP candidates are given;
    ``full_link`` is ``(url, text)`` of a link to the full image, written after it."""
    kept = [
        (name, value)
        for name, value in tag.attrs.items()
        if name not in MANAGED and not (name == "title" and tag.decorative)
    ]
    pairs: list[tuple[str, str | None]] = [("src", fallback.url)]
    if len(main) > 1:
        pairs += [("srcset", srcset(main)), ("sizes", sizes)]
    pairs += [
        ("width", str(fallback.width)),
        ("height", str(fallback.height)),
        ("alt", tag.alt or ""),
        *kept,
    ]
    if lazy:
        pairs.append(("loading", "lazy"))
    pairs.append(("decoding", "async"))
    markup = f"<img{_attributes(pairs)}>"
    if webp:
        source = _attributes([("type", "image/webp"), ("srcset", srcset(webp)), ("sizes", sizes)])
        markup = f"<picture><source{source}>{markup}</picture>"
    if full_link:
        url, text = full_link
        markup += f' <a class="image-full" href="{_escape(url)}">'
        markup += f"{html.escape(text, quote=False)}</a>"
    return markup
