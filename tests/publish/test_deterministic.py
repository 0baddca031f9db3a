"""Two builds of the same content give byte-identical trees: rsync then sends only real changes."""

from __future__ import annotations

from tests.conftest import ROOT, run_build, tree_digest


def test_builds_of_the_sample_town_are_byte_identical_cold_or_warm(sample_build, tmp_path):
    """The shared sample build and a fresh one (own output and cache) hash the same, file by
    file; so does a third build over the second one's warm cache."""
    first = tree_digest(sample_build.path)
    assert len(first) > 40
    cold = run_build(ROOT / "content", tmp_path / "cold", tmp_path / "cache")
    assert cold.returncode == 0, cold.output
    second = tree_digest(cold.path)
    assert sorted(second) == sorted(first)
    assert [path for path in first if first[path] != second[path]] == []
    warm = run_build(ROOT / "content", tmp_path / "warm", tmp_path / "cache")
    assert warm.returncode == 0, warm.output
    assert tree_digest(warm.path) == first
