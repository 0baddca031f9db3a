"""The Pelican generator that owns counters and procedures: read, validate, link, write."""

from __future__ import annotations

import logging
import os
from itertools import chain

from pelican.generators import CachingGenerator

from guichet.accents import strip_accents
from guichet.messages import ContentErrors, Problem, warn
from guichet.messages import procedures as msg
from guichet.reader import UnreadableContent

from . import prefetch
from .contents import Counter, Procedure, Theme
from .dates import build_date
from .listing import make_letters, make_parts, preview
from .settings import ProceduresSettings
from .validation import check_counter, check_procedure, check_slug

logger = logging.getLogger(__name__)


class RawSource:
    """What a reader gives back: validated afterwards, all files at once."""

    def __init__(self, content, metadata, settings, source_path, context):
        self.content, self.metadata, self.source_path = content, metadata, source_path


def french_sort_key(text: str) -> str:
    """Alphabetical order as a French reader expects it (accents ignored), without locales."""
    return strip_accents(text.casefold())


class ProceduresGenerator(CachingGenerator):
    """Reads ``content/guichets`` and ``content/demarches``; writes their pages and indexes."""

    def __init__(self, *args, **kwargs):
        self.counters: list[Counter] = []
        self.procedures: list[Procedure] = []
        self.themes: list[Theme] = []
        self.popular_procedures: list[Procedure] = []
        self.procedures_split = False
        """More procedures than GUICHET_LIST_SPLIT: lists in pages, an A-Z page per letter."""
        self.az_letters: list = []
        """The A-Z pages (listing.Letter) when ``procedures_split``."""
        self.unreadable: set[str] = set()
        """Slugs of files that could not be read: reported once, never as « n'existe pas »."""
        super().__init__(*args, **kwargs)

    # -- reading ---------------------------------------------------------------------------
    def _display_path(self, path: str) -> str:
        """Path as staff see it in their folder: ``content/demarches/x.md``."""
        full = os.path.join(self.path, path)
        return os.path.relpath(full, os.path.dirname(os.path.abspath(self.path)))

    def _read_all(self, paths_setting: str, problems: list[Problem]) -> list[RawSource]:
        paths = sorted(self.get_files(self.settings[paths_setting]))
        workers = prefetch.started(self.context)
        if workers is None:
            return self._read_in_order(paths, problems)
        with workers.prefetched(self.readers, self.path, paths):
            return self._read_in_order(paths, problems)

    def _read_in_order(self, paths: list[str], problems: list[Problem]) -> list[RawSource]:
        sources = []
        for path in paths:
            shown = self._display_path(path)
            try:
                raw = self.readers.read_file(
                    base_path=self.path, path=path, content_class=RawSource, context=self.context
                )
            except UnreadableContent as error:  # too large, not UTF-8: one problem, no cascade
                problems.append(Problem(shown, error.message, None, error.hint))
                self.unreadable.add(os.path.splitext(os.path.basename(path))[0])
                continue
            except UnicodeDecodeError:
                problems.append(Problem(shown, msg.NOT_UTF8, None, msg.NOT_UTF8_HINT))
                self.unreadable.add(os.path.splitext(os.path.basename(path))[0])
                continue
            except Exception as error:  # a reader failing on odd input: report, don't crash
                problems.append(Problem(shown, msg.UNREADABLE.format(error=error)))
                self.unreadable.add(os.path.splitext(os.path.basename(path))[0])
                continue
            raw.shown = shown
            raw.slug = os.path.splitext(os.path.basename(path))[0]
            sources.append(raw)
        return sources

    def _check_unique(self, sources: list[RawSource], url_setting: str, problems: list[Problem]):
        seen: dict[str, str] = {}
        for raw in sources:
            url = self.settings[url_setting].format(slug=raw.slug.lower())
            if url in seen:
                problems.append(
                    Problem(
                        raw.shown,
                        msg.DUPLICATE_SLUG.format(url="/" + url, other=seen[url]),
                        None,
                        msg.DUPLICATE_SLUG_HINT,
                    )
                )
            seen.setdefault(url, raw.shown)

    def generate_context(self):
        errors: list[Problem] = []
        warnings: list[Problem] = []
        today = build_date(self.settings)
        conf = ProceduresSettings.from_pelican(self.settings)
        reserved = conf.reserved_slugs
        themes = self.settings["GUICHET_THEMES"]

        try:
            counter_sources = self._read_all("COUNTER_PATHS", errors)
            unreadable_counters = set(self.unreadable)
            procedure_sources = self._read_all("PROCEDURE_PATHS", errors)
        finally:
            prefetch.stop()
        self._check_unique(counter_sources, "COUNTER_URL", errors)
        self._check_unique(procedure_sources, "PROCEDURE_URL", errors)

        counters: dict[str, Counter] = {}
        for raw in counter_sources:
            errors += check_slug(raw.slug, raw.shown, reserved)
            checked = check_counter(raw.metadata, raw.shown)
            errors += checked.errors
            warnings += checked.warnings
            if checked.data:
                counters[raw.slug] = self._make(Counter, raw, checked.data)
                counters[raw.slug].today = today
        # A counter whose file is unreadable was reported once; procedures naming it are not.
        counter_slugs = {raw.slug for raw in counter_sources} | unreadable_counters

        procedures: list[Procedure] = []
        for raw in procedure_sources:
            errors += check_slug(raw.slug, raw.shown, reserved)
            checked = check_procedure(
                raw.metadata,
                raw.content or "",
                raw.shown,
                themes,
                counter_slugs,
                today,
                conf.stale_months,
            )
            errors += checked.errors
            warnings += checked.warnings
            if checked.data:
                procedures.append(self._make(Procedure, raw, checked.data))

        for problem in warnings:
            warn(problem)
        self.readers.save_cache()
        if errors:
            raise ContentErrors(errors)

        self._link(counters, procedures, themes)
        self._split_lists()
        self._update_context(("procedures", "counters", "themes", "popular_procedures"))
        self.context["procedures_split"] = self.procedures_split
        self.context["az_letters"] = self.az_letters
        self.context["procedures_by_slug"] = {p.slug: p for p in self.procedures}
        self.context["counters_by_slug"] = counters
        self.context["build_date"] = today
        for content in chain(self.counters, self.procedures):
            self.add_source_path(content)

    def _make(self, content_class, raw: RawSource, data):
        content = content_class(
            content=raw.content or "",
            metadata={"title": data.title, "slug": raw.slug},
            settings=self.settings,
            source_path=raw.source_path,
            context=self.context,
        )
        content.data = data
        return content

    def _link(self, counters: dict[str, Counter], procedures: list[Procedure], themes) -> None:
        by_key = {key: Theme(key, label, self.settings) for key, label in themes.items()}
        for counter in counters.values():
            counter.procedures = []
        for procedure in sorted(procedures, key=lambda p: french_sort_key(p.title)):
            procedure.theme = by_key[procedure.data.theme]
            procedure.theme.procedures.append(procedure)
            procedure.counters = [counters[slug] for slug in procedure.data.counters]
            for counter in procedure.counters:
                counter.procedures.append(procedure)
        self.procedures = sorted(procedures, key=lambda p: french_sort_key(p.title))
        self.counters = sorted(counters.values(), key=lambda c: french_sort_key(c.title))
        self.themes = [theme for theme in by_key.values() if theme.procedures]
        self.popular_procedures = [p for p in self.procedures if p.data.popular]
        for counter in self.counters:
            if not counter.procedures:
                warn(Problem(self._display_path(counter.relative_source_path), msg.UNUSED_COUNTER))

    def _split_lists(self) -> None:
        """Long lists in pages that stay within the first-view budget (GUICHET_LIST_SPLIT)."""
        conf = ProceduresSettings.from_pelican(self.settings)
        size, shown = conf.list_split, conf.list_preview
        self.procedures_split = len(self.procedures) > size
        for theme in self.themes:
            theme.parts = make_parts(theme.procedures, size, theme.url, theme.save_as)
            theme.preview = preview(theme.procedures, shown, lambda p: p.data.popular)
        for counter in self.counters:
            counter.parts = []
            if len(counter.procedures) > size:  # its own list pages, beneath the counter's
                url = self.settings.get("COUNTER_PROCEDURES_URL", "guichets/{slug}/demarches/")
                save_as = self.settings.get(
                    "COUNTER_PROCEDURES_SAVE_AS", "guichets/{slug}/demarches/index.html"
                )
                counter.parts = make_parts(
                    counter.procedures,
                    size,
                    url.format(slug=counter.slug),
                    save_as.format(slug=counter.slug),
                )
        self.az_letters = []
        if self.procedures_split:
            self.az_letters = make_letters(
                self.procedures,
                size,
                self.settings.get("PROCEDURES_AZ_LETTER_URL", "demarches/a-z/{letter}/"),
                self.settings.get(
                    "PROCEDURES_AZ_LETTER_SAVE_AS", "demarches/a-z/{letter}/index.html"
                ),
            )

    def _flyer(self, procedure):
        """What the flyer page shows: the flyer the print plugin fitted to paper, or, without
        it (not in PLUGINS, or a devserver preview), the flyer at level 0 (one side)."""
        if procedure.printed is not None:
            return procedure.printed.flyer
        from guichet_plugins.print.content import flyer_content

        public = (self.settings.get("GUICHET_PUBLIC_URL") or "https://localhost").rstrip("/") + "/"
        return flyer_content(
            procedure,
            0,
            public,
            self.settings.get("SITENAME", ""),
            self.settings.get("AUTHOR", ""),
            self.context.get("build_date"),
        )

    # -- writing ---------------------------------------------------------------------------
    def generate_output(self, writer):
        def write(save_as, template, url, **objects):
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                override_output=True,
                url=url,
                **objects,
            )

        for procedure in self.procedures:
            write(procedure.save_as, "procedure", procedure.url, procedure=procedure)
            # The devserver's preview writes a few pages: a flyer only those need is not made
            # (the page is still named to the writer, which records every page of the site).
            wants = getattr(writer, "wants", None)
            wanted = wants is None or wants(procedure.flyer_save_as)
            write(
                procedure.flyer_save_as,
                "flyer",
                procedure.flyer_url,
                procedure=procedure,
                flyer=self._flyer(procedure) if wanted else None,
            )
        for counter in self.counters:
            write(counter.save_as, "counter", counter.url, counter=counter)
            for part in counter.parts:
                write(part.save_as, "counter_procedures", part.url, counter=counter, part=part)
        for theme in self.themes:
            for part in theme.parts:
                write(part.save_as, "theme", part.url, theme=theme, part=part)
        settings = self.settings
        write(settings["PROCEDURES_INDEX_SAVE_AS"], "procedures", settings["PROCEDURES_INDEX_URL"])
        write(settings["PROCEDURES_AZ_SAVE_AS"], "procedures_az", settings["PROCEDURES_AZ_URL"])
        for letter in self.az_letters:
            for part in letter.parts:
                write(part.save_as, "procedures_az_letter", part.url, letter=letter, part=part)
        write(settings["COUNTERS_INDEX_SAVE_AS"], "counters", settings["COUNTERS_INDEX_URL"])
