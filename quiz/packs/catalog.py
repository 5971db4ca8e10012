"""All the packs a game can use: built-in, installed by the user, or named on the command line.

One rule decides which installed file a pack id means, and everything that lists, loads
or removes installed packs goes through it (``packs list``, ``packs remove``, the pack
browser, the game):

* a built-in pack wins over a user pack with the same id;
* inside one folder, the file named after its id (``ID.yaml``, as ``packs add`` writes
  it) wins, then the first by file name;
* every other file claiming that id is not loaded: it is shown as a problem,
  "duplicate: pack id 'ID' is already used by FILE".

Symbolic links in the user folder are refused as ``packs add`` refuses them, and a pack
folder that cannot be read is reported, never taken as empty.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz import paths
from quiz.facts import Origin, Pack
from quiz.packs.loader import load_pack
from quiz.packs.problems import PackError, Problem

PACK_SUFFIXES = (".yaml", ".yml")


class InstalledProblem(PackError):
    """An installed file that is not loaded though it may be a good pack: a duplicate id
    or a symbolic link. ``id`` is the pack id it concerns, ``origin`` its folder."""

    def __init__(self, path: str, message: str, pack_id: str, origin: Origin) -> None:
        super().__init__(path, [Problem(path, 0, 0, message)])
        self.id = pack_id
        self.origin: Origin = origin


class FolderError(PackError):
    """A pack folder that exists but cannot be listed (its packs are unknown, not none)."""

    def __init__(self, folder: Path, reason: str, origin: Origin) -> None:
        problem = Problem(str(folder), 0, 0, f"cannot read the pack folder: {reason}")
        super().__init__(str(folder), [problem])
        self.message = f"cannot read the pack folder {folder}: {reason}"
        self.id = folder.name
        self.origin: Origin = origin

    def __str__(self) -> str:
        return self.message


@dataclass
class Catalog:
    """The packs that loaded, and a PackError for each one that did not."""

    packs: list[Pack] = field(default_factory=list)
    failures: list[PackError] = field(default_factory=list)

    def get(self, pack_id: str) -> Pack | None:
        """The loaded pack with this id, if any."""
        return next((pack for pack in self.packs if pack.id == pack_id), None)


@dataclass(frozen=True)
class Entry:
    """One installed pack file under the rule: its pack if it is the one its id means,
    else why not (``error``). ``key`` is its pack id, or the file's stem if it has none."""

    path: Path
    origin: Origin
    key: str
    pack: Pack | None = None
    error: PackError | None = None


def disabled_packs() -> set[str]:
    """Pack ids switched off in the config file (a missing or broken config disables none)."""
    from quiz.config import load_config

    return set(load_config().disabled_packs)


def _is_pack_name(name: str) -> bool:
    return name.endswith(PACK_SUFFIXES) and not name.startswith(".")


def scan_folder(folder: Path, origin: Origin) -> tuple[list[Path], list[PackError]]:
    """The pack files directly inside ``folder``, sorted by name, and what is wrong there.

    A missing folder holds no packs. A folder that cannot be listed is a
    :class:`FolderError`; a symbolic link in the user folder is refused as ``packs add``
    refuses one (the game would otherwise read whatever it points at).
    """
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_symlink()) for e in entries if _is_pack_name(e.name)]
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [FolderError(folder, error.strerror or str(error), origin)]
    files: list[Path] = []
    problems: list[PackError] = []
    for name, is_link in sorted(found):
        path = folder / name
        if is_link and origin == "user":
            message = "a symbolic link: not loaded (install the file: wdta-quiz packs add FILE)"
            problems.append(InstalledProblem(str(path), message, path.stem, origin))
        else:
            files.append(path)
    return files, problems


def pack_files(folder: Path) -> list[Path]:
    """The pack files directly inside ``folder`` (none if it cannot be read), sorted by name."""
    return scan_folder(folder, "file")[0]


def _folders() -> tuple[tuple[Path, Origin], ...]:
    return ((paths.builtin_packs_dir(), "builtin"), (paths.user_packs_dir(), "user"))


def installed_files() -> list[tuple[Path, Origin]]:
    """(path, origin) of every built-in then user pack file that may be loaded."""
    found: list[tuple[Path, Origin]] = []
    for folder, origin in _folders():
        found += [(path, origin) for path in scan_folder(folder, origin)[0]]
    return found


def _rank(entry: Entry) -> tuple[int, bool, str]:
    """The rule's order among files claiming one id: built-in first, then the file
    named after the id, then by file name."""
    return (entry.origin != "builtin", entry.path.stem != entry.key, entry.path.name)


def scan_installed() -> tuple[list[Entry], list[PackError]]:
    """Every installed pack file under the one rule, built-in then user, by file name;
    and the problems of the folders themselves (unreadable folders, symbolic links)."""
    entries: list[Entry] = []
    problems: list[PackError] = []
    for folder, origin in _folders():
        files, found = scan_folder(folder, origin)
        problems += found
        for path in files:
            try:
                pack = load_pack(path, origin)
            except PackError as error:
                entries.append(Entry(path, origin, path.stem, error=error))
            else:
                entries.append(Entry(path, origin, pack.id, pack=pack))
    owners: dict[str, Entry] = {}
    for entry in sorted((e for e in entries if e.pack is not None), key=_rank):
        owners.setdefault(entry.key, entry)
    return [_judge(entry, owners) for entry in entries], problems


def _judge(entry: Entry, owners: dict[str, Entry]) -> Entry:
    owner = owners.get(entry.key)
    if entry.pack is None or owner is None or owner is entry:
        return entry
    message = f"duplicate: pack id '{entry.key}' is already used by {owner.path} (not loaded)"
    error = InstalledProblem(str(entry.path), message, entry.key, entry.origin)
    return Entry(entry.path, entry.origin, entry.key, error=error)


def load_catalog(selectors: Sequence[str] = (), *, include_disabled: bool = False) -> Catalog:
    """Load packs: every enabled installed pack, or exactly those ``selectors`` name.

    A selector is an installed pack id or a path to a YAML file. One broken pack never
    stops the others: it becomes a failure in the catalog. ``include_disabled`` keeps
    the packs switched off in the config (the pack browser lists them to switch back on).
    """
    catalog = Catalog()
    if not selectors:
        disabled = set() if include_disabled else disabled_packs()
        entries, problems = scan_installed()
        catalog.failures += problems
        for entry in entries:
            if entry.key in disabled:
                continue
            if entry.pack is not None:
                catalog.packs.append(entry.pack)
            elif entry.error is not None:
                catalog.failures.append(entry.error)
        return catalog
    scanned: list[Entry] | None = None  # the installed packs, read once for all ids
    for selector in selectors:
        if looks_like_path(selector):
            if os.path.isfile(selector):
                try:
                    _add(catalog, load_pack(selector, "file"))
                except PackError as error:
                    catalog.failures.append(error)
            else:
                catalog.failures.append(_missing(selector, "no such file"))
            continue
        if scanned is None:
            scanned = scan_installed()[0]
        owner = _owner(selector, scanned)
        if owner is None or owner.pack is None:
            message = f"no installed pack with id '{selector}' (see: wdta-quiz packs list)"
            catalog.failures.append(_missing(selector, message))
        else:
            _add(catalog, owner.pack)
    return catalog


def _owner(pack_id: str, entries: list[Entry]) -> Entry | None:
    return next((e for e in entries if e.pack is not None and e.key == pack_id), None)


def find_installed(pack_id: str) -> tuple[Path, Origin] | None:
    """(path, origin) of the installed file the rule gives ``pack_id``, if any."""
    owner = _owner(pack_id, scan_installed()[0])
    return None if owner is None else (owner.path, owner.origin)


def looks_like_path(selector: str) -> bool:
    """Whether a ``--pack`` selector names a file rather than an installed pack id."""
    return (
        selector.endswith(PACK_SUFFIXES)
        or os.sep in selector
        or "/" in selector
        or (os.altsep is not None and os.altsep in selector)
    )


def _add(catalog: Catalog, pack: Pack) -> None:
    path = pack.path
    other = catalog.get(pack.id)
    if other is not None:
        message = f"pack id '{pack.id}' is already used by {other.path}"
        catalog.failures.append(PackError(path, [Problem(path, 0, 0, message)]))
        return
    catalog.packs.append(pack)


def _missing(selector: str, message: str) -> PackError:
    return PackError(selector, [Problem(selector, 0, 0, message)])
