"""Site URLs mapped to local folders, nothing else: what WeasyPrint may read.

A flyer links its stylesheet as ``/theme/css/fiche.css``; resolved against the flyer's public
address it becomes ``https://www.example.fr/theme/css/fiche.css``. :func:`local_path` maps such a
URL to a file under one of the mounted folders (the theme's static folder, the output folder) and
refuses everything else: other hosts, other schemes, ``..`` escapes. WeasyPrint never opens a
network connection.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside the site's own files."""


def local_path(url: str, mounts: Mapping[str, Path]) -> Path:
    """The file a site URL stands for; raise RefusedURL for anything outside the mounts.

    ``mounts`` maps URL prefixes ending with ``/`` (``https://www.example.fr/theme/``) to folders;
    the longest matching prefix wins.
    """
    parts = urlsplit(url)
    clean = parts._replace(query="", fragment="").geturl()
    for prefix in sorted(mounts, key=len, reverse=True):
        if clean.startswith(prefix):
            root = mounts[prefix].resolve()
            target = (root / unquote(clean[len(prefix) :])).resolve()
            if target.is_relative_to(root) and target.is_file():
                return target
            raise RefusedURL(f"{url}: no such file under {root}")
    raise RefusedURL(f"{url}: not a file of this site (network access is disabled)")
