"""The text of a DILA « vosdroits » fiche (XML elements) as the Markdown staff write.

Pure: an ElementTree element in, Markdown out. Block elements (``Paragraphe``, ``Liste``,
``Tableau``, ``ANoter``, ``BlocCas``, ``Chapitre``…) become Markdown blocks separated by blank
lines; inline ones (``MiseEnEvidence``, ``LienExterne``, ``Exposant``…) become inline Markdown.
An element this module does not know keeps its text, and its name is collected in ``unknown``
so the command can warn once per name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

SP_FICHE = "https://www.service-public.fr/particuliers/vosdroits/{id}"
"""Where an internal link (``LienInterne LienPublication="F1234"``) points."""

_SPACES = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+-])|(\d+)([.)]))(\s)")

NOTE_LABELS = {"ANoter": "À noter", "ASavoir": "À savoir", "Attention": "Attention"}
INLINE = {
    "MiseEnEvidence",
    "LienInterne",
    "LienIntra",
    "LienExterne",
    "Exposant",
    "Valeur",
    "Definition",
    "Abreviation",
    "Complement",
    "Montant",
    "Expression",
    "Citation",
}
BLOCK = {
    "Paragraphe",
    "Liste",
    "Tableau",
    "ANoter",
    "ASavoir",
    "Attention",
    "BlocCas",
    "Cas",
    "Chapitre",
    "SousChapitre",
    "Titre",
    "Texte",
    "Introduction",
    "ListeSituations",
    "Situation",
    "Item",
    "Rangée",
    "Rang",
    "Colonne",
    "Cellule",
}


def local_name(element: Element) -> str:
    """Tag without its namespace (``{http://purl.org/dc/elements/1.1/}title`` → ``title``)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def escape(text: str) -> str:
    """Text that Markdown shows as it is."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Converter:
    """One fiche's conversion: keeps the names of unknown elements and the amounts it saw."""

    unknown: dict[str, int] = field(default_factory=dict)
    amounts: list[str] = field(default_factory=list)

    # -- inline ---------------------------------------------------------------------------
    def inline(self, element: Element) -> str:
        """The element's content as one line of inline Markdown (whitespace collapsed)."""
        parts = [escape(element.text or "")]
        for child in element:
            parts.append(self._inline_child(child))
            parts.append(escape(child.tail or ""))
        return _SPACES.sub(" ", "".join(parts)).strip()

    def _inline_child(self, child: Element) -> str:
        name = local_name(child)
        inner = self.inline(child)
        if name == "MiseEnEvidence":
            return f"**{inner}**" if inner else ""
        if name == "LienExterne":
            url = (child.get("URL") or "").strip()
            return f"[{inner}]({url})" if url.startswith("https://") and inner else inner
        if name == "LienInterne":
            target = (child.get("LienPublication") or "").strip()
            if re.fullmatch(r"[FNR]\d+", target) and inner:
                return f"[{inner}]({SP_FICHE.format(id=target)})"
            return inner
        if name == "Exposant":
            return f"<sup>{inner}</sup>" if inner else ""
        if name == "Abreviation":
            title = _SPACES.sub(" ", child.get("title") or child.get("Titre") or "").strip()
            return f'<abbr title="{escape(title)}">{inner}</abbr>' if title else inner
        if name == "Montant":
            if inner:
                self.amounts.append(_SPACES.sub(" ", "".join(child.itertext())).strip())
            return inner
        if name in INLINE:  # LienIntra, Valeur, Definition, Complement…: their text
            return inner
        if name in BLOCK:  # a block inside a paragraph (odd, but seen): its text
            return inner
        self._unknown(name)
        return inner

    def _unknown(self, name: str) -> None:
        self.unknown[name] = self.unknown.get(name, 0) + 1

    # -- blocks ---------------------------------------------------------------------------
    def blocks(self, element: Element, level: int) -> list[str]:
        """Markdown blocks for the children of ``element``; headings start at ``level``."""
        out: list[str] = []
        loose = escape(element.text or "").strip()
        if loose:
            out.append(_SPACES.sub(" ", loose))
        for child in element:
            out += self.block(child, level)
            tail = escape(child.tail or "").strip()
            if tail:
                out.append(_SPACES.sub(" ", tail))
        return out

    def block(self, element: Element, level: int) -> list[str]:
        name = local_name(element)
        handler: Callable[[Element, int], list[str]] | None = {
            "Paragraphe": self._paragraph,
            "Liste": self._list,
            "Tableau": self._table,
            "ANoter": self._note,
            "ASavoir": self._note,
            "Attention": self._note,
            "BlocCas": self._cases,
            "ListeSituations": self._cases,
            "Cas": self._titled,
            "Situation": self._titled,
            "Chapitre": self._titled,
            "SousChapitre": self._titled,
            "Texte": self.blocks,
            "Introduction": self.blocks,
        }.get(name)
        if handler:
            return handler(element, level)
        if name == "Titre":  # a title where none is expected: a bold line
            text = self.inline_all(element)
            return [f"**{text}**"] if text else []
        if name in INLINE:
            text = self._inline_child(element)
            return [text] if text else []
        self._unknown(name)
        return self.blocks(element, level) or (
            [self.inline(element)] if self.inline(element) else []
        )

    def inline_all(self, element: Element) -> str:
        """The inline text of an element that may wrap its text in ``Paragraphe``s (``Titre``)."""
        paragraphs = [self.inline(p) for p in element if local_name(p) == "Paragraphe"]
        return " ".join(p for p in paragraphs if p) or self.inline(element)

    def title_of(self, element: Element) -> str:
        titre = next((c for c in element if local_name(c) == "Titre"), None)
        return self.inline_all(titre) if titre is not None else ""

    def _paragraph(self, element: Element, level: int) -> list[str]:
        text = self.inline(element)
        if not text:
            return []
        return [_LINE_START.sub(_escape_start, text)]

    def _list(self, element: Element, level: int) -> list[str]:
        numbered = (element.get("type") or "").strip() == "numero"
        lines = []
        for number, item in enumerate((i for i in element if local_name(i) == "Item"), 1):
            marker = f"{number}." if numbered else "-"
            body = self.blocks(item, level) or [""]
            first, *rest = body
            lines.append(f"{marker} {_indent(first, 4)[4:]}")
            for block in rest:
                lines.append("")
                lines.append(_indent(block, 4))
        return ["\n".join(lines)] if lines else []

    def _table(self, element: Element, level: int) -> list[str]:
        rows = [r for r in element if local_name(r) in ("Rangée", "Rang")]
        if not rows:
            return []
        grid = [[self._cell(c) for c in row if local_name(c) == "Cellule"] for row in rows]
        width = max(len(r) for r in grid) or 1
        grid = [r + [""] * (width - len(r)) for r in grid]
        header = grid[0]
        body = grid[1:] if (rows[0].get("type") or "header") == "header" else grid
        if body is grid:
            header = [""] * width
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        out = []
        title = self.title_of(element)
        if title:
            out.append(f"**{title}**")
        out.append("\n".join(lines))
        return out

    def _cell(self, cell: Element) -> str:
        parts = [b.replace("\n", " ") for b in self.blocks(cell, 6)]
        return "<br>".join(p for p in parts if p) or " "

    def _note(self, element: Element, level: int) -> list[str]:
        label = self.title_of(element) or NOTE_LABELS.get(local_name(element), "")
        body = [b for c in element if local_name(c) != "Titre" for b in self.block(c, level)]
        if not body:
            return []
        body[0] = f"**{label} :** {body[0]}"
        return ["\n>\n".join(_quote(b) for b in body)]

    def _cases(self, element: Element, level: int) -> list[str]:
        out = []
        for case in element:
            out += self.block(case, level)
        return out

    def _titled(self, element: Element, level: int) -> list[str]:
        """``Chapitre``, ``SousChapitre``, ``Cas``, ``Situation``: a heading, then the content."""
        title = self.title_of(element)
        out = [f"{'#' * min(level, 6)} {title}"] if title else []
        for child in element:
            if local_name(child) != "Titre":
                out += self.block(child, level + 1)
        return out


def _escape_start(match: re.Match) -> str:
    """A paragraph Markdown would read as a heading, quote or list: ``\\#``, ``1\\.``."""
    lead, mark, number, dot, space = match.groups()
    return f"{lead}\\{mark}{space}" if mark else f"{lead}{number}\\{dot}{space}"


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.split("\n"))


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))
