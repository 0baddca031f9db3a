"""Markdown converted in worker processes (plugins/procedures/prefetch.py) gives the very site
Pelican's one-file-after-another reading gives, and the same messages on a bad file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.make_town import make_town
from tests.conftest import run_build, settings_text, tree_digest

PROCEDURES = 60
"""Above prefetch.PREFETCH_FROM: the workers do the converting."""
NO_PRINT = 'PLUGINS = [p for p in PLUGINS if p != "guichet_plugins.print"]\n'


def settings(folder: Path, workers: int | None) -> str:
    path = folder / f"settings-{workers}.py"
    path.write_text(
        settings_text(NO_PRINT + f"GUICHET_READ_WORKERS = {workers!r}\n"), encoding="utf-8"
    )
    return str(path)


def without_durations(output: str) -> str:
    """What a build printed, its durations left out (« en 3,2 s (temps écoulé : …) »)."""
    return re.sub(r" en [\d,]+ s( \(temps écoulé : [^)]*\))?", " en … s", output)


def test_without_durations_keeps_everything_else():
    line = "✓ Site construit : 3 démarches, 1 image (0 en cache) ; aucun avertissement ; en 2,5 s"
    assert without_durations(line + " (temps écoulé : photos 1,2 s).") == (
        "✓ Site construit : 3 démarches, 1 image (0 en cache) ; aucun avertissement ; en … s."
    )


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("prefetch")
    make_town(base / "town", procedures=PROCEDURES, counters=2, photos=0, seed=5)
    return base


@pytest.mark.build
def test_workers_build_the_same_site_as_one_process(town):
    alone = run_build(town / "town/guichet", town / "alone", settings=settings(town, 1))
    workers = run_build(town / "town/guichet", town / "workers", settings=settings(town, 2))
    assert alone.returncode == 0 and workers.returncode == 0, alone.output + workers.output
    assert tree_digest(town / "workers") == tree_digest(town / "alone")
    assert "✓ Site construit : 60 démarches, 2 guichets" in alone.output
    assert without_durations(workers.output) == without_durations(alone.output)


@pytest.mark.build
def test_a_file_a_worker_cannot_read_is_reported_as_without_workers(town, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(town / "town/guichet", content)
    bad = sorted((content / "demarches").glob("*.md"))[30]
    bad.write_bytes(bad.read_bytes().replace("é".encode(), "é".encode("latin-1"), 1))
    for workers in (1, 2):
        build = run_build(content, tmp_path / f"out-{workers}", settings=settings(town, workers))
        assert build.returncode == 1, build.output
        assert f"content/demarches/{bad.name}" in build.output
        assert "Traceback" not in build.output


def test_the_workers_convert_every_file_not_in_the_content_cache(tmp_path):
    """Pelican's own Readers, real files: each one converted by a worker, once, with the
    result Pelican's reader gives; with one worker the reader is left alone."""
    from pelican.readers import Readers
    from pelican.settings import DEFAULT_CONFIG

    from guichet_plugins.procedures.generator import RawSource
    from guichet_plugins.procedures.prefetch import PREFETCH_FROM, Prefetched, start

    names = [f"d{n:03}.md" for n in range(PREFETCH_FROM + 5)]
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"Title: D {n}\n\nTexte *{n}* avec [un lien](/x/).\n")
    settings = {**DEFAULT_CONFIG, "CACHE_CONTENT": False, "CACHE_PATH": str(tmp_path / "c")}

    def read(readers):
        found = [readers.read_file(str(tmp_path), n, content_class=RawSource) for n in names]
        return [(raw.content, raw.metadata["title"]) for raw in found]

    expected = read(Readers(settings))
    readers = Readers(settings)
    with start(Readers(settings), len(names), 2) as workers:  # forked from other readers
        with workers.prefetched(readers, str(tmp_path), names):
            shim = readers.readers["md"]
            assert isinstance(shim, Prefetched)
            assert read(readers) == expected
            assert shim.served == len(names)
        assert not isinstance(readers.readers["md"], Prefetched)
    assert start(readers, len(names), 1) is None


def test_no_worker_is_forked_while_another_thread_runs(tmp_path):
    """The devserver serves from a thread while it previews in its own process: there the
    generator reads every file itself."""
    import threading
    from types import SimpleNamespace

    from pelican.readers import Readers
    from pelican.settings import DEFAULT_CONFIG

    from guichet_plugins.procedures import prefetch
    from guichet_plugins.procedures.plugin import start_readers

    settings = {**DEFAULT_CONFIG, "CACHE_CONTENT": False, "CACHE_PATH": str(tmp_path)}
    settings.update(COUNTER_PATHS=["g"], PROCEDURE_PATHS=["d"], GUICHET_READ_WORKERS=2)
    names = [f"d/{n}.md" for n in range(3 * prefetch.PREFETCH_FROM)]
    generator = SimpleNamespace(
        context={}, settings=settings, readers=Readers(settings), get_files=lambda _: names
    )
    stop = threading.Event()
    serving = threading.Thread(target=stop.wait)
    serving.start()
    try:
        start_readers(generator)
        assert prefetch.decided(generator.context)
        assert prefetch.started(generator.context) is None
    finally:
        stop.set()
        serving.join()
        prefetch.stop()
