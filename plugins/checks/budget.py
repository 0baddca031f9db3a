"""Budgets of a built site: first-view weight, image weight, no script, nothing from elsewhere.

Pure functions over the output folder: nothing here imports Pelican. Each broken budget is a
:class:`~guichet.messages.Problem` whose source is the output file to look at.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from guichet.messages import Problem
from guichet.messages import checks as msg

from .memo import ScanMemo
from .scan import css_imports, css_urls, host_of, is_javascript, pick_candidate


@dataclass(frozen=True)
class Budgets:
    first_view_bytes: int = 14_600
    """HTML + its stylesheets, gzip: 10 TCP segments of 1460 bytes, one round trip."""
    image_bytes: int = 40_000
    """The image a 360 px wide phone loads."""
    image_width: int = 360


@dataclass(frozen=True)
class FirstView:
    """What a browser fetches before the first paint of a page, images aside."""

    html: int
    """The page's bytes as served: its ``.gz`` (nginx ``gzip_static``), else gzip -9."""
    css: int
    """Its same-site stylesheets and their ``@import``s, each once, as served."""
    missing: tuple[str, ...] = ()
    """Site paths of linked stylesheets that are not in the output (counted 0)."""

    @property
    def total(self) -> int:
        return self.html + self.css


def gzip_size(data: bytes) -> int:
    """Bytes on the wire with gzip -9 (what precompress writes for nginx)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def served_gzip_size(page: Path, data: bytes) -> int:
    """The size of the ``.gz`` beside ``page`` (what nginx sends), when it holds exactly
    ``data``; else the size gzip -9 gives. Checking costs a decompression, ~5 times less than
    compressing again; a stale, foreign or damaged ``.gz`` is not trusted."""
    try:
        packed = page.with_name(page.name + ".gz").read_bytes()
    except OSError:
        return gzip_size(data)
    reader = zlib.decompressobj(wbits=31)  # one gzip member, no more than data's length + 1
    try:
        unpacked = reader.decompress(packed, len(data) + 1)
    except zlib.error:
        return gzip_size(data)
    if unpacked == data and reader.eof and not reader.unused_data:
        return len(packed)
    return gzip_size(data)


def url_of(relpath: str) -> str:
    """Output file → the address residents type: ``demarches/x/index.html`` → ``/demarches/x/``."""
    url = "/" + PurePosixPath(relpath).as_posix()
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def site_path(url: str, base: str, own_hosts: frozenset[str]) -> str | None:
    """The path on this site (``/theme/s.css``) a URL names, relative to the page at ``base``;
    None for another host or scheme."""
    parts = urlsplit(urljoin(base, url.strip()))
    if parts.scheme not in ("", "http", "https"):
        return None
    if parts.netloc and (parts.hostname or "") not in own_hosts:
        return None
    path = unquote(parts.path)
    return path + "index.html" if path.endswith("/") else path


def file_at(path: str, resolved_root: Path) -> Path | None:
    """The existing file under ``resolved_root`` (already resolved) that ``path`` names, never
    one outside it (``..``, symbolic links)."""
    candidate = (resolved_root / path.lstrip("/")).resolve()
    if not candidate.is_relative_to(resolved_root) or not candidate.is_file():
        return None
    return candidate


def external_host(url: str, own_hosts: frozenset[str]) -> str | None:
    """The other host ``url`` reaches, or None when it stays on this site."""
    host = host_of(url)
    return host if host and host.lower() not in own_hosts else None


class SiteChecker:
    """Checks every page of one output folder; remembers each stylesheet's weight."""

    def __init__(
        self,
        root: Path,
        budgets: Budgets,
        own_hosts: frozenset[str],
        label: str,
        memo: ScanMemo | None = None,
    ):
        self.root = Path(root)
        self.memo = memo or ScanMemo(None)
        """Scans of pages whose bytes did not change since the last build (memo.py)."""
        self.budgets = budgets
        self.own_hosts = frozenset(h.lower() for h in own_hosts)
        self.label = label
        """How the output folder is named in messages (``output``)."""
        self._css: dict[Path, tuple[int, list[Path], list[Problem]]] = {}
        self._resolved_root = self.root.resolve()
        self._files: dict[str, Path | None] = {}
        """Site path → output file: the same stylesheet is linked from every page."""

    def source(self, path: Path) -> str:
        return f"{self.label}/{path.resolve().relative_to(self._resolved_root).as_posix()}"

    def _local_file(self, url: str, base: str) -> Path | None:
        path = site_path(url, base, self.own_hosts)
        if path is None:
            return None
        if path not in self._files:
            self._files[path] = file_at(path, self._resolved_root)
        return self._files[path]

    def check_site(self) -> list[Problem]:
        problems: list[Problem] = []
        for page in sorted(self.root.rglob("*.html")):
            if page.is_file():
                problems += self.check_page(page)
        return list(dict.fromkeys(problems))  # a stylesheet's problems are named once

    def first_view(self, page: Path) -> FirstView:
        """The first view of ``page`` (a file under the root): the weight the budget check, the
        theme's tests and bench all measure."""
        data = page.read_bytes()
        scan, page_gzip = self.memo.scan(data, lambda same: served_gzip_size(page, same))
        base = "/" + page.relative_to(self.root).as_posix()
        return self._first_view(scan, base, page_gzip)[0]

    def _first_view(self, scan, base: str, page_gzip: int) -> tuple[FirstView, list[Problem]]:
        """The page's first view, and its stylesheets' problems."""
        css_total, seen, problems, missing = 0, set(), [], []
        for href in scan.stylesheets:
            css = self._local_file(href, base)
            if css is None and (path := site_path(href, base, self.own_hosts)) is not None:
                missing.append(path)
            for sheet in self._with_imports(css, seen):
                size, _, sheet_problems = self._stylesheet(sheet)
                css_total += size
                problems += sheet_problems
        return FirstView(page_gzip, css_total, tuple(missing)), problems

    def check_page(self, page: Path) -> list[Problem]:
        relpath = page.relative_to(self.root).as_posix()  # pages come from check_site's walk
        base, url, source = "/" + relpath, url_of(relpath), f"{self.label}/{relpath}"
        data = page.read_bytes()
        scan, page_gzip = self.memo.scan(data, lambda same: served_gzip_size(page, same))
        problems = []
        if scan.scripts:
            problems.append(self._script(source, msg.SCRIPT.format(url=url, count=scan.scripts)))
        for where in sorted(set(scan.handlers)):
            problems.append(self._script(source, msg.HANDLER.format(url=url, where=where)))
        for where in sorted(set(scan.javascript_urls)):
            problems.append(self._script(source, msg.JAVASCRIPT_URL.format(url=url, where=where)))
        for resource in scan.resources:
            host = external_host(resource.url, self.own_hosts)
            if host:
                text = msg.EXTERNAL.format(
                    url=url, resource=resource.url, where=resource.where, host=host
                )
                problems.append(Problem(source, text, hint=msg.EXTERNAL_HINT))
        first_view, sheet_problems = self._first_view(scan, base, page_gzip)
        problems += sheet_problems + self._over_budget(source, url, first_view)
        for image in scan.images:
            problems += self._image(image, base, source)
        return problems

    def _script(self, source: str, text: str) -> Problem:
        return Problem(source, text, hint=msg.SCRIPT_HINT)

    def _over_budget(self, source: str, url: str, view: FirstView) -> list[Problem]:
        budget, page, css = self.budgets.first_view_bytes, view.html, view.css
        if view.total <= budget:
            return []
        text = msg.FIRST_VIEW.format(
            url=url,
            total=msg.kilobytes(page + css),
            page=msg.kilobytes(page),
            css=msg.kilobytes(css),
            budget=msg.kilobytes(budget),
        )
        return [Problem(source, text, hint=msg.FIRST_VIEW_HINT)]

    def _image(self, image, base: str, source: str) -> list[Problem]:
        chosen = pick_candidate(image.candidates, self.budgets.image_width)
        if chosen is None or is_javascript(chosen):
            return []
        path = self._local_file(chosen, base)
        if path is None:  # another host (reported above) or missing (the links check's job)
            return []
        size = path.stat().st_size
        if size <= self.budgets.image_bytes:
            return []
        width = dict(image.candidates).get(chosen)
        version = msg.IMAGE_VERSION_WIDTH.format(width=width) if width else msg.IMAGE_VERSION_ONLY
        text = msg.IMAGE.format(
            file=self.source(path),
            version=version,
            size=msg.kilobytes(size),
            budget=msg.kilobytes(self.budgets.image_bytes),
        )
        return [Problem(source, text, hint=msg.IMAGE_HINT)]

    def _with_imports(self, css: Path | None, seen: set[Path]) -> list[Path]:
        """``css`` and the stylesheets it imports, each once per page."""
        if css is None or css in seen:
            return []
        seen.add(css)
        sheets = [css]
        for imported in self._stylesheet(css)[1]:
            sheets += self._with_imports(imported, seen)
        return sheets

    def _stylesheet(self, css: Path) -> tuple[int, list[Path], list[Problem]]:
        """gzip size, imported stylesheets, and problems (once per site: see check_site)."""
        if css in self._css:
            return self._css[css]
        data = css.read_bytes()
        text = data.decode("utf-8", errors="replace")
        base = "/" + css.relative_to(self._resolved_root).as_posix()
        imports = [p for p in (self._local_file(u, base) for u in css_imports(text)) if p]
        problems = []
        for resource in css_urls(text):
            host = external_host(resource, self.own_hosts)
            if host:
                text_ = msg.EXTERNAL_IN_CSS.format(url=base, resource=resource, host=host)
                problems.append(Problem(self.source(css), text_, hint=msg.EXTERNAL_HINT))
        self._css[css] = (served_gzip_size(css, data), imports, problems)
        return self._css[css]
