"""The report as a small static HTML page staff open in a browser (no script, accessible).

Written outside the published output (``rapport/index.html`` by default, ignored by git).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from guichet.messages import report as msg

from .model import Report

TEMPLATE = Path(__file__).with_name("rapport.html")

_ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render(report: Report) -> str:
    from guichet_plugins.procedures.dates import format_date_fr

    today = format_date_fr(report.today)
    intro = msg.INTRO.format(
        procedures=msg.count(len(report.procedures), "démarche"),
        counters=msg.count(len(report.counters), "guichet"),
        today=today,
    )
    scored = sorted(
        (f for f in report.procedures if f.score and f.score.sentences),
        key=lambda f: (f.score.value, f.source),
    )
    return _ENV.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        report=report,
        msg=msg,
        today=today,
        intro=intro,
        date=format_date_fr,
        decimal=decimal,
        scored=scored,
    )


def decimal(value: float) -> str:
    """``8,4``: one decimal, French comma."""
    return f"{value:.1f}".replace(".", ",")
