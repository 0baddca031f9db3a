"""nginx with ``gzip_static on`` serves the precompressed copies as they are."""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import free_port

NGINX = "/usr/sbin/nginx"
CONFIG = """
daemon off;
master_process off;
{user}
error_log {tmp}/error.log;
pid {tmp}/nginx.pid;
events {{ worker_connections 16; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ text/html html; text/css css; }}
    gzip off;
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


@pytest.fixture
def nginx(sample_site, tmp_path):
    assert os.path.exists(NGINX), f"{NGINX} is missing: run `make test` as root"
    port = free_port()
    config = tmp_path / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    config.write_text(
        CONFIG.format(user=user, tmp=tmp_path, port=port, root=sample_site), encoding="utf-8"
    )
    process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(tmp_path)])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(url: str, **headers: str):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as r:
        return r.headers, r.read()


@pytest.mark.parametrize("path", ["demarches/passeport/index.html", "index.html"])
def test_nginx_serves_the_gz_copy(nginx, sample_site, path):
    url = f"{nginx}/{path.removesuffix('index.html')}"
    headers, body = get(url, **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert body == (sample_site / f"{path}.gz").read_bytes()
    assert gzip.decompress(body) == (sample_site / path).read_bytes()
    headers, body = get(url)
    assert headers["Content-Encoding"] is None
    assert body == (sample_site / path).read_bytes()
