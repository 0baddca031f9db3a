"""deploy/nginx.conf served by a real nginx (deploy/serve-local.sh) on a loopback port."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time

import pytest

from guichet_plugins.minify.inline import theme_style
from tests.conftest import ROOT, free_port
from tests.deploy.conftest import CSP_PROBE, HASHED_IMAGE, PDF

STYLE_HASH = theme_style(ROOT / "theme").csp_source
CSP = (
    "default-src 'none'; img-src 'self'; "
    f"style-src 'self' 'unsafe-inline' {STYLE_HASH}; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""The hash is the one of the stylesheet written into pages: tools/csp-hash.py --write."""
PROCEDURE = "/demarches/carte-identite/"


def get(server, path: str, method: str = "GET", **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def assert_security_headers(response) -> None:
    assert response.getheader("Content-Security-Policy") == CSP
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert "camera=()" in response.getheader("Permissions-Policy")
    assert "geolocation=()" in response.getheader("Permissions-Policy")
    assert response.getheader("Server") == "nginx"  # no version
    assert response.getheader("Set-Cookie") is None


@pytest.mark.parametrize("path", ["/", PROCEDURE, "/guichets/mairie/", "/mentions-legales/"])
def test_pages_have_the_security_headers_and_are_revalidated(nginx, path):
    response = get(nginx, path)
    assert response.status == 200
    assert_security_headers(response)
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-cache"
    etag = response.getheader("ETag")
    assert etag
    assert get(nginx, path, **{"If-None-Match": etag}).status == 304


def test_gzip_gets_the_precompressed_file(nginx):
    """Needs the precompress plugin (another branch): fails until it is merged."""
    page = nginx.root / PROCEDURE.strip("/") / "index.html"
    precompressed = page.with_name("index.html.gz")
    response = get(nginx, PROCEDURE, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert precompressed.is_file(), "no .gz beside the page: is the precompress plugin merged?"
    assert response.body == precompressed.read_bytes()  # sent as is, not compressed again


def test_without_gzip_the_plain_page_is_sent(nginx):
    response = get(nginx, PROCEDURE)
    assert response.getheader("Content-Encoding") is None
    assert response.body == (nginx.root / "demarches/carte-identite/index.html").read_bytes()


def test_a_missing_page_gets_the_french_404(nginx):
    response = get(nginx, "/demarches/cette-page-n-existe-pas/")
    assert response.status == 404
    assert response.body == (nginx.root / "404.html").read_bytes()
    assert "Page introuvable" in response.body.decode()
    assert_security_headers(response)


def test_hashed_assets_are_cached_for_a_year_and_theme_files_briefly(nginx):
    image = get(nginx, "/" + HASHED_IMAGE)
    assert image.status == 200
    assert image.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert image.getheader("Content-Type") == "image/jpeg"
    css = get(nginx, "/theme/css/guichet.css")
    assert css.status == 200
    assert css.getheader("Cache-Control") == "public, max-age=3600"
    assert css.getheader("Content-Type").startswith("text/css")
    assert_security_headers(css)


def test_pdfs_are_served_as_pdf(nginx):
    response = get(nginx, "/" + PDF)
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/pdf"
    assert_security_headers(response)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/guichets/mairie/fermetures.ics", "text/calendar; charset=utf-8"),
        ("/donnees/guichets.csv", "text/csv; charset=utf-8"),
        ("/donnees/demarches.json", "application/json; charset=utf-8"),
        ("/sitemap.xml", "text/xml"),  # Debian's mime.types; the file declares UTF-8
    ],
)
def test_open_data_files_have_their_type(nginx, path, kind):
    response = get(nginx, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == kind
    assert_security_headers(response)


def test_a_folder_without_slash_redirects_relatively(nginx):
    response = get(nginx, "/demarches/carte-identite")
    assert response.status == 301
    assert response.getheader("Location") == "/demarches/carte-identite/"


def test_hidden_files_and_other_methods_are_refused(nginx):
    assert get(nginx, "/.git/config").status == 404
    assert get(nginx, "/", method="POST").status == 405
    assert get(nginx, "/", method="HEAD").status == 200


@pytest.mark.browser
def test_pages_render_in_chromium_without_any_csp_violation(nginx, browser):
    page = browser.new_page()
    messages: list[str] = []
    requested: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("request", lambda request: requested.append(request.url))
    try:
        for path in (PROCEDURE, "/", "/guichets/mairie/", "/page-absente/"):
            response = page.goto(nginx.base + path)
            assert response.status == (404 if path == "/page-absente/" else 200)
            assert page.locator("h1").count() == 1
            # The theme's stylesheet, written into the page, was applied (its hash is in the
            # CSP) and no other one was asked for before the first paint (the print stylesheet,
            # impression.css, does not block it).
            sheets = page.evaluate(
                "[...document.styleSheets].map(s => [s.ownerNode.tagName, s.media.mediaText])"
            )
            assert [tag for tag, media in sheets if media != "print"] == ["STYLE"], sheets
            assert page.evaluate("document.styleSheets[0].ownerNode.tagName") == "STYLE"
            assert page.evaluate("document.styleSheets[0].cssRules.length") > 0
            assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    finally:
        page.close()
    assert [m for m in messages if "Content Security Policy" in m or "Refused" in m] == []
    # Only "Failed to load resource" may remain: the 404 page itself, and, until the images
    # plugin is merged, photos whose {static} link no plugin resolved. All on this host.
    assert {m.split(":")[0] for m in messages} <= {"Failed to load resource"}
    assert [url for url in requested if not url.startswith(nginx.base + "/")] == []


@pytest.mark.browser
def test_chromium_reports_what_the_csp_blocks(nginx, browser):
    """The probe page has an inline style and a remote image: the CSP blocks both, and the
    console says so, which is what the test above would see on a faulty page."""
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        page.goto(nginx.base + "/" + CSP_PROBE)
        page.wait_for_load_state("load")
        color = page.evaluate("getComputedStyle(document.querySelector('p')).color")
    finally:
        page.close()
    assert color != "rgb(255, 0, 0)"
    assert any("Content Security Policy" in m and "style" in m for m in messages), messages
    assert any("Content Security Policy" in m and "img-src" in m for m in messages), messages


def test_favicon_ico_is_an_empty_answer_not_a_404(nginx):
    response = get(nginx, "/favicon.ico")
    assert (response.status, response.body) == (204, b"")
    icon = get(nginx, "/theme/img/favicon.png")
    assert icon.status == 200 and icon.body.startswith(b"\x89PNG")
    assert icon.getheader("Content-Type") == "image/png"
    assert len(icon.body) < 400


def test_serve_local_refuses_a_missing_folder_in_french():
    result = subprocess.run(
        ["sh", str(ROOT / "deploy" / "serve-local.sh"), str(free_port()), "/nonexistent"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "n'existe pas" in result.stderr


def test_serve_local_in_the_background_writes_a_pidfile(served_site, tmp_path):
    port = free_port()
    result = subprocess.run(
        [
            "sh",
            str(ROOT / "deploy" / "serve-local.sh"),
            "--background",
            str(port),
            str(served_site),
        ],
        env={"GUICHET_NGINX_PREFIX": str(tmp_path), "PATH": "/usr/sbin:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    pid = int((tmp_path / "nginx.pid").read_text())
    try:
        assert f"kill $(cat {tmp_path}/nginx.pid)" in result.stdout
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while (tmp_path / "nginx.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not (tmp_path / "nginx.pid").exists()  # nginx removes it when it stops
