"""Camera-like JPEGs, fast and deterministic: what Pillow must chew through in a real town.

A real 12 MP photo at quality 90 weighs 2–5 MB because of texture and sensor grain; flat colour
would compress to almost nothing and make image processing look cheap. So: a sky-to-ground light
field, mid-scale texture (foliage, stone) and fine grain, all from ``random.Random(seed)``.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageChops, ImageFilter

CAMERA_SIZE = (4000, 3000)
"""12 megapixels, 4:3, as a phone or compact camera takes them."""
SKY = [(120, 160, 210), (170, 195, 225), (200, 210, 220), (90, 130, 190)]
GROUND = [(70, 100, 50), (120, 110, 80), (150, 140, 120), (60, 80, 60), (170, 150, 110)]


def camera_jpeg(seed: int, size: tuple[int, int] = CAMERA_SIZE, quality: int = 90) -> bytes:
    """JPEG bytes of a photo-like image; same seed and size, same bytes."""
    rng = random.Random(seed)
    width, height = size
    light = _light_field(rng).resize(size, Image.Resampling.BICUBIC)
    small = (max(1, width // 6), max(1, height // 6))
    texture = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    texture = texture.filter(ImageFilter.GaussianBlur(1.2)).resize(size, Image.Resampling.BICUBIC)
    image = ImageChops.overlay(light, Image.merge("RGB", (texture,) * 3))
    grain = Image.frombytes("L", size, rng.randbytes(width * height))
    grain = grain.point(lambda v: 116 + v * 24 // 255)
    image = ImageChops.overlay(image, Image.merge("RGB", (grain,) * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _light_field(rng: random.Random) -> Image.Image:
    """8×6 colours: sky on the top rows, ground below, jittered."""
    horizon = rng.randint(2, 3)
    pixels = []
    for row in range(6):
        palette = SKY if row < horizon else GROUND
        for _ in range(8):
            base = rng.choice(palette)
            pixels.append(tuple(max(0, min(255, c + rng.randint(-25, 25))) for c in base))
    image = Image.new("RGB", (8, 6))
    image.putdata(pixels)
    return image
