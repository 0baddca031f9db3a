"""`make devserver`: rebuilds on change; a content error is shown on the edited page and keeps
the last good build online for the others."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from html import unescape

from tests.conftest import BUILD_DATE_EPOCH, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, content, output, cache):
        self.port = free_port()
        env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "guichet",
                "devserver",
                "--content",
                str(content),
                "--output",
                str(output),
                "--cache",
                str(cache),
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return index + 1
            assert self.process.poll() is None, "".join(self.lines)
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never printed:\n" + "".join(self.lines))

    def get(self, path: str) -> str:
        url = f"http://127.0.0.1:{self.port}{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def test_devserver_rebuilds_and_keeps_last_good_build(small_site, tmp_path):
    server = Server(small_site, tmp_path / "out", tmp_path / "cache")
    try:
        seen = server.wait_for("Aperçu du site")
        assert "Carte d'identité" in unescape(server.get("/demarches/carte-identite/"))

        source = small_site / "demarches/carte-identite.md"
        good = source.read_text(encoding="utf-8")
        time.sleep(0.5)
        source.write_text(good.replace("Verifie-le: 2026-10-15", "Verifie-le: bientôt"), "utf-8")
        seen = server.wait_for("dernière version correcte", after=seen)
        assert any("« bientôt » n'est pas une date" in line for line in server.lines)
        page = unescape(server.get("/demarches/carte-identite/"))
        assert "« bientôt » n'est pas une date" in page  # the edited page shows the problem
        assert "Acte de naissance" in unescape(server.get("/demarches/"))  # the rest stays online

        source.write_text(good.replace("Titre: Carte d'identité", "Titre: Carte CNI"), "utf-8")
        server.wait_for("Aperçu à jour", after=seen)
        assert "Carte CNI" in server.get("/demarches/carte-identite/")
    finally:
        server.stop()
