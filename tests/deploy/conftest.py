"""Debian's nginx started by deploy/serve-local.sh over a copy of the sample town."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port

NGINX = Path("/usr/sbin/nginx")
HASHED_IMAGE = "images/mairie-640.0123456789.jpg"
PDF = "demarches/pacs/fiche.pdf"
CSP_PROBE = "essai-csp.html"
CSP_PROBE_HTML = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Essai CSP</title></head><body>
<p style="color: red">Style en ligne</p>
<img src="https://example.org/pixel.png" alt="pixel">
</body></html>"""
"""A page the CSP must block (inline style, remote image): proves violations are seen."""


@dataclass
class Server:
    base: str
    port: int
    root: Path
    prefix: Path


def wait_for(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nginx did not listen on {port}")


@pytest.fixture(scope="session")
def served_site(sample_site, tmp_path_factory) -> Path:
    """The sample town, plus the files other plugins write after the merge (a hashed image,
    a flyer PDF) and a page that breaks the CSP on purpose."""
    root = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(sample_site, root)
    for relative, data in (
        (HASHED_IMAGE, b"\xff\xd8\xff\xe0 not really a jpeg"),
        (PDF, b"%PDF-1.4\n%%EOF\n"),
        (CSP_PROBE, CSP_PROBE_HTML.encode()),
    ):
        path = root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("secret")
    return root


@pytest.fixture(scope="session")
def nginx(served_site, tmp_path_factory) -> Iterator[Server]:
    assert NGINX.exists(), f"{NGINX} is missing: run `make test` as root, or install nginx"
    port = free_port()
    prefix = tmp_path_factory.mktemp("nginx")
    process = subprocess.Popen(
        ["sh", str(ROOT / "deploy" / "serve-local.sh"), str(port), str(served_site)],
        env={"GUICHET_NGINX_PREFIX": str(prefix), "PATH": "/usr/sbin:/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(port, process)
        yield Server(f"http://127.0.0.1:{port}", port, served_site, prefix)
    finally:
        process.terminate()
        process.wait(timeout=20)
