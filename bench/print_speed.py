"""The PDF part of a cold build alone: every flyer and the booklet of a bench town (issue 13).

``python -m bench.print_speed [--procedures 1000] [--counters 5] [--work DIR]`` writes the town
(``bench.make_town``, no photos), builds it once with every plugin, and inside that build times
the print plugin's step (``print.pipeline.render_all``: content of every flyer, fitting, Typst,
PDFs written, booklet) three times on the same procedures, each with an empty PDF cache: with
one process per core (wall time; CPU of this process), then in this process alone
(``PRINT_WORKERS = 1``: CPU time of all the work), then as the build does it. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procedures", type=int, default=1000)
    parser.add_argument("--counters", type=int, default=5)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args(argv)
    from pelican import Pelican
    from pelican.settings import read_settings

    from bench.make_town import make_town

    work = args.work or Path(tempfile.mkdtemp(prefix="print-speed-"))
    make_town(work, procedures=args.procedures, counters=args.counters, photos=0)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    override = {
        "PATH": str(work / "guichet"),
        "OUTPUT_PATH": str(work / "out"),
        "CACHE_PATH": str(work / "cache"),
    }
    shutil.rmtree(work / "out", ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=override)
    pelican = Pelican(settings)
    plugin = sys.modules["guichet_plugins.print.plugin"]
    original = plugin.render_all
    figures: dict = {"procedures": args.procedures, "load_before": os.getloadavg()}

    def timed(generator, build_settings):
        for name, workers in (("per_core", None), ("one_process", 1)):
            cache = work / f"cache-{name}"
            shutil.rmtree(cache, ignore_errors=True)
            trial = {**build_settings, "CACHE_PATH": str(cache), "PRINT_WORKERS": workers}
            wall, cpu = time.perf_counter(), time.process_time()
            stats = original(generator, trial)
            figures[name] = {
                "wall_s": round(time.perf_counter() - wall, 2),
                "cpu_s_this_process": round(time.process_time() - cpu, 2),
                "flyers_rendered": stats["flyers"],
                "recto_verso": len(stats["recto_verso"]),
                "too_long": len(stats["too_long"]),
            }
        return original(generator, build_settings)

    plugin.render_all = timed
    pelican.run()
    figures["load_after"] = os.getloadavg()
    figures["cpus"] = len(os.sched_getaffinity(0))
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
