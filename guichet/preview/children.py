"""Child processes of the devserver that never outlive it.

Each build runs in its own process group (stopped as a whole, its workers with it) and is told
to die with the devserver (``PR_SET_PDEATHSIG``). That signal reaches the child only, not the
workers it starts: for a devserver killed outright (SIGKILL, no clean-up possible), a small
reaper process, started first, holds a pipe from the devserver and, when the pipe closes,
kills every process group it was told about.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1

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


def _die_with_parent() -> None:  # runs in the child, between fork and exec
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the reaper still stops it
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


class Children:
    """Starts and stops the devserver's children; a reaper covers for a killed devserver."""

    def __init__(self) -> None:
        self._reaper = subprocess.Popen(
            [sys.executable, "-I", "-c", _REAPER],
            stdin=subprocess.PIPE,
            text=True,
            start_new_session=True,  # not in the devserver's group: outlives a Ctrl+C
        )

    def _tell(self, word: str, pgid: int) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._reaper.stdin.write(f"{word} {pgid}\n")
            self._reaper.stdin.flush()

    def start(self, command: list[str], **kwargs) -> subprocess.Popen:
        """Start ``command`` in a new process group that dies with this process.

        Linux sends PDEATHSIG when the *thread* that started the child ends: start it from a
        thread that waits for it."""
        process = subprocess.Popen(
            command, start_new_session=True, preexec_fn=_die_with_parent, **kwargs
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
