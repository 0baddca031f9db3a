"""What to make of one image: settings, widths, output format, file names. Pure, no Pillow I/O."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from guichet.accents import ascii_only
from guichet.keys import read

from .settings import KEYS

PROCESSOR_VERSION = 3
"""Bump when the processing code changes its output: every cached derivative is remade."""

MERGE_RATIO = 0.9
"""A configured width this close to the largest output adds too few pixels to be worth a file."""


@dataclass(frozen=True)
class Options:
    """Everything that changes the bytes of a derivative (and so the cache key)."""

    widths: tuple[int, ...]
    jpeg_quality: int
    webp: bool
    webp_quality: int
    lowtech: bool
    max_pixels: int

    def fingerprint(self) -> str:
        data = {**asdict(self), "version": PROCESSOR_VERSION}
        return json.dumps(data, sort_keys=True)


@dataclass(frozen=True)
class Settings:
    """The plugin's settings, read once per build from Pelican's."""

    options: Options
    display_width: int
    """Width of the ``src`` candidate (browsers without ``srcset``): the column's width."""
    sizes: str
    source_dir: str
    """Folder of ``content/`` holding the source images (``images``)."""
    output_dir: str
    """Folder of the output holding the derivatives (``images``)."""
    workers: int | None
    """Processes decoding images in parallel; None: one per core."""
    progress_from: int
    """Show a progress line on a terminal when more images than this are to be processed."""


def read_settings(settings: Mapping[str, Any]) -> Settings:
    """The plugin's settings from Pelican's (``IMAGES_*``, each with its default in
    settings.py); ValueError naming what is wrong."""
    settings = read(settings, KEYS)
    widths = tuple(sorted({int(w) for w in settings["IMAGES_WIDTHS"]}))
    if not widths or widths[0] < 16:
        raise ValueError(f"IMAGES_WIDTHS must list widths of at least 16 px, not {widths}")
    for name in ("IMAGES_JPEG_QUALITY", "IMAGES_WEBP_QUALITY"):
        if not 1 <= int(settings[name]) <= 95:
            raise ValueError(f"{name} must be between 1 and 95")
    workers = settings["IMAGES_WORKERS"]
    if workers is not None and int(workers) < 1:
        raise ValueError("IMAGES_WORKERS must be None or at least 1")
    for name in ("IMAGES_SOURCE_DIR", "IMAGES_OUTPUT_DIR"):
        folder = str(settings[name]).strip("/")
        if not folder or ".." in folder.split("/"):
            raise ValueError(f"{name} must be a folder name, not {settings[name]!r}")
    options = Options(
        widths=widths,
        jpeg_quality=int(settings["IMAGES_JPEG_QUALITY"]),
        webp=bool(settings["IMAGES_WEBP"]) and not settings["IMAGES_LOWTECH"],
        webp_quality=int(settings["IMAGES_WEBP_QUALITY"]),
        lowtech=bool(settings["IMAGES_LOWTECH"]),
        max_pixels=int(settings["IMAGES_MAX_PIXELS"]),
    )
    return Settings(
        options=options,
        display_width=int(settings["IMAGES_DISPLAY_WIDTH"]),
        sizes=str(settings["IMAGES_SIZES"]),
        source_dir=str(settings["IMAGES_SOURCE_DIR"]).strip("/"),
        output_dir=str(settings["IMAGES_OUTPUT_DIR"]).strip("/"),
        workers=None if workers is None else int(workers),
        progress_from=int(settings["IMAGES_PROGRESS_FROM"]),
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


PHOTO_FORMATS = frozenset({"JPEG", "HEIF"})
"""Camera formats: always published as JPEG (and WebP), a HEIC phone photo included."""


def choose_format(source_format: str | None, has_alpha: bool, few_colours: bool) -> str:
    """``JPEG`` for photographs, ``PNG`` for drawings, screenshots and transparency.

    A JPEG stays JPEG. A photograph saved as PNG (opaque, many colours) becomes JPEG: as PNG it
    would weigh 5 to 10 times more. Anything with transparency, or with at most 256 colours,
    stays lossless PNG.
    """
    if source_format in PHOTO_FORMATS:
        return "JPEG"
    if has_alpha or few_colours:
        return "PNG"
    return "JPEG"


def pick_candidate(widths: tuple[int, ...], display_width: int) -> int:
    """Width of the ``src`` fallback: the smallest at least as wide as the column, else the
    largest there is."""
    wide_enough = [w for w in sorted(widths) if w >= display_width]
    return wide_enough[0] if wide_enough else max(widths)


_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def file_stem(relative_path: str) -> str:
    """``Photos/Mairie été.JPG`` → ``photos/mairie-ete``: safe in a URL, folders kept."""
    parts = relative_path.replace("\\", "/").split("/")
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    cleaned = []
    for part in parts:
        ascii_part = ascii_only(part)
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_part.lower()).strip("-")
        cleaned.append(slug or "image")
    return "/".join(cleaned)


def digest(data: bytes) -> str:
    """Short content hash of a derivative, for its file name."""
    return hashlib.sha256(data).hexdigest()[:10]


def output_name(stem: str, width: int, fmt: str, digest: str, role: str = "main") -> str:
    """``mairie-640.3f2a9c1b0d.jpg``: named after its own bytes, so it can be cached forever."""
    suffix = "-lowtech" if role == "lowtech" else ""
    return f"{stem}-{width}{suffix}.{digest}.{_EXTENSIONS[fmt]}"


OUTPUT_NAME = re.compile(r"-\d+(?:-lowtech)?\.[0-9a-f]{10}\.(?:jpg|png|webp)$")
"""Matches the names :func:`output_name` makes (to prune stale files from the output)."""


def cache_key(source_digest: str, options: Options) -> str:
    """Cache entry of one source under some options: both change → another entry."""
    return hashlib.sha256(f"{source_digest}\n{options.fingerprint()}".encode()).hexdigest()[:32]
