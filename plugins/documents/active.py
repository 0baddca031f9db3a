"""Does a document carry something that could run? PDFs are read with pikepdf (qpdf), office
files are zip archives whose macros live in known places. No Pelican."""

from __future__ import annotations

import zipfile

import pikepdf

_PDF_KEYS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/EmbeddedFiles": "embedded",
    "/EmbeddedFile": "embedded",
    "/RichMedia": "richmedia",
    "/AA": "actions",
}
_PDF_ACTIONS = {"/JavaScript": "javascript", "/Launch": "launch", "/ImportData": "launch"}
_MACROS = ("vbaproject.bin", "basic/", "scripts/")


class Unreadable(Exception):
    """The file is not a PDF qpdf can read."""


def pdf_active_content(path: str) -> list[str]:
    """What the PDF holds that could run or carry another file: ``javascript``, ``embedded``…"""
    found: set[str] = set()
    try:
        with pikepdf.open(path) as pdf:
            for obj in pdf.objects:
                _inspect(obj, found)
    except pikepdf.PdfError as error:
        raise Unreadable(str(error)) from error
    return sorted(found)


def _inspect(obj, found: set[str]) -> None:
    """One object and the direct objects inside it (indirect ones are in ``pdf.objects``)."""
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Array):
        for item in obj:
            if isinstance(item, pikepdf.Dictionary | pikepdf.Array) and not item.is_indirect:
                _inspect(item, found)
        return
    if not isinstance(obj, pikepdf.Dictionary):
        return
    for key in obj:
        if key in _PDF_KEYS:
            found.add(_PDF_KEYS[key])
        value = obj.get(key)
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
            _inspect(value, found)
    if obj.get("/Type") == "/Filespec" or obj.get("/Subtype") == "/FileAttachment":
        found.add("embedded")
    action = obj.get("/S")
    if action is not None and str(action) in _PDF_ACTIONS:
        found.add(_PDF_ACTIONS[str(action)])


def office_has_macros(path: str) -> bool:
    """ODF (Basic/, Scripts/) and OOXML (vbaProject.bin) macros; other files: False."""
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return any(
            n.lower().startswith(_MACROS) or n.lower().endswith(_MACROS[0])
            for n in archive.namelist()
        )
