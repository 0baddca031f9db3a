"""Real builds of the small fixture site with images made on the fly (tests/images/pictures)."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, run_build, tree_digest
from tests.html_pages import page as built_page
from tests.images import pictures
from tests.images.pictures import new_site

pytestmark = pytest.mark.build


def stats(output: str) -> tuple[int, int, int]:
    """``(images, processed, cached)`` from the build summary."""
    found = re.search(r"(\d+) images? \((\d+) traitées?, (\d+) en cache\)", output)
    assert found, output
    return tuple(int(n) for n in found.groups())


GOOD_IMAGES = {
    "camera.jpg": pictures.camera_jpeg(4000, 3000, orientation=6),
    "cmjn.jpg": pictures.cmyk_jpeg(),
    "profondeur-16.png": pictures.png16(),
    "palette.png": pictures.palette_png_with_transparency(),
    "gris.jpg": pictures.greyscale_jpeg(),
    "anime.gif": pictures.animated_gif(),
    "frise.png": pictures.encoded(pictures.photo(600, 60, "P"), "PNG"),
}
GOOD_PAGES = {
    "demarches/acte-naissance.md": [  # reading order is not the files' alphabetical order
        "![Affiche imprimée en quadrichromie](images/cmjn.jpg)",
        "![Photo de la mairie prise au téléphone]({static}/images/camera.jpg)",
    ],
    "demarches/carte-identite.md": ["![La même photo de la mairie](images/camera.jpg)"],
    "guichets/mairie.md": [
        "![Plan en niveaux de gris](images/profondeur-16.png)",
        "![Logo à fond transparent](/images/palette.png)",
    ],
    "pages/accessibilite.md": [
        "![Salle d'attente en noir et blanc]({static}/images/gris.jpg)",
        "[Voir la photo de la mairie en grand]({static}/images/camera.jpg)",
        "![Animation des horaires](images/anime.gif)",
        '![]({static}/images/frise.png "décoratif")',
    ],
}


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """Built twice, nothing changed in between: ``(first, second)``."""
    folder = tmp_path_factory.mktemp("good")
    content = new_site(folder, GOOD_IMAGES, GOOD_PAGES)
    first = run_build(content, folder / "out", folder / "cache")
    assert first.returncode == 0, first.output
    first_tree = tree_digest(folder / "out")
    second = run_build(content, folder / "out", folder / "cache")
    assert second.returncode == 0, second.output
    return first, first_tree, second


def derivatives(site: Path, stem: str, ext: str = "*") -> list[Path]:
    return sorted((site / "images").glob(f"{stem}-[0-9]*.{ext}"))


def test_camera_photo_comes_out_rotated_small_and_without_exif(good):
    first, _, _ = good
    files = derivatives(first.path, "camera", "jpg")
    assert [Image.open(f).width for f in files] == [360, 640, 960]
    for path in derivatives(first.path, "camera"):
        image = Image.open(path)
        assert image.width <= 960 and image.height > image.width  # portrait: rotated
        assert not image.getexif() and "exif" not in image.info


def test_every_mode_is_converted(good):
    first, _, _ = good
    for stem, fmt in [
        ("cmjn", "JPEG"),
        ("profondeur-16", "PNG"),
        ("palette", "PNG"),
        ("gris", "JPEG"),
        ("anime", "PNG"),
    ]:
        files = derivatives(first.path, stem)
        assert files, stem
        main = [Image.open(f) for f in files if not f.name.endswith(".webp")]
        assert {im.format for im in main} == {fmt}, stem
        assert all(im.mode in ("RGB", "L", "P", "RGBA") for im in main), stem


def test_originals_are_never_published(good):
    first, _, _ = good
    originals = {hashlib.sha256(data).hexdigest() for data in GOOD_IMAGES.values()}
    published = tree_digest(first.path)
    assert not originals & set(published.values())
    for name in published:
        if name.startswith("images/"):
            assert not Image.open(first.path / name).getexif(), name


def test_img_tags_are_rewritten_with_srcset_dimensions_and_lazy_loading(good):
    first, _, _ = good
    doc = built_page(first.path, "demarches/acte-naissance/index.html")
    tags = doc.select("img")
    assert len(tags) == 2
    for tag in tags:
        assert re.match(r"/images/\S+ 360w, ", tag.get("srcset", "")), tag
        assert re.fullmatch(r"\d+", tag.get("width", "")), tag
        assert re.fullmatch(r"\d+", tag.get("height", "")), tag
        assert not any("{static}" in value for value in tag.element.attrib.values()), tag
    assert "cmjn" in tags[0].get("src") and "camera" in tags[1].get("src")
    assert tags[0].get("loading") is None and tags[1].get("loading") == "lazy"
    assert doc.select('source[type="image/webp"]')  # IMAGES_WEBP is on in pelicanconf.py
    src = tags[0].get("src")
    assert (first.path / src.lstrip("/")).is_file()


def test_link_to_an_image_leads_to_its_largest_derivative(good):
    first, _, _ = good
    doc = built_page(first.path, "accessibilite/index.html")
    links = [a for a in doc.select("a[href]") if a.text == "Voir la photo de la mairie en grand"]
    assert len(links) == 1
    href = links[0].get("href")
    assert re.fullmatch(r"/images/camera-960\.[0-9a-f]{10}\.jpg", href)
    assert (first.path / href.lstrip("/")).is_file()


def test_decorative_image_has_empty_alt(good):
    first, _, _ = good
    doc = built_page(first.path, "accessibilite/index.html")
    frise = next(img for img in doc.select("img") if "frise" in img.get("src", ""))
    assert frise.get("alt") == "" and frise.get("title") is None


def test_animation_is_a_warning_naming_page_and_image(good):
    first, _, _ = good
    assert "content/pages/accessibilite.md" in first.output
    assert "L'image « images/anime.gif » est animée (3 images)" in first.output


def test_no_pelican_warning_about_static_links(good):
    first, _, second = good
    for build in (first, second):
        assert "Unable to find" not in build.output
        assert "Empty alt" not in build.output  # the decorative image is not a warning
        assert "Traceback" not in build.output


def test_each_source_is_processed_once_then_comes_from_the_cache(good):
    first, first_tree, second = good
    assert stats(first.output) == (7, 7, 0)  # camera.jpg is used twice, processed once
    assert stats(second.output) == (7, 0, 7)  # nothing changed: nothing decoded
    assert tree_digest(second.path) == first_tree  # same bytes


def test_same_output_whether_images_start_while_pages_are_read_or_after(
    good, tmp_path, settings_file
):
    """``good`` was built with one process per core (images decoded while the pages are still
    read, on a machine with 2 cores or more); one worker starts nothing early."""
    _, first_tree, _ = good
    settings = settings_file("IMAGES_WORKERS = 1\n")
    content = new_site(tmp_path, GOOD_IMAGES, GOOD_PAGES)
    build = run_build(content, tmp_path / "out", settings=str(settings))
    assert build.returncode == 0, build.output
    assert tree_digest(build.path) == first_tree


def test_a_page_error_while_images_are_being_decoded_stops_the_build_cleanly(tmp_path):
    """Images start decoding before the pages are read; a page error must still end the build
    with its French message (the started images are abandoned)."""
    photos = {f"p{n}.jpg": pictures.camera_jpeg(1600 + n, 1200) for n in range(8)}
    lines = [f"![Photo {n}](images/p{n}.jpg)" for n in range(8)]
    content = new_site(tmp_path, photos, {"demarches/carte-identite.md": lines})
    page = content / "demarches" / "acte-naissance.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Theme: etat-civil", "Theme: inconnu"),
        encoding="utf-8",
    )
    build = run_build(content, tmp_path / "out")
    assert build.returncode == 1, build.output
    assert "content/demarches/acte-naissance.md" in build.output
    assert "Traceback" not in build.output and "Erreur interne" not in build.output


def test_changed_settings_reprocess_and_prune(tmp_path, settings_file):
    images = {"a.jpg": pictures.camera_jpeg(1600, 1200), "b.png": pictures.png16()}
    pages = {"demarches/acte-naissance.md": ["![A](images/a.jpg)", "![B](images/b.png)"]}
    content = new_site(tmp_path, images, pages)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = run_build(content, out, cache)
    assert first.returncode == 0, first.output
    assert stats(first.output) == (2, 2, 0)
    assert derivatives(out, "a", "webp")

    settings = settings_file("IMAGES_JPEG_QUALITY = 60\nIMAGES_WEBP = False\n")
    second = run_build(content, out, cache, settings=str(settings))
    assert second.returncode == 0, second.output
    assert stats(second.output) == (2, 2, 0)
    assert not derivatives(out, "a", "webp")  # stale derivatives pruned from the output
    assert len(derivatives(out, "a", "jpg")) == 3
    assert len([p for p in (cache / "images").iterdir() if p.is_dir()]) == 2  # bounded cache

    (content / "images" / "b.png").write_bytes(pictures.greyscale_jpeg())  # new bytes, same name
    third = run_build(content, out, cache, settings=str(settings))
    assert third.returncode == 0, third.output
    assert stats(third.output) == (2, 1, 1)


def test_lowtech_mode_links_to_the_colour_image(tmp_path, settings_file):
    content = new_site(
        tmp_path,
        {"a.jpg": pictures.camera_jpeg(1600, 1200)},
        {"demarches/acte-naissance.md": ["![Une photo](images/a.jpg)"]},
    )
    settings = settings_file("IMAGES_LOWTECH = True\n")
    build = run_build(content, tmp_path / "out", settings=str(settings))
    assert build.returncode == 0, build.output
    doc = built_page(build.path, "demarches/acte-naissance/index.html")
    sources = [img.get("src", "") for img in doc.select("img")]
    assert any(re.fullmatch(r"/images/a-640-lowtech\.[0-9a-f]{10}\.png", s) for s in sources)
    links = [
        a.get("href")
        for a in doc.select("a.image-full[href]")
        if re.fullmatch(r"/images/a-640\.[0-9a-f]{10}\.jpg", a.get("href"))
    ]
    assert links and "Voir l'image en couleur (JPEG, " in doc.text
    assert (build.path / links[0].lstrip("/")).is_file()
    assert not doc.select("picture")


BAD_IMAGES = {
    "tronquee.jpg": pictures.truncated_jpeg(),
    "texte.jpg": b"Ceci n'est pas une image.\n",
    "geante.png": pictures.huge_png_header(10_000, 6_000),
    "sans-alt.jpg": pictures.greyscale_jpeg(),
}
BAD_CASES = [
    # (page, Markdown, words of the message)
    ("demarches/acte-naissance.md", "![Photo](images/tronquee.jpg)", "abîmé ou incomplet"),
    ("demarches/carte-identite.md", "![Photo](images/texte.jpg)", "n'est pas une image"),
    ("guichets/mairie.md", "![Photo](images/geante.png)", "trop grande (10000 × 6000 pixels)"),
    ("guichets/annexe.md", "![Photo](images/absente.jpg)", "aucun fichier content/images/absente"),
    ("pages/accessibilite.md", "![Photo](../../etc/passwd)", "hors du dossier content/"),
    ("demarches/acte-naissance.md", "![](images/sans-alt.jpg)", "pas de texte alternatif"),
]
REMOTE = ("pages/mentions-legales.md", "![Photo](https://example.org/a.jpg)")
"""The sanitize plugin (before images) removes an image from another host, with a warning
(an error with ``SANITIZE_FAIL = True``): the images plugin never sees it."""


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    pages: dict[str, list[str]] = {}
    for page, line in [*((page, line) for page, line, _ in BAD_CASES), REMOTE]:
        pages.setdefault(page, []).append(line)
    content = new_site(folder, BAD_IMAGES, pages)
    return run_build(content, folder / "out")


def problem_blocks(output: str) -> list[str]:
    return [block for block in output.split("✗ ")[1:]]


@pytest.mark.parametrize(("page", "line", "words"), BAD_CASES)
def test_each_bad_image_is_named_with_its_page(bad, page, line, words):
    src = re.search(r"\]\(([^)\s]+)", line).group(1)
    assert bad.returncode == 1, bad.output
    blocks = [b for b in problem_blocks(bad.output) if b.startswith(f"content/{page}\n")]
    assert any(f"« {src} »" in b and words in b for b in blocks), bad.output


def test_an_image_from_another_host_is_removed_and_named_with_its_page(bad):
    page, _ = REMOTE
    warnings = [b for b in bad.output.split("⚠ ")[1:] if b.startswith(f"content/{page}\n")]
    assert any(
        "une image chargée depuis un autre site (https://example.org/a.jpg)" in w for w in warnings
    ), bad.output
    assert "example.org" not in "".join(problem_blocks(bad.output))  # not counted twice


def test_bad_images_stop_the_build_cleanly(bad):
    assert bad.returncode == 1
    assert "Traceback" not in bad.output and "Erreur interne" not in bad.output
    assert f"{len(BAD_CASES)} problèmes à corriger" in bad.output
    assert not (bad.path / "demarches/acte-naissance/index.html").exists()


def test_missing_alt_alone_fails_the_build(tmp_path):
    content = new_site(
        tmp_path,
        {"a.jpg": pictures.greyscale_jpeg()},
        {"guichets/mairie.md": ["![](images/a.jpg)"]},
    )
    build = run_build(content, tmp_path / "out")
    assert build.returncode == 1
    assert "content/guichets/mairie.md" in build.output
    assert "L'image « images/a.jpg » n'a pas de texte alternatif." in build.output
    assert '"décoratif"' in build.output  # the hint says how to mark a decorative image


def test_sample_town_images(sample_build):
    site = sample_build.path
    assert "Unable to find" not in sample_build.output
    images = {
        p: built_page(site, str(p.relative_to(site))).select("img") for p in site.rglob("*.html")
    }
    pages = [path for path, found in images.items() if found]
    assert len(pages) >= 3
    for path in pages:
        for tag in images[path]:
            assert None not in (tag.get("srcset"), tag.get("width"), tag.get("height")), tag
            assert tag.get("alt"), (path, tag)
    for path in (site / "images").iterdir():
        image = Image.open(io.BytesIO(path.read_bytes()))
        assert image.width <= 960 and not image.getexif(), path
        if image.width <= 360:
            assert path.stat().st_size <= 40_000, path


def test_progress_line_on_a_terminal(tmp_path, settings_file):
    """Many images and stderr a terminal: one updating line ``Images : n/N traitées``."""
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import BUILD_DATE_EPOCH

    images = {f"p{i}.png": pictures.encoded(pictures.photo(80 + i, 60), "PNG") for i in range(3)}
    lines = [f"![Image {name}](images/{name})" for name in images]
    content = new_site(tmp_path, images, {"demarches/acte-naissance.md": lines})
    settings = settings_file("IMAGES_PROGRESS_FROM = 2\n")
    leader, follower = pty.openpty()  # stderr is small here: it fits the terminal's buffer
    command = [sys.executable, "-m", "guichet", "build", "--settings", str(settings)]
    command += ["--content", str(content), "--output", str(tmp_path / "out")]
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    result = subprocess.run(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=follower, timeout=300
    )
    os.close(follower)
    terminal = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    os.close(leader)
    assert result.returncode == 0, terminal.decode()
    text = terminal.decode()
    assert "\rImages : 3/3 traitées" in text, text
    assert "Images :" not in result.stdout.decode()
