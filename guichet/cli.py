"""``python -m guichet <command>``: build, preview, scaffold, report. French for staff."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guichet", description="Construire le site Guichet.")
    sub = parser.add_subparsers(dest="command", required=True)

    build_cmd = sub.add_parser("build", help="construire le site")
    build_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    build_cmd.add_argument("-o", "--output", default=None, help="dossier de sortie")
    build_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")
    build_cmd.add_argument("--cache", default=None, help="dossier du cache")

    serve_cmd = sub.add_parser(
        "devserver", help="prévisualiser et reconstruire à chaque changement"
    )
    serve_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    serve_cmd.add_argument("-o", "--output", default="output")
    serve_cmd.add_argument("--bind", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")
    serve_cmd.add_argument("--cache", default=None, help="dossier du cache")

    new_cmd = sub.add_parser("demarche", help="créer une nouvelle démarche à partir du modèle")
    new_cmd.add_argument("slug", help="nom du fichier, par exemple carte-identite")
    new_cmd.add_argument("titre", help="titre de la démarche")
    new_cmd.add_argument("-s", "--settings", default="pelicanconf.py")

    report_cmd = sub.add_parser("verifier", help="relire le contenu (rapport, sans publier)")
    report_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    report_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")
    report_cmd.add_argument("--rapport", default="rapport", help="dossier du rapport HTML")
    report_cmd.add_argument(
        "--cache", default=None, help="dossier du cache de la dernière construction"
    )
    report_cmd.add_argument(
        "--strict", action="store_true", help="code de sortie 1 s'il reste un point à revoir"
    )

    publish_cmd = sub.add_parser(
        "publish", help="construire, vérifier, puis remplacer le site publié d'un seul coup"
    )
    publish_cmd.add_argument("-s", "--settings", default="publishconf.py")
    publish_cmd.add_argument("-d", "--dir", default=None, help="dossier publié (public)")
    publish_cmd.add_argument("--rsync", default=None, help="destination rsync (hôte:dossier/)")
    publish_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")
    publish_cmd.add_argument("--cache", default=None, help="dossier du cache")

    rollback_cmd = sub.add_parser("rollback", help="remettre en ligne la version précédente")
    rollback_cmd.add_argument("-s", "--settings", default="publishconf.py")
    rollback_cmd.add_argument("-d", "--dir", default=None, help="dossier publié (public)")
    rollback_cmd.add_argument("--rsync", default=None, help="destination rsync (hôte:dossier/)")

    fiche_cmd = sub.add_parser(
        "importer-fiche",
        help="créer ou mettre à jour une démarche depuis une fiche service-public.fr",
    )
    fiche_cmd.add_argument("fichier", help="fiche XML (F1341.xml) ou dossier de l'archive")
    fiche_cmd.add_argument("--fiche", default=None, help="numéro de la fiche dans un dossier")
    fiche_cmd.add_argument("--theme", default=None, help="thème de la démarche (clé)")
    fiche_cmd.add_argument("--slug", default=None, help="nom du fichier de la démarche")
    fiche_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    fiche_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")

    counters_cmd = sub.add_parser(
        "importer-guichets", help="créer ou mettre à jour les guichets depuis l'Annuaire"
    )
    counters_cmd.add_argument("fichier", help="fichier JSON de l'Annuaire de l'administration")
    counters_cmd.add_argument("--insee", required=True, help="code INSEE de la commune")
    counters_cmd.add_argument(
        "--types", default="mairie", help="types d'organismes, séparés par des virgules"
    )
    counters_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    counters_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")

    args = parser.parse_args(argv)
    from guichet import processes

    processes.for_command()
    try:
        code = _run(args)
    except KeyboardInterrupt:
        processes.kill_workers()
        from guichet.messages import build as msg

        print(msg.INTERRUPTED, file=sys.stderr)
        code = INTERRUPTED
    if processes.was_stopped():  # also when the command said so itself (publish)
        processes.end_now(code)
    return code


INTERRUPTED = 130
"""Exit code of a command stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)."""


def _run(args: argparse.Namespace) -> int:
    from guichet import processes

    if args.command in ("build", "publish", "devserver"):
        processes.stop_on_signals()
    if args.command == "importer-fiche":
        from guichet.importers.commands import import_sheet

        return import_sheet(
            args.settings, args.fichier, args.fiche, args.theme, args.slug, args.content
        )
    if args.command == "importer-guichets":
        from guichet.importers.commands import import_counters

        return import_counters(args.settings, args.fichier, args.insee, args.types, args.content)
    if args.command == "build":
        from guichet.build import build

        return build(args.settings, args.output, args.content, args.cache)
    if args.command == "devserver":
        from guichet.devserver import serve

        return serve(args.settings, args.output, args.bind, args.port, args.content, args.cache)
    if args.command == "demarche":
        from guichet.scaffold import create_procedure

        return create_procedure(args.settings, args.slug, args.titre)
    if args.command == "verifier":
        from guichet.report import run

        return run(args.settings, args.content, args.rapport, args.strict, args.cache)

    if args.command == "publish":
        from guichet.publish import publish

        return publish(args.settings, args.dir, args.rsync or None, args.content, args.cache)
    if args.command == "rollback":
        from guichet.publish import rollback

        return rollback(args.settings, args.dir, args.rsync or None)
    return 2


if __name__ == "__main__":
    sys.exit(main())
