"""Write ``schemaorg-vocabulary.json``: the schema.org types Guichet's microdata uses, with
every property each accepts (inherited ones too) and their ranges, and each type's ancestors.

Source: the TypeScript typings of the npm package ``schema-dts`` (2.1.0, generated from the
schema.org vocabulary), fetched by hand (``npm pack schema-dts@2.1.0``); the JSON is committed
so the tests need neither npm nor network::

    python tests/opendata/make_vocabulary.py package/dist/schema.d.ts
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

USED = (
    "GovernmentService",
    "GovernmentOrganization",
    "GovernmentOffice",
    "City",
    "ServiceChannel",
    "ContactPoint",
    "PostalAddress",
    "OpeningHoursSpecification",
    "DayOfWeek",
)
SOURCE = "schema-dts 2.1.0 (npm), dist/schema.d.ts"

_INTERFACE = re.compile(r"^(?:export )?interface (\w+) extends ([^{\n]+) \{$(.*?)^\}", re.M | re.S)
_PROPERTY = re.compile(r'^\s+"(\w+)"\?: SchemaValue<([^,]+?), "\1">;', re.M)
_DAYS = re.compile(r'"https://schema\.org/(\w+)"')


def parse(text: str) -> tuple[dict, dict]:
    bases: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str]]] = {}
    for name, parents, body in _INTERFACE.findall(text):
        bases[name] = [p.strip() for p in parents.split(",")]
        properties[name] = {
            prop: sorted({r.strip() for r in ranges.split("|")} - {"IdReference"})
            for prop, ranges in _PROPERTY.findall(body)
        }
    return bases, properties


def ancestors(interface: str, bases: dict) -> list[str]:
    seen: list[str] = []
    todo = [interface]
    while todo:
        current = todo.pop(0)
        for parent in bases.get(current, []):
            if parent not in seen:
                seen.append(parent)
                todo.append(parent)
    return seen


def vocabulary(text: str) -> dict:
    bases, properties = parse(text)
    types: dict[str, dict] = {}
    for name in USED:
        leaf = f"{name}Leaf"
        if leaf not in bases:
            continue
        chain = [b for b in ancestors(leaf, bases) if b.endswith("Base")]
        own = f"{name}Base"
        interfaces = ([own] if own in properties and own not in chain else []) + chain
        props: dict[str, list[str]] = {}
        for interface in interfaces:
            for prop, ranges in properties.get(interface, {}).items():
                props.setdefault(prop, ranges)
        types[name] = {
            "ancestors": sorted({b.removesuffix("Base") for b in chain} - {name}),
            "properties": dict(sorted(props.items())),
        }
    day_line = next(
        line for line in text.splitlines() if line.startswith("export type DayOfWeek =")
    )
    enumerations = {"DayOfWeek": sorted(set(_DAYS.findall(day_line)))}
    return {"source": SOURCE, "types": types, "enumerations": enumerations}


if __name__ == "__main__":
    result = vocabulary(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(__file__).with_name("schemaorg-vocabulary.json")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(result['types'])} types")
