"""Process one image: decode it safely, orient it, convert it to sRGB, resize, encode, strip.

Pillow only, nothing from Pelican: ``process_bytes(data, options)`` returns every derivative's bytes
or raises :class:`ImageProblem` (a kind the glue turns into a French message); ``process_safely``
never raises (it runs in worker processes). Metadata never survives: derivatives are encoded from
pixels alone (no EXIF, GPS, XMP, ICC, text chunks). An animated GIF/PNG/WebP keeps its first frame.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageCms, ImageFile, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from .plan import Options, choose_format, plan_widths, scaled_height

register_heif_opener()
"""iPhone photos (HEIC/HEIF) open like any other image: oriented, then stripped."""

ORIENTATION_TAG = 0x0112
WEBP_METHOD = 4
"""libwebp effort: 4 is within 7 % of the smallest (6) at about half its time (measured)."""
LOWTECH_GREYS = (0, 85, 170, 255)
"""Four grey levels, 2 bits a pixel, as on Low-tech Magazine's solar site."""
BAYER_4 = (0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5)
"""4×4 ordered-dithering thresholds. Measured on the sample photos at 640 px: ordered dithering
gives a PNG about half the optimised JPEG's bytes; Floyd–Steinberg's noise gives 1.7× the JPEG."""


class ImageProblem(Exception):
    """Why an image cannot be used: ``kind`` is ``not_image``, ``corrupt`` or ``too_large``."""

    def __init__(self, kind: str, **details: object):
        super().__init__(kind)
        self.kind = kind
        self.details = details


@dataclass(frozen=True)
class Failure:
    """An :class:`ImageProblem` as plain data (exceptions with keywords do not pickle back)."""

    kind: str
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str
    """``JPEG``, ``PNG`` or ``WEBP``."""
    role: str
    """``main`` (the ``<img>``), ``webp`` (a ``<source>``) or ``lowtech`` (dithered)."""
    data: bytes


@dataclass(frozen=True)
class Processed:
    width: int
    """Width of the largest derivative (the source's, capped; after orientation)."""
    height: int
    format: str
    frames: int
    """Frames in the source: more than 1 is an animation, of which the first frame is kept."""
    variants: tuple[Variant, ...]


def process_safely(data: bytes, options: Options) -> Processed | Failure:
    """:func:`process_bytes` that never raises: bad input must not stop the other images."""
    try:
        return process_bytes(data, options)
    except ImageProblem as problem:
        return Failure(problem.kind, {k: v for k, v in problem.details.items() if v is not None})
    except Exception as error:  # Pillow on odd input can fail anywhere: report, never crash
        return Failure("corrupt", {"error": f"{type(error).__name__}: {error}"})


def process_bytes(data: bytes, options: Options) -> Processed:
    """Every derivative of one source image, or ImageProblem."""
    image, source_format, frames = _decode(data, options)
    image, few_colours = _normalise(image, count_colours=source_format != "JPEG")
    has_alpha = image.mode in ("RGBA", "LA")
    fmt = choose_format(source_format, has_alpha, few_colours)
    widths = plan_widths(image.width, options.widths)
    resized = _resize_all(image, widths)
    variants = [Variant(w, im.height, fmt, "main", _encode(im, fmt, options)) for w, im in resized]
    if options.webp and fmt == "JPEG":
        variants += [
            Variant(w, im.height, "WEBP", "webp", _encode(im, "WEBP", options)) for w, im in resized
        ]
    if options.lowtech:
        variants += [
            Variant(w, im.height, "PNG", "lowtech", _encode(dither(im), "PNG", options))
            for w, im in resized
        ]
    top = resized[0][1]
    return Processed(top.width, top.height, fmt, frames, tuple(variants))


@contextlib.contextmanager
def _refuse_truncated() -> Iterator[None]:
    """A truncated file is an error, whatever another library set process-wide.

    WeasyPrint sets ``ImageFile.LOAD_TRUNCATED_IMAGES = True`` when it is imported (the print
    plugin does so in the same build), which would publish half-grey photos without a word.
    """
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _decode(data: bytes, options: Options) -> tuple[Image.Image, str | None, int]:
    """Open, check the size before decoding any pixel, decode (reduced for big JPEGs), orient."""
    try:
        with warnings.catch_warnings(), _refuse_truncated():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > options.max_pixels:
                raise ImageProblem("too_large", width=width, height=height)
            frames = getattr(image, "n_frames", 1)
            source_format = image.format
            if source_format == "JPEG":
                image.draft(None, _draft_size(image, options))
            image.load()
    except ImageProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageProblem("too_large", width=None, height=None) from error
    except UnidentifiedImageError as error:
        raise ImageProblem("not_image") from error
    except Exception as error:  # truncated or corrupt data: Pillow raises many kinds
        raise ImageProblem("corrupt", error=str(error)) from error
    return _orient(image), source_format, frames


def _orient(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; unreadable EXIF is ignored (it is stripped anyway)."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # broken EXIF blocks from odd cameras: keep the pixels as stored
        return image


def _draft_size(image: Image.Image, options: Options) -> tuple[int, int]:
    """Size to ask the JPEG decoder for (in stored orientation): enough for the largest width."""
    width, height = image.size
    rotated = image.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8)
    shown_width = height if rotated else width
    target = min(shown_width, max(options.widths))
    scale = target / shown_width
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def _normalise(image: Image.Image, count_colours: bool = True) -> tuple[Image.Image, bool]:
    """8-bit sRGB in L, LA, RGB or RGBA; whether the source had at most 256 colours."""
    few_colours = image.mode in ("1", "P", "PA")
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        image = _to_srgb(image, icc)
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif (image.mode == "P" and "transparency" in image.info) or image.mode == "PA":
        image = image.convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode == "La":
        image = image.convert("LA")
    elif image.mode == "RGBa":
        image = image.convert("RGBA")
    elif image.mode not in ("L", "LA", "RGB", "RGBA"):
        image = image.convert("RGB")
    if image.mode in ("RGBA", "LA") and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert(image.mode[:-1])
    if count_colours and not few_colours:
        few_colours = image.getcolors(256) is not None
    return image, few_colours


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; a broken profile is ignored."""
    output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image.convert(output_mode)
    return converted if converted is not None else image


def _resize_all(image: Image.Image, widths: tuple[int, ...]) -> list[tuple[int, Image.Image]]:
    """Largest first; each smaller size is made from the previous one (same quality, faster)."""
    out = []
    current = image
    for width in sorted(widths, reverse=True):
        if current.width != width:
            size = (width, scaled_height(current.width, current.height, width))
            current = current.resize(size, Image.Resampling.LANCZOS)
        out.append((width, current))
    return out


def _encode(image: Image.Image, fmt: str, options: Options) -> bytes:
    """Encode pixels only: ``info`` is emptied so no metadata can be carried over."""
    if fmt == "PNG":
        image = _palette_if_lossless(image)
    image.info = {}
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(
            buffer,
            "JPEG",
            quality=options.jpeg_quality,
            optimize=True,
            progressive=True,
            subsampling="4:2:0",
        )
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=options.webp_quality, method=WEBP_METHOD)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _palette_if_lossless(image: Image.Image) -> Image.Image:
    """A palette PNG when the pixels hold at most 256 colours and the palette loses nothing
    (checked pixel by pixel; otherwise the image is kept as it is)."""
    if image.mode not in ("RGB", "RGBA"):
        return image
    colours = image.getcolors(256)
    if colours is None:
        return image
    if image.mode == "RGB":
        palette = Image.new("P", (1, 1))
        palette.putpalette([c for _, rgb in colours for c in rgb])
        candidate = image.quantize(palette=palette, dither=Image.Dither.NONE)
    else:
        candidate = image.quantize(
            len(colours), method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    if ImageChops.difference(candidate.convert(image.mode), image).getbbox() is not None:
        return image
    return candidate


def dither(image: Image.Image) -> Image.Image:
    """Four greys, ordered (Bayer) dithering: the low-tech rendering (transparency becomes
    white). A palette image whose indices are the grey levels."""
    if image.mode in ("RGBA", "LA"):
        background = Image.new("RGBA", image.size, "white")
        image = Image.alpha_composite(background, image.convert("RGBA"))
    grey = image.convert("L")
    levels = len(LOWTECH_GREYS) - 1
    step = 255 / levels
    lifted = ImageChops.add(grey, _threshold_map(grey.size, step))  # grey + [0, step)
    indices = lifted.point([min(levels, int(v / step)) for v in range(256)])
    dithered = Image.frombytes("P", grey.size, indices.tobytes())
    dithered.putpalette([v for g in LOWTECH_GREYS for v in (g, g, g)])
    return dithered


def _threshold_map(size: tuple[int, int], spread: float) -> Image.Image:
    """The Bayer matrix scaled to ``0..spread`` and tiled over ``size``."""
    tile = Image.new("L", (4, 4))
    tile.putdata([int((b + 0.5) / 16 * spread) for b in BAYER_4])
    width, height = size
    row = Image.new("L", (width + 4, 4))
    for x in range(0, width, 4):
        row.paste(tile, (x, 0))
    full = Image.new("L", (width, height + 4))
    for y in range(0, height, 4):
        full.paste(row, (0, y))
    return full.crop((0, 0, width, height))
