"""Images decoded while the content is still read (plugins/images/early.py, work.Pool): a guess
from each page's HTML, never trusted for more than a head start."""

from __future__ import annotations

import pytest

import pelicanconf
from guichet_plugins.images.digests import file_digest
from guichet_plugins.images.early import EarlyStart
from guichet_plugins.images.plan import cache_key, read_settings
from guichet_plugins.images.process import Failure, Processed
from guichet_plugins.images.store import Cache
from guichet_plugins.images.work import Pool, process_file
from tests.images import pictures

SETTINGS = {k: v for k, v in vars(pelicanconf).items() if k.isupper()}
OPTIONS = read_settings(SETTINGS).options


@pytest.fixture(autouse=True)
def no_other_thread(monkeypatch):
    """These tests run the pool in pytest's process, which may hold threads of its own (the
    test runner's, an earlier test's): the pool would rightly not fork there. The rule itself is
    tested on a real build, tests/site/test_forks.py."""
    monkeypatch.setattr("guichet_plugins.images.work.fork_is_safe", lambda: True)


def site(tmp_path, workers: int) -> tuple[dict, dict[str, str]]:
    """Settings for a content folder holding two images; ``name → path``."""
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    paths = {}
    for name, data in {"a.jpg": pictures.camera_jpeg(800, 600), "b.png": pictures.png16()}.items():
        (images / name).write_bytes(data)
        paths[name] = str(images / name)
    settings = {
        **SETTINGS,
        "PATH": str(tmp_path / "content"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "IMAGES_WORKERS": workers,
    }
    return settings, paths


def key(path: str) -> str:
    return cache_key(file_digest(path), OPTIONS)


PAGE = """<p><img alt="A" src="{static}/images/a.jpg"> <img src="https://example.org/x.jpg">
<img alt="?" src='images/absente.jpg'> <a href="/demarches/autre/">Autre</a>
<a href="../images/b.png">Le plan</a> <img alt="A encore" src="images/a.jpg"></p>"""


def test_the_images_a_page_names_are_started_once(tmp_path):
    settings, paths = site(tmp_path, workers=2)
    early = EarlyStart(settings, read_settings(settings))
    try:
        early.notice(PAGE, str(tmp_path / "content" / "demarches" / "x.md"))
        assert early.pool.started == {key(paths["a.jpg"]), key(paths["b.png"])}
        results = dict(early.pool.results({key(paths["a.jpg"]): paths["a.jpg"]}))
    finally:
        early.close()
    assert results == {key(paths["a.jpg"]): process_file(paths["a.jpg"], OPTIONS)}


def test_images_already_in_the_cache_are_not_started(tmp_path):
    settings, paths = site(tmp_path, workers=2)
    Cache(tmp_path / "cache" / "images").put(
        key(paths["a.jpg"]), process_file(paths["a.jpg"], OPTIONS)
    )
    early = EarlyStart(settings, read_settings(settings))
    try:
        early.notice(PAGE, str(tmp_path / "content" / "demarches" / "x.md"))
        assert early.pool.started == {key(paths["b.png"])}
    finally:
        early.close()


def test_the_content_folder_is_skimmed_before_pelican_reads_it(tmp_path):
    settings, paths = site(tmp_path, workers=2)
    page = tmp_path / "content" / "demarches" / "x.md"
    page.parent.mkdir()
    page.write_text(
        'Title: X\n\n![La mairie]({static}/images/a.jpg "Mairie")\n\n[plan][p]\n\n'
        "[p]: ../images/b.png\n[ailleurs]: https://example.org/c.jpg\n",
        encoding="utf-8",
    )
    early = EarlyStart(settings, read_settings(settings))
    try:
        early.scan()
        assert early.pool.started == {key(paths["a.jpg"]), key(paths["b.png"])}
    finally:
        early.close()


def test_one_worker_starts_nothing_early(tmp_path):
    settings, _ = site(tmp_path, workers=1)
    early = EarlyStart(settings, read_settings(settings))
    early.notice(PAGE, str(tmp_path / "content" / "demarches" / "x.md"))
    assert early.pool.started == set()
    early.close()


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("photos")
    paths = {}
    for number in range(10):
        path = folder / f"p{number}.jpg"
        path.write_bytes(pictures.camera_jpeg(1200 + number, 900))
        paths[f"k{number}"] = str(path)
    return paths


def test_early_jobs_go_a_few_at_a_time_and_unneeded_ones_are_dropped(photos):
    pool = Pool(OPTIONS, 2)
    try:
        for name, path in photos.items():
            pool.add(name, path)
        assert 0 < len(pool.started) < len(photos)  # the rest wait: a failed build exits soon
        wanted = {"k1": photos["k1"], "k9": photos["k9"], "gone": "/nonexistent/x.jpg"}
        done = []
        results = dict(pool.results(wanted, done.append))
    finally:
        pool.close()
    assert set(results) == set(wanted) and done == [1, 2, 3]
    assert isinstance(results["k1"], Processed) and isinstance(results["k9"], Processed)
    assert results["k9"] == process_file(photos["k9"], OPTIONS)  # same bytes as in-process
    assert isinstance(results["gone"], Failure) and results["gone"].kind == "corrupt"
    assert "k8" not in pool.started  # neither needed nor begun: never processed
