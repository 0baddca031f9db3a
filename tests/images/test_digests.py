"""Source digests remembered between builds (plugins/images/digests.py): a file unchanged on
disk is not read again; any write to it is seen, even one that keeps its size and mtime."""

import hashlib
import json
import os

from guichet_plugins.images.digests import DigestIndex, file_digest


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_digest_is_the_sha256_of_the_bytes(tmp_path):
    path = write(tmp_path / "a.jpg", b"photo" * 1000)
    assert file_digest(path) == hashlib.sha256(b"photo" * 1000).hexdigest()
    index = DigestIndex(tmp_path / "index.json")
    assert index.digest(path) == hashlib.sha256(b"photo" * 1000).hexdigest()
    assert index.read == 1


def test_an_unchanged_file_is_not_read_again_by_the_next_build(tmp_path):
    path = write(tmp_path / "a.jpg", b"photo")
    first = DigestIndex(tmp_path / "index.json")
    expected = first.digest(path)
    first.save()
    second = DigestIndex(tmp_path / "index.json")
    assert second.digest(path) == expected
    assert second.read == 0


def test_a_rewrite_with_the_same_size_and_mtime_is_read_again(tmp_path):
    path = write(tmp_path / "a.jpg", b"photo-1")
    before = os.stat(path)
    first = DigestIndex(tmp_path / "index.json")
    old = first.digest(path)
    first.save()
    write(tmp_path / "a.jpg", b"photo-2")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime: ctime moves
    second = DigestIndex(tmp_path / "index.json")
    assert second.digest(path) == hashlib.sha256(b"photo-2").hexdigest() != old
    assert second.read == 1


def test_the_index_keeps_only_the_files_of_the_last_build_in_a_stable_order(tmp_path):
    a, b = write(tmp_path / "b.jpg", b"b"), write(tmp_path / "a.jpg", b"a")
    first = DigestIndex(tmp_path / "index.json")
    first.digest(a), first.digest(b)
    first.save()
    second = DigestIndex(tmp_path / "index.json")
    second.digest(b)
    second.save()
    files = json.loads((tmp_path / "index.json").read_text())["files"]
    assert list(files) == [b]


def test_a_missing_or_corrupt_index_is_an_empty_one(tmp_path):
    path = write(tmp_path / "a.jpg", b"photo")
    for text in (None, "{not json", '{"version": 1, "files": []}', '["x"]', '{"version": 0}'):
        index_file = tmp_path / "index.json"
        if text is None:
            index_file.unlink(missing_ok=True)
        else:
            index_file.write_text(text)
        index = DigestIndex(index_file)
        assert index.digest(path) == hashlib.sha256(b"photo").hexdigest()
        assert index.read == 1


def test_a_file_asked_twice_in_one_build_is_read_once(tmp_path):
    """The early start and the image step both ask for each source's digest."""
    path = write(tmp_path / "a.jpg", b"photo")
    index = DigestIndex(tmp_path / "index.json")
    assert index.digest(path) == index.digest(path)
    assert index.read == 1
