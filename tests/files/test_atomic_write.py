"""guichet.atomic: a file is replaced whole or not at all, with the permissions asked for."""

from __future__ import annotations

import pytest

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
