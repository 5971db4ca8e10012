"""The pack browser's rows: every installed pack with its count, or its problems.

No Textual here: this is what :class:`~quiz.ui.screens.packs.PacksScreen` shows, built
in a worker thread. Pack text stays as it is (untrusted); the screen decides how to
show it safely.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths
from quiz.facts import Pack

if TYPE_CHECKING:  # the loader is read in the browser's worker thread, not at import
    from quiz.packs.catalog import Catalog
    from quiz.packs.problems import PackError, Problem

#: How the browser names where a pack lives.
WHERE = {"builtin": "built-in", "user": "user", "file": "file"}


Counter = Callable[[Pack], int]


def format_problem(problem: Problem | str) -> str:
    """One problem as ``FILE:LINE:COLUMN: message`` (a line already said stays as it is)."""
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
    not_loaded: bool = False
    """Left out by the pack-id rule (a duplicate id, a symbolic link), not broken."""

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


def failure_row(failure: PackError) -> PackRow:
    """The row of a pack file that failed to load, with its problems.

    A file the one pack-id rule does not load (a duplicate id, a symbolic link) is shown
    as ``packs list`` shows it: under the pack id it claims, where it lives, and the
    rule's sentence as it is.
    """
    from quiz.packs.catalog import InstalledProblem

    path = failure.path
    if isinstance(failure, InstalledProblem):
        return PackRow(
            id=failure.id,
            title="",
            author="",
            where=WHERE.get(failure.origin, failure.origin),
            path=path,
            problems=tuple(problem.message for problem in failure.problems),
            not_loaded=True,
        )
    problems = tuple(format_problem(p) for p in failure.problems)
    origin = _origin_of(path) if path else "file"
    return PackRow(
        id=Path(path).stem if path else "?",
        title="",
        author="",
        where=WHERE.get(origin, origin),
        path=path,
        problems=problems or (str(failure),),
    )


def build_rows(catalog: Catalog, count: Counter) -> list[PackRow]:
    """Rows for every loaded pack, then every pack file that failed (a pack folder that
    cannot be read is no pack: see :func:`folder_notices`)."""
    from quiz.packs.catalog import FolderError

    rows = [pack_row(pack, count) for pack in catalog.packs]
    rows.extend(
        failure_row(failure)
        for failure in catalog.failures
        if not isinstance(failure, FolderError)
    )
    return rows


def folder_notices(catalog: Catalog) -> list[str]:
    """One line for each pack folder that cannot be read ("cannot read the pack folder
    PATH: REASON"): its packs are unknown, not none."""
    from quiz.packs.catalog import FolderError

    return [str(failure) for failure in catalog.failures if isinstance(failure, FolderError)]
