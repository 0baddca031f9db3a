"""Finding <img> tags, the alt text convention, and the markup written in their place."""

from __future__ import annotations

import pytest

from guichet_plugins.images.markup import (
    Candidate,
    find_images_and_links,
    render,
    replace_tags,
)


def find_images(text: str):
    return find_images_and_links(text)[0]


CANDIDATES = [
    Candidate("/images/a-360.h.jpg", 360, 240),
    Candidate("/images/a-640.h.jpg", 640, 427),
]
WEBP = [Candidate("/images/a-360.h.webp", 360, 240), Candidate("/images/a-640.h.webp", 640, 427)]


def test_finds_tags_with_their_exact_span():
    text = (
        '<p>Avant</p>\n<p><img alt="Une &amp; deux" src="{static}/images/a.jpg"> et\n'
        "<img src=b.png /></p>"
    )
    tags = find_images(text)
    assert [t.src for t in tags] == ["{static}/images/a.jpg", "b.png"]
    assert text[tags[0].start : tags[0].end].startswith("<img alt=")
    assert text[tags[1].start : tags[1].end] == "<img src=b.png />"
    assert tags[0].alt == "Une & deux"
    replaced = replace_tags(text, [(tags[0], "[A]"), (tags[1], "[B]")])
    assert replaced == "<p>Avant</p>\n<p>[A] et\n[B]</p>"


def test_no_img_no_parsing():
    assert find_images("<p>Texte sans image</p>") == []


@pytest.mark.parametrize(
    ("tag", "alt"),
    [
        ('<img src="a.jpg" alt="Façade de la mairie">', "Façade de la mairie"),
        ('<img src="a.jpg" alt="">', None),
        ('<img src="a.jpg" alt="   ">', None),
        ('<img src="a.jpg">', None),
        ('<img src="a.jpg" alt="" title="décoratif">', ""),
        ('<img src="a.jpg" alt="" title="Décoratif ">', ""),
        ('<img src="a.jpg" alt="" title="decoratif">', ""),
        ('<img src="a.jpg" alt="" title="Une frise">', None),
        ('<img src="a.jpg" alt="Frise" title="décoratif">', ""),  # marked decorative: not read
    ],
)
def test_alt_text_convention(tag, alt):
    assert find_images(tag)[0].alt == alt


def test_render_gives_srcset_sizes_dimensions_and_lazy_loading():
    tag = find_images('<img alt="L\'école" src="{static}/images/a.jpg" class="photo">')[0]
    html = render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=True)
    assert html.startswith('<img src="/images/a-640.h.jpg" ')
    assert 'srcset="/images/a-360.h.jpg 360w, /images/a-640.h.jpg 640w"' in html
    assert 'sizes="40em"' in html
    assert 'width="640" height="427"' in html
    assert 'alt="L\'école"' in html and 'class="photo"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert "{static}" not in html


def test_first_image_is_not_lazy():
    tag = find_images('<img alt="x" src="a.jpg">')[0]
    assert "loading" not in render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=False)


def test_decorative_image_gets_empty_alt_and_no_title():
    tag = find_images('<img alt="" title="décoratif" src="a.jpg">')[0]
    html = render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=False)
    assert 'alt=""' in html and "title" not in html


def test_webp_goes_in_a_picture_with_the_jpeg_as_fallback():
    tag = find_images('<img alt="x" src="a.jpg">')[0]
    html = render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=False, webp=WEBP)
    assert html.startswith('<picture><source type="image/webp" srcset="/images/a-360.h.webp 360w')
    assert html.endswith("></picture>")
    assert '<img src="/images/a-640.h.jpg"' in html


def test_lowtech_link_to_the_full_image():
    tag = find_images('<img alt="x" src="a.jpg">')[0]
    link = ("/images/a-640.h.jpg", "Voir l'image en couleur (JPEG, 31 Ko)")
    html = render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=False, full_link=link)
    assert html.endswith(
        ' <a class="image-full" href="/images/a-640.h.jpg">'
        "Voir l'image en couleur (JPEG, 31 Ko)</a>"
    )


def test_attribute_values_are_escaped():
    tag = find_images('<img alt="a &quot;b&quot; &lt;c&gt;" src="a.jpg">')[0]
    html = render(tag, CANDIDATES, CANDIDATES[1], "40em", lazy=False)
    assert 'alt="a &quot;b&quot; &lt;c&gt;"' in html


def test_links_keep_their_other_attributes():
    from guichet_plugins.images.markup import render_link

    text = '<p><a class="x" href="{static}/images/a.jpg">grand</a> <a name="ancre">n</a></p>'
    links = find_images_and_links(text)[1]
    assert len(links) == 1
    assert (
        render_link(links[0], "/images/a-960.h.jpg") == '<a class="x" href="/images/a-960.h.jpg">'
    )
