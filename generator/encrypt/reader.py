"""Read a file of an encrypted site back, as the browser does: `verify` uses this."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from generator.encrypt import container, keyfile
from generator.encrypt.passwords import NATIONAL_ENV
from generator.encrypt.site import OBJECT_DIR
from generator.errors import UserError
from generator.provenance.published import PublishedReader, not_published, plain_reader


class NotReadable(Exception):
    """The path is not in this audience's route map."""


class EncryptedSite:
    """An encrypted site opened with one password (the key is derived once)."""

    def __init__(self, site_dir: Path, password: str) -> None:
        self.site_dir = site_dir
        self.key_file = keyfile.parse_key_file(
            (site_dir / keyfile.KEY_FILE).read_text(encoding="utf-8"))
        self.slot, self._key = self.key_file.unlock(password)  # raises WrongPassword
        routes = self._open(self.key_file.entries[self.slot].routes)
        self.routes: dict[str, list[str]] = json.loads(routes)["files"]

    def read(self, path: str) -> bytes:
        found = self.routes.get(path)
        if found is None:
            raise NotReadable(path)
        return self._open(found[0])

    def _open(self, name: str) -> bytes:
        data = (self.site_dir / OBJECT_DIR / name).read_bytes()
        return container.open_sealed(data, name=name, build=self.key_file.build,
                                     slot=self.slot, audience_key=self._key)


def is_encrypted(site_dir: Path) -> bool:
    return (site_dir / keyfile.KEY_FILE).is_file()


def open_published(site_dir: Path, environ: Mapping[str, str]) -> PublishedReader:
    """The reader of a built site: decrypting with the national password from `environ`
    when the site is encrypted, else plain. Raises UserError (Dutch) when the password is
    missing or does not open the site."""
    if not site_dir.is_dir() or not is_encrypted(site_dir):
        return plain_reader(site_dir)
    password = environ.get(NATIONAL_ENV, "")
    if not password:
        raise UserError(f"{site_dir} is versleuteld: zet het landelijke wachtwoord in "
                        f"{NATIONAL_ENV} om de gepubliceerde cijfers te kunnen lezen.")
    try:
        site = EncryptedSite(site_dir, password)
    except keyfile.WrongPassword:
        raise UserError(f"Het wachtwoord in {NATIONAL_ENV} opent {site_dir} niet (een ander "
                        "wachtwoord, of een site van een andere bouw).") from None
    except (keyfile.KeyFileError, container.ObjectError, OSError) as error:
        raise UserError(f"{site_dir} is geen leesbare versleutelde site: {error}.") from None

    def read(relative_path: str) -> bytes:
        try:
            return site.read(relative_path)
        except NotReadable:
            raise not_published(site_dir, relative_path) from None
        except (container.ObjectError, OSError) as error:
            raise UserError(f"{relative_path} in {site_dir} is niet te ontsleutelen: "
                            f"{error}.") from None

    return read
