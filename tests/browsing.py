"""Chromium on the built site, for the browser tests: a local server or routes that answer from
the output folder (nothing reaches the network), a tab whose own scripts never run, axe-core."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    rules: {"color-contrast-enhanced": {enabled: true}},
    resultTypes: ["violations"],
  });
  return result.violations.map(
    v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""
SKIP_LINK = """() => {
  const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
  return {cls: el.className, href: el.getAttribute("href"), visible: box.left >= 0 && box.width > 0,
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
          target: !!document.getElementById("contenu")};
}"""

AXE_URL = "/__tests__/axe.min.js"
"""Served beside the site so Chromium caches and compiles axe once, not on every page."""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder, and axe beside it; logs nothing."""

    def translate_path(self, path):
        return str(AXE) if path == AXE_URL else super().translate_path(path)

    def log_message(self, *args):
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` on 127.0.0.1 (absolute ``/theme/...`` links need a server, not file://)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class Tab:
    """One tab whose own scripts never run; other hosts are never contacted."""

    def __init__(self, browser, server: str, width: int, height: int):
        self.server = server
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(request.url))

    def open(self, path: str) -> None:
        self.cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
        response = self.page.goto(self.server + path, wait_until="load")
        assert response is not None

    def axe(self) -> list[str]:
        self.cdp.send("Emulation.setScriptExecutionDisabled", {"value": False})
        self.page.add_script_tag(url=self.server + AXE_URL)
        return self.page.evaluate(RUN_AXE, AXE_TAGS)

    def overflows(self) -> bool:
        return self.page.evaluate("document.scrollingElement.scrollWidth > window.innerWidth")

    def scrolling_sideways(self, paths) -> list[str]:
        """The ``paths`` whose page is wider than this tab (opened one after the other)."""
        wide = []
        for path in paths:
            self.open(path)
            if self.overflows():
                wide.append(path)
        return wide

    def close(self) -> None:
        self.context.close()


ORIGIN = "http://guichet.test"


def serve(page, site: Path) -> None:
    """Answer every request of ``page`` from the built site (nothing reaches the network)."""

    def answer(route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            route.abort()
            return
        path = url[len(ORIGIN) :].split("?")[0].split("#")[0]
        target = site / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=str(target))
        else:
            route.fulfill(status=404, body="")

    page.route("**/*", answer)
