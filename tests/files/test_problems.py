"""Problems as staff read them: the file and its line, in the order of the file."""

from __future__ import annotations

from guichet.messages import ContentErrors, Problem


def test_a_problem_s_file_is_its_source_without_the_line():
    assert Problem("content/demarches/x.md:9", "m").file == "content/demarches/x.md"
    assert Problem("content/demarches/x.md", "m").file == "content/demarches/x.md"
    assert Problem("content/a:b.md", "m").file == "content/a:b.md"  # a colon in a name


def test_problems_come_by_file_then_by_line():
    errors = ContentErrors(
        [
            Problem("b.md:2", "m"),
            Problem("a.md:10", "m"),
            Problem("a.md", "m"),
            Problem("a.md:9", "m"),
        ]
    )
    assert [p.source for p in errors.problems] == ["a.md", "a.md:9", "a.md:10", "b.md:2"]
