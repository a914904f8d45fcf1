"""Recognising personal data in free text: what `privacy` reports, kept free of reporting.

Each finder returns the spans of the values it recognises for sure (a checksum or a date
that exists), so that ordinary text such as "2023-Q1", "mbo niveau 2" or an amount like
"1.250" stays clear. Finders run in a fixed order and each one blanks out what it found,
so that the digits of an IBAN are not reported again as a phone number or a BSN.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

Span = tuple[int, int]

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# Country code, check digits, then the account part with at most single spaces between.
# A lookahead, so that a candidate that turns out invalid cannot swallow the start of a
# valid one behind it.
IBAN_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])(?=([A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}))")
IBAN_LENGTHS: dict[str, int] = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "IE": 22, "ES": 24,
    "PT": 25, "IT": 27, "AT": 20, "CH": 21, "DK": 18, "SE": 24, "NO": 15, "FI": 18,
    "PL": 28, "CZ": 24, "SK": 24, "HU": 28, "RO": 24, "BG": 22, "GR": 27, "HR": 21,
    "SI": 19, "LT": 20, "LV": 21, "EE": 20, "TR": 26, "MA": 28,
}
"""IBAN length per country: Europe, and Turkey and Morocco. Others are not recognised."""

_SEP = r"(?:\s?[-.]\s?|\s)?"
PHONE = re.compile(
    r"(?<![\w+])(?=("  # a lookahead, as for IBAN_CANDIDATE
    r"(?:(?:\+|00)31" + _SEP + r"(?:\(0\)" + _SEP + r")?|\(?0)"  # +31, 0031 or a leading 0
    r"[1-9](?:\)?" + _SEP + r"[0-9]){8}(?![0-9])"  # then nine digits in all
    r"))"
)
DATE_SHAPE = re.compile(r"[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{4}")

# Eight or nine digits on their own, or grouped 4-2-3 as on Dutch ID documents; never
# part of a longer number or of an amount such as 12.345.678,50.
BSN = re.compile(
    r"(?<![0-9])(?<![0-9][.,])"
    r"(?:[0-9]{8,9}|[0-9]{4}([ .-])[0-9]{2}\1[0-9]{3})"
    r"(?![0-9])(?![.,][0-9])"
)
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)

POSTCODE = re.compile(r"(?<![\w])[1-9][0-9]{3} ?([A-Z]{2})(?![\w-])")
POSTCODE_UNUSED_LETTERS = frozenset({"SA", "SD", "SS"})

_DATE_EDGE_BEFORE = r"(?<![0-9])(?<![0-9][-./])"
_DATE_EDGE_AFTER = r"(?![0-9])(?![-./][0-9])"
DAY_FIRST = re.compile(
    _DATE_EDGE_BEFORE + r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})" + _DATE_EDGE_AFTER)
YEAR_FIRST = re.compile(
    _DATE_EDGE_BEFORE + r"([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})" + _DATE_EDGE_AFTER)
BIRTH_YEARS = range(1900, 2016)
"""Years a participant of working age can have been born in."""


def find_emails(text: str) -> list[Span]:
    return [m.span() for m in EMAIL.finditer(text)]


def find_ibans(text: str) -> list[Span]:
    spans = []
    for match in IBAN_CANDIDATE.finditer(text):
        span = _iban_span(text, match)
        if span is not None:
            spans.append(span)
    return spans


def _iban_span(text: str, match: re.Match[str]) -> Span | None:
    """The span of a valid IBAN at the start of a greedy candidate, or None."""
    candidate = match.group(1)
    length = IBAN_LENGTHS.get(candidate[:2].upper())
    if not length:
        return None
    end, seen = 0, 0
    while seen < length and end < len(candidate):
        seen += candidate[end] != " "
        end += 1
    start, stop = match.start(), match.start() + end
    if seen < length or (stop < len(text) and text[stop].isalnum()):
        return None
    return (start, stop) if iban_checksum_ok(candidate[:end]) else None


def iban_checksum_ok(iban: str) -> bool:
    compact = iban.replace(" ", "").upper()
    if not (compact.isascii() and compact.isalnum() and len(compact) > 4):
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def find_phones(text: str) -> list[Span]:
    return [(m.start(), m.start() + len(m.group(1))) for m in PHONE.finditer(text)
            if not DATE_SHAPE.search(m.group(1))]


def find_bsns(text: str) -> list[Span]:
    return [m.span() for m in BSN.finditer(text) if passes_eleven_test(m.group())]


def passes_eleven_test(number: str) -> bool:
    digits = re.sub(r"[^0-9]", "", number)
    if len(digits) not in (8, 9) or not digits.strip("0"):
        return False
    digits = digits.zfill(9)  # an 8-digit BSN has lost its leading zero
    return sum(int(d) * w for d, w in zip(digits, BSN_WEIGHTS)) % 11 == 0


def find_postcodes(text: str) -> list[Span]:
    return [m.span() for m in POSTCODE.finditer(text)
            if m.group(1) not in POSTCODE_UNUSED_LETTERS]


def find_birth_dates(text: str) -> list[Span]:
    spans = []
    for match in DAY_FIRST.finditer(text):
        day, _, month, year = match.groups()
        if _is_birth_date(int(year), int(month), int(day)):
            spans.append(match.span())
    for match in YEAR_FIRST.finditer(text):
        year, _, month, day = match.groups()
        if _is_birth_date(int(year), int(month), int(day)):
            spans.append(match.span())
    return spans


def _is_birth_date(year: int, month: int, day: int) -> bool:
    if year not in BIRTH_YEARS:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


FINDERS: tuple[tuple[str, Callable[[str], list[Span]]], ...] = (
    ("email", find_emails),
    ("iban", find_ibans),
    ("birth-date", find_birth_dates),
    ("phone", find_phones),
    ("bsn", find_bsns),
    ("postcode", find_postcodes),
)
"""Kind and finder, in the order they run: the most specific shapes first."""


def personal_data_kinds(text: str) -> list[str]:
    """The kinds of personal data in a text, each once, in the order of `FINDERS`."""
    kinds = []
    for kind, find in FINDERS:
        spans = find(text)
        if spans:
            kinds.append(kind)
            text = _blank(text, spans)
    return kinds


def _blank(text: str, spans: list[Span]) -> str:
    # A character that no finder matches or treats as a separator.
    for start, end in spans:
        text = text[:start] + "\x00" * (end - start) + text[end:]
    return text
