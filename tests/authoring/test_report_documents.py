"""`make verifier` follows links to documents (content/documents/) as the build does."""

from __future__ import annotations

import pytest

from guichet.report.links import check_link

FILES = frozenset({"documents/cerfa.pdf", "demarches/pacs.md"})


@pytest.mark.parametrize(
    ("href", "kind", "target"),
    [
        ("documents/cerfa.pdf", "ok", "documents/cerfa.pdf"),
        ("/documents/cerfa.pdf", "ok", "documents/cerfa.pdf"),
        ("../documents/cerfa.pdf", "ok", "documents/cerfa.pdf"),
        ("documents/absent.pdf", "broken", "documents/absent.pdf"),
        ("/demarches/pacs/", "ok", "/demarches/pacs/"),
    ],
)
def test_document_links_are_checked_against_the_content_folder(href, kind, target):
    checked = check_link(href, "/demarches/x/", "demarches", frozenset({"/demarches/pacs/"}), FILES)
    assert (checked.kind, checked.target) == (kind, target)
