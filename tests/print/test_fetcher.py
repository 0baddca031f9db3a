"""WeasyPrint (used by tests to print HTML pages) reads only the site's own files: everything else
is refused, never fetched."""

from __future__ import annotations

import pytest

from tests.print.weasy import LocalFetcher, RefusedURL, layout, local_path


@pytest.fixture
def mounts(tmp_path):
    static, output = tmp_path / "static", tmp_path / "output"
    (static / "css").mkdir(parents=True)
    (static / "css" / "fiche.css").write_text("h1 { font-size: 30pt }", encoding="utf-8")
    output.mkdir()
    (output / "logo.png").write_bytes(b"not really a png")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return {"https://www.example.fr/": output, "https://www.example.fr/theme/": static}


@pytest.mark.parametrize(
    ("url", "relative"),
    [
        ("https://www.example.fr/theme/css/fiche.css", "static/css/fiche.css"),
        ("https://www.example.fr/theme/css/fiche.css?v=2#x", "static/css/fiche.css"),
        ("https://www.example.fr/logo.png", "output/logo.png"),
    ],
)
def test_site_urls_map_to_local_files(mounts, tmp_path, url, relative):
    assert local_path(url, mounts) == (tmp_path / relative).resolve()


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.example.com/fiche.css",
        "http://www.example.fr/theme/css/fiche.css",
        "https://www.example.fr.evil.com/theme/css/fiche.css",
        "https://www.example.fr/theme/../secret.txt",
        "https://www.example.fr/%2e%2e/secret.txt",
        "https://www.example.fr/theme/css/missing.css",
        "file:///etc/passwd",
        "data:text/css,h1{}",
    ],
)
def test_everything_else_is_refused(mounts, url):
    with pytest.raises(RefusedURL):
        local_path(url, mounts)
    with pytest.raises(RefusedURL):
        LocalFetcher(mounts).fetch(url)


def test_a_render_uses_local_css_and_never_the_network(mounts, caplog):
    html = (
        '<html lang="fr"><head><title>t</title>'
        '<link rel="stylesheet" href="/theme/css/fiche.css">'
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"></head>'
        '<body><h1>Titre</h1><img src="http://example.com/pixel.png"></body></html>'
    )
    document = layout(html, "https://www.example.fr/demarches/x/fiche/", mounts)
    h1 = document.pages[0]._page_box.children[0].children[0].children[0]
    assert h1.style["font_size"] == pytest.approx(40)  # 30pt from the local stylesheet
    refused = [r.getMessage() for r in caplog.records if "RefusedURL" in r.getMessage()]
    assert any("cdn.example.com" in m for m in refused)
    assert any("pixel.png" in m for m in refused)
