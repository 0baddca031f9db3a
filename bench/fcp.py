"""First contentful paint on a slow link: Guichet's ways of shipping its stylesheet against
plain Pelican's "simple" theme (HTML only), measured in Chromium (issue 16).

``python -m bench.fcp`` (or ``make bench-fcp``; ``make bench`` runs it after the build bench):

1. a small synthetic town (bench/make_town.py), built four times: Guichet with
   ``GUICHET_STYLESHEET`` = inline (the default), link (the sheet in a ``<link>``, as before)
   and split (the part before the fold marker inline, the sheet linked at the end of
   ``<body>``), and plain Pelican;
2. each output served by its own Debian nginx with deploy/nginx.conf (deploy/serve-local.sh,
   ``gzip_static``), side by side on loopback; the CSP is given the hashes of the three ways;
3. Debian's Chromium through Playwright, a 360×640 phone, cache off, CDP
   ``Network.emulateNetworkConditions`` (DevTools' « Slow 3G »: 400 kbit/s, 2,000 ms; « 2G »
   EDGE: 240 kbit/s, 800 ms); one fresh context per load; the sites interleaved load by load;
   FCP from ``performance.getEntriesByName("first-contentful-paint")``; bytes from CDP
   ``Network.loadingFinished`` (headers included);
4. a repeat visit: a second page in the same context, cache on: what the stylesheet costs
   once it could be cached.

Results: bench/results/fcp.json and the « First paint » section of BENCHMARKS.md, between its
own markers (the build bench's report leaves it alone).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import builds
from bench.make_town import make_town

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
BEGIN, END = "<!-- fcp:begin -->", "<!-- fcp:end -->"
STRATEGIES = ("inline", "split", "link")
PROFILES = {
    "slow3g": {"latency": 2000, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8},
    "2g": {"latency": 800, "downloadThroughput": 240_000 / 8, "uploadThroughput": 240_000 / 8},
}
LABELS = {"slow3g": "Slow 3G (400 kbit/s, 2,000 ms)", "2g": "2G/EDGE (240 kbit/s, 800 ms)"}


@dataclass(frozen=True)
class PageType:
    name: str
    guichet: str
    plain: str
    """The plain Pelican page of the same kind (its baseline)."""


def page_types(slug: str, theme: str) -> list[PageType]:
    """Every kind of page residents open, with plain Pelican's nearest kind."""
    return [
        PageType("home", "/", "/"),
        PageType("procedure", f"/demarches/{slug}/", f"/{slug}.html"),
        PageType("counter", "/guichets/mairie/", "/pages/mairie.html"),
        PageType("procedures index", "/demarches/", "/archives.html"),
        PageType("A–Z", "/demarches/a-z/", "/archives.html"),
        PageType("theme", f"/themes/{theme}/", f"/category/{theme}.html"),
        PageType("site map", "/plan-du-site/", "/archives.html"),
        PageType("content page", "/mentions-legales/", "/pages/mentions-legales.html"),
    ]


def guichet_settings(folder: Path, strategy: str) -> Path:
    """Guichet's configured plugins but the heavy ones (no photos, no flyers are needed)."""
    base = [p for p in builds.base_plugins() if p not in builds.HEAVY]
    path = builds.write_guichet_settings(folder, f"fcp-{strategy}", base)
    path.write_text(
        path.read_text(encoding="utf-8") + f"GUICHET_STYLESHEET = {strategy!r}\n", encoding="utf-8"
    )
    return path


def build_sites(work: Path, procedures: int) -> tuple[dict[str, Path], str, str]:
    town = make_town(work / "town", procedures=procedures, counters=3, photos=0)
    sites: dict[str, Path] = {}
    for strategy in STRATEGIES:
        settings = guichet_settings(work / "settings", strategy)
        out, cache = work / "out" / strategy, work / "cache" / strategy
        builds.wipe(out, cache)
        measure = builds.measure(
            builds.guichet_command(settings, work / "town" / "guichet", out, cache)
        )
        if not measure.ok:
            raise SystemExit(f"bench: Guichet ({strategy}) failed: {measure.error}")
        sites[strategy] = out
    settings = builds.write_plain_settings(work / "settings")
    out, cache = work / "out" / "plain", work / "cache" / "plain"
    builds.wipe(out, cache)
    measure = builds.measure(builds.plain_command(settings, work / "town" / "pelican", out, cache))
    if not measure.ok:
        raise SystemExit(f"bench: plain Pelican failed: {measure.error}")
    sites["plain"] = out
    slug = town.slugs[len(town.slugs) // 2]
    theme = re.search(
        r"^Theme: (\S+)",
        (work / "town" / "guichet" / "demarches" / f"{slug}.md").read_text(encoding="utf-8"),
        re.M,
    ).group(1)
    return sites, slug, theme


def style_hashes(sites: dict[str, Path]) -> list[str]:
    """The CSP sources of every ``<style>`` the built sites hold (one per strategy)."""
    from guichet_plugins.minify.inline import csp_hash

    found = set()
    for site in sites.values():
        for page in site.rglob("*.html"):
            for text in re.findall(r"<style>(.*?)</style>", page.read_text(encoding="utf-8"), re.S):
                found.add(csp_hash(text))
    return sorted(found)


class Servers:
    """One nginx per site (deploy/serve-local.sh --background), stopped on exit."""

    def __init__(self, sites: dict[str, Path], work: Path):
        self.sites, self.work, self.pidfiles, self.bases = sites, work, [], {}

    def __enter__(self) -> Servers:
        conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        sources = " ".join(style_hashes(self.sites))
        conf = re.sub(r"'sha256-[A-Za-z0-9+/]+=*'", sources, conf, count=1)
        conf_path = self.work / "nginx-bench.conf"
        conf_path.write_text(conf, encoding="utf-8")
        for name, site in self.sites.items():
            port = free_port()
            prefix = Path(tempfile.mkdtemp(prefix=f"guichet-fcp-{name}-"))
            env = {
                **os.environ,
                "GUICHET_NGINX_PREFIX": str(prefix),
                "GUICHET_NGINX_CONF": str(conf_path),
            }
            subprocess.run(
                [
                    "sh",
                    str(ROOT / "deploy" / "serve-local.sh"),
                    "--background",
                    str(port),
                    str(site),
                ],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=30,
            )
            self.pidfiles.append(prefix / "nginx.pid")
            self.bases[name] = f"http://127.0.0.1:{port}"
        time.sleep(0.3)
        return self

    def __exit__(self, *exc) -> None:
        for pidfile in self.pidfiles:
            try:
                os.kill(int(pidfile.read_text().strip()), signal.SIGQUIT)  # workers end too
            except (OSError, ValueError):
                continue
            for _ in range(100):  # nginx removes its pidfile once every process has ended
                if not pidfile.exists():
                    break
                time.sleep(0.05)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load(browser, url: str, profile: str, repeat_url: str | None = None) -> dict:
    """One cold load of ``url`` (and, with ``repeat_url``, a second page, cache on)."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        sizes: dict[str, float] = {}
        urls: dict[str, str] = {}
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: urls.__setitem__(e["requestId"], e["request"]["url"].split("/", 3)[-1]),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
        )
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **PROFILES[profile]})
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_timeout(500)  # requests made after load (the icon) belong to this page
        first = {
            "fcp": fcp(page),
            "bytes": sum(sizes.values()),
            "requests": len(sizes),
            "urls": sorted("/" + urls.get(r, "?") for r in sizes),
        }
        if repeat_url is None:
            return first
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        sizes.clear()
        page.goto(repeat_url, wait_until="load", timeout=120_000)
        page.wait_for_timeout(500)
        return {
            **first,
            "repeat_fcp": fcp(page),
            "repeat_bytes": sum(sizes.values()),
            "repeat_requests": len(sizes),
            "repeat_urls": sorted("/" + urls.get(r, "?") for r in sizes),
        }
    finally:
        context.close()


def fcp(page) -> float:
    for _ in range(50):
        value = page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0"
        )
        if value:
            return round(value)
        page.wait_for_timeout(100)
    return 0.0


def measure(bases: dict[str, str], types: list[PageType], profiles, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    raw: dict = {p: {t.name: {s: [] for s in bases} for t in types} for p in profiles}
    repeat: dict = {s: [] for s in bases}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for profile in profiles:
                for run in range(runs):
                    for kind in types:
                        for site, base in bases.items():  # interleaved, load by load
                            path = kind.plain if site == "plain" else kind.guichet
                            raw[profile][kind.name][site].append(
                                load(browser, base + path, profile)
                            )
                    print(f"bench-fcp: {profile} run {run + 1}/{runs}", flush=True)
            for site, base in bases.items():
                first = types[0].plain if site == "plain" else types[0].guichet
                second = types[1].plain if site == "plain" else types[1].guichet
                repeat[site].append(load(browser, base + first, "slow3g", base + second))
        finally:
            browser.close()
    return {"raw": raw, "repeat": repeat}


def summarise(results: dict, types: list[PageType]) -> dict:
    table: dict = {}
    for profile, kinds in results["raw"].items():
        table[profile] = {}
        for kind in types:
            row = {}
            for site, loads in kinds[kind.name].items():
                row[site] = {
                    "fcp": statistics.median(x["fcp"] for x in loads),
                    "bytes": statistics.median(x["bytes"] for x in loads),
                    "requests": max(x["requests"] for x in loads),
                }
            for site in STRATEGIES:
                row[site]["ratio"] = round(row[site]["fcp"] / row["plain"]["fcp"], 3)
            table[profile][kind.name] = row
    repeat = {site: loads[0] for site, loads in results["repeat"].items()}
    return {"table": table, "repeat": repeat}


def render(summary: dict, meta: dict) -> str:
    lines = [
        BEGIN,
        "",
        f"## First paint on a slow link — {meta['date']} (issue 16, `make bench-fcp`)",
        "",
        f"Town of {meta['procedures']} procedures (bench/make_town.py), Chromium "
        f"{meta['chromium']} as a 360×640 phone, cache off, one fresh context per load, DevTools' "
        "network emulation over CDP, Debian's nginx with deploy/nginx.conf on loopback "
        f"(`gzip_static`), median of {meta['runs']} interleaved loads; commit {meta['commit']}. "
        "FCP in ms; ratio = Guichet's FCP / plain Pelican « simple » (HTML only, no stylesheet) "
        "for the same kind of page in the same run; bytes = all responses of the load, gzip, "
        "headers included. Strategies: **inline** (the whole sheet in each page, the default), "
        "**split** (the part before the fold inline, the sheet linked at the end of `<body>`), "
        "**link** (a `<link>` in `<head>`, as before).",
        "",
    ]
    for profile, rows in summary["table"].items():
        lines += [
            f"### {LABELS[profile]}",
            "",
            "| page | plain FCP | inline FCP (ratio) | split FCP (ratio) | link FCP (ratio) "
            "| bytes plain / inline / split / link |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for kind, row in rows.items():
            cells = [f"{row[s]['fcp']:,.0f} ({row[s]['ratio']:.2f})" for s in STRATEGIES]
            sizes = " / ".join(f"{row[s]['bytes']:,.0f}" for s in ("plain", *STRATEGIES))
            lines.append(
                f"| {kind} | {row['plain']['fcp']:,.0f} | " + " | ".join(cells) + f" | {sizes} |"
            )
        worst = {s: max(r[s]["ratio"] for r in rows.values()) for s in STRATEGIES}
        lines += [
            "",
            "Worst ratio: "
            + ", ".join(f"{s} {v:.2f}" for s, v in worst.items())
            + " (target: ≤ 1.10).",
            "",
        ]
    lines += [
        "### Repeat visit (home, then a procedure page in the same tab, cache on, Slow 3G)",
        "",
        "| site | 1st page bytes, requests | 2nd page bytes, requests | 2nd page FCP |",
        "| --- | ---: | ---: | ---: |",
    ]
    for site, row in summary["repeat"].items():
        lines.append(
            f"| {site} | {row['bytes']:,.0f}, {row['requests']} | {row['repeat_bytes']:,.0f}, "
            f"{row['repeat_requests']} | {row['repeat_fcp']:,.0f} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def write_report(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="First paint on a slow link (Chromium).")
    parser.add_argument("--procedures", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profiles", default="slow3g,2g")
    parser.add_argument("--work", type=Path, default=Path("/tmp/guichet-bench-fcp"))
    parser.add_argument("--json", type=Path, default=Path("bench/results/fcp.json"))
    parser.add_argument("--report", type=Path, default=Path("BENCHMARKS.md"))
    args = parser.parse_args(argv)
    profiles = [p.strip() for p in args.profiles.split(",") if p.strip()]
    print(f"bench-fcp: building a town of {args.procedures} procedures, four ways…", flush=True)
    sites, slug, theme = build_sites(args.work, args.procedures)
    types = page_types(slug, theme)
    with Servers(sites, args.work) as servers:
        results = measure(servers.bases, types, profiles, args.runs)
    summary = summarise(results, types)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        version = browser.version
        browser.close()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "procedures": args.procedures,
        "runs": args.runs,
        "chromium": version,
        "commit": commit,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"meta": meta, "summary": summary, **results}, indent=1, ensure_ascii=False),
        encoding="utf-8",
    )
    write_report(args.report, render(summary, meta))
    print(f"bench-fcp: done → {args.report}, {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
