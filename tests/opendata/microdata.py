"""A small microdata reader (WHATWG HTML « Microdata ») and a checker of the schema.org items it
finds against the pinned vocabulary (``schemaorg-vocabulary.json``, made by make_vocabulary.py
from schema-dts 2.1.0).

Checked: every ``itemtype`` is a schema.org type of the vocabulary; every ``itemprop`` is a
property of its item's type (inherited ones included); a nested item's type (or one of its
ancestors) is in the property's range; a text value is allowed by the range (Text, URL, Date,
Time…); a ``dayOfWeek`` is a member of the DayOfWeek enumeration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOCABULARY = json.loads(Path(__file__).with_name("schemaorg-vocabulary.json").read_text("utf-8"))
SCHEMA = "https://schema.org/"
SCALARS = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Item:
    type: str
    properties: list[tuple[str, object]] = field(default_factory=list)
    """(name, value): value is a str or an Item."""

    def values(self, name: str) -> list:
        return [v for n, v in self.properties if n == name]

    def one(self, name: str):
        found = self.values(name)
        assert len(found) == 1, (self.type, name, found)
        return found[0]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Item | None, str | None, list[str]]] = []
        """(tag, item it opened, property name it carries, its text parts)."""
        self.top: list[Item] = []

    def _current(self) -> Item | None:
        for _, item, _, _ in reversed(self.stack):
            if item is not None:
                return item
        return None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        prop = values.get("itemprop")
        parent = self._current()
        item = None
        if "itemscope" in values:
            item = Item((values.get("itemtype") or "").strip())
            if prop and parent is not None:
                for name in prop.split():
                    parent.properties.append((name, item))
            elif not prop:
                self.top.append(item)
            prop = None  # the value is the item
        if prop and parent is not None and tag in ("meta", "link"):
            value = values.get("content") if tag == "meta" else values.get("href")
            for name in prop.split():
                parent.properties.append((name, value or ""))
            prop = None
        if tag in VOID:
            return
        self.stack.append((tag, item, prop, []))

    def handle_data(self, data):
        for entry in self.stack:
            entry[3].append(data)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, prop, text = self.stack.pop()
            if prop:
                holder = self._current()
                if holder is not None:
                    for name in prop.split():
                        holder.properties.append((name, " ".join("".join(text).split())))
            if open_tag == tag:
                break


def items(html: str) -> list[Item]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.top


def _type_name(item: Item) -> str:
    assert item.type.startswith(SCHEMA), f"itemtype « {item.type} » is not schema.org"
    return item.type[len(SCHEMA) :]


def problems(item: Item, path: str = "") -> list[str]:
    """Everything in ``item`` (and the items inside it) the vocabulary does not allow."""
    found = []
    name = _type_name(item)
    types = VOCABULARY["types"]
    if name not in types:
        return [f"{path}{name}: type not in the vocabulary"]
    allowed = types[name]["properties"]
    for prop, value in item.properties:
        where = f"{path}{name}.{prop}"
        if prop not in allowed:
            found.append(f"{where}: not a property of {name}")
            continue
        ranges = set(allowed[prop])
        if isinstance(value, Item):
            inner = _type_name(value)
            lineage = {inner, *types.get(inner, {}).get("ancestors", [])}
            if not lineage & ranges:
                found.append(f"{where}: {inner} is not in its range {sorted(ranges)}")
            found += problems(value, where + " → ")
        elif prop == "dayOfWeek":
            day = str(value).removeprefix(SCHEMA)
            if day not in VOCABULARY["enumerations"]["DayOfWeek"]:
                found.append(f"{where}: « {value} » is not a DayOfWeek")
        elif not ranges & SCALARS:
            found.append(f"{where}: expects {sorted(ranges)}, got text « {value} »")
        elif not str(value).strip():
            found.append(f"{where}: empty")
    return found
