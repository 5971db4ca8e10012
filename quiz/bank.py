"""Where packs and questions come from, behind one small interface: the only way in.

The game, the pack browser and the scores' prompts all ask a *bank*; none of them calls
the pack loader or the question selection directly. :class:`CatalogBank` is the real
one (installed packs, recent questions from the scores database); :class:`ListBank`
deals from a fixed list (tests, benchmarks). The pack loader is imported only when
packs are first needed, so the home screen paints before any YAML is read.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from quiz.game_setup import GameSetup

if TYPE_CHECKING:
    from quiz.difficulty import RightRate
    from quiz.facts import Pack
    from quiz.packs import Catalog, PackError
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
    """What a front end needs from packs: which exist, and questions for a game."""

    def library(self) -> Library:
        """Load (once) and describe the playable packs; may be slow, so call it off-screen."""
        ...

    def draw(
        self, setup: GameSetup, rng: random.Random, recent: Sequence[str] = ()
    ) -> list[Question]:
        """``setup.questions`` questions per player from ``setup.packs`` (all if empty);
        question ids in ``recent`` (the players saw them lately) come last."""
        ...

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """Up to ``count`` of the questions with these ids (review games)."""
        ...

    def browse(self) -> Catalog:
        """Every installed pack, switched off or not, and every failure (the pack browser)."""
        ...

    def prompts(self, ids: Iterable[str]) -> dict[str, str]:
        """The prompt of each question id the installed packs can still build (scores)."""
        ...

    def reload(self) -> None:
        """Forget the loaded packs (they changed); the next :meth:`library` reads them again."""
        ...


def deal_questions(
    bank: QuestionBank, setup: GameSetup, recent: Sequence[str] = ()
) -> tuple[list[Question], random.Random]:
    """The questions a game of ``setup`` deals, in order, and the seeded generator
    the game goes on with: the one way a game's questions are drawn, shared by the
    dealer and the ``questions`` preview so a preview with the same seed, packs and
    count lists exactly the questions a one-player game asks (``recent``: the
    players' recently seen ids, which the game deals last; the preview has none)."""
    if setup.seed is None:
        raise ValueError("a game is dealt from a fixed seed")
    rng = random.Random(setup.seed)
    return bank.draw(setup, rng, recent), rng


def installed_catalog() -> Catalog:
    """Every installed pack (built-in, then the user's), switched off or not: a pack
    switched off must stay listed in the browser so it can be switched back on."""
    from quiz.packs import load_catalog

    return load_catalog(include_disabled=True)


def describe_failure(failure: PackError) -> str:
    """One line for a pack that failed to load: its first problem, and how many more."""
    problems = failure.problems
    if not problems:
        return str(failure)
    extra = len(problems) - 1
    more = f" (and {extra} more problem{'' if extra == 1 else 's'})" if extra else ""
    return f"{problems[0]}{more}"


class CatalogBank:
    """Packs from ``quiz.packs.load_catalog`` and questions from ``quiz.selection.choose``.

    The questions the players saw lately come from the dealer (it asks the scores
    database, and says so at the start if it cannot), so the bank never touches it.
    ``rates`` gives each question id's stored right rate when a game is drawn (see
    :mod:`quiz.difficulty`); by default they are read from the user's scores database
    (``quiz.store.right_rates.stored``, read-only: no database, no rates), so a game and
    the ``questions`` preview judge difficulty alike.
    """

    def __init__(self, selectors: Sequence[str] = (),
                 rates: Callable[[], Mapping[str, RightRate]] | None = None) -> None:  # fmt: skip
        self.selectors = tuple(selectors)
        self.rates = rates or _stored_rates
        self._catalog: Catalog | None = None
        self._library: Library | None = None
        self._lock = threading.Lock()  # the app loads in a worker thread; Play may race it

    @property
    def catalog(self) -> Catalog:
        """The loaded ``quiz.packs.Catalog`` of playable packs (loads it on first use)."""
        with self._lock:
            if self._catalog is None:
                from quiz.packs import load_catalog

                self._catalog = load_catalog(list(self.selectors))
            return self._catalog

    def library(self) -> Library:
        """Load the packs once; later calls return the same answer."""
        catalog = self.catalog
        with self._lock:
            if self._library is None:
                self._library = Library(
                    packs=[PackChoice(pack.id, pack.info.title) for pack in catalog.packs],
                    problems=[describe_failure(failure) for failure in catalog.failures],
                )
            return self._library

    def draw(
        self, setup: GameSetup, rng: random.Random, recent: Sequence[str] = ()
    ) -> list[Question]:
        """Choose the game's questions, recent ones last, as hard as ``setup`` asks."""
        from quiz.selection import choose

        packs = [
            pack for pack in self.catalog.packs if not setup.packs or pack.id in setup.packs
        ]
        return choose(packs, setup.questions * len(setup.players), rng, recent=recent,
                      mix=setup.difficulty, rates=self.rates())

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """Up to ``count`` of the questions with these ids, from every loaded pack."""
        from quiz.selection import choose

        return choose(self.catalog.packs, count, rng, only_ids=set(ids), rates=self.rates())

    def browse(self) -> Catalog:
        """Every installed pack, switched off or not (read afresh: the browser edits them)."""
        return installed_catalog()

    def prompts(self, ids: Iterable[str]) -> dict[str, str]:
        """Prompts of these ids from the installed packs they name, switched off or not."""
        from quiz.prompts import installed_prompts

        return installed_prompts(ids)

    def reload(self) -> None:
        """Forget the loaded packs; the next call reads them again."""
        with self._lock:
            self._catalog = None
            self._library = None


def _stored_rates() -> Mapping[str, RightRate]:
    """The right rates kept in the user's scores database (none without one)."""
    from quiz.store import right_rates

    return right_rates.stored()


class ListBank:
    """A bank over a fixed list of questions (tests, benchmarks).

    With ``shuffle`` off the questions are dealt in list order, which keeps tests
    and snapshots exact. ``packs`` are what :meth:`browse` lists.
    """

    def __init__(
        self,
        questions: Sequence[Question],
        packs: Sequence[PackChoice] = (),
        problems: Sequence[str] = (),
        *,
        shuffle: bool = False,
        installed: Sequence[Pack] = (),
    ) -> None:
        self.questions = list(questions)
        self._library = Library(
            list(packs) or sorted({PackChoice(q.pack, q.pack) for q in questions}, key=str),
            list(problems),
        )
        self.shuffle = shuffle
        self.installed = list(installed)

    def library(self) -> Library:
        """The packs given (or those the questions come from)."""
        return self._library

    def draw(
        self, setup: GameSetup, rng: random.Random, recent: Sequence[str] = ()
    ) -> list[Question]:
        """The first ``questions * players`` questions of the chosen packs (``recent``
        is ignored: the list's order is the point)."""
        pool = [q for q in self.questions if not setup.packs or q.pack in setup.packs]
        if self.shuffle:
            rng.shuffle(pool)
        return pool[: setup.questions * len(setup.players)]

    def draw_ids(self, ids: Sequence[str], count: int, rng: random.Random) -> list[Question]:
        """The questions with these ids, in list order."""
        wanted = set(ids)
        return [q for q in self.questions if q.id in wanted][:count]

    def browse(self) -> Catalog:
        """The ``installed`` packs given, none failing."""
        from quiz.packs import Catalog

        return Catalog(packs=list(self.installed))

    def prompts(self, ids: Iterable[str]) -> dict[str, str]:
        """The prompts of the listed questions with these ids."""
        wanted = set(ids)
        return {q.id: q.prompt for q in self.questions if q.id in wanted}

    def reload(self) -> None:
        """Nothing to reload: the list is fixed."""
