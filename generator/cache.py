"""Reuse by content: validation reports and computed figures, keyed by what they depend on.

A build validates and computes the same Git blobs again and again (the live monitor on
every save, each report edition at its pinned commit on every build). Like OWID etl's
`checksum_input`, every result is stored under a key that is the hash of everything it
depends on, so an unchanged input finds its result and a changed one cannot:

- the content of every input file (its Git blob id, path included),
- the parameters of the step (k, the last quarter, the commit the lineage names, the
  quarter validation takes as "now"),
- the code: a hash of every file of the `generator` package and the versions of Python,
  pandas and NumPy (pickled frames depend on them).

Nothing is ever looked up by anything but this key, so there is no invalidation to get
wrong: a changed cell gives a new blob id, a new key, a miss. The folder is
`.cache/impactmonitor/` in the repository; it is safe to delete. An entry is written to
a temporary file and renamed into place, and read back only when its checksum holds, so a
partial or damaged entry is a miss and is written again. Entries are pickles: the cache
is the build machine's own, like `__pycache__`, and never shared or published.

The folder would grow with every change, so each build records the entries it used
(`builds/`, one small file per build) and then prunes (`Cache.prune`): an entry goes when
none of the last `KEEP_BUILDS` builds used it, or when it has not been used for
`KEEP_DAYS` days. Two builds may run at once: an entry touched in the last `GRACE`
seconds is never removed (the other build may be using it), and an entry removed under a
build's feet is only a miss for it.

A long-running process (`impactmonitor serve`) also keeps what it read in memory
(`memory=True`): a rebuild with the same key and the same carried objects gets the very
object of the last build, without unpickling it again (seconds at 20 regions). Such a
process writes the entries a rebuild computed after the rebuild (`finish_build`), so that
a save shows its pages without waiting for the pickling, also a save right after another.
Pickling holds the interpreter (2 to 6 s at 20 regions), so on Linux a forked child
process writes them: it sees the process's memory as it was at the fork, copy-on-write,
and the next rebuild runs beside it on another core. Where fork is not safe (macOS,
Windows) a thread writes them, once no rebuild has run for `IDLE_WRITE` seconds. A
process that stops waits for its writers at most `SHUTDOWN_WAIT` seconds (a Ctrl-C does
not stop a forked writer; the process that forked it does, after that time).
It also keeps finer results than an entry (`Cache.memo`): each region's figures of a rule,
so a save of one region's file computes only that region and the totals again.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import signal
import sys
import tempfile
import threading
import time
import warnings
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from generator.paths import CACHE
from generator.sources import Snapshot, git_blob_id

T = TypeVar("T")
log = logging.getLogger("impactmonitor.cache")

_MAGIC = b"impactmonitor-cache 2\n"
"""Then the SHA-256 of the rest, then the pickle, zlib-compressed (`COMPRESSION`)."""
COMPRESSION = 1
"""zlib's fastest level: a 20-region site's pages, 43 MB, become 4,6 MB in 0,17 s."""
PACKAGE = Path(__file__).resolve().parent
KEEP_BUILDS = 10
"""An entry used by one of this many last builds (or serve rebuilds) is kept."""
KEEP_DAYS = 30
"""An entry not used for this many days is removed, whatever the builds used."""
GRACE = 3600
"""Seconds after its last use during which an entry is never removed: a build running
beside the one that prunes may be using it."""
BUILDS = "builds"
ENTRY = ".pickle"
IDLE_WRITE = 2.0
"""Seconds a serving process that writes in a thread (no `FORK`) waits without a rebuild
before it pickles the entries its rebuilds computed: pickling holds the interpreter, and a
save right after another should not wait for the one before's entries."""
MAX_WAITING = 3
"""Rebuilds whose entries may wait for a pause at once (no `FORK`); beyond it the oldest
is written anyway, so that a long run of saves does not hold every state in memory."""
FORK = sys.platform == "linux" and hasattr(os, "fork")
"""Write a serving process's entries in a forked child (see the module's docstring). On
macOS a forked child of a process with system frameworks loaded may crash, so there (and
on Windows, which has no fork) a thread writes them."""
MAX_CHILDREN = 2
"""Forked writers alive at once: a third waits for the oldest, so that a run of saves does
not hold many copies of the process's memory."""
SHUTDOWN_WAIT = 30.0
"""Seconds a serving process that stops waits for its writers (a 20-region rebuild's
entries take a few); a forked writer still at work then is stopped. Only reuse is lost:
an entry is renamed into place whole or not at all."""


@dataclass
class Cache:
    """A content-addressed store of results in `folder`; counts its hits and misses."""

    folder: Path
    hits: Counter[str] = field(default_factory=Counter)
    misses: Counter[str] = field(default_factory=Counter)
    memory: bool = False
    """Keep the entries of the last build in memory, for a process that builds again."""
    used: set[str] = field(default_factory=set)
    """Entries (paths relative to `folder`) used since the last `finish_build`."""
    _kept: dict[str, list[tuple[dict[str, object], Any]]] = field(default_factory=dict,
                                                                  repr=False)
    _pending: list[tuple[Path, Any, dict[str, object]]] = field(default_factory=list,
                                                                repr=False)
    _writer: threading.Thread | None = field(default=None, repr=False)
    _memos: dict[str, Kept] = field(default_factory=dict, repr=False)
    _building: bool = field(default=False, repr=False)
    _idle_since: float = field(default=0.0, repr=False)
    _waiting: int = field(default=0, repr=False)
    _count: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _hurry: bool = field(default=False, repr=False)
    _computed: bool = field(default=False, repr=False)
    """A result was made (not read) since the last `finish_build`."""
    _children: list[_Reaper] = field(default_factory=list, repr=False)
    """A thread per forked writer that is alive, each waiting for its child."""
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    """The clock of `IDLE_WRITE` (tests set their own)."""

    def __post_init__(self) -> None:
        # The named stores of the last build or serving process, when first needed.
        _saved.read_on_first_use(self.folder / KEPT_FILE)

    @classmethod
    def at(cls, root: Path, *, memory: bool = False) -> Cache:
        return cls(root / CACHE, memory=memory)

    def through(self, kind: str, parts: Mapping[str, Any], make: Callable[[], T], *,
                carried: Mapping[str, object] | None = None) -> T:
        """The stored result of `kind` for `parts`, or `make()`'s, which is then stored.

        `carried` (name -> object) are left out of the stored bytes, each reference to the
        object itself replaced by its name, and the caller's objects are put in on reading:
        the snapshot (the key pins its files, the caller holds them) and the data commit
        (a label the figures carry, not an input of their values). A text object that is
        also present as a copy could not be replaced, so an entry whose bytes still hold
        one is not stored: reuse is lost, never correctness.
        """
        carried = dict(carried or {})
        self._building = True  # until `finish_build`: the writer waits meanwhile
        name, path = self._entry(kind, parts)
        self.used.add(name)
        # The carried objects are put in on reading: an object kept in memory holds the
        # ones it was read with, so it is reused only when they are equal (one entry can
        # serve two data states, e.g. an edition pinned to the commit the data are at).
        kept = self._kept.setdefault(name, []) if self.memory else []
        for then, value in kept:
            if then == carried:
                self.hits[kind] += 1
                _touch(path)
                return value  # type: ignore[no-any-return]
        found = _read(path, carried)
        if found is not _MISSING:
            self.hits[kind] += 1
            log.debug("cache hit: %s %s", kind, path.stem[:12])
            _touch(path)
            value = found
        else:
            self.misses[kind] += 1
            log.debug("cache miss: %s %s", kind, path.stem[:12])
            value = make()
            self._computed = True
            if self.memory:  # written after the build (`finish_build`): the pages come first
                self._pending.append((path, value, carried))
            else:
                _write(path, value, carried)
        kept.append((carried, value))
        del kept[:-4]  # a few data states per entry: the live monitor and its editions
        return value  # type: ignore[no-any-return]

    def later(self, kind: str, parts: Mapping[str, Any], make: Callable[[], T], *,
              carried: Mapping[str, object] | None = None) -> Callable[[], T] | None:
        """For an entry that is in the folder whole (its checksum holds), a function that
        unpickles it when called (and makes it with `make()` if it cannot be unpickled);
        None when there is none (call `through`). The entry counts as used and found now:
        a build that never needs the value does not unpickle it (seconds at 20 regions).
        Only for a cache that does not keep in memory."""
        assert not self.memory, "a serving process keeps what it read: use through()"
        carried = dict(carried or {})
        name, path = self._entry(kind, parts)
        payload = _payload(path)
        if payload is None:
            return None
        self.used.add(name)
        self.hits[kind] += 1
        _touch(path)

        def read() -> T:
            found = _unpickle(payload, carried, path)
            if found is not _MISSING:
                return found  # type: ignore[no-any-return]
            self.hits[kind] -= 1
            self.misses[kind] += 1
            value = make()
            self._computed = True
            _write(path, value, carried)
            return value

        return read

    def _entry(self, kind: str, parts: Mapping[str, Any]) -> tuple[str, Path]:
        """The entry's name in the folder (`<kind>/<xx>/<key>.pickle`) and its path."""
        key = cache_key(kind, parts)
        name = f"{kind}/{key[:2]}/{key}{ENTRY}"
        return name, self.folder / name

    def begin_build(self) -> None:
        """A build starts: entries waiting to be written wait for its end (the first
        `through` says so too, but a rebuild reads the working tree before it)."""
        self._building = True

    def memo(self, kind: str, limit: int) -> Kept | None:
        """A process's own store of finer results of `kind` (e.g. one region's figures),
        at most `limit` of them, for a cache that keeps in memory (`memory=True`); None
        otherwise, so a build computes as it always did. Keyed by the caller by
        everything a result reads, like an entry; never written to disk."""
        if not self.memory:
            return None
        return self._memos.setdefault(kind, Kept(limit))

    def finish_build(self, *, prune: bool = True) -> None:
        """Record the entries this build used, forget the others kept in memory, and prune
        the folder (see the module's docstring)."""
        self._kept = {name: kept for name, kept in self._kept.items() if name in self.used}
        record = self.folder / BUILDS / f"{time.time_ns():020d}-{os.getpid()}.txt"
        try:
            if self.used:
                _write_atomic(record, "".join(f"{name}\n" for name in sorted(self.used)).encode())
        except OSError as error:  # a read-only cache still serves; it is not pruned
            log.debug("cache use not recorded (%s)", error)
            prune = False
        self.used = set()
        self._building = False
        self._idle_since = self.clock()
        if self._computed:  # the named stores have grown too
            self._computed = False
            if self.memory:
                self._pending.append((self.folder / KEPT_FILE, _named_stores(), {}))
            else:  # a megabyte or two at 20 regions, in a tenth of a second
                _write(self.folder / KEPT_FILE, _named_stores(), {})
        if self._pending and FORK:
            self._write_pending_in_child(prune)
        elif self._pending:
            self._write_pending_behind(prune)
        elif prune:
            self.prune()

    def _write_pending_in_child(self, prune: bool) -> None:
        """Write what this build computed (and then prune) in a forked child process. The
        child pickles the objects as they were at the fork; this process goes on at once.
        A child that is stopped (Ctrl-C) leaves no partial entry: writes are atomic."""
        pending, self._pending = self._pending, []
        self._children = [child for child in self._children if child.is_alive()]
        while len(self._children) >= MAX_CHILDREN:
            self._children.pop(0).join()
        with warnings.catch_warnings():  # 3.12+ warns for any fork of a threaded process
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child: write, never return into the caller's code
            status = 1
            try:
                # Ctrl-C (and a closed terminal's SIGHUP) reach the whole process group:
                # the writer finishes (the parent waits for it, `wait`); a stop from the
                # parent (SIGTERM) ends it at once.
                for ignored in (signal.SIGINT, getattr(signal, "SIGHUP", signal.SIGINT)):
                    signal.signal(ignored, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                gc.disable()  # a collection would touch (and copy) every page
                logging.disable(logging.CRITICAL)  # no stdio: another thread may hold its lock
                os.nice(10)  # on a single core, the rebuild first
                self._write_all(pending, prune)
                status = 0
            except BaseException:  # only reuse is lost
                pass
            finally:
                os._exit(status)
        # A thread per child waits for it, so that no finished child lingers as a zombie
        # (a SIGCHLD handler would take the exit status of subprocess's children too).
        reaper = _Reaper(pid)
        reaper.start()
        self._children.append(reaper)

    def _write_pending_behind(self, prune: bool) -> None:
        """Write what this build computed (and then prune) in a thread: pickling the
        figures of 20 regions takes seconds a serving process need not wait for. The
        process keeps the objects in memory meanwhile; an entry a stopped process did not
        finish writing is only a miss for the next one (writes are atomic)."""
        pending, self._pending = self._pending, []
        before = self._writer
        with self._count:
            self._waiting += 1

        def write() -> None:
            if before is not None:
                before.join()
            self._until_idle()
            with self._count:
                self._waiting -= 1
            try:
                self._write_all(pending, prune)
            except Exception as error:  # only reuse is lost
                log.debug("cache entries not written (%s)", error)

        self._writer = threading.Thread(target=write, name="impactmonitor-cache", daemon=True)
        self._writer.start()

    def _write_all(self, pending: list[tuple[Path, Any, dict[str, object]]],
                   prune: bool) -> None:
        """Write the entries a build left pending, then prune: by a forked child or a
        thread, never the rebuild itself."""
        for path, value, carried in pending:
            _write(path, value, carried)
        if prune:
            self.prune()

    def _until_idle(self) -> None:
        """Until no rebuild has run for `IDLE_WRITE` seconds, or `wait` is called, or more
        than `MAX_WAITING` rebuilds' entries wait."""
        while not self._hurry and self._waiting <= MAX_WAITING and (
                self._building or self.clock() - self._idle_since < IDLE_WRITE):
            time.sleep(0.1)

    def writing(self) -> bool:
        """Whether a writer (forked child or thread) of earlier builds is still at work."""
        return (any(reaper.is_alive() for reaper in self._children)
                or (self._writer is not None and self._writer.is_alive()))

    def wait(self, timeout: float | None = None) -> bool:
        """Until the entries of the last builds are written (tests, a process that ends),
        without waiting for a pause. With a `timeout` (seconds), a forked writer still at
        work after it is stopped and a writing thread is left to end with the process;
        returns whether everything was written."""
        deadline = None if timeout is None else self.clock() + timeout

        def left() -> float | None:
            return None if deadline is None else max(0.0, deadline - self.clock())

        self._hurry = True
        try:
            if self._writer is not None:
                self._writer.join(left())
            written = self._writer is None or not self._writer.is_alive()
            while self._children:
                reaper = self._children.pop(0)
                reaper.join(left())
                if reaper.is_alive():  # past the deadline: only reuse is lost
                    log.debug("cache writer %d stopped after %s s", reaper.pid, timeout)
                    reaper.stop()
                    reaper.join()
                    written = False
            return written
        finally:
            self._hurry = False

    def prune(self, keep_builds: int = KEEP_BUILDS, keep_days: float = KEEP_DAYS,
              now: float | None = None) -> list[str]:
        """Remove entries none of the last `keep_builds` builds used or unused for
        `keep_days` days, never one used in the last `GRACE` seconds; return them."""
        now = time.time() if now is None else now
        records = sorted((self.folder / BUILDS).glob("*.txt")) if self.folder.is_dir() else []
        recent: set[str] = set()
        for record in records[-keep_builds:] if keep_builds > 0 else []:
            try:
                recent.update(record.read_text(encoding="utf-8").split())
            except OSError:  # pruned by a build beside this one
                continue
        for record in records[:-keep_builds] if keep_builds > 0 else records:
            record.unlink(missing_ok=True)
        removed = []
        for path in sorted(self.folder.glob(f"*/*/*{ENTRY}")) if records else []:
            name = path.relative_to(self.folder).as_posix()
            try:
                idle = now - path.stat().st_mtime
            except OSError:
                continue
            if idle > GRACE and (name not in recent or idle > keep_days * 86400):
                path.unlink(missing_ok=True)
                removed.append(name)
        for stray in self.folder.glob("*/*/.*") if records else []:
            # A temporary file of a writer that died; a live writer renames it in moments.
            try:
                if now - stray.stat().st_mtime > GRACE:
                    stray.unlink(missing_ok=True)
            except OSError:
                continue
        return removed


def cache_key(kind: str, parts: Mapping[str, Any]) -> str:
    """SHA-256 of the step, its parameters and the code version, as canonical JSON."""
    text = json.dumps({"kind": kind, "code": code_version(), "parts": parts},
                      sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_blobs(snapshot: Snapshot) -> dict[str, str]:
    """Path -> Git blob id of every file of the snapshot: what a computation reads."""
    return {path: git_blob_id(content) for path, content in snapshot.files.items()}


def folder_blobs(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    """Path -> blob id (or symlink target) of everything under `folder/<name>`, hidden and
    ignored files included: what the validator sees when it walks a folder."""
    found: dict[str, str] = {}
    for name in names:
        for path in sorted((folder / name).rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = "symlink:" + os.readlink(path)
            elif path.is_file():
                found[relative] = git_blob_id(path.read_bytes())
            elif path.is_dir():
                found[relative] = "dir"
    return found


@lru_cache(maxsize=1)
def code_version() -> str:
    """The package's source hash and the versions that pickles depend on."""
    import numpy
    import pandas

    versions = f"{sys.version}|{pandas.__version__}|{numpy.__version__}"
    return hashlib.sha256(f"{source_hash(PACKAGE)}|{versions}".encode()).hexdigest()


def source_hash(package: Path) -> str:
    """SHA-256 over the path and content of every file of `package` (code, schemas,
    templates, assets), so that any change to the code is a new key."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
            digest.update(relative.as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


_MISSING = object()


def _read(path: Path, carried: Mapping[str, object]) -> Any:
    payload = _payload(path)
    return _MISSING if payload is None else _unpickle(payload, carried, path)


def _payload(path: Path) -> bytes | None:
    """The entry's compressed pickle, when the entry is there and its checksum holds."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, checksum = len(_MAGIC), len(_MAGIC) + 32
    payload = data[checksum:]
    if data[:head] != _MAGIC or hashlib.sha256(payload).digest() != data[head:checksum]:
        log.debug("cache entry damaged, ignored: %s", path.name)
        return None
    return payload


def _unpickle(payload: bytes, carried: Mapping[str, object], path: Path) -> Any:
    try:
        return _Unpickler(zlib.decompress(payload), carried).load()
    except Exception:  # an entry of another shape (code changes are in the key): a miss
        log.debug("cache entry unreadable, ignored: %s", path.name)
        return _MISSING


def _write(path: Path, value: Any, carried: Mapping[str, object]) -> None:
    """Atomically: a reader sees the whole entry or none. A failure only costs reuse."""
    try:
        payload = _pickle(value, carried)
        left = [name for name, obj in carried.items()
                if isinstance(obj, str) and obj.encode("utf-8") in payload]
        if left:
            log.debug("cache entry not written (%s also held as a copy): %s", left, path.name)
            return
        packed = zlib.compress(payload, COMPRESSION)
        _write_atomic(path, _MAGIC + hashlib.sha256(packed).digest() + packed)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        log.debug("cache entry not written (%s): %s", error, path.name)


class _Reaper(threading.Thread):
    """Waits for one forked writer, so that it is reaped when it ends (no zombie)."""

    def __init__(self, pid: int) -> None:
        super().__init__(target=_wait_for, args=(pid,), daemon=True,
                         name=f"impactmonitor-cache-{pid}")
        self.pid = pid

    def stop(self) -> None:
        """End the writer now (it is reaped by this thread)."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:  # it ended meanwhile
            pass


def _wait_for(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped
        pass


def _write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _touch(path: Path) -> None:
    """Mark an entry as just used (pruning reads it as the time of last use)."""
    try:
        os.utime(path)
    except OSError:
        pass


def _pickle(value: Any, carried: Mapping[str, object]) -> bytes:
    import io

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    if carried:
        names = {id(obj): name for name, obj in carried.items()}
        pickler.persistent_id = lambda obj: names.get(id(obj))  # type: ignore[method-assign]
    pickler.dump(value)
    return buffer.getvalue()


class _Unpickler(pickle.Unpickler):
    def __init__(self, payload: bytes, carried: Mapping[str, object]) -> None:
        import io

        super().__init__(io.BytesIO(payload))
        self._carried = carried

    def persistent_load(self, pid: Any) -> Any:
        if pid not in self._carried:
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        return self._carried[pid]


class Kept(MutableMapping[Hashable, Any]):
    """What a process keeps for its own reuse (a serving process between rebuilds), at most
    `limit` entries: the least recently used goes first.

    A store with a `name` is kept by content only (its keys are blob ids, quarters,
    parameters; its values follow from them and the code): a build or serving process that
    computed something writes such stores to its cache folder (`KEPT_FILE`) and the next
    one reads them back when it first needs one, so that a `serve` started on a warm cache
    makes its first save as quickly as a later one, and a build after one region changed
    evaluates the model only for the scopes holding it. The other stores are memory only."""

    def __init__(self, limit: int, *, name: str | None = None) -> None:
        self.limit = limit
        self.name = name
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        if name is not None:
            if name in _NAMED:
                raise ValueError(f"a kept store named {name!r} exists already")
            _NAMED[name] = self

    def __getitem__(self, key: Hashable) -> Any:
        if _saved.path is not None:
            _saved.load()
        value = self._items[key]
        self._items.move_to_end(key)
        return value

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if _saved.path is not None:
            _saved.load()
        self._items[key] = value
        self._items.move_to_end(key)
        if len(self._items) > self.limit:
            self._items.popitem(last=False)

    def __delitem__(self, key: Hashable) -> None:
        del self._items[key]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        if _saved.path is not None:
            _saved.load()
        return key in self._items


_NAMED: dict[str, Kept] = {}
"""The stores kept by content (`Kept(name=...)`), by name."""
KEPT_FILE = "kept.pickle"
"""The named stores of the last build or serving process that computed something, in the
cache folder, with the code version they were made with (read back only under the same
version)."""


class _Saved:
    """The named stores on disk, read into memory on their first use in a process."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._asked: set[Path] = set()

    def read_on_first_use(self, path: Path) -> None:
        if path not in self._asked:  # a process reads each folder's file once
            self._asked.add(path)
            self.path = path

    def load(self) -> None:
        path, self.path = self.path, None  # once, also when it fails
        if path is None:
            return
        found = _read(path, {})
        if not isinstance(found, dict) or found.get("code") != code_version():
            return  # none yet, damaged, or of other code: only reuse is lost
        for name, items in found["stores"].items():
            store = _NAMED.get(name)
            if store is None:
                continue
            for key, value in reversed(items):  # each in front: the oldest ends first
                if key not in store._items:
                    store._items[key] = value
                    store._items.move_to_end(key, last=False)
            while len(store._items) > store.limit:
                store._items.popitem(last=False)


_saved = _Saved()


def _named_stores() -> dict[str, Any]:
    """What `KEPT_FILE` holds: the code version and every named store's items (the last
    file's among them, when this process has not read it yet)."""
    if _saved.path is not None:
        _saved.load()
    return {"code": code_version(),
            "stores": {name: list(store._items.items()) for name, store in _NAMED.items()}}
