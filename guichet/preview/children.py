"""Child processes of the devserver that never outlive it: each in its own process group
(stopped as a whole, its workers with it) and told to die with the devserver
(``PR_SET_PDEATHSIG``), even when the devserver is killed outright."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child, between fork and exec
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the group still stops it
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def start(command: list[str], **kwargs) -> subprocess.Popen:
    """Start ``command`` in a new process group that dies with this process.

    Linux sends the signal when the *thread* that started the child ends: start it from a
    thread that waits for it."""
    return subprocess.Popen(command, start_new_session=True, preexec_fn=_die_with_parent, **kwargs)


def stop(process: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop ``process`` and everything in its group: SIGTERM, then SIGKILL after ``grace``."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError, PermissionError):  # workers left behind
        os.killpg(process.pid, signal.SIGKILL)
