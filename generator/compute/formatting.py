"""Dutch number formats for people: 1.234; 12,5%; € 1.234. Machine formats keep raw values."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DEFAULT_DECIMALS = {"aantal": 0, "procent": 1, "euro": 0, "score": 1}
MISSING = "–"
"""Shown where there is no value (nothing to divide by, no data yet)."""


def dutch(number: float, decimals: int) -> str:
    """`1234.5` -> `1.234,5`: `.` groups thousands, `,` marks decimals.

    Halves round up, as people expect in a report (12,5% -> 13%), not to even as
    Python's `format` does; the shortest repr keeps 2.675 from becoming 2.67.
    """
    rounded = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_value(value: float | int | None, unit: str, decimals: int | None = None) -> str:
    """A value as a Dutch reader expects it; a non-zero value never reads as zero.

    Without `decimals`, the unit's usual number is used, with more where a small value
    needs them to keep two significant digits (a GDP effect of 0,00014%, not 0,0%).
    """
    if value is None:
        return MISSING
    if decimals is None:
        decimals = 0 if unit == "aantal" and float(value).is_integer() else DEFAULT_DECIMALS.get(unit, 1)
        decimals = max(decimals, _decimals_for_two_significant(value))
    number = dutch(abs(value), decimals)
    sign = "-" if value < 0 and number.strip("0,.") else ""  # never "-0"
    if unit == "procent":
        return f"{sign}{number}%"
    if unit == "euro":
        return f"€ {sign}{number}"  # the Dutch order (CLDR nl): € -1.235
    return sign + number


def _decimals_for_two_significant(value: float | int) -> int:
    if value == 0 or abs(value) >= 1:
        return 0
    return min(10, -Decimal(repr(abs(value))).adjusted() + 1)


def format_change(delta: float, unit: str, decimals: int | None = None) -> str:
    """A signed difference; for percentages in percentage points, not percent.

    A change too small for the usual decimals gets as many more as it needs (up to 10),
    so that a value that moved never reads as "+0".
    """
    sign = "+" if delta > 0 else "-" if delta < 0 else "±"
    shown_unit = "score" if unit == "procent" else unit
    if decimals is None:
        decimals = DEFAULT_DECIMALS.get(unit, 1)
        if unit == "aantal" and not float(delta).is_integer():
            decimals = 1
    while delta and decimals < 10 and not Decimal(repr(abs(delta))).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):
        decimals += 1
    text = format_value(abs(delta), shown_unit, decimals)
    if unit == "procent":
        return f"{sign}{text} procentpunt"
    if unit == "euro":
        return text.replace("€ ", f"€ {sign}", 1)  # € +29, € -29: as a value is written
    return f"{sign}{text}"


def format_number(value: float, max_decimals: int = 4) -> str:
    """The shortest Dutch rendering up to `max_decimals`: 0.25 -> `0,25`, 45.0 -> `45`.

    For numbers without a unit of the monitor (the economic model's parameters), where a
    fixed number of decimals would either hide 0,25 as 0,3 or pad 45 to 45,00.
    """
    text = dutch(value, max_decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return "0" if text == "-0" else text


def format_period(period: str) -> str:
    """`2026-Q2` -> `2026-K2`: a quarter as Dutch readers write it (K for kwartaal).

    Only for text people read; ids, CSV downloads and the data contract keep `YYYY-Qn`.
    """
    year, sep, quarter = period.partition("-Q")
    return f"{year}-K{quarter}" if sep and year.isdigit() and quarter.isdigit() else period
