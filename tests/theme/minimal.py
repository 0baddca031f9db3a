"""The minimal browsers residents may use, run for real: text dumps of w3m and lynx, and
screenshots of Dillo and NetSurf on a virtual X screen (Xvfb)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageGrab

W3M, LYNX = "/usr/bin/w3m", "/usr/bin/lynx"
XVFB, DILLO, NETSURF = "/usr/bin/Xvfb", "/usr/bin/dillo", "/usr/bin/netsurf-gtk"
WIDTH, HEIGHT = 800, 1000
SETTLE_SECONDS = 5
"""How long a browser is given to draw a local page before the screen is grabbed."""


def w3m_dump(page: Path, columns: int = 80) -> str:
    """What w3m shows for a page (no configuration file of the user's read: an empty home,
    which w3m writes its ~/.w3m into)."""
    with tempfile.TemporaryDirectory(prefix="guichet-w3m-") as home:
        return _w3m(page, columns, home)


def _w3m(page: Path, columns: int, home: str) -> str:
    return subprocess.run(
        [
            W3M,
            "-dump",
            "-cols",
            str(columns),
            "-T",
            "text/html",
            "-I",
            "UTF-8",
            "-O",
            "UTF-8",
            str(page),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "HOME": home},
    ).stdout


def lynx_dump(page: Path, columns: int = 80) -> str:
    return subprocess.run(
        [
            LYNX,
            "-dump",
            "-nolist",
            f"-width={columns}",
            "-display_charset=UTF-8",
            "-assume_charset=UTF-8",
            str(page),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def processes_with_home(home: str) -> list[int]:
    """Processes started with ``HOME=home`` (a fresh temporary folder: only ours)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"HOME={home}".encode() in environ:
            found.append(int(entry.name))
    return found


class Screen:
    """One Xvfb screen, WIDTH×HEIGHT, for as long as the object lives (``with``)."""

    def __enter__(self) -> Screen:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [
                XVFB,
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{WIDTH}x{HEIGHT}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as displayfd:
            self.display = ":" + displayfd.readline().strip()
        self.home = tempfile.mkdtemp(prefix="guichet-browsers-")
        return self

    def __exit__(self, *exc) -> None:
        for pid in processes_with_home(self.home):  # Dillo's dpid outlives Dillo
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.home, ignore_errors=True)

    def shoot(self, command: list[str], out: Path) -> Image.Image:
        """Start ``command`` on this screen, wait for it to draw, save the screen to ``out``."""
        env = {**os.environ, "DISPLAY": self.display, "HOME": self.home}
        browser = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            time.sleep(SETTLE_SECONDS)
            assert browser.poll() is None, f"{command[0]} stopped: {browser.returncode}"
            image = ImageGrab.grab(xdisplay=self.display)
        finally:
            browser.terminate()
            try:
                browser.wait(10)
            except subprocess.TimeoutExpired:
                browser.kill()
                browser.wait()
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(out)
        return image


def dillo(page: Path) -> list[str]:
    return [DILLO, "-g", f"{WIDTH}x{HEIGHT}+0+0", page.as_uri()]


def netsurf(page: Path) -> list[str]:
    size = ["--window_width", str(WIDTH), "--window_height", str(HEIGHT)]
    return [NETSURF, *size, "--window_x", "0", "--window_y", "0", page.as_uri()]
