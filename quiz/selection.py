"""Choosing the questions of one game.

Questions are spread over categories: categories take turns in a seeded order
(round robin), and within a category every question of every pack is equally likely
to be drawn, so a pack with 40 chart rows does not turn a game into a chart quiz. A game never
holds a spoiler (:mod:`quiz.spoilers`): no question states a fact another one asks,
so no two questions ask the same fact, and no question's text holds another's
specific answer; a game comes up short rather than break this. Questions the
players saw recently (``recent``, most recent first) come last, the least recently
seen of them first; before them, other questions about the facts they asked (the
country asked typed after it was picked is a repeat too).

Cost: the per-pack slot index is built once per Pack object (see
:mod:`quiz.generators.index`); a game then draws slots at random and builds only the
questions it keeps, so choosing 20 questions does not grow with pack size. A scan of
a whole category happens only when random draws keep hitting used or recent
questions (a category nearly exhausted), and ``recent``/``only_ids`` cost their own
length.

Fair mixes (issue 11): no category takes more than :data:`MAX_SHARE` of a game while
another can still give (Charts, the biggest, stays at a quarter or less). Within a
category, up to :data:`CHOICES` usable questions are drawn and the one that suits the
game best is built and kept: the difficulty the players asked for (``mix``, see
:func:`quiz.difficulty.preference`), then the type furthest below its share
(:data:`TYPE_SHARES`), so a game mixes picks, true/false, orders, numbers and typed
answers instead of dealing whichever kind a pack has most of; then the question that
gives away fewer facts. A candidate is judged without being built: its type and
estimated difficulty come from one build with a fixed seed (:data:`PROBE_SEED`), so a
question also keeps its level from game to game, unless it was answered often enough
to be measured (``rates``, see :mod:`quiz.difficulty`). A deal that comes up short is
tried again (:data:`ATTEMPTS`). A choice question's options are shuffled as it is
dealt (:mod:`quiz.placing`).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from weakref import WeakKeyDictionary

from quiz.difficulty import (
    Judged,
    Mix,
    RightRate,
    judge,
    level_of,
    measured,
    preference,
    settle,
)
from quiz.facts import Pack
from quiz.generators.base import Slot
from quiz.generators.index import PackIndex, index_for
from quiz.placing import placing, shape
from quiz.question import Question, QuestionId
from quiz.spoilers import Guard

#: Random draws tried in a category before scanning it for a usable question.
DRAWS = 24
#: Usable questions a category offers for each place, the best suited kept.
CHOICES = 4
#: Deals tried (the seeded generator going on) when one comes up short: questions
#: that give away several facts can strand a long game a question or two short of a
#: pack that could fill it.
ATTEMPTS = 3
#: The largest share of a game one category takes while others can still give.
MAX_SHARE = 0.25
#: How much of a game each way of answering is meant to take where the packs allow:
#: picking among several stays the staple, a true/false is a quick change, and the
#: typed and ordered kinds come up often without taking over.
TYPE_SHARES: Mapping[str, float] = {
    "choice": 0.4, "truefalse": 0.2, "order": 0.13, "number": 0.13, "text": 0.13,
}
#: The seed of the one build each question is judged from (its type and estimated
#: difficulty), whatever the game's seed: a question keeps its level from game to game,
#: and a game judges a candidate without building it.
PROBE_SEED = 0

_PROBE = random.Random(PROBE_SEED)
_PROBE_STATE = _PROBE.getstate()

#: (shape, judged estimate) per question id, per pack index: judged once per process.
_judged: WeakKeyDictionary[PackIndex, dict[str, tuple[str, Judged]]] = WeakKeyDictionary()
#: The shapes judged so far per pack index: what a pack is known to offer.
_kinds: WeakKeyDictionary[PackIndex, set[str]] = WeakKeyDictionary()


def judged(index: PackIndex, slot: Slot) -> tuple[str, Judged]:
    """How ``slot``'s question is answered and its estimate, from a build with
    :data:`PROBE_SEED` (cached with the pack's index)."""
    known = _judged.setdefault(index, {})
    found = known.get(slot.id)
    if found is None:
        _PROBE.setstate(_PROBE_STATE)  # reseeding costs more than restoring the state
        probe = slot.build(_PROBE)
        found = known[slot.id] = (shape(probe), judge(probe))
        _kinds.setdefault(index, set()).add(found[0])
    return found


class _Category:
    """One category's questions across packs: (index, entries) parts, drawn from
    uniformly over all their entries."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parts: list[tuple[PackIndex, Sequence[Slot | int]]] = []
        self.total = 0

    def add(self, index: PackIndex, entries: Sequence[Slot | int]) -> None:
        self.parts.append((index, entries))
        self.total += len(entries)

    def draw(self, rng: random.Random) -> tuple[PackIndex, Slot | int]:
        """One entry, uniformly over all parts."""
        position = rng.randrange(self.total)
        for index, entries in self.parts:
            if position < len(entries):
                return index, entries[position]
            position -= len(entries)
        raise IndexError(position)  # pragma: no cover - total is the sum of the parts

    def scan(self) -> Iterator[tuple[PackIndex, Slot | int]]:
        """Every entry, in order."""
        for index, entries in self.parts:
            for entry in entries:
                yield index, entry


class _Game:
    """The choosing of one game: what is taken so far and how to test a candidate."""

    def __init__(self, rng: random.Random, recent: Sequence[str],
                 indexes: Sequence[PackIndex], mix: Mix = "mixed",
                 rates: Mapping[str, RightRate] | None = None) -> None:  # fmt: skip
        self.rng = rng
        self.recent = set(recent)
        #: The facts of the recent questions: the same fact asked another way (typed
        #: after picked) is a repeat too.
        self.recent_facts = {(parsed.pack, parsed.fact)
                             for parsed in map(QuestionId.parse, recent)}
        self.taken: set[str] = set()
        self.guard = Guard({index.pack.id: _subject(index.pack) for index in indexes})
        self.dead: set[str] = set()
        self.chosen: list[Question] = []
        self.mix = mix
        self.rates = rates or {}
        self.types: Counter[str] = Counter()
        self.levels: Counter[str] = Counter()

    def usable(self, index: PackIndex, entry: Slot | int) -> Slot | None:
        """The entry's slot if it may be taken now (checked on ids and facts before
        building)."""
        question_id, fact = index.identify(entry)
        if question_id in self.taken or question_id in self.recent or question_id in self.dead:
            return None
        if (index.pack.id, fact) in self.recent_facts:
            return None
        if not self.guard.fits(index.pack.id, (fact,), (fact,)):
            return None
        slot = index.slot(entry)
        if slot is None or not self.guard.fits(slot.pack, slot.asks, slot.reveals):
            self.dead.add(question_id)
            return None
        return slot

    def level(self, slot: Slot, estimate: Judged) -> str:
        """The difficulty ``slot``'s question is dealt with: measured once answered
        often enough, else estimated."""
        rate = self.rates.get(slot.id)
        if rate is not None and rate.measured:
            return level_of(measured(estimate.luck, rate))
        return level_of(estimate.hardness)

    def take(self, slot: Slot, estimate: Judged | None = None) -> bool:
        """Build and keep ``slot``'s question (judged on itself unless ``estimate``
        is given), options placed, unless it spoils or is spoiled by one already dealt
        (known only once built: texts, seed-chosen rows); then it is out of this game."""
        built = slot.build(self.rng)
        question = settle(built, estimate or judge(built), self.rates.get(slot.id),
                          placed=placing(built, self.rng))
        if not self.guard.admit(question):
            self.dead.add(slot.id)
            return False
        self.taken.add(slot.id)
        self.chosen.append(question)
        self.types[shape(question)] += 1
        self.levels[question.difficulty] += 1
        return True

    def suits(self, slot: Slot, kind: str, level: str) -> tuple[int, float, int, int]:
        """How well ``slot``, answered as ``kind`` at ``level``, fits the game so far
        (lower is better): the difficulty an easy or hard game asks for first, then the
        type furthest below its share (:data:`TYPE_SHARES`), then in a mixed game the
        level dealt least, then the fewer facts it gives away (each one rules out the
        questions that ask it, and a long game needs them)."""
        behind = self.types[kind] / TYPE_SHARES.get(kind, 0.1)
        if self.mix == "mixed":
            return 0, behind, self.levels[level], len(slot.reveals)
        return preference(level, self.mix, self.levels), behind, 0, len(slot.reveals)

    def ideal(self, kinds: Iterable[str]) -> tuple[int, float]:
        """The best the first two parts of :meth:`suits` could be for a question of
        one of ``kinds`` (the types these packs are known to have): a candidate this
        good is taken at once, without judging more."""
        behind = min((self.types[kind] / TYPE_SHARES.get(kind, 0.1) for kind in kinds),
                     default=0.0)  # fmt: skip
        return 0, behind

    def pick(self, category: _Category) -> bool:
        """Take one question of ``category``: the best of a few random draws (the
        first that is as good as any could be), then of a scan."""
        if category.total == 0:
            return False
        kinds = {kind for index, _ in category.parts for kind in _kinds.get(index, ())}
        ideal = self.ideal(kinds)
        drawn: dict[str, tuple[PackIndex, Slot]] = {}
        for _ in range(DRAWS):
            index, entry = category.draw(self.rng)
            slot = self.usable(index, entry)
            if slot is None or slot.id in drawn:
                continue
            kind, estimate = judged(index, slot)
            if kind not in kinds:  # a type not judged before: the ideal may move
                kinds.add(kind)
                ideal = self.ideal(kinds)
            if self.suits(slot, kind, self.level(slot, estimate))[:2] <= ideal:
                if self.take(slot, estimate):
                    return True
                continue
            drawn[slot.id] = (index, slot)
            if len(drawn) >= CHOICES:
                break
        if drawn and self.take_best(list(drawn.values())):
            return True
        found = [(index, slot) for index, entry in category.scan()
                 if (slot := self.usable(index, entry)) is not None]
        while found:
            few = [found.pop(self.rng.randrange(len(found)))
                   for _ in range(min(CHOICES, len(found)))]
            if self.take_best(few):
                return True
        return False

    def take_best(self, found: Sequence[tuple[PackIndex, Slot]]) -> bool:
        """Take the best suited of ``found`` that still fits; whether one did."""
        ranked = []
        for order, (index, slot) in enumerate(found):
            kind, estimate = judged(index, slot)
            ranked.append((self.suits(slot, kind, self.level(slot, estimate)), order, slot,
                           estimate))
        ranked.sort(key=lambda item: item[:2])
        for *_, slot, estimate in ranked:
            # Taking an earlier one may have made this one a spoiler.
            if self.guard.fits(slot.pack, slot.asks, slot.reveals) and self.take(slot, estimate):
                return True
        return False


def _subject(pack: Pack) -> str:
    """The pack's song and artists as one text (words every question may use)."""
    return f"{pack.subject.title} {pack.subject.artist}" if pack.subject else ""


def _indexes(packs: Iterable[Pack]) -> list[PackIndex]:
    """One index per pack id (the first pack with an id wins)."""
    seen: dict[str, PackIndex] = {}
    for pack in packs:
        seen.setdefault(pack.id, index_for(pack))
    return list(seen.values())


def _categories(indexes: list[PackIndex], only_ids: Collection[str] | None) -> list[_Category]:
    """The categories in play, sorted by name."""
    groups: dict[str, _Category] = {}
    if only_ids is None:
        for index in indexes:
            for name, entries in index.by_category.items():
                groups.setdefault(name, _Category(name)).add(index, entries)
    else:
        by_pack = {index.pack.id: index for index in indexes}
        picked: dict[tuple[str, str], list[Slot]] = {}
        for question_id in sorted(set(only_ids)):
            slot = _find(by_pack, question_id)
            if slot is not None:
                picked.setdefault((slot.category, slot.pack), []).append(slot)
        for (name, pack_id), slots in picked.items():
            groups.setdefault(name, _Category(name)).add(by_pack[pack_id], slots)
    return [groups[name] for name in sorted(groups)]


def choose(
    packs: Iterable[Pack],
    count: int,
    rng: random.Random,
    *,
    recent: Sequence[str] = (),
    only_ids: Collection[str] | None = None,
    mix: Mix = "mixed",
    rates: Mapping[str, RightRate] | None = None,
) -> list[Question]:
    """Pick ``count`` distinct questions for a game (fewer if the packs run out).

    ``recent``: question ids the players saw, most recent first; they are chosen
    last, least recently seen first. ``only_ids``: restrict to these ids (review mode).
    ``mix``: easy, mixed or hard questions; ``rates``: each question id's stored right
    rate (measured difficulty wins over the estimate once there are enough answers).
    """
    indexes = _indexes(packs)
    categories = _categories(indexes, only_ids)
    best: list[Question] = []
    for _ in range(ATTEMPTS):
        game = _Game(rng, recent, indexes, mix, rates)
        _deal(game, list(categories), count)
        if len(game.chosen) < count and game.recent_facts:
            game.recent_facts = set()  # other forms of recent facts, before repeats
            _deal(game, list(categories), count)
        if len(game.chosen) < count and recent:
            _take_recent(game, indexes, categories, recent, count, only_ids)
        if len(game.chosen) > len(best):
            best = game.chosen
        if len(best) >= count:
            break
    return best


def _deal(game: _Game, categories: list[_Category], count: int) -> None:
    """Categories take turns giving a question, in a seeded order, until the game
    has ``count`` or none can give."""
    game.rng.shuffle(categories)
    share = Counter[str]()
    cap = max(1, math.ceil(count * MAX_SHARE))
    active = list(categories)
    while active and len(game.chosen) < count:
        # A category at its cap waits while any other can still give.
        open_now = [c for c in active if share[c.name] < cap] or active
        for category in open_now:
            if len(game.chosen) >= count:
                break
            if game.pick(category):
                share[category.name] += 1
            else:
                active.remove(category)


def settle_all(packs: Iterable[Pack], questions: Sequence[Question],
               rates: Mapping[str, RightRate] | None = None) -> list[Question]:  # fmt: skip
    """Questions built outside a game (``questions --all``) with the difficulty a game
    deals them with: judged from the same fixed-seed build, or measured."""
    by_pack = {index.pack.id: index for index in _indexes(packs)}
    rates = rates or {}
    settled = []
    for question in questions:
        index = by_pack.get(question.pack)
        slot = index.find(question.id) if index is not None else None
        estimate = judged(index, slot)[1] if index is not None and slot is not None \
            else judge(question)
        settled.append(settle(question, estimate, rates.get(question.id)))
    return settled


def _find(by_pack: dict[str, PackIndex], question_id: str) -> Slot | None:
    """The slot with this id among the packs in play, if any."""
    index = by_pack.get(QuestionId.parse(question_id).pack)
    return index.find(question_id) if index is not None else None


def _take_recent(
    game: _Game,
    indexes: list[PackIndex],
    categories: list[_Category],
    recent: Sequence[str],
    count: int,
    only_ids: Collection[str] | None,
) -> None:
    """Fill up with recently seen questions, least recently seen first (no spoilers
    either)."""
    by_pack = {index.pack.id: index for index in indexes}
    allowed = {category.name for category in categories}
    wanted = set(only_ids) if only_ids is not None else None
    # An id seen twice counts from its latest sighting (its first place in ``recent``).
    oldest_first = list(reversed(list(dict.fromkeys(recent))))
    game.recent = set()
    for question_id in oldest_first:
        if len(game.chosen) >= count:
            return
        if wanted is not None and question_id not in wanted:
            continue
        slot = _find(by_pack, question_id)
        if slot is None or slot.category not in allowed or slot.id in game.taken:
            continue
        if slot.id not in game.dead and game.guard.fits(slot.pack, slot.asks, slot.reveals):
            game.take(slot, judged(by_pack[slot.pack], slot)[1])
