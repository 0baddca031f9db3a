"""Lists as staff type them (guichet/lists.py), rendered as the build renders them."""

from __future__ import annotations

from markdown import Markdown

from guichet.lists import normalise_lists
from guichet_plugins.procedures.sections import list_items

MARKDOWN = Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"])


def render(text: str) -> tuple[str, list]:
    lines, problems = normalise_lists(text.split("\n"), 10)
    MARKDOWN.reset()
    return MARKDOWN.convert("\n".join(lines)), problems


def test_list_right_under_a_paragraph():
    html, problems = render("Apportez :\n- une photo\n- un justificatif")
    assert html == "<p>Apportez :</p>\n<ul>\n<li>une photo</li>\n<li>un justificatif</li>\n</ul>"
    assert problems == []


def test_numbered_list_right_under_a_paragraph():
    html, _ = render("Ensuite :\n1. Remplir\n2. Envoyer")
    assert "<ol>\n<li>Remplir</li>\n<li>Envoyer</li>\n</ol>" in html


def test_a_number_in_a_sentence_does_not_start_a_list():
    html, _ = render("Nous sommes ouverts depuis\n2019. Bienvenue.")
    assert "<ol>" not in html


def test_sub_list_indented_by_two_spaces():
    html, problems = render("- Pièce d'identité :\n  - carte\n  - passeport\n- Photo")
    assert html == (
        "<ul>\n<li>Pièce d'identité :<ul>\n<li>carte</li>\n<li>passeport</li>\n</ul>\n</li>\n"
        "<li>Photo</li>\n</ul>"
    )
    assert problems == []


def test_sub_list_under_a_numbered_step_and_back():
    html, _ = render("1. Remplir :\n   - le nom\n   - la date\n2. Envoyer")
    assert html.count("<li>") == 4
    assert "<ol>\n<li>Remplir :<ul>" in html
    assert "</ul>\n</li>\n<li>Envoyer</li>\n</ol>" in html


def test_three_levels_with_tabs():
    html, _ = render("- a\n\t- b\n\t\t- c\n- d")
    assert html.count("<ul>") == 3


def test_continuation_line_stays_in_its_item():
    html, _ = render("- une photo\n  de moins de 6 mois\n- un justificatif")
    assert "<li>une photo de moins de 6 mois</li>" in " ".join(html.split())


def test_one_space_under_an_item_is_named_with_its_line():
    html, problems = render("- a\n - b\n- c")
    assert [p.line for p in problems] == [11]
    assert "décalée de 1 espace" in problems[0].message
    assert html.count("<li>") == 3


def test_code_fences_untouched():
    html, _ = render("```\n- a\n  - b\n```")
    assert "<li>" not in html


def test_heading_right_after_a_list_ends_it():
    html, problems = render("- a\n## Étapes\n1. b\n2. c")
    assert html == "<ul>\n<li>a</li>\n</ul>\n<h2>Étapes</h2>\n<ol>\n<li>b</li>\n<li>c</li>\n</ol>"
    assert problems == []


def test_checklist_items_keep_their_sub_list():
    html, _ = render("- Photo\n- Pièce :\n  - carte\n  - passeport\n- Justificatif")
    items = list_items(html)
    assert [item.split("<")[0] for item in items] == ["Photo", "Pièce :", "Justificatif"]
    assert "<li>carte</li>" in items[1] and "<li>passeport</li>" in items[1]
    assert list_items("<ol><li>a</li><li>b</li></ol><p>x</p><ul><li>c</li></ul>") == ["a", "b", "c"]


def test_a_list_line_with_no_space_after_its_bullet_is_named_with_its_line():
    """Found by trying it as staff: « -Un chèque », « •Un chèque » or « 3.Venez » under a list
    were glued to the item above, one document or step fewer on the page and the flyer."""
    for line, marker in (("-Un chèque", "-"), ("•Un chèque", "•"), ("3.Venez samedi", "3.")):
        _, problems = render(f"- Une photo\n- Un justificatif\n{line}")
        (problem,) = problems
        assert problem.line == 12 and f"n'a pas d'espace après « {marker} »" in problem.message
        assert f"« {line.replace(marker, marker + ' ', 1)} »" in problem.hint
    for fine in ("- Une photo\n  *Attention* : récente", "1. Venez\n2. Signez", "- Prix :\n  -5 %"):
        assert render(fine)[1] == [], fine
