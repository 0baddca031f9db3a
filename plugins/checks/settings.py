"""The checks plugin's settings: the budgets, defaults here, documented in pelicanconf.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guichet.keys import Key, read

from .budget import Budgets

_DEFAULTS = Budgets()
KEYS = (
    Key("GUICHET_BUDGET_FIRST_VIEW_BYTES", _DEFAULTS.first_view_bytes, "int"),
    Key("GUICHET_BUDGET_IMAGE_BYTES", _DEFAULTS.image_bytes, "int"),
    Key("GUICHET_BUDGET_IMAGE_WIDTH", _DEFAULTS.image_width, "int"),
)


def budgets_from(settings: Mapping[str, Any]) -> Budgets:
    value = read(settings, KEYS)
    return Budgets(
        first_view_bytes=value["GUICHET_BUDGET_FIRST_VIEW_BYTES"],
        image_bytes=value["GUICHET_BUDGET_IMAGE_BYTES"],
        image_width=value["GUICHET_BUDGET_IMAGE_WIDTH"],
    )
