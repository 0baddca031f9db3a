"""Start one command from a small process and report its own peak memory and CPU time.

Run as ``python -I bench/launch.py REPORT.json COMMAND...``. Linux charges a child, at exec, with
the peak resident size of the process it was forked from; the benchmark's own process holds
photos and page statistics, so its children would all report its size. This launcher is small
(standard library ``os`` and ``json`` only): the build it starts is measured alone. The report
holds ``maxrss_kib``, ``cpu_s`` (user + system) and ``status``; the exit code is the build's.
"""

import json
import os
import sys
import time


def main() -> int:
    report, command = sys.argv[1], sys.argv[2:]
    started = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as out:
        json.dump(
            {
                "seconds": round(seconds, 4),
                "maxrss_kib": usage.ru_maxrss,
                "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
                "status": code,
            },
            out,
        )
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
