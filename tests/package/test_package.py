"""The project is one installable package: no file edits the import path, the plugins are
``guichet_plugins.<name>``, their order is checked when a build starts, and the pure core
imports without Pelican."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib

import pytest

from guichet_plugins import ORDER, out_of_order, plugin_of
from tests.conftest import ROOT, run_build

PELICAN_LAYERS = {
    "guichet.reader",  # a Pelican reader
    "guichet_plugins.minify.writer",  # a Pelican writer
    "guichet_plugins.procedures.contents",  # Pelican content classes
    "guichet_plugins.procedures.generator",  # a Pelican generator
}
"""Modules that are Pelican objects by nature; every ``plugin.py`` is too (the signals)."""

IMPORT_ALL_WITHOUT_PELICAN = """
import importlib, pkgutil, sys
sys.modules["pelican"] = None  # any import of Pelican now fails
import guichet, guichet_plugins
for package in (guichet, guichet_plugins):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.endswith((".plugin", ".__main__")):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as error:
            print(info.name, error)
"""


def test_the_pure_core_imports_without_pelican():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL_WITHOUT_PELICAN],
        capture_output=True,
        text=True,
        cwd="/",  # the installed package, not the checkout's folders on the path
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    failed = {line.split()[0] for line in result.stdout.splitlines()}
    assert failed == PELICAN_LAYERS


def touches_the_import_path(source: str) -> bool:
    """Whether Python code reads or edits ``sys.path`` (the code, not its strings or comments)."""
    return any(
        isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
        for node in ast.walk(ast.parse(source))
    )


def test_the_import_path_check_sees_code_not_words():
    assert touches_the_import_path("import sys\nsys.path.insert(0, 'plugins')\n")
    assert touches_the_import_path("import sys\nsys.path[:0] = ['plugins']\n")
    assert not touches_the_import_path('"""Never edit sys.path."""\n# sys.path.append\n')


def test_no_file_edits_the_import_path():
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    editing = [
        name
        for name in tracked
        if touches_the_import_path((ROOT / name).read_text(encoding="utf-8"))
    ]
    assert editing == []


def test_every_package_folder_is_declared():
    declared = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = set()
    for top, name in (("guichet", "guichet"), ("plugins", "guichet_plugins")):
        for init in (ROOT / top).rglob("__init__.py"):
            if "fixtures" in init.parts:
                continue
            relative = init.parent.relative_to(ROOT / top).parts
            found.add(".".join((name, *relative)))
    assert declared == found


def test_the_sample_settings_list_every_plugin_in_order():
    from guichet.settings import inherit

    plugins = inherit(ROOT / "pelicanconf.py")["PLUGINS"]
    assert [plugin_of(name) for name in plugins] == list(ORDER)
    assert out_of_order(plugins) == []


@pytest.mark.parametrize(
    ("plugins", "wrong"),
    [
        (["print", "opendata"], [("print", "opendata")]),
        (["checks", "minify", "precompress"], [("checks", "minify"), ("checks", "precompress")]),
        (["town", "procedures", "print"], []),
        (["town", "elsewhere.thing", "procedures"], []),
    ],
)
def test_plugins_out_of_order(plugins, wrong):
    names = [p if "." in p else f"guichet_plugins.{p}" for p in plugins]
    assert out_of_order(names) == wrong


@pytest.mark.build
def test_a_build_with_plugins_out_of_order_stops_in_french(small_site, tmp_path, settings_file):
    settings = settings_file(
        "PLUGINS = [p for p in PLUGINS if p != 'guichet_plugins.minify']"
        " + ['guichet_plugins.minify']\n"
    )
    build = run_build(small_site, tmp_path / "out", settings=str(settings))
    assert build.returncode == 1, build.output
    assert "« precompress » est placée avant « minify »" in build.output
    assert "« checks » est placée avant « minify »" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "out" / "index.html").exists()
