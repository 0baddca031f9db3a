"""Documents to download: pure helpers, then real builds of the small site with documents."""

from __future__ import annotations

import shutil

import pikepdf
import pytest

from guichet_plugins.documents.active import office_has_macros, pdf_active_content
from guichet_plugins.documents.files import describe, format_size, good_name, kind, suggest_name
from guichet_plugins.documents.links import line_of, rewrite_links
from tests.conftest import ROOT, run_build
from tests.html_pages import page as built_page

FIXTURE = ROOT / "tests" / "site" / "fixtures" / "small"


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1, "1 Ko"),
        (230_400, "230 Ko"),
        (999_999, "1000 Ko"),
        (1_234_567, "1,2 Mo"),
        (2_000_000, "2 Mo"),
        (15_400_000, "15 Mo"),
    ],
)
def test_sizes_read_as_french_units(size, text):
    assert format_size(size) == text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cerfa.pdf", "PDF"),
        ("Notice.ODT", "ODT"),
        ("lettre.docx", "DOCX"),
        ("page.html", None),
        ("plan.svg", None),
        ("programme.exe", None),
        ("sans-extension", None),
    ],
)
def test_only_document_types_are_accepted(name, expected):
    assert kind(name) == expected


def test_names_must_be_printable_and_a_better_one_is_suggested():
    assert good_name("cerfa-12669.pdf") and good_name("urbanisme/cerfa_13406.pdf")
    assert not good_name("Cerfa n° 12669.pdf")
    assert suggest_name("Cerfa n° 12669.PDF") == "cerfa-n-12669.pdf"
    assert describe("cerfa.pdf", 230_000) == "PDF, 230 Ko"


def _rewrite(body, files):
    return rewrite_links(
        body,
        "/c/demarches",
        "/c",
        "documents",
        "images",
        lambda rel: files.get(rel),
        lambda name: f"/documents/{name}",
        describe,
    )


@pytest.mark.parametrize(
    "href",
    [
        "documents/cerfa.pdf",
        "/documents/cerfa.pdf",
        "{static}/documents/cerfa.pdf",
        "../documents/cerfa.pdf",
    ],
)
def test_each_way_of_linking_a_document_gets_its_address_type_and_size(href):
    html, problems, linked = _rewrite(
        f'<p><a href="{href}">Formulaire cerfa n° 12669</a></p>', {"documents/cerfa.pdf": 230_000}
    )
    assert problems == [] and linked == ["cerfa.pdf"]
    assert html == (
        '<p><a href="/documents/cerfa.pdf">Formulaire cerfa n° 12669 '
        '<span class="doc-info">(PDF, 230 Ko)</span></a></p>'
    )


def test_links_to_pages_images_and_other_sites_are_left_alone():
    body = (
        '<a href="/guichets/mairie/">m</a><a href="https://x.fr/a.pdf">x</a>'
        '<a href="#faire">f</a><a href="{static}/images/a.jpg">i</a>'
    )
    assert _rewrite(body, {"images/a.jpg": 10}) == (body, [], [])


def test_broken_links_are_reported_and_lose_their_address():
    html, problems, _ = _rewrite(
        '<a href="documents/absent.pdf">a</a> <a href="{static}/rien.pdf">b</a>'
        ' <a href="{filename}/pages/absente.md">c</a> <a href="{static}/commune.md">d</a>',
        {"commune.md": 10},
    )
    assert [(p.kind, p.path) for p in problems] == [
        ("missing", "documents/absent.pdf"),
        ("unresolved", "rien.pdf"),
        ("unresolved", "pages/absente.md"),
        ("outside", "commune.md"),
    ]
    assert "{static}" not in html and "{filename}" not in html


def test_the_line_of_a_link_is_found_in_the_markdown():
    text = "Titre: x\n\n## Étapes\n\n1. Remplissez [le formulaire](documents/cerfa.pdf).\n"
    assert line_of(text, "documents/cerfa.pdf") == 5


def make_pdf(path, javascript=False, attachment=False):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    if javascript:
        pdf.Root.OpenAction = pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('bonjour')")
        )
    if attachment:
        pdf.attachments["virus.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ...")
    pdf.save(path)
    return path


def test_pdfs_with_script_or_attached_files_are_detected(tmp_path):
    assert pdf_active_content(str(make_pdf(tmp_path / "plain.pdf"))) == []
    assert pdf_active_content(str(make_pdf(tmp_path / "js.pdf", javascript=True))) == ["javascript"]
    assert "embedded" in pdf_active_content(str(make_pdf(tmp_path / "pj.pdf", attachment=True)))


def test_office_macros_are_detected(tmp_path):
    import zipfile

    for name, inner in (
        ("plain.odt", "content.xml"),
        ("macro.odt", "Basic/Standard/M.xml"),
        ("macro.docx", "word/vbaProject.bin"),
    ):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr(inner, "x")
    assert not office_has_macros(str(tmp_path / "plain.odt"))
    assert office_has_macros(str(tmp_path / "macro.odt"))
    assert office_has_macros(str(tmp_path / "macro.docx"))


# -- real builds -----------------------------------------------------------------------------

FORMS = "Formulaires: [Formulaire cerfa n° 12669](documents/cerfa-12669.pdf)\n"
INLINE = "\nRemplissez [le formulaire de demande](documents/cerfa-12669.pdf) avant de venir.\n"


def site_with_documents(folder, documents, inline=INLINE, forms=FORMS):
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    (content / "documents").mkdir()
    for name, make in documents.items():
        make(content / "documents" / name)
    procedure = content / "demarches" / "acte-naissance.md"
    text = procedure.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    procedure.write_text(head + "\n" + forms + "\n" + body + inline, encoding="utf-8")
    return content


def padded_pdf(path):
    make_pdf(path)
    with open(path, "ab") as file:  # a PDF of ~230 KB, as a scanned cerfa
        file.write(b"%" + b"0" * 229_000 + b"\n")
    return path


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    content = site_with_documents(folder, {"cerfa-12669.pdf": padded_pdf})
    build = run_build(content, folder / "out")
    assert build.returncode == 0, build.output
    return content, build.path


@pytest.mark.build
def test_a_linked_document_shows_its_type_and_size_and_is_published_as_it_is(good):
    content, site = good
    page = built_page(site, "demarches/acte-naissance/index.html")
    links = {" ".join(a.text.split()): a.get("href") for a in page.select("main a")}
    assert links["le formulaire de demande (PDF, 230 Ko)"] == "/documents/cerfa-12669.pdf"
    assert links["Formulaire cerfa n° 12669 (PDF, 230 Ko)"] == "/documents/cerfa-12669.pdf"
    published = site / "documents" / "cerfa-12669.pdf"
    assert published.read_bytes() == (content / "documents" / "cerfa-12669.pdf").read_bytes()


@pytest.mark.build
def test_the_flyer_prints_the_form_with_the_address_to_type(good):
    import subprocess

    _, site = good
    pdf = site / "demarches" / "acte-naissance" / "fiche.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Formulaire cerfa n° 12669 (PDF, 230 Ko)" in flat
    assert "www.val-daurore.fr/documents/ cerfa-12669.pdf" in flat or (
        "www.val-daurore.fr/documents/cerfa-12669.pdf" in flat
    )


@pytest.mark.build
def test_missing_document_and_pdf_with_script_stop_the_build_in_french(tmp_path):
    content = site_with_documents(
        tmp_path,
        {"script.pdf": lambda p: make_pdf(p, javascript=True)},
        inline="\nEnvoyez [le formulaire](documents/cerfa-12669.pdf) par courrier.\n",
        forms="",
    )
    build = run_build(content, tmp_path / "out")
    assert build.returncode == 1, build.output
    lines = (content / "demarches" / "acte-naissance.md").read_text().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "documents/cerfa-12669.pdf" in line)
    assert f"content/demarches/acte-naissance.md:{number}" in build.output
    assert "mène à un document qui n'existe pas (content/documents/cerfa-12669.pdf)" in build.output
    assert "content/documents/script.pdf" in build.output
    assert "Le PDF « script.pdf » contient du JavaScript : il est refusé" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "out" / "documents" / "script.pdf").exists()


def test_a_pdf_under_images_and_a_link_to_an_unpublished_file_are_refused():
    html, problems, _ = rewrite_links(
        '<a href="images/plan.pdf">p</a> <a href="{filename}/commune.md">c</a>'
        ' <a href="{filename}/pages/contact.md">ok</a>',
        "/c/pages",
        "/c",
        "documents",
        "images",
        lambda rel: 10 if rel in {"images/plan.pdf", "commune.md", "pages/contact.md"} else None,
        lambda name: f"/documents/{name}",
        describe,
        lambda rel: kind(rel) is not None,
        lambda rel: rel.startswith("pages/"),
    )
    assert [(p.kind, p.path) for p in problems] == [
        ("outside", "images/plan.pdf"),
        ("unsupported", "commune.md"),
    ]
    assert '<a href="{filename}/pages/contact.md">ok</a>' in html


LINKED = '<a href="/documents/cerfa.pdf">Formulaire <span class="doc-info">(PDF, 230 Ko)</span></a>'


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (
            "<a href='documents/cerfa.pdf'>Formulaire</a>",
            LINKED,
        ),
        (
            "<a href=documents/cerfa.pdf>Formulaire</a>",
            LINKED,
        ),
        (
            '<a title="cerfa > 12669" href="documents/cerfa.pdf">Formulaire</a>',
            '<a title="cerfa &gt; 12669" href="/documents/cerfa.pdf">Formulaire '
            '<span class="doc-info">(PDF, 230 Ko)</span></a>',
        ),
        (
            '<a href="documents/cerfa.pdf" class="doc"><strong>Formulaire</strong> cerfa</a>',
            '<a href="/documents/cerfa.pdf" class="doc"><strong>Formulaire</strong> cerfa '
            '<span class="doc-info">(PDF, 230 Ko)</span></a>',
        ),
        (
            '<a href="documents/cerfa.pdf"><img src="images/cerfa.jpg" alt="Formulaire"></a>',
            '<a href="/documents/cerfa.pdf"><img src="images/cerfa.jpg" alt="Formulaire"> '
            '<span class="doc-info">(PDF, 230 Ko)</span></a>',
        ),
        (
            '<A HREF="documents/cerfa.pdf">Formulaire</A>',
            LINKED,
        ),
    ],
)
def test_a_document_link_is_found_however_the_html_writes_it(link, expected):
    html, problems, linked = _rewrite(f"<p>Voir {link}.</p>", {"documents/cerfa.pdf": 230_000})
    assert (html, problems, linked) == (f"<p>Voir {expected}.</p>", [], ["cerfa.pdf"])


def test_a_broken_link_is_found_however_the_html_writes_it():
    html, problems, _ = _rewrite(
        "<p><a href='documents/absent.pdf' title='a > b'>a</a> et "
        '<a href="documents/l&#39;absent.pdf">b</a></p>',
        {},
    )
    assert [(p.kind, p.target, p.path) for p in problems] == [
        ("missing", "documents/absent.pdf", "documents/absent.pdf"),
        ("missing", "documents/l'absent.pdf", "documents/l'absent.pdf"),
    ]
    assert html == '<p><a href="#" title="a &gt; b">a</a> et <a href="#">b</a></p>'


def test_a_link_in_a_comment_is_no_link():
    body = '<p>Texte<!-- <a href="documents/absent.pdf">ancien</a> --></p>'
    assert _rewrite(body, {}) == (body, [], [])
