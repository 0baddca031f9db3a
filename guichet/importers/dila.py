"""Read a DILA « vosdroits » fiche (service-public.fr, XML schema 3.3 or 3.4) into a ``Fiche``.

Pure apart from reading the file: bytes in, a ``Fiche`` (or a French ``ImportError``) out. The
text is cut into sections at each top-level ``Chapitre`` (and ``Situation``); each section is
matched to the project's sections (« Qui est concerné », « Pièces à fournir », « Étapes »,
« Bon à savoir ») by its title, with the words listed in ``SECTION_TITLES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from guichet.messages import importers as msg

from .dila_text import Converter, escape, local_name
from .errors import ImportFailed
from .words import plain

SUPPORTED_SCHEMAS = ("3.3", "3.4")
"""Versions of ``Publication.xsd`` read here (``xsi:noNamespaceSchemaLocation``)."""
_SCHEMA = re.compile(r"Schemas/(\d+(?:\.\d+)*)/Publication\.xsd")
_XSI = "{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WHERE_TAGS = ("OuSAdresser", "QuiPeutMAider")
"""« Où s'adresser » blocks: ``OuSAdresser`` in schema 3.3, ``QuiPeutMAider`` in 3.4."""

SECTION_TITLES = {
    "who": (
        "qui est concerne",
        "personnes concernees",
        "qui peut faire la demande",
        "qui peut en beneficier",
        "beneficiaires",
        "conditions",
    ),
    "documents": (
        "pieces a fournir",
        "documents a fournir",
        "pieces justificatives",
        "justificatifs",
        "documents a presenter",
        "pieces a presenter",
    ),
    "steps": (
        "etapes",
        "demarche",
        "demarches",
        "comment faire",
        "comment faire la demande",
        "faire la demande",
        "procedure",
        "deroulement",
    ),
    "good_to_know": ("bon a savoir", "a savoir", "a noter"),
    "cost": ("cout", "prix", "tarif", "combien ca coute", "cout de la demarche"),
    "delay": ("delai", "delais", "delai de traitement", "delai d obtention", "delai de delivrance"),
}
"""Chapter titles (without case or accents) recognised as one of the project's sections."""


@dataclass(frozen=True)
class NationalSection:
    key: str
    """``who``, ``documents``, ``steps``, ``good_to_know``, ``cost``, ``delay`` or ``other``."""
    title: str
    """The fiche's own title of the chapter."""
    markdown: str
    """The chapter's content, without its title."""


@dataclass(frozen=True)
class Link:
    title: str
    url: str | None
    kind: str = ""
    detail: str = ""
    """Markdown: the ``Complement``, ``Source`` or text of the block."""
    pivot: str = ""
    """``PivotLocal`` of a local « où s'adresser » block (``mairie``)."""


@dataclass
class Fiche:
    id: str
    schema: str
    url: str
    title: str
    description: str
    updated: date
    audience: str = ""
    subjects: tuple[str, ...] = ()
    """``Theme`` IDs and titles, then ``dc:subject``: what the theme mapping looks up."""
    intro: str = ""
    sections: list[NationalSection] = field(default_factory=list)
    online: list[Link] = field(default_factory=list)
    pivots: list[str] = field(default_factory=list)
    """``PivotLocal`` of each local « où s'adresser » block, in order, without repeats."""
    where: list[Link] = field(default_factory=list)
    """Every « où s'adresser » block (local ones too), to list them in the text."""
    references: list[Link] = field(default_factory=list)
    more: list[Link] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    unknown: dict[str, int] = field(default_factory=dict)


def read_sheet(data: bytes, source: str) -> Fiche:
    """Parse one fiche; raise ImportFailed (French message) when it cannot be imported."""
    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException, ValueError) as error:
        raise ImportFailed(msg.NOT_XML.format(path=source, error=error), msg.NOT_XML_HINT) from None
    if local_name(root) != "Publication":
        raise ImportFailed(msg.NOT_A_FICHE.format(path=source, root=local_name(root)))
    schema = _schema_version(root, source)
    converter = Converter()
    title = _dc(root, "title")
    if not title:
        raise ImportFailed(msg.NO_TITLE.format(path=source), msg.NO_TITLE_HINT)
    ident = (root.get("ID") or _dc(root, "identifier")).strip()
    if not re.fullmatch(r"[FNR]\d{1,6}", ident):
        raise ImportFailed(msg.NO_ID.format(path=source, value=ident or "rien"))
    updated = _date(_dc(root, "date"))
    if updated is None:
        raise ImportFailed(msg.NO_DATE.format(path=source, value=_dc(root, "date") or "rien"))
    fiche = Fiche(
        id=ident,
        schema=schema,
        url=(root.get("spUrl") or "").strip()
        or f"https://www.service-public.fr/particuliers/vosdroits/{ident}",
        title=title,
        description=_dc(root, "description"),
        updated=updated,
    )
    fiche.audience = _text_of(root, "Audience")
    fiche.subjects = _subjects(root, converter)
    intro = root.find("Introduction")
    intro_blocks = converter.blocks(intro, 3) if intro is not None else []
    texte = root.find("Texte")
    if texte is not None:
        loose, fiche.sections = _sections(texte, converter)
        intro_blocks += loose
    situations = root.find("ListeSituations")
    if situations is not None:
        for situation in situations:
            fiche.sections.append(_section(situation, converter))
    fiche.intro = "\n\n".join(intro_blocks)
    fiche.online = [_link(e, converter) for e in root.findall("ServiceEnLigne")]
    for tag in WHERE_TAGS:
        for block in root.findall(tag):
            pivot = _text_of(block, "PivotLocal").lower()
            if (block.get("type") or "").strip().lower() != "local":
                pivot = ""
            link = _link(block, converter)
            fiche.where.append(Link(link.title, link.url, link.kind, link.detail, pivot))
            if pivot and pivot not in fiche.pivots:
                fiche.pivots.append(pivot)
    fiche.references = [_link(e, converter) for e in root.findall("Reference")]
    fiche.more = [_link(e, converter) for e in root.findall("PourEnSavoirPlus")]
    for amount in root.findall("Montant"):  # a fiche-level amount (some schemas carry one)
        text = " ".join(" ".join(amount.itertext()).split())
        if text:
            converter.amounts.append(text)
    fiche.amounts = list(dict.fromkeys(converter.amounts))
    fiche.unknown = dict(converter.unknown)
    return fiche


def _schema_version(root: Element, source: str) -> str:
    location = root.get(_XSI) or ""
    match = _SCHEMA.search(location)
    version = match.group(1) if match else ""
    if version not in SUPPORTED_SCHEMAS:
        raise ImportFailed(
            msg.BAD_SCHEMA.format(
                path=source, version=version or "inconnue", known=" et ".join(SUPPORTED_SCHEMAS)
            ),
            msg.BAD_SCHEMA_HINT,
        )
    return version


def _dc(root: Element, name: str) -> str:
    element = root.find(_DC + name)
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _text_of(parent: Element, tag: str) -> str:
    element = parent.find(tag)
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _date(value: str) -> date | None:
    """``modified 2024-01-10`` (or ``created …``) → a date."""
    match = _ISO_DATE.search(value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _subjects(root: Element, converter: Converter) -> tuple[str, ...]:
    found = []
    for theme in root.findall("Theme"):
        if theme.get("ID"):
            found.append(theme.get("ID").strip())
        title = converter.title_of(theme) or " ".join("".join(theme.itertext()).split())
        if title:
            found.append(title)
    subject = _dc(root, "subject")
    if subject:
        found.append(subject)
    return tuple(dict.fromkeys(found))


def _sections(texte: Element, converter: Converter) -> tuple[list[str], list[NationalSection]]:
    """Text before the first chapter, and one section per top-level ``Chapitre``."""
    loose: list[str] = []
    sections: list[NationalSection] = []
    for child in texte:
        name = local_name(child)
        if name == "Chapitre":
            sections.append(_section(child, converter))
        elif name in ("BlocCas", "ListeSituations") and not sections:
            for case in child:  # a fiche cut by cases from the start: one section per case
                sections.append(_section(case, converter))
        elif sections:
            last = sections[-1]
            extra = "\n\n".join(converter.block(child, 3))
            sections[-1] = NationalSection(
                last.key, last.title, (last.markdown + "\n\n" + extra).strip()
            )
        else:
            loose += converter.block(child, 3)
    return loose, sections


def _section(element: Element, converter: Converter) -> NationalSection:
    title = converter.title_of(element)
    blocks: list[str] = []
    for child in element:
        if local_name(child) != "Titre":
            blocks += converter.block(child, 3)
    markdown = "\n\n".join(blocks)
    return NationalSection(section_key(title), title, markdown)


def section_key(title: str) -> str:
    words = plain(title)
    for key, titles in SECTION_TITLES.items():
        if words in titles:
            return key
    return "other"


def _link(element: Element, converter: Converter) -> Link:
    url = (element.get("URL") or "").strip()
    if not url:
        web = element.find("RessourceWeb")
        url = (web.get("URL") or "").strip() if web is not None else ""
    detail = escape(_text_of(element, "Complement") or _text_of(element, "Source"))
    texte = element.find("Texte")
    if not detail and texte is not None:  # « où s'adresser » blocks: « Par téléphone : 39 39 »
        detail = " ".join(converter.inline(p) for p in texte.iter("Paragraphe")).strip()
    return Link(
        title=converter.title_of(element) or _text_of(element, "Titre"),
        url=url if url.startswith("https://") else None,
        kind=(element.get("type") or "").strip(),
        detail=detail,
    )
