"""Publish a build without ever breaking the live site; roll back to the previous one.

``publish`` builds into a fresh hidden folder beside the published one (same file system), with
every check of the build (content validation, the plugins' checks) plus a last look for script
in the pages and in their compressed copies (what nginx actually sends), and only then swaps it
into place by renaming: the published folder is never half-written. The previous version is
kept beside it (``public.precedent``); ``rollback`` swaps the two back. A failed, killed or
interrupted build leaves the published folder untouched; a hidden leftover of a killed build is
removed at the next publish.

Where the kernel allows it (Linux ``renameat2(RENAME_EXCHANGE)``), the swap is a single atomic
rename: there is no instant when the folder is missing. Elsewhere, two renames follow each other.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import filecmp
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import brotli

from guichet import processes
from guichet.build import CONTENT_ERROR, INTERNAL_ERROR, OK
from guichet.keys import Key, read
from guichet.messages import Problem
from guichet.messages import publish as msg
from guichet_plugins.checks.scan import scan_html

PREVIOUS_SUFFIX = ".precedent"
STAGING_PREFIX = ".{name}.nouveau-"
LOCK_NAME = ".{name}.verrou"
RSYNC_OPTIONS = ("-a", "--delete", "--checksum", "--delay-updates")
"""``--checksum``: deterministic builds make unchanged files byte-identical, so only changed
files are sent; ``--delay-updates`` puts them in place together at the end of the transfer."""
REQUIRED_PAGES = ("index.html", "404.html")
KEYS = (
    Key("PUBLISH_DIR", "public", "str"),
    Key("PUBLISH_RSYNC_TARGET", "", "str"),
)
"""The settings of ``make publish`` and ``make rollback`` (documented in publishconf.py)."""


# -- paths ----------------------------------------------------------------------------------
def previous_of(target: Path) -> Path:
    return target.with_name(target.name + PREVIOUS_SUFFIX)


def leftovers(target: Path) -> list[Path]:
    """Staging folders of builds that were killed before they could clean up."""
    prefix = STAGING_PREFIX.format(name=target.name)
    return sorted(p for p in target.parent.glob(prefix + "*") if p.is_dir())


# -- the swap ---------------------------------------------------------------------------------
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    return result == 0


def swap_into_place(staging: Path, target: Path) -> bool:
    """Put ``staging`` at ``target``; the old ``target`` becomes the previous version.

    Returns True if there was a version before (now at ``previous_of(target)``).
    """
    previous = previous_of(target)
    if not target.exists():
        os.rename(staging, target)
        return False
    if _exchange(staging, target):  # staging now holds the old version
        if previous.exists():
            shutil.rmtree(previous)
        os.rename(staging, previous)
        return True
    if previous.exists():
        shutil.rmtree(previous)
    os.rename(target, previous)
    os.rename(staging, target)
    return True


def swap_back(target: Path) -> bool:
    """Exchange the published and the previous version; False if there is no previous one."""
    previous = previous_of(target)
    if not previous.is_dir():
        return False
    if not target.exists():
        os.rename(previous, target)
        return True
    if not _exchange(previous, target):
        aside = target.with_name(target.name + ".echange")
        os.rename(target, aside)
        os.rename(previous, target)
        os.rename(aside, previous)
    return True


# -- unchanged files keep their date -----------------------------------------------------------
def keep_unchanged_dates(staging: Path, published: Path) -> int:
    """Files identical to the published ones get their modification time back; return how many.

    nginx derives ``ETag`` and ``Last-Modified`` from it: browsers keep their cached copy of
    every page the publication did not change, and rsync sees nothing to update.
    """
    kept = 0
    if not published.is_dir():
        return kept
    for new in staging.rglob("*"):
        old = published / new.relative_to(staging)
        same = new.is_file() and not new.is_symlink() and old.is_file()
        if same and filecmp.cmp(new, old, shallow=False):
            stat = old.stat()
            os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            kept += 1
    return kept


# -- the last look ----------------------------------------------------------------------------
def script_in(html: str) -> list[str]:
    """What in ``html`` would run script, found by the build's own scanner (an HTML5 parser, as
    a browser reads the page: a script after a comment such as ``<!-->`` is found)."""
    scan = scan_html(html)
    return (
        [msg.SCRIPT] * scan.scripts
        + [msg.HANDLER.format(where=where) for where in scan.handlers]
        + [msg.JAVASCRIPT_URL.format(where=where) for where in scan.javascript_urls]
    )


def unsafe_pages(folder: Path) -> list[Problem]:
    """Pages that would run script, and required pages that are missing. Pure but for reading."""
    problems = [
        Problem(str(folder / page), msg.MISSING_PAGE.format(page=page))
        for page in REQUIRED_PAGES
        if not (folder / page).is_file()
    ]
    for page in sorted(folder.rglob("*.html")):
        # nginx sends page.html.gz (gzip_static) or .br instead of the page: look at all three
        served = [page, *(p for p in map(page.with_name, _copies(page.name)) if p.is_file())]
        for path in served:
            shown = str(path.relative_to(folder))
            try:
                data = _DECODERS.get(path.suffix, bytes)(path.read_bytes())
            except Exception:  # a corrupt compressed copy: residents would get garbage
                problems.append(Problem(shown, msg.UNREADABLE_COPY, None, msg.UNSAFE_HINT))
                continue
            found = script_in(data.decode("utf-8", errors="replace"))
            for what in dict.fromkeys(found):
                problems.append(
                    Problem(shown, msg.UNSAFE_PAGE.format(what=what), None, msg.UNSAFE_HINT)
                )
    return problems


_DECODERS = {".gz": gzip.decompress, ".br": brotli.decompress}
"""The compressed copies written by the precompress plugin, and how to read them back."""


def _copies(name: str) -> list[str]:
    return [name + suffix for suffix in _DECODERS]


# -- commands ---------------------------------------------------------------------------------
@contextlib.contextmanager
def _locked(target: Path) -> Iterator[bool]:
    target.parent.mkdir(parents=True, exist_ok=True)
    # Opened close-on-exec (Python's default) and closed in forked workers: only this process
    # holds the lock, so it is free the moment this process ends, however it ends.
    with open(target.parent / LOCK_NAME.format(name=target.name), "w") as lock:
        processes.close_in_children(lock.fileno())
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            processes.release(lock.fileno())


def _read_publish_settings(settings_file: str) -> dict:
    """PUBLISH_DIR and PUBLISH_RSYNC_TARGET; a broken settings file is reported by the build."""
    from pelican.settings import read_settings

    try:
        return read_settings(settings_file)
    except Exception:
        return {}


def _build_and_check(settings_file: str, staging: Path, content, cache) -> int:
    """The whole build into ``staging``, then the last look; the exit code."""
    from guichet.build import build

    print(msg.BUILDING.format(staging=staging.name))
    code = build(settings_file, str(staging), content, cache)
    if code != OK:
        return code
    problems = unsafe_pages(staging)
    for problem in problems:
        print(f"✗ {problem.render()}", file=sys.stderr)
    os.chmod(staging, 0o755)  # mkdtemp makes it private; the web server must read it
    return CONTENT_ERROR if problems else OK


LAST_PUBLISH = "derniere-publication.json"
"""Where the last ``make publish`` put the site, kept in the cache folder (CACHE_PATH):
``make rollback`` finds the same place without its settings being repeated."""


def _record(cache: str | None, settings_file: str) -> Path:
    folder = cache or _read_publish_settings(settings_file).get("CACHE_PATH") or "cache"
    return Path(folder) / LAST_PUBLISH


def _remember(record: Path, published: Path, destination: str | None) -> None:
    entry = {"dir": str(published), "rsync": destination or ""}
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(entry) + "\n", encoding="utf-8")


def _last_publish(record: Path) -> dict:
    with contextlib.suppress(OSError, ValueError):
        entry = json.loads(record.read_text(encoding="utf-8"))
        if isinstance(entry, dict) and entry.get("dir"):
            return entry
    return {}


def _where(
    settings_file: str, target: str | None, rsync_target: str | None, remembered: bool = False
) -> tuple[Path, str | None]:
    """The published folder and the rsync destination: arguments first, then (for rollback)
    where the last publish went, then the settings."""
    last = _last_publish(_record(None, settings_file)) if remembered and not target else {}
    if last:
        destination = rsync_target if rsync_target is not None else last.get("rsync") or None
        return Path(last["dir"]), destination
    conf = read(_read_publish_settings(settings_file), KEYS)
    published = Path(target or conf["PUBLISH_DIR"] or "public").absolute()
    destination = rsync_target if rsync_target is not None else conf["PUBLISH_RSYNC_TARGET"]
    return published, destination


def publish(
    settings_file: str = "publishconf.py",
    target: str | None = None,
    rsync_target: str | None = None,
    content: str | None = None,
    cache: str | None = None,
) -> int:
    """Build, check, swap into place, upload if asked; return the process exit code."""
    published, destination = _where(settings_file, target, rsync_target)
    with _locked(published) as free:
        if not free:
            print(msg.BUSY, file=sys.stderr)
            return CONTENT_ERROR
        for leftover in leftovers(published):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(
            tempfile.mkdtemp(
                prefix=STAGING_PREFIX.format(name=published.name), dir=published.parent
            )
        )
        previous_handler = signal.signal(signal.SIGTERM, processes.interrupt)
        swapped = False
        try:
            code = _build_and_check(settings_file, staging, content, cache)
            if code != OK:
                print(msg.NOT_PUBLISHED.format(target=_shown(published)), file=sys.stderr)
                return code
            keep_unchanged_dates(staging, published)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
            try:  # never stopped half-way through the swap
                had_previous = swap_into_place(staging, published)
                swapped = True
            finally:
                signal.signal(signal.SIGTERM, previous_handler)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
        except KeyboardInterrupt:
            if not swapped:
                print(msg.INTERRUPTED.format(target=_shown(published)), file=sys.stderr)
                return INTERNAL_ERROR
        finally:
            signal.signal(signal.SIGTERM, previous_handler)
            shutil.rmtree(staging, ignore_errors=True)
    _remember(_record(cache, settings_file), published, destination)
    if had_previous:
        shown_previous = _shown(previous_of(published))
        print(msg.PUBLISHED.format(target=_shown(published), previous=shown_previous))
    else:
        print(msg.FIRST_PUBLISHED.format(target=_shown(published)))
    return upload(published, destination) if destination else OK


def upload(published: Path, destination: str) -> int:
    """``rsync`` the published folder to ``destination`` (``user@host:/var/www/guichet/``)."""
    rsync = shutil.which("rsync")
    if rsync is None:
        print(msg.RSYNC_MISSING.format(destination=destination), file=sys.stderr)
        return CONTENT_ERROR
    print(msg.UPLOADING.format(destination=destination))
    result = subprocess.run([rsync, *RSYNC_OPTIONS, f"{published}/", destination], check=False)
    if result.returncode != 0:
        print(
            msg.UPLOAD_FAILED.format(
                destination=destination, code=result.returncode, target=_shown(published)
            ),
            file=sys.stderr,
        )
        return CONTENT_ERROR
    print(msg.UPLOADED.format(destination=destination))
    return OK


def rollback(
    settings_file: str = "publishconf.py",
    target: str | None = None,
    rsync_target: str | None = None,
) -> int:
    """Put the previous version back online (run it again to undo); upload it if asked."""
    published, destination = _where(settings_file, target, rsync_target, remembered=True)
    with _locked(published) as free:
        if not free:
            print(msg.BUSY, file=sys.stderr)
            return CONTENT_ERROR
        if not swap_back(published):
            shown = _shown(previous_of(published))
            print(msg.NOTHING_TO_ROLL_BACK.format(previous=shown), file=sys.stderr)
            return CONTENT_ERROR
    print(msg.ROLLED_BACK.format(target=_shown(published)))
    return upload(published, destination) if destination else OK


def _shown(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    return str(path)
