"""Figures for BENCHMARKS.md: first-view bytes before/after minify, and what minify, precompress
and checks add to a sample-town build.

``.venv/bin/python bench/weight_figures.py`` — builds the sample town several times (a minute).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guichet_plugins.checks.budget import Budgets, SiteChecker, gzip_size, local_file
from guichet_plugins.checks.scan import scan_html
from guichet_plugins.minify.minify import minify_css_text, minify_html_text, rewrite_file
from guichet_plugins.precompress.compress import BROTLI, GZIP, precompress_tree

ROOT = Path(__file__).resolve().parent.parent
WEIGHT = ("minify", "precompress", "checks")
ENCODINGS = [GZIP, BROTLI]
TEXT = [".html", ".css", ".xml", ".txt", ".svg"]


def best(function, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def settings_without(folder: Path, plugins: tuple[str, ...]) -> Path:
    path = folder / f"settings_{len(plugins)}.py"
    path.write_text(
        "from guichet.settings import inherit\nfrom guichet_plugins import plugin_of\n"
        f"globals().update(inherit({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PLUGINS = [p for p in PLUGINS if plugin_of(p) not in {plugins!r}]\n",
        encoding="utf-8",
    )
    return path


def build(settings: Path, out: Path, cache: Path) -> float:
    command = [sys.executable, "-m", "guichet", "build", "--settings", str(settings)]
    command += ["--content", str(ROOT / "content"), "--output", str(out), "--cache", str(cache)]
    started = time.perf_counter()
    subprocess.run(
        command,
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1795478400"},
    )
    return time.perf_counter() - started


def first_views(out: Path) -> tuple[list[int], list[int]]:
    """Per page: HTML bytes, and gzip bytes of HTML + linked stylesheets."""
    raw, views = [], []
    for page in sorted(out.rglob("*.html")):
        data = page.read_bytes()
        base = "/" + page.relative_to(out).as_posix()
        sheets = [
            local_file(h, base, out, frozenset()) for h in scan_html(data.decode()).stylesheets
        ]
        raw.append(len(data))
        views.append(gzip_size(data) + sum(gzip_size(s.read_bytes()) for s in sheets if s))
    return raw, views


def main() -> None:
    """Timings are taken in-process (best of 5) on the machine's noisy shared cores: the build
    itself through the real command, each step on the built output with the plugins' functions."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        settings, cache, out = settings_without(tmp, WEIGHT), tmp / "cache", tmp / "out"
        build(settings, out, cache)
        base = min(build(settings, out, cache) for _ in range(5))
        raw, views = first_views(out)
        print(f"build without minify/precompress/checks: {base:.3f} s (best of 5, warm cache)")
        print(
            f"  unminified: HTML {sum(raw)} B in {len(raw)} pages; first view (HTML + CSS, "
            f"gzip) median {statistics.median(views):.0f} B, max {max(views)} B"
        )
        pristine = tmp / "pristine"
        shutil.copytree(out, pristine)

        def minify_all() -> float:
            shutil.rmtree(out)
            shutil.copytree(pristine, out)
            started = time.perf_counter()
            for page in out.rglob("*.html"):
                rewrite_file(page, minify_html_text)
            for sheet in out.rglob("*.css"):
                rewrite_file(sheet, minify_css_text)
            return time.perf_counter() - started

        minify = min(minify_all() for _ in range(5))
        raw, views = first_views(out)
        print(
            f"  minified: HTML {sum(raw)} B; first view median {statistics.median(views):.0f} B, "
            f"max {max(views)} B"
        )

        def cold() -> None:
            for packed in [*out.rglob("*.gz"), *out.rglob("*.br")]:
                packed.unlink()
            precompress_tree(out, TEXT, ENCODINGS, 256)

        gzip_only = best(
            lambda: (
                [p.unlink() for p in out.rglob("*.gz")],
                precompress_tree(out, TEXT, [GZIP], 256),
            )
        )
        cold_time = best(cold)
        warm_time = best(lambda: precompress_tree(out, TEXT, ENCODINGS, 256))
        checks = best(lambda: SiteChecker(out, Budgets(), frozenset(), "out").check_site())
        for name, seconds in [
            ("minify (all pages + CSS)", minify),
            ("precompress .gz only, cold", gzip_only),
            ("precompress .gz + .br, cold", cold_time),
            ("precompress .gz + .br, rebuild (unchanged)", warm_time),
            ("checks", checks),
        ]:
            print(f"  {name}: {seconds * 1000:.0f} ms = {seconds / base:.2f} × the build")


if __name__ == "__main__":
    main()
