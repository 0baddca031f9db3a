"""The PDF cache: keyed by content, bounded to what the last build used."""

from __future__ import annotations

from guichet_plugins.print.cache import PdfCache, make_key


def test_keys_change_with_any_part_and_with_how_parts_are_cut():
    assert make_key("a", "b") == make_key("a", "b")
    assert make_key("a", "b") != make_key("a", "c")
    assert make_key("ab", "c") != make_key("a", "bc")
    assert make_key("a", b"b") == make_key("a", "b")


def test_entries_come_back_and_unused_ones_are_pruned(tmp_path):
    first = PdfCache(tmp_path)
    first.put("old", b"%PDF-old", {"level": 0})
    first.put("kept", b"%PDF-kept", {"level": 2})
    second = PdfCache(tmp_path)
    assert second.get("kept") == (b"%PDF-kept", {"level": 2})
    assert second.get("missing") is None
    assert second.prune() == 2  # old.pdf and old.json
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "kept.pdf"]


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = PdfCache(tmp_path)
    cache.put("k", b"%PDF", {"level": 0})
    (tmp_path / "k.json").write_text("{not json", encoding="utf-8")
    assert PdfCache(tmp_path).get("k") is None
