"""Print the CSP source of the stylesheet written into every page; --write puts it in
deploy/nginx.conf's style-src (run it after any change to theme/static/css/guichet.css; the
tests in tests/deploy/test_nginx.py fail until then).

    .venv/bin/python tools/csp-hash.py [--write]
"""

from __future__ import annotations

import sys
from pathlib import Path

from guichet_plugins.minify.inline import CSP_SOURCE, theme_style

ROOT = Path(__file__).resolve().parent.parent

CONF = ROOT / "deploy" / "nginx.conf"


def main(argv: list[str]) -> int:
    source = theme_style(ROOT / "theme").csp_source
    print(source)
    if "--write" in argv:
        text = CONF.read_text(encoding="utf-8")
        updated = CSP_SOURCE.sub(source, text)
        CONF.write_text(updated, encoding="utf-8")
        print("deploy/nginx.conf " + ("mis à jour" if updated != text else "déjà à jour"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
