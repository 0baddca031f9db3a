"""Generate the sample town's camera-like photos into content/images/.

Usage (from the repository root)::

    /tmp/venv/bin/python tools/make_sample_photos.py [OUTPUT_DIR]

Writes four JPEGs (quality 92) that behave like photos straight from a camera or a phone, so the
image pipeline is exercised on realistic input:

- ``mairie-facade.jpg``  4000×3000, town hall façade on a square.
- ``salle-accueil.jpg``  4032×3024 pixels stored sideways with EXIF Orientation 6: it is a
  portrait photo (3024×4032 once rotated) of the CCAS reception room; a pipeline that ignores the
  orientation shows it lying on its side.
- ``ecole.jpg``          4000×2250, primary school and its playground.
- ``cimetiere.jpg``      3000×2000, cemetery with graves and cypress trees.

Each file carries EXIF Make/Model, DateTime/DateTimeOriginal and GPS coordinates: personal data
the build must strip. Pixel noise gives them camera-like sizes (about 1.5–4 MB each).

Pillow only, and deterministic: the same Pillow/libjpeg give the same bytes on every run
(fixed seeds, no clock, no system font).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from PIL.TiffImagePlugin import IFDRational

QUALITY = 92
OUTPUT = Path(__file__).resolve().parent.parent / "content" / "images"

Color = tuple[int, int, int]


# --- helpers -------------------------------------------------------------------------------


def vertical_gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """A top-to-bottom colour gradient (built on one column, then stretched)."""
    width, height = size
    column = Image.new("RGB", (1, 256))
    column.putdata(
        [
            tuple(round(t + (b - t) * i / 255) for t, b in zip(top, bottom, strict=True))
            for i in range(256)
        ]
    )
    return column.resize((width, height), Image.Resampling.BILINEAR)


def shade(color: Color, factor: float) -> Color:
    return tuple(max(0, min(255, round(c * factor))) for c in color)


def add_noise(image: Image.Image, rng: random.Random, amplitude: int) -> Image.Image:
    """Sensor-like noise: per-pixel, per-channel, slightly soft. Drives the JPEG size."""
    width, height = image.size
    noise = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    noise = noise.point(lambda v: v * amplitude // 255).filter(ImageFilter.GaussianBlur(0.6))
    return ImageChops.add(image, noise, 1.0, -amplitude // 2)


def vignette(image: Image.Image, strength: float = 0.35) -> Image.Image:
    """Darker corners, as a real lens gives."""
    mask = Image.radial_gradient("L").resize(image.size, Image.Resampling.BILINEAR)
    mask = mask.point(lambda v: round(255 - v * strength))
    dark = Image.new("RGB", image.size, (0, 0, 0))
    return Image.composite(image, dark, mask)


def texture(
    draw: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    base: Color,
    rng: random.Random,
    count: int,
    spread: float,
    size: int,
) -> None:
    """Random blotches over a surface (stone, gravel, grass, plaster)."""
    x0, y0, x1, y1 = box
    for _ in range(count):
        x, y = rng.randint(x0, x1), rng.randint(y0, y1)
        r = rng.randint(size // 3, size)
        color = shade(base, 1 + rng.uniform(-spread, spread))
        draw.ellipse((x - r, y - r // 2, x + r, y + r // 2), fill=color)


def tree(
    draw: ImageDraw.ImageDraw,
    x: int,
    ground: int,
    height: int,
    rng: random.Random,
    leaf: Color = (70, 110, 50),
) -> None:
    trunk = max(8, height // 14)
    bark: Color = (85, 65, 45)
    draw.rectangle((x - trunk // 2, ground - height // 2, x + trunk // 2, ground), fill=bark)
    for _ in range(60):
        dx = rng.randint(-height // 3, height // 3)
        dy = rng.randint(-height, -height // 2)
        r = rng.randint(height // 10, height // 5)
        draw.ellipse(
            (x + dx - r, ground + dy - r, x + dx + r, ground + dy + r),
            fill=shade(leaf, rng.uniform(0.7, 1.2)),
        )


def window(
    draw: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    shutters: Color | None,
    glass: Color = (70, 90, 110),
) -> None:
    x0, y0, x1, y1 = box
    w = x1 - x0
    draw.rectangle((x0 - 6, y0 - 6, x1 + 6, y1 + 6), fill=(235, 230, 215))
    draw.rectangle(box, fill=glass)
    draw.line((x0 + w // 2, y0, x0 + w // 2, y1), fill=(230, 230, 225), width=max(4, w // 20))
    for k in (1, 2):
        y = y0 + (y1 - y0) * k // 3
        draw.line((x0, y, x1, y), fill=(230, 230, 225), width=max(3, w // 28))
    draw.polygon(
        [(x0 + 4, y1 - 4), (x0 + w // 2 - 6, y0 + 8), (x0 + w // 2 - 6, y1 - 4)],
        fill=shade(glass, 1.35),
    )
    if shutters:
        for sx in (x0 - 6 - w // 2, x1 + 6):
            draw.rectangle((sx, y0 - 6, sx + w // 2, y1 + 6), fill=shutters)
            for ly in range(y0, y1, 22):
                draw.line((sx + 4, ly, sx + w // 2 - 4, ly), fill=shade(shutters, 0.8), width=4)


# --- scenes --------------------------------------------------------------------------------


def mairie_facade(rng: random.Random) -> Image.Image:
    """Town hall: stone façade, blue shutters, flag, sign, paved square, plane trees."""
    w, h = 4000, 3000
    img = vertical_gradient((w, h), (86, 140, 205), (205, 225, 240))
    d = ImageDraw.Draw(img)
    horizon = 1900
    d.polygon(
        [
            (0, horizon - 300),
            (900, horizon - 520),
            (2000, horizon - 380),
            (3200, horizon - 560),
            (w, horizon - 350),
            (w, horizon),
            (0, horizon),
        ],
        fill=(120, 150, 120),
    )
    stone: Color = (214, 196, 162)
    left, right, top = 700, 3300, 700
    d.rectangle((left, top, right, horizon + 200), fill=stone)
    texture(d, (left, top, right, horizon + 200), stone, rng, 2500, 0.06, 40)
    d.polygon([(left - 60, top), (w // 2, top - 380), (right + 60, top)], fill=(150, 80, 60))
    d.rectangle((left - 60, top - 20, right + 60, top + 20), fill=(240, 232, 212))
    d.ellipse(
        (w // 2 - 120, top - 300, w // 2 + 120, top - 60),
        fill=(245, 242, 230),
        outline=(60, 60, 60),
        width=12,
    )
    d.line((w // 2, top - 180, w // 2, top - 260), fill=(30, 30, 30), width=10)
    d.line((w // 2, top - 180, w // 2 + 60, top - 160), fill=(30, 30, 30), width=10)
    shutters: Color = (80, 120, 150)
    for row, y in enumerate((900, 1350)):
        for x in range(950, 3200, 450):
            if row == 1 and abs(x + 110 - w // 2) < 200:
                continue
            window(d, (x, y, x + 220, y + 330), shutters)
    d.rectangle((w // 2 - 180, 1450, w // 2 + 180, horizon + 200), fill=(95, 60, 40))
    d.pieslice((w // 2 - 180, 1270, w // 2 + 180, 1630), 180, 360, fill=(95, 60, 40))
    d.line((w // 2, 1450, w // 2, horizon + 200), fill=(60, 40, 25), width=8)
    font = ImageFont.load_default(size=150)
    d.rectangle((w // 2 - 420, 1290 - 250, w // 2 + 420, 1290 - 60), fill=(240, 232, 212))
    d.text((w // 2, 1290 - 155), "MAIRIE", fill=(40, 40, 40), font=font, anchor="mm")
    d.line((w // 2 + 520, 1250, w // 2 + 820, 950), fill=(90, 90, 90), width=14)
    for i, color in enumerate(((0, 35, 149), (245, 245, 245), (237, 41, 57))):
        x = w // 2 + 820 + i * 70
        d.polygon([(x, 950), (x + 70, 950 + 20), (x + 70, 1180 + 20), (x, 1180)], fill=color)
    paving: Color = (160, 155, 150)
    d.rectangle((0, horizon + 200, w, h), fill=paving)
    texture(d, (0, horizon + 200, w, h), paving, rng, 3500, 0.12, 55)
    d.rectangle((485, 2350, 515, 2950), fill=(110, 110, 115))
    d.rectangle((380, 2150, 620, 2390), fill=(20, 90, 180), outline=(250, 250, 250), width=10)
    d.text((500, 2270), "P", fill=(250, 250, 250), font=font, anchor="mm")
    tree(d, 350, horizon + 250, 1400, rng)
    tree(d, 3650, horizon + 250, 1500, rng)
    return img


def salle_accueil(rng: random.Random) -> Image.Image:
    """Reception room, upright (portrait): counter with a low part, chairs, window, notices."""
    w, h = 3024, 4032
    wall: Color = (236, 228, 210)
    img = Image.new("RGB", (w, h), wall)
    d = ImageDraw.Draw(img)
    texture(d, (0, 0, w, 2700), wall, rng, 1800, 0.03, 60)
    floor = vertical_gradient((w, h - 2700), (170, 130, 90), (120, 85, 55))
    img.paste(floor, (0, 2700))
    for x in range(-2000, w + 2000, 260):
        d.line((w // 2 + (x - w // 2) // 4, 2700, x, h), fill=(105, 75, 50), width=6)
    d.rectangle((0, 0, w, 180), fill=(245, 245, 240))
    for x in (700, 2300):
        d.rectangle((x - 260, 60, x + 260, 120), fill=(255, 255, 235))
    d.rectangle((200, 700, 1150, 2250), fill=(250, 250, 245))
    sky = vertical_gradient((870, 1470), (140, 185, 230), (220, 235, 245))
    img.paste(sky, (240, 740))
    d.rectangle((240, 1700, 1110, 2210), fill=(110, 150, 100))
    d.line((675, 740, 675, 2210), fill=(250, 250, 245), width=30)
    d.rectangle((1500, 900, 2700, 1700), fill=(190, 160, 120))
    for _ in range(9):
        x, y = rng.randint(1540, 2450), rng.randint(940, 1450)
        d.rectangle((x, y, x + 220, y + 280), fill=shade((250, 250, 245), rng.uniform(0.9, 1.0)))
        for ly in range(y + 40, y + 250, 30):
            d.line((x + 20, ly, x + 200, ly), fill=(120, 120, 130), width=6)
    desk: Color = (90, 120, 140)
    d.rectangle((1250, 2200, 2950, 2950), fill=desk)
    d.rectangle((1250, 2450, 1800, 2950), fill=shade(desk, 1.2))
    d.rectangle((1200, 2150, 2990, 2220), fill=(225, 215, 195))
    d.rectangle((1200, 2420, 1850, 2470), fill=(225, 215, 195))
    d.rectangle((2100, 1900, 2600, 2170), fill=(40, 40, 45))
    d.rectangle((2130, 1930, 2570, 2140), fill=(120, 170, 210))
    d.ellipse((1400, 2300, 1500, 2400), fill=(30, 90, 170))
    for x in (150, 560):
        seat: Color = (180, 60, 50)
        d.rectangle((x, 2900, x + 330, 2980), fill=seat)
        d.rectangle((x, 2550, x + 330, 2900), fill=shade(seat, 0.85))
        for lx in (x + 20, x + 290):
            d.rectangle((lx, 2980, lx + 20, 3350), fill=(60, 60, 60))
    tree(d, 2800, 3400, 700, rng, leaf=(60, 120, 60))
    d.rectangle((2700, 3250, 2900, 3450), fill=(200, 110, 70))
    return img


def ecole(rng: random.Random) -> Image.Image:
    """Primary school: long one-storey building, tiled roof, big windows, playground, fence."""
    w, h = 4000, 2250
    img = vertical_gradient((w, h), (120, 165, 215), (225, 235, 240))
    d = ImageDraw.Draw(img)
    tree(d, 300, 1350, 1100, rng)
    tree(d, 3750, 1350, 1000, rng)
    plaster: Color = (238, 215, 175)
    d.rectangle((400, 700, 3600, 1400), fill=plaster)
    texture(d, (400, 700, 3600, 1400), plaster, rng, 1500, 0.04, 40)
    d.polygon([(330, 720), (700, 420), (3300, 420), (3670, 720)], fill=(180, 85, 55))
    for y in range(450, 720, 30):
        inset = (720 - y) * 370 // 300
        d.line((330 + inset, y, 3670 - inset, y), fill=(150, 70, 45), width=4)
    for x in range(550, 3500, 380):
        if 1900 < x < 2300:
            continue
        window(d, (x, 850, x + 260, 1250), None, glass=(80, 110, 130))
    d.rectangle((1950, 900, 2250, 1400), fill=(40, 120, 160))
    font = ImageFont.load_default(size=110)
    # The bundled font has no "É": draw "ECOLE" and add the acute accent by hand.
    d.text((2100, 790), "ECOLE", fill=(60, 60, 60), font=font, anchor="mm")
    left = d.textbbox((2100, 790), "ECOLE", font=font, anchor="mm")[0]
    d.polygon(
        [(left + 25, 722), (left + 55, 690), (left + 70, 700), (left + 35, 728)], fill=(60, 60, 60)
    )
    ground: Color = (150, 150, 155)
    d.rectangle((0, 1400, w, h), fill=ground)
    texture(d, (0, 1400, w, h), ground, rng, 3000, 0.1, 45)
    for i in range(6):
        x = 900 + i * 190
        d.rectangle((x, 1800, x + 170, 1960), outline=(250, 250, 250), width=12)
    d.ellipse((2600, 1700, 3300, 2050), outline=(250, 250, 250), width=14)
    for x in range(0, w, 70):
        d.rectangle((x, 1950, x + 14, 2250), fill=(30, 100, 60))
    d.rectangle((0, 1990, w, 2010), fill=(30, 100, 60))
    d.rectangle((0, 2190, w, 2210), fill=(30, 100, 60))
    return img


def cimetiere(rng: random.Random) -> Image.Image:
    """Cemetery: stone wall, rows of graves and crosses, cypress trees, gravel path."""
    w, h = 3000, 2000
    img = vertical_gradient((w, h), (150, 180, 215), (230, 232, 235))
    d = ImageDraw.Draw(img)
    d.polygon(
        [(0, 900), (1200, 760), (2200, 860), (w, 780), (w, 1000), (0, 1000)], fill=(110, 135, 105)
    )
    wall: Color = (195, 185, 165)
    d.rectangle((0, 950, w, 1150), fill=wall)
    texture(d, (0, 950, w, 1150), wall, rng, 900, 0.1, 30)
    for x in (250, 900, 2300, 2750):
        d.ellipse((x - 110, 350, x + 110, 1200), fill=(35, 70, 40))
        d.ellipse((x - 70, 250, x + 70, 700), fill=(45, 85, 45))
    grass: Color = (115, 140, 85)
    d.rectangle((0, 1150, w, h), fill=grass)
    texture(d, (0, 1150, w, h), grass, rng, 3000, 0.12, 30)
    path = [(1350, 1150), (1650, 1150), (2300, h), (700, h)]
    gravel = Image.new("RGB", (w, h), (200, 190, 170))
    texture(ImageDraw.Draw(gravel), (700, 1150, 2300, h), (200, 190, 170), rng, 2500, 0.08, 12)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon(path, fill=255)
    img.paste(gravel, (0, 0), mask)
    granite: Color = (125, 125, 130)
    for row, (y, size) in enumerate(((1250, 110), (1450, 160), (1700, 230))):
        for col in range(7):
            x = 120 + col * (size + 260) + (row * 90)
            if 1150 < x + size // 2 < 1850 + row * 150:
                continue
            color = shade(granite, rng.uniform(0.8, 1.3))
            d.rectangle((x, y, x + size, y + size // 3), fill=shade(color, 0.8))
            if (row + col) % 3 == 0:
                d.rectangle(
                    (x + size // 2 - size // 12, y - size, x + size // 2 + size // 12, y),
                    fill=color,
                )
                d.rectangle(
                    (
                        x + size // 4,
                        y - size * 3 // 4,
                        x + size * 3 // 4,
                        y - size * 3 // 4 + size // 6,
                    ),
                    fill=color,
                )
            else:
                d.rectangle((x + size // 8, y - size, x + size * 7 // 8, y), fill=color)
                d.pieslice(
                    (x + size // 8, y - size - size // 3, x + size * 7 // 8, y - size + size // 3),
                    180,
                    360,
                    fill=color,
                )
            if rng.random() < 0.5:
                d.ellipse(
                    (x + size // 3, y - size // 6, x + size * 2 // 3, y + size // 10),
                    fill=(200, 60, 90),
                )
    return img


# --- EXIF ----------------------------------------------------------------------------------


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = Fraction(round((value - degrees - minutes / 60) * 3600 * 100), 100)
    return (
        IFDRational(degrees, 1),
        IFDRational(minutes, 1),
        IFDRational(seconds.numerator, seconds.denominator),
    )


def camera_exif(
    make: str,
    model: str,
    taken: str,
    lat: float,
    lon: float,
    size: tuple[int, int],
    orientation: int = 1,
) -> Image.Exif:
    """EXIF as a camera writes it, including what must never be published (GPS, device)."""
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x0112] = orientation
    exif[0x0131] = f"{model} firmware 1.0.2"
    exif[0x0132] = taken
    details = exif.get_ifd(0x8769)
    details[0x9003] = taken
    details[0x9004] = taken
    details[0x829A] = IFDRational(1, 250)
    details[0x829D] = IFDRational(56, 10)
    details[0x8827] = 100
    details[0xA002], details[0xA003] = size
    gps = exif.get_ifd(0x8825)
    gps[0x0000] = b"\x02\x03\x00\x00"
    gps[0x0001] = "N" if lat >= 0 else "S"
    gps[0x0002] = _dms(abs(lat))
    gps[0x0003] = "E" if lon >= 0 else "W"
    gps[0x0004] = _dms(abs(lon))
    gps[0x0005] = b"\x00"
    gps[0x0006] = IFDRational(61240, 100)
    return exif


# --- main ----------------------------------------------------------------------------------

Scene = Callable[[random.Random], Image.Image]

PHOTOS: list[tuple[str, Scene, int, dict]] = [
    (
        "mairie-facade.jpg",
        mairie_facade,
        101,
        {
            "make": "Canon",
            "model": "Canon EOS 250D",
            "taken": "2026:09:14 10:32:05",
            "lat": 44.350612,
            "lon": 2.574836,
        },
    ),
    (
        "salle-accueil.jpg",
        salle_accueil,
        202,
        {
            "make": "Apple",
            "model": "iPhone 12",
            "taken": "2026:09:14 11:05:41",
            "lat": 44.350250,
            "lon": 2.575510,
            "orientation": 6,
        },
    ),
    (
        "ecole.jpg",
        ecole,
        303,
        {
            "make": "SAMSUNG",
            "model": "SM-A536B",
            "taken": "2026:06:02 16:48:12",
            "lat": 44.348904,
            "lon": 2.571992,
            "noise": 30,
        },
    ),
    (
        "cimetiere.jpg",
        cimetiere,
        404,
        {
            "make": "NIKON CORPORATION",
            "model": "NIKON D3500",
            "taken": "2025:10:31 15:20:33",
            "lat": 44.353377,
            "lon": 2.579120,
            "noise": 60,
        },
    ),
]


def make_photo(name: str, scene: Scene, seed: int, meta: dict, output: Path) -> Path:
    rng = random.Random(seed)
    image = vignette(add_noise(scene(rng), rng, meta.get("noise", 26)))
    orientation = meta.get("orientation", 1)
    if orientation == 6:
        # Orientation 6 means "rotate 90° clockwise to display": store the upright picture
        # turned 90° counter-clockwise, as a phone held upright does.
        image = image.transpose(Image.Transpose.ROTATE_90)
    exif = camera_exif(
        meta["make"],
        meta["model"],
        meta["taken"],
        meta["lat"],
        meta["lon"],
        image.size,
        orientation,
    )
    path = output / name
    image.save(path, "JPEG", quality=QUALITY, exif=exif, subsampling="4:2:0", optimize=False)
    return path


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    for name, scene, seed, meta in PHOTOS:
        path = make_photo(name, scene, seed, meta, output)
        with Image.open(path) as check:
            print(f"{path}: {check.size[0]}×{check.size[1]}, {path.stat().st_size / 1e6:.2f} Mo")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
