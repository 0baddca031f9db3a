"""Procedures and counters: the content model of a town's portal.

Reads ``content/guichets`` and ``content/demarches``, validates every field with messages staff
can act on, links each procedure to its counters and themes, and writes their pages.
"""

from pelican import signals

from .dates import format_date_fr
from .generator import ProceduresGenerator


def add_filters(pelican):
    """Templates format dates in French with ``{{ day|date_fr }}``."""
    pelican.settings.setdefault("JINJA_FILTERS", {})["date_fr"] = format_date_fr


def get_generators(pelican):
    return ProceduresGenerator


def register():
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
