"""Pages compressed in a child process as they are written: the tree pass keeps what the
child made from the bytes still there, and compresses again a page changed since."""

from __future__ import annotations

import gzip
import os

import brotli

from guichet_plugins.precompress.background import Background
from guichet_plugins.precompress.compress import BROTLI, GZIP, digest, precompress_tree

TEXT = ("<p>La mairie délivre les cartes d'identité sur rendez-vous.</p>\n" * 40).encode()


def pages(tmp_path, count: int = 30):
    found = []
    for n in range(count):
        page = tmp_path / f"demarche-{n}" / "index.html"
        page.parent.mkdir()
        page.write_bytes(TEXT + f"<p>{n}</p>".encode())
        found.append(page)
    return found


def test_the_child_writes_every_copy_and_names_the_bytes_it_compressed(tmp_path):
    background = Background()
    written = pages(tmp_path)
    for page in written:
        background.submit(str(page), 11, 256)
    done = background.finish()
    assert done == {os.path.abspath(p): digest(p.read_bytes()) for p in written}
    for page in written:
        assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
        assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
    assert background.finish() == {}  # the next build starts afresh


def test_a_failed_job_is_left_to_the_tree_pass(tmp_path):
    background = Background()
    background.submit(str(tmp_path / "absent.html"), None, 256)
    assert background.finish() == {}


def test_the_tree_pass_only_reads_what_the_child_did(tmp_path):
    page = pages(tmp_path, 1)[0]
    copy = page.with_name("index.html.gz")
    copy.write_bytes(b"made by the child")  # not compressed again: left as it is
    done = {os.path.abspath(page): digest(page.read_bytes())}
    stats = precompress_tree(tmp_path, [".html"], [GZIP], min_bytes=256, done=done)
    assert stats.written == [] and stats.unchanged == 1
    assert copy.read_bytes() == b"made by the child"


def test_a_page_changed_after_the_child_compressed_it_is_compressed_again(tmp_path):
    page = pages(tmp_path, 1)[0]
    background = Background()
    background.submit(str(page), 11, 256)
    done = background.finish()
    page.write_bytes(TEXT + b"<p>corrige apres coup</p>")  # e.g. written a second time
    stats = precompress_tree(tmp_path, [".html"], [GZIP, BROTLI], min_bytes=256, done=done)
    assert len(stats.written) == 2
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()


def test_without_brotli_the_child_writes_only_gzip(tmp_path):
    page = pages(tmp_path, 1)[0]
    background = Background()
    background.submit(str(page), None, 256)
    assert background.finish() == {os.path.abspath(page): digest(page.read_bytes())}
    assert page.with_name("index.html.gz").exists()
    assert not page.with_name("index.html.br").exists()
