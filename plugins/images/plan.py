"""What to make of one image: options, widths, output format, file names. Pure, no Pillow I/O."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

PROCESSOR_VERSION = 1
"""Bump when the processing code changes its output: every cached derivative is remade."""

DEFAULTS: dict[str, Any] = {
    "IMAGES_WIDTHS": (360, 640, 960),
    "IMAGES_DISPLAY_WIDTH": 640,
    "IMAGES_SIZES": "(max-width: 42em) calc(100vw - 2em), 40em",
    "IMAGES_JPEG_QUALITY": 72,
    "IMAGES_WEBP": False,
    "IMAGES_WEBP_QUALITY": 70,
    "IMAGES_LOWTECH": False,
    "IMAGES_MAX_PIXELS": 50_000_000,
    "IMAGES_MAX_BYTES": 40_000_000,
    "IMAGES_SOURCE_DIR": "images",
    "IMAGES_OUTPUT_DIR": "images",
    "IMAGES_WORKERS": None,
}

MERGE_RATIO = 0.9
"""A configured width this close to the largest output adds too few pixels to be worth a file."""


@dataclass(frozen=True)
class Options:
    """Everything that changes the bytes of a derivative (and so the cache key)."""

    widths: tuple[int, ...] = DEFAULTS["IMAGES_WIDTHS"]
    jpeg_quality: int = DEFAULTS["IMAGES_JPEG_QUALITY"]
    webp: bool = DEFAULTS["IMAGES_WEBP"]
    webp_quality: int = DEFAULTS["IMAGES_WEBP_QUALITY"]
    lowtech: bool = DEFAULTS["IMAGES_LOWTECH"]
    max_pixels: int = DEFAULTS["IMAGES_MAX_PIXELS"]

    def fingerprint(self) -> str:
        data = {**asdict(self), "version": PROCESSOR_VERSION}
        return json.dumps(data, sort_keys=True)


def read_options(settings: Mapping[str, Any]) -> Options:
    """Options from Pelican's settings (``IMAGES_*``, defaults above); ValueError if invalid."""
    get = lambda name: settings.get(name, DEFAULTS[name])  # noqa: E731
    widths = tuple(sorted({int(w) for w in get("IMAGES_WIDTHS")}))
    if not widths or widths[0] < 16:
        raise ValueError(f"IMAGES_WIDTHS must list widths of at least 16 px, not {widths}")
    for name in ("IMAGES_JPEG_QUALITY", "IMAGES_WEBP_QUALITY"):
        if not 1 <= int(get(name)) <= 95:
            raise ValueError(f"{name} must be between 1 and 95")
    return Options(
        widths=widths,
        jpeg_quality=int(get("IMAGES_JPEG_QUALITY")),
        webp=bool(get("IMAGES_WEBP")),
        webp_quality=int(get("IMAGES_WEBP_QUALITY")),
        lowtech=bool(get("IMAGES_LOWTECH")),
        max_pixels=int(get("IMAGES_MAX_PIXELS")),
    )


def plan_widths(source_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Output widths for a source: the configured ones it can feed, never upscaled.

    The largest output is the source width capped at the largest configured width; a configured
    width within 10 % of it is dropped (a near-duplicate file).
    """
    top = min(source_width, max(widths))
    return (*(w for w in sorted(widths) if w < top * MERGE_RATIO), top)


def scaled_height(width: int, height: int, new_width: int) -> int:
    """Height keeping the aspect ratio, at least 1 px."""
    return max(1, round(height * new_width / width))


def choose_format(source_format: str | None, has_alpha: bool, few_colours: bool) -> str:
    """``JPEG`` for photographs, ``PNG`` for drawings, screenshots and transparency.

    A photograph saved as PNG (opaque, many colours) becomes JPEG: as PNG it would weigh 5 to 10
    times more. Anything with transparency, or with at most 256 colours, stays lossless PNG.
    """
    if has_alpha or few_colours:
        return "PNG"
    return "JPEG"


_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def file_stem(relative_path: str) -> str:
    """``Photos/Mairie été.JPG`` → ``photos/mairie-ete``: safe in a URL, folders kept."""
    parts = relative_path.replace("\\", "/").split("/")
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    cleaned = []
    for part in parts:
        ascii_part = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_part.lower()).strip("-")
        cleaned.append(slug or "image")
    return "/".join(cleaned)


def output_name(stem: str, width: int, fmt: str, data: bytes, suffix: str = "") -> str:
    """``mairie-640.3f2a9c1b0d.jpg``: named after its own bytes, so it can be cached forever."""
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{stem}-{width}{suffix}.{digest}.{_EXTENSIONS[fmt]}"


OUTPUT_NAME = re.compile(r"-\d+(?:-lowtech)?\.[0-9a-f]{10}\.(?:jpg|png|webp)$")
"""Matches the names :func:`output_name` makes (to prune stale files from the output)."""
