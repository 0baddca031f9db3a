"""``make bench``: Guichet against plain Pelican on one synthetic town, then scaling and a profile.

One run measures, each ``--runs`` times in fresh processes (medians are reported):
  * cold builds (output and cache emptied) of the Guichet variants "core" (every configured
    plugin but images and print), "core+images", "core+print", "all", and of plain Pelican;
  * no-op and one-procedure-edited rebuilds (caches kept) of "core", "all" and plain Pelican;
  * peak memory, output files and bytes, gzip first view of every page (after the first cold
    build), and the counts the plugins report (images processed, PDFs rendered).
Then cold builds at each ``--scales`` size (photos fixed at ``--scale-photos``), and a cProfile of
the cold "core" build. Results go to JSON (``--json``) and to ``BENCHMARKS.md`` (``--report``).
A variant whose plugin is not configured, or whose build fails, is reported "n/a" with the reason.
"""

from __future__ import annotations

import argparse
import json
import pstats
import re
import time
from dataclasses import asdict
from pathlib import Path

from bench import builds, figures, machine, preview, report
from bench.make_town import make_town
from bench.photos import CAMERA_SIZE
from bench.sitestats import site_stats

GUICHET_VARIANTS = ["core", "core+images", "core+print", "all"]
REBUILT = {"core", "all", "plain"}
"""Variants also measured on no-op and edited rebuilds."""
HEAVY_VARIANTS = {"core+images", "core+print", "all"}
"""Variants whose cold build runs only ``--heavy-runs`` times (photos and flyers take minutes)."""
GUICHET_PAGES = re.compile(r"demarches/[a-z0-9-]+-\d+/index\.html")
PLAIN_PAGES = re.compile(r"[a-z0-9-]+-\d+\.html")
"""Procedure pages: synthetic slugs end in ``-<number>``; plain Pelican writes ``{slug}.html``."""
EDIT = "\nMise à jour n° {n} : le guichet est fermé le lundi matin pendant les travaux.\n"


def _commands(name: str, plugins: list[str] | None, town: Path, work: Path):
    """(command, output, cache) of a variant; ``plugins`` None means plain Pelican."""
    output, cache = work / "out" / name, work / "cache" / name
    if plugins is None:
        settings = builds.write_plain_settings(work / "settings")
        return builds.plain_command(settings, town / "pelican", output, cache), output, cache
    settings = builds.write_guichet_settings(work / "settings", name, plugins)
    return builds.guichet_command(settings, town / "guichet", output, cache), output, cache


def _variant(name: str, base: list[str]) -> dict:
    """A variant's raw results, empty; ``reason`` says why it cannot run here."""
    if name == "plain":
        plugins, reason = None, ""
    else:
        plugins, reason = builds.variant_plugins(name, base)
    return {
        "label": name,
        "plugins": plugins,
        "reason": reason,
        "note": "",
        "cold": [],
        "noop": [],
        "edit": [],
    }


def _cold(result: dict, name: str, town: Path, work: Path):
    """One cold build, recorded; (command, output) to rebuild with, or None when it failed.

    When the checks plugin fails the build (without the images plugin the originals are copied
    as they are, and image budgets cannot be met; a page listing thousands of procedures may
    pass a byte budget), the variant is measured again without checks and the note says why:
    the other figures are still worth having, and the note is a finding of its own.
    """
    command, output, cache = _commands(name, result["plugins"], town, work)
    builds.wipe(output, cache)
    measure = builds.measure(command)
    plugins = result["plugins"] or []
    if not measure.ok and "checks" in plugins:
        result["plugins"] = [p for p in plugins if p != "checks"]
        result["note"] = f"checks left out: it failed the build ({measure.error})"
        print(f"bench:   {result['label']}: {result['note']}; measured again", flush=True)
        command, output, cache = _commands(name, result["plugins"], town, work)
        builds.wipe(output, cache)
        measure = builds.measure(command)
    _record(result, "cold", measure)
    return None if result["reason"] else (command, output)


def _edited(town: Path, variant: str, slug: str) -> Path:
    tree = "pelican" if variant == "plain" else "guichet"
    return town / tree / "demarches" / f"{slug}.md"


def bench_main(
    town_dir: Path, work: Path, runs: int, base: list[str], town, heavy_runs: int | None = None
) -> dict:
    """Cold, no-op and edited builds of every variant, interleaved run by run. The cold builds of
    HEAVY_VARIANTS run ``heavy_runs`` times (default: ``runs``); the no-op and edited rebuilds of
    "all" run every time."""
    variants = {name: _variant(name, base) for name in [*GUICHET_VARIANTS, "plain"]}
    edited_slug = town.slugs[len(town.slugs) // 2]
    heavy_runs = runs if heavy_runs is None else heavy_runs
    for run in range(runs):
        for name, result in variants.items():
            if result["reason"]:
                continue
            if name in HEAVY_VARIANTS and run >= heavy_runs:
                if name not in REBUILT or not result["cold"]:
                    continue
                # No new cold build: bring the output back to the unedited town (one procedure
                # rebuilt, not timed), then time the no-op and edited rebuilds again.
                command, output, _cache = _commands(name, result["plugins"], town_dir, work)
                builds.measure(command)
            else:
                built = _cold(result, name, town_dir, work)
                if built is None:
                    continue
                command, output = built
            if "site" not in result:
                pattern = PLAIN_PAGES if name == "plain" else GUICHET_PAGES
                result["site"] = asdict(site_stats(output, pattern))
            if name not in REBUILT:
                continue
            _record(result, "noop", builds.measure(command))
            source = _edited(town_dir, name, edited_slug)
            original = source.read_bytes()
            try:
                source.write_bytes(original + EDIT.format(n=run + 1).encode())
                _record(result, "edit", builds.measure(command))
            finally:
                source.write_bytes(original)
    return {"edited": edited_slug, "variants": variants}


def _record(result: dict, kind: str, measure: builds.Measure) -> None:
    label = result.get("label", "")
    if not measure.ok:
        result["reason"] = f"{kind} build failed: {measure.error}"
        print(f"bench:   {label} {kind}: failed — {measure.error}", flush=True)
        return
    print(
        f"bench:   {label} {kind}: {measure.seconds:.2f} s, CPU {measure.cpu_seconds:.2f} s, "
        f"{measure.peak_mib:.0f} MiB",
        flush=True,
    )
    result[kind].append(
        {
            "seconds": round(measure.seconds, 3),
            "cpu_seconds": round(measure.cpu_seconds, 3),
            "peak_mib": round(measure.peak_mib, 1),
            "phases": measure.stats.get("phases"),
            "cpu_split": measure.stats.get("cpu"),
        }
    )
    result.setdefault("stats", {}).setdefault(kind, measure.stats)


def bench_scaling(work: Path, scales, photos, counters, seed, runs, variants, base) -> list:
    """Cold builds at each size; the towns differ only by their number of procedures."""
    rows = []
    for size in scales:
        town_dir = work / f"town-{size}"
        make_town(town_dir, size, counters, photos, seed)
        row = {"procedures": size, "photos": photos, "variants": {}}
        for name in variants:
            entry = _variant(name, base)
            entry["label"] = f"{name} at {size}"
            for _ in range(runs if not entry["reason"] else 0):
                if _cold(entry, name, town_dir, work / f"scale-{size}") is None:
                    break
            entry.pop("stats", None)
            row["variants"][name] = entry
        rows.append(row)
    return rows


def bench_profile(
    town_dir: Path, work: Path, base: list[str], profiled_plugins=None, top: int = 20
) -> dict:
    """cProfile of one cold "core" build (``profiled_plugins``: the ones the main builds ran
    with): the top entries by cumulative and by own time."""
    plugins = builds.variant_plugins("core", base)[0]
    if profiled_plugins is not None:
        plugins = profiled_plugins
    command, output, cache = _commands("core", plugins, town_dir, work / "profile")
    builds.wipe(output, cache)
    target = work / "profile" / "core.prof"
    measure = builds.measure(command, profile=target)
    if not measure.ok or not target.exists():
        return {"reason": measure.error or "no profile written"}
    stats = pstats.Stats(str(target))
    return {
        "seconds": round(measure.seconds, 3),
        "total_calls": stats.total_calls,
        "cumulative": _top(stats, "cumulative", top),
        "tottime": _top(stats, "tottime", top),
    }


WRAPPERS = re.compile(r"<frozen |<string>|builtins\.exec|guichet/(__main__|cli)\.py")
"""Frames that only wrap the build (interpreter start, imports, the CLI): not targets."""


def _top(stats: pstats.Stats, key: str, top: int) -> list[dict]:
    stats.sort_stats(key)
    rows = []
    for func in stats.fcn_list:
        if len(rows) == top:
            break
        if key == "cumulative" and WRAPPERS.search(_where(func)):
            continue
        calls, _primitive, own, cumulative, _ = stats.stats[func]
        rows.append(
            {
                "function": _where(func),
                "calls": calls,
                "tottime": round(own, 3),
                "cumtime": round(cumulative, 3),
            }
        )
    return rows


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    if path == "~":
        return name
    path = _PREFIX.sub("", path.replace(str(builds.ROOT) + "/", ""))
    return f"{path}:{line}({name})"


_PREFIX = re.compile(r"^.*?(site-packages/|/lib/python3\.\d+/)")


def parse_size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark Guichet against plain Pelican.")
    parser.add_argument("--procedures", type=int, default=1000)
    parser.add_argument("--counters", type=int, default=5)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--photo-size", type=parse_size, default=CAMERA_SIZE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--heavy-runs", type=int, default=None, help="cold core+images/print, all")
    parser.add_argument("--scales", default="100,1000,5000", help="comma-separated, or empty")
    parser.add_argument("--scale-photos", type=int, default=0)
    parser.add_argument("--scale-variants", default="plain,core")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=Path("/tmp/guichet-bench"))
    parser.add_argument("--json", type=Path, default=Path("bench/results/latest.json"))
    parser.add_argument("--report", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-preview", action="store_true", help="skip the devserver step")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    base = builds.base_plugins()
    results: dict = {"meta": machine.describe(), "params": _params(args), "base_plugins": base}
    town_dir = args.work / "town-main"
    print(f"bench: town of {args.procedures} procedures, {args.photos} photos…", flush=True)
    town = make_town(
        town_dir, args.procedures, args.counters, args.photos, args.seed, args.photo_size
    )
    results["town"] = {"photo_bytes": town.photo_bytes, "procedures": town.procedures}
    print(f"bench: main builds, {args.runs} run(s)…", flush=True)
    results["main"] = bench_main(town_dir, args.work, args.runs, base, town, args.heavy_runs)
    if not args.no_preview:  # after the main builds: the "all" cache is warm
        results["preview"] = preview.bench_preview(
            town_dir, args.work, base, args.runs, builds.ROOT / "content"
        )
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    print(f"bench: scaling {scales}…", flush=True)
    results["scaling"] = bench_scaling(
        args.work,
        scales,
        args.scale_photos,
        args.counters,
        args.seed,
        args.runs,
        [v.strip() for v in args.scale_variants.split(",") if v.strip()],
        base,
    )
    if not args.no_profile:
        print("bench: profile of the cold core build…", flush=True)
        core = results["main"]["variants"]["core"]
        results["profile"] = bench_profile(town_dir, args.work, base, core["plugins"])
        results["profile"]["plugins"] = core["plugins"]
    results["meta"]["load_after"] = machine.load()
    results["meta"]["bench_seconds"] = round(time.perf_counter() - started, 1)
    results["derived"] = figures.derive(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    report.write(args.report, results)
    if "preview" in results:
        plain = [m["seconds"] for m in results["main"]["variants"]["plain"]["cold"]]
        plain_cold = sorted(plain)[len(plain) // 2] if plain else None
        section = preview.render(results["preview"], args.procedures, plain_cold)
        preview.write(args.report, section)
    print(f"bench: done in {results['meta']['bench_seconds']} s → {args.report}, {args.json}")
    return 0


def _params(args) -> dict:
    return {
        "procedures": args.procedures,
        "counters": args.counters,
        "photos": args.photos,
        "photo_size": list(args.photo_size),
        "runs": args.runs,
        "heavy_runs": args.runs if args.heavy_runs is None else args.heavy_runs,
        "scales": args.scales,
        "scale_photos": args.scale_photos,
        "scale_variants": args.scale_variants,
        "seed": args.seed,
    }


if __name__ == "__main__":
    raise SystemExit(main())
