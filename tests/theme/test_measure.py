"""The pure measures the theme's tests rely on."""

from __future__ import annotations

import pytest

from tests.theme.measure import contrast_ratio


@pytest.mark.parametrize(
    ("foreground", "background", "low", "high"),
    [
        ("#000", "#fff", 21, 21),
        ("#fff", "#fff", 1, 1),
        ("#767676", "#fff", 4.5, 4.6),  # the lightest grey that passes AA on white
        ("rgb(27, 27, 27)", "#ffffff", 17.2, 17.3),
        ("#0b4f8a", "rgb(255, 255, 255)", 8.3, 8.5),
    ],
)
def test_contrast_ratio(foreground, background, low, high):
    assert low <= round(contrast_ratio(foreground, background), 2) <= high
    assert contrast_ratio(foreground, background) == contrast_ratio(background, foreground)


@pytest.mark.parametrize("bad", ["blue", "#12", "rgb(1,2)", ""])
def test_contrast_ratio_rejects_what_it_cannot_read(bad):
    with pytest.raises(ValueError):
        contrast_ratio(bad, "#fff")
