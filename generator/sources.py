"""`data/` and `indicators/` as they are in the working tree or at any Git ref.

Reading at a ref uses Git plumbing only (`rev-parse`, `ls-tree`, `cat-file --batch`): the
working tree, the index and HEAD are never touched, so a report edition pinned to a tag
reads the same bytes whatever is checked out. A stage that needs real paths (the
validator) gets the snapshot written into a temporary folder.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.paths import DATA, INDICATORS

SNAPSHOT_DIRS = (DATA, INDICATORS)
"""What a snapshot holds: the deliveries and the definitions (with the model's parameters)."""
DIRTY_WORKTREE = "werkmap met wijzigingen"


def git_blob_id(content: bytes) -> str:
    """The id Git gives a file with this content (`git hash-object`), without calling Git."""
    header = f"blob {len(content)}\0".encode()
    return hashlib.sha1(header + content).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    root: Path
    """The repository (or plain folder) the snapshot was read from."""
    files: Mapping[str, bytes]
    """Repo-relative POSIX path -> content, for every file under SNAPSHOT_DIRS."""
    commit: str | None
    """Full sha the files are exactly as in; None for a working tree with changes."""
    ref: str | None = None
    """The ref asked for; None for the working tree."""

    @property
    def label(self) -> str:
        """How to name the data's state to a reader: the sha, or that it is uncommitted."""
        return self.commit or DIRTY_WORKTREE

    @contextmanager
    def materialised(self) -> Iterator[Path]:
        """A folder holding the snapshot's files at their repo-relative paths."""
        if self.ref is None:
            yield self.root
            return
        with tempfile.TemporaryDirectory(prefix="impactmonitor-") as folder:
            for path, content in self.files.items():
                target = Path(folder, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            yield Path(folder)


def open_snapshot(root: Path, ref: str | None = None) -> Snapshot:
    """The working tree (`ref` None) or the commit `ref` names."""
    return read_worktree(root) if ref is None else read_ref(root, ref)


def read_ref(root: Path, ref: str) -> Snapshot:
    commit = resolve_ref(root, ref)
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *SNAPSHOT_DIRS)
    blobs: dict[str, str] = {}
    for entry in filter(None, listing.split(b"\0")):
        meta, path = entry.split(b"\t", 1)
        _mode, kind, sha = meta.decode().split()
        if kind == "blob":
            blobs[path.decode("utf-8")] = sha
    contents = _cat_blobs(root, sorted(set(blobs.values())))
    files = {path: contents[sha] for path, sha in sorted(blobs.items())}
    return Snapshot(root, files, commit, ref)


def resolve_ref(root: Path, ref: str) -> str:
    """The full sha of the commit `ref` names (branch, tag, short sha, `HEAD~1`, ...)."""
    if not is_repository(root):
        raise UserError(f"{root.resolve()} is geen Git-repository; --ref kan alleen in een repository.")
    if ref.startswith("-"):
        raise UserError(f"Onbekende ref '{ref}': een ref begint niet met '-'.")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                    f"{ref}^{{commit}}").decode().strip()
    except _GitFailed:
        raise UserError(f"Onbekende ref '{ref}': geen branch, tag of commit met die naam in "
                        f"{root.resolve()}. Bekijk de mogelijkheden met 'git log --oneline' of 'git tag'.") from None


def read_worktree(root: Path) -> Snapshot:
    """The files as they are on disk; `commit` is HEAD only when they equal HEAD exactly."""
    if not is_repository(root):
        return Snapshot(root, _walk(root), None)
    listing = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                   "--", *SNAPSHOT_DIRS)
    paths = sorted({p.decode("utf-8") for p in listing.split(b"\0") if p})
    files = {p: (root / p).read_bytes() for p in paths if (root / p).is_file()}
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *SNAPSHOT_DIRS)
    commit = None
    if not status.strip():
        try:
            commit = _git(root, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
        except _GitFailed:  # a repository without commits
            commit = None
    return Snapshot(root, files, commit)


def is_repository(root: Path) -> bool:
    try:
        top = _git(root, "rev-parse", "--show-toplevel").decode().strip()
    except (_GitFailed, FileNotFoundError):
        return False
    return Path(top).resolve() == root.resolve()


def _walk(root: Path) -> dict[str, bytes]:
    files = {}
    for folder in SNAPSHOT_DIRS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                          for part in relative.parts):
                files[relative.as_posix()] = path.read_bytes()
    return files


class _GitFailed(Exception):
    pass


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(["git", "-C", str(root), *args], input=stdin,
                            capture_output=True, check=False)
    if result.returncode != 0:
        raise _GitFailed(result.stderr.decode(errors="replace").strip())
    return result.stdout


def _cat_blobs(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Contents of many blobs in one `git cat-file --batch` process."""
    if not shas:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
    contents: dict[str, bytes] = {}
    position = 0
    for sha in shas:
        header_end = out.index(b"\n", position)
        found, kind, size = out[position:header_end].decode().split()
        assert found == sha and kind == "blob", (found, kind)
        start = header_end + 1
        contents[sha] = out[start:start + int(size)]
        position = start + int(size) + 1  # the content is followed by a newline
    return contents
