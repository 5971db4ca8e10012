"""What an import gathers: the pack's facts, each with the lines it was read from,
and the review report's lines.

A fact here is the mapping a pack file holds (``kind:``, its keys, ``source:``), so the
pack is written exactly as an author would write it. ``source`` names every place a
fact was read, lines of one part together ("2016 weekly chart table, lines 66, 72;
lead, line 23"); the review report lists, by line, what the importer saw but did not
turn into a fact, and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quiz.generators.distractors import norm
from quiz.importer.article import Where
from quiz.packs.ids import unique

#: One fact as a pack file writes it.
FactData = dict[str, Any]
#: A place a fact was read: where, and the part's name when the section's alone would
#: not do ("infobox", "2016 weekly chart table"; "" for the section's name).
Place = tuple[Where, str]


def cite(places: Iterable[Place]) -> str:
    """A fact's ``source``: each part once, in order, with its lines."""
    lines: dict[str, list[int]] = {}
    for where, part in places:
        name = part or where.section or "lead"
        if where.line not in lines.setdefault(name, []):
            lines[name].append(where.line)
    return "; ".join(f"{name}, line{'s' if len(numbers) > 1 else ''} "
                     f"{', '.join(str(n) for n in sorted(numbers))}"
                     for name, numbers in lines.items())


@dataclass(slots=True)
class Harvest:
    """The facts read so far (in pack order) and the review report's lines."""

    subject: str
    facts: list[FactData] = field(default_factory=list)
    review: list[tuple[int, str]] = field(default_factory=list)
    #: Every pool a fact names by its generic name.
    pools: set[str] = field(default_factory=set)
    #: The places of each fact, by the fact's position in ``facts``.
    places: list[list[Place]] = field(default_factory=list)

    def add(self, kind: str, data: FactData, *places: Place) -> FactData:
        """Record a fact of ``kind`` read at ``places`` (an id already taken, as by a
        second peak sentence, gets a number: ``peak-month-2``)."""
        if "id" in data:
            taken = {str(fact["id"]) for fact in self.facts if "id" in fact}
            data = {**data, "id": unique(data["id"], taken)}
        fact: FactData = {"kind": kind, **data, "source": cite(places)}
        self.facts.append(fact)
        self.places.append(list(places))
        return fact

    def skip(self, line: int, message: str) -> None:
        """Note something read at ``line`` and left out of the pack, with the reason."""
        self.review.append((line, message))

    def find(self, kind: str, **keys: Any) -> FactData | None:
        """The fact of ``kind`` whose ``keys`` equal these (text compared as players
        read it), or None."""
        for fact in self.facts:
            if fact["kind"] == kind and all(_same(fact.get(k), v) for k, v in keys.items()):
                return fact
        return None

    def cite_also(self, fact: FactData, where: Where, part: str = "") -> None:
        """Add another place ``fact`` was read (the lead repeating a table row)."""
        index = next(i for i, known in enumerate(self.facts) if known is fact)
        self.places[index].append((where, part))
        fact["source"] = cite(self.places[index])


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return norm(left) == norm(right)
    return bool(left == right)
