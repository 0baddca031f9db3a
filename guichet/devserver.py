"""``make devserver``: rebuild on every change, serve on 127.0.0.1, never show a broken site.

Each rebuild runs in a fresh process (so edited plugins and settings are picked up) into a
staging folder, which replaces the served folder only when the build succeeded: content errors
are printed in the terminal and the last good build stays browsable.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from guichet.messages import devserver as msg

WATCHED = ("content", "theme", "plugins", "guichet")


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames (the old one is then removed)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def rebuild(
    settings: str, output: Path, content: str | None = None, cache: str | None = None
) -> bool:
    """Build into ``<output>.new``; swap it in on success. Returns whether it succeeded."""
    staging = output.with_name(output.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    command = [sys.executable, "-m", "guichet", "build", "-s", settings, "-o", str(staging)]
    if content:
        command += ["--content", content]
    if cache:
        command += ["--cache", cache]
    if subprocess.run(command).returncode == 0:
        swap_in(staging, output)
        return True
    shutil.rmtree(staging, ignore_errors=True)
    return False


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(
    settings: str,
    output: str,
    bind: str,
    port: int,
    content: str | None = None,
    cache: str | None = None,
) -> int:
    from watchfiles import watch

    target = Path(output).resolve()
    address = f"http://{bind}:{port}/"
    if not rebuild(settings, target, content, cache) and not target.exists():
        print(msg.FIRST_BUILD_FAILED, file=sys.stderr)
        target.mkdir(parents=True)
    # The handler resolves paths under `target` per request, so a swapped-in build is served.
    handler = functools.partial(_QuietHandler, directory=str(target))
    server = ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(msg.SERVING.format(address=address), flush=True)
    watched = [p for p in (*WATCHED, settings, content) if p and Path(p).exists()]
    try:
        for _changes in watch(*watched, debounce=300, step=100):
            print(msg.REBUILDING, flush=True)
            if rebuild(settings, target, content, cache):
                print(msg.REBUILT.format(address=address), flush=True)
            else:
                print(msg.KEPT_LAST_GOOD.format(address=address), file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
