"""GUICHET_PRECOMPRESS_BROTLI_QUALITY: a fast quality for previews, 11 for the published site."""

import brotli
import pytest

from plugins.precompress.compress import BROTLI, brotli_encoding

PAGE = (
    "<!doctype html><html lang=fr><title>Démarches</title><ul>"
    + "".join(f"<li><a href=/demarches/demarche-{n}/>Démarche numéro {n}</a>" for n in range(300))
    + "</ul>"
).encode()


@pytest.mark.parametrize("quality", [0, 5, 9, 10, 11])
def test_every_quality_round_trips_and_keeps_the_br_suffix(quality):
    encoding = brotli_encoding(quality)
    assert encoding.suffix == ".br"
    assert brotli.decompress(encoding.compress(PAGE)) == PAGE
    assert encoding.compress(PAGE) == encoding.compress(PAGE)


def test_quality_11_is_the_default_encoding_and_the_smallest():
    assert brotli_encoding(11) is BROTLI
    assert len(BROTLI.compress(PAGE)) <= len(brotli_encoding(5).compress(PAGE))


def test_publish_settings_use_the_best_quality_and_preview_a_fast_one():
    import pelicanconf
    import publishconf

    assert publishconf.GUICHET_PRECOMPRESS_BROTLI_QUALITY == 11
    assert pelicanconf.GUICHET_PRECOMPRESS_BROTLI_QUALITY < 11
