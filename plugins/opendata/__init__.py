"""Open data out: the town's procedures and counters in open formats, all static files.

- ``/donnees/demarches.json|csv``, ``/donnees/guichets.json|csv``, each with its schema
  (``*.schema.json``: JSON Schema; ``*.csv.schema.json``: Table Schema), licence and build date;
- ``/guichets/<slug>/fermetures.ics``: each counter's exceptional closures (RFC 5545), linked
  from the counter page (``counter.closures_ics_url``);
- ``/sitemap.xml`` and ``/robots.txt``.

schema.org microdata is in the templates (``includes/schema-procedure.html``,
``includes/schema-counter.html``): no script. They read ``counter.schema_hours`` (set here, so a
site without this plugin still builds, its microdata without hours). Settings and defaults:
``settings.py``.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
