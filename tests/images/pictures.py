"""Images made on the fly with Pillow for the tests: camera-like, odd modes, broken on purpose."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A picture with shapes and a gradient: something to resize, not a flat colour."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 8, height // 8, width // 2, height // 2), fill=(200, 40, 40))
    draw.ellipse((width // 2, height // 3, width - 10, height - 10), fill=(30, 90, 200))
    return image.convert(mode) if mode != "RGB" else image


def camera_jpeg(width: int = 4000, height: int = 3000, orientation: int = 6) -> bytes:
    """A JPEG as phones write them: stored sideways with EXIF orientation, GPS, maker."""
    image = photo(width, height)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (44.0, 21.0, 30.0), 3: "E", 4: (1.0, 52.0, 7.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def encoded(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def cmyk_jpeg() -> bytes:
    return encoded(photo(1200, 800, "CMYK"), "JPEG", quality=90)


def png16() -> bytes:
    """16-bit greyscale PNG (mode I;16)."""
    grey = Image.linear_gradient("L").resize((800, 600))
    return encoded(grey.convert("I").point(lambda v: v * 257).convert("I;16"), "PNG")


def palette_png_with_transparency() -> bytes:
    image = Image.new("P", (500, 300), 0)
    image.putpalette([255, 255, 255, 200, 30, 30, 30, 60, 200] + [0] * (253 * 3))
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 50, 250, 250), fill=1)
    draw.ellipse((260, 40, 480, 260), fill=2)
    return encoded(image, "PNG", transparency=0)


def greyscale_jpeg() -> bytes:
    return encoded(photo(1500, 1000, "L"), "JPEG", quality=90)


def animated_gif(frames: int = 3) -> bytes:
    images = [photo(400, 300).rotate(20 * i).convert("P") for i in range(frames)]
    return encoded(images[0], "GIF", save_all=True, append_images=images[1:], duration=200)


def truncated_jpeg() -> bytes:
    data = encoded(photo(1200, 900), "JPEG", quality=90)
    return data[: len(data) // 2]


def huge_png_header(width: int, height: int) -> bytes:
    """A valid PNG header announcing ``width × height``: tiny file, enormous image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


SMALL_SITE = Path(__file__).resolve().parent.parent / "site" / "fixtures" / "small"


def new_site(folder: Path, images: dict[str, bytes], pages: dict[str, list[str]]) -> Path:
    """A copy of the small site, ``images`` in content/images/, Markdown lines added to pages."""
    content = folder / "content"
    shutil.copytree(SMALL_SITE, content)
    (content / "images").mkdir()
    for name, data in images.items():
        (content / "images" / name).write_bytes(data)
    for page, lines in pages.items():
        with (content / page).open("a", encoding="utf-8") as file:
            file.write("\n\n" + "\n\n".join(lines) + "\n")
    return content
