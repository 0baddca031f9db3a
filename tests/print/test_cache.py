"""The PDF cache: keyed by content, bounded to what the last build used."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

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


def _put_many(folder: str, pdf: bytes, times: int) -> None:
    cache = PdfCache(Path(folder))
    for _ in range(times):
        cache.put("same", pdf, {"level": 1})


def test_writers_of_the_same_entry_never_mix_the_pdf_and_its_record(tmp_path):
    """Two builds putting one key at once (the devserver's and ``make html``): each file gets
    its own temporary file, so the PDF never holds the JSON record or the other way round."""
    pdf = b"%PDF-" + b"x" * 1_000_000
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_put_many, args=(str(tmp_path), pdf, 60)) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert [w.exitcode for w in writers] == [0, 0]
    assert PdfCache(tmp_path).get("same") == (pdf, {"level": 1})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.json", "same.pdf"]


def test_a_temporary_file_left_by_a_killed_build_is_pruned(tmp_path):
    cache = PdfCache(tmp_path)
    cache.put("kept", b"%PDF", {"level": 0})
    (tmp_path / ".kept.pdf.4242-0.tmp").write_bytes(b"%PD")  # killed mid-write
    assert cache.prune() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "kept.pdf"]
