"""Pelican's reader for every Markdown file: Guichet's header, then Python-Markdown for the body.

Replaces Pelican's MarkdownReader (``READERS = {"md": FieldsReader}`` in pelicanconf.py), so the
header staff write follows ``guichet/header.py``'s rules for every content type, and lists follow
``guichet/lists.py``. What Pelican and the generators get is what the Meta extension gave
(lowercase ASCII keys, strings, lists of lines) plus, on the side, line numbers and problems
(``guichet.header.SIDE_KEYS``). Pages and articles may use French names: ``Titre``, ``Resume``
(and ``Date``) are Pelican's ``title``, ``summary`` and ``date``.

A file too large, not UTF-8 or that cannot be read raises :class:`UnreadableContent`: one
problem for the file, and nothing else is checked in it.
"""

from __future__ import annotations

import os
import re
from typing import ClassVar

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, BaseReader

from guichet.header import (
    HEADING_LINES_KEY,
    MAX_BYTES,
    PROBLEMS_KEY,
    read_header,
    side_metadata,
)
from guichet.lists import FENCE, normalise_lists
from guichet.messages import procedures as msg

PAGE_FIELDS = (
    "title",
    "summary",
    "date",
    "modified",
    "slug",
    "status",
    "template",
    "lang",
    "author",
    "authors",
    "category",
    "tags",
    "save_as",
    "url",
    "translation",
)
FRENCH_PAGE_FIELDS = {"titre": "title", "resume": "summary", "modifie-le": "modified"}
"""French names staff may give Pelican's own fields in pages and articles."""


class UnreadableContent(ValueError):
    """The file cannot be read at all: one French message (and its fix), nothing else."""

    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(f"{message} {hint}".strip())


def read_text(path: str, limit: int = MAX_BYTES) -> str:
    """The file's text; UnreadableContent when too large (checked before reading) or not UTF-8."""
    size = os.stat(path).st_size
    if size > limit:
        raise UnreadableContent(
            msg.TOO_LARGE.format(size=size // 1000, limit=limit // 1000), msg.TOO_LARGE_HINT
        )
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableContent(msg.NOT_UTF8, msg.NOT_UTF8_HINT) from None


_H2 = re.compile(r"^ {0,3}##(?!#)[ \t]*(?P<text>.*?)[ \t#]*$")


def heading_lines(lines: list[str], first_line: int = 1) -> dict[str, int]:
    """The text of each level-2 heading (``## Étapes``) of a body's Markdown lines, with the
    line of the file it is on (the first, for a heading written twice); none inside a fenced
    block. ``first_line``: the file's line of ``lines[0]``."""
    found: dict[str, int] = {}
    fenced = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
            continue
        heading = None if fenced else _H2.match(line)
        if heading and heading.group("text"):
            found.setdefault(heading.group("text"), first_line + index)
    return found


def staff_markdown(config: dict) -> Markdown:
    """Python-Markdown as staff write it: a paragraph indented by a tab or 4 spaces (a slip of
    the hand, or text pasted from a word processor) stays a paragraph. Markdown would make it a
    block of code, shown in a fixed-width font on one unbroken line that runs off a phone's
    screen. Code is never what a procedure means; a fenced block (```) still is one."""
    md = Markdown(**config)
    md.parser.blockprocessors.deregister("code")
    return md


class FieldsReader(BaseReader):
    """Markdown files: header by guichet.header, body by Python-Markdown (no Meta extension)."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown", "mkd", "mdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        config = dict(self.settings["MARKDOWN"])
        configs = {
            name: value
            for name, value in config.get("extension_configs", {}).items()
            if name != "markdown.extensions.meta"
        }
        extensions = [
            e for e in config.get("extensions", []) if e != "markdown.extensions.meta"
        ] + [name for name in configs if name not in config.get("extensions", [])]
        config.update(extensions=extensions, extension_configs=configs)
        self._config = config
        self._md: Markdown | None = None
        """Made at the first file: Pelican makes one reader per extension (md, markdown…) and
        per generator, most never used."""
        self._limit = int(self.settings.get("GUICHET_MAX_FILE_BYTES", MAX_BYTES))
        self._kinds = {
            "counter": tuple(self.settings.get("COUNTER_PATHS", ["guichets"])),
            "procedure": tuple(self.settings.get("PROCEDURE_PATHS", ["demarches"])),
        }

    def _known(self, source_path: str) -> tuple[frozenset[str], bool]:
        """Field keys of this kind of file, and whether it is a page or article (Pelican's)."""
        content_root = os.path.abspath(self.settings["PATH"])
        relative = os.path.relpath(os.path.abspath(source_path), content_root)
        top = relative.split(os.sep)[0]
        if top in self._kinds["counter"] or top in self._kinds["procedure"]:
            # The fields the procedures plugin validates.
            from guichet_plugins.procedures.validation import COUNTER_FIELDS, PROCEDURE_FIELDS

            kind = COUNTER_FIELDS if top in self._kinds["counter"] else PROCEDURE_FIELDS
            return frozenset(kind), False
        extra = self.settings.get("GUICHET_EXTRA_FIELDS", ())
        return frozenset((*PAGE_FIELDS, *FRENCH_PAGE_FIELDS, *extra)), True

    def render(self, markdown_text: str) -> str:
        if self._md is None:
            self._md = staff_markdown(self._config)
        self._md.reset()
        return self._md.convert(markdown_text)

    def read(self, source_path: str):
        known, is_page = self._known(source_path)
        try:
            text = read_text(source_path, self._limit)
        except UnreadableContent as error:
            if not is_page:
                raise  # the procedures generator reports it, once
            # Pelican's page and article readers would only log « Could not process »:
            # a page with the problem on the side, which the procedures plugin reports.
            title = os.path.splitext(os.path.basename(source_path))[0]
            return "", {"title": title, PROBLEMS_KEY: [(None, error.message, error.hint, None)]}
        header = read_header(text, known, strict=not is_page)
        body, list_problems = normalise_lists(header.body.split("\n"), header.body_line)
        content = self.render("\n".join(body))
        metadata = self._parse_metadata(header, is_page)
        metadata.update(side_metadata(header))
        metadata[HEADING_LINES_KEY] = heading_lines(header.body.split("\n"), header.body_line)
        if list_problems:
            metadata.setdefault(PROBLEMS_KEY, []).extend(
                (p.line, p.message, p.hint, None) for p in list_problems
            )
            metadata[PROBLEMS_KEY].sort(key=lambda p: p[0])
        return content, metadata

    def _parse_metadata(self, header, is_page: bool) -> dict:
        """As Pelican's MarkdownReader does with the Meta extension's output."""
        formatted = self.settings["FORMATTED_FIELDS"]
        output: dict = {}
        for key, found in header.fields.items():
            name = FRENCH_PAGE_FIELDS.get(key, key) if is_page else key
            if name in output:
                continue
            values = found.values
            if name in formatted:
                output[name] = self.process_metadata(name, self.render("\n".join(values)))
            elif len(values) == 1:
                output[name] = self.process_metadata(name, values[0])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):  # one value: lines joined
                output[name] = self.process_metadata(name, " ".join(v for v in values if v))
            else:
                output[name] = self.process_metadata(name, list(values))
        return output
