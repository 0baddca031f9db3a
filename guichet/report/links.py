"""Links of a page: which point to a page of the site that does not exist, which leave the site.

Pure: the set of the site's URLs is computed by the caller from the settings and the files.
Other sites cannot be checked during a build (no network); they are listed for a yearly check.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

PELICAN_TARGETS = ("{filename}", "{static}", "{attach}")
IGNORED_SCHEMES = ("mailto:", "tel:", "sms:", "#")


@dataclass(frozen=True)
class LinkCheck:
    kind: str
    """``external`` (another site), ``broken`` (a page or file of the site that does not
    exist), ``ok`` or ``ignored`` (e-mail, phone, anchor)."""
    target: str
    """What was checked: the URL, or the content file a ``{filename}`` link points to."""


def normalise_url(path: str) -> str:
    """``/demarches/x``, ``/demarches/x/index.html`` → ``/demarches/x/``."""
    path = urlsplit(path).path or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if not PurePosixPath(path).suffix and not path.endswith("/"):
        path += "/"
    return path


DOCUMENTS_DIR = "documents"
"""content/documents/, linked as images are (plugins/documents): ``documents/x.pdf`` from the
content folder, ``/documents/x.pdf``, or ``../documents/x.pdf`` from the page's folder."""


def document_file(href: str, source_dir: str) -> str | None:
    """The content file a link to a document names (``documents/x.pdf``), or None."""
    path = urlsplit(href).path
    if path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/"))
    elif path.startswith(("./", "../")):
        resolved = posixpath.normpath(posixpath.join(source_dir, path))
    else:
        resolved = posixpath.normpath(path) if path else ""
    return resolved if resolved.split("/", 1)[0] == DOCUMENTS_DIR and "/" in resolved else None


def check_link(
    href: str,
    page_url: str,
    source_dir: str,
    site_urls: frozenset[str],
    content_files: frozenset[str],
) -> LinkCheck:
    """Classify one ``href`` of the page at ``page_url`` (``/demarches/x/``).

    ``source_dir`` is the folder of the Markdown file, relative to the content folder
    (``demarches``); ``content_files`` are the content folder's files, relative to it.
    """
    href = href.strip()
    lowered = href.lower()
    if not href or lowered.startswith(IGNORED_SCHEMES):
        return LinkCheck("ignored", href)
    if lowered.startswith(("http://", "https://", "//")):
        return LinkCheck("external", href)
    for marker in PELICAN_TARGETS:
        if href.startswith(marker):
            target = urlsplit(href[len(marker) :]).path
            if target.startswith("/"):
                resolved = posixpath.normpath(target.lstrip("/"))
            else:
                resolved = posixpath.normpath(posixpath.join(source_dir, target))
            return LinkCheck("ok" if resolved in content_files else "broken", resolved)
    if urlsplit(href).scheme:  # ftp:, data:… : not a page of the site, not checked
        return LinkCheck("ignored", href)
    document = document_file(href, source_dir)
    if document:
        return LinkCheck("ok" if document in content_files else "broken", document)
    url = normalise_url(urljoin(page_url, href))
    return LinkCheck("ok" if url in site_urls else "broken", url)
