"""``make verifier``: the content report (nothing is published).

For every procedure and counter: stale checks, readability (Kandel–Moles score, long sentences
and paragraphs, with their line), images without a useful alt text, headings out of order,
links to pages that do not exist, links to other sites (for a yearly check), procedures without
a counter and counters no procedure uses; and, from what the last build recorded, the flyers
printed on more than one side or with their free text shortened, with the cause (a notice:
not findings). Printed in the terminal and written as a static HTML page. Exit code 0 even with
findings (the report advises; the build is what refuses), 1 with ``--strict`` while anything is
left to review.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guichet.messages import ContentErrors


def run(
    settings_file: str,
    content: str | None,
    report_dir: str,
    strict: bool = False,
    cache: str | None = None,
) -> int:
    from .collect import build_report, load_settings
    from .html import render as render_html
    from .terminal import render as render_text

    try:
        settings = load_settings(settings_file, content, cache)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    report = build_report(settings)
    target = Path(report_dir) / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_html(report), encoding="utf-8")
    print(render_text(report, str(target)), end="")
    return 1 if strict and report.finding_count else 0
