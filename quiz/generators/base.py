"""What every generator shares: the slot a question comes from, the pack context,
and how a finished question is put together.

A generator never builds questions eagerly. It yields :class:`Slot` objects: the
stable id, category and fact of a question it *can* ask, plus a ``build(rng)`` that
makes the question when it is actually wanted. Whether a slot exists depends only on
the pack (never on the seed), so ids and counts are the same for every seed; the
seed only decides which wrong options appear and in which order.

Difficulty heuristic (each generator applies it, see its docstring): true/false and
picking a well-known attribute or person are ``easy``/``medium``; anything that asks
for an exact figure (a chart position, a year-end rank, a day, a length) is ``hard``,
and so are comparisons and near-number distractors, which need real recall rather
than recognition.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from quiz.facts import (
    Award,
    Certification,
    ChartEntry,
    Credit,
    Date,
    Pack,
    Quote,
)
from quiz.generators.distractors import arrange, norm
from quiz.question import Question

Build = Callable[[random.Random], Question]


@dataclass(frozen=True, slots=True)
class Slot:
    """A question a pack can yield, not yet built.

    ``id`` is ``pack:fact:generator[:variant]`` (``pack:q:id`` for hand-written
    items) and never depends on the seed; ``build(rng)`` makes the question.
    """

    id: str
    pack: str
    category: str
    fact: str
    kind: str
    build: Build


class Context:
    """One pack seen the way generators need it: the song's name, resolved pools and
    the facts grouped by kind. Built once per pack and shared by every generator."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        title = pack.subject.title if pack.subject else ""
        #: How prompts name the song: its title in quotes, or "the song".
        self.song = f'"{title}"' if title else "the song"

    def work(self, work: str) -> str:
        """How prompts name a credited work: the song by its title, others as written
        ("the official music video")."""
        return self.song if norm(work) in ("", "the song", "song") else work

    def of(self, kind: type) -> list:
        """Every fact of one class, in pack order."""
        return [fact for fact in self.pack.facts if type(fact) is kind]

    @cached_property
    def charts(self) -> list[ChartEntry]:
        """Chart rows whose position is known (a blank position is never asked about)."""
        return [fact for fact in self.of(ChartEntry) if fact.position is not None]

    @cached_property
    def chart_groups(self) -> dict[tuple[str, int], list[ChartEntry]]:
        """Known chart rows grouped by (type, year): the only rows comparable with
        each other."""
        groups: dict[tuple[str, int], list[ChartEntry]] = {}
        for entry in self.charts:
            groups.setdefault((entry.type, entry.year), []).append(entry)
        return groups

    @cached_property
    def first_year(self) -> int | None:
        """The earliest year any dated fact of the pack mentions (chart rows, awards,
        dates): years before it make implausible wrong options."""
        years = [f.year for f in self.pack.facts if isinstance(f, ChartEntry | Award) and f.year]
        years += [int(str(f.value)[:4]) for f in self.of(Date) if str(f.value)[:4].isdigit()]
        return min(years) if years else None

    @cached_property
    def certifications(self) -> list[Certification]:
        """Every certification fact."""
        return self.of(Certification)

    @cached_property
    def awards(self) -> list[Award]:
        """Every award fact."""
        return self.of(Award)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quote fact."""
        return self.of(Quote)

    @cached_property
    def credits(self) -> list[Credit]:
        """Every credit fact."""
        return self.of(Credit)

    def pool(self, entries: Iterable[str]) -> list[str]:
        """A fact's pool with shared pools (``@name`` or a bare pool name the loader
        left unresolved) expanded, in order."""
        entries = list(entries)
        if len(entries) == 1 and entries[0] in self.pack.pools:
            return list(self.pack.pools[entries[0]])
        values: list[str] = []
        for entry in entries:
            name = entry[1:] if entry.startswith("@") else None
            if name is not None and name in self.pack.pools:
                values.extend(self.pack.pools[name])
            else:
                values.append(entry)
        return values

    def slot_id(self, fact_id: str, generator: str, variant: str = "") -> str:
        """The stable question id for a fact, generator and optional variant."""
        base = f"{self.pack.id}:{fact_id}:{generator}"
        return f"{base}:{variant}" if variant else base


def explain(sentence: str, *sources: str) -> str:
    """The text shown after answering: the fact, then where it came from, as in
    "It peaked at number 8 on France (SNEP) in 2016 (weekly chart table)."."""
    sentence = sentence.strip()
    # Sources are free text, often "infobox; lead": list each part once.
    parts = (part.strip() for source in sources for part in source.split(";"))
    named = [part for part in dict.fromkeys(parts) if part]
    if not named:
        return sentence if sentence.endswith((".", "!", "?", '"')) else sentence + "."
    if sentence.endswith("."):
        sentence = sentence[:-1]
    return f"{sentence} ({'; '.join(named)})."


# Country names read with "the" in running text ("certified Diamond in the United States").
_WITH_THE = {"uk", "us", "uae", "netherlands", "philippines", "bahamas", "czech republic",
             "dominican republic"}


def place(name: str) -> str:
    """A country name as it reads mid-sentence: "the United States", "Canada"."""
    lowered = " ".join(name.casefold().split())
    if lowered.startswith("united ") or lowered in _WITH_THE:
        return f"the {name}"
    return name


def join_names(values: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def fill(statement: str, value: str) -> str:
    """A statement with its ``{value}`` placeholder filled. Plain replacement, not
    ``str.format``: pack text is untrusted and may hold other braces."""
    return statement.replace("{value}", value)


def question(
    slot_id: str,
    ctx: Context,
    *,
    category: str,
    fact: str,
    kind: str,
    difficulty: str,
    prompt: str,
    answer: str,
    wrong: Sequence[str],
    rng: random.Random,
    explanation: str,
    order: str = "shuffle",
    key: Callable[[str], object] | None = None,
) -> Question:
    """Assemble a :class:`Question`; see :func:`distractors.arrange` for ``order``."""
    options, index = arrange(rng, answer, wrong, order=order, key=key)
    return Question(
        id=slot_id,
        pack=ctx.pack.id,
        category=category,
        difficulty=difficulty,
        prompt=prompt,
        options=tuple(options),
        answer=index,
        explanation=explanation,
        fact=fact,
        kind=kind,
    )


def true_false(
    slot_id: str,
    ctx: Context,
    *,
    category: str,
    fact: str,
    difficulty: str,
    statement: str,
    truth: bool,
    explanation: str,
) -> Question:
    """A true/false item: options ("True", "False") in that order."""
    return Question(
        id=slot_id,
        pack=ctx.pack.id,
        category=category,
        difficulty=difficulty,
        prompt=f"True or false: {statement}",
        options=("True", "False"),
        answer=0 if truth else 1,
        explanation=explanation,
        fact=fact,
        kind="truefalse",
    )


__all__ = ["Build", "Context", "Slot", "explain", "fill", "join_names", "norm", "question"]
