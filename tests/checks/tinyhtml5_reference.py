"""The page scan as it was with tinyhtml5 (a pure-Python HTML5
parser, still installed: WeasyPrint needs it), kept to prove the Lexbor one reads pages alike."""

from __future__ import annotations

import io

import tinyhtml5

from guichet_plugins.checks.scan import PageScan, _Scanner

_XLINK = "{http://www.w3.org/1999/xlink}"


def _local(name: str) -> str:
    """``{namespace}feImage`` → ``feimage``; the xlink namespace is written ``xlink:``."""
    if name.startswith(_XLINK):
        return "xlink:" + name[len(_XLINK) :]
    return name.rsplit("}", 1)[-1].lower()


def _elements(html: str):
    # A StringIO, because tinyhtml5 reads a short string naming an existing file as a path.
    for element in tinyhtml5.parse(io.StringIO(html)).iter():
        if isinstance(element.tag, str):
            yield element


class _TinyScanner(_Scanner):
    def feed(self, html: str) -> None:
        for element in _elements(html):
            attrs = [(_local(name), value) for name, value in element.attrib.items()]
            self._element(_local(element.tag), attrs, element.text or "")


def scan_html(html: str) -> PageScan:
    scanner = _TinyScanner()
    scanner.feed(html)
    return scanner.scan
