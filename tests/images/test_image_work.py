"""Parallel processing and the progress line."""

from __future__ import annotations

import io

import pytest

import pelicanconf
from guichet.workers import worker_count
from guichet_plugins.images.plan import read_settings
from guichet_plugins.images.process import Failure, Processed
from guichet_plugins.images.work import Pool, Progress
from tests.images import pictures

OPTIONS = read_settings(vars(pelicanconf)).options


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("total", "threshold", "stream", "expected"),
    [
        (21, 20, Terminal(), "\rImages : 1/21 traitées\rImages : 2/21 traitées\n"),
        (20, 20, Terminal(), ""),  # few images: quiet
        (50, 20, io.StringIO(), ""),  # not a terminal (a log, a test): quiet
    ],
)
def test_progress_line(total, threshold, stream, expected):
    progress = Progress(total, threshold, "Images : {done}/{total} traitées", stream)
    progress(1)
    progress(2)
    progress.close()
    assert stream.getvalue() == expected


@pytest.mark.parametrize(
    ("setting", "jobs", "expected"), [(4, 10, 4), (4, 2, 2), (1, 10, 1), (3, 0, 1)]
)
def test_worker_count(setting, jobs, expected):
    assert worker_count(setting, jobs) == expected


def test_worker_count_defaults_to_the_cores():
    assert worker_count(None, 1000) >= 1


@pytest.mark.parametrize("workers", [1, 2])
def test_process_all_in_one_or_several_processes(tmp_path, workers):
    good, bad = tmp_path / "a.jpg", tmp_path / "b.jpg"
    good.write_bytes(pictures.camera_jpeg(800, 600))
    bad.write_bytes(b"pas une image")
    done = []
    jobs = {"k1": str(good), "k2": str(bad), "k3": str(tmp_path / "gone.jpg")}
    pool = Pool(OPTIONS, worker_count(workers, len(jobs)))  # as the build runs it
    try:
        results = dict(pool.results(jobs, done.append))
    finally:
        pool.close()
    assert isinstance(results["k1"], Processed)
    assert results["k2"] == Failure("not_image", {})
    assert results["k3"].kind == "corrupt"
    assert sorted(done) == [1, 2, 3]
