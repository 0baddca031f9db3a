"""The town: content/commune.md (name, public address, main counter, accessibility, themes).

Read once, when Pelican starts (``initialized``), into the settings every template, flyer and
plugin already reads (``SITENAME``, ``GUICHET_TOWN``, ``GUICHET_THEMES``…): staff change the
town without opening a Python file. Mistakes stop the build with French messages (file:line).

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
