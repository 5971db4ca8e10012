"""The bank of ``play --pack FILE.yaml``: it reads the pack files again between games
when they changed, so a pack author's loop is "edit, save, play again".

Installed packs (named by id) are read once per run, as :class:`CatalogBank` does: they
change only through ``packs add``. A file named on the command line is looked at (one
``stat``) each time a game is dealt; if it changed, every named pack is loaded afresh.
An edit that breaks the file stops that deal with the file's first problem, and the
next deal tries again, so the author fixes the pack and presses Play again.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quiz.bank import CatalogBank
from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.game_setup import GameSetup
    from quiz.question import Question

#: What tells a changed file apart: inode (an editor that saves by renaming), size,
#: and the modification and status-change times in nanoseconds.
Stamp = tuple[int, int, int, int] | None


def stamp(path: str) -> Stamp:
    """The file's stamp, or None if it cannot be looked at (missing, unreadable)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class RereadingBank(CatalogBank):
    """A :class:`CatalogBank` that reloads its packs when a pack file named in
    ``selectors`` changed since they were loaded."""

    def __init__(self, selectors: Sequence[str] = ()) -> None:
        super().__init__(selectors)
        from quiz.packs.catalog import looks_like_path

        self.files = [s for s in self.selectors if looks_like_path(s)]
        # Taken before the first load (`play` loads at once): an edit in between only
        # costs one more read.
        self._stamps: dict[str, Stamp] = {}
        self._remember()

    def changed(self) -> bool:
        """Whether a named pack file differs from when the packs were last read."""
        return any(stamp(path) != self._stamps.get(path) for path in self.files)

    def _remember(self) -> None:
        self._stamps = {path: stamp(path) for path in self.files}

    def reread(self) -> None:
        """Load the packs again if a named file changed; UserError (and the old packs
        kept) if the changed file no longer loads."""
        if not self.changed():
            return
        from quiz.packs import load_catalog

        fresh = load_catalog(list(self.selectors))
        broken = [f for f in fresh.failures if f.path in self.files]
        if broken:
            first = broken[0]
            problem = first.problems[0] if first.problems else first
            more = len(first.problems) - 1
            extra = f" (and {more} more: wdta-quiz packs validate {first.path})" if more else ""
            raise UserError(f"{first.path} changed and does not load now: {problem}{extra}")
        self.reload()
        with self._lock:
            self._catalog = fresh
        self._remember()

    def draw(
        self, setup: GameSetup, rng: random.Random, recent: Sequence[str] = ()
    ) -> list[Question]:
        """The game's questions, from the files as they are now."""
        self.reread()
        return super().draw(setup, rng, recent)
