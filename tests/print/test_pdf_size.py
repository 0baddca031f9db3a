"""The print plugin's hand-off (``procedure.printed``) is there when procedure pages are written."""

from __future__ import annotations

from tests.conftest import BUILD_DATE_EPOCH, ROOT


def test_pdf_size_is_set_before_procedure_pages_are_written(
    small_site, tmp_path, monkeypatch, pelican_signals
):
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    out = tmp_path / "out"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(small_site), "OUTPUT_PATH": str(out), "CACHE_PATH": str(tmp_path)},
    )
    sizes: dict[str, int] = {}
    stats: dict = {}

    def on_written(path, context):
        procedure = context.get("procedure")
        if procedure is not None and path.endswith(procedure.save_as):
            sizes[procedure.slug] = procedure.printed.pdf_size
            stats.update(context.get("guichet_flyer_stats", {}))

    signals.content_written.connect(on_written)
    try:
        Pelican(settings).run()
    finally:
        signals.content_written.disconnect(on_written)
    assert sizes.keys() == {"acte-naissance", "carte-identite"}
    for slug, size in sizes.items():
        assert isinstance(size, int)
        assert size == (out / "demarches" / slug / "fiche.pdf").stat().st_size > 5_000
    assert stats == {"flyers": 2, "cached": 0, "booklet": 1, "too_long": [], "recto_verso": []}
