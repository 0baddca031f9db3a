"""Find the ``<img>`` tags of an HTML fragment and write their replacements. Pure, no Pelican.

Alt text convention (documented in docs/images.md): every image needs a text alternative
(``![Façade de la mairie](images/mairie.jpg)``). A purely decorative image is marked by its
title: ``![](images/frise.png "décoratif")`` gives ``alt=""`` and no title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from guichet.decorative import is_decorative

MANAGED = frozenset({"src", "srcset", "sizes", "width", "height", "loading", "decoding", "alt"})
"""Attributes the plugin writes itself; any other attribute of the tag is kept."""


@dataclass(frozen=True)
class ImgTag:
    """A start tag: ``<img>`` (or ``<a>``, see :func:`find_images_and_links`) and where it is."""

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
    def __init__(self, text: str, wanted: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.tags: dict[str, list[ImgTag]] = {name: [] for name in wanted}
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]

    def handle_starttag(self, tag, attrs):
        if tag not in self.wanted:
            return
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        raw = self.get_starttag_text() or ""
        self.tags[tag].append(ImgTag(start, start + len(raw), dict(attrs)))

    handle_startendtag = handle_starttag


_NEWLINE = re.compile("\n")


def _find(text: str, *wanted: str) -> dict[str, list[ImgTag]]:
    lowered = text.lower()
    present = frozenset(name for name in wanted if f"<{name}" in lowered)
    if not present:
        return {name: [] for name in wanted}
    finder = _Finder(text, present)
    finder.feed(text)
    finder.close()
    return {name: finder.tags.get(name, []) for name in wanted}


def find_images_and_links(text: str) -> tuple[list[ImgTag], list[ImgTag]]:
    """Every ``<img>`` tag and every ``<a>`` start tag with an ``href`` (a link may lead to an
    image) of ``text``, in order, with their positions and attributes; read once."""
    found = _find(text, "img", "a")
    return found["img"], [tag for tag in found["a"] if tag.attrs.get("href")]


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
