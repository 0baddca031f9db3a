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


def fragment(html: str) -> LexborNode:
    """``html`` (a page's body, a section, a list item: no ``<html>`` nor ``<head>`` of its own)
    read as a browser reads the content of a ``<body>``: the ``<body>`` element, whose children
    are the fragment's nodes, text and comments included. Its ``inner_html`` is the fragment
    written back as browsers serialise it: nh3's output and Lexbor's own come back byte for
    byte (but for a newline that starts a ``<pre>``, which browsers drop anyway)."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:  # never for a "<body>" document; the check is for the type checker
        raise ValueError("no <body> in the parsed fragment")
    return body


def text(html: str) -> str:
    """What a reader sees of the fragment ``html``: its text, entities decoded (``&eacute;``,
    ``&#8217;``), without tags, comments, nor the code of a ``<script>`` or ``<style>``.
    Whitespace is left as written (``&nbsp;`` is U+00A0)."""
    if "<" not in html and "&" not in html:  # plain text: nothing to read (most list items)
        return html
    return node_text(fragment(html))


def node_text(node: LexborNode) -> str:
    """The text a reader sees of an element: as :func:`text`, for a node already parsed."""
    if any(element.tag in _CODE for element in node.traverse()):  # cheaper than css_first
        node = node.clone()
        for code in node.css("script, style"):
            code.decompose()
    return node.text(deep=True)


_CODE = frozenset({"script", "style"})


def drop_comments(node: LexborNode) -> None:
    """Remove every comment inside ``node`` (at any depth), in place."""
    for comment in [n for n in node.traverse() if n.is_comment_node]:
        comment.decompose()
