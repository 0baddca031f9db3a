"""`make verifier` on fixture sites: it finds what it must, and nothing on a clean site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.authoring.report_run import FORTY_WORDS, verifier
from tests.conftest import ROOT


def test_forty_words_is_forty_words():
    from guichet.report.readability import words

    assert len(words(FORTY_WORDS)) == 40


def test_clean_site_flags_nothing(site, tmp_path):
    result = verifier(site, tmp_path, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("✓ Rien à signaler : 2 démarches et 2 guichets relus.")
    assert "1 lien vers d'autres sites" in result.stdout  # ants.gouv.fr (field and body)
    assert result.stderr == ""
    page = (tmp_path / "rapport/index.html").read_text(encoding="utf-8")
    assert "Rien à signaler." in page and "https://ants.gouv.fr/" in page


def test_decorative_images_are_marked_as_the_build_wants(site, tmp_path):
    procedure = site / "demarches/carte-identite.md"
    text = procedure.read_text(encoding="utf-8")
    text += '\n![](images/ornement.png "décoratif")\n\n![](images/autre.png){: .decoratif }\n'
    procedure.write_text(text, encoding="utf-8")
    out = verifier(site, tmp_path).stdout
    assert "ornement.png" not in out  # the images plugin's mark: alt="" is right
    assert "Image au texte de remplacement vide : images/autre.png." in out
    assert '![](images/frise.png "décoratif")' in out  # the hint shows the mark


def test_problem_site_flags_each_problem_with_its_line(site, tmp_path):
    procedure = site / "demarches/carte-identite.md"
    text = procedure.read_text(encoding="utf-8")
    text = text.replace("Verifie-le: 2026-10-15", "Verifie-le: 2025-03-02")
    text = text.replace("Toute personne de nationalité française.", FORTY_WORDS)
    text = text.replace("/demarches/acte-naissance/", "/demarches/acte-de-naissance/")
    text += "\n![image](images/carte.jpg)\n"
    procedure.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    sentence_line = lines.index(FORTY_WORDS) + 1
    link_line = next(i for i, line in enumerate(lines, 1) if "acte-de-naissance" in line)
    image_line = lines.index("![image](images/carte.jpg)") + 1
    other = site / "demarches/acte-naissance.md"
    other.write_text(other.read_text(encoding="utf-8").replace("mairie, annexe", "mairie"), "utf-8")

    result = verifier(site, tmp_path)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr  # advice, not a failure
    assert "⚠ 5 points à revoir dans 2 fichiers." in out
    assert "content/demarches/carte-identite.md — vérifiée le 2 mars 2025" in out
    assert f"ligne {sentence_line} : Phrase de 40 mots (au plus 25)" in out
    assert "« Pour obtenir votre carte" in out
    assert (
        f"ligne {link_line} : Lien vers une page qui n'existe pas : /demarches/acte-de-naissance/"
        in out
    )
    assert f"ligne {image_line} : Le texte de remplacement « image » ne décrit pas l'image" in out
    assert re.search(
        r"content/guichets/annexe.md — Mairie annexe\n  • Aucune démarche n'indique ce guichet", out
    )

    assert verifier(site, tmp_path, "--strict").returncode == 1


def test_stale_procedures_are_listed_oldest_first(site, tmp_path):
    for name, day in (("carte-identite", "2025-06-01"), ("acte-naissance", "2024-01-10")):
        path = site / f"demarches/{name}.md"
        text = re.sub(r"Verifie-le: .*", f"Verifie-le: {day}", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    out = verifier(site, tmp_path).stdout
    first = out.index("acte-naissance.md — vérifiée le 10 janvier 2024")
    assert first < out.index("carte-identite.md — vérifiée le 1er juin 2025")


def test_invalid_file_is_reported_not_crashed(site, tmp_path):
    path = site / "demarches/acte-naissance.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Guichets: mairie, annexe\n", ""), "utf-8"
    )
    (site / "demarches/vide.md").write_bytes(b"\xff\xfe\x00 pas de l'UTF-8")
    result = verifier(site, tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Aucun guichet n'est indiqué" in result.stdout
    assert "Le champ « Guichets » est obligatoire" in result.stdout
    assert "content/demarches/vide.md" in result.stdout


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def test_html_report_is_static_and_outside_the_output(site, tmp_path):
    (site / "demarches/acte-naissance.md").write_text(
        (site / "demarches/acte-naissance.md").read_text(encoding="utf-8")
        + "\n![photo](images/a.jpg)\n",
        "utf-8",
    )
    verifier(site, tmp_path)
    page = (tmp_path / "rapport/index.html").read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(page)
    assert "script" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert '<html lang="fr">' in page and parsed.tags.count("h1") == 1
    assert "Le texte de remplacement « photo » ne décrit pas l&#39;image" in page
    assert not (ROOT / "output" / "rapport").exists()


def test_summary_field_and_heading_order_are_checked(site, tmp_path):
    path = site / "demarches/acte-naissance.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"Resume: .*", "Resume: " + FORTY_WORDS, text)
    text = text.replace("## Bon à savoir", "## Bon à savoir\n\n#### Détail\n\nRien.")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    out = verifier(site, tmp_path).stdout
    assert "ligne 2 : Phrase de 40 mots" in out  # the Resume field is line 2
    heading_line = lines.index("#### Détail") + 1
    assert f"ligne {heading_line} : Le titre « Détail » est de niveau 4 (####)" in out


def test_unreadable_file_is_named_in_french(site, tmp_path):
    (site / "demarches/latin1.md").write_bytes("Titre: Fiche en été".encode("latin-1"))
    out = verifier(site, tmp_path).stdout
    assert "content/demarches/latin1.md" in out
    assert "n'est pas enregistré en UTF-8" in out and "codec" not in out
