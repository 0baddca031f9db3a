"""Draw theme/static/img/favicon.png: a town hall's pediment and columns, white on the header's
blue, 32×32, two colours (~150 bytes). Run again only to change the drawing.

    .venv/bin/python tools/make_favicon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "theme" / "static" / "img" / "favicon.png"
BLUE, WHITE = (0x12, 0x3F, 0x6D), (255, 255, 255)


def draw() -> Image.Image:
    image = Image.new("RGB", (32, 32), BLUE)
    pen = ImageDraw.Draw(image)
    pen.polygon([(5, 12), (16, 5), (27, 12)], fill=WHITE)  # pediment
    for left in (8, 15, 22):
        pen.rectangle([left, 14, left + 2, 23], fill=WHITE)  # columns
    pen.rectangle([5, 25, 27, 27], fill=WHITE)  # steps
    return image.quantize(colors=2)


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUT, optimize=True)
    print(f"{OUT.name}: {OUT.stat().st_size} octets")
