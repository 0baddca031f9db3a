"""The town: content/commune.md (name, public address, main counter, accessibility, themes).

Read once, when Pelican starts (``initialized``), into the settings every template, flyer and
plugin already reads (``SITENAME``, ``GUICHET_TOWN``, ``GUICHET_THEMES``…): staff change the
town without opening a Python file. Mistakes stop the build with French messages (file:line).
"""

from pelican import signals

from .load import apply_town


def read_town(pelican) -> None:
    apply_town(pelican.settings)


def register():
    signals.initialized.connect(read_town)
