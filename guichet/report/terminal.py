"""The report as staff read it in their terminal: grouped by file, quiet when all is fine."""

from __future__ import annotations

from guichet.messages import report as msg

from .model import Finding, Report


def _format_date(day) -> str:
    from guichet_plugins.procedures.dates import format_date_fr

    return format_date_fr(day)


def _finding(finding: Finding) -> list[str]:
    where = msg.LINE.format(line=finding.line) + " : " if finding.line else ""
    lines = [f"  • {where}{finding.message}"]
    if finding.hint:
        lines.append(f"    {finding.hint}")
    return lines


def _soon(report: Report) -> list[str]:
    """Procedures about to go stale: an advance notice, before they become findings."""
    lines = [msg.SOON_TITLE.format(days=report.soon_days) + " :"]
    for item, day in report.stale_soon:
        verified, shown = _format_date(item.verified), _format_date(day)
        lines.append(
            "  • " + msg.SOON_LINE.format(source=item.source, verified=verified, day=shown)
        )
    return lines


def _flyers(report: Report) -> list[str]:
    """Flyers the last build printed on more than one side: nothing when there are none."""
    if report.flyers is None:
        return [msg.FLYERS_NO_BUILD]
    if not report.flyers:
        return []
    lines = [msg.FLYERS_TITLE + " :"]
    for flyer in report.flyers:
        lines.append("  • " + _flyer_line(flyer))
        if flyer.hint:
            lines.append(f"    {flyer.hint}")
    if report.flyers_outdated:
        lines.append(msg.FLYERS_OUTDATED)
    return lines


def _flyer_line(flyer) -> str:
    return msg.FLYER_LINE.format(
        source=flyer.source, title=flyer.title, pages=flyer.pages, rule=flyer.rule, why=flyer.why
    )


def render(report: Report, html_path: str) -> str:
    procedures = msg.count(len(report.procedures), "démarche")
    counters = msg.count(len(report.counters), "guichet")
    external = msg.EXTERNAL_COUNT.format(count=msg.count(len(report.external), "lien", "liens"))
    if not report.finding_count:
        lines = [msg.ALL_GOOD.format(procedures=procedures, counters=counters, path=html_path)]
        if report.stale_soon:
            lines += ["", *_soon(report)]
        if flyers := _flyers(report):
            lines += ["", *flyers]
        if report.external:
            lines.append(external)
        return "\n".join(lines) + "\n"

    lines = [
        f"{msg.TITLE} — "
        + msg.INTRO.format(
            procedures=procedures, counters=counters, today=_format_date(report.today)
        ),
        "",
    ]
    if report.stale:
        lines.append(msg.STALE_TITLE.format(months=report.stale_months) + " :")
        for item in report.stale:
            lines.append(
                "  • " + msg.STALE_LINE.format(source=item.source, date=_format_date(item.verified))
            )
        lines.append("")
    if report.stale_soon:
        lines += [*_soon(report), ""]
    if flyers := _flyers(report):
        lines += [*flyers, ""]
    for item in report.with_findings:
        lines.append(f"{item.source} — {item.title}")
        for finding in item.findings:
            lines += _finding(finding)
        lines.append("")
    if report.external:
        lines += [external, ""]
    files = msg.count(len(report.with_findings), "fichier")
    lines.append(
        msg.SUMMARY.format(
            findings=msg.count(report.finding_count, "point à revoir", "points à revoir"),
            files=files,
            path=html_path,
        )
    )
    return "\n".join(lines) + "\n"
