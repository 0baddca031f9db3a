"""Precompress: deterministic bytes, round trips, tiny and stale files, unchanged files kept."""

from __future__ import annotations

import gzip
import os

import brotli
import pytest

from guichet_plugins.precompress.compress import (
    BROTLI,
    GZIP,
    brotli_bytes,
    gzip_bytes,
    precompress_tree,
    worth_compressing,
)

TEXT = ("<p>Le guichet de la mairie ouvre à 8h30, du lundi au vendredi.</p>\n" * 40).encode()


@pytest.mark.parametrize("data", [TEXT, b"", "é".encode() * 3000])
def test_gzip_is_deterministic_and_round_trips(data):
    first = gzip_bytes(data)
    assert first == gzip_bytes(data)
    assert gzip.decompress(first) == data
    assert first[3] == 0  # flags: no file name, no comment, no extra field
    assert first[4:8] == b"\0\0\0\0"  # no timestamp


@pytest.mark.parametrize("data", [TEXT, b"x"])
def test_brotli_is_deterministic_and_round_trips(data):
    assert brotli_bytes(data) == brotli_bytes(data)
    assert brotli.decompress(brotli_bytes(data)) == data


@pytest.mark.parametrize(
    ("size", "compressed", "worth"),
    [(1000, 400, True), (1000, 950, True), (1000, 951, False), (300, 320, False)],
)
def test_worth_compressing(size, compressed, worth):
    assert worth_compressing(size, compressed) is worth


def site(tmp_path):
    (tmp_path / "demarches").mkdir()
    (tmp_path / "demarches" / "index.html").write_bytes(TEXT)
    (tmp_path / "style.css").write_bytes(b"body{margin:0}" * 40)
    (tmp_path / "tiny.html").write_bytes(b"<p>ok</p>")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" * 500)
    return tmp_path


def test_tree_gets_a_copy_beside_each_text_file(tmp_path):
    root = site(tmp_path)
    stats = precompress_tree(root, [".html", ".css"], [GZIP, BROTLI], min_bytes=256)
    names = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    assert names == [
        "demarches",
        "demarches/index.html",
        "demarches/index.html.br",
        "demarches/index.html.gz",
        "photo.jpg",
        "style.css",
        "style.css.br",
        "style.css.gz",
        "tiny.html",
    ]
    assert len(stats.written) == 4
    assert (
        gzip.decompress((root / "style.css.gz").read_bytes()) == (root / "style.css").read_bytes()
    )
    assert oct((root / "style.css.gz").stat().st_mode & 0o777) == oct(
        (root / "style.css").stat().st_mode & 0o777
    )


def test_unchanged_copies_are_not_rewritten(tmp_path):
    root = site(tmp_path)
    precompress_tree(root, [".html", ".css"], [GZIP, BROTLI], min_bytes=256)
    gz = root / "style.css.gz"
    os.utime(gz, (1, 1))
    stats = precompress_tree(root, [".html", ".css"], [GZIP, BROTLI], min_bytes=256)
    assert stats.written == [] and stats.unchanged == 4
    assert gz.stat().st_mtime == 1


def test_changed_file_gets_a_fresh_copy(tmp_path):
    root = site(tmp_path)
    precompress_tree(root, [".html"], [GZIP], min_bytes=256)
    page = root / "demarches" / "index.html"
    page.write_bytes(TEXT + b"<p>Nouveau</p>")
    stats = precompress_tree(root, [".html"], [GZIP], min_bytes=256)
    assert stats.written == [str(page) + ".gz"]
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()


@pytest.mark.parametrize(
    "change",
    [
        lambda page: page.unlink(),  # page removed from the site
        lambda page: page.write_bytes(b"<p>court</p>"),  # now too small to compress
    ],
)
def test_stale_copies_are_removed(tmp_path, change):
    root = site(tmp_path)
    precompress_tree(root, [".html"], [GZIP, BROTLI], min_bytes=256)
    page = root / "demarches" / "index.html"
    change(page)
    precompress_tree(root, [".html"], [GZIP, BROTLI], min_bytes=256)
    assert not page.with_name("index.html.gz").exists()
    assert not page.with_name("index.html.br").exists()


def test_brotli_turned_off_removes_old_br(tmp_path):
    root = site(tmp_path)
    precompress_tree(root, [".html"], [GZIP, BROTLI], min_bytes=256)
    precompress_tree(root, [".html"], [GZIP], min_bytes=256)
    assert not list(root.rglob("*.br"))
    assert (root / "demarches" / "index.html.gz").exists()


def test_foreign_archives_are_left_alone(tmp_path):
    archive = tmp_path / "registre.tar.gz"
    archive.write_bytes(b"not ours")
    precompress_tree(tmp_path, [".html"], [GZIP], min_bytes=256)
    assert archive.read_bytes() == b"not ours"
