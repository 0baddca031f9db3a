"""The swap and the last look before publishing, on plain folders."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from guichet.publish import (
    _exchange,
    leftovers,
    previous_of,
    swap_back,
    swap_into_place,
    unsafe_pages,
)


def folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "index.html").write_text(text)
    (path / "404.html").write_text("404")
    return path


def test_exchange_is_available_here(tmp_path):
    a, b = folder(tmp_path / "a", "A"), folder(tmp_path / "b", "B")
    assert _exchange(a, b)
    assert (a / "index.html").read_text() == "B" and (b / "index.html").read_text() == "A"


def test_swap_into_place_keeps_the_previous_version(tmp_path):
    target = tmp_path / "public"
    assert swap_into_place(folder(tmp_path / "v1", "1"), target) is False
    assert swap_into_place(folder(tmp_path / "v2", "2"), target) is True
    assert swap_into_place(folder(tmp_path / "v3", "3"), target) is True
    assert (target / "index.html").read_text() == "3"
    assert (previous_of(target) / "index.html").read_text() == "2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "public.precedent"]
    assert swap_back(target)
    assert (target / "index.html").read_text() == "2"
    assert (previous_of(target) / "index.html").read_text() == "3"


def test_leftovers_are_only_hidden_staging_folders(tmp_path):
    target = tmp_path / "public"
    (tmp_path / ".public.nouveau-abc").mkdir()
    (tmp_path / ".autre.nouveau-abc").mkdir()
    (tmp_path / "public.precedent").mkdir()
    assert [p.name for p in leftovers(target)] == [".public.nouveau-abc"]


@pytest.mark.parametrize(
    "page, found",
    [
        ("<p>ok</p>", []),
        ("<script>alert(1)</script>", ["<script>"]),
        ('<script src="/x.js"></script>', ["<script>"]),
        ('<body onload="x()">', ["un attribut <body onload>"]),
        ('<a href=" JavaScript:x()">x</a>', ["une adresse javascript: (<a href>)"]),
        # browsers end a comment at "<!-->" and "--!>": the script after it runs
        ("<p>a<!--><script>x()</script>-->", ["<script>"]),
        ("<p>a<!-- b --!><script>x()</script>-->", ["<script>"]),
    ],
)
def test_unsafe_pages(tmp_path, page, found):
    site = folder(tmp_path / "site", "<p>accueil</p>")
    (site / "demarches").mkdir()
    (site / "demarches" / "index.html").write_text(page)
    problems = unsafe_pages(site)
    assert [p.message for p in problems] == [
        f"La page construite contient {what} : elle ne sera pas publiée." for what in found
    ]
    assert all(p.source == "demarches/index.html" for p in problems)


UNREADABLE = "La copie compressée de cette page est illisible : elle ne sera pas publiée."


@pytest.mark.parametrize("suffix", [".gz", ".br"])
def test_unsafe_pages_reads_the_compressed_copies_nginx_sends(tmp_path, suffix):
    site = folder(tmp_path / "site", "<p>accueil</p>")
    compress = {".gz": gzip.compress, ".br": brotli.compress}[suffix]
    (site / f"index.html{suffix}").write_bytes(compress(b"<p>accueil</p><script>x()</script>"))
    (site / f"404.html{suffix}").write_bytes(b"pas compresse")
    problems = unsafe_pages(site)
    assert [(p.source, p.message) for p in problems] == [
        ("404.html" + suffix, UNREADABLE),
        ("index.html" + suffix, "La page construite contient <script> : elle ne sera pas publiée."),
    ]


def test_a_site_without_home_page_is_not_published(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert [p.message for p in unsafe_pages(site)] == [
        "La page index.html manque dans le site construit.",
        "La page 404.html manque dans le site construit.",
    ]
