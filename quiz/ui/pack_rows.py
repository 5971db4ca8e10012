"""The pack browser's rows: every installed pack with its count, or its problems.

No Textual here: this is what :class:`~quiz.ui.screens.packs.PacksScreen` shows, built
in a worker thread. Pack text stays as it is (untrusted); the screen decides how to
show it safely.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from quiz import paths
from quiz.facts import Pack

#: How the browser names where a pack lives.
WHERE = {"builtin": "built-in", "user": "user", "file": "file"}


class Catalog(Protocol):
    """What the screen needs from ``quiz.packs.Catalog``."""

    packs: Sequence[Pack]
    failures: Sequence[Any]


Counter = Callable[[Pack], int]


def load_installed_packs() -> Catalog:
    """Every installed pack (built-in, then the user's), switched off or not: a pack
    switched off must stay listed in the browser so it can be switched back on."""
    from quiz.packs import load_catalog

    return load_catalog(include_disabled=True)


def format_problem(problem: object) -> str:
    """One problem as ``FILE:LINE:COLUMN: message`` (the loader's own text when it has one)."""
    message = getattr(problem, "message", None)
    file = getattr(problem, "file", None) or getattr(problem, "path", None)
    if message is not None and file is not None and type(problem).__str__ is object.__str__:
        line, column = getattr(problem, "line", None), getattr(problem, "column", None)
        place = "".join(f":{part}" for part in (line, column) if part is not None)
        return f"{file}{place}: {message}"
    return str(problem)


@dataclass(frozen=True, slots=True)
class PackRow:
    """One line of the browser: a loaded pack, or a file that failed to load."""

    id: str
    title: str
    author: str
    where: str
    path: str
    description: str = ""
    questions: int | None = None
    pack: Pack | None = None
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the pack loaded (only loaded packs can be switched on)."""
        return self.pack is not None


def pack_row(pack: Pack, count: Counter) -> PackRow:
    """The row of a loaded pack; a count that fails shows as unknown, not as a crash."""
    try:
        questions: int | None = count(pack)
    except Exception:
        questions = None
    return PackRow(
        id=pack.id,
        title=pack.info.title,
        author=pack.info.author,
        where=WHERE.get(pack.origin, pack.origin),
        path=pack.path,
        description=pack.info.description,
        questions=questions,
        pack=pack,
    )


def _origin_of(path: str) -> str:
    """Where a pack file lives, from its folder (a failure carries no origin)."""
    folder = Path(path).parent
    for origin, known in (("builtin", paths.builtin_packs_dir), ("user", paths.user_packs_dir)):
        try:
            if folder.resolve() == known().resolve():
                return origin
        except OSError:
            continue
    return "file"


def short_problem(problem: str, path: str) -> str:
    """A problem with its file shown by name: the panel names the full path once above."""
    if path and problem.startswith(f"{path}:"):
        return Path(path).name + problem[len(path) :]
    return problem


def failure_row(failure: object) -> PackRow:
    """The row of a pack file that failed to load, with its problems."""
    path = str(getattr(failure, "path", "") or "")
    problems = tuple(format_problem(p) for p in (getattr(failure, "problems", ()) or ()))
    pack_id = getattr(failure, "id", None) or (Path(path).stem if path else "?")
    origin = getattr(failure, "origin", None)
    if not isinstance(origin, str):
        origin = _origin_of(path) if path else "file"
    return PackRow(
        id=str(pack_id),
        title="",
        author="",
        where=WHERE.get(origin, origin),
        path=path,
        problems=problems or (str(failure),),
    )


def build_rows(catalog: Catalog, count: Counter) -> list[PackRow]:
    """Rows for every loaded pack, then every failure."""
    rows = [pack_row(pack, count) for pack in catalog.packs]
    rows.extend(failure_row(failure) for failure in catalog.failures)
    return rows
