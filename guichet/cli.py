"""``python -m guichet build``: build the site, report content problems in French, no traceback.

Pelican's own command prints a traceback for any exception and only logs plugin failures; this
wrapper makes both fatal and readable: exit 0 when the site is built, 1 when the content (or a
plugin) has problems, 2 on an internal error, whose details go to ``cache/derniere-erreur.txt``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from guichet.messages import ContentErrors
from guichet.messages import build as msg


class _Tally(logging.Handler):
    """Prints log records plainly (staff read them) and counts errors."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors = 0
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
            prefix = msg.ERROR_PREFIX
        else:
            self.warnings += 1
            prefix = "" if record.name == "guichet" else msg.WARNING_PREFIX
        print(prefix + record.getMessage(), file=sys.stderr)


def _check_plugins(pelican, settings: dict) -> list[str]:
    """Every configured plugin was loaded, from our ``plugins/`` folder (not a shadowing one)."""
    loaded = {getattr(p, "__name__", str(p)): p for p in pelican.plugins}
    roots = [os.path.abspath(p) for p in settings["PLUGIN_PATHS"]]
    problems = []
    for name in settings["PLUGINS"]:
        module = loaded.get(name)
        if module is None:
            problems.append(msg.PLUGIN_NOT_LOADED.format(name=name))
        elif not any(os.path.abspath(module.__file__).startswith(r + os.sep) for r in roots):
            problems.append(msg.PLUGIN_SHADOWED.format(name=name, path=module.__file__))
    return problems


def build(
    settings_file: str,
    output: str | None = None,
    content: str | None = None,
    cache: str | None = None,
    overrides: dict | None = None,
) -> int:
    """Build the site once; return the process exit code."""
    from pelican import Pelican
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    tally = _Tally()
    init_logging(level=logging.WARNING, handler=tally)
    override = dict(overrides or {})
    if output:
        override["OUTPUT_PATH"] = os.path.abspath(output)
    if content:
        override["PATH"] = os.path.abspath(content)
    if cache:
        override["CACHE_PATH"] = os.path.abspath(cache)
    settings = {"CACHE_PATH": "cache"}
    try:
        settings = read_settings(settings_file, override=override)
        pelican = Pelican(settings)
        plugin_problems = _check_plugins(pelican, settings)
        if plugin_problems or tally.errors:
            for problem in plugin_problems:
                print(msg.ERROR_PREFIX + problem, file=sys.stderr)
            return 1
        pelican.run()
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except Exception:
        log = Path(settings.get("CACHE_PATH", "cache")) / "derniere-erreur.txt"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(msg.INTERNAL_ERROR.format(log=log), file=sys.stderr)
        return 2
    if tally.errors:
        print(msg.BUILD_HAD_ERRORS.format(count=tally.errors), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guichet", description="Construire le site Guichet.")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="construire le site")
    build_cmd.add_argument("-s", "--settings", default="pelicanconf.py")
    build_cmd.add_argument("-o", "--output", default=None, help="dossier de sortie")
    build_cmd.add_argument("-c", "--content", default=None, help="dossier du contenu")
    build_cmd.add_argument("--cache", default=None, help="dossier du cache")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.settings, args.output, args.content, args.cache)
    return 2


if __name__ == "__main__":
    sys.exit(main())
