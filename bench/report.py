"""BENCHMARKS.md, written from a benchmark's results (see ``bench.figures`` for the figures).

``write(path, results)`` replaces only the part of BENCHMARKS.md between the
``bench:begin``/``bench:end`` markers, so sections others add by hand survive a new run.
``python -m bench.report`` rewrites it from saved results without building anything.
"""

from __future__ import annotations

from pathlib import Path

from bench.figures import derive, ratio

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
ORDER = ["plain", "core", "core+images", "core+print", "all"]


def _s(value: float | None, unit: str = " s", digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _bytes(value: int | None) -> str:
    if value is None:
        return "n/a"
    if value >= 1024 * 1024:
        return f"{value / 1024 / 1024:.1f} MiB"
    return f"{value / 1024:.1f} KiB"


def render(results: dict) -> str:
    meta, params, d = results["meta"], results["params"], results["derived"]
    variants = results["main"]["variants"]
    lines = [
        BEGIN,
        "",
        "_Everything between the `bench:begin` and `bench:end` markers is written by "
        "`make bench` (or `python -m bench.report` from saved results); edit outside them._",
        "",
        f"## Latest run — {meta['date']}",
        "",
        f"- Machine: {meta['cpus']} CPUs ({meta['cpu_model']}), {meta['ram_gib']} GiB RAM; "
        f"load average before {meta['load_before']}, after {meta.get('load_after')} "
        "(a busy machine makes every figure noisy; ratios hold better than seconds).",
        f"- Versions: Python {meta['python']}, "
        + ", ".join(f"{k} {v}" for k, v in meta["versions"].items())
        + f"; commit `{meta['commit']}`.",
        f"- Town: {params['procedures']} procedures (~650 words), {params['counters']} "
        f"counters, {params['photos']} photos {params['photo_size'][0]}×"
        f"{params['photo_size'][1]} ({_bytes(results['town']['photo_bytes'])}); seed "
        f"{params['seed']}. Medians of {params['runs']} run(s) "
        f"({params.get('heavy_runs', params['runs'])} for the cold core+images, core+print "
        "and all), each build a fresh process. "
        f"Whole benchmark: {meta.get('bench_seconds')} s.",
        f"- PLUGINS in pelicanconf.py: `{results['base_plugins']}`.",
        *_busy(meta),
        "",
        "### Targets (issues 6, 13 and 17)",
        "",
        "| target | measured | status |",
        "| --- | --- | --- |",
    ]
    for t in d["targets"]:
        lines.append(f"| {t['target']} | {t['value'] or 'n/a'} | **{t['status']}** |")
    lines += [
        "",
        "### Build time and memory (median)",
        "",
        "| build | plugins | cold | no-op | one procedure edited | peak memory | cold vs plain "
        "| cold CPU (user + sys) | cold, inside Pelican (read + write) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    plain_cold = d["medians"]["plain"]["cold"]
    for name in ORDER:
        m, v = d["medians"][name], variants[name]
        plugins = "none (simple theme)" if name == "plain" else ", ".join(v["plugins"] or [])
        if m["reason"] and m["cold"] is None:
            lines.append(f"| {name} | {plugins or '—'} | n/a: {m['reason']} | | | | | | |")
            continue
        rebuilt = name in ("plain", "core", "all")
        lines.append(
            f"| {name} | {plugins} | {_s(m['cold'])} | "
            f"{_s(m['noop']) if rebuilt else '—'} | {_s(m['edit']) if rebuilt else '—'} | "
            f"{_s(m['peak_mib'], ' MiB', 0)} | {_x(ratio(m['cold'], plain_cold))} | "
            f"{_s(m['cpu'])} | {_phases(m['phases'])} |"
        )
        for remark in (m["reason"], v.get("note")):
            if remark:
                lines.append(f"| | | _{remark}_ | | | | | | |")
    r = d["ratios"]
    lines += [
        "",
        f"Guichet core / plain Pelican: cold {_x(r['cold'])}, no-op {_x(r['noop'])}, edit "
        f"{_x(r['edit'])}, peak memory {_x(r['peak_mib'])}; all plugins / plain, cold "
        f"{_x(r['all_cold'])}. On CPU time (steadier when other work shares the machine): "
        f"cold {_x(r['cpu'])}, no-op {_x(r['noop_cpu'])}, edit {_x(r['edit_cpu'])}.",
        "",
        *_where_core_goes(d["medians"], variants),
        f"- Images alone (core+images − core, cold): {_cost_text(d['images_cost'])}.",
        f"- PDFs alone (core+print − core, cold): {_cost_text(d['pdf_cost'])}.",
        "",
        "### Caching: what each build redid",
        "",
        "| build | images processed (cold / no-op / edit) | PDFs rendered (cold / no-op / edit) |",
        "| --- | --- | --- |",
    ]
    c = d["counts"]["all"]
    img = " / ".join(_n(c[k]["images_processed"]) for k in ("cold", "noop", "edit"))
    pdf = " / ".join(_n(c[k]["pdfs_rendered"]) for k in ("cold", "noop", "edit"))
    lines.append(f"| all | {img} | {pdf} |")
    for key, what in (
        ("images_processed", "decoded no image"),
        ("pdfs_rendered", "rendered no PDF"),
    ):
        if c["cold"][key] == 0:
            lines += [
                "",
                f"⚠ The cold build {what}: is that plugin's cache kept outside CACHE_PATH? "
                'Then "cold" builds were warm and its cost is understated.',
            ]
    lines += [
        "",
        "### Output and page weight (after a cold build)",
        "",
        "| build | files | bytes | HTML pages | first view, median | first view, max (page) "
        "| procedure page, median |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in ORDER:
        site = variants[name].get("site")
        if not site:
            continue
        lines.append(
            f"| {name} | {site['files']} | {_bytes(site['bytes'])} | {site['html_pages']} | "
            f"{_bytes(site['first_view_median'])} | {_bytes(site['first_view_max'])} "
            f"(`{site['first_view_max_page']}`) | {_bytes(site['procedure_first_view_median'])} |"
        )
    for name, ratios in d["site_ratios"].items():
        lines.append("")
        lines.append(
            f"{name} / plain: files {_x(ratios['files'])}, bytes {_x(ratios['bytes'])}, first "
            f"view median {_x(ratios['first_view_median'])}, max "
            f"{_x(ratios['first_view_max'])}, procedure page "
            f"{_x(ratios['procedure_first_view_median'])}."
        )
    for name in ORDER:
        missing = variants[name].get("site", {}).get("missing_css")
        if missing:
            lines += ["", f"{name}: pages link stylesheets the build does not write: {missing}."]
    if "plain" in variants and variants["plain"].get("site"):
        lines += ["", "Pelican's theme “simple” links no stylesheet: its first view is HTML only."]
    lines += _scaling_lines(d["scaling"], params)
    lines += _profile_lines(results.get("profile"))
    lines += ["", END]
    return "\n".join(lines)


def _where_core_goes(med: dict, variants: dict) -> list[str]:
    """Core against plain Pelican, phase by phase and process by process (cold, medians): where
    the difference goes, and what the 1.2× target leaves for it."""
    plain, core = med["plain"], med["core"]
    if not (plain["phases"] and core["phases"] and plain["cpu_split"] and core["cpu_split"]):
        return []
    pages = {n: (variants[n].get("site") or {}).get("html_pages") for n in ("plain", "core")}
    rows = [
        ("HTML pages written", pages["plain"], pages["core"], ""),
        ("reading (wall)", plain["phases"]["read_s"], core["phases"]["read_s"], " s"),
        (
            "writing and finishing (wall)",
            plain["phases"]["write_s"],
            core["phases"]["write_s"],
            " s",
        ),
        (
            "CPU of the build's own process",
            plain["cpu_split"]["own_s"],
            core["cpu_split"]["own_s"],
            " s",
        ),
        (
            "CPU of its child processes (Markdown workers, compression and page checks)",
            plain["cpu_split"]["children_s"],
            core["cpu_split"]["children_s"],
            " s",
        ),
    ]
    lines = [
        "",
        "Where core's time goes against plain Pelican (cold, medians; bench_stats):",
        "",
        "| | plain | core | core − plain |",
        "| --- | --- | --- | --- |",
    ]
    for label, a, b, unit in rows:
        if a is None or b is None:
            continue
        digits = 2 if unit else 0
        lines.append(
            f"| {label} | {_s(a, unit, digits)} | {_s(b, unit, digits)} | "
            f"{_s(b - a, unit, digits)} |"
        )
    budget = 0.2 * plain["cold"] if plain["cold"] else None
    extra = core["phases"]["write_s"] - plain["phases"]["write_s"]
    if budget is not None and extra > budget:
        lines += [
            "",
            f"The 1.2× target leaves core {_s(budget)} more than plain Pelican's cold build; its "
            f"writing phase alone takes {_s(extra)} more: it writes {_n(pages['core'])} HTML "
            f"pages against {_n(pages['plain'])} (each procedure's page and its flyer page), "
            "minifies each, and its child compresses "
            "(gzip and brotli) and scans every page for the checks, none of which plain "
            "Pelican does. The profile below says which functions cost it.",
        ]
    return [*lines, ""]


def _busy(meta: dict) -> list[str]:
    """A warning when other work competed for the CPUs: wall times are then unreliable."""
    loads = [meta["load_before"][0], *(meta.get("load_after") or [0])[:1]]
    if max(loads) <= 0.5 * (meta["cpus"] or 1):
        return []
    return [
        f"- **The machine was busy** (load {max(loads)} on {meta['cpus']} CPUs): wall times "
        "are unreliable; compare the CPU-time columns and ratios, and run again on a quiet "
        "machine for figures to quote."
    ]


def _phases(phases: dict | None) -> str:
    if not phases:
        return "—"
    total = phases["read_s"] + phases["write_s"]
    return f"{total:.2f} s ({phases['read_s']:.2f} + {phases['write_s']:.2f})"


def _n(value: int | None) -> str:
    return "n/a" if value is None else str(value)


def _cost_text(cost: dict) -> str:
    if cost["seconds"] is None:
        return f"n/a ({cost['reason']})"
    if cost["seconds"] <= 0:
        return f"{cost['seconds']:.2f} s (within the noise of the core build)"
    return f"{cost['seconds']:.2f} s"


def _scaling_lines(scaling: dict, params: dict) -> list[str]:
    lines = [
        "",
        f"### Scaling (cold builds, {params['scale_photos']} photos at every size)",
        "",
        "| build | procedures | cold | cold CPU | ms per procedure | peak memory |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, data in scaling.items():
        for size in data["sizes"]:
            lines.append(
                f"| {name} | {size['procedures']} | {_s(size['cold'])} | {_s(size['cpu'])} | "
                f"{_s(size['ms_per_procedure'], ' ms', 1)} | {_s(size['peak_mib'], ' MiB', 0)} |"
            )
        if data["reason"]:
            lines.append(f"| {name} | n/a: {data['reason']} | | | | |")
        if data.get("note"):
            lines.append(f"| {name} | _{data['note']}_ | | | | |")
    lines.append("")
    for name, data in scaling.items():
        steps = "; ".join(
            f"{s['from']}→{s['to']}: exponent {s['exponent']:.2f} "
            f"(CPU time {_x(s['cpu_exponent']).rstrip('×')}), "
            f"{s['marginal_ms_per_procedure']:.1f} ms per added procedure"
            for s in data["segments"]
        )
        lines.append(f"- {name}: {steps or 'n/a'} (exponent 1 = linear, 2 = quadratic).")
    return lines


def _profile_lines(profile: dict | None) -> list[str]:
    lines = ["", "### Profile of the cold core build (cProfile)", ""]
    if not profile or profile.get("reason"):
        return [*lines, f"n/a: {(profile or {}).get('reason', 'not run')}"]
    lines.append(
        f"{profile['seconds']:.2f} s under cProfile, {profile['total_calls']} calls. "
        "Top entries by cumulative time, then by own time:"
    )
    for key in ("cumulative", "tottime"):
        lines += ["", "| calls | own s | cumulative s | function |", "| --- | --- | --- | --- |"]
        for row in profile[key]:
            function = row["function"].replace("|", "\\|")
            lines.append(
                f"| {row['calls']} | {row['tottime']:.3f} | {row['cumtime']:.3f} | `{function}` |"
            )
    return lines


TEMPLATE = """# Benchmarks

Guichet against plain Pelican on the same synthetic town (`make bench`). Figures between the
markers below are written by the benchmark; everything else is kept when it runs again.

{generated}

## Theme weights

_To be written by the lead (theme branch)._

## Minifier comparison

_To be written by the lead (minify branch)._

## nginx requests per second

_To be written by the lead (publish branch)._
"""


def write(path: Path, results: dict) -> None:
    generated = render(results)
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + generated + tail
    else:
        text = TEMPLATE.format(generated=generated)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.report RESULTS.json BENCHMARKS.md``: rewrite the report, no new build."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Write BENCHMARKS.md from saved results.")
    parser.add_argument("results", type=Path, nargs="?", default=Path("bench/results/latest.json"))
    parser.add_argument("report", type=Path, nargs="?", default=Path("BENCHMARKS.md"))
    args = parser.parse_args(argv)
    results = json.loads(args.results.read_text(encoding="utf-8"))
    results["derived"] = derive(results)
    write(args.report, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
