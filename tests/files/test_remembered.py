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


def test_new_entries_replace_the_old_ones(tmp_path):
    file = tmp_path / "x.json"
    save_entries(file, STAMP, "files", {"a": [1]})
    save_entries(file, ("version", 4), "files", {"c": [3]})
    assert load_entries(file, ("version", 4), "files") == {"c": [3]}
    assert load_entries(file, STAMP, "files") == {}  # the old stamp's entries are gone


def test_missing_or_damaged_files_are_no_entries_and_no_error(tmp_path):
    assert load_entries(tmp_path / "none.json", STAMP, "files") == {}
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert load_entries(tmp_path / "bad.json", STAMP, "files") == {}
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert load_entries(tmp_path / "list.json", STAMP, "files") == {}
    (tmp_path / "text.json").write_text('{"version": 3, "files": "a"}', encoding="utf-8")
    assert load_entries(tmp_path / "text.json", STAMP, "files") == {}


def test_a_cache_that_cannot_be_written_costs_the_work_again_and_breaks_nothing(tmp_path):
    in_the_way = tmp_path / "blocked"  # a file where the cache's folder should be
    in_the_way.write_text("fichier de l'utilisateur", encoding="utf-8")
    save_entries(in_the_way / "x.json", STAMP, "files", {"a": [1]})  # no error
    assert load_entries(in_the_way / "x.json", STAMP, "files") == {}  # nothing remembered
    assert in_the_way.read_text(encoding="utf-8") == "fichier de l'utilisateur"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]  # no stray temporary file
