"""Entries remembered in the cache: read back only with the same stamp; never an error."""

from __future__ import annotations

from guichet.remembered import load_entries, save_entries

STAMP = ("version", 3)


def test_saved_entries_come_back_with_the_same_stamp_only(tmp_path):
    file = tmp_path / "cache" / "x.json"
    save_entries(file, STAMP, "files", {"b": [2], "a": [1]})
    assert load_entries(file, STAMP, "files") == {"a": [1], "b": [2]}
    assert load_entries(file, ("version", 4), "files") == {}
    assert load_entries(file, STAMP, "pages") == {}
    first = file.read_bytes()
    save_entries(file, STAMP, "files", {"a": [1], "b": [2]})
    assert file.read_bytes() == first  # same entries, same bytes


def test_missing_damaged_or_unwritable_files_are_no_entries_and_no_error(tmp_path):
    assert load_entries(tmp_path / "none.json", STAMP, "files") == {}
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert load_entries(tmp_path / "bad.json", STAMP, "files") == {}
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert load_entries(tmp_path / "list.json", STAMP, "files") == {}
    (tmp_path / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    save_entries(tmp_path / "blocked" / "x.json", STAMP, "files", {"a": 1})
    assert not (tmp_path / "blocked").is_dir()
