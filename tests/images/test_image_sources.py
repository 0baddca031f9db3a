"""Which file an <img src> names, or why it is refused."""

from __future__ import annotations

import os

import pytest

from guichet_plugins.images.sources import Found, Refused, resolve


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    (root / "images" / "photos").mkdir(parents=True)
    (root / "demarches").mkdir()
    (root / "images" / "mairie.jpg").write_bytes(b"x")
    (root / "images" / "photos" / "été 1.jpg").write_bytes(b"x")
    (root / "demarches" / "photo.jpg").write_bytes(b"x")
    (tmp_path / "secret.jpg").write_bytes(b"x")
    os.symlink(tmp_path / "secret.jpg", root / "images" / "lien.jpg")
    return root


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("{static}/images/mairie.jpg", "mairie.jpg"),
        ("{static}images/mairie.jpg", "mairie.jpg"),
        ("|static|/images/mairie.jpg", "mairie.jpg"),
        ("/images/mairie.jpg", "mairie.jpg"),
        ("images/mairie.jpg", "mairie.jpg"),
        ("../images/mairie.jpg", "mairie.jpg"),  # from content/demarches/
        ("images/mairie.jpg?v=2", "mairie.jpg"),
        ("images/photos/%C3%A9t%C3%A9%201.jpg", "photos/été 1.jpg"),
        ("images/photos/été 1.jpg", "photos/été 1.jpg"),
        ("  images/mairie.jpg ", "mairie.jpg"),
    ],
)
def test_found(content, src, expected):
    result = resolve(src, str(content / "demarches"), str(content), "images")
    assert isinstance(result, Found)
    assert result.name == expected


def test_missing_names_the_file_looked_for(content):
    result = resolve("images/photos/x.jpg", str(content / "demarches"), str(content), "images")
    assert result == Refused("missing", "images/photos/x.jpg")


@pytest.mark.parametrize(
    ("src", "kind"),
    [
        ("https://example.org/photo.jpg", "remote"),
        ("http://example.org/photo.jpg", "remote"),
        ("//example.org/photo.jpg", "remote"),
        ("data:image/png;base64,iVBORw0KGgo=", "remote"),
        ("file:///etc/passwd", "remote"),
        ("../../etc/passwd", "outside_content"),
        ("{static}/../../etc/passwd", "outside_content"),
        ("/../secret.jpg", "outside_content"),
        ("images/lien.jpg", "outside_content"),  # a symbolic link out of content/
        ("./photo.jpg", "outside_images"),
        ("demarches/photo.jpg", "outside_images"),
        ("images", "outside_images"),
        ("images/absente.jpg", "missing"),
        ("images/photos", "missing"),
        ("", "empty"),
        ("{static}", "empty"),
    ],
)
def test_refused(content, src, kind):
    assert resolve(src, str(content / "demarches"), str(content), "images").kind == kind
