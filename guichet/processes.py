"""Processes die with the command that started them: the kernel's mechanisms, no timeouts.

This module is the one place that rule is written, for every command:

- ``die_with_parent()``: the Python process of ``make html``/``make publish``/``make devserver``
  gets SIGTERM when its parent (``make``) dies, even by SIGKILL (Linux ``PR_SET_PDEATHSIG``).
- ``install()``: every process forked from here on (the images', flyers' and reading workers:
  ``multiprocessing`` forks) gets SIGKILL when the build process dies, ignores the terminal's
  Ctrl-C (the build stops them itself), and closes the files registered with
  ``close_in_children`` (the publish lock: a worker never keeps it once the build is gone).
- ``stop_on_signals()``: SIGINT and SIGTERM kill the worker processes at once, then raise
  KeyboardInterrupt in the build (which cleans up and exits), instead of letting the process
  pools finish the work they were handed. Inside ``signals_deferred()`` (loading the plugins,
  whose native modules must not be interrupted) they wait for the end of the block. Once the
  command has unwound, ``end_now()`` ends it without Python's exit handlers, which race the
  pools whose workers were just killed.
- ``Children``: commands started by a long-running command (the devserver's builds), each in
  its own process group, told to die with it, stopped as a group. ``PR_SET_PDEATHSIG`` reaches
  the direct child only, and the fork hooks above only cover Python's own forks: a program a
  worker runs (``subprocess``, no hooks) would be orphaned by a devserver killed outright
  (SIGKILL, no clean-up possible). So a small reaper process, started first in its own session,
  holds a pipe from the long-running command and, when the pipe closes, kills every process
  group it was told about.

Files Python opens are close-on-exec already, so programs run by the build (rsync) never hold
the lock either. Elsewhere than Linux, ``die_with_parent`` does nothing.
"""

from __future__ import annotations

import _thread
import contextlib
import ctypes
import importlib
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import NoReturn

PR_SET_PDEATHSIG = 1
DETACHED_ENV = "GUICHET_DETACHED"
"""Set to 1 to keep a command running after the program that started it exits (``nohup``)."""

_installed = False
_close_in_children: set[int] = set()
_forking_pid = os.getpid()


_libc = None


def _load_libc():
    """The C library, loaded once (before forking: forked processes inherit it, and loading a
    library between fork and exec in a threaded program may hang)."""
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def _prctl_deathsig(signum: int) -> bool:
    libc = _load_libc()
    if libc is None:
        return False
    try:
        return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except AttributeError:
        return False


def die_with_parent(signum: int = signal.SIGTERM, parent: int | None = None) -> None:
    """This process gets ``signum`` when its parent exits; at once if it has exited already."""
    parent = os.getppid() if parent is None else parent
    if parent <= 1 or not _prctl_deathsig(signum):
        return
    if os.getppid() != parent:  # the parent died before the kernel was told
        os.kill(os.getpid(), signum)


_forking = False
_deferring = 0
_pending: int | None = None
"""A SIGINT/SIGTERM that arrived while this process was forking or loading the plugins: raised
once that is over (an exception raised inside Python's fork hooks would be printed and lost, and
one raised while a native module is being loaded may abort the whole process)."""
_stopped = False
"""``interrupt`` has raised KeyboardInterrupt: the command is being stopped."""


def _before_fork() -> None:
    global _forking_pid, _forking
    _forking_pid = os.getpid()
    _forking = True


def _redeliver(signum: int) -> None:
    while _forking:  # the main thread is still inside a fork hook
        time.sleep(0.001)
    _thread.interrupt_main(signum)


def _after_in_parent() -> None:
    global _forking, _pending
    if _pending is not None:
        _thread.start_new_thread(_redeliver, (_pending,))  # never waits, unlike Thread.start
        _pending = None
    _forking = False  # last: nothing after it can run a signal handler inside this hook


def _in_child() -> None:
    global _forking, _pending
    # The handlers first, while ``_forking`` holds: a signal reaching the new process now (the
    # terminal's Ctrl-C reaches the whole group) is kept by ``interrupt``, not raised in here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the build stops its workers itself
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    received, _pending = _pending, None  # this process's, or its parent's stop: both mean stop
    _forking = False
    if received == signal.SIGTERM:
        os.kill(os.getpid(), signal.SIGTERM)  # told to stop while starting: stop now
    for fd in list(_close_in_children):
        with contextlib.suppress(OSError):
            os.close(fd)
    _close_in_children.clear()
    die_with_parent(signal.SIGKILL, _forking_pid)


def install() -> None:
    """Every process forked from now on dies with its parent and holds no registered file."""
    global _installed
    if _installed:
        return
    # Python runs the hooks after a fork in the order they were registered, and the hooks
    # before it in the reverse order: ours must come last after it and first before it, so that
    # no other hook runs while ``interrupt`` may raise. The standard library's own hooks
    # (logging's and the thread pools' locks) are registered first, by importing them now.
    importlib.import_module("logging")
    importlib.import_module("concurrent.futures.thread")
    os.register_at_fork(
        before=_before_fork, after_in_parent=_after_in_parent, after_in_child=_in_child
    )
    _installed = True


def close_in_children(fd: int) -> None:
    """Forked processes close ``fd`` at once (a lock they must never keep)."""
    _close_in_children.add(fd)


def release(fd: int) -> None:
    _close_in_children.discard(fd)


def kill_workers() -> None:
    """SIGKILL every process this one started with multiprocessing (pool workers)."""
    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError, ValueError):
            child.kill()


def interrupt(signum, frame):
    """Signal handler: kill the workers, then stop the main thread with KeyboardInterrupt."""
    global _pending, _stopped
    if _forking or _deferring:  # in os.fork() or in signals_deferred(): once it is over
        _pending = signum
        return
    kill_workers()
    if getattr(threading, "_SHUTTING_DOWN", False) or sys.is_finalizing():
        return  # the command is already ending (atexit): a KeyboardInterrupt now is a traceback
    _stopped = True
    raise KeyboardInterrupt


def was_stopped() -> bool:
    """Whether ``interrupt`` stopped this command (even if the command caught it)."""
    return _stopped


def end_now(code: int) -> NoReturn:
    """End this process with ``code`` at once: for a command a stop has unwound (its ``finally``
    blocks have run, its workers are killed). Python's own exit would then wake the process
    pools' threads, which are tearing down pools whose workers just died: CPython 3.11's
    ProcessPoolExecutor may write to a wake-up pipe its manager thread is closing, and prints
    « Bad file descriptor » with a traceback after « Commande interrompue »."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM, when ``interrupt`` handles them, wait for the end of the block.

    For loading the plugins: pikepdf's native module (made with nanobind) runs Python code as it
    loads, and a KeyboardInterrupt raised there makes nanobind abort the whole process with
    « Critical nanobind error » and a Python traceback, instead of « Commande interrompue »."""
    global _deferring, _pending
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers run in the main thread only: nothing to defer here
        return
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and not _forking and _pending is not None:
            signum, _pending = _pending, None
            interrupt(signum, None)  # raises KeyboardInterrupt, over any exception of the block


def stop_on_signals() -> None:
    """SIGINT and SIGTERM: kill the workers now, then KeyboardInterrupt in the main thread."""
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def for_command() -> None:
    """What every ``python -m guichet`` command does first."""
    install()
    if os.environ.get(DETACHED_ENV) != "1":
        die_with_parent()


_REAPER = """
import os, signal, sys
groups = set()
for line in sys.stdin:
    word, _, pgid = line.partition(" ")
    (groups.add if word == "watch" else groups.discard)(int(pgid))
for pgid in groups:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass
"""
"""Reads ``watch <pgid>`` / ``done <pgid>`` lines; at end of input, kills what is watched."""


class Children:
    """Starts and stops a long-running command's children; a reaper covers for it being killed."""

    def __init__(self) -> None:
        _load_libc()
        self._reaper = subprocess.Popen(
            [sys.executable, "-I", "-c", _REAPER],
            stdin=subprocess.PIPE,
            text=True,
            start_new_session=True,  # not in this command's group: outlives a Ctrl+C
        )

    def _tell(self, word: str, pgid: int) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._reaper.stdin.write(f"{word} {pgid}\n")
            self._reaper.stdin.flush()

    def start(self, command: list[str], **kwargs) -> subprocess.Popen:
        """Start ``command`` in a new process group that dies with this process (SIGKILL).

        Linux sends PDEATHSIG when the *thread* that started the child ends: start it from a
        thread that waits for it."""
        parent = os.getpid()
        process = subprocess.Popen(
            command,
            start_new_session=True,
            preexec_fn=lambda: die_with_parent(signal.SIGKILL, parent),  # between fork and exec
            **kwargs,
        )
        self._tell("watch", process.pid)
        return process

    def finished(self, process: subprocess.Popen) -> None:
        """``process`` ended: stop its group's leftovers and forget it."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        self._tell("done", process.pid)

    def stop(self, process: subprocess.Popen, grace: float = 5.0) -> None:
        """Stop ``process`` and everything in its group: SIGTERM, then SIGKILL after ``grace``."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, sig)
            try:
                process.wait(timeout=grace)
                break
            except subprocess.TimeoutExpired:
                continue
        self.finished(process)

    def close(self) -> None:
        """No more children: the reaper ends (killing any group still watched)."""
        with contextlib.suppress(OSError, ValueError):
            self._reaper.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._reaper.wait(timeout=10)
