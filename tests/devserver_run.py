"""A real ``python -m guichet devserver`` on a free port, for the tests that edit files and read
what it serves (shared: tests/authoring, tests/devserver)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.conftest import BUILD_DATE_EPOCH, ROOT, free_port, starts_a_build


class Devserver:
    """The devserver in its own process; every line it prints is kept in ``lines``."""

    def __init__(self, settings: Path, content: Path, output: Path, cache: Path):
        starts_a_build()
        self.port = free_port()
        env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "guichet", "devserver", "--settings", str(settings)]
        command += ["--content", str(content), "--output", str(output), "--cache", str(cache)]
        command += ["--port", str(self.port)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 180) -> int:
        """The index after the first line from ``after`` on that contains ``text``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return index + 1
            assert self.process.poll() is None, "".join(self.lines)
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never printed:\n" + "".join(self.lines))

    def get(self, path: str) -> bytes:
        url = f"http://127.0.0.1:{self.port}{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()

    def get_text(self, path: str) -> str:
        return self.get(path).decode()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
