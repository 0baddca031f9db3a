"""guichet.atomic: a file is replaced whole or not at all, with the permissions asked for."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from guichet import atomic
from guichet.atomic import write_atomically


def test_new_bytes_replace_the_file_with_the_mode_asked_for(tmp_path):
    page = tmp_path / "index.html"
    page.write_bytes(b"old")
    write_atomically(page, b"new", 0o644)
    assert page.read_bytes() == b"new"
    assert page.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    page = tmp_path / "index.html"
    page.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(page, "not bytes")  # type: ignore[arg-type]
    assert page.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_leftover_temporary_file_is_neither_reused_nor_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_COUNTER", itertools.count(7))  # the next write takes 7
    page = tmp_path / "index.html"
    leftover = tmp_path / f".index.html.{os.getpid()}-7.tmp"
    leftover.write_bytes(b"a crashed build's")
    write_atomically(page, b"new")
    assert page.read_bytes() == b"new"
    assert leftover.read_bytes() == b"a crashed build's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [leftover.name, "index.html"]


def test_writes_from_two_threads_each_land_whole(tmp_path):
    pages = [tmp_path / f"{n}.html" for n in range(200)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda p: write_atomically(p, p.name.encode() * 1000, 0o644), pages))
    assert all(p.read_bytes() == p.name.encode() * 1000 for p in pages)
    assert sorted(tmp_path.iterdir()) == sorted(pages)
