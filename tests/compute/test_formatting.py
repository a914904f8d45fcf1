"""Dutch number formats for people: 1.234; 12,5%; € 1.234."""

from __future__ import annotations

import pytest

from generator.compute.formatting import format_change, format_value


@pytest.mark.parametrize(("value", "unit", "decimals", "expected"), [
    (1234, "aantal", None, "1.234"),
    (1234567, "aantal", None, "1.234.567"),
    (12.5, "procent", None, "12,5%"),
    (12.5, "procent", 0, "13%"),          # halves round up
    (2.675, "score", 2, "2,68"),          # not 2,67 from the binary value
    (1234.4, "euro", None, "€ 1.234"),
    (-1234.5, "euro", 0, "€ -1.235"),
    (-0.004, "euro", 2, "€ 0,00"),       # no minus on a value that reads as zero
    (-2.5, "procent", 1, "-2,5%"),
    (0.00007, "procent", 5, "0,00007%"),
    (1.75, "score", None, "1,8"),
    (None, "aantal", None, "–"),
])
def test_format_value(value: float | None, unit: str, decimals: int | None, expected: str) -> None:
    assert format_value(value, unit, decimals) == expected


@pytest.mark.parametrize(("delta", "unit", "expected"), [
    (1, "aantal", "+1"),
    (-2.25, "procent", "-2,3 procentpunt"),
    (0, "aantal", "±0"),
    (-120.4, "euro", "€ -120"),
])
def test_format_change(delta: float, unit: str, expected: str) -> None:
    assert format_change(delta, unit) == expected


def test_a_small_change_is_never_shown_as_zero() -> None:
    assert format_change(0.0000012, "procent", 5) == "+0,000001 procentpunt"
    assert format_change(0.004, "euro") == "€ +0,004"


@pytest.mark.parametrize("value, unit, shown", [
    (0.00014, "procent", "0,00014%"),   # the GDP effect: never "0,0%"
    (0.0014, "procent", "0,0014%"),
    (0.25, "score", "0,25"),
    (12.5, "procent", "12,5%"),
    (0, "procent", "0,0%"),
    (10773.2, "euro", "€ 10.773"),
])
def test_small_values_keep_two_significant_digits(value: float, unit: str, shown: str) -> None:
    assert format_value(value, unit) == shown
