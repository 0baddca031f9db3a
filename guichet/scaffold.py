"""``make demarche SLUG=… TITRE="…"``: a new procedure file from a commented template.

The new file builds only once its « À REMPLIR » placeholders are replaced: until then the build
names each one. An existing file is never overwritten.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from guichet.messages import ContentErrors
from guichet.messages import scaffold as msg
from guichet.messages.procedures import PLACEHOLDER
from guichet.settings import town_settings
from guichet_plugins.procedures.settings import ProceduresSettings

TEMPLATE = """\
Titre: {title}
Resume: {todo} : une phrase qui dit à quoi sert la démarche.
Theme: {todo} : un de ces thèmes : {themes}
Guichets: {counter}
Cout: {todo} : par exemple « Gratuit » ou « 25 € »
Delai: {todo} : par exemple « 2 à 4 semaines »
Verifie-le: {today}

<!--
Mode d'emploi (ce bloc n'apparaît pas sur le site) :
- remplacez chaque « {todo} » ci-dessus et ci-dessous ;
- Guichets : les noms des fichiers de content/guichets/ sans « .md », séparés par des virgules ;
- Service-en-ligne: https://… (facultatif) si un service officiel existe en ligne ;
- Populaire: oui (facultatif) pour afficher la démarche sur la page d'accueil ;
- phrases courtes, mots simples, « vous » ;
- le guide complet : docs/guide-redaction.md
-->

## Qui est concerné

{todo} : qui peut faire cette démarche.

## Pièces à fournir

- {todo} : un document par ligne, commençant par « - »

## Étapes

1. {todo} : une étape par ligne, numérotée

## Bon à savoir

{todo} : ce qu'il faut savoir de plus (ou supprimez cette partie).
"""


def procedure_template(title: str, themes: dict[str, str], counter: str, today: date) -> str:
    """Text of a new procedure file (pure)."""
    return TEMPLATE.format(
        title=title.strip(),
        todo=PLACEHOLDER,
        themes=", ".join(themes),
        counter=counter,
        today=today.isoformat(),
    )


def create_procedure(settings_file: str, slug: str, title: str) -> int:
    """Write ``content/demarches/<slug>.md``; refuse bad names and existing files."""
    try:
        settings = town_settings(settings_file)  # themes and main counter: content/commune.md
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    from guichet_plugins.procedures.dates import build_date
    from guichet_plugins.procedures.validation import check_slug

    folder = Path(settings["PATH"]) / settings["PROCEDURE_PATHS"][0]
    target = folder / f"{slug}.md"
    shown = f"content/{settings['PROCEDURE_PATHS'][0]}/{slug}.md"
    if not slug.strip():
        print(msg.NO_SLUG, file=sys.stderr)
        return 1
    problems = check_slug(slug, shown, ProceduresSettings.from_pelican(settings).reserved_slugs)
    if problems:
        print(f"✗ {problems[0].render()}", file=sys.stderr)
        return 1
    if not title.strip():
        print(msg.NO_TITLE, file=sys.stderr)
        return 1
    if target.exists():
        print(msg.EXISTS.format(path=shown), file=sys.stderr)
        return 1
    text = procedure_template(
        title, settings["GUICHET_THEMES"], settings["GUICHET_MAIN_COUNTER"], build_date(settings)
    )
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(msg.CREATED.format(path=shown, placeholder=PLACEHOLDER))
    return 0
