"""Write a file so that readers see the old one or the new one, never half of either."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

_COUNTER = itertools.count()
"""Numbers the temporary files of this process (``next`` on it is atomic: threads may write)."""

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new private (0600) file beside ``path``, named for this process and call: cheaper
    than ``tempfile.mkstemp``'s random names. ``O_EXCL`` never opens an existing file (one a
    crashed process with the same id left): the next number is tried."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_COUNTER)}.tmp")
        try:
            return os.open(tmp, _FLAGS, 0o600), tmp
        except FileExistsError:
            continue


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and one rename.

    ``mode`` sets the new file's permissions (the temporary file is private, 0600: give the
    source's mode to anything the web server must read). On any failure the temporary file is
    removed and ``path`` is left as it was.
    """
    path = Path(path)
    fd, tmp = _create_temporary(path)
    try:
        with open(fd, "wb", closefd=True) as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
