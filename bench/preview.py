"""The preview step of ``make bench``: from a file saved to its new bytes served by the devserver.

A real ``guichet devserver`` runs on a free port over the bench town (settings of the "all"
variant, its warm cache) and over a copy of the sample town. Each measure saves one file and
polls the pages that must change with a real HTTP client (``urllib``) until every one of them
serves new bytes: one procedure edited (its page), and a counter's hours changed (its page, and
the page and flyer page of every procedure it serves). Between two measures the background
full build (PDFs) is left to finish, as when staff look at the page before the next edit. Plain
Pelican's cold build of the same town is measured in the same run (bench.run), for scale.

``python -m bench.preview`` runs only this step (a town made by ``bench.make_town``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from bench import builds

READY = "✓ Fiches PDF et images à jour."
UPDATED = "Aperçu à jour"
BEGIN, END = "<!-- bench:preview:begin -->", "<!-- bench:preview:end -->"
HOURS = re.compile(r"^(Horaires:[^\n]*?)(\d{1,2})h(\d{2})?", re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Devserver:
    """``guichet devserver`` in its own process group, its output collected."""

    def __init__(self, settings: Path, content: Path, output: Path, cache: Path):
        self.port = _free_port()
        env = {**os.environ, "SOURCE_DATE_EPOCH": builds.BUILD_DATE_EPOCH, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "guichet", "devserver", "--settings", str(settings)]
        command += ["--content", str(content), "--output", str(output), "--cache", str(cache)]
        command += ["--port", str(self.port)]
        self.process = subprocess.Popen(
            command,
            cwd=builds.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 1800) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return index + 1
            if self.process.poll() is not None:
                raise RuntimeError("devserver stopped: " + "".join(self.lines[-5:]))
            time.sleep(0.05)
        raise RuntimeError(f"{text!r} never printed")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of the devserver process itself, not of its children."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def get(self, url: str) -> bytes:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{url}", timeout=30) as answer:
            return answer.read()

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _served_changed(server: Devserver, before: dict[str, bytes], start: float) -> float:
    """Seconds from ``start`` until every page of ``before`` serves other bytes. The first page
    is polled alone until it changes (a counter's page: written after its procedures' pages),
    then the others are checked, so one round over hundreds of pages is not what is timed."""
    waiting = dict(before)
    first = next(iter(waiting))
    while server.get(first) == waiting[first]:
        if time.perf_counter() - start > 600:
            raise RuntimeError(f"{first} never changed")
    del waiting[first]
    while waiting:
        for url, old in list(waiting.items()):
            if server.get(url) != old:
                del waiting[url]
        if time.perf_counter() - start > 600:
            raise RuntimeError(f"{len(waiting)} page(s) never changed, e.g. {next(iter(waiting))}")
    return time.perf_counter() - start


def _save_and_time(
    server: Devserver, source: Path, text: str, urls: list[str]
) -> tuple[float, float]:
    """Wall seconds from the save to every page of ``urls`` served anew, and the devserver's
    CPU seconds meanwhile (the polling's share included)."""
    seen = len(server.lines)
    before = {url: server.get(url) for url in urls}
    cpu = server.cpu_seconds()
    start = time.perf_counter()
    source.write_text(text, encoding="utf-8")
    seconds = _served_changed(server, before, start)
    cpu = server.cpu_seconds() - cpu
    server.wait_for(READY, after=seen)  # the background full build: PDFs, before the next edit
    return seconds, cpu


def _slug(path: Path) -> str:
    return path.stem


def _counter_users(content: Path, counter: str) -> list[str]:
    users = []
    for path in sorted((content / "demarches").glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        for line in head.splitlines():
            if line.startswith("Guichets:") and counter in [
                s.strip() for s in line.split(":", 1)[1].split(",")
            ]:
                users.append(_slug(path))
    return users


def measure_town(
    settings: Path, content: Path, work: Path, cache: Path, runs: int, counter_edit: bool
) -> dict:
    """One devserver over ``content``: ``runs`` procedure edits, and counter edits."""
    output = work / "out"
    shutil.rmtree(output, ignore_errors=True)
    server = Devserver(settings, content, output, cache)
    result: dict = {
        "procedure": [],
        "counter": [],
        "procedure_cpu": [],
        "counter_cpu": [],
        "counter_pages": 0,
    }
    try:
        started = time.perf_counter()
        server.wait_for("Aperçu du site")
        result["startup_seconds"] = round(time.perf_counter() - started, 2)
        procedures = sorted((content / "demarches").glob("*.md"))
        source = procedures[len(procedures) // 2]
        original = source.read_text(encoding="utf-8")
        url = f"/demarches/{_slug(source)}/"
        try:
            for run in range(runs):
                text = original + f"\nAperçu, mesure n° {run + 1} : une phrase de plus.\n"
                seconds, cpu = _save_and_time(server, source, text, [url])
                result["procedure"].append(round(seconds, 3))
                result["procedure_cpu"].append(round(cpu, 3))
                print(
                    f"bench:   preview, one procedure edited: {seconds:.2f} s (CPU {cpu:.2f} s)",
                    flush=True,
                )
        finally:
            source.write_text(original, encoding="utf-8")
        if counter_edit:
            counter = sorted((content / "guichets").glob("*.md"))[0]
            users = _counter_users(content, _slug(counter))
            urls = [f"/guichets/{_slug(counter)}/"]  # written last: polled first
            for slug in users:  # each procedure's page and flyer page show the hours
                urls += [f"/demarches/{slug}/", f"/demarches/{slug}/fiche/"]
            result["counter_pages"] = len(urls)
            first = counter.read_text(encoding="utf-8")
            try:
                for run in range(runs):
                    minutes = f"{(run + 1) * 5:02d}"
                    text = HOURS.sub(rf"\g<1>\g<2>h{minutes}", first, count=1)
                    assert text != first, "no opening hours to change"
                    seconds, cpu = _save_and_time(server, counter, text, urls)
                    result["counter"].append(round(seconds, 3))
                    result["counter_cpu"].append(round(cpu, 3))
                    print(
                        f"bench:   preview, counter hours changed ({len(urls)} pages): "
                        f"{seconds:.2f} s (CPU {cpu:.2f} s)",
                        flush=True,
                    )
            finally:
                counter.write_text(first, encoding="utf-8")
    finally:
        server.stop()
    return result


def bench_preview(
    town_dir: Path,
    work: Path,
    base: list[str],
    runs: int,
    sample: Path | None = None,
    variant: str = "all",
) -> dict:
    """The preview figures of the bench town (settings of ``variant``, its cache
    ``work/cache/<variant>``) and of a copy of the sample town (``sample``: its content)."""
    results: dict = {"variant": variant}
    plugins = builds.variant_plugins(variant, list(base))[0]
    settings = builds.write_guichet_settings(work / "settings", variant, plugins)
    cache = work / "cache" / variant
    print("bench: preview (devserver) on the bench town…", flush=True)
    results["town"] = measure_town(
        settings, town_dir / "guichet", work / "preview-town", cache, runs, counter_edit=True
    )
    if sample is not None:
        copy = work / "preview-sample" / "content"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(sample, copy)
        print("bench: preview (devserver) on the sample town…", flush=True)
        results["sample"] = measure_town(
            builds.ROOT / "pelicanconf.py",
            copy,
            work / "preview-sample",
            work / "preview-sample" / "cache",
            runs,
            counter_edit=True,
        )
    return results


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def render(preview: dict, procedures: int, plain_cold: float | None = None) -> str:
    """The BENCHMARKS.md section of the preview figures."""

    def s(value):
        return "n/a" if value is None else f"{value:.2f} s"

    town, sample = preview.get("town", {}), preview.get("sample", {})

    def row(what: str, where: str, values: list[float], cpu: list[float], target: str) -> str:
        runs = ", ".join(f"{v:.2f}" for v in values)
        return (
            f"| {what} | {where} | {s(_median(values))} | {s(_median(cpu))} | {runs} | {target} |"
        )

    counter = "a counter's hours changed ({} pages)"
    lines = [
        BEGIN,
        "",
        "## Preview: from a file saved to its new bytes served (`make devserver`, issue 17)",
        "",
        f'Bench town built with the plugins of variant "{preview.get("variant", "all")}";'
        " the preview leaves PDFs, compression and page checks to the background build"
        " whatever the variant.",
        "",
        "Measured by `bench/preview.py`: a real devserver on a free port, polled with `urllib`"
        " until every page that must change serves new bytes; medians of the runs"
        " (each run waits for the background full build, PDFs included, to finish).",
        "",
        "| what | town | median | devserver CPU, median | runs (wall) | target |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for where, figures, target in [
        (f"{procedures} procedures", town, ("≤ 1 s (goal < 0.65 s)", "≤ 2 s")),
        ("sample town", sample, ("≤ 0.5 s", "")),
    ]:
        if not figures:
            continue
        pages = counter.format(figures.get("counter_pages", 0))
        lines += [
            row(
                "one procedure edited",
                where,
                figures.get("procedure", []),
                figures.get("procedure_cpu", []),
                target[0],
            ),
            row(
                pages, where, figures.get("counter", []), figures.get("counter_cpu", []), target[1]
            ),
        ]
    lines += [
        "",
        f"Devserver start (a full build, then the site read once in memory): {procedures}"
        f" procedures {s(town.get('startup_seconds'))}, sample town"
        f" {s(sample.get('startup_seconds'))}."
        + (f" Plain Pelican's cold build in the same run: {s(plain_cold)}." if plain_cold else ""),
        "",
        END,
    ]
    return "\n".join(lines)


def write(path: Path, section: str) -> None:
    """Replace the preview section of BENCHMARKS.md (or add it before the main results)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    elif "<!-- bench:begin -->" in text:
        text = text.replace("<!-- bench:begin -->", section + "\n\n<!-- bench:begin -->", 1)
    else:
        text += "\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the devserver's incremental preview.")
    parser.add_argument("town", type=Path, help="a town made by bench.make_town")
    parser.add_argument("--work", type=Path, default=Path("/tmp/guichet-bench-preview"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-sample", action="store_true")
    parser.add_argument("--variant", default="all", help="plugins of the town: all, core…")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)
    town = json.loads((args.town / "town.json").read_text(encoding="utf-8"))
    sample = None if args.no_sample else builds.ROOT / "content"
    base = builds.base_plugins()
    results = bench_preview(args.town, args.work, base, args.runs, sample, args.variant)
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.report:
        write(args.report, render(results, town["procedures"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
