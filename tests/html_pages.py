"""Read built pages as a browser does, whatever the minifier did to their markup.

Pages are minified (unquoted attributes, omitted optional tags, attributes reordered), so tests
must not match raw markup. ``select(html, "nav.site-nav a[aria-current=page]")`` parses with
tinyhtml5 (an HTML5 parser) and queries with cssselect2 — both already pulled in by WeasyPrint.

Imported as ``tests.html_pages``, like every helper: pytest imports test files and conftests by
their package path (``--import-mode=importlib`` in pyproject.toml, the checkout's root on the
path through its ``pythonpath``), so each is imported once under one name; guichet and the
``guichet_plugins.*`` plugins come from the editable install; no file of ours edits ``sys.path``.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.etree.ElementTree import Element

import cssselect2
import tinyhtml5


class Node:
    """An element of a parsed page: its attributes, its text, and queries below it."""

    def __init__(self, wrapper: cssselect2.ElementWrapper):
        self._wrapper = wrapper
        self.element: Element = wrapper.etree_element

    @property
    def tag(self) -> str:
        return self.element.tag.rsplit("}", 1)[-1]

    @property
    def parent(self) -> Node | None:
        parent = self._wrapper.parent
        return None if parent is None else Node(parent)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.element.get(name, default)

    @property
    def text(self) -> str:
        """Text content with white space folded, as a reader hears it."""
        return " ".join("".join(self.element.itertext()).split())

    def lines(self) -> list[str]:
        """Text split where ``<br>`` breaks it, each line stripped of ASCII white space only:
        non-breaking spaces (French typography: ``8\u00a0h\u00a030``) are kept."""
        found = [""]

        def walk(element: Element) -> None:
            found[-1] += element.text or ""
            for child in element:
                if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "br":
                    found.append("")
                elif isinstance(child.tag, str):
                    walk(child)
                found[-1] += child.tail or ""

        walk(self.element)
        return [line.strip(" \t\n\r\f") for line in found]

    def position(self) -> int:
        """Where this element starts in its document, as an order: an element opened later in
        the page has a larger position."""
        root = self._wrapper
        while root.parent is not None:
            root = root.parent
        return next(i for i, e in enumerate(root.etree_element.iter()) if e is self.element)

    def select(self, selector: str) -> list[Node]:
        return [Node(w) for w in self._wrapper.query_all(selector)]

    def select_one(self, selector: str) -> Node:
        found = self.select(selector)
        assert found, f"nothing matches {selector!r}"
        return found[0]

    def __repr__(self) -> str:
        return f"<{self.tag} {dict(self.element.attrib)!r}>"


def parse(html: str) -> Node:
    # A StringIO: tinyhtml5 reads a short string naming an existing file as that file.
    return Node(cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(io.StringIO(html))))


def page(site: Path, path: str) -> Node:
    """The parsed page at ``path`` in a built site (``demarches/pacs/index.html``)."""
    return parse((site / path).read_text(encoding="utf-8"))


def select(html: str, selector: str) -> list[Node]:
    return parse(html).select(selector)
