"""Which file an ``<img src>`` names, or why it cannot be used. No Pelican, no Pillow.

Accepted: ``{static}/images/x.jpg``, ``/images/x.jpg`` and ``images/x.jpg`` (from the content
folder), ``../images/x.jpg`` or ``./x.jpg`` (from the page's folder). The file must be inside
``content/<source_dir>/`` once symbolic links are followed. A URL with a scheme or a host
(``https://…``, ``//host/…``, ``data:``) is refused: the build makes no third-party request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")


@dataclass(frozen=True)
class Found:
    path: str
    """Absolute path of the source file."""
    name: str
    """Path relative to the images folder, with ``/`` (``photos/mairie.jpg``)."""


@dataclass(frozen=True)
class Refused:
    kind: str
    """``remote``, ``outside_content``, ``outside_images``, ``missing`` or ``empty``."""
    path: str = ""
    """For ``missing``: the file looked for, relative to the content folder."""


def resolve(src: str, page_dir: str, content_root: str, source_dir: str) -> Found | Refused:
    """The source file ``src`` names, for a page in ``page_dir`` (absolute paths)."""
    value = src.strip()
    for prefix in PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    if not value:
        return Refused("empty")
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("//"):
        return Refused("remote")
    path = unquote(parts.path).replace("\\", "/")
    if not path:
        return Refused("empty")
    if path.startswith("/"):
        base, path = content_root, path.lstrip("/")
    elif path.startswith(("./", "../")):
        base = page_dir
    else:
        base = content_root
    full = os.path.normpath(os.path.join(base, path))
    real_root = os.path.realpath(content_root)
    real = os.path.realpath(full)
    if not _inside(real, real_root):
        return Refused("outside_content")
    images_root = os.path.join(real_root, source_dir)
    if not _inside(real, images_root):
        return Refused("outside_images")
    if not os.path.isfile(real):
        return Refused("missing", os.path.relpath(real, real_root).replace(os.sep, "/"))
    name = os.path.relpath(real, images_root).replace(os.sep, "/")
    return Found(real, name)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder and path != folder
