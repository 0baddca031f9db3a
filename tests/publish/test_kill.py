"""Killing ``make publish`` or ``make html`` (make or its Python process; SIGINT, SIGTERM,
SIGKILL) leaves no process behind and no lock held: the next publish works at once, and the
published folder is untouched by the interrupted one.

Real processes: ``make`` runs the real command, its workers are the real pools. Each run is
marked by an environment variable, so the test finds every process it started, whoever their
parent is now (killed processes' children are re-parented)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import BUILD_DATE_EPOCH, ROOT, free_port, settings_text, tree_digest

pytestmark = pytest.mark.build

MARK = "GUICHET_TEST_MARK"
SETTLE_SECONDS = 5
"""How long the processes may take to go once the signal is sent (they take well under 2 s)."""


def marked(mark: str) -> list[int]:
    """Processes whose environment carries ``mark``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"{MARK}={mark}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def publish_settings(tmp_path: Path, cache: str = "cache") -> Path:
    """publishconf.py with the cache in ``tmp_path/cache`` (the sample town's content)."""
    path = tmp_path / f"publishconf_{cache.replace('-', '_')}.py"
    path.write_text(
        settings_text(base="publishconf.py")
        + f"PATH = {str(ROOT / 'content')!r}\nCACHE_PATH = {str(tmp_path / cache)!r}\n",
        encoding="utf-8",
    )
    return path


def start(target: str, tmp_path: Path, mark: str) -> subprocess.Popen:
    env = {**os.environ, MARK: mark, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    settings = publish_settings(tmp_path, f"cache-{mark}")  # a cold build: every worker starts
    command = [
        "make",
        "--no-print-directory",
        target,
        f"PUBLISHCONF={settings}",
        f"SETTINGS={settings}",
        f"PUBLISH_DIR={tmp_path / 'public'}",
        f"OUTPUT={tmp_path / 'output'}",
    ]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: Ctrl-C is sent to the group
    )


def publish(tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "publish",
            f"PUBLISHCONF={publish_settings(tmp_path)}",
            f"PUBLISH_DIR={tmp_path / 'public'}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def wait_for_workers(make: subprocess.Popen, mark: str) -> int:
    """Wait until make, its Python process and at least two workers run; the Python pid."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert make.poll() is None, make.stdout.read()
        python = children(make.pid)
        if python and len(marked(mark)) >= 4:
            return python[0]
        time.sleep(0.05)
    pytest.fail("the build never started its workers")


def assert_all_gone(mark: str) -> None:
    deadline = time.monotonic() + SETTLE_SECONDS
    while marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = marked(mark)
    for pid in left:  # don't leave them to the next tests
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"processes left alive: {left}"


def kill(make: subprocess.Popen, python: int, who: str, signum: int) -> None:
    if who == "make":
        os.kill(make.pid, signum)
    elif who == "python":
        os.kill(python, signum)
    else:  # Ctrl-C in the terminal: the whole foreground process group
        os.killpg(make.pid, signum)
    make.wait(timeout=60)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("kill")
    result = publish(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, tree_digest(folder / "public")


CASES = [
    ("make", signal.SIGKILL),
    ("python", signal.SIGKILL),
    ("make", signal.SIGTERM),
    ("python", signal.SIGTERM),
    ("group", signal.SIGINT),
]


@pytest.mark.parametrize("who, signum", CASES, ids=[f"{w}-{s.name}" for w, s in CASES])
def test_killed_publish_leaves_nothing_behind(published, who, signum):
    folder, digest = published
    mark = uuid.uuid4().hex
    make = start("publish", folder, mark)
    python = wait_for_workers(make, mark)
    kill(make, python, who, signum)
    assert_all_gone(mark)
    output = make.stdout.read()
    assert "Traceback" not in output, output
    assert tree_digest(folder / "public") == digest  # the published site did not change
    again = publish(folder)  # at once: no lock held, no « attendez »
    assert again.returncode == 0, again.stdout + again.stderr
    assert "attendez" not in again.stdout + again.stderr


@pytest.mark.parametrize(
    "who, signum",
    [("make", signal.SIGKILL), ("python", signal.SIGINT)],
    ids=["make-KILL", "python-INT"],
)
def test_killed_build_leaves_nothing_behind(tmp_path, who, signum):
    mark = uuid.uuid4().hex
    make = start("html", tmp_path, mark)
    python = wait_for_workers(make, mark)
    kill(make, python, who, signum)
    assert_all_gone(mark)
    output = make.stdout.read()
    assert "Traceback" not in output, output
    if who == "python":
        assert "Commande interrompue" in output


@pytest.mark.parametrize(
    "who, signum",
    [("make", signal.SIGKILL), ("python", signal.SIGTERM), ("group", signal.SIGINT)],
    ids=["make-KILL", "python-TERM", "group-INT"],
)
def test_killed_devserver_leaves_nothing_behind(tmp_path, who, signum):
    """make → devserver → its rebuild → the rebuild's workers: all gone with make."""
    mark = uuid.uuid4().hex
    env = {**os.environ, MARK: mark, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    settings = publish_settings(tmp_path, f"cache-{mark}")
    make = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "devserver",
            f"SETTINGS={settings}",
            f"OUTPUT={tmp_path / 'output'}",
            f"PORT={free_port()}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    python = wait_for_workers(make, mark)
    kill(make, python, who, signum)
    assert_all_gone(mark)
    out = make.stdout.read()
    assert "Traceback" not in out, out


def run_script(script: str) -> subprocess.CompletedProcess:
    """``script`` run by the project's Python, as a command is."""
    return subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


LOADING_UNDER_SIGNALS = """
import os, signal, sys, threading, time
from guichet import processes

processes.stop_on_signals()
sent = []
started, loaded = threading.Event(), threading.Event()

def send() -> None:  # SIGTERM every 0.2 ms until pikepdf's native module is loaded
    while not loaded.is_set():
        os.kill(os.getpid(), signal.SIGTERM)
        sent.append(1)
        started.set()
        time.sleep(0.0002)

sender = threading.Thread(target=send)
try:
    with processes.signals_deferred():
        sender.start()
        started.wait()
        import pikepdf
        loaded.set()
        print("loaded", pikepdf.Pdf.__name__, flush=True)
        sender.join()  # every signal arrives inside the block
except KeyboardInterrupt:
    print("interrupted after", len(sent), "signals", flush=True)
"""


def test_a_stop_while_the_plugins_load_waits_for_them_then_interrupts():
    """SIGTERM while pikepdf's native module loads (the devserver stopping a rebuild that has
    just started) made nanobind abort the process with « Critical nanobind error » and a
    traceback. Inside ``signals_deferred`` (how the build and the preview load the plugins) the
    module loads whole, and the stop is one KeyboardInterrupt at the end of the block."""
    done = run_script(LOADING_UNDER_SIGNALS)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "loaded Pdf"
    assert lines[1].startswith("interrupted after ") and int(lines[1].split()[2]) >= 1
    assert "Traceback" not in done.stderr and "nanobind" not in done.stderr


STARTING_UNDER_SIGNALS = """
import os, signal, sys, time

def told_to_stop() -> None:  # SIGTERM reaching a worker as it starts (before our own hook runs)
    os.kill(os.getpid(), signal.SIGTERM)

os.register_at_fork(after_in_child=told_to_stop)  # runs before the hooks install() adds
from guichet import processes

processes.install()
processes.stop_on_signals()
pid = os.fork()
if pid == 0:
    time.sleep(5)
    print("the worker went on", flush=True)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("stopped by", os.WTERMSIG(status) if os.WIFSIGNALED(status) else None, flush=True)
"""


def test_a_worker_told_to_stop_as_it_starts_stops():
    """A stop reaching a worker while it starts (inside Python's fork hooks) was kept for later
    by ``interrupt``, then forgotten: the worker went on working for a build that was over."""
    done = run_script(STARTING_UNDER_SIGNALS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [f"stopped by {int(signal.SIGTERM)}"]
    assert "Traceback" not in done.stderr


FORKING_UNDER_SIGNALS = """
import os, signal, sys, time
from guichet import processes

processes.install()
processes.stop_on_signals()
import logging  # its fork hooks release its lock in the parent: a stop lands there

class StoppedAsItReleases:
    def __init__(self, lock):
        self.lock = lock
    def acquire(self, *args):
        return self.lock.acquire(*args)
    def release(self):
        os.kill(os.getpid(), signal.SIGTERM)
        self.lock.release()
    def _at_fork_reinit(self):
        self.lock._at_fork_reinit()

logging._lock = StoppedAsItReleases(logging._lock)
try:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    for _ in range(300):  # the stop, kept during the fork, arrives here
        time.sleep(0.1)
    print("not interrupted", flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


def test_a_stop_during_another_modules_fork_hook_is_not_lost():
    """Python runs the hooks after a fork in the order they were registered: ours ran before
    logging's, so a SIGTERM landing in logging's was raised there, printed and lost (the build
    went on and failed on its killed workers: « Erreur interne »)."""
    done = run_script(FORKING_UNDER_SIGNALS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["interrupted"]
    assert "Traceback" not in done.stderr
