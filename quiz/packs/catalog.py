"""All the packs a game can use: built-in, installed by the user, or named on the command line."""

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


@dataclass
class Catalog:
    """The packs that loaded, and a PackError for each one that did not."""

    packs: list[Pack] = field(default_factory=list)
    failures: list[PackError] = field(default_factory=list)

    def get(self, pack_id: str) -> Pack | None:
        """The loaded pack with this id, if any."""
        return next((pack for pack in self.packs if pack.id == pack_id), None)


def disabled_packs() -> set[str]:
    """Pack ids switched off in the config file (a missing or broken config disables none)."""
    from quiz.config import load_config

    return set(load_config().disabled_packs)


def pack_files(folder: Path) -> list[Path]:
    """The pack files directly inside ``folder`` (none if it does not exist), sorted by name."""
    try:
        return sorted(
            p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES and not p.name.startswith(".")
        )
    except OSError:
        return []


def installed_files() -> list[tuple[Path, Origin]]:
    """(path, origin) of every built-in then user pack file."""
    builtin = paths.builtin_packs_dir()
    found: list[tuple[Path, Origin]] = [(p, "builtin") for p in pack_files(builtin)]
    found += [(p, "user") for p in pack_files(paths.user_packs_dir())]
    return found


def load_catalog(selectors: Sequence[str] = (), *, include_disabled: bool = False) -> Catalog:
    """Load packs: every enabled installed pack, or exactly those ``selectors`` name.

    A selector is an installed pack id or a path to a YAML file. One broken pack never
    stops the others: it becomes a failure in the catalog. ``include_disabled`` keeps
    the packs switched off in the config (the pack browser lists them to switch back on).
    """
    catalog = Catalog()
    if not selectors:
        disabled = set() if include_disabled else disabled_packs()
        for path, origin in installed_files():
            if path.stem in disabled:
                continue
            _add(catalog, str(path), origin, disabled)
        return catalog
    for selector in selectors:
        if _looks_like_path(selector):
            if os.path.isfile(selector):
                _add(catalog, selector, "file", set())
            else:
                catalog.failures.append(_missing(selector, "no such file"))
            continue
        found = find_installed(selector)
        if found is None:
            message = f"no installed pack with id '{selector}' (see: wdta-quiz packs list)"
            catalog.failures.append(_missing(selector, message))
        else:
            _add(catalog, str(found[0]), found[1], set())
    return catalog


def find_installed(pack_id: str) -> tuple[Path, Origin] | None:
    """(path, origin) of the installed pack with this id, user packs before built-in ones."""
    folders: tuple[tuple[Path, Origin], ...] = (
        (paths.user_packs_dir(), "user"),
        (paths.builtin_packs_dir(), "builtin"),
    )
    for folder, origin in folders:
        for suffix in PACK_SUFFIXES:
            candidate = folder / f"{pack_id}{suffix}"
            if "/" not in pack_id and candidate.is_file():
                return candidate, origin
    for path, origin in installed_files():  # a file whose name is not its id
        try:
            if load_pack(path, origin).id == pack_id:
                return path, origin
        except PackError:
            continue
    return None


def _looks_like_path(selector: str) -> bool:
    return (
        selector.endswith(PACK_SUFFIXES)
        or os.sep in selector
        or "/" in selector
        or (os.altsep is not None and os.altsep in selector)
    )


def _add(catalog: Catalog, path: str, origin: Origin, disabled: set[str]) -> None:
    try:
        pack = load_pack(path, origin)
    except PackError as error:
        catalog.failures.append(error)
        return
    if pack.id in disabled:
        return
    other = catalog.get(pack.id)
    if other is not None:
        message = f"pack id '{pack.id}' is already used by {other.path}"
        catalog.failures.append(PackError(path, [Problem(path, 0, 0, message)]))
        return
    catalog.packs.append(pack)


def _missing(selector: str, message: str) -> PackError:
    return PackError(selector, [Problem(selector, 0, 0, message)])
