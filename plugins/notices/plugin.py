"""The Pelican side of the notices plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals

from guichet.messages import ContentErrors, Problem
from guichet.messages import notices as msg
from guichet_plugins.procedures.dates import build_date

from .notices import banner, closure_notices, parse_notice
from .settings import NoticesSettings


def _shown(path: Path, content: Path) -> str:
    return os.path.relpath(path, content.resolve().parent)


def collect(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    content = Path(settings["PATH"]).resolve()
    today = build_date(settings)
    conf = NoticesSettings.from_pelican(settings)
    notices, errors = [], []
    for path in sorted((content / conf.folder).glob("*.md")):
        shown = _shown(path, content)
        try:
            parsed = parse_notice(path.read_text(encoding="utf-8"), shown)
        except UnicodeDecodeError:
            errors.append(Problem(shown, "Le fichier n'est pas enregistré en UTF-8."))
            continue
        errors += parsed.errors
        if parsed.notice:
            notices.append(parsed.notice)
    for folder in conf.news_folders:
        if any((content / folder).glob("**/*.md")):
            shown = _shown(content / folder, content)
            errors.append(
                Problem(shown, msg.NEWS_FOLDER.format(folder=shown), None, msg.NEWS_FOLDER_HINT)
            )
    if errors:
        raise ContentErrors(errors)
    main = (context.get("counters_by_slug") or {}).get(settings.get("GUICHET_MAIN_COUNTER"))
    if main is not None:
        url = "/" + main.url
        notices += closure_notices(main.title, url, main.data.closures, today, conf.closure_days)
    context["guichet_notices"] = banner(notices, today)


def register():
    signals.all_generators_finalized.connect(collect)
