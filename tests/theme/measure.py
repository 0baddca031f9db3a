"""Pure measures of a built page: first-view weight and WCAG contrast (no Pelican, no browser)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from html.parser import HTMLParser

ROUND_TRIP_BYTES = 14_600
"""What fits in the first TCP round trip (10 segments of 1460 bytes): one page's first view."""


class _Stylesheets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        rel = (found.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and found.get("href"):
            self.hrefs.append(found["href"])


def stylesheet_hrefs(html: str) -> list[str]:
    """The ``href`` of every ``<link rel="stylesheet">``, in document order."""
    parser = _Stylesheets()
    parser.feed(html)
    return parser.hrefs


def gzip_size(data: bytes) -> int:
    """Bytes on the wire with ``gzip -9`` (no file name or time stamp in the header)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_view_bytes(html: bytes, load: Callable[[str], bytes]) -> int:
    """Gzipped HTML plus each stylesheet it links (``load(href)`` gives the stylesheet's bytes).

    Images aside: they come after the first paint and have their own budget.
    """
    hrefs = stylesheet_hrefs(html.decode("utf-8"))
    return gzip_size(html) + sum(gzip_size(load(href)) for href in dict.fromkeys(hrefs))


_HEX = re.compile(r"^#([0-9a-f]{3}|[0-9a-f]{6})$", re.I)


def parse_colour(value: str) -> tuple[int, int, int]:
    """``#1b1b1b``, ``#fff`` or ``rgb(27, 27, 27)`` (as browsers compute it) → (r, g, b)."""
    value = value.strip()
    if match := _HEX.match(value):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    if match := re.match(r"^rgba?\((\d+),\s*(\d+),\s*(\d+)", value):
        return tuple(int(match.group(i)) for i in (1, 2, 3))  # type: ignore[return-value]
    raise ValueError(f"not a colour: {value!r}")


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    light, dark = sorted(
        (_luminance(parse_colour(foreground)), _luminance(parse_colour(background))), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)
