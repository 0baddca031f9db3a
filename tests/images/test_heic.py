"""iPhone photos (HEIC): accepted, published upright as JPEG/WebP, without any metadata."""

from __future__ import annotations

import io

import pillow_heif
import pytest
from PIL import Image

from tests.conftest import run_build
from tests.html_pages import page as built_page
from tests.images.pictures import GPS_IFD, ORIENTATION, new_site

pytestmark = pytest.mark.build

pillow_heif.register_heif_opener()


def iphone_heic() -> bytes:
    """Landscape pixels 800×400, blue on the left, EXIF orientation 6 (turn to portrait) + GPS."""
    image = Image.new("RGB", (800, 400), (220, 40, 40))
    image.paste((20, 40, 220), (0, 0, 200, 400))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Apple"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="HEIF", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


@pytest.fixture(scope="module")
def heic_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heic")
    content = new_site(
        folder,
        {"IMG_0042.HEIC": iphone_heic()},
        {"demarches/acte-naissance.md": ["![Le hall de la mairie](images/IMG_0042.HEIC)"]},
    )
    build = run_build(content, folder / "out")
    assert build.returncode == 0, build.output
    return build.path


def test_heic_photo_is_published_upright_without_metadata(heic_site):
    img = built_page(heic_site, "demarches/acte-naissance/index.html").select_one(
        'img[alt="Le hall de la mairie"]'
    )
    assert img is not None
    src = img.get("src")
    assert src.endswith(".jpg"), src
    published = Image.open(heic_site / src.lstrip("/"))
    assert published.format == "JPEG"
    width, height = published.size
    assert height > width  # turned as the phone was held
    top = published.convert("RGB").getpixel((width // 2, 3))
    assert top[2] > 150 and top[0] < 100, top  # the stored left edge (blue) is now on top
    assert not published.getexif()
    assert b"Apple" not in (heic_site / src.lstrip("/")).read_bytes()
    assert not any(heic_site.rglob("*.HEIC")) and not any(heic_site.rglob("*.heic"))
