"""Pillow processing on images made on the fly: orientation, metadata, modes, bad input."""

from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image

import pelicanconf
from guichet_plugins.images.plan import read_settings
from guichet_plugins.images.process import Failure, Processed, dither, process_safely
from tests.images import pictures

OPTIONS = read_settings(vars(pelicanconf)).options
JPEG_ONLY = dataclasses.replace(OPTIONS, webp=False)


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def main_variants(result: Processed) -> list:
    return [v for v in result.variants if v.role == "main"]


def test_camera_photo_is_rotated_downscaled_and_stripped():
    result = process_safely(pictures.camera_jpeg(4000, 3000, orientation=6), OPTIONS)
    assert isinstance(result, Processed)
    assert (result.width, result.height) == (960, 1280)  # portrait once rotated
    for variant in result.variants:
        image = opened(variant.data)
        assert image.width <= max(OPTIONS.widths)
        assert image.height > image.width
        assert not image.getexif()  # no EXIF at all: no GPS, no orientation, no maker
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info)
    assert sorted(v.width for v in main_variants(result)) == [360, 640, 960]
    jpeg = opened(main_variants(result)[0].data)
    assert jpeg.format == "JPEG" and jpeg.info.get("progressive")


def test_rotated_photo_keeps_its_top_up():
    """The red square drawn in the top-left of the stored image ends top-right after
    orientation 6 (rotate 90° clockwise)."""
    result = process_safely(pictures.camera_jpeg(800, 600, orientation=6), JPEG_ONLY)
    image = opened(main_variants(result)[-1].data).convert("RGB")
    width, height = image.size
    red = image.getpixel((width * 3 // 4, height // 4))
    assert red[0] > 150 and red[1] < 100, red


@pytest.mark.parametrize(
    ("make", "expected_format", "expected_mode"),
    [
        (pictures.cmyk_jpeg, "JPEG", "RGB"),
        (pictures.png16, "PNG", "L"),
        (pictures.palette_png_with_transparency, "PNG", None),  # P or RGBA: lossless either way
        (pictures.greyscale_jpeg, "JPEG", "L"),
        (pictures.animated_gif, "PNG", None),
    ],
)
def test_odd_modes_convert(make, expected_format, expected_mode):
    result = process_safely(make(), OPTIONS)
    assert isinstance(result, Processed), result
    for variant in main_variants(result):
        image = opened(variant.data)
        assert image.format == expected_format
        assert image.mode in ("L", "RGB", "RGBA", "P", "LA")
        if expected_mode:
            assert image.mode == expected_mode


def test_few_colours_give_a_palette_png_and_lose_nothing():
    image = Image.new("RGB", (400, 300), (250, 250, 250))
    image.paste((20, 60, 160), (0, 0, 200, 300))
    result = process_safely(pictures.encoded(image, "PNG"), OPTIONS)
    top = opened(main_variants(result)[-1].data)
    assert top.mode == "P"
    assert top.convert("RGB").getpixel((10, 10)) == (20, 60, 160)
    assert top.convert("RGB").getpixel((390, 10)) == (250, 250, 250)


def test_transparency_survives():
    result = process_safely(pictures.palette_png_with_transparency(), OPTIONS)
    image = opened(main_variants(result)[-1].data).convert("RGBA")
    assert image.getpixel((0, 0))[3] == 0
    assert image.getpixel((image.width // 4, image.height // 2))[3] == 255


def test_animated_gif_keeps_its_first_frame():
    result = process_safely(pictures.animated_gif(frames=3), OPTIONS)
    assert result.frames == 3
    assert all(opened(v.data).format == "PNG" for v in result.variants)


def test_small_image_is_never_upscaled():
    result = process_safely(pictures.encoded(pictures.photo(300, 200), "JPEG"), OPTIONS)
    assert [v.width for v in main_variants(result)] == [300]


def test_webp_only_with_the_setting():
    data = pictures.camera_jpeg(1600, 1200, orientation=1)
    with_webp = process_safely(data, dataclasses.replace(OPTIONS, webp=True))
    without = process_safely(data, JPEG_ONLY)
    assert {v.role for v in with_webp.variants} == {"main", "webp"}
    assert {v.role for v in without.variants} == {"main"}
    webp = [v for v in with_webp.variants if v.role == "webp"]
    assert all(opened(v.data).format == "WEBP" for v in webp)


def test_lowtech_variants_are_four_grey_dithered_pngs():
    data = pictures.camera_jpeg(1600, 1200, orientation=1)
    result = process_safely(data, dataclasses.replace(OPTIONS, lowtech=True, webp=False))
    lowtech = [v for v in result.variants if v.role == "lowtech"]
    assert lowtech
    for variant in lowtech:
        image = opened(variant.data)
        assert image.format == "PNG"
        greys = {colour for _, colour in image.convert("L").getcolors(256)}
        assert greys <= {0, 85, 170, 255}


def test_dither_paints_transparency_white():
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert dither(image).convert("L").getpixel((5, 5)) == 255


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (pictures.truncated_jpeg(), "corrupt"),
        (b"Ceci n'est pas une image.\n", "not_image"),
        (b"", "not_image"),
        (pictures.huge_png_header(10_000, 6_000), "too_large"),
        (pictures.huge_png_header(30_000, 30_000), "too_large"),
    ],
)
def test_bad_input_is_a_failure_not_an_exception(data, kind):
    result = process_safely(data, OPTIONS)
    assert isinstance(result, Failure)
    assert result.kind == kind


def test_truncated_photo_is_refused_even_after_weasyprint_loosened_pillow():
    """WeasyPrint, imported by the print plugin in the same build, sets Pillow's process-wide
    ``LOAD_TRUNCATED_IMAGES``; a truncated photo must still be refused, not half published."""
    import weasyprint  # noqa: F401  (the import is what changes Pillow's setting)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    result = process_safely(pictures.truncated_jpeg(), OPTIONS)
    assert isinstance(result, Failure) and result.kind == "corrupt"
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint's choice is left as it was


def test_oversized_image_reports_its_size():
    result = process_safely(pictures.huge_png_header(10_000, 6_000), OPTIONS)
    assert result.details == {"width": 10_000, "height": 6_000}


def test_same_input_gives_same_bytes():
    data = pictures.camera_jpeg(1600, 1200)
    first, second = process_safely(data, OPTIONS), process_safely(data, OPTIONS)
    assert [v.data for v in first.variants] == [v.data for v in second.variants]


@pytest.mark.parametrize("level", [0, 40, 85, 128, 170, 220, 255])
def test_dither_keeps_the_mean_grey(level):
    dithered = dither(Image.new("L", (64, 64), level)).convert("L")
    mean = sum(v * n for n, v in dithered.getcolors()) / (64 * 64)
    assert abs(mean - level) <= 6, mean


def srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize("icc", [srgb_profile(), b"not a colour profile"])
def test_colour_profile_is_applied_then_dropped(icc):
    data = pictures.encoded(pictures.photo(800, 600), "JPEG", quality=90, icc_profile=icc)
    result = process_safely(data, JPEG_ONLY)
    assert isinstance(result, Processed), result
    image = opened(next(v.data for v in main_variants(result) if v.width == 800))
    assert "icc_profile" not in image.info
    red = image.convert("RGB").getpixel((200, 150))  # inside the red rectangle
    assert red[0] > 170 and red[1] < 80, red
