"""Preloaded by the fork server of the print workers (``work.worker_pool``), where it makes a
worker that cannot start exit without a word.

A worker forked at the moment the build is stopped (Ctrl-C, a killed ``make``) finds its
build's semaphores gone, and Python's fork server would print that failure's traceback on the
staff's terminal under « Commande interrompue ». Everything else a worker does comes back to
the build through its futures (results, exceptions, a worker lost), which reports it in
French. Only the fork server, started with :data:`QUIET_START` set, is made quiet: this module
does nothing when the build itself, or a test, imports it.
"""

from __future__ import annotations

import os
import sys

QUIET_START = "GUICHET_QUIET_WORKER_START"
"""Set in the environment the fork server is started with."""


def _silent(*_exc_info) -> None:
    """A worker's failed start: nothing to tell staff (see the module's docstring)."""


if os.environ.get(QUIET_START) == "1":
    sys.excepthook = _silent
