"""The Pelican side of the opendata plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from pelican import signals

from .closures_ics import closures_calendar
from .records import absolute, counter_record, procedure_record
from .schema import schema_hours
from .settings import OpenData, read
from .sitemap import robots_txt, sitemap_xml
from .tables import COUNTERS, PROCEDURES, csv_file, json_file, json_schema, table_schema


def _write(root: Path, relative: str, data: str | bytes) -> None:
    """Write a file; one whose bytes did not change keeps its date (browsers' caches)."""
    path = root / relative
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)


def _find(generators, attribute: str):
    return next((g for g in generators if hasattr(g, attribute)), None)


def annotate_counters(generators) -> None:
    """What the counters' pages show of the open data: the schema.org hours, and the address
    of the closures' calendar (None when there is none)."""
    owner = _find(generators, "counters")
    if owner is None:
        return
    config = read(owner.settings)
    for counter in owner.counters:
        counter.schema_hours = schema_hours(counter.data.hours)  # for the schema.org includes
        # the page links to the closures' calendar when there is something to add
        counter.closures_ics_url = (
            config.ics_save_as.format(slug=counter.slug)
            if config.enabled and counter.data.closures
            else None
        )


def publish_open_data(generators) -> None:
    """Write the open data files; the devserver's preview leaves them to its full build."""
    owner = _find(generators, "counters")
    if owner is None:
        return
    settings = owner.settings
    config = read(settings)
    annotate_counters(generators)  # whatever order the receivers run in (it costs nothing)
    if not config.enabled:
        return
    root = Path(owner.output_path)
    build_date = owner.context["build_date"]
    _write_tables(root, config, owner, settings["SITENAME"], build_date)
    host = urlparse(config.public_url).hostname or "guichet.invalid"
    for counter in owner.counters:
        if counter.closures_ics_url:
            calendar = closures_calendar(counter, host, settings["SITENAME"], build_date)
            _write(root, counter.closures_ics_url, calendar)
    if config.sitemap:
        pages = _find(generators, "hidden_pages")
        _write(root, "sitemap.xml", sitemap_xml(_urls(config, owner, pages, settings)))
    if config.robots:
        _write(root, "robots.txt", robots_txt(absolute(config.public_url, "sitemap.xml")))


def _write_tables(root: Path, config: OpenData, owner, site_name: str, build_date) -> None:
    base = config.public_url
    procedures = [procedure_record(p, base) for p in owner.procedures]
    counters = [
        counter_record(c, base, absolute(base, c.closures_ics_url) if c.closures_ics_url else None)
        for c in owner.counters
    ]
    for dataset, records in ((PROCEDURES, procedures), (COUNTERS, counters)):
        stem = f"{config.folder}/{dataset.name}"
        schema_url = absolute(base, f"{stem}.schema.json")
        header = {
            "titre": f"{dataset.title} – {site_name}",
            "producteur": site_name,
            "licence": config.licence,
            "licence_url": config.licence_url,
            "date": build_date.isoformat(),
            "schema": schema_url,
        }
        _write(root, f"{stem}.json", json_file(dataset, records, header))
        _write(root, f"{stem}.csv", csv_file(dataset, records))
        _write(root, f"{stem}.schema.json", _dump(json_schema(dataset, schema_url)))
        _write(
            root,
            f"{stem}.csv.schema.json",
            _dump(table_schema(dataset, config.licence, config.licence_url)),
        )


def _dump(value: dict) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def _urls(config: OpenData, owner, pages_generator, settings) -> list[tuple[str, str | None]]:
    base = config.public_url
    urls: list[tuple[str, str | None]] = [(absolute(base, ""), None)]
    for key in (
        "PROCEDURES_INDEX_URL",
        "PROCEDURES_AZ_URL",
        "COUNTERS_INDEX_URL",
        "PLAN_DU_SITE_URL",
    ):
        if settings.get(key):
            urls.append((absolute(base, settings[key]), None))
    for group in [*owner.themes, *owner.az_letters, *owner.counters]:
        urls += [(absolute(base, part.url), None) for part in group.parts]
    for procedure in owner.procedures:
        urls.append((absolute(base, procedure.url), procedure.data.verified.isoformat()))
    for counter in owner.counters:
        updated = counter.data.directory.updated if counter.data.directory else None
        urls.append((absolute(base, counter.url), updated.isoformat() if updated else None))
    if pages_generator is not None:
        for page in getattr(pages_generator, "pages", []):
            urls.append((absolute(base, page.url), None))
    return list(dict.fromkeys(urls))


def register():
    signals.all_generators_finalized.connect(annotate_counters)
    signals.all_generators_finalized.connect(publish_open_data)
