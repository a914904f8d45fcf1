"""Which passwords a build takes: from the environment only, strong, one per audience."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.encrypt.passwords import (
    NATIONAL_ENV, PasswordProblem, env_name, read_audiences, weakness,
)

REGIONS = ["voorbeeld-noord", "voorbeeld-zuid"]
STRONG = "fiets-kaneel-orkaan-mossel"
OTHER_STRONG = "lantaarn-vijver-kompas-tulp"


def test_a_region_variable_is_its_id_in_upper_case_with_underscores() -> None:
    assert env_name("voorbeeld-noord") == "IMPACTMONITOR_PASSWORD_VOORBEELD_NOORD"


def test_the_national_audience_first_then_the_regions_with_a_password() -> None:
    audiences = read_audiences({NATIONAL_ENV: STRONG, env_name("voorbeeld-zuid"): OTHER_STRONG},
                               REGIONS)
    assert [(a.region, a.env_name) for a in audiences] == [
        (None, NATIONAL_ENV), ("voorbeeld-zuid", "IMPACTMONITOR_PASSWORD_VOORBEELD_ZUID")]
    assert STRONG not in repr(audiences)


@pytest.mark.parametrize("environ", [{}, {NATIONAL_ENV: ""}])
def test_without_a_national_password_the_message_says_what_to_set(environ) -> None:
    with pytest.raises(PasswordProblem) as raised:
        read_audiences(environ, REGIONS)
    assert "IMPACTMONITOR_PASSWORD is niet gezet" in raised.value.message
    assert "--unencrypted-preview" in raised.value.message


@pytest.mark.parametrize("password, reason", [
    ("kort-maar", "korter dan 12 tekens"),
    ("wachtwoord123", "bekende woorden"),
    ("goedemorgen!", "bekende woorden"),          # Dutch words zxcvbn's English lists miss
    ("impactmonitor1", "bekende woorden"),        # the site's own name
    ("aaaaaaaaaaaaaaaa", "herhalingen"),
    ("qwertyuiopasdfgh", "bekende woorden"),
])
def test_a_weak_password_is_refused_with_the_reason(password: str, reason: str) -> None:
    with pytest.raises(PasswordProblem) as raised:
        read_audiences({NATIONAL_ENV: password}, REGIONS)
    message = raised.value.message
    assert f"Het wachtwoord in {NATIONAL_ENV} is te zwak" in message and reason in message
    assert password not in message


def test_a_strong_password_passes() -> None:
    assert weakness(STRONG) is None and weakness("x9#Kq2!vLp8zW") is None


def test_a_region_variable_for_no_region_is_refused() -> None:
    with pytest.raises(PasswordProblem, match="IMPACTMONITOR_PASSWORD_VOORBEELD_WEST hoort bij "
                                              "geen regio"):
        read_audiences({NATIONAL_ENV: STRONG, "IMPACTMONITOR_PASSWORD_VOORBEELD_WEST": OTHER_STRONG},
                       REGIONS)


def test_two_audiences_may_not_share_a_password() -> None:
    with pytest.raises(PasswordProblem, match="hetzelfde wachtwoord als IMPACTMONITOR_PASSWORD"):
        read_audiences({NATIONAL_ENV: STRONG, env_name("voorbeeld-noord"): STRONG}, REGIONS)


def test_zxcvbn_alone_would_let_a_dutch_phrase_pass() -> None:
    """Why the Dutch list is loaded: zxcvbn's own lists are English."""
    alone = subprocess.run([sys.executable, "-c", "from zxcvbn import zxcvbn; "
                            "print(zxcvbn('vrijdagmiddag')['score'])"],
                           capture_output=True, text=True, check=True)
    assert int(alone.stdout) >= 3
    assert weakness("vrijdagmiddag") is not None
