"""Pure planning: settings, widths, formats, names, cache keys."""

from __future__ import annotations

import dataclasses

import pytest

import pelicanconf
from guichet_plugins.images.plan import (
    OUTPUT_NAME,
    cache_key,
    choose_format,
    file_stem,
    output_name,
    pick_candidate,
    plan_widths,
    read_settings,
)
from guichet_plugins.images.settings import KEYS

SETTINGS = {key.name: getattr(pelicanconf, key.name) for key in KEYS}


def test_pelicanconf_holds_every_setting():
    config = read_settings(vars(pelicanconf))
    assert config.options.widths == tuple(sorted(pelicanconf.IMAGES_WIDTHS))


def test_settings_left_out_take_their_defaults():
    assert read_settings({}) == read_settings(SETTINGS)
    assert read_settings({"IMAGES_WORKERS": 2}).workers == 2


@pytest.mark.parametrize(
    ("source_width", "widths", "expected"),
    [
        (4000, (360, 640, 960), (360, 640, 960)),
        (960, (360, 640, 960), (360, 640, 960)),
        (700, (360, 640, 960), (360, 700)),  # 640 is within 10 % of 700
        (800, (360, 640, 960), (360, 640, 800)),
        (300, (360, 640, 960), (300,)),  # never upscaled
        (1, (360, 640, 960), (1,)),
    ],
)
def test_plan_widths(source_width, widths, expected):
    assert plan_widths(source_width, widths) == expected


@pytest.mark.parametrize(
    ("source", "alpha", "few", "expected"),
    [
        ("JPEG", False, False, "JPEG"),
        ("JPEG", False, True, "JPEG"),
        ("PNG", False, False, "JPEG"),  # a photo saved as PNG
        ("PNG", True, False, "PNG"),
        ("PNG", False, True, "PNG"),
        ("GIF", False, True, "PNG"),
        ("WEBP", True, False, "PNG"),
    ],
)
def test_choose_format(source, alpha, few, expected):
    assert choose_format(source, alpha, few) == expected


@pytest.mark.parametrize(
    ("widths", "display", "expected"),
    [((360, 640, 960), 640, 640), ((360, 700), 640, 700), ((300,), 640, 300), ((360,), 200, 360)],
)
def test_pick_candidate(widths, display, expected):
    assert pick_candidate(widths, display) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("mairie.jpg", "mairie"),
        ("Photos/Mairie été.JPG", "photos/mairie-ete"),
        ("IMG_1234.jpeg", "img-1234"),
        ("été/..jpg", "ete/image"),
        ("a.b.c.png", "a-b-c"),
    ],
)
def test_file_stem(path, expected):
    assert file_stem(path) == expected


@pytest.mark.parametrize(
    ("fmt", "role", "expected"),
    [
        ("JPEG", "main", "photos/mairie-640.0123456789.jpg"),
        ("WEBP", "webp", "photos/mairie-640.0123456789.webp"),
        ("PNG", "lowtech", "photos/mairie-640-lowtech.0123456789.png"),
    ],
)
def test_output_names_are_recognised_for_pruning(fmt, role, expected):
    name = output_name("photos/mairie", 640, fmt, "0123456789", role)
    assert name == expected
    assert OUTPUT_NAME.search(name)


@pytest.mark.parametrize("name", ["mairie.jpg", "logo-2024.png", "mairie-640.jpg", "x.abc.jpg"])
def test_other_files_are_not_taken_for_derivatives(name):
    assert not OUTPUT_NAME.search(name)


@pytest.mark.parametrize(
    "change",
    [
        {"jpeg_quality": 80},
        {"widths": (320, 640)},
        {"webp": False},
        {"lowtech": True},
        {"webp_quality": 60},
    ],
)
def test_cache_key_changes_with_any_option(change):
    options = read_settings(SETTINGS).options
    assert cache_key("abc", options) != cache_key("abc", dataclasses.replace(options, **change))
    assert cache_key("abc", options) != cache_key("abd", options)
    assert cache_key("abc", options) == cache_key("abc", read_settings(SETTINGS).options)


@pytest.mark.parametrize(
    ("override", "error"),
    [
        ({"IMAGES_WIDTHS": ()}, "IMAGES_WIDTHS"),
        ({"IMAGES_WIDTHS": (8, 640)}, "IMAGES_WIDTHS"),
        ({"IMAGES_JPEG_QUALITY": 100}, "IMAGES_JPEG_QUALITY"),
        ({"IMAGES_WEBP_QUALITY": 0}, "IMAGES_WEBP_QUALITY"),
        ({"IMAGES_WORKERS": 0}, "IMAGES_WORKERS"),
        ({"IMAGES_OUTPUT_DIR": "../www"}, "IMAGES_OUTPUT_DIR"),
        ({"IMAGES_SOURCE_DIR": ""}, "IMAGES_SOURCE_DIR"),
    ],
)
def test_bad_settings_are_named(override, error):
    with pytest.raises(ValueError, match=error):
        read_settings({**SETTINGS, **override})


def test_a_missing_setting_takes_its_default():
    settings = dict(SETTINGS)
    del settings["IMAGES_SIZES"]
    assert read_settings(settings).sizes == pelicanconf.IMAGES_SIZES


def test_lowtech_turns_webp_off():
    config = read_settings({**SETTINGS, "IMAGES_LOWTECH": True, "IMAGES_WEBP": True})
    assert config.options.lowtech and not config.options.webp
