"""The per-pack index of question slots, built once per Pack object.

Generated questions come from a handful of facts, so their slots are listed
eagerly. Hand-written items can number 100k, so they are kept as positions into
``pack.questions`` and turned into slots only when picked; the category grouping
is one cheap pass. Packs are treated as immutable once loaded.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property

from quiz.facts import Pack, kind_of
from quiz.generators import hand
from quiz.generators.base import Context, Slot
from quiz.generators.registry import GENERATORS
from quiz.question import hand_fact, hand_id

#: Packs kept indexed at once (a game uses a few; tests create many).
_CACHE_SIZE = 64
_cache: OrderedDict[int, tuple[Pack, PackIndex]] = OrderedDict()


class PackIndex:
    """Slots of one pack: fact slots in a stable order, hand items by position."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.ctx = Context(pack)

    @cached_property
    def fact_slots(self) -> list[Slot]:
        """Every generated question's slot, ordered by fact, then generator."""
        where = {fact.id: i for i, fact in enumerate(self.pack.facts)}
        # Only the generators the pack's fact kinds name (quiz.facts.KINDS) have
        # anything to read.
        wanted = {name for fact in self.pack.facts for name in kind_of(fact).generators}
        made: list[tuple[int, int, Slot]] = []
        for order, generator in enumerate(GENERATORS):
            if generator.name not in wanted:
                continue
            for slot in generator.slots(self.ctx):
                made.append((where.get(slot.fact, len(where)), order, slot))
        made.sort(key=lambda item: (item[0], item[1]))
        return [slot for *_, slot in made]

    def hand_slot(self, position: int) -> Slot | None:
        """The slot of ``pack.questions[position]``, or ``None`` if it cannot be asked."""
        return hand.slot(self.ctx, self.pack.questions[position])

    def hand_slots(self) -> list[Slot]:
        """Every askable hand-written item's slot, in pack order."""
        made = (self.hand_slot(i) for i in range(len(self.pack.questions)))
        return [slot for slot in made if slot is not None]

    @cached_property
    def by_category(self) -> dict[str, list[Slot | int]]:
        """Slots (fact slots, or hand item positions) grouped by category."""
        groups: dict[str, list[Slot | int]] = {}
        for slot in self.fact_slots:
            groups.setdefault(slot.category, []).append(slot)
        for position, item in enumerate(self.pack.questions):
            groups.setdefault(item.category, []).append(position)
        return groups

    @cached_property
    def fact_slot_ids(self) -> dict[str, Slot]:
        """Fact slots by question id."""
        return {slot.id: slot for slot in self.fact_slots}

    @cached_property
    def hand_positions(self) -> dict[str, int]:
        """Hand item positions by question id (built on first lookup by id)."""
        pack = self.pack.id
        return {hand_id(pack, item.id): i for i, item in enumerate(self.pack.questions)}

    def identify(self, item: Slot | int) -> tuple[str, str]:
        """(question id, fact) of a grouped entry, without building its slot."""
        if isinstance(item, Slot):
            return item.id, item.fact
        item_id = self.pack.questions[item].id
        return hand_id(self.pack.id, item_id), hand_fact(item_id)

    def slot(self, item: Slot | int) -> Slot | None:
        """A grouped entry as a slot."""
        return item if isinstance(item, Slot) else self.hand_slot(item)

    def find(self, question_id: str) -> Slot | None:
        """The slot with this id, if the pack has it."""
        if question_id in self.fact_slot_ids:
            return self.fact_slot_ids[question_id]
        position = self.hand_positions.get(question_id)
        return None if position is None else self.hand_slot(position)

    @cached_property
    def count(self) -> int:
        """How many questions the pack yields."""
        return len(self.fact_slots) + len(self.hand_slots())


def index_for(pack: Pack) -> PackIndex:
    """The cached index of ``pack`` (keyed by object identity; the cache holds the
    pack itself, so an id is never reused while its entry lives)."""
    key = id(pack)
    hit = _cache.get(key)
    if hit is not None and hit[0] is pack:
        _cache.move_to_end(key)
        return hit[1]
    built = PackIndex(pack)
    _cache[key] = (pack, built)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return built
