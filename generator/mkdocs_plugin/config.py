"""The plugin's options, declared once: `plugins: - impactmonitor: {ref: ..., ...}`."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class AtLeast(c.Type):
    """A whole number with a lower bound, refused with a Dutch message when below it."""

    def __init__(self, minimum: int, default: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < self.minimum:
            raise base.ValidationError(f"moet minstens {self.minimum} zijn, niet {number}.")
        return number


class ImpactmonitorConfig(base.Config):
    ref = c.Optional(c.Type(str))
    """Read data/ and indicators/ at this Git ref (tag, sha, branch); default: the working
    tree. `impactmonitor build --ref` overrides it."""
    k_anonymity = AtLeast(1, default=5)
    """Disclosure control: breakdown cells from 1 to k-1 are shown as `<k`."""
    repo_url = c.Optional(c.Type(str))
    """The repository on the forge; audit entries then link to the data rows at their commit."""
    pbkdf2_iterations = AtLeast(600_000, default=600_000)
    """PBKDF2-HMAC-SHA256 iterations for the site's password keys (at least 600,000). The
    count is stored in the published key file, so raising it later breaks no link."""
    serve_audit = c.Type(bool, default=False)
    """Also make the audit pages in `mkdocs serve`: off by default, since they are most of
    the Markdown and a preview should rebuild quickly (`build` always makes them)."""
