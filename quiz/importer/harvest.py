"""What an import gathers: the pack's facts, each with the lines it was read from,
and the review report's lines.

A fact here is the mapping a pack file holds (``kind:``, its keys, ``source:``), so the
pack is written exactly as an author would write it. ``source`` names every place a
fact was read ("infobox, line 12; lead, line 21"); the review report lists, by line,
what the importer saw but did not turn into a fact, and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quiz.generators.distractors import norm
from quiz.importer.article import Where

#: One fact as a pack file writes it.
FactData = dict[str, Any]


@dataclass(slots=True)
class Harvest:
    """The facts read so far (in pack order) and the review report's lines."""

    subject: str
    facts: list[FactData] = field(default_factory=list)
    review: list[tuple[int, str]] = field(default_factory=list)
    #: Every pool a fact names by its generic name.
    pools: set[str] = field(default_factory=set)

    def add(self, kind: str, data: FactData, *places: tuple[Where, str]) -> FactData:
        """Record a fact of ``kind`` read at ``places`` ((where, part) pairs; the part
        names the table or box when the section's name alone would not)."""
        sources = dict.fromkeys(where.cite(part) for where, part in places)
        fact: FactData = {"kind": kind, **data, "source": "; ".join(sources)}
        self.facts.append(fact)
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
        sources = [s for s in fact["source"].split("; ") if s]
        fact["source"] = "; ".join(dict.fromkeys([*sources, where.cite(part)]))


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return norm(left) == norm(right)
    return bool(left == right)
