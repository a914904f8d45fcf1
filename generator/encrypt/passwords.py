"""The site's audiences and their passwords, read from the environment only.

`IMPACTMONITOR_PASSWORD` opens everything (the national audience); an optional
`IMPACTMONITOR_PASSWORD_<REGIO_ID>` (the id in upper case, `-` as `_`) opens the national
totals and that region's pages. Passwords are never printed, logged or written: messages
name the variable, never its value or any part of it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.errors import UserError

NATIONAL_ENV = "IMPACTMONITOR_PASSWORD"
REGION_ENV_PREFIX = NATIONAL_ENV + "_"
MIN_LENGTH = 12
MIN_SCORE = 3
"""zxcvbn's scale is 0-4; 3 is "safely unguessable: moderate protection from offline
slow-hash scenario" (the site's key file is public, so an attacker guesses offline)."""
DUTCH_WORDS = 30_000
SITE_WORDS = ("impactmonitor", "llo", "collectief", "laagopgeleiden", "laaggeletterden",
              "groeifonds", "wachtwoord", "geheim")
ADVICE = ("Kies bijvoorbeeld vier of vijf willekeurige woorden, of laat een "
          "wachtwoordmanager er een maken.")


class PasswordProblem(UserError):
    """A password is missing, weak or assigned to no region: the build stops before any
    long work."""


@dataclass(frozen=True)
class Audience:
    region: str | None
    """None for the national audience, else a region id."""
    password: str = field(repr=False)

    @property
    def env_name(self) -> str:
        return NATIONAL_ENV if self.region is None else env_name(self.region)

    @property
    def label(self) -> str:
        return "landelijk" if self.region is None else self.region


def env_name(region_id: str) -> str:
    return REGION_ENV_PREFIX + region_id.upper().replace("-", "_")


def read_audiences(environ: Mapping[str, str], region_ids: Sequence[str],
                   site_words: Sequence[str] = ()) -> list[Audience]:
    """The national audience first, then each region with a password, in register order.

    Raises PasswordProblem when the national password is missing, any password is weak, two
    audiences share a password, or a region variable names no region of the register.
    """
    national = environ.get(NATIONAL_ENV, "")
    if not national:
        raise PasswordProblem(
            f"{NATIONAL_ENV} is niet gezet. De site wordt alleen versleuteld gepubliceerd: "
            f"zet het landelijke wachtwoord in de omgeving (export {NATIONAL_ENV}=…, of als "
            "repository secret in GitHub Actions). Voor een onversleuteld voorbeeld op je "
            "eigen computer: 'impactmonitor build --unencrypted-preview' of "
            "'impactmonitor serve'.")
    by_name = {env_name(region): region for region in region_ids}
    # Empty ones are ignored: a workflow passes an unset secret as "".
    unknown = sorted(name for name, value in environ.items()
                     if name.startswith(REGION_ENV_PREFIX) and value and name not in by_name)
    if unknown:
        raise PasswordProblem(
            f"{', '.join(unknown)} hoort bij geen regio van data/regios.csv. Een regiowachtwoord "
            f"heet {REGION_ENV_PREFIX}<REGIO_ID>, met de regio_id in hoofdletters en '-' als "
            f"'_' (bijvoorbeeld {env_name(region_ids[0]) if region_ids else 'IMPACTMONITOR_PASSWORD_NOORD'}).")
    audiences = [Audience(None, national)] + [
        Audience(region, environ[name]) for name, region in by_name.items()
        if environ.get(name)]
    words = [*SITE_WORDS, *region_ids, *(w for r in region_ids for w in r.split("-")),
             *site_words]
    seen: dict[str, str] = {}
    for audience in audiences:
        reason = weakness(audience.password, words)
        if reason is not None:
            raise PasswordProblem(f"Het wachtwoord in {audience.env_name} is te zwak: {reason} "
                                  f"{ADVICE}")
        if audience.password in seen:
            raise PasswordProblem(f"{audience.env_name} is hetzelfde wachtwoord als "
                                  f"{seen[audience.password]}; elke doelgroep heeft een eigen "
                                  "wachtwoord nodig.")
        seen[audience.password] = audience.env_name
    return audiences


def weakness(password: str, words: Sequence[str] = ()) -> str | None:
    """Why `password` is too weak (Dutch, without any part of it), or None."""
    if len(password) < MIN_LENGTH:
        return f"het is korter dan {MIN_LENGTH} tekens."
    from zxcvbn import zxcvbn

    _load_dutch()
    result = zxcvbn(password, user_inputs=[w.lower() for w in words if w])
    if result["score"] >= MIN_SCORE:
        return None
    patterns = {match.get("pattern") for match in result["sequence"]}
    if "dictionary" in patterns:
        why = "het bestaat vooral uit bekende woorden, namen of veelgebruikte wachtwoorden"
    elif patterns & {"repeat", "sequence", "spatial"}:
        why = "het bevat herhalingen, reeksen of toetsenbordpatronen"
    elif "date" in patterns:
        why = "het bevat een datum of jaartal"
    else:
        why = "het is te voorspelbaar"
    return f"{why} (sterkte {result['score']} van 4 volgens zxcvbn, minimaal {MIN_SCORE} nodig)."


@functools.cache
def _load_dutch() -> None:
    """Teach zxcvbn the most common Dutch words (it ships only English lists)."""
    from wordfreq import top_n_list
    from zxcvbn.matching import add_frequency_lists

    add_frequency_lists({"nederlands": top_n_list("nl", DUTCH_WORDS)})
