"""The report's checks, one function per concern (pure: text and HTML in, findings out)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from guichet.messages import report as msg
from guichet_plugins.procedures.dates import format_date_fr, is_stale

from .elements import Elements, alt_problem, heading_problems
from .links import DOCUMENTS_DIR, check_link
from .model import Finding
from .readability import Score, score, sentences, words
from .settings import Limits
from .source import Unit


def stale_on(verified: date, today: date, months: int, days: int) -> date | None:
    """The first day within ``days`` days after ``today`` on which the check becomes stale
    (same rule as :func:`is_stale`), or None: not stale yet, and not that soon."""
    if is_stale(verified, today, months):
        return None
    for ahead in range(1, days + 1):
        day = today + timedelta(days=ahead)
        if is_stale(verified, day, months):
            return day
    return None


def stale_findings(verified: date | None, today: date, months: int) -> list[Finding]:
    if verified is None or not is_stale(verified, today, months):
        return []
    text = msg.STALE.format(date=format_date_fr(verified), months=months)
    return [Finding(text, kind="stale")]


def readability(units: Iterable[Unit], limits: Limits) -> tuple[Score, list[Finding]]:
    """Score of the text, sentences too long (quoted, with their line), paragraphs too long."""
    findings: list[Finding] = []
    all_sentences: list[str] = []
    for unit in units:
        if unit.kind == "heading":
            continue
        text = unit.text
        for offset, sentence in sentences(text):
            all_sentences.append(sentence)
            count = len(words(sentence))
            if count > limits.sentence_words:
                message = msg.LONG_SENTENCE.format(
                    count=count, limit=limits.sentence_words, quote=sentence
                )
                findings.append(Finding(message, unit.line_at(offset), kind="long_sentence"))
        count = len(words(text))
        if unit.kind == "paragraph" and count > limits.paragraph_words:
            message = msg.LONG_PARAGRAPH.format(count=count, limit=limits.paragraph_words)
            findings.append(Finding(message, unit.first_line, kind="long_paragraph"))
    result = score(all_sentences)
    if result.words and result.value < limits.min_score:
        value = round(result.value)
        message = msg.LOW_SCORE.format(value=value, level=result.level, minimum=limits.min_score)
        findings.insert(0, Finding(message, kind="readability"))
    return result, findings


def find_line(lines: list[str], needle: str, start: int = 0) -> int | None:
    """First line (from 1) of the file containing ``needle``."""
    for index in range(start, len(lines)):
        if needle and needle in lines[index]:
            return index + 1
    return None


def element_findings(
    elements: Elements,
    lines: list[str],
    body_start: int,
    headings: list[Unit],
    page_url: str,
    source_dir: str,
    site_urls: frozenset[str],
    content_files: frozenset[str],
) -> tuple[list[Finding], list[str]]:
    """Images, headings and links: findings, and the URLs of other sites linked to."""
    findings: list[Finding] = []
    for image in elements.images:
        problem = alt_problem(image)
        if problem:
            template = {
                "missing": msg.ALT_MISSING,
                "empty": msg.ALT_EMPTY,
                "meaningless": msg.ALT_MEANINGLESS,
            }[problem]
            line = find_line(lines, image.src, body_start)
            text = template.format(src=image.src, alt=image.alt)
            hint = msg.ALT_EMPTY_HINT if problem == "empty" else msg.ALT_HINT
            findings.append(Finding(text, line, hint, "image_alt"))
    for heading, allowed in heading_problems(elements.headings):
        line = next((u.first_line for u in headings if u.text == heading.text), None)
        if heading.level < 2:
            text = msg.HEADING_H1.format(text=heading.text)
        else:
            text = msg.HEADING_SKIP.format(
                text=heading.text,
                level=heading.level,
                hashes="#" * heading.level,
                allowed_hashes="#" * allowed,
            )
        findings.append(Finding(text, line, kind="heading"))
    external: list[str] = []
    for href, _text in elements.links:
        checked = check_link(href, page_url, source_dir, site_urls, content_files)
        if checked.kind == "external":
            external.append(href)
        elif checked.kind == "broken":
            is_file = href.startswith("{") or checked.target.startswith(DOCUMENTS_DIR + "/")
            template = msg.BROKEN_FILE if is_file else msg.BROKEN_LINK
            text = template.format(href=href, target=checked.target)
            findings.append(Finding(text, find_line(lines, href, body_start), kind="broken_link"))
    return findings, external


def counter_use(
    procedure_counters: Mapping[str, tuple[str, ...]], counters: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """Procedures (sources) that name no existing counter; counters (slugs) no procedure names.

    ``procedure_counters``: procedure source → counter slugs written in « Guichets »;
    ``counters``: counter slug → its source.
    """
    used = {slug for slugs in procedure_counters.values() for slug in slugs}
    orphans = [
        source
        for source, slugs in sorted(procedure_counters.items())
        if not any(slug in counters for slug in slugs)
    ]
    unused = sorted(slug for slug in counters if slug not in used)
    return orphans, unused
