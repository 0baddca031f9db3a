"""Compare HTML minifiers on the sample town: gzip bytes, correctness, time per page.

Not part of the build. htmlmin is not a dependency: install it apart for the measurement,
e.g. ``pip install --target /tmp/htmlmin htmlmin2==0.1.13`` and run
``PYTHONPATH=/tmp/htmlmin .venv/bin/python bench/minify_compare.py``. Without it, only
minify-html is measured.

Builds the sample town without minify/precompress/checks, then minifies every page with each
variant. Correctness: the words a reader sees (inline elements must not glue words together),
every ``<pre>``/``<textarea>`` text kept byte for byte, and two probes.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import minify_html

from guichet_plugins.minify.minify import HTML_OPTIONS, minify_html_text

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = {
    *("address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl"),
    *("dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"),
    *("h6", "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section"),
    *("summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "meta"),
    "link",
}
PROBE_INLINE = '<p>Le <strong>guichet</strong>\n<a href="/x/">ouvre</a> à <em>8h30</em>.</p>'
"""A Markdown paragraph: a soft line break between two inline elements is a space."""
PROBE_PRE = "<pre>  lundi    8h30\n\n  mardi\t9h00\n</pre>"


class _Text(HTMLParser):
    """Words as a reader sees them (block boundaries separate words), and raw <pre> texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pre: list[str] = []
        self.in_pre = 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("pre", "textarea"):
            self.in_pre += 1
            self.pre.append("")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("pre", "textarea"):
            self.in_pre -= 1

    def handle_data(self, data):
        self.parts.append(data)
        if self.in_pre:
            self.pre[-1] += data


def reading(html: str) -> tuple[list[str], list[str]]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).split(), parser.pre


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def variants() -> dict:
    found = {
        "minify-html (Guichet options)": minify_html_text,
        "minify-html, closing tags kept": lambda t: minify_html.minify(
            t, **HTML_OPTIONS | {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True}
        ),
    }
    try:
        import htmlmin
    except ImportError:
        print("htmlmin not importable: only minify-html measured", file=sys.stderr)
        return found
    found["htmlmin2 0.1.13 (comments removed)"] = lambda t: htmlmin.minify(t, remove_comments=True)
    found["htmlmin2 0.1.13 remove_empty_space"] = lambda t: htmlmin.minify(
        t, remove_comments=True, remove_empty_space=True
    )
    return found


def build_unminified(out: Path) -> None:
    settings = out.parent / "bench_settings.py"
    settings.write_text(
        "from guichet.settings import inherit\nfrom guichet_plugins import plugin_of\n"
        f"globals().update(inherit({str(ROOT / 'pelicanconf.py')!r}))\n"
        "PLUGINS = [p for p in PLUGINS\n"
        "           if plugin_of(p) not in ('minify', 'precompress', 'checks')]\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "guichet", "build", "--settings", str(settings)]
    command += ["--content", str(ROOT / "content"), "--output", str(out)]
    command += ["--cache", str(out.parent / "cache")]
    subprocess.run(
        command,
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1795478400"},
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "output"
        build_unminified(out)
        pages = {p: p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))}
    print(f"{len(pages)} pages, {sum(map(len, pages.values()))} characters unminified\n")
    originals = {p: reading(t) for p, t in pages.items()}
    base_gz = sorted(gz(t) for t in pages.values())
    print(
        f"unminified: gzip total {sum(base_gz)} B, median page {statistics.median(base_gz)} B, "
        f"max {base_gz[-1]} B\n"
    )
    print(
        "| minifier | bytes (total) | gzip total | gzip median page | gzip max page "
        "| µs per page (best of 7) | pages with words glued or lost | <pre> kept | "
        "inline probe |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, minify in variants().items():
        outputs = {p: minify(t) for p, t in pages.items()}
        timings = []
        for _ in range(7):
            started = time.perf_counter()
            for text in pages.values():
                minify(text)
            timings.append((time.perf_counter() - started) / len(pages) * 1e6)
        sizes = sorted(gz(t) for t in outputs.values())
        broken = sum(reading(outputs[p])[0] != originals[p][0] for p in pages)
        pre_doc = f"<!doctype html><title>t</title>{PROBE_PRE}"
        pre_ok = reading(minify(pre_doc))[1] == reading(pre_doc)[1]
        inline = " ".join(reading(minify(PROBE_INLINE))[0])
        print(
            f"| {name} | {sum(len(t.encode()) for t in outputs.values())} | {sum(sizes)} "
            f"| {statistics.median(sizes)} | {sizes[-1]} | {min(timings):.0f} "
            f"| {broken} | {'yes' if pre_ok else 'NO'} | {re.sub(r'[|]', '/', inline)} |"
        )


if __name__ == "__main__":
    main()
