"""Figures derived from a benchmark's raw measures: medians, costs, ratios, scaling, targets.

Pure (standard library only). The cost of images (or PDFs) alone is a variant with the plugin
minus "core", cold; ratios are Guichet / plain Pelican; scaling exponents are
log(t₂/t₁)/log(n₂/n₁); each of issue 6's targets is met, missed, or n/a with the reason.
"""

from __future__ import annotations

import itertools
import math
import statistics

PDF_SECONDS_PER_1000 = 20
"""Issue 13: every flyer PDF and the booklet of 1,000 procedures in 20 s, cold, on 2 cores."""

HUGO_COLD_1000 = 0.65
"""Hugo 0.111's cold build of 1,000 pages on this kind of machine (issue 6)."""


def median(entries: list[dict], key: str = "seconds") -> float | None:
    values = [e[key] for e in entries if e.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _processed(stats: dict | None) -> int | None:
    """Images decoded in a build, from the images plugin's stats (contract: "processed")."""
    if not stats:
        return None
    for key in ("processed", "decoded"):
        if isinstance(stats.get(key), int):
            return stats[key]
    return None


def _rendered(stats: dict | None) -> int | None:
    """Flyer PDFs rendered in a build (contract: "flyers" is the number rendered)."""
    if not stats:
        return None
    for key in ("flyers", "rendered"):
        if isinstance(stats.get(key), int):
            return stats[key]
    return None


def derive(results: dict) -> dict:
    variants = results["main"]["variants"]
    params = results["params"]
    med = {}
    for name, v in variants.items():
        med[name] = {
            "cold": median(v["cold"]),
            "noop": median(v["noop"]),
            "edit": median(v["edit"]),
            "cpu": median(v["cold"], "cpu_seconds"),
            "noop_cpu": median(v["noop"], "cpu_seconds"),
            "edit_cpu": median(v["edit"], "cpu_seconds"),
            "peak_mib": median(v["cold"], "peak_mib"),
            "phases": _median_phases(v),
            "cpu_split": _median_split(v),
            "reason": v["reason"],
        }
    plain, core, full = med["plain"], med["core"], med["all"]
    images_cost = _cost(med, "core+images")
    pdf_cost = _cost(med, "core+print")
    counts = {}
    for name in ("core", "all"):
        stats = variants[name].get("stats", {})
        counts[name] = {
            kind: {
                "images_processed": _processed((stats.get(kind) or {}).get("image_stats")),
                "pdfs_rendered": _rendered((stats.get(kind) or {}).get("flyer_stats")),
            }
            for kind in ("cold", "noop", "edit")
        }
    ratios = {kind: ratio(core[kind], plain[kind]) for kind in ("cold", "noop", "edit")}
    for kind in ("cpu", "noop_cpu", "edit_cpu"):
        ratios[kind] = ratio(core[kind], plain[kind])
    ratios["peak_mib"] = ratio(core["peak_mib"], plain["peak_mib"])
    ratios["all_cold"] = ratio(full["cold"], plain["cold"])
    site_ratios = {}
    for name in ("core", "all"):
        a, b = variants[name].get("site"), variants["plain"].get("site")
        if a and b:
            site_ratios[name] = {
                key: ratio(a[key], b[key])
                for key in ("files", "bytes", "first_view_median", "first_view_max")
            }
            site_ratios[name]["procedure_first_view_median"] = ratio(
                a["procedure_first_view_median"], b["procedure_first_view_median"]
            )
    scaling = _scaling(results.get("scaling", []))
    derived = {
        "medians": med,
        "images_cost": images_cost,
        "pdf_cost": pdf_cost,
        "ratios": ratios,
        "site_ratios": site_ratios,
        "counts": counts,
        "scaling": scaling,
    }
    derived["targets"] = _targets(derived, params)
    return derived


def _median_split(variant: dict) -> dict | None:
    """Median CPU seconds of the build's own process and of its child processes, cold."""
    splits = [e["cpu_split"] for e in variant["cold"] if e.get("cpu_split")]
    if not splits:
        return None
    return {key: median(splits, key) for key in ("own_s", "children_s")}


def _median_phases(variant: dict) -> dict | None:
    """Median seconds Pelican spent reading and writing in cold builds (bench_stats)."""
    phases = [e["phases"] for e in variant["cold"] if e.get("phases")]
    if not phases:
        return None
    return {key: median(phases, key) for key in ("read_s", "write_s")}


def _cost(med: dict, name: str) -> dict:
    with_it, core = med[name], med["core"]
    if with_it["cold"] is None or core["cold"] is None:
        return {"seconds": None, "reason": with_it["reason"] or core["reason"] or "not measured"}
    return {"seconds": round(with_it["cold"] - core["cold"], 3), "reason": ""}


def _scaling(rows: list[dict]) -> dict:
    """Per variant: median cold time per size, ms per procedure, and growth exponents."""
    out: dict = {}
    for row in rows:
        for name, entry in row["variants"].items():
            seconds = median(entry["cold"])
            out.setdefault(name, {"sizes": [], "reason": ""})
            out[name]["sizes"].append(
                {
                    "procedures": row["procedures"],
                    "cold": seconds,
                    "cpu": median(entry["cold"], "cpu_seconds"),
                    "peak_mib": median(entry["cold"], "peak_mib"),
                    "ms_per_procedure": (
                        round(1000 * seconds / row["procedures"], 2) if seconds else None
                    ),
                }
            )
            out[name]["reason"] = out[name]["reason"] or entry["reason"]
            out[name]["note"] = out[name].get("note") or entry.get("note", "")
    for data in out.values():
        sizes = [s for s in data["sizes"] if s["cold"]]
        data["segments"] = []
        for low, high in itertools.pairwise(sizes):
            marginal = (high["cold"] - low["cold"]) / (high["procedures"] - low["procedures"])
            data["segments"].append(
                {
                    "from": low["procedures"],
                    "to": high["procedures"],
                    "exponent": _exponent(low, high, "cold"),
                    "cpu_exponent": _exponent(low, high, "cpu"),
                    "marginal_ms_per_procedure": round(1000 * marginal, 2),
                }
            )
    return out


def _exponent(low: dict, high: dict, key: str) -> float | None:
    """log(t₂/t₁) / log(n₂/n₁): 1 when the cost grows linearly, 2 when quadratically."""
    if not low.get(key) or not high.get(key):
        return None
    growth = math.log(high[key] / low[key])
    return round(growth / math.log(high["procedures"] / low["procedures"]), 3)


def _times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _target(text: str, value: str, ok: bool | None, reason: str = "") -> dict:
    status = "n/a" if ok is None else ("met" if ok else "missed")
    return {"target": text, "value": value if ok is not None else reason, "status": status}


def _targets(d: dict, params: dict) -> list[dict]:
    med, ratios, counts = d["medians"], d["ratios"], d["counts"]
    n, photos = params["procedures"], params["photos"]
    targets = []
    r = ratios["cold"]
    targets.append(
        _target(
            "Guichet without images and PDFs ≤ 1.2× plain Pelican (cold)",
            f"{r:.2f}× (CPU time: {_times(ratios['cpu'])})" if r else "",
            None if r is None else r <= 1.2,
            med["core"]["reason"] or med["plain"]["reason"],
        )
    )
    limit = 25 * photos / 200
    cost = d["images_cost"]["seconds"]
    targets.append(
        _target(
            f"{photos} photos processed cold ≤ {limit:.1f} s (25 s per 200)",
            f"{cost:.1f} s" if cost is not None else "",
            None if cost is None or not photos else cost <= limit,
            d["images_cost"]["reason"] or "no photos",
        )
    )
    limit = PDF_SECONDS_PER_1000 * n / 1000
    cost = d["pdf_cost"]["seconds"]
    targets.append(
        _target(
            f"all flyer PDFs and the booklet for {n} procedures ≤ {limit:.1f} s "
            f"({PDF_SECONDS_PER_1000} s per 1,000, cold, on this machine's cores)",
            f"{cost:.1f} s" if cost is not None else "",
            None if cost is None else cost <= limit,
            d["pdf_cost"]["reason"],
        )
    )
    full = med["all"]
    noop = ratio(full["noop"], full["cold"])
    noop_counts = counts["all"]["noop"]
    zero = [v for v in noop_counts.values() if v is not None]
    targets.append(
        _target(
            "no-op rebuild ≤ 0.3× cold build (all plugins)",
            f"{noop:.2f}×" if noop else "",
            None if noop is None else noop <= 0.3,
            full["reason"],
        )
    )
    targets.append(
        _target(
            "no-op rebuild decodes 0 images and renders 0 PDFs",
            ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in noop_counts.items()),
            None if not zero else all(v == 0 for v in zero),
            full["reason"] or "neither images nor print reports its counts",
        )
    )
    edit = ratio(full["edit"], full["cold"])
    targets.append(
        _target(
            "one procedure edited: rebuild ≤ 0.3× cold build (all plugins)",
            f"{edit:.2f}× ({full['edit']:.2f} s)" if edit else "",
            None if edit is None else edit <= 0.3,
            full["reason"],
        )
    )
    hugo = HUGO_COLD_1000 * n / 1000
    targets.append(
        _target(
            f"ambition: edit visible faster than Hugo's cold build ({hugo:.2f} s at this size)",
            f"{full['edit']:.2f} s" if full["edit"] else "",
            None if full["edit"] is None else full["edit"] < hugo,
            full["reason"],
        )
    )
    core_scaling = d["scaling"].get("core", {})
    segments = core_scaling.get("segments", [])
    last = segments[-1] if segments else None
    growth = None if last is None else last.get("cpu_exponent") or last["exponent"]
    targets.append(
        _target(
            "growth no worse than linear (CPU-time exponent of the largest step ≤ 1.05)",
            (
                f"{growth:.2f} from {last['from']} to {last['to']} "
                f"(wall time: {last['exponent']:.2f})"
                if last
                else ""
            ),
            None if growth is None else growth <= 1.05,
            core_scaling.get("reason") or "fewer than two sizes measured",
        )
    )
    return targets
