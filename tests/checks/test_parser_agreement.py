"""Lexbor (selectolax) reads pages as tinyhtml5 did: the same scan of every page of the sample
town, of the hostile pages of the checks' and publish's tests, and of HTML5's odd corners
(publish's last look is this scan too: guichet.publish.script_in)."""

from __future__ import annotations

import pytest

from guichet_plugins.checks.scan import scan_html
from tests.checks.hostile_cases import RESOURCES, SCRIPTS, UNSAFE_PAGES
from tests.checks.tinyhtml5_reference import scan_html as tiny_scan_html

CORNERS = [
    # comments end where browsers end them
    "<p><!--><script>x()</script>-->",
    "<p><!---><script>x()</script>-->",
    "<p><!-- a --!><img src=//x.example/a onerror=b>-->",
    "<p><!-- a -- b --><script>x()</script>",
    "<!--<script>x()</script>--><p>ok",
    "<![CDATA[<script>x()</script>]]>",
    "<svg><![CDATA[<script>x()</script>]]></svg>",
    # raw text, RCDATA and foreign content
    "<style>p{background:url(//x.example/a.png)} /* </p><script> */ @import 'b.css';</style>",
    "<style>&amp; url(&quot;x&quot;)</style><title><script>x()</script></title>",
    "<textarea><script>x()</script></textarea><xmp><img src=//x.example/a></xmp>",
    "<noscript><link rel=stylesheet href=//x.example/n.css><img src=//x.example/n></noscript>",
    "<noembed><img src=//x.example/a></noembed><noframes><script>x()</script></noframes>",
    "<plaintext><script>x()</script>",
    "<svg><style>a{}<!--c-->url(//x.example/y)</style></svg>",
    "<svg><style>url(//x.example/a)<b>x</b>url(//x.example/z)</style></svg>",
    "<svg><script>x()</script><a xlink:href='javascript:x()'>a</a></svg>",
    "<svg><SCRIPT>x()</SCRIPT><Style>url(//x.example/s)</Style></svg><SCRIPT>y()</SCRIPT>",
    "<math><script>x()</script><style>url(//x.example/m)</style><mi><script>z()</script></mi>",
    "<svg><use xlink:href=//x.example/u#a href=//x.example/v#b />"
    "<feImage XLINK:HREF=//x.example/f />"
    "<image href=//x.example/i /><foreignObject><img src=//x.example/o></foreignObject></svg>",
    "<math><mi xlink:href=javascript:x()>m</mi><mtext><img src=//x.example/m></mtext></math>",
    "<svg ONLOAD=x() viewBox='0 0 1 1'><set onbegin=x() attributeName=href to=javascript:x() />",
    "<image src=//x.example/image-is-img>",
    # templates (browsers parse their contents) and documents inside documents
    "<template><img src=//x.example/t onerror=x()><template><script>y()</script></template>"
    "</template><p>after",
    "<table><template><script>x()</script></template><tr><td>a</td></tr></table>",
    '<iframe srcdoc="<iframe srcdoc=&quot;<script>x()</script>&quot;></iframe>"></iframe>',
    "<iframe srcdoc></iframe><iframe srcdoc='<style>@import url(//x.example/s.css)</style>'>",
    # attributes: valueless, repeated, odd spellings
    "<input onfocus autofocus><img src alt><a href>x</a><link rel=stylesheet href>",
    "<p onclick=a onclick=b><a href=' &#x6A;avascript:x()'>x</a><a href='java\tscript:x()'>y</a>",
    "<a href='\x01javascript:x()'>x</a><form><button formaction=JAVASCRIPT:x()>b</button></form>",
    "<base href=//x.example/><link rel='preload icon' href=//x.example/p>",
    "<picture><source media='(min-width:1px)' srcset='/a 1x, /b 2x'>"
    "<img srcset='/c 320w'></picture>",
    "<object data=//x.example/o></object><embed src=//x.example/e><video poster=//x.example/p>",
    "<a ping='//x.example/p1  //x.example/p2' href=/>x</a><div style='background:url(/a)'>",
    "<frameset onload=x()><frame src=//x.example/f></frameset>",
    # broken markup
    "<p <script>x()</script>",
    "<scr<script>ipt>x()</script>",
    "<a href='/<script>x()</script>'>",
    "<div\x00 onclick=x()>\x00<script>\x00</script>",
    "</p></html><script>late()</script></body><img src=//x.example/late>",
    "",
]

HOSTILE = [
    *(row[0] for row in (*RESOURCES, *SCRIPTS, *UNSAFE_PAGES)),
    *CORNERS,
]


@pytest.mark.parametrize("html", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_pages_read_alike(html):
    assert scan_html(html) == tiny_scan_html(html)


def test_the_sample_town_reads_alike(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        assert scan_html(html) == tiny_scan_html(html), page


def test_the_one_difference_is_how_prefixed_svg_attributes_are_named():
    """tinyhtml5 dropped the prefix of ``xml:…`` and ``xmlns:…`` attributes on SVG and MathML
    elements; Lexbor names them as written. Found all the same: only the name shown differs."""
    html = "<svg><g xml:base='javascript:x' xmlns:xlink='javascript:y'/></svg>"
    assert tiny_scan_html(html).javascript_urls == ["<g base>", "<g xlink>"]
    assert scan_html(html).javascript_urls == ["<g xml:base>", "<g xmlns:xlink>"]
