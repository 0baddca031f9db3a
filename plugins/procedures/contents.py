"""Pelican content types: procedures and counters, with their own templates and URL settings.

``PROCEDURE_URL`` / ``PROCEDURE_SAVE_AS`` and ``COUNTER_URL`` / ``COUNTER_SAVE_AS`` come from the
settings, as Pelican does for articles and pages (the class name prefixes the setting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pelican.contents import Content

from .closures import Closure, upcoming
from .sections import Section, list_items, split_sections
from .validation import CounterData, ProcedureData

if TYPE_CHECKING:
    from guichet_plugins.documents.forms import Form
    from guichet_plugins.print.content import Printed


class CachedURLs(Content):
    """URLs and output paths expanded once per object.

    Pelican formats ``url``/``save_as`` from the settings on every access; index pages ask every
    procedure for its URL, 12,000 times for a town of 1,000 procedures. Our objects' slug and
    metadata never change once made, so each expansion is kept.
    """

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        expanded = self.__dict__.setdefault("_expanded_settings", {})
        if (key, klass) not in expanded:
            expanded[key, klass] = super()._expand_settings(key, klass)
        return expanded[key, klass]


class Counter(CachedURLs):
    """A place residents can go to: hours, address, phone. ``data`` is a CounterData."""

    default_template = "counter"
    mandatory_properties = ("title",)
    data: CounterData
    procedures: list[Procedure]
    parts: list
    """Pages listing its procedures (listing.Part) when they are more than GUICHET_LIST_SPLIT."""
    today = None

    @property
    def upcoming_closures(self) -> tuple[Closure, ...]:
        return upcoming(self.data.closures, self.today)


class Procedure(CachedURLs):
    """A procedure ("démarche"). ``data`` is a ProcedureData; ``counters`` are Counter objects."""

    default_template = "procedure"
    mandatory_properties = ("title",)
    data: ProcedureData
    counters: list[Counter]
    theme: Theme
    forms: tuple[Form, ...] | list[Form] = ()
    """The documents plugin's hand-off (documents/forms.py: Form), set once all is read: the
    « Formulaires » lines, each with its file's address, type and size; empty without it."""
    printed: Printed | None = None
    """The print plugin's hand-off (print/content.py: Printed), set before any page is written;
    None when print is not in PLUGINS (or muted, in a devserver preview): no PDF link then, and
    the flyer page shows the flyer at level 0."""

    @property
    def flyer_url(self) -> str:
        return self._expand_settings("flyer_url")

    @property
    def flyer_save_as(self) -> str:
        return self._expand_settings("flyer_save_as")

    @property
    def pdf_url(self) -> str:
        return self._expand_settings("pdf_url")

    @property
    def pdf_save_as(self) -> str:
        return self._expand_settings("pdf_save_as")

    @property
    def _split(self) -> list[Section]:
        """The body cut at its headings; cut again whenever a plugin rewrote the HTML
        (``_content``: sanitize as each file is read, images once all is read), so sections
        never show the HTML from before a rewrite, whoever asks first."""
        html = self._content
        cut = self.__dict__.get("_cut")
        if cut is None or cut[0] is not html:
            cut = self.__dict__["_cut"] = (html, split_sections(self.content), {})
        return cut[1]

    @property
    def sections(self) -> dict[str, Section]:
        """Body sections by key (``who``, ``documents``, ``steps``, ``good_to_know``, ``intro``)."""
        split = self._split
        found: dict[str, Section] = self.__dict__["_cut"][2]
        if found or not split:
            return found
        for section in split:
            first = found.get(section.key)
            if first and section.key != "other":  # written twice (an imported fiche's national
                # text, then the town's additions under the same heading): one section
                section = Section(first.key, first.heading, first.html + "\n" + section.html)
            found[section.key] = section
        return found

    @property
    def other_sections(self) -> list[Section]:
        return [s for s in self._split if s.key == "other"]

    @property
    def documents(self) -> list[str]:
        section = self.sections.get("documents")
        return list_items(section.html) if section else []

    @property
    def steps(self) -> list[str]:
        section = self.sections.get("steps")
        return list_items(section.html) if section else []


class Theme:
    """A group of procedures (``etat-civil``), with its own page."""

    def __init__(self, key: str, label: str, settings: dict):
        self.key, self.slug, self.label = key, key, label
        self.url = settings["THEME_URL"].format(slug=key)
        self.save_as = settings["THEME_SAVE_AS"].format(slug=key)
        self.procedures: list[Procedure] = []
        self.parts: list = []
        """Pages of the theme (listing.Part): one, unless it has more than GUICHET_LIST_SPLIT."""
        self.preview: list[Procedure] = []
        """What /demarches/ shows of the theme in a large town (GUICHET_LIST_PREVIEW)."""

    def __repr__(self) -> str:
        return f"Theme({self.key!r})"
