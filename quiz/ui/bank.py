"""Where the app gets its packs and questions, behind one small interface.

The app never calls the pack loader or the question selection directly: it asks a
*bank*. :class:`CatalogBank` is the real one (installed packs, recent questions from
the scores database); :class:`ListBank` deals from a fixed list (tests, review games).
No Textual here, and the pack loader is imported only when packs are first needed, so
the home screen paints before any YAML is read.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from quiz.game_setup import GameSetup

if TYPE_CHECKING:
    from quiz.question import Question


@dataclass(frozen=True, slots=True)
class PackChoice:
    """A loaded pack as the setup screen offers it."""

    id: str
    title: str


@dataclass(slots=True)
class Library:
    """The packs that loaded, and one line per pack that did not."""

    packs: list[PackChoice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class QuestionBank(Protocol):
    """What the app needs from packs: which exist, and questions for a game."""

    def library(self) -> Library:
        """Load (once) and describe the available packs; may be slow, so call it off-screen."""
        ...

    def draw(self, setup: GameSetup, rng: random.Random) -> list[Question]:
        """``setup.questions`` questions per player from ``setup.packs`` (all if empty)."""
        ...

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """Up to ``count`` of the questions with these ids (review games)."""
        ...

    def reload(self) -> None:
        """Forget the loaded packs (they changed); the next :meth:`library` reads them again."""
        ...


def describe_failure(failure: object) -> str:
    """One line for a pack that failed to load: its first problem, and how many more."""
    problems = list(getattr(failure, "problems", ()) or ())
    if not problems:
        return str(failure)
    extra = len(problems) - 1
    more = f" (and {extra} more problem{'' if extra == 1 else 's'})" if extra else ""
    return f"{problems[0]}{more}"


class CatalogBank:
    """Packs from ``quiz.packs.load_catalog`` and questions from ``quiz.selection.choose``.

    ``recent`` (player names -> question ids) lets questions seen lately come last;
    it is optional so the game runs without a scores database.
    """

    def __init__(
        self,
        selectors: Sequence[str] = (),
        *,
        recent: Callable[[Sequence[str]], Sequence[str]] | None = None,
    ) -> None:
        self.selectors = tuple(selectors)
        self.recent = recent
        self._catalog = None
        self._library: Library | None = None
        self._lock = threading.Lock()  # the app loads in a worker thread; Play may race it

    @property
    def catalog(self):
        """The loaded ``quiz.packs.Catalog`` (loads it on first use)."""
        self.library()
        return self._catalog

    def library(self) -> Library:
        """Load the packs once; later calls return the same answer."""
        with self._lock:
            if self._library is None:
                from quiz.packs import load_catalog

                self._catalog = load_catalog(list(self.selectors))
                self._library = Library(
                    packs=[PackChoice(pack.id, pack.info.title) for pack in self._catalog.packs],
                    problems=[describe_failure(failure) for failure in self._catalog.failures],
                )
            return self._library

    def draw(self, setup: GameSetup, rng: random.Random) -> list[Question]:
        """Choose the game's questions, recent ones last."""
        from quiz.selection import choose

        packs = [
            pack for pack in self.catalog.packs if not setup.packs or pack.id in setup.packs
        ]
        recent: Sequence[str] = ()
        if self.recent is not None:
            try:
                recent = self.recent(setup.players)
            except Exception:
                recent = ()
        return choose(packs, setup.questions * len(setup.players), rng, recent=recent)

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """Up to ``count`` of the questions with these ids, from every loaded pack."""
        from quiz.selection import choose

        return choose(self.catalog.packs, count, rng, only_ids=set(ids))

    def reload(self) -> None:
        """Forget the loaded packs; the next call reads them again."""
        with self._lock:
            self._catalog = None
            self._library = None


class ListBank:
    """A bank over a fixed list of questions (tests, practice games).

    With ``shuffle`` off the questions are dealt in list order, which keeps tests
    and snapshots exact.
    """

    def __init__(
        self,
        questions: Sequence[Question],
        packs: Sequence[PackChoice] = (),
        problems: Sequence[str] = (),
        *,
        shuffle: bool = False,
    ) -> None:
        self.questions = list(questions)
        self._library = Library(
            list(packs) or sorted({PackChoice(q.pack, q.pack) for q in questions}, key=str),
            list(problems),
        )
        self.shuffle = shuffle

    def library(self) -> Library:
        """The packs given (or those the questions come from)."""
        return self._library

    def draw(self, setup: GameSetup, rng: random.Random) -> list[Question]:
        """The first ``questions * players`` questions of the chosen packs."""
        pool = [q for q in self.questions if not setup.packs or q.pack in setup.packs]
        if self.shuffle:
            rng.shuffle(pool)
        return pool[: setup.questions * len(setup.players)]

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """The questions with these ids, in list order."""
        wanted = set(ids)
        return [q for q in self.questions if q.id in wanted][:count]

    def reload(self) -> None:
        """Nothing to reload: the list is fixed."""
