"""One build's image step: find every ``<img>`` of every content object, check it, make (or take
from the cache) its derivatives, publish them and rewrite the tag.

Errors (missing alt, missing file, path outside content/, remote URL, unreadable or oversized
image) stop the build with every problem listed; an animated image is a warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from guichet.messages import ContentErrors, Problem, warn
from guichet.messages import images as msg

from .digests import file_digest
from .early import EarlyStart
from .markup import (
    Candidate,
    ImgTag,
    find_images_and_links,
    render,
    render_link,
    replace_tags,
)
from .plan import Settings, cache_key, file_stem, pick_candidate
from .process import Failure
from .sources import Found, Refused, resolve
from .store import Cache, Entry, prune_output, publish
from .work import Pool, Progress

CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
    "procedures",
    "counters",
)
"""Attributes of Pelican's generators (and ours) that hold content objects."""


@dataclass
class Use:
    content: object
    shown: str
    """The page's file as staff see it (``content/demarches/x.md``)."""
    tag: ImgTag
    source: Found
    link: bool = False
    """An ``<a href>`` to the image (it then leads to the largest derivative), not an ``<img>``."""

    @property
    def written(self) -> str:
        """The reference as staff wrote it."""
        return (self.tag.attrs.get("href") or "") if self.link else self.tag.src


@dataclass
class Source:
    found: Found
    key: str
    entry: Entry | None = None
    failure: Failure | None = None
    uses: list[Use] = field(default_factory=list)


def content_objects(generators) -> list:
    """Every content object of every generator, once, in a stable order."""
    seen, found = set(), []
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                if id(content) not in seen and getattr(content, "_content", None):
                    seen.add(id(content))
                    found.append(content)
    return found


def run(generators, config: Settings, early: EarlyStart | None = None) -> dict[str, int]:
    """The image step; returns the counts for ``context["guichet_image_stats"]``. ``early``:
    the processes started while the content was read, if any (closed here)."""
    settings = generators[0].settings
    content_root = os.path.abspath(settings["PATH"])
    shown_from = os.path.dirname(content_root)
    if early is None:
        early = EarlyStart(settings, config)
    try:
        uses, problems = _find_uses(content_objects(generators), content_root, shown_from, config)
        # Source digests: remembered while a file is unchanged on disk (a no-op build reads none).
        sources = _sources(uses, config, early.digests.digest)
        early.digests.save()
        cache = early.cache
        processed, cached = _make_or_take(sources, cache, early.pool, config)
    finally:
        early.close()
    for source in sources.values():
        problems += _problems_of(source, config)
    if problems:
        raise ContentErrors(problems)

    output = Path(settings["OUTPUT_PATH"]) / config.output_dir
    base_url = f"{settings['SITEURL'].rstrip('/')}/{config.output_dir}/"
    written: set[str] = set()
    markup: dict[int, list[tuple[ImgTag, str]]] = {}
    first = _first_images(uses)
    for source in sources.values():
        names = publish(cache, source.key, source.entry, file_stem(source.found.name), output)
        written |= set(names.values())
        urls = {d: base_url + name for d, name in names.items()}
        largest = source.entry.of_role("main")[-1]
        for use in source.uses:
            if use.link:
                new = render_link(use.tag, urls[largest])
            else:
                lazy = first[id(use.content)] is not use.tag
                new = _markup(use.tag, source.entry, urls, config, lazy)
            markup.setdefault(id(use.content), []).append((use.tag, new))
    for content in {id(u.content): u.content for u in uses}.values():
        content._content = replace_tags(content._content, markup[id(content)])
        _forget_rendered(content)
    prune_output(output, written)
    cache.prune({s.key for s in sources.values()})
    _drop_originals(generators, content_root, config.source_dir)
    return {"images": len(sources), "processed": processed, "cached": cached}


def _find_uses(contents, content_root, shown_from, config) -> tuple[list[Use], list[Problem]]:
    uses, problems = [], []
    for content in contents:
        shown = os.path.relpath(content.source_path, shown_from)
        page_dir = os.path.dirname(os.path.abspath(content.source_path))
        images, links = find_images_and_links(content._content)
        for tag in images:
            src = tag.src
            if tag.alt is None:
                problems.append(Problem(shown, msg.NO_ALT.format(src=src), None, msg.NO_ALT_HINT))
            found = resolve(src, page_dir, content_root, config.source_dir)
            if isinstance(found, Refused):
                problems.append(_refused(found, src, shown, content_root, page_dir, config))
            elif tag.alt is not None:
                uses.append(Use(content, shown, tag, found))
        for tag in links:
            found = resolve(tag.attrs["href"], page_dir, content_root, config.source_dir)
            if isinstance(found, Found):  # other links are not the images' business
                uses.append(Use(content, shown, tag, found, link=True))
    return uses, problems


def _refused(refused: Refused, src, shown, content_root, page_dir, config) -> Problem:
    folder = config.source_dir
    if refused.kind == "empty":
        return Problem(shown, msg.EMPTY_SRC, None, msg.HOW_TO_INSERT)
    if refused.kind == "remote":
        return Problem(shown, msg.REMOTE.format(src=src), None, msg.HOW_TO_INSERT)
    if refused.kind == "outside_content":
        return Problem(shown, msg.OUTSIDE_CONTENT.format(src=src), None, msg.HOW_TO_INSERT)
    if refused.kind == "outside_images":
        return Problem(
            shown,
            msg.OUTSIDE_IMAGES.format(src=src, folder=folder),
            None,
            msg.OUTSIDE_IMAGES_HINT.format(folder=folder),
        )
    content_name = os.path.basename(content_root)
    return Problem(
        shown,
        msg.MISSING.format(src=src, path=f"{content_name}/{refused.path}"),
        None,
        msg.MISSING_HINT.format(folder=folder),
    )


def _sources(uses: list[Use], config: Settings, digest=file_digest) -> dict[str, Source]:
    """Distinct source files, keyed on their bytes and the options (same file twice: once)."""
    sources: dict[str, Source] = {}
    for use in uses:
        path = use.source.path
        if path not in sources:
            key = cache_key(digest(path), config.options)
            sources[path] = Source(use.source, key)
        sources[path].uses.append(use)
    return dict(sorted(sources.items()))


def _make_or_take(
    sources: dict[str, Source], cache: Cache, pool: Pool, config: Settings
) -> tuple[int, int]:
    """Each source's cache entry, or why it failed; (sources processed, sources cached)."""
    todo: dict[str, str] = {}
    by_key: dict[str, list[Source]] = {}
    cached = 0
    for source in sources.values():
        source.entry = cache.get(source.key)
        if source.entry is None:
            todo[source.key] = source.found.path
            by_key.setdefault(source.key, []).append(source)  # same bytes twice: one job
        else:
            cached += 1
    progress = Progress(len(todo), config.progress_from, msg.PROGRESS)
    try:
        # Each result goes to the cache as it comes, while the processes work on the next.
        for key, result in pool.results(todo, progress):
            entry = None if isinstance(result, Failure) else cache.put(key, result)
            for source in by_key[key]:
                source.failure, source.entry = (result, None) if entry is None else (None, entry)
    finally:
        progress.close()
    return len(todo), cached


def _problems_of(source: Source, config: Settings) -> list[Problem]:
    """Per page using it: why the image cannot be published, or a warning for an animation."""
    problems = []
    for use in source.uses:
        src = use.written
        failure = source.failure
        if failure is None:
            if source.entry.frames > 1 and not use.link:
                frames = source.entry.frames
                text = msg.ANIMATED.format(src=src, frames=frames)
                warn(Problem(use.shown, text, None, msg.ANIMATED_HINT))
            continue
        if failure.kind == "not_image":
            text = msg.NOT_IMAGE.format(src=src)
            problems.append(Problem(use.shown, text, None, msg.NOT_IMAGE_HINT))
        elif failure.kind == "too_large":
            details = failure.details
            limit = f"{config.options.max_pixels / 1e6:g}".replace(".", ",")
            text = (
                msg.TOO_LARGE.format(src=src, width=details["width"], height=details["height"])
                if "width" in details
                else msg.TOO_LARGE_UNKNOWN.format(src=src)
            )
            problems.append(Problem(use.shown, text, None, msg.TOO_LARGE_HINT.format(limit=limit)))
        else:
            detail = msg.CORRUPT_DETAIL.format(error=failure.details.get("error", "?"))
            hint = f"{msg.CORRUPT_HINT}\n    {detail}"
            problems.append(Problem(use.shown, msg.CORRUPT.format(src=src), None, hint))
    return problems


def _first_images(uses: list[Use]) -> dict[int, ImgTag]:
    """The first ``<img>`` of each page, in reading order: loaded at once (it may be on the
    first screen); the others are lazy."""
    first: dict[int, ImgTag] = {}
    for use in uses:
        key = id(use.content)
        if not use.link and (key not in first or use.tag.start < first[key].start):
            first[key] = use.tag
    return first


def _markup(tag: ImgTag, entry: Entry, urls: dict, config: Settings, lazy: bool) -> str:
    def candidates(role: str) -> list[Candidate]:
        return [Candidate(urls[d], d.width, d.height) for d in entry.of_role(role)]

    main = candidates("main")
    lowtech = candidates("lowtech")
    full_link = None
    shown = lowtech or main
    fallback_width = pick_candidate(tuple(c.width for c in shown), config.display_width)
    fallback = next(c for c in shown if c.width == fallback_width)
    if lowtech:
        colour = next(d for d in entry.of_role("main") if d.width == fallback_width)
        size = max(1, round(colour.size / 1000))
        full_link = (urls[colour], msg.LOWTECH_LINK.format(format=colour.format, size=size))
    webp = candidates("webp") if not lowtech else []
    return render(tag, shown, fallback, config.sizes, lazy, webp, full_link)


def _forget_rendered(content) -> None:
    """Drop Pelican's memoised HTML of this object, in case something read it before us."""
    for name in ("get_content", "get_summary"):
        cache = getattr(getattr(content, name, None), "cache", None)
        if cache:
            for key in [k for k in cache if k and k[0] is content]:
                del cache[key]


def _drop_originals(generators, content_root: str, source_dir: str) -> None:
    """Never publish an original (it carries GPS and weighs megabytes): Pelican copies files
    that pages link with ``{static}``, so take those under the images folder off its list."""
    images_root = os.path.join(os.path.realpath(content_root), source_dir) + os.sep
    for generator in generators:
        files = getattr(generator, "staticfiles", None)
        if files:
            kept = [f for f in files if not os.path.realpath(f.source_path).startswith(images_root)]
            generator.staticfiles[:] = kept
