"""WCAG contrast of a built page's colours (no Pelican, no browser). A page's first-view weight
is measured by the build's own rule: ``SiteChecker.first_view`` (plugins/checks/budget.py)."""

from __future__ import annotations

import re

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
