"""``importer-fiche`` and ``importer-guichets``: read a downloaded file, write content files.

The only impure part of the importers: settings, files, printing. Everything is read and
checked before anything is written, so bad input leaves the content folder as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guichet.atomic import write_atomically
from guichet.importers.settings import KEYS
from guichet.keys import read
from guichet.messages import ContentErrors
from guichet.messages import importers as msg
from guichet.settings import town_settings

from . import layers
from .errors import ImportFailed

"""``PivotLocal`` → counter slugs when GUICHET_IMPORT_PIVOTS is not set."""


def _settings(settings_file: str, content: str | None) -> dict | None:
    """The settings with the town applied; None (the problems printed in French) when the town
    file is wrong, since nothing can be imported then."""
    override = {"PATH": str(Path(content).resolve())} if content else {}
    try:
        return town_settings(settings_file, override)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return None


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _fail(error: ImportFailed) -> int:
    print(error.render(), file=sys.stderr)
    return 1


def _sheet_bytes(source: Path, fiche_id: str | None) -> tuple[bytes, str]:
    if str(source) in ("", "."):
        raise ImportFailed(msg.NO_FILE.format(command="importer-fiche"))
    if not source.exists():
        raise ImportFailed(msg.NOT_FOUND.format(path=source), msg.NOT_FOUND_HINT)
    if source.is_dir():
        if not fiche_id:
            raise ImportFailed(
                msg.FOLDER_NEEDS_ID.format(path=source),
                msg.FOLDER_NEEDS_ID_HINT.format(path=source),
            )
        candidates = [source / f"{fiche_id}.xml", *source.glob(f"*/{fiche_id}.xml")]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise ImportFailed(msg.NOT_IN_FOLDER.format(id=fiche_id, path=source))
        source = found
    return source.read_bytes(), _shown(source)


def _existing_fiche_file(folder: Path, fiche_id: str) -> Path | None:
    """The procedure file an earlier import of this fiche wrote (its ``Fiche-nationale``)."""
    for path in sorted(folder.glob("*.md")):
        head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        if layers.parse(head + "\n\n").first("Fiche-nationale") == fiche_id:
            return path
    return None


def import_sheet(
    settings_file: str,
    source: str,
    fiche_id: str | None = None,
    theme: str | None = None,
    slug: str | None = None,
    content: str | None = None,
) -> int:
    """Write or update ``content/demarches/<slug>.md`` from a service-public.fr fiche."""
    from .dila import read_sheet
    from .fiche import Choices, compose
    from .words import slugify

    settings = _settings(settings_file, content)
    if settings is None:
        return 1
    folder = Path(settings["PATH"]) / settings["PROCEDURE_PATHS"][0]
    counters_folder = Path(settings["PATH"]) / settings["COUNTER_PATHS"][0]
    themes = settings["GUICHET_THEMES"]
    try:
        data, shown_source = _sheet_bytes(Path(source), fiche_id)
        fiche = read_sheet(data, shown_source)
        if theme and theme not in themes:
            raise ImportFailed(
                msg.UNKNOWN_THEME.format(value=theme),
                msg.UNKNOWN_THEME_HINT.format(known=", ".join(themes)),
            )
        counters = frozenset(p.stem for p in counters_folder.glob("*.md"))
        if not counters:
            raise ImportFailed(
                msg.NO_COUNTER.format(path=_shown(counters_folder)), msg.NO_COUNTER_HINT
            )
        main = settings.get("GUICHET_MAIN_COUNTER", "mairie")
        conf = read(settings, KEYS)
        choices = Choices(
            themes=themes,
            theme_map=conf["GUICHET_IMPORT_THEMES"],
            default_theme=conf["GUICHET_IMPORT_DEFAULT_THEME"] or next(iter(themes)),
            pivots={
                k: tuple(v) if isinstance(v, list | tuple) else (v,)
                for k, v in conf["GUICHET_IMPORT_PIVOTS"].items()
            },
            counters=counters,
            main_counter=main if main in counters else sorted(counters)[0],
            theme=theme,
        )
        target = _existing_fiche_file(folder, fiche.id) if folder.exists() else None
        if slug and target is not None and target.stem != slug:
            target = None
        if target is None:
            name = slug or slugify(fiche.title)
            if not _good_slug(name):
                raise ImportFailed(msg.BAD_SLUG.format(value=name), msg.SLUG_TAKEN_HINT)
            target = folder / f"{name}.md"
            if target.exists():
                raise ImportFailed(
                    msg.SLUG_TAKEN.format(path=_shown(target), id=fiche.id), msg.SLUG_TAKEN_HINT
                )
        existing = None
        if target.exists():
            existing = layers.parse(target.read_text(encoding="utf-8"))
            if existing.imported is None:  # markers deleted: the two layers can't be told apart
                raise ImportFailed(msg.NO_MARKERS.format(path=_shown(target)), msg.NO_MARKERS_HINT)
        composed = compose(fiche, choices, existing)
    except ImportFailed as error:
        return _fail(error)
    shown = _shown(target)
    date_text = fiche.updated.strftime("%d/%m/%Y")
    old_text = target.read_text(encoding="utf-8") if target.exists() else None
    if old_text == composed.text:
        print(msg.UNCHANGED.format(path=shown, id=fiche.id, date=date_text))
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(target, composed.text.encode("utf-8"), 0o644)
    template = msg.CREATED if old_text is None else msg.UPDATED
    print(template.format(path=shown, id=fiche.id, date=date_text))
    for line in composed.lines:
        print(line)
    _print_changes(composed.changes)
    print(msg.NEXT)
    return 0


def _good_slug(name: str) -> bool:
    import re

    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name)) and len(name) <= 40


def _print_changes(changes: layers.Changes | None, title: str = msg.DIFF_TITLE) -> None:
    if changes is None or not changes.any:
        return
    print(title)
    for title in changes.added:
        print(msg.DIFF_ADDED.format(title=title))
    for title in changes.removed:
        print(msg.DIFF_REMOVED.format(title=title))
    for title in changes.changed:
        print(msg.DIFF_CHANGED.format(title=title))
    for name, old, new in changes.fields:
        print(msg.DIFF_FIELD.format(field=name, old=old, new=new))


def _existing_counter_file(folder: Path, record_id: str) -> Path | None:
    for path in sorted(folder.glob("*.md")):
        head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        if record_id and layers.parse(head + "\n\n").first("Annuaire-id") == record_id:
            return path
    return None


def _other_records(folder: Path, ids: set[str]) -> set[str]:
    """Counter files an import of another Annuaire record wrote: never taken for this one."""
    taken = set()
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        record = layers.parse(head + "\n\n").first("Annuaire-id")
        if record and record not in ids:
            taken.add(path.stem)
    return taken


def import_counters(
    settings_file: str, source: str, insee: str, types: str = "mairie", content: str | None = None
) -> int:
    """Write or update ``content/guichets/<slug>.md`` from the Annuaire de l'administration."""
    from .annuaire import check_insee, load, select
    from .counter import compose_counter, slug_for

    settings = _settings(settings_file, content)
    if settings is None:
        return 1
    folder = Path(settings["PATH"]) / settings["COUNTER_PATHS"][0]
    path = Path(source)
    kinds = tuple(k.strip() for k in types.split(",") if k.strip()) or ("mairie",)
    try:
        if not source.strip():
            raise ImportFailed(msg.NO_FILE.format(command="importer-guichets"))
        if not path.is_file():
            raise ImportFailed(msg.NOT_FOUND.format(path=source), msg.NOT_FOUND_HINT)
        if not insee.strip():
            raise ImportFailed(msg.NO_INSEE)
        code = check_insee(insee)
        records = load(path.read_bytes(), _shown(path))
        selection = select(records, code, kinds)
        if not selection.offices:
            error = ImportFailed(
                msg.NO_RECORD.format(types=", ".join(kinds), insee=code, path=_shown(path)),
                msg.NO_RECORD_HINT,
            )
            if selection.kinds_seen:
                error.hint += "\n" + msg.TYPES_SEEN.format(
                    types=", ".join(sorted(selection.kinds_seen))
                )
            raise error
        planned = []
        assigned = _other_records(folder, {o.id for o in selection.offices})
        for office in selection.offices:
            target = _existing_counter_file(folder, office.id) if folder.exists() else None
            if target is None:
                slug = slug_for(office, assigned)
                target = folder / f"{slug}.md"
            assigned.add(target.stem)
            existing = layers.parse(target.read_text(encoding="utf-8")) if target.exists() else None
            planned.append((office, target, compose_counter(office, path.name, existing)))
    except ImportFailed as error:
        return _fail(error)
    folder.mkdir(parents=True, exist_ok=True)
    for office, target, composed in planned:
        shown = _shown(target)
        date_text = office.updated.strftime("%d/%m/%Y") if office.updated else "date inconnue"
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old == composed.text:
            print(msg.COUNTER_UNCHANGED.format(path=shown, name=office.name))
            continue
        write_atomically(target, composed.text.encode("utf-8"), 0o644)
        template = msg.COUNTER_CREATED if old is None else msg.COUNTER_UPDATED
        print(template.format(path=shown, name=office.name, date=date_text))
        for line in composed.lines:
            print(line)
        _print_changes(composed.changes, msg.DIFF_TITLE_COUNTER)
    print(msg.NEXT)
    return 0
