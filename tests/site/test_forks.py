"""No process of a build is forked while another thread runs in it (a fork copies the locks
other threads hold, and the child can hang on one): a real build, every ``os.fork`` recorded
with the threads alive at that moment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.make_town import make_town
from tests.conftest import BUILD_DATE_EPOCH, ROOT

RECORDER = """
import json, os, runpy, sys, threading
forks = []
os.register_at_fork(before=lambda: forks.append([t.name for t in threading.enumerate()]))
sys.argv = ["guichet", *sys.argv[1:]]
try:
    runpy.run_module("guichet", run_name="__main__")
finally:
    with open({report!r}, "w") as file:
        json.dump(forks, file)
"""

SETTINGS = """from guichet.settings import inherit
globals().update(inherit({root!r} + "/pelicanconf.py"))
PLUGINS = [p for p in PLUGINS if p != "guichet_plugins.print"]
GUICHET_READ_WORKERS = 2
IMAGES_WORKERS = 2
"""


def test_a_build_forks_its_workers_while_no_other_thread_runs(tmp_path: Path):
    # Enough procedures for the Markdown workers, photos for the images' early start.
    make_town(tmp_path / "town", procedures=60, counters=2, photos=4, photo_size=(640, 480))
    settings = tmp_path / "settings.py"
    settings.write_text(SETTINGS.format(root=str(ROOT)), encoding="utf-8")
    report = tmp_path / "forks.json"
    command = [
        sys.executable,
        "-c",
        RECORDER.format(report=str(report)),
        "build",
        "--settings",
        str(settings),
        "--content",
        str(tmp_path / "town/guichet"),
        "--output",
        str(tmp_path / "out"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    build = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    forks = json.loads(report.read_text())
    # Two Markdown workers, then two for the images (GUICHET_READ_WORKERS, IMAGES_WORKERS).
    assert len(forks) >= 4, f"{len(forks)} forks: this test no longer tests both pools"
    assert [threads for threads in forks if threads != ["MainThread"]] == []
