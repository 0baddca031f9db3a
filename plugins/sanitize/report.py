"""Each removal in plain French, with what to do instead. Pure: no Pelican."""

from __future__ import annotations

import re

from guichet.messages import Problem
from guichet.messages import sanitize as msg

from .diff import Removal
from .policy import is_local_resource

_MAX_SHOWN = 70
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 1] + "…"


def _url_kind(value: str) -> str:
    """The scheme of a URL as a browser reads it (``java&#9;script:`` is ``javascript``)."""
    match = _SCHEME.match("".join(value.split()).lower())
    return match.group(1) if match else ""


def describe(removal: Removal) -> tuple[str, str]:
    """(what was removed, how to do without it), in French."""
    tag, attribute, value = removal.tag, removal.attribute, _short(removal.value)
    at = f" vers {value}" if value else ""
    if attribute is None:
        if tag in msg.SCRIPT_TAGS:
            return msg.SCRIPT.format(tag=tag), msg.SCRIPT_HINT
        if tag in msg.EMBED_TAGS:
            return msg.EMBED.format(tag=tag, at=at), msg.EMBED_HINT
        if tag in msg.FORM_TAGS:
            return msg.FORM.format(tag=tag, at=at), msg.FORM_HINT
        if tag in msg.SVG_TAGS:
            return msg.SVG.format(tag=tag), msg.SVG_HINT
        if tag in msg.HEAD_TAGS:
            return msg.HEAD_TAG.format(tag=tag, at=f" ({value})" if value else ""), msg.HEAD_HINT
        if tag == "img":
            return _image(value), msg.IMAGE_HINT
        return msg.TAG.format(tag=tag), msg.TAG_HINT
    if attribute.startswith("on"):
        return msg.EVENT.format(attribute=attribute, tag=tag), msg.SCRIPT_HINT
    if attribute == "style":
        return msg.STYLE.format(tag=tag, value=value), msg.STYLE_HINT
    if attribute == "srcset":
        return msg.SRCSET, msg.IMAGE_HINT
    if _url_kind(value) == "javascript":
        return msg.JAVASCRIPT_URL.format(tag=tag), msg.URL_HINT
    if _url_kind(value) == "data":
        return msg.DATA_URL.format(tag=tag), msg.URL_HINT
    return msg.ATTRIBUTE.format(attribute=attribute, tag=tag), msg.ATTRIBUTE_HINT


def _image(value: str) -> str:
    kind = _url_kind(value)
    if kind == "data":
        return msg.DATA_IMAGE
    if kind or value.replace("\\", "/").startswith("//"):
        return msg.REMOTE_IMAGE.format(value=value)
    if not is_local_resource(value) and value:
        return msg.SVG_IMAGE.format(value=value)
    return msg.IMAGE.format(value=value or "sans adresse")


def problems(source: str, removed: list[Removal], *, error: bool, field: str | None = None):
    """One Problem per distinct removal, in the order they appear in the page."""
    seen: dict[tuple[str, str], None] = {}
    for removal in removed:
        seen.setdefault(describe(removal), None)
    template = msg.REMOVED_ERROR if error else msg.REMOVED
    return [
        Problem(
            source, template.format(what=what), field, f"{msg.FAIL_HINT} {hint}" if error else hint
        )
        for what, hint in seen
    ]
