"""bench/fcp.py's report: its own section of BENCHMARKS.md, the rest left as it was."""

from __future__ import annotations

from bench.fcp import BEGIN, END, STRATEGIES, page_types, render, summarise, write_report


def _results(fcp_plain: float, fcp_inline: float) -> dict:
    def loads(fcp: float) -> list[dict]:
        return [{"fcp": fcp, "bytes": 1000, "requests": 1}] * 3

    types = page_types("carte", "papiers")
    raw = {"slow3g": {t.name: {s: loads(fcp_inline) for s in STRATEGIES} for t in types}}
    for row in raw["slow3g"].values():
        row["plain"] = loads(fcp_plain)
    one = {
        "fcp": 1,
        "bytes": 2,
        "requests": 1,
        "repeat_fcp": 3,
        "repeat_bytes": 4,
        "repeat_requests": 1,
    }
    return {"raw": raw, "repeat": {s: [one] for s in (*STRATEGIES, "plain")}}, types


def test_ratios_are_against_plain_pelican_on_the_same_kind_of_page():
    results, types = _results(2000, 2100)
    summary = summarise(results, types)
    assert {row["inline"]["ratio"] for row in summary["table"]["slow3g"].values()} == {1.05}
    text = render(
        summary, {"date": "d", "procedures": 30, "runs": 3, "chromium": "1", "commit": "abc"}
    )
    assert "| procedure | 2,000 | 2,100 (1.05)" in text
    assert "Worst ratio: inline 1.05" in text


def test_report_replaces_only_its_own_section(tmp_path):
    report = tmp_path / "BENCHMARKS.md"
    report.write_text(f"# B\n\nbefore\n\n{BEGIN}\nold\n{END}\n\nafter\n", encoding="utf-8")
    write_report(report, f"{BEGIN}\nnew\n{END}")
    assert report.read_text(encoding="utf-8") == f"# B\n\nbefore\n\n{BEGIN}\nnew\n{END}\n\nafter\n"
    fresh = tmp_path / "other.md"
    fresh.write_text("# B\n", encoding="utf-8")
    write_report(fresh, f"{BEGIN}\nx\n{END}")
    assert fresh.read_text(encoding="utf-8") == f"# B\n\n{BEGIN}\nx\n{END}\n"
