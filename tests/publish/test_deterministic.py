"""Two builds of the same content give byte-identical trees: rsync then sends only real changes."""

from __future__ import annotations

from tests.conftest import ROOT, run_build
from tests.site.test_bad_content import tree_digest


def test_two_builds_of_the_sample_town_are_byte_identical(sample_build, tmp_path):
    again = run_build(ROOT / "content", tmp_path / "output", tmp_path / "cache")
    assert again.returncode == 0, again.output
    first, second = tree_digest(sample_build.path), tree_digest(again.path)
    assert len(first) > 40
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_a_rebuild_over_a_warm_cache_is_byte_identical(sample_build, tmp_path):
    cache = tmp_path / "cache"
    assert run_build(ROOT / "content", tmp_path / "cold", cache).returncode == 0
    warm = run_build(ROOT / "content", tmp_path / "warm", cache)
    assert warm.returncode == 0, warm.output
    assert tree_digest(warm.path) == tree_digest(sample_build.path)
