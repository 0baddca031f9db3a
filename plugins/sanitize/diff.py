"""What a sanitiser removed from an HTML fragment: compare the elements before and after.

nh3 does not say what it removed, so both fragments are parsed (the standard library's
tokenizer is enough: only start tags and their attributes matter), aligned, and every element or
attribute of the original that is missing afterwards is a :class:`Removal`. Pure: no Pelican.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from html.parser import HTMLParser

Attrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: Attrs
    inside: str = ""
    """The outermost "swallowing" element this one is inside (``svg``), if any."""


@dataclass(frozen=True)
class Removal:
    """An element (``attribute`` is None) or one attribute of an element that was removed."""

    tag: str
    attribute: str | None = None
    value: str = ""
    """The attribute's value, or for an element the address it pointed to (src, href…)."""


VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


class _StartTags(HTMLParser):
    def __init__(self, swallowing: Collection[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.swallowing = frozenset(swallowing) - VOID
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inside = self.open[0] if self.open else ""
        self.elements.append(Element(tag, tuple((k, v or "") for k, v in attrs), inside))
        if tag in self.swallowing:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inside = self.open[0] if self.open else ""
        self.elements.append(Element(tag, tuple((k, v or "") for k, v in attrs), inside))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def elements(fragment: str, swallowing: Collection[str] = ()) -> list[Element]:
    """Start tags of ``fragment`` in document order, names lowercased, entities decoded.

    Elements inside one of ``swallowing`` (removed with their content) are marked ``inside``.
    """
    parser = _StartTags(swallowing)
    parser.feed(fragment)
    parser.close()
    return parser.elements


_ADDRESS_ATTRIBUTES = ("src", "href", "action", "data", "http-equiv", "srcset")
_MARKDOWN_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


def _address(element: Element) -> str:
    attrs = dict(element.attrs)
    return next((attrs[name] for name in _ADDRESS_ATTRIBUTES if attrs.get(name)), "")


def _expected(tag: str, name: str, value: str) -> bool:
    """Removed on purpose and not worth a warning: Markdown's own table alignment styles."""
    return tag in ("td", "th") and name == "style" and bool(_MARKDOWN_ALIGN.match(value))


def _lost(old: Element, new: Element) -> list[tuple[str, str]]:
    kept = set(new.attrs)
    return [
        (name, value)
        for name, value in old.attrs
        if (name, value) not in kept and not _expected(old.tag, name, value)
    ]


_MAX_CELLS = 250_000
"""Above this many alignment cells, whole elements that vanished are reported, coarsely."""

_INSERT_COST = 0.1
"""Elements the parser adds (``tbody``) are cheap; dropping one costs 1 + its attributes, so
pairing an element with a same-tag one that lost an attribute is always the better guess."""


def _align(old: list[Element], new: list[Element]) -> list[tuple[int | None, int | None]]:
    """Cheapest edit script turning ``old`` into ``new``: (i, j) pairs, None for a gap."""
    n, m = len(old), len(new)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + 1 + len(old[i - 1].attrs)
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + _INSERT_COST
    for i in range(1, n + 1):
        drop = 1 + len(old[i - 1].attrs)
        for j in range(1, m + 1):
            best = min(cost[i - 1][j] + drop, cost[i][j - 1] + _INSERT_COST)
            if old[i - 1].tag == new[j - 1].tag:
                best = min(best, cost[i - 1][j - 1] + len(_lost(old[i - 1], new[j - 1])))
            cost[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if (
            i
            and j
            and old[i - 1].tag == new[j - 1].tag
            and cost[i][j] == cost[i - 1][j - 1] + len(_lost(old[i - 1], new[j - 1]))
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1 + len(old[i - 1].attrs):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]


def _coarse(old: list[Element], new: list[Element]) -> list[Removal]:
    lost = Counter(old) - Counter(new)
    found = []
    for element in old:
        if lost[element] > 0:
            lost[element] -= 1
            found.append(Removal(element.tag, None, _address(element)))
    return found


def removals(before: str, after: str, swallowing: Collection[str] = ()) -> list[Removal]:
    """Elements and attributes of ``before`` that ``after`` lost, in document order.

    Elements the HTML parser merely moved (a stray paragraph inside a table goes before it)
    are not removals; attributes added afterwards (``rel``) are not reported either, nor what
    was inside a removed element of ``swallowing`` (the ``<circle>`` of an ``<svg>``).
    """
    if before == after:  # the usual case (nothing to clean): no need to parse either
        return []
    old = [e for e in elements(before, swallowing) if not e.inside]
    new = elements(after)
    if old == new:
        return []
    start = 0  # identical head and tail need no alignment
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    if len(middle_old) * len(middle_new) > _MAX_CELLS:  # a huge page changed at both ends
        return _coarse(middle_old, middle_new)
    found: list[tuple[int, Removal]] = []
    dropped: list[int] = []
    added: Counter[Element] = Counter()
    for i, j in _align(middle_old, middle_new):
        if i is None:
            added[middle_new[j]] += 1
        elif j is None:
            dropped.append(i)
        else:
            found += [
                (i, Removal(middle_old[i].tag, n, v))
                for n, v in _lost(middle_old[i], middle_new[j])
            ]
    for i in dropped:
        if added[middle_old[i]] > 0:
            added[middle_old[i]] -= 1  # moved, not removed
        else:
            found.append((i, Removal(middle_old[i].tag, None, _address(middle_old[i]))))
    return [removal for _, removal in sorted(found, key=lambda item: item[0])]
