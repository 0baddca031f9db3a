"""Why a flyer did not fit on one side, and one warning per cause: pure, tables of cases."""

from __future__ import annotations

from guichet_plugins.print.causes import CounterInfo, FlyerOutcome, cause_of, problems

MAIRIE = CounterInfo("mairie", "Mairie", "content/guichets/mairie.md", closures=3, days=6)
ANNEXE = CounterInfo("annexe", "Annexe", "content/guichets/annexe.md", closures=0, days=2)


def outcome(slug: str, level: int = 1, counters=(MAIRIE,), pages: int = 2, cut=(), **parts):
    return FlyerOutcome(
        source=f"content/demarches/{slug}.md",
        title=slug.capitalize(),
        level=level,
        pages=pages,
        rule="la fiche est imprimée en recto-verso (rien n'est retiré)",
        parts_mm={k.replace("__", ":"): v for k, v in parts.items()},
        counters=counters,
        web=f"www.ville.fr/demarches/{slug}/",
        cut=cut,
        documents=12,
        steps=7,
    )


def test_without_history_the_tallest_part_is_the_cause():
    flyer = outcome("a", documents=90.0, steps=60.0, counter__mairie=50.0)
    assert cause_of(flyer) == ("part", "documents")
    assert cause_of(outcome("b", documents=20.0, counter__mairie=50.0)) == ("counter", "mairie")


def test_two_counters_or_more_are_one_cause_on_the_procedure():
    flyer = outcome(
        "a", counters=(MAIRIE, ANNEXE), documents=60, counter__mairie=50, counter__annexe=40
    )
    assert cause_of(flyer) == ("part", "counters")


def test_with_history_the_part_that_grew_is_the_cause():
    before = {"level": 0, "parts_mm": {"documents": 90.0, "counter:mairie": 45.0}, "cause": None}
    flyer = outcome("a", documents=90.0, counter__mairie=52.0)
    assert cause_of(flyer, before) == ("counter", "mairie")


def test_a_cause_once_found_is_kept_while_nothing_grows():
    before = {"level": 1, "parts_mm": {}, "cause": ["counter", "mairie"]}
    assert cause_of(outcome("a", documents=90.0, counter__mairie=52.0), before) == (
        "counter",
        "mairie",
    )


def test_a_cause_that_shrank_gives_way_to_the_part_that_grew_in_the_same_build():
    """Found by trying it as staff: in one build the mairie's extra closures were removed and
    « Bon à savoir » got eight paragraphs; the warning blamed the mairie, build after build."""
    before = {
        "level": 1,
        "parts_mm": {"documents": 90.0, "counter:mairie": 140.0, "good_to_know": 20.0},
        "cause": ["counter", "mairie"],
    }
    flyer = outcome("a", documents=90.0, counter__mairie=45.0, good_to_know=110.0)
    assert cause_of(flyer, before) == ("part", "good_to_know")
    (warning,), remembered = problems([flyer], {"content/demarches/a.md": before})
    assert warning.source == "content/demarches/a.md" and "« Bon à savoir »" in warning.message
    assert remembered["content/demarches/a.md"]["cause"] == ("part", "good_to_know")


def test_a_counter_that_lengthens_five_flyers_gives_one_warning_on_its_own_file():
    history = {
        f"content/demarches/{s}.md": {
            "level": 0,
            "parts_mm": {"documents": 80.0, "counter:mairie": 45.0},
        }
        for s in "abcde"
    }
    flyers = [outcome(s, documents=80.0, counter__mairie=60.0) for s in "abcde"]
    flyers.append(outcome("f", level=0, documents=10.0, counter__mairie=60.0))
    found, remembered = problems(flyers, history)
    assert len(found) == 1
    (warning,) = found
    assert warning.source == "content/guichets/mairie.md"
    assert (
        "« Mairie »" in warning.message
        and "5 fiches qui l'indiquent ne tiennent plus" in warning.message
    )
    assert "3 fermetures à venir" in warning.message
    assert "il a grandi de 1,5 cm depuis que ces fiches tenaient sur une face" in warning.message
    assert all(f"content/demarches/{s}.md" in warning.message for s in "abcde")
    assert "raccourcissez" not in (warning.message + warning.hint).lower()  # not their file
    assert remembered["content/demarches/a.md"]["cause"] == ("counter", "mairie")
    assert remembered["content/demarches/a.md"]["grown_mm"] == 15.0
    again, _ = problems(flyers, remembered)  # the next build says the same
    assert [w.message for w in again] == [warning.message]
    assert remembered["content/demarches/f.md"] == {
        "level": 0,
        "parts_mm": {"documents": 10.0, "counter:mairie": 60.0},
        "cause": None,
    }


def test_a_long_section_gives_a_warning_on_the_procedure_saying_which_rule_and_why():
    flyer = outcome("a", level=3, cut=("good_to_know",), good_to_know=150.0, documents=40.0)
    (warning,) = problems([flyer])[0]
    assert warning.source == "content/demarches/a.md"
    assert "« Bon à savoir » est longue (15 cm" in warning.message
    assert "Règle appliquée : la fiche est imprimée en recto-verso" in warning.message
    assert "www.ville.fr/demarches/a/" in warning.hint


def test_a_flyer_still_too_long_says_how_many_pages():
    (warning,) = problems([outcome("a", level=5, pages=3, steps=400.0)])[0]
    assert "3 pages" in warning.message and "« Étapes »" in warning.message
    assert "Règle appliquée : la fiche est imprimée en recto-verso" in warning.message


def test_a_flyer_a_counter_took_past_two_pages_names_the_counter_and_what_it_left_out():
    """Found by trying it: twelve closures added to the mairie took a long procedure's flyer
    from two pages to three; the warning blamed its « Pièces à fournir », which had not changed,
    and said « Rien n'est retiré » of a flyer whose free text was left out."""
    history = {
        "content/demarches/a.md": {
            "level": 7,
            "pages": 2,
            "parts_mm": {"documents": 351.0, "counter:mairie": 60.0},
            "cause": ["part", "documents"],
        }
    }
    flyer = outcome("a", level=7, pages=3, cut=("who",), documents=351.0, counter__mairie=140.0)
    (warning,), remembered = problems([flyer], history)
    assert warning.source == "content/demarches/a.md"
    assert "le guichet « Mairie » prend 14 cm" in warning.message
    assert "« Pièces à fournir »" not in warning.message
    assert "Rien n'est retiré" not in warning.hint
    assert "(« Qui est concerné » : à lire sur www.ville.fr/demarches/a/)" in warning.hint
    assert remembered["content/demarches/a.md"]["cause"] == ("counter", "mairie")


def test_the_record_of_a_flyer_on_two_sides_says_its_cause_as_the_warning_does(tmp_path):
    import json

    from guichet_plugins.print.causes import HISTORY_FILE, HISTORY_STAMP, last_build

    before = {"documents": 80.0, "counter:mairie": 45.0}
    history = {"content/demarches/a.md": {"level": 0, "parts_mm": before}}
    grown = outcome("a", documents=80.0, counter__mairie=60.0)
    cut = outcome("b", level=3, cut=("good_to_know",), good_to_know=150.0, documents=40.0)
    one_side = outcome("c", level=0, pages=1, documents=10.0)
    _, remembered = problems([grown, cut, one_side], history)
    file = tmp_path / HISTORY_FILE
    file.write_text(json.dumps({HISTORY_STAMP[0]: HISTORY_STAMP[1], "flyers": remembered}))
    first, second = last_build(tmp_path)  # « c » fits on one side: not listed
    assert first.source == "content/demarches/a.md" and first.pages == 2
    assert first.why == (
        "le guichet « Mairie » prend 6 cm sur la feuille (horaires sur 6 jours, "
        "3 fermetures à venir)"
    )
    assert "Les fichiers de ces démarches n'ont rien à changer" in first.hint
    assert second.why == "la partie « Bon à savoir » est longue (15 cm sur la feuille)"
    assert "« Bon à savoir » est abrégé sur papier et renvoie à www.ville.fr/" in second.hint
    assert second.rule == cut.rule


def test_no_record_of_a_build_is_none_not_an_empty_list(tmp_path):
    from guichet_plugins.print.causes import HISTORY_FILE, last_build

    assert last_build(tmp_path) is None
    (tmp_path / HISTORY_FILE).write_text('{"format": 0, "flyers": {}}')
    assert last_build(tmp_path) is None
    old = '{"format": 1, "flyers": {"x.md": {"level": 1, "parts_mm": {}, "cause": null}}}'
    (tmp_path / HISTORY_FILE).write_text(old)  # written before causes were recorded
    assert last_build(tmp_path) is None
    (tmp_path / HISTORY_FILE).write_text('{"format": 1, "flyers": {}}')
    assert last_build(tmp_path) == []


CCAS = CounterInfo("ccas", "CCAS", "content/guichets/ccas.md", closures=0, days=5)


def test_counters_newly_named_by_a_procedure_are_its_own_files_cause_not_theirs():
    """A procedure that printed on one side now names two more counters: the warning is on the
    procedure's file, and no counter is said to have grown (none did)."""
    source = "content/demarches/a.md"
    history = {source: {"level": 0, "parts_mm": {"documents": 80.0, "counter:mairie": 45.0}}}
    flyer = outcome(
        "a",
        counters=(CCAS, MAIRIE, ANNEXE),
        documents=80.0,
        counter__ccas=40.0,
        counter__mairie=45.0,
        counter__annexe=40.0,
    )
    (warning,) = problems([flyer], history)[0]
    assert warning.source == source
    assert "elle indique 3 guichets" in warning.message
    assert "grandi" not in warning.message
    swapped = outcome("a", counters=(CCAS,), documents=80.0, counter__ccas=95.0)
    (warning,) = problems([swapped], history)[0]
    assert warning.source == source
    assert "elle indique le guichet « CCAS » (9,5 cm sur la feuille" in warning.message


def test_a_section_of_the_procedure_s_own_is_named_by_its_heading():
    flyer = FlyerOutcome(
        **{
            **outcome("t", level=2, cut=("intro", "other:tarifs"), documents=40.0).__dict__,
            "parts_mm": {"documents": 40.0, "other:tarifs": 120.0, "intro": 30.0},
            "names": {"intro": "Introduction", "other:tarifs": "Tarifs"},
        }
    )
    (warning,) = problems([flyer])[0]
    assert "la partie « Tarifs » est longue (12 cm sur la feuille)" in warning.message
    assert "« Introduction », « Tarifs » sont abrégés sur papier et renvoient à" in warning.hint
    assert "raccourcissez dans ce fichier la partie la plus longue (« Tarifs »)" in warning.hint
