"""The built sample town: a .gz (and .br) beside every text file (identical across builds:
tests/publish/test_deterministic.py compares every file of two builds)."""

from __future__ import annotations

import gzip

import brotli

from tests.conftest import every_file

TEXT = (".html", ".css", ".xml", ".txt", ".svg")


def test_every_text_file_has_its_compressed_copies(sample_site):
    texts = [p for p in sample_site.rglob("*") if p.suffix in TEXT and p.stat().st_size >= 256]
    assert len(texts) > 40
    for path in texts:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path


def test_no_compressed_copy_without_its_file(sample_site):
    for copy in [*every_file(sample_site, "*.gz"), *every_file(sample_site, "*.br")]:
        assert copy.with_name(copy.name[:-3]).is_file(), copy
