"""The allow-list, tested directly on fragments: what stays, what goes."""

from __future__ import annotations

import pytest

from guichet_plugins.sanitize.policy import (
    is_external_link,
    is_local_resource,
    sanitize_html,
    srcset_urls,
)

OWN = ["www.val-daurore.fr"]

KEPT = [
    "<h2>Pièces à fournir</h2>",
    "<ul>\n<li>Une photo</li>\n</ul>",
    '<ol start="3"><li>Étape</li></ol>',
    '<p><abbr title="Centre communal d’action sociale">CCAS</abbr></p>',
    "<details><summary>Plus</summary><p>Texte</p></details>",
    '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>'
    "</table>",
    '<p><a href="mailto:accueil@val-daurore.fr">écrire</a> <a href="tel:+33565001234">appeler</a>'
    "</p>",
    '<p><a href="/demarches/">démarches</a></p>',
    '<p><a href="https://www.val-daurore.fr/contact/">contact</a></p>',
    '<img src="images/x.jpg" alt="Façade" width="640" height="480">',
    '<img src="/images/x-360.abc.jpg" srcset="/images/x-360.abc.jpg 360w, /images/x-640.def.jpg '
    '640w" alt="">',
    '<p class="note" id="a-savoir" lang="br">Degemer mat</p>',
    "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "<p>5 &lt; 6 &amp; 7</p>",
    '<p><a href="/guichets/" aria-label="Tous les guichets et leurs horaires">Guichets</a></p>',
    '<p><a href="tel:05 65 00 12 34">appeler</a> <a href="#pieces">pièces</a></p>',
]


@pytest.mark.parametrize("fragment", KEPT)
def test_allowed_html_is_kept_as_is(fragment):
    assert sanitize_html(fragment, OWN) == fragment


PLACEHOLDERS = [
    '<img alt="Mairie" src="{static}/images/mairie-facade.jpg">',
    '<img alt="Mairie" src="|static|/images/mairie-facade.jpg">',
    '<img alt="Mairie" src="{static}images/mairie facade.jpg">',
    '<a href="{filename}/demarches/carte-identite.md">carte</a>',
    '<a href="{filename}../pages/mentions-legales.md#donnees">mentions</a>',
    '<a href="{static}/documents/formulaire.pdf?v=2&amp;x=1">formulaire</a>',
    '<a href="{attach}documents/plan.pdf">plan</a>',
    '<a href="|filename|/demarches/pacs.md">pacs</a>',
]


@pytest.mark.parametrize("fragment", PLACEHOLDERS)
def test_pelican_placeholders_survive(fragment):
    assert sanitize_html(fragment, OWN) == fragment


REMOVED = [
    ("<p>a</p><script>alert(1)</script>", "<p>a</p>"),
    ('<script src="https://evil.example/x.js"></script>b', "b"),
    ('<iframe src="https://evil.example/"><p>repli</p></iframe>c', "c"),
    ('<object data="https://evil.example/a.swf"><param name="a" value="b">t</object>d', "d"),
    ('<embed src="https://evil.example/a.swf">e', "e"),
    ('<form action="https://evil.example/"><input name="n"><button>OK</button></form>f', "f"),
    ('<form action="/envoi"><label>Nom <input></label></form>g', "g"),
    ('<p onclick="alert(1)">h</p>', "<p>h</p>"),
    ('<a href="/" onmouseover="alert(1)">i</a>', '<a href="/">i</a>'),
    ('<a href="javascript:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="JaVa&#x09;ScRiPt:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="data:text/html,x">k</a>', "<a>k</a>"),
    ('<p>l<img src="data:image/png;base64,iVBORw0KGgo=" alt="x"></p>', "<p>l</p>"),
    ('<p style="background:url(https://evil.example/t.png)">m</p>', "<p>m</p>"),
    ("<style>body{background:url(https://evil.example/t.png)}</style>n", "n"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">o', "o"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">p', "p"),
    ('<base href="https://evil.example/">q', "q"),
    ('<p>r<img src="https://tracker.example/p.gif" alt="pixel"></p>', "<p>r</p>"),
    ('<p>s<img src="//cdn.example/p.jpg" alt=""></p>', "<p>s</p>"),
    ('<p>s<img src="/\\cdn.example/p.jpg" alt=""></p>', "<p>s</p>"),
    ('<p>t<img src="https://www.val-daurore.fr/images/x.jpg"></p>', "<p>t</p>"),
    ('<svg onload="alert(1)"><script>alert(1)</script><circle r="1"/></svg>u', "u"),
    ('<p>v<img src="{static}/images/logo.svg" alt="logo"></p>', "<p>v</p>"),
    ('<p>w<img src="images/logo.SVG?x=1" alt="logo"></p>', "<p>w</p>"),
    (
        '<img src="images/a.jpg" srcset="https://cdn.example/a.jpg 2x" alt="">',
        '<img src="images/a.jpg" alt="">',
    ),
    ('<a href="/" target="_blank" rel="noopener">x</a>', '<a href="/">x</a>'),
    ('<video src="https://evil.example/v.mp4">vidéo</video>y', "y"),
    ('<audio src="/a.mp3"></audio>z', "z"),
    ("<p>note<!-- interne : ne pas publier --></p>", "<p>note</p>"),
]


@pytest.mark.parametrize("fragment, expected", REMOVED)
def test_hostile_html_is_removed(fragment, expected):
    assert sanitize_html(fragment, OWN) == expected


@pytest.mark.parametrize(
    "fragment, expected",
    [
        (
            '<a href="https://www.service-public.fr/">SP</a>',
            '<a href="https://www.service-public.fr/" rel="external">SP</a>',
        ),
        ('<a href="//example.org/x">x</a>', '<a href="//example.org/x" rel="external">x</a>'),
        (
            '<a title="a > b" href="http://example.org/">x</a>',
            '<a title="a &gt; b" href="http://example.org/" rel="external">x</a>',
        ),
        (
            '<a href="https://WWW.Val-Daurore.fr/x">x</a>',
            '<a href="https://WWW.Val-Daurore.fr/x">x</a>',
        ),
        ('<a href="/demarches/">x</a>', '<a href="/demarches/">x</a>'),
        ('<a href="mailto:a@b.fr">x</a>', '<a href="mailto:a@b.fr">x</a>'),
    ],
)
def test_links_to_other_sites_stay_links_marked_external(fragment, expected):
    assert sanitize_html(fragment, OWN) == expected


@pytest.mark.parametrize(
    "url, local",
    [
        ("{static}/images/x.jpg", True),
        ("images/x.jpg", True),
        ("/images/x-640.0123456789.jpg", True),
        ("../images/x.png", True),
        ("https://example.org/x.jpg", False),
        ("HTTP://example.org/x.jpg", False),
        ("//example.org/x.jpg", False),
        ("\\\\example.org/x.jpg", False),
        (" /\\example.org/x.jpg", False),
        ("data:image/png;base64,AAAA", False),
        ("java\tscript:alert(1)", False),
        ("images/logo.svg", False),
        ("images/logo.svgz#a", False),
        ("", False),
    ],
)
def test_is_local_resource(url, local):
    assert is_local_resource(url) is local


@pytest.mark.parametrize(
    "href, external",
    [
        ("https://www.service-public.fr/", True),
        ("http://example.org", True),
        ("//example.org/a", True),
        ("https://www.val-daurore.fr/a", False),
        ("/a", False),
        ("mailto:x@example.org", False),
        ("tel:+33123456789", False),
        ("{filename}/pages/x.md", False),
        ("http://[::1", False),
    ],
)
def test_is_external_link(href, external):
    assert is_external_link(href, OWN) is external


def test_srcset_urls():
    assert srcset_urls("a.jpg 360w, b.jpg 640w,c.jpg") == ["a.jpg", "b.jpg", "c.jpg"]


@pytest.mark.parametrize(
    "fragment, expected",
    [
        (  # a photo from another site, in a link to it: the link stays, marked, its text kept
            "<p><a href='https://autre.example/plan' title='plan > détail'>"
            "<img src='https://autre.example/plan.jpg' alt='Plan'> Plan du quartier</a></p>",
            '<p><a href="https://autre.example/plan" title="plan &gt; détail" rel="external">'
            " Plan du quartier</a></p>",
        ),
        (  # a photo of the site in a link to another: both stay
            '<a href=https://autre.example/><img alt="a > b" src=images/a.jpg></a>',
            '<a href="https://autre.example/" rel="external">'
            '<img alt="a &gt; b" src="images/a.jpg"></a>',
        ),
        (  # an image whose title holds what looks like a source
            '<img title=\' src="images/a.jpg"\' src="https://autre.example/a.jpg">x',
            "x",
        ),
        (
            '<A HREF="https://autre.example/?a=1&amp;b=2">x</A>',
            '<a href="https://autre.example/?a=1&amp;b=2" rel="external">x</a>',
        ),
    ],
)
def test_images_and_links_are_read_whole_whatever_their_attributes_hold(fragment, expected):
    assert sanitize_html(fragment, OWN) == expected


def test_a_stop_inside_the_image_filter_stops_sanitizing_and_keeps_nothing(monkeypatch, capfd):
    """nh3 prints what its attribute filter raises and keeps the attribute: a Ctrl-C landing
    there would be a traceback on the staff's screen, a lost stop, and a source kept unchecked."""
    from guichet_plugins.sanitize import policy

    def interrupted(element, attribute, value):
        raise KeyboardInterrupt

    monkeypatch.setattr(policy, "_kept_value", interrupted)
    with pytest.raises(KeyboardInterrupt):
        sanitize_html('<img src="https://tracker.example/p.gif" alt="">')
    assert "Traceback" not in capfd.readouterr().err
    monkeypatch.undo()  # the next page is sanitized as usual: nothing left over from the stop
    assert sanitize_html('<img src="images/x.jpg" alt="">') == '<img src="images/x.jpg" alt="">'


def test_a_filter_that_fails_is_an_error_not_a_source_kept_unchecked(monkeypatch):
    from guichet_plugins.sanitize import policy

    def failing(element, attribute, value):
        raise ValueError(value)

    monkeypatch.setattr(policy, "_kept_value", failing)
    with pytest.raises(ValueError):
        sanitize_html('<img src="https://tracker.example/p.gif" alt="">')
