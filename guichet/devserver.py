"""``make devserver``: an edit served within a second, PDFs following; never a broken site.

At start, the site is built in full in a child process (``guichet build``) into a staging
folder, swapped in when it succeeded. Then Pelican is kept in this process (guichet/preview):
on each change to a procedure, a counter or a page, only the pages depending on it are rendered
again, straight into the served folder, and the terminal says so. A full build follows in the
background (PDFs, image derivatives, compression, page checks) and is swapped in when it
succeeded and nothing changed meanwhile: until then, each page just rendered of a procedure
carries one plain line saying its PDF is being made. Any other change (images, theme, settings)
renders every page in this process; a change to Guichet's own code restarts the devserver.

A content error is printed in the terminal, and the browser shows it (the same words) on the
edited page; every other page stays as it last was.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from guichet.messages import devserver as msg
from guichet.preview import overlay
from guichet.preview.deps import Snapshot, pages_to_render, procedure_pages
from guichet.preview.engine import Engine
from guichet.processes import Children

WATCHED = ("content", "theme", "plugins", "guichet")
CODE_FOLDERS = ("plugins", "guichet")
"""Python changed here is only picked up by a fresh process: the devserver restarts."""
CONTENT_SUFFIXES = (".md", ".markdown")


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames (the old one is then removed)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_command(settings: str, output: Path, content: str | None, cache: str | None) -> list[str]:
    command = [sys.executable, "-m", "guichet", "build", "-s", settings, "-o", str(output)]
    if content:
        command += ["--content", content]
    if cache:
        command += ["--cache", cache]
    return command


BACKGROUND_NICENESS = 10
"""How much lower the background full build (PDFs, compression, checks) runs than the
devserver: on a busy machine the pages of a preview are still served within the targets."""


class State:
    """What the HTTP handler shows on top of the served folder (guarded by ``lock``)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.errors: dict[str, str] = {}
        """Output path → French report: the page of a file saved with errors."""
        self.pending: set[str] = set()
        """Output paths of procedure pages rendered before their PDF was made."""
        self.generation = 0
        """Counts the changes: a background build started before the last one is discarded."""
        self.job: subprocess.Popen | None = None


class _Handler(SimpleHTTPRequestHandler):
    state: State

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        # Served under the lock: never a page half-written by a run, nor a run half-done.
        with self.state.lock:
            save_as = overlay.save_as_of(self.path)
            report = self.state.errors.get(save_as)
            if report is not None:
                return self._send(overlay.error_page(report))
            if save_as in self.state.pending:
                try:
                    page = (Path(self.directory) / save_as).read_bytes()
                except OSError:
                    return super().do_GET()
                return self._send(overlay.with_notice(page, msg.PDF_PENDING))
            return super().do_GET()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Preview:
    """The devserver's work: a first full build, then incremental runs and background builds."""

    def __init__(self, settings: str, output: Path, content: str | None, cache: str | None):
        self.settings, self.target, self.content = settings, output, content
        self.cache = Path(cache or "cache").resolve()
        self.state = State()
        self.children = Children()
        preview_cache = self.cache / "apercu"
        preview_cache.mkdir(parents=True, exist_ok=True)
        images = preview_cache / "images"  # derivatives are shared with the full builds
        if not images.exists() and not images.is_symlink():
            (self.cache / "images").mkdir(parents=True, exist_ok=True)
            images.symlink_to(self.cache / "images", target_is_directory=True)
        self.engine = Engine(settings, output, content, preview_cache)
        self.content_root = Path(content or "content").resolve()
        self.unrendered: list[str] = []
        """Files changed during failed runs: their pages are rendered with the next change's."""
        self.closing = False
        """The devserver is stopping: a background build it stops did not fail."""

    # -- the full build, in a child process ------------------------------------------------
    def full_build(self, generation: int | None = None) -> bool:
        """Build into ``<output>.new`` and swap it in on success (unless, for a background
        build, something changed meanwhile). Returns whether it succeeded."""
        staging = self.target.with_name(self.target.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        command = build_command(self.settings, staging, self.content, str(self.cache))
        if generation is None:
            code = self._run(command)
        else:  # a background build's messages repeat the preview's: shown when it fails
            # at a lower priority: the pages just rendered are served first (issue 17)
            if shutil.which("nice"):
                command = ["nice", "-n", str(BACKGROUND_NICENESS), *command]
            with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
                code = self._run(command, stdout=log, stderr=subprocess.STDOUT)
                if code != 0 and generation == self.state.generation and not self.closing:
                    log.seek(0)
                    print(log.read(), end="", file=sys.stderr, flush=True)
        with self.state.lock:
            current = generation is None or generation == self.state.generation
            if code == 0 and current:
                swap_in(staging, self.target)
                self.state.pending.clear()
                return True
        shutil.rmtree(staging, ignore_errors=True)
        return False

    def _run(self, command: list[str], **output) -> int:
        process = self.children.start(command, **output)
        with self.state.lock:
            self.state.job = process
        code = process.wait()
        self.children.finished(process)  # workers it may have left
        with self.state.lock:
            if self.state.job is process:
                self.state.job = None
        return code

    def in_background(self, generation: int) -> None:
        def run() -> None:
            if self.full_build(generation):
                print(msg.FULL_BUILD_READY, flush=True)
            elif (
                generation == self.state.generation and self.state.job is None and not self.closing
            ):
                print(msg.FULL_BUILD_FAILED, file=sys.stderr, flush=True)

        threading.Thread(target=run, daemon=True).start()

    def stop_background(self) -> None:
        with self.state.lock:
            job = self.state.job
        if job is not None:
            self.children.stop(job)

    # -- incremental runs ------------------------------------------------------------------
    def warm_up(self) -> None:
        """Read the site once in this process (nothing written): the next edit is fast."""
        self.engine.run(lambda snapshot: set(), new_pages=False)

    def change(self, saved: list[str], address: str) -> None:
        paths = sorted({*self.unrendered, *saved})
        content_only = all(
            p.endswith(CONTENT_SUFFIXES) and Path(p).is_relative_to(self.content_root)
            for p in paths
        )
        self.stop_background()
        _forget_modules(paths)  # a settings file importing pelicanconf.py sees its new values
        with self.state.lock:
            self.state.generation += 1
            generation = self.state.generation
            old = self.engine.snapshot
            if content_only and old is not None:

                def select(new: Snapshot):
                    return pages_to_render(paths, old, new)

            else:

                def select(new: Snapshot):
                    return None

            outcome = self.engine.run(select)
            if not outcome.ok:
                # Where staff look: the pages of the files saved, of those still waiting for a
                # fix, and of the files the problems are in.
                wrong = [str(self.content_root.parent / source) for source in outcome.sources]
                pages = _pages_of(sorted({*paths, *wrong}), old, self.engine.settings)
                self.state.errors = {page: outcome.report for page in pages}
                self.unrendered = paths
                print(outcome.report, file=sys.stderr, flush=True)
                print(msg.KEPT_LAST_GOOD.format(address=address), file=sys.stderr, flush=True)
                return
            self.state.errors = {}
            self.unrendered = []
            self.state.pending |= procedure_pages(outcome.snapshot, outcome.rendered)
        print(msg.UPDATED_PDF_LATER.format(address=address), flush=True)
        self.in_background(generation)


def _forget_modules(paths: list[str]) -> None:
    """Drop from ``sys.modules`` the modules loaded from ``paths`` (settings files)."""
    changed = {os.path.abspath(p) for p in paths if p.endswith(".py")}
    for name, module in list(sys.modules.items()):
        location = getattr(module, "__file__", None)
        if location and os.path.abspath(location) in changed:
            del sys.modules[name]


def _pages_of(paths: list[str], snapshot: Snapshot | None, settings: dict) -> set[str]:
    """The pages of the files ``paths``, to show their errors on: known from the last good run,
    or, for a new procedure, counter or page, where it would be written; for a text of the
    content that has no page of its own (``commune.md``, a notice), every page: the town's name
    and the notices are on all of them."""
    pages: set[str] = set()
    for path in paths:
        known = set()
        if snapshot is not None:
            for table in (snapshot.procedures, snapshot.pages):
                if path in table:
                    known.update(table[path].pages)
            if path in snapshot.counters:
                known.update(snapshot.counter_pages.get(snapshot.counters[path].slug, ()))
        known = known or _new_pages(path, settings)
        if not known and snapshot is not None and _is_content_text(path, settings):
            known = set(snapshot.written)
        pages |= known
    return pages


def _is_content_text(path: str, settings: dict) -> bool:
    content = settings.get("PATH")
    return bool(content) and path.endswith(".md") and Path(path).is_relative_to(content)


def _new_pages(path: str, settings: dict) -> set[str]:
    content = settings.get("PATH")
    if not content or not Path(path).is_relative_to(content):
        return set()
    folder = Path(path).relative_to(content).parts[0]
    slug = Path(path).stem
    for paths, saves in (
        ("PROCEDURE_PATHS", ("PROCEDURE_SAVE_AS", "PROCEDURE_FLYER_SAVE_AS")),
        ("COUNTER_PATHS", ("COUNTER_SAVE_AS",)),
        ("PAGE_PATHS", ("PAGE_SAVE_AS",)),
    ):
        if folder in settings.get(paths, ()):
            return {settings[key].format(slug=slug) for key in saves if settings.get(key)}
    return set()


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
    preview = Preview(settings, target, content, cache)
    server = None
    restart = False
    try:
        if not preview.full_build() and not target.exists():
            print(msg.FIRST_BUILD_FAILED, file=sys.stderr)
            target.mkdir(parents=True)
        preview.warm_up()
        # The handler resolves paths under `target` per request: a swapped-in build is served.
        handler_class = type("Handler", (_Handler,), {"state": preview.state})
        handler = functools.partial(handler_class, directory=str(target))
        httpd = ThreadingHTTPServer((bind, port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        server = httpd  # only once it serves: shutdown() waits for serve_forever to return
        watched = [p for p in (*WATCHED, settings, content) if p and Path(p).exists()]
        code_roots = [Path(p).resolve() for p in CODE_FOLDERS]
        announced = False
        # A first empty answer (after rust_timeout ms) means the files are watched: only then
        # is the address given, so no edit made after it is missed.
        for changes in watch(
            *watched, debounce=50, step=20, rust_timeout=200, yield_on_timeout=True
        ):
            if not announced:
                print(msg.SERVING.format(address=address), flush=True)
                announced = True
            if not changes:
                continue
            paths = sorted({os.path.abspath(path) for _, path in changes})
            if any(p.endswith(".py") and _under(p, code_roots) for p in paths):
                print(msg.RESTARTING, flush=True)
                restart = True
                break
            print(msg.REBUILDING, flush=True)
            preview.change(paths, address)
    except KeyboardInterrupt:
        print(msg.STOPPED, flush=True)
    finally:
        preview.closing = True
        preview.stop_background()
        preview.children.close()
        if server is not None:
            server.shutdown()
            server.server_close()
    if restart:
        os.execv(sys.executable, [sys.executable, "-m", "guichet", *sys.argv[1:]])
    return 0


def _under(path: str, roots: list[Path]) -> bool:
    return any(Path(path).is_relative_to(root) for root in roots)
