"""WeasyPrint against Typst on the same flyers: CPU time per flyer, in one process, interleaved.

    python -m bench.pdf_engines OUTPUT [--limit N] [--rounds R]

OUTPUT is a built site (``make html``, or a bench town's output). Every flyer page
(``demarches/<slug>/fiche/index.html``) is, in turn:
  * laid out and written by WeasyPrint as the print plugin does (``print.render``: parsed
    stylesheets reused, PDF/UA-1), once: what a flyer that fits on its first try costs;
  * read into a plain data structure (title, summary, cost, delay, documents, steps, free text,
    counters with address, phone, hours, closures) and compiled by Typst (PyPI ``typst``, one
    reused ``Compiler``, ``bench/flyer.typ``, PDF/UA-1, fixed timestamp).
Engines alternate flyer by flyer, so the machine's load falls on both alike. Reported: CPU
seconds per flyer (median, mean), pages, PDF bytes, and what 1,000 flyers would cost on two
cores at that rate. The data extraction is not timed (the plugin would build it from the
content objects directly).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("flyer.typ")


def _text(node) -> str:
    return " ".join((node.text(separator=" ") if node is not None else "").split())


def flyer_data(html: str) -> dict:
    """What the flyer page shows, as plain data (the Typst template's input)."""
    tree = LexborHTMLParser(html)
    flyer = tree.css_first("main.flyer")
    facts = [_text(dd) for dd in flyer.css(".facts dd")]
    counters = []
    for counter in flyer.css(".counter"):
        address = counter.css_first(".address")
        counters.append(
            {
                "name": _text(counter.css_first("h3")),
                "address": [
                    _text(LexborHTMLParser(part).body)
                    for part in (address.inner_html or "").split("<br>")
                ],
                "phone": _text(counter.css_first(".phone a")),
                "closures": [_text(li) for li in counter.css(".closures li")],
                "hours": [
                    [_text(tr.css_first("th")), _text(tr.css_first("td"))]
                    for tr in counter.css(".hours tr")
                ],
            }
        )
    who, good = flyer.css_first(".who"), flyer.css_first(".good-to-know")
    for section in (who, good):
        if section is not None and section.css_first("h2") is not None:
            section.css_first("h2").decompose()
    return {
        "town": _text(flyer.css_first(".town")),
        "theme": _text(flyer.css_first(".kind")).replace("Fiche pratique · ", ""),
        "author": (tree.css_first('meta[name="author"]').attributes.get("content") or ""),
        "title": _text(flyer.css_first("h1")),
        "summary": _text(flyer.css_first(".summary")),
        "cost": facts[0],
        "delay": facts[1],
        "who": _text(who) if who is not None else None,
        "documents": [_text(li) for li in flyer.css(".documents li")],
        "steps": [_text(li) for li in flyer.css(".steps li")],
        "good_to_know": _text(good) if good is not None else None,
        "counters": counters,
        "web": _text(flyer.css_first(".web strong")),
        "verified": _text(flyer.css_first(".dates")).replace("Vérifié le ", "").split(" · ")[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="at most this many flyers")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    import io

    import typst
    from pypdf import PdfReader

    from tests.print.weasy import print_page

    site = args.output.resolve()
    pages = sorted(site.glob("demarches/*/fiche/index.html"))
    if args.limit:
        pages = pages[: args.limit]
    public = "https://www.val-daurore.fr/"
    mounts = {public: site}
    compiler = typst.Compiler(str(TEMPLATE), root=str(TEMPLATE.parent))
    cpu = {"weasyprint": [], "typst": []}
    sizes = {"weasyprint": [], "typst": []}
    counts = {"weasyprint": [], "typst": []}
    for index, path in enumerate(pages):
        html = path.read_text(encoding="utf-8")
        data = json.dumps(flyer_data(html), ensure_ascii=False)
        base = public + str(path.parent.relative_to(site)) + "/"
        runs = [
            ("weasyprint", lambda h=html, b=base: print_page(h, b, mounts)),
            (
                "typst",
                lambda d=data: compiler.compile(
                    format="pdf", pdf_standards=["ua-1"], timestamp=0, sys_inputs={"data": d}
                ),
            ),
        ]
        if index % 2:
            runs.reverse()
        for engine, run in runs:
            start = time.process_time()
            pdf = run()
            cpu[engine].append(time.process_time() - start)
            sizes[engine].append(len(pdf))
            counts[engine].append(len(PdfReader(io.BytesIO(pdf)).pages))
    figures = {}
    for engine in cpu:
        times = cpu[engine][1:] or cpu[engine]  # the first flyer warms fonts and caches up
        figures[engine] = {
            "flyers": len(cpu[engine]),
            "median_ms": round(1000 * statistics.median(times), 1),
            "mean_ms": round(1000 * statistics.mean(times), 1),
            "first_ms": round(1000 * cpu[engine][0], 1),
            "pages": dict(sorted((n, counts[engine].count(n)) for n in set(counts[engine]))),
            "mean_kb": round(statistics.mean(sizes[engine]) / 1024, 1),
            "thousand_on_two_cores_s": round(statistics.mean(times) * 1000 / 2, 1),
        }
    ratio = figures["weasyprint"]["mean_ms"] / max(figures["typst"]["mean_ms"], 0.001)
    figures["weasyprint_over_typst"] = round(ratio, 1)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
