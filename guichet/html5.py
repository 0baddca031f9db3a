"""Read a page as browsers do: every element, with an HTML5 parser (Lexbor, through selectolax).

Python's ``html.parser`` disagrees with browsers on comments such as ``<!-->`` or ``--!>``
(browsers end the comment there), and would not see a script hidden after them.

Lexbor's names, as read here: tags and attributes lowercased, but for SVG's camelCase ones
(``feImage``, ``viewBox``); attributes keep their prefix (``xlink:href``, ``xml:lang``); a
valueless attribute's value is None; ``<template>`` contents sit outside the tree, in a
fragment of their own (``elements`` walks them, where the template is).
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode


def elements(html: str) -> Iterator[LexborNode]:
    """Every element of ``html``, in document order, the contents of ``<template>`` included
    (browsers parse them, and a script may clone them into the page)."""
    yield from _walk(LexborHTMLParser(html).root)


def _walk(root: LexborNode) -> Iterator[LexborNode]:
    for node in root.traverse():  # text nodes left out, but comments come (tag "-comment")
        if not node.is_element_node:
            continue
        yield node
        if node.tag == "template":
            for fragment in node.template_fragments():
                yield from _walk(fragment)


def tag_id(name: str) -> int:
    """Lexbor's number for the tag ``name`` (``node.tag_id``), the same in HTML, SVG and MathML."""
    return LexborHTMLParser(f"<{name}></{name}>").css_first(name).tag_id


def leading_text(node: LexborNode) -> str:
    """The text before the element's first child element or comment: all of a ``<style>``'s
    or ``<script>``'s text in HTML, where it is raw text (in SVG, they hold markup)."""
    text = []
    child = node.first_child
    while child is not None and child.is_text_node:
        text.append(child.text_content or "")
        child = child.next
    return "".join(text)
